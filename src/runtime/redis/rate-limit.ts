import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimit } from "../../core/rate-limit.ts";

/**
 * Per-user limits shared by every instance through Redis. rate-limiter-flexible counts fixed windows, so the
 * token bucket's "burst, then perMinute" becomes `burst` requests per window of burst/perMinute minutes: the
 * same burst and the same long-run rate. While Redis is unreachable each process limits on its own.
 */
export class RedisRateLimit implements RateLimit {
  private readonly limiter: RateLimiterRedis;
  private readonly local: RateLimiterMemory;

  /** `usable`: false while Redis is down or hung, when this process limits on its own without asking it */
  constructor(
    redis: Redis,
    burst: number,
    perMinute: number,
    private readonly usable: () => boolean = () => true,
    keyPrefix = "modelwise:rate",
  ) {
    const duration = Math.max(1, Math.ceil((burst * 60) / perMinute));
    this.local = new RateLimiterMemory({ keyPrefix, points: burst, duration });
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix,
      points: burst,
      duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: this.local,
    });
  }

  async take(key: string): Promise<number> {
    try {
      await (this.usable() ? this.limiter : this.local).consume(key);
      return 0;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw refusal;
    }
  }
}
