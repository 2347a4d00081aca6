import { createDiscordClient } from "./adapters/discord/gateway.ts";
import { loginClient } from "./adapters/discord/login.ts";
import { readConfigOrExit } from "./config/read-or-exit.ts";
import { composeDispatcher } from "./runtime/compose.ts";
import { InFlight } from "./runtime/in-flight.ts";
import { createLogger } from "./runtime/logger.ts";
import { openKnowledgeOrExit } from "./runtime/startup.ts";

/** One shard of the gateway bot, started by discord.js's ShardingManager (which sets SHARDS and SHARD_COUNT). */
const config = readConfigOrExit();
const logger = createLogger(config.logLevel).child({ shard: process.env.SHARDS });
const discord = config.discord;
if (!discord || discord.mode.kind !== "gateway") throw new Error("a shard needs DISCORD_TOKEN");
const knowledge = await openKnowledgeOrExit(config, logger);
knowledge.watch();
const inFlight = new InFlight();
const dispatcher = composeDispatcher(config, knowledge, logger);
const client = createDiscordClient({ dispatcher, logger, inFlight, adminRoleIds: discord.adminRoleIds }, discord.apiUrl);
await loginClient(client, discord.mode.token);
process.on("SIGTERM", async () => {
  await client.destroy();
  knowledge.close();
  await inFlight.drain();
  process.exit(0);
});
