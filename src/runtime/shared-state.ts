import type { AppConfig } from "../config/config.ts";
import { MemoryConversations, type ConversationStore } from "../core/conversation.ts";
import type { KnowledgeStore, LiveKnowledge } from "../core/knowledge/store.ts";
import { RateLimiter, type RateLimit } from "../core/rate-limit.ts";
import { connectRedis } from "./redis/client.ts";
import { RedisConversationStore } from "./redis/conversations.ts";
import { RedisRateLimit } from "./redis/rate-limit.ts";
import { SharedKnowledge } from "./redis/shared-knowledge.ts";

interface Logger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

/** What instances share: on Redis when REDIS_URL is set, else kept in this process. */
export interface SharedState {
  knowledge: LiveKnowledge;
  limiter: RateLimit;
  conversations: ConversationStore;
  /** "redis" or "memory", for logs */
  kind: "redis" | "memory";
  /** false while Redis is unreachable (limits and memory fall back to this process meanwhile) */
  connected(): boolean;
  close(): Promise<void>;
}

/** Opens the shared state; a Redis that cannot be reached at start is a ConfigError naming REDIS_URL. */
export async function openSharedState(config: AppConfig, store: KnowledgeStore, logger: Logger): Promise<SharedState> {
  const { burst, perMinute } = config.rateLimit;
  if (!config.redisUrl) {
    return {
      knowledge: store,
      limiter: new RateLimiter(burst, perMinute),
      conversations: new MemoryConversations(),
      kind: "memory",
      connected: () => true,
      close: async () => undefined,
    };
  }
  const redis = await connectRedis(config.redisUrl, logger);
  const knowledge = await SharedKnowledge.join(store, redis, config.instanceId, logger);
  return {
    knowledge,
    limiter: new RedisRateLimit(redis, burst, perMinute),
    conversations: new RedisConversationStore(redis, (error) => logger.warn({ error: (error as Error).message }, "conversation memory unavailable")),
    kind: "redis",
    connected: () => redis.status === "ready",
    close: async () => {
      await knowledge.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
