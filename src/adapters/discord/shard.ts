import { loadOrExit } from "../cli/session.ts";
import { loadDotEnv } from "../../config/dotenv.ts";
import { InFlight } from "../../runtime/in-flight.ts";
import { createLogger } from "../../runtime/logger.ts";
import { readDiscordConfig } from "./config.ts";
import { createDiscordClient } from "./gateway.ts";
import { loginClient } from "./index.ts";

/** One shard of the gateway bot, started by discord.js's ShardingManager (which sets SHARDS and SHARD_COUNT). */
loadDotEnv();
const logger = createLogger().child({ shard: process.env.SHARDS });
const config = readDiscordConfig(process.env);
if (!config || config.mode.kind !== "gateway") throw new Error("a shard needs DISCORD_TOKEN");
const knowledge = await loadOrExit(logger);
knowledge.watch();
const inFlight = new InFlight();
const client = createDiscordClient({ knowledge, logger, inFlight, adminRoleIds: config.adminRoleIds }, config.apiUrl);
await loginClient(client, config.mode.token);
process.on("SIGTERM", async () => {
  await client.destroy();
  knowledge.close();
  await inFlight.drain();
  process.exit(0);
});
