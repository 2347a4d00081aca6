/**
 * The price dimensions a model entry can carry beyond its standard prices (USD per 1M tokens).
 * Types only: models.yaml's zod schema (schema.ts) validates them and pricing.ts applies them.
 */

/** One set of per-1M-token prices. */
export interface PriceSet {
  inputPer1M: number;
  outputPer1M: number;
  cachedInputPer1M?: number;
  /** writing to the prompt cache (Anthropic: 5-minute cache) */
  cacheWritePer1M?: number;
}

/** Prices that apply when one request's prompt exceeds `aboveTokens` (e.g. 128K, 200K, 272K). */
export interface LongContextPrices extends PriceSet {
  aboveTokens: number;
}

/** A daily window in UTC during which `prices` apply (e.g. DeepSeek's off-peak discount); admins fill these by hand. */
interface TimeOfDayPrices {
  fromUtc: string; // "16:30"
  toUtc: string; // "00:30"
  prices: PriceSet;
  source: string;
  asOf: string;
}

/** Everything beyond the standard price list; every part is optional. */
export interface PriceDimensions {
  /** cache write price for the standard tier (Anthropic 5-minute writes) */
  cacheWritePer1M?: number;
  /** ascending by aboveTokens */
  longContext?: LongContextPrices[];
  batch?: PriceSet;
  flex?: PriceSet;
  priority?: PriceSet;
  offPeak?: TimeOfDayPrices[];
  /** output tokens include hidden reasoning tokens (o-series, GPT-5 family, R1-style reasoners) */
  reasoningInOutput?: boolean;
}

/** The price tier a cost was computed at, as reply data names it. */
export type PricingTier = "standard" | "long-context" | "batch" | "flex" | "priority" | "off-peak";
