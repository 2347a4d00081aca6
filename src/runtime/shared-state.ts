import type { AppConfig } from "../config/config.ts";
import { MemoryConversations, type ConversationStore } from "../core/conversation/conversation.ts";
import type { KnowledgeStore, LiveKnowledge } from "../core/knowledge/store.ts";
import { MemoryRateLimit, type RateLimit } from "../core/conversation/rate-limit.ts";
import { createHash } from "node:crypto";
import { ConfigError } from "../config/env-error.ts";
import { connectRedis } from "./redis/client.ts";
import { RedisConversationStore } from "./redis/conversations.ts";
import { RedisHealth, type RedisState } from "./redis/health.ts";
import { RedisRateLimit } from "./redis/rate-limit.ts";
import { MessageSigner, SharedKnowledge } from "./redis/shared-knowledge.ts";
import { localSeenOnce, redisSeenOnce, type SeenOnce } from "./seen-once.ts";

interface Logger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

/** What instances share: on Redis when REDIS_URL is set, else kept in this process. */
export interface SharedState {
  knowledge: LiveKnowledge;
  limiter: RateLimit;
  conversations: ConversationStore;
  /** request signatures and Slack event ids already accepted */
  seen: SeenOnce;
  /** "redis" or "memory", for logs */
  kind: "redis" | "memory";
  /** "down" or "slow" while Redis cannot be used (limits, memory and replay checks fall back to this process meanwhile) */
  state(): RedisState;
  close(): Promise<void>;
}

/**
 * The secret instances sign their messages with: MODELWISE_SHARED_SECRET, else one derived from the platform secrets
 * every instance already has (never sent anywhere); with none of those, Redis cannot be shared safely.
 */
export function instanceSecret(config: AppConfig): Buffer {
  if (config.sharedSecret) return Buffer.from(config.sharedSecret);
  const platform = [config.slack?.mode.kind === "http" ? config.slack.mode.signingSecret : "", config.slack?.botToken ?? "", config.discord?.mode.token ?? ""].filter(Boolean);
  if (!platform.length) throw new ConfigError("MODELWISE_SHARED_SECRET", "is needed with REDIS_URL when no Slack or Discord secret is set: instances sign their messages with it");
  return createHash("sha256").update("modelwise instance messages\0").update(platform.join("\0")).digest();
}

/** Opens the shared state; a Redis that cannot be reached at start is a ConfigError naming REDIS_URL. */
export async function openSharedState(config: AppConfig, store: KnowledgeStore, logger: Logger): Promise<SharedState> {
  const { burst, perMinute } = config.rateLimit;
  if (!config.redisUrl) {
    return {
      knowledge: store,
      limiter: new MemoryRateLimit(burst, perMinute),
      conversations: new MemoryConversations(),
      seen: localSeenOnce(),
      kind: "memory",
      state: () => "ok",
      close: async () => undefined,
    };
  }
  const signer = new MessageSigner(instanceSecret(config));
  const redis = await connectRedis(config.redisUrl, logger);
  const health = new RedisHealth(redis, (state) => {
    if (state !== "ok") logger.warn({ redis: state }, "Redis is not answering in time; answers use this process's limits, memory and replay checks meanwhile");
    else logger.info({ redis: state }, "Redis answers again");
  }).start();
  const usable = () => health.usable();
  const knowledge = await SharedKnowledge.join(store, redis, config.instanceId, logger, signer, { redisState: () => health.current() });
  return {
    knowledge,
    limiter: new RedisRateLimit(redis, burst, perMinute, usable),
    conversations: new RedisConversationStore(redis, (error) => logger.warn({ error: (error as Error).message }, "conversation memory unavailable"), usable),
    seen: redisSeenOnce(redis, usable),
    kind: "redis",
    state: () => health.current(),
    close: async () => {
      health.stop();
      await knowledge.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
