import { createDiscordClient } from "./adapters/discord/gateway.ts";
import { loginClient } from "./adapters/discord/login.ts";
import { exitOnConfigError, readConfigOrExit } from "./config/read-or-exit.ts";
import { logEachAnswer } from "./runtime/command-log.ts";
import { composeDispatcher } from "./runtime/compose.ts";
import { InFlight } from "./runtime/in-flight.ts";
import { createLogger } from "./runtime/logger.ts";
import { openSharedState } from "./runtime/shared-state.ts";
import { stopGracefullyOnSignals } from "./runtime/shutdown.ts";
import { openKnowledgeOrExit } from "./runtime/startup.ts";

/**
 * One shard of the gateway bot, started by discord.js's ShardingManager (which sets SHARDS and SHARD_COUNT).
 * Health and metrics stay with the manager process; each shard logs its answers and shares state like an instance.
 */
const config = readConfigOrExit();
const instance = `${config.instanceId}/shard-${process.env.SHARDS ?? "?"}`;
const logger = createLogger(config.logLevel).child({ shard: process.env.SHARDS });
const discord = config.discord;
if (discord?.mode.kind !== "gateway") throw new Error("a shard needs DISCORD_TOKEN");
const knowledge = await openKnowledgeOrExit(config, logger);
if (config.watchKnowledge) knowledge.watch();
const shared = await openSharedState({ ...config, instanceId: instance }, knowledge, logger).catch(exitOnConfigError);
const inFlight = new InFlight();
const dispatcher = composeDispatcher(config, shared.knowledge, logger, {
  limiter: shared.limiter,
  conversations: shared.conversations,
  onAnswered: logEachAnswer(logger, instance),
});
const client = createDiscordClient({ dispatcher, logger, inFlight, adminRoleIds: discord.adminRoleIds }, discord.apiUrl);
stopGracefullyOnSignals({
  inFlight,
  timeoutMs: config.shutdownTimeoutMs,
  logger,
  stopAccepting: () => client.destroy(),
  release: async () => {
    knowledge.close();
    await shared.close();
  },
});
await loginClient(client, discord.mode.token);
