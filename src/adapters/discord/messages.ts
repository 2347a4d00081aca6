import type { Client, Message } from "discord.js";
import { parseLine } from "../../core/dispatch.ts";
import { renderDiscordMessage, withChart } from "./embeds.ts";
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
      const { message: rendered, file } = await withChart(renderDiscordMessage(reply), reply);
      await deps.inFlight.track(
        message.reply({
          embeds: rendered.embeds,
          allowedMentions: { parse: [], repliedUser: false },
          files: file ? [{ attachment: file.data, name: file.name, description: file.description }] : [],
        }),
      );
    } catch (error) {
      deps.logger.error({ err: error, surface: "discord" }, "message answer failed");
    }
  });
}
