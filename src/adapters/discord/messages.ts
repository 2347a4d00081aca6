import type { Client, Message } from "discord.js";
import { parseLine } from "../../core/dispatch/dispatch.ts";
import { deliverToDiscord } from "./delivery.ts";
import type { DiscordDeps } from "./interactions.ts";

/**
 * Messages the bot is asked in: direct messages, and messages in a server that mention it or reply to it. A DM is
 * one conversation; in a server each person's thread of questions in a channel is one, so "and for 1B tokens?"
 * follows their last question there.
 */
export function listenToMessages(client: Client, deps: DiscordDeps): void {
  client.on("messageCreate", async (message: Message) => {
    try {
      const me = client.user?.id;
      if (message.author.bot || !me) return;
      const direct = message.guildId === null;
      const addressed = message.mentions.users.has(me) || message.mentions.repliedUser?.id === me;
      if (!direct && !addressed) return;
      const line = message.content.replace(/<@!?\d+>/g, " ").trim();
      if (!line) return;
      const { command, text } = parseLine(line);
      const conversation = direct ? `discord:dm:${message.channelId}` : `discord:${message.channelId}:${message.author.id}`;
      const reply = await deps.inFlight.track(deps.dispatcher.answer({ command, text, user: { id: message.author.id }, isAdmin: false, surface: "discord", conversation }));
      let sent: Message | null = null;
      // the answer first, as a reply; its chart is edited in when drawn (never the other way round)
      const delivery = deliverToDiscord(deps, reply, {
        post: async (rendered) => {
          sent = await message.reply({ embeds: rendered.embeds, allowedMentions: { parse: [], repliedUser: false } });
        },
        attach: async (rendered, file) => {
          await sent?.edit({ embeds: rendered.embeds, files: [{ attachment: file.data, name: file.name, description: file.description }], allowedMentions: { parse: [] } });
        },
        // a message has no ephemeral replies: the note goes on the answer itself
        note: async (text) => {
          await sent?.edit({ content: `-# ${text}`, allowedMentions: { parse: [] } });
        },
      });
      await deps.inFlight.track(delivery);
    } catch (error) {
      deps.logger.error({ err: error, surface: "discord" }, "message answer failed");
    }
  });
}
