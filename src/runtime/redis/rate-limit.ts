import type { Redis } from "ioredis";
import { MemoryRateLimit, tokenBucketWait, type RateLimit } from "../../core/conversation/rate-limit.ts";

/**
 * The same token bucket as MemoryRateLimit (src/core/conversation/rate-limit.ts), kept in Redis and updated
 * atomically by one script, so every instance counts one user's requests together and a user sees the same limits whether
 * there is one instance or ten. The caller's clock is passed in (instances keep time with NTP), so both
 * implementations answer a sequence of requests identically.
 */
const TAKE = `
local burst = tonumber(ARGV[1])
local refill_per_ms = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or burst
local at = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * refill_per_ms)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / refill_per_ms) + 1000)
return {allowed, tostring(tokens)}
`;

export class RedisRateLimit implements RateLimit {
  /** while Redis is down or hung, this process limits on its own, with the same bucket */
  private readonly local: MemoryRateLimit;

  /** `usable`: false while Redis is down or hung, when this process limits on its own without asking it */
  constructor(
    private readonly redis: Redis,
    readonly burst: number,
    readonly perMinute: number,
    private readonly usable: () => boolean = () => true,
    private readonly keyPrefix = "modelwise:rate",
    private readonly now: () => number = () => Date.now(),
  ) {
    this.local = new MemoryRateLimit(burst, perMinute, now);
  }

  async take(key: string): Promise<number> {
    if (!this.usable()) return this.local.take(key);
    const refillPerMs = this.perMinute / 60_000;
    try {
      const [allowed, tokens] = (await this.redis.eval(TAKE, 1, `${this.keyPrefix}:${key}`, this.burst, refillPerMs, this.now())) as [number, string];
      return allowed === 1 ? 0 : tokenBucketWait(Number(tokens), refillPerMs);
    } catch {
      return this.local.take(key);
    }
  }
}
