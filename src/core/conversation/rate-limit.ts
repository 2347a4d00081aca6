/** How the dispatcher limits chat users: 0 when allowed, else the seconds until the next request is. */
export interface RateLimit {
  take(key: string): number | Promise<number>;
}

/** Seconds until a bucket holding `tokens` (less than one) has refilled one, at `refillPerMs` tokens a millisecond. */
export function tokenBucketWait(tokens: number, refillPerMs: number): number {
  return Math.ceil((1 - tokens) / refillPerMs / 1000);
}

/** A token bucket per user, in this process: bursts are fine, a flood from one user cannot starve everyone else. */
export class MemoryRateLimit implements RateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly burst: number,
    readonly perMinute: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes one request's token; returns 0 when allowed, else the seconds until the next one is. */
  take(key: string): number {
    const now = this.now();
    const refillPerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * refillPerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.forgetFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return tokenBucketWait(bucket.tokens, refillPerMs);
  }

  /** Users whose bucket has refilled need no memory. */
  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * (this.perMinute / 60_000) >= this.burst) this.buckets.delete(key);
    }
  }
}
