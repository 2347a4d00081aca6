import { REST, Routes } from "discord.js";
import { commands } from "../commands/index.ts";
import { discordCommandDefinitions } from "../src/adapters/discord/definitions.ts";
import { loadDotEnv } from "../src/config/dotenv.ts";

/** npm run discord:deploy — registers the slash commands: to DISCORD_GUILD_ID if set (instant), else globally. */
loadDotEnv();
const token = process.env.DISCORD_TOKEN?.trim();
const clientId = process.env.DISCORD_CLIENT_ID?.trim();
const guildId = process.env.DISCORD_GUILD_ID?.trim();
const missing = [!token && "DISCORD_TOKEN", !clientId && "DISCORD_CLIENT_ID"].filter(Boolean);
if (missing.length) {
  console.error(`discord:deploy needs ${missing.join(" and ")} (see .env.example)`);
  process.exit(1);
}
const apiUrl = process.env.DISCORD_API_URL?.trim();
const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token!);
const definitions = discordCommandDefinitions(commands);
try {
  const route = guildId ? Routes.applicationGuildCommands(clientId!, guildId) : Routes.applicationCommands(clientId!);
  await rest.put(route, { body: definitions });
  console.log(`registered ${definitions.length} commands ${guildId ? `in guild ${guildId}` : "globally (may take up to an hour to appear)"}`);
  const admin = commands.filter((c) => c.spec.adminOnly).map((c) => `/${c.spec.name}`);
  if (admin.length) {
    // Discord lets only a server admin (an OAuth user, not the bot) change who sees a command
    console.log(
      `${admin.join(" and ")} are shown only to members with Manage Server. To show them to the roles in DISCORD_ADMIN_ROLE_IDS: ` +
        "Server Settings → Integrations → modelwise → Manage → pick each command → Add Roles or Members.",
    );
  }
} catch (error) {
  console.error(`discord:deploy failed: ${(error as Error).message}`);
  process.exit(1);
}
