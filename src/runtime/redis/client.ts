import { Redis } from "ioredis";
import { ConfigError } from "../../config/env-error.ts";

interface WarnLogger {
  warn(details: Record<string, unknown>, message: string): void;
  info(details: Record<string, unknown>, message: string): void;
}

/** Where a Redis URL points, without its password, for messages. */
function redisAddress(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 6379}`;
}

/**
 * Connects to Redis, or throws a ConfigError naming REDIS_URL when it cannot be reached in time. Commands fail
 * fast while the connection is down (no offline queue), so a Redis outage slows no answer: callers fall back.
 */
export async function connectRedis(url: string, logger: WarnLogger, timeoutMs = 5_000): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // Redis answers in well under a millisecond; a command this late means it is hung (RedisHealth then skips it)
    commandTimeout: 500,
    connectTimeout: timeoutMs,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let lastError = "";
  let connectedOnce = false;
  redis.on("error", (error: Error & { code?: string }) => {
    const message = error.code ?? error.message;
    // before the first connection the start-up error below says it all
    if (connectedOnce && message !== lastError) logger.warn({ redis: redisAddress(url), error: message }, "Redis connection problem; shared state falls back to this process");
    lastError = message;
  });
  redis.on("ready", () => {
    connectedOnce = true;
    if (lastError) logger.info({ redis: redisAddress(url) }, "Redis connection restored");
    lastError = "";
  });
  const timer = setTimeout(() => redis.disconnect(), timeoutMs);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const reason = lastError || (error as { code?: string }).code || (error as Error).message;
    throw new ConfigError("REDIS_URL", `cannot connect to Redis at ${redisAddress(url)} (${reason})`);
  } finally {
    clearTimeout(timer);
  }
  return redis;
}
