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
 * Bounded: when full the oldest is forgotten, and from then on nothing signed at or before the forgotten one's time
 * is accepted, since a replay of it could no longer be told apart. Requests arrive seconds after they are signed, so
 * only a flood of more than `capacity` requests in the last seconds makes that refuse a real one.
 */
export class RecentSignatures {
  private readonly seen = new Set<string>();
  // oldest first, in a ring: which signature, when accepted (ms) and when signed (s); no allocation per request
  private readonly order: (string | undefined)[];
  private readonly acceptedAtMs: Float64Array;
  private readonly signedAtS: Float64Array;
  private oldest = 0;
  private forgottenUpToS = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.order = new Array(capacity);
    this.acceptedAtMs = new Float64Array(capacity);
    this.signedAtS = new Float64Array(capacity);
  }

  /** Records the signature; false when it was already seen (a replay) or is too old to tell. */
  accept(signature: string, signedAtS: number = Number.POSITIVE_INFINITY): boolean {
    const now = this.now();
    this.forgetExpired(now);
    if (signedAtS <= this.forgottenUpToS || this.seen.has(signature)) return false;
    if (this.seen.size === this.capacity) {
      const oldestSignedAtS = this.signedAtS[this.oldest]!;
      this.forgetOldest();
      if (Number.isFinite(oldestSignedAtS)) this.forgottenUpToS = Math.max(this.forgottenUpToS, oldestSignedAtS);
    }
    const slot = (this.oldest + this.seen.size) % this.capacity;
    this.order[slot] = signature;
    this.acceptedAtMs[slot] = now;
    this.signedAtS[slot] = signedAtS;
    this.seen.add(signature);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private forgetOldest(): void {
    this.seen.delete(this.order[this.oldest]!);
    this.order[this.oldest] = undefined;
    this.oldest = (this.oldest + 1) % this.capacity;
  }

  private forgetExpired(now: number): void {
    const horizon = now - (MAX_REQUEST_AGE_S + MAX_CLOCK_SKEW_S) * 1000;
    while (this.seen.size > 0 && this.acceptedAtMs[this.oldest]! < horizon) this.forgetOldest();
  }
}
