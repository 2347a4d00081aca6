import type { AppConfig } from "./config/config.ts";
import { readConfigOrExit } from "./config/read-or-exit.ts";
import { tuneHeap } from "./runtime/heap.ts";
import { createLogger } from "./runtime/logger.ts";
import { serveBot } from "./runtime/serve.ts";

/**
 * One shard of the gateway bot, started by discord.js's ShardingManager (which sets SHARDS and SHARD_COUNT): the bot
 * composed as everywhere else, with its own gateway connection only. Slack, health and metrics, price digests and the
 * scheduled refresh stay with the manager process; each shard logs its answers and shares state like an instance.
 */
function asShard(config: AppConfig, shard: string): AppConfig {
  if (config.discord?.mode.kind !== "gateway") throw new Error("a shard needs DISCORD_TOKEN");
  return {
    ...config,
    instanceId: `${config.instanceId}/shard-${shard}`,
    slack: null,
    discord: { ...config.discord, mode: { ...config.discord.mode, shards: null } },
    healthPort: null,
    priceDigest: { ...config.priceDigest, slackChannel: null, discordChannelId: null },
    priceRefresh: { ...config.priceRefresh, everyMs: null },
  };
}

tuneHeap();
const config = readConfigOrExit();
const shard = process.env.SHARDS ?? "?";
await serveBot(asShard(config, shard), createLogger(config.logLevel).child({ shard }));
