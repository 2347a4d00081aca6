import type { Client } from "discord.js";
import { ConfigError } from "../../config/env-error.ts";

export async function loginClient(client: Client, token: string): Promise<void> {
  try {
    await client.login(token);
  } catch (error) {
    throw new ConfigError("DISCORD_TOKEN", `Discord did not accept it (${(error as Error).message})`);
  }
}
