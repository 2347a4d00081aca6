/** USD per token → USD per 1M tokens, without float noise (1.25e-6 × 1e6 is 1.25, not 1.2499999999999998). */
export function per1M(perToken: number): number {
  return Number((perToken * 1e6).toPrecision(12));
}

/** The date a LiteLLM map's prices are as of: its last_updated stamp, else `fallback`. */
export function pricesDate(map: Record<string, unknown>, fallback: string): string {
  const stamp = typeof map.last_updated === "string" ? map.last_updated.slice(0, 10) : "";
  return /^\d{4}-\d{2}-\d{2}$/.test(stamp) ? stamp : fallback;
}
