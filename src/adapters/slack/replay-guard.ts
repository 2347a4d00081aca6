/** How far a signed timestamp may lie in the past (Slack's and Discord's documented five minutes). */
export const MAX_REQUEST_AGE_S = 300;
/** How far it may lie in the future: clock skew between the platform and this host, nothing more. */
export const MAX_CLOCK_SKEW_S = 60;

/** Why a signed request's timestamp is refused, or null when it is fresh. */
export function staleTimestamp(timestampText: string | undefined, nowMs: number): string | null {
  if (!timestampText || !/^\d{1,12}$/.test(timestampText)) return "no timestamp";
  const age = nowMs / 1000 - Number(timestampText);
  if (age > MAX_REQUEST_AGE_S) return "timestamp older than 5 minutes";
  if (age < -MAX_CLOCK_SKEW_S) return "timestamp in the future";
  return null;
}

/**
 * The signatures of recently accepted requests, so an exact replay inside the freshness window is refused.
 * Bounded: when full the oldest is forgotten; a signature older than the window cannot be replayed anyway,
 * because its timestamp is then refused.
 */
export class RecentSignatures {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records the signature; false when it was already seen (a replay). */
  accept(signature: string): boolean {
    const now = this.now();
    this.forgetExpired(now);
    if (this.seen.has(signature)) return false;
    this.seen.set(signature, now);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private forgetExpired(now: number): void {
    const horizon = now - (MAX_REQUEST_AGE_S + MAX_CLOCK_SKEW_S) * 1000;
    for (const [signature, at] of this.seen) {
      if (at >= horizon) break;
      this.seen.delete(signature);
    }
  }
}
