import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SlashCommandBooleanOption,
  type SlashCommandIntegerOption,
  type SlashCommandNumberOption,
  type SlashCommandStringOption,
} from "discord.js";
import type { Command, OptionSpec } from "../../core/dispatch/command.ts";
import { discordOptionSpecs, modelOptionNames, MORE_OPTION } from "./options-to-text.ts";
import { hanToTraditional, type ToTraditional } from "./traditional.ts";

/** Discord's own limits: a string option's length, options per command, choices per option. */
const MAX_STRING_OPTION = 6000;
const MAX_OPTIONS = 25;
const MAX_CHOICES = 25;
/** On Discord `chart` is on/off (a path to write it to only makes sense in the terminal). */
const CHART_SWITCH = { en: "False: answer without a chart", zh: "False：回答不附图表" };
const MORE_DESCRIPTION = (folded: OptionSpec[], lang: "en" | "zh") =>
  `${lang === "en" ? "more, as key:value" : "更多选项，写作 key:value"}: ${folded.map((o) => o.name).join(" ")}`;

const hasHan = (text: string) => /\p{Script=Han}/u.test(text);
const describe = (text: string) => text.slice(0, 100);

export interface DefinitionOptions {
  /** zh-CN → zh-TW; see traditional.ts for plugging in a maintained converter */
  toTraditional?: ToTraditional;
}

/** Everyone's commands work in servers, in DMs with the bot and in group DMs, installed to a server or to a user. */
const EVERYWHERE = {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
  integrationTypes: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
};
/** Admin commands only where the bot itself is installed: a server, never a user's own install or a DM. */
const SERVER_ONLY = { contexts: [InteractionContextType.Guild], integrationTypes: [ApplicationIntegrationType.GuildInstall] };

/** The Chinese name of an option: its first Chinese alias in the shared grammar, if it has one. */
function zhName(option: { name: string; aliases?: string[] }): string | null {
  return option.aliases?.find(hasHan)?.toLowerCase().slice(0, 32) ?? null;
}

/** Slash-command definitions generated from the command registry, with zh-CN and (Traditional) zh-TW localizations. */
export function discordCommandDefinitions(commands: readonly Command[], options: DefinitionOptions = {}): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const toTraditional = options.toTraditional ?? hanToTraditional;

  function localized<T extends { setNameLocalizations: (l: Record<string, string>) => T; setDescriptionLocalizations: (l: Record<string, string>) => T }>(
    builder: T,
    zh: string | null,
    zhDescription: string,
  ): T {
    if (zh) builder.setNameLocalizations({ "zh-CN": zh, "zh-TW": toTraditional(zh).slice(0, 32) });
    return builder.setDescriptionLocalizations({ "zh-CN": describe(zhDescription), "zh-TW": describe(toTraditional(zhDescription)) });
  }

  function addOption(builder: SlashCommandBuilder, option: OptionSpec): void {
    const description = option.name === "chart" ? CHART_SWITCH : option.description;
    const zh = zhName(option);
    const label = <T extends SlashCommandStringOption | SlashCommandBooleanOption | SlashCommandNumberOption | SlashCommandIntegerOption>(o: T): T =>
      o.setName(option.name).setDescription(describe(description.en)) as T;
    if (option.name === "chart" || option.yesNo) builder.addBooleanOption((o) => localized(label(o), zh, description.zh));
    else if (option.kind === "number") builder.addNumberOption((o) => localized(label(o), zh, description.zh).setMinValue(0));
    else if (option.kind === "count") builder.addIntegerOption((o) => localized(label(o), zh, description.zh).setMinValue(1));
    else if (option.choices) {
      if (option.choices.length > MAX_CHOICES) throw new Error(`${option.name}: Discord offers at most ${MAX_CHOICES} choices`);
      builder.addStringOption((o) => localized(label(o), zh, description.zh).addChoices(...option.choices!.map((value) => ({ name: value, value }))));
    } else builder.addStringOption((o) => localized(label(o), zh, description.zh).setAutocomplete(Boolean(option.complete)));
  }

  return commands.map(({ spec }) => {
    const builder = localized(new SlashCommandBuilder().setName(spec.name).setDescription(describe(spec.description.en)), spec.localName.zh ?? null, spec.description.zh);
    const reach = spec.adminOnly ? SERVER_ONLY : EVERYWHERE;
    builder.setContexts(reach.contexts).setIntegrationTypes(reach.integrationTypes);
    // hidden from members without Manage Server; a server admin shows them to the DISCORD_ADMIN_ROLE_IDS roles in
    // Server Settings → Integrations → modelwise (printed by npm run discord:deploy)
    if (spec.adminOnly) builder.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
    const positional = spec.positional;
    const modelFields = modelOptionNames(spec);
    const { own, folded, globals } = discordOptionSpecs(spec);
    const count = (modelFields.length || (positional ? 1 : 0)) + (spec.flags?.length ?? 0) + own.length + (folded.length ? 1 : 0) + globals.length;
    if (count > MAX_OPTIONS) throw new Error(`/${spec.name} has ${count} options; Discord takes ${MAX_OPTIONS}: mark rarely typed ones rare`);
    if (positional && modelFields.length) {
      for (const [i, name] of modelFields.entries()) {
        builder.addStringOption((o) =>
          localized(
            o
              .setName(name)
              .setDescription(i === 0 ? describe(positional.description.en) : `another model (${i + 1})`)
              .setRequired(i === 0 && positional.required)
              .setAutocomplete(Boolean(positional.complete)),
            `模型${modelFields.length > 1 ? i + 1 : ""}`,
            i === 0 ? positional.description.zh : `另一个模型（${i + 1}）`,
          ),
        );
      }
    } else if (positional) {
      builder.addStringOption((o) =>
        localized(
          o
            .setName(positional.name)
            .setDescription(describe(positional.description.en))
            .setRequired(positional.required)
            .setMaxLength(MAX_STRING_OPTION)
            .setAutocomplete(Boolean(positional.complete)),
          null,
          positional.description.zh,
        ),
      );
    }
    for (const flag of spec.flags ?? []) {
      builder.addBooleanOption((o) => localized(o.setName(flag.name).setDescription(describe(flag.description.en)), zhName(flag), flag.description.zh));
    }
    for (const option of own) addOption(builder, option);
    if (folded.length)
      builder.addStringOption((o) => localized(o.setName(MORE_OPTION).setDescription(describe(MORE_DESCRIPTION(folded, "en"))), "更多", MORE_DESCRIPTION(folded, "zh")));
    for (const option of globals) addOption(builder, option);
    return builder.toJSON();
  });
}
