import { Client, Events, GatewayIntentBits, MessageFlags, Partials, type AutocompleteInteraction, type ChatInputCommandInteraction, type Interaction } from "discord.js";
import { deliverToDiscord } from "./delivery.ts";
import type { ChartFile, DiscordMessage } from "./embeds.ts";
import { listenToMessages } from "./messages.ts";
import { answerDiscord, discordAutocomplete, isGuildInstall, isSlow, type DiscordDeps, type DiscordRequest } from "./interactions.ts";
import { ANSWER_IN_REPLY_MS, within } from "../within.ts";
import { translator } from "../../core/i18n/translate.ts";
import { interactionRestOptions } from "./rest.ts";
import { detectLang, langFromLocale } from "../../core/i18n/lang.ts";

function toRequest(interaction: ChatInputCommandInteraction | AutocompleteInteraction): DiscordRequest {
  const member = interaction.member;
  const roleIds = member && "roles" in member ? (Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()]) : [];
  return {
    commandName: interaction.commandName,
    options: interaction.options.data.map((o) => ({ name: o.name, value: o.value ?? undefined, focused: o.focused })),
    locale: interaction.locale,
    userId: interaction.user.id,
    permissions: interaction.memberPermissions?.bitfield.toString() ?? null,
    roleIds,
    guildInstalled: isGuildInstall(interaction.guildId, interaction.authorizingIntegrationOwners as unknown as Record<string, string | undefined> | null),
  };
}

const asOptions = (message: DiscordMessage, file: ChartFile | null = null) => ({
  embeds: message.embeds,
  allowedMentions: { parse: [] },
  files: file ? [{ attachment: file.data, name: file.name, description: file.description }] : [],
});

async function handleCommand(deps: DiscordDeps, interaction: ChatInputCommandInteraction): Promise<void> {
  const request = toRequest(interaction);
  if (isSlow(deps, request)) await interaction.deferReply();
  const work = answerDiscord(deps, request);
  let reply = interaction.deferred ? await work : await within(work, ANSWER_IN_REPLY_MS);
  if (!reply) {
    await interaction.deferReply();
    reply = await work;
  }
  const delivery = deliverToDiscord(deps, reply, {
    post: async (message, privately) => {
      if (!interaction.deferred) await interaction.reply(privately ? { ...asOptions(message), flags: MessageFlags.Ephemeral } : asOptions(message));
      else if (!privately) await interaction.editReply(asOptions(message));
      else {
        // a deferred answer is public; an error or a private answer goes to the asker alone instead
        await interaction.deleteReply();
        await interaction.followUp({ ...asOptions(message), flags: MessageFlags.Ephemeral });
      }
    },
    attach: async (message, file) => void (await interaction.editReply(asOptions(message, file))),
    note: async (text) => void (await interaction.followUp({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } })),
  });
  await deps.inFlight.track(delivery);
}

/** The gateway surface: discord.js with the minimum intent, and mentions off by default. */
export function createDiscordClient(deps: DiscordDeps, apiUrl?: string): Client {
  const client = new Client({
    // messages: DMs, and server messages that mention or reply to the bot (their text comes without the privileged intent)
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    // the bot's only REST calls answer interactions, which Discord's global rate limit does not cover
    rest: interactionRestOptions(apiUrl),
  });
  listenToMessages(client, deps);
  client.on(Events.InteractionCreate, async (interaction: Interaction) => {
    try {
      if (interaction.isAutocomplete()) await interaction.respond(discordAutocomplete(deps, toRequest(interaction)));
      else if (interaction.isChatInputCommand()) await handleCommand(deps, interaction);
    } catch (error) {
      deps.logger.error({ err: error, surface: "discord" }, "interaction failed");
      if (!interaction.isChatInputCommand()) return;
      const t = translator(detectLang("", langFromLocale(interaction.locale)));
      const failure = { content: t("error.internal"), flags: MessageFlags.Ephemeral as const, allowedMentions: { parse: [] } };
      await (interaction.replied || interaction.deferred ? interaction.followUp(failure) : interaction.reply(failure)).catch(() => undefined);
    }
  });
  return client;
}
