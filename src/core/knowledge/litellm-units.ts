import type { LongContextPrices, PriceDimensions, PriceSet } from "./price-tiers.ts";

/** One entry of LiteLLM's model_prices_and_context_window.json (USD per token), as far as modelwise reads it. */
export interface LiteLLMEntry {
  mode?: string;
  litellm_provider?: string;
  input_cost_per_token?: number;
  output_cost_per_token?: number;
  cache_read_input_token_cost?: number;
  cache_creation_input_token_cost?: number;
  max_input_tokens?: number;
  max_output_tokens?: number;
  max_tokens?: number;
  deprecation_date?: string;
  supports_vision?: boolean;
  supports_reasoning?: boolean;
  supports_function_calling?: boolean;
  supports_tool_choice?: boolean;
  /** Alibaba's prompt-size bands: the first is the standard price, each later one applies above its range's start */
  tiered_pricing?: { range?: number[]; input_cost_per_token?: number; output_cost_per_token?: number; cache_read_input_token_cost?: number }[];
  /** `…_above_200k_tokens`, `…_batches`, `…_flex`, `…_priority` and the rest */
  [field: string]: unknown;
}

/** USD per token → USD per 1M tokens, without float noise (1.25e-6 × 1e6 is 1.25, not 1.2499999999999998). */
export function per1M(perToken: number): number {
  return Number((perToken * 1e6).toPrecision(12));
}

/** The date a LiteLLM map's prices are as of: its last_updated stamp, else `fallback`. */
export function pricesDate(map: Record<string, unknown>, fallback: string): string {
  const stamp = typeof map.last_updated === "string" ? map.last_updated.slice(0, 10) : "";
  return /^\d{4}-\d{2}-\d{2}$/.test(stamp) ? stamp : fallback;
}

/**
 * A per-token price, when it is one: 0 or more, and at most $1 a token. Above curated prices' ceiling (schema.ts
 * PRICE_CEILINGS), so the map's own unit errors ($71,000 per 1M) still reach /providers, which names them as such;
 * a planted 1e308 does not.
 */
const MAX_USD_PER_TOKEN = 1;
const num = (value: unknown): number | undefined => (typeof value === "number" && value >= 0 && value <= MAX_USD_PER_TOKEN ? value : undefined);

/** A price set from `<base>{suffix}` fields (suffix "" for standard, "_batches", "_flex", "_priority", "_above_200k_tokens" …). */
function priceSet(entry: LiteLLMEntry, suffix: string, fallbackOutput?: number): PriceSet | undefined {
  const input = num(entry[`input_cost_per_token${suffix}`]);
  const output = num(entry[`output_cost_per_token${suffix}`]) ?? fallbackOutput;
  if (input === undefined || output === undefined) return undefined;
  const cached = num(entry[`cache_read_input_token_cost${suffix}`]);
  const write = num(entry[`cache_creation_input_token_cost${suffix}`]);
  return {
    inputPer1M: per1M(input),
    outputPer1M: per1M(output),
    ...(cached !== undefined ? { cachedInputPer1M: per1M(cached) } : {}),
    ...(write !== undefined ? { cacheWritePer1M: per1M(write) } : {}),
  };
}

/**
 * The standard price list: the top-level prices, or the first band of Alibaba's `tiered_pricing`
 * (their models list only bands). Null when the map has no token price for the model.
 */
export function standardPrices(entry: LiteLLMEntry): { inputPer1M: number; outputPer1M: number; cachedInputPer1M?: number } | null {
  const top = priceSet(entry, "");
  const firstBand = entry.tiered_pricing?.[0];
  const set = top ?? (firstBand ? priceSet(firstBand as LiteLLMEntry, "") : undefined);
  if (!set) return null;
  return { inputPer1M: set.inputPer1M, outputPer1M: set.outputPer1M, ...(set.cachedInputPer1M !== undefined ? { cachedInputPer1M: set.cachedInputPer1M } : {}) };
}

const ABOVE = /^input_cost_per_token_above_(\d+)k_tokens$/;

/** Prices above a prompt size: LiteLLM's `…_above_<N>k_tokens` fields (N × 1,000 tokens) or the later Alibaba bands. */
function longContextPrices(entry: LiteLLMEntry, standardOutput: number | undefined): LongContextPrices[] {
  const found: LongContextPrices[] = [];
  for (const field of Object.keys(entry)) {
    const match = ABOVE.exec(field);
    if (!match) continue;
    const set = priceSet(entry, `_above_${match[1]}k_tokens`, standardOutput);
    if (set) found.push({ aboveTokens: Number(match[1]) * 1000, ...set });
  }
  for (const band of (entry.tiered_pricing ?? []).slice(1)) {
    const start = band.range?.[0];
    const set = priceSet(band as LiteLLMEntry, "");
    if (typeof start === "number" && start > 0 && set) found.push({ aboveTokens: start, ...set });
  }
  return found.sort((a, b) => a.aboveTokens - b.aboveTokens);
}

/**
 * Every price dimension the map gives beyond the standard list. Left out because PriceSet cannot hold them:
 * long-context prices of the priority tier (`…_above_272k_tokens_priority`), 1-hour cache writes
 * (`cache_creation_input_token_cost_above_1hr`), a separate price for reasoning tokens
 * (`output_cost_per_reasoning_token`), and audio, image, video and search prices.
 */
export function priceDimensions(entry: LiteLLMEntry): Omit<PriceDimensions, "offPeak" | "reasoningInOutput"> {
  const standardOutput = num(entry.output_cost_per_token) ?? num(entry.tiered_pricing?.[0]?.output_cost_per_token);
  const write = num(entry.cache_creation_input_token_cost);
  const longContext = longContextPrices(entry, standardOutput);
  const batch = priceSet(entry, "_batches");
  const flex = priceSet(entry, "_flex");
  const priority = priceSet(entry, "_priority");
  return {
    ...(write !== undefined ? { cacheWritePer1M: per1M(write) } : {}),
    ...(longContext.length ? { longContext } : {}),
    ...(batch ? { batch } : {}),
    ...(flex ? { flex } : {}),
    ...(priority ? { priority } : {}),
  };
}
