import { REST, Routes } from "discord.js";

/** Posts a plain message to a channel with the bot token (the bot needs Send Messages there). */
export function discordChannelPoster(token: string, channelId: string, apiUrl?: string): (text: string) => Promise<void> {
  const rest = new REST({ ...(apiUrl ? { api: apiUrl } : {}), retries: 2, timeout: 10_000 }).setToken(token);
  return async (text) => {
    await rest.post(Routes.channelMessages(channelId), { body: { content: text, allowed_mentions: { parse: [] } } });
  };
}
