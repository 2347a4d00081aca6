import type { PriceDimensions, PriceSet, PricingTier } from "../knowledge/price-tiers.ts";
import type { PricedModel, Workload } from "../knowledge/schema.ts";
import { kept } from "../kept.ts";

/** A priced model with whatever extra price dimensions its entry carries (all optional). */
export type PricedEntry = PricedModel & PriceDimensions;

/** How the user buys the tokens, beyond how many. Every field is optional; absent means the standard way. */
interface PriceOptions {
  /** tokens in one request's prompt: decides long-context prices (unknown → standard prices) */
  promptTokensPerRequest?: number;
  /** sent through the provider's batch API */
  batch?: boolean;
  /** OpenAI-style service tier; ignored when `batch` is set (batch is its own tier) */
  serviceTier?: "flex" | "priority";
  /** inside the model's off-peak window (DeepSeek-style time-of-day prices) */
  offPeak?: boolean;
  /**
   * Share of input tokens written to the prompt cache (Anthropic bills writes above the input price).
   * Defaults to 0: only Anthropic-style caches bill writes, and only when the user says they cache.
   * Capped at what `cachedPercent` leaves over: cache reads and writes are both slices of the input.
   */
  cacheWritePercent?: number;
}

export type CostWorkload = Workload & PriceOptions;

/** Where the model has no price for what was asked and another one was used. */
export type PricingFallback =
  /** the requested tier is not offered for this model (or not in the knowledge): standard prices used */
  | "no-batch-price"
  | "no-flex-price"
  | "no-priority-price"
  | "no-off-peak-price"
  /** a tier price above a long-context threshold is not listed: the long-context price scaled by the tier's discount */
  | "no-long-context-batch-price"
  | "no-long-context-flex-price"
  | "no-long-context-priority-price"
  | "no-long-context-off-peak-price"
  /** no cached-input price at all: cached tokens billed at the input price */
  | "no-cached-price"
  /** no cache-write price: cache writes billed at the input price (what OpenAI, Gemini and DeepSeek charge) */
  | "no-cache-write-price"
  /** the chosen price list has no cached / cache-write price: the next less specific list's (tier → long-context → standard) was used */
  | "cached-price-from-another-tier"
  | "cache-write-price-from-another-tier"
  /** batch and a service tier were both asked for: batch applied */
  | "service-tier-ignored-for-batch";

/** The per-1M-token prices a cost was actually computed at. */
interface PricesUsed {
  inputPer1M: number;
  outputPer1M: number;
  /** what a cached input token cost (the input price when the model has none) */
  cachedInputPer1M: number;
  /** what a cache-write token cost (the input price when the model has none) */
  cacheWritePer1M: number;
}

export interface WorkloadCost {
  /** input tokens neither read from nor written to the cache */
  inputUsd: number;
  cachedInputUsd: number;
  cacheWriteUsd: number;
  outputUsd: number;
  totalUsd: number;
  prices: PricesUsed;
  /** the tier named in reply data: a service tier (batch/flex/priority/off-peak) when one applied, else long-context or standard */
  pricing: PricingTier;
  /** the long-context threshold whose prices applied (also when a service tier was stacked on it); null when none */
  longContextAboveTokens: number | null;
  fallbacks: PricingFallback[];
  /** output tokens include hidden reasoning tokens: real output counts run above the visible reply */
  reasoningInOutput: boolean;
  /** one request's prompt is larger than the model's context window */
  promptExceedsContext: boolean;
  /** the prompt is past the model's window and inside the larger one it offers as a beta (priced, and said so) */
  inBetaContext: boolean;
  /** kept for callers of the earlier API: cached tokens were billed at the input price */
  cachedAtInputPrice: boolean;
}

const PER_MILLION = 1_000_000;

type ServiceTier = "batch" | "flex" | "priority" | "off-peak";

function requestedTier(workload: CostWorkload, fallbacks: PricingFallback[] | null): ServiceTier | null {
  if (workload.batch) {
    if (workload.serviceTier) fallbacks?.push("service-tier-ignored-for-batch");
    return "batch";
  }
  if (workload.serviceTier) return workload.serviceTier;
  return workload.offPeak ? "off-peak" : null;
}

function tierPrices(model: PricedEntry, tier: ServiceTier): PriceSet | undefined {
  if (tier === "off-peak") return model.offPeak?.[0]?.prices;
  return model[tier];
}

/** The highest long-context threshold the prompt exceeds ("above 200K" means more than 200,000 tokens). */
function longContextPrices(model: PricedEntry, promptTokens: number | undefined) {
  if (promptTokens === undefined || !model.longContext?.length) return undefined;
  return model.longContext
    .filter((band) => promptTokens > band.aboveTokens)
    .reduce<(typeof model.longContext)[number] | undefined>((best, band) => (!best || band.aboveTokens > best.aboveTokens ? band : best), undefined);
}

/** A tier's price relative to the standard one, for stacking the tier on long-context prices. */
function discount(tierPrice: number | undefined, standardPrice: number | undefined, fallback: number): number {
  if (tierPrice === undefined || standardPrice === undefined || standardPrice === 0) return fallback;
  return tierPrice / standardPrice;
}

/**
 * Stacks a service tier on long-context prices: the long-context price times the tier's ratio to the standard price.
 * Where providers publish both, that is how they combine: every one of the 27 combined "priority above 200K/272K"
 * prices in LiteLLM's map of 2026-07-24 (Azure GPT-5.4/5.5/5.6, Gemini 2.5/3/3.1 Pro) equals this product
 * (test/pricing-dimensions.test.ts checks them all), and Anthropic's batch discount applies to all usage
 * (https://platform.claude.com/docs/en/about-claude/pricing). PriceSet has no field for a combined price.
 */
function stack(longContext: PriceSet, tier: PriceSet, standard: PriceSet): PriceSet {
  const inputRatio = discount(tier.inputPer1M, standard.inputPer1M, 1);
  const scaled = (value: number | undefined, ratio: number) => (value === undefined ? undefined : value * ratio);
  return {
    inputPer1M: longContext.inputPer1M * inputRatio,
    outputPer1M: longContext.outputPer1M * discount(tier.outputPer1M, standard.outputPer1M, inputRatio),
    cachedInputPer1M: scaled(longContext.cachedInputPer1M, discount(tier.cachedInputPer1M, standard.cachedInputPer1M, inputRatio)),
    cacheWritePer1M: scaled(longContext.cacheWritePer1M, discount(tier.cacheWritePer1M, standard.cacheWritePer1M, inputRatio)),
  };
}

interface Chosen {
  prices: PriceSet;
  /** where a missing cached / cache-write price is looked up next */
  lessSpecific: readonly PriceSet[];
  pricing: PricingTier;
  longContextAboveTokens: number | null;
}

/** No less specific list: the standard prices were chosen. Shared, since most workloads are priced this way. */
const NONE_LESS_SPECIFIC: readonly PriceSet[] = Object.freeze([]);

/** Each entry's standard choice, made once: ranking a model's 20-odd hosts chooses for each of them. */
const standardChoices = new WeakMap<PricedEntry, Chosen>();

const standardChoice = (model: PricedEntry): Chosen => Object.freeze({ prices: model, lessSpecific: NONE_LESS_SPECIFIC, pricing: "standard", longContextAboveTokens: null });

function choosePrices(model: PricedEntry, workload: CostWorkload, fallbacks: PricingFallback[] | null): Chosen {
  const tier = requestedTier(workload, fallbacks);
  if (!tier && (workload.promptTokensPerRequest === undefined || !model.longContext?.length)) return kept(standardChoices, model, standardChoice);
  // the entry's own fields are its standard price list
  const standard: PriceSet = model;
  const longContext = longContextPrices(model, workload.promptTokensPerRequest);
  const base = longContext ?? standard;
  const basePricing: PricingTier = longContext ? "long-context" : "standard";
  const longContextAboveTokens = longContext?.aboveTokens ?? null;
  const baseLessSpecific = longContext ? [standard] : NONE_LESS_SPECIFIC;
  if (!tier) return { prices: base, lessSpecific: baseLessSpecific, pricing: basePricing, longContextAboveTokens };
  const offered = tierPrices(model, tier);
  if (!offered) {
    fallbacks?.push(`no-${tier}-price`);
    return { prices: base, lessSpecific: baseLessSpecific, pricing: basePricing, longContextAboveTokens };
  }
  if (!longContext) return { prices: offered, lessSpecific: [standard], pricing: tier, longContextAboveTokens };
  fallbacks?.push(`no-long-context-${tier}-price`);
  return { prices: stack(longContext, offered, standard), lessSpecific: [offered, longContext, standard], pricing: tier, longContextAboveTokens };
}

/** The chosen list's price for `field`, else the first less specific list's, noted in `fallbacks` (when the price is used). */
function listedPrice(chosen: Chosen, field: "cachedInputPer1M" | "cacheWritePer1M", fallbacks: PricingFallback[] | null, borrowed: PricingFallback): number | undefined {
  const own = chosen.prices[field];
  if (own !== undefined) return own;
  // indexed: an iterator per call was most of what ranking hosts allocated
  for (let i = 0; i < chosen.lessSpecific.length; i++) {
    const other = chosen.lessSpecific[i]![field];
    if (other === undefined) continue;
    fallbacks?.push(borrowed);
    return other;
  }
  return undefined;
}

/**
 * The one place money is computed. Values stay unrounded; rounding happens only when shown.
 *
 * Input tokens split three ways: cached reads (`cachedPercent`), cache writes (`cacheWritePercent`, default 0,
 * capped at what reads leave) and fresh input. Prices come from the most specific list the model has:
 * a service tier (batch, flex, priority, off-peak) stacked on the long-context band the prompt exceeds, else
 * the tier, else the long-context band, else standard. A missing cached or cache-write price in the chosen
 * list is taken from the less specific list, never above the chosen input price; with none anywhere the
 * input price is used and `fallbacks` says so.
 */
export function workloadCost(model: PricedEntry, workload: CostWorkload): WorkloadCost {
  const fallbacks: PricingFallback[] = [];
  const bill = billOf(model, workload, fallbacks);
  const { inputPer1M, outputPer1M } = bill.chosen.prices;
  const { cachedInputPer1M, cacheWritePer1M } = bill;
  const inputUsd = usd(bill.freshTokens, inputPer1M);
  const cachedInputUsd = usd(bill.cachedTokens, cachedInputPer1M);
  const cacheWriteUsd = usd(bill.writeTokens, cacheWritePer1M);
  const outputUsd = usd(workload.outputTokens, outputPer1M);
  return {
    inputUsd,
    cachedInputUsd,
    cacheWriteUsd,
    outputUsd,
    totalUsd: inputUsd + cachedInputUsd + cacheWriteUsd + outputUsd,
    prices: { inputPer1M, outputPer1M, cachedInputPer1M, cacheWritePer1M },
    pricing: bill.chosen.pricing,
    longContextAboveTokens: bill.chosen.longContextAboveTokens,
    fallbacks,
    reasoningInOutput: model.reasoningInOutput === true,
    promptExceedsContext: workload.promptTokensPerRequest !== undefined && workload.promptTokensPerRequest > (model.betaContextWindow ?? model.contextWindow),
    inBetaContext: workload.promptTokensPerRequest !== undefined && model.betaContextWindow !== undefined && workload.promptTokensPerRequest > model.contextWindow,
    cachedAtInputPrice: fallbacks.includes("no-cached-price"),
  };
}

/** `workloadCost(model, workload).totalUsd` without the breakdown, for ranking many offers (a model's 20-odd hosts). */
export function workloadTotalUsd(model: PricedEntry, workload: CostWorkload): number {
  const bill = billOf(model, workload, null, rankingBill);
  const { inputPer1M, outputPer1M } = bill.chosen.prices;
  return usd(bill.freshTokens, inputPer1M) + usd(bill.cachedTokens, bill.cachedInputPer1M) + usd(bill.writeTokens, bill.cacheWritePer1M) + usd(workload.outputTokens, outputPer1M);
}

const usd = (tokens: number, per1M: number) => (tokens * per1M) / PER_MILLION;

/** How the workload's input splits (fresh, cache reads, cache writes) and the prices each part is billed at. */
interface Bill {
  chosen: Chosen;
  freshTokens: number;
  cachedTokens: number;
  writeTokens: number;
  cachedInputPer1M: number;
  cacheWritePer1M: number;
}

/** Filled in place by each ranking (read before the next one is made), so ranking 20-odd hosts allocates no bills. */
const rankingBill: Bill = {
  chosen: { prices: { inputPer1M: 0, outputPer1M: 0 }, lessSpecific: NONE_LESS_SPECIFIC, pricing: "standard", longContextAboveTokens: null },
  freshTokens: 0,
  cachedTokens: 0,
  writeTokens: 0,
  cachedInputPer1M: 0,
  cacheWritePer1M: 0,
};

function billOf(model: PricedEntry, workload: CostWorkload, fallbacks: PricingFallback[] | null, into?: Bill): Bill {
  const chosen = choosePrices(model, workload, fallbacks);
  const { inputPer1M } = chosen.prices;
  const cachedTokens = Math.round((workload.inputTokens * workload.cachedPercent) / 100);
  const writeShare = Math.max(0, workload.cacheWritePercent ?? 0);
  const writeTokens = Math.min(workload.inputTokens - cachedTokens, Math.round((workload.inputTokens * writeShare) / 100));
  const freshTokens = workload.inputTokens - cachedTokens - writeTokens;

  const listedCached = listedPrice(chosen, "cachedInputPer1M", cachedTokens > 0 ? fallbacks : null, "cached-price-from-another-tier");
  const listedWrite = listedPrice(chosen, "cacheWritePer1M", writeTokens > 0 ? fallbacks : null, "cache-write-price-from-another-tier");
  // a cached token never costs more than a fresh one in the same tier (a batch price list without its own cache price)
  const cachedInputPer1M = listedCached === undefined ? inputPer1M : Math.min(listedCached, inputPer1M);
  const cacheWritePer1M = listedWrite ?? inputPer1M;
  if (cachedTokens > 0 && listedCached === undefined) fallbacks?.push("no-cached-price");
  if (writeTokens > 0 && listedWrite === undefined) fallbacks?.push("no-cache-write-price");
  if (!into) return { chosen, freshTokens, cachedTokens, writeTokens, cachedInputPer1M, cacheWritePer1M };
  into.chosen = chosen;
  into.freshTokens = freshTokens;
  into.cachedTokens = cachedTokens;
  into.writeTokens = writeTokens;
  into.cachedInputPer1M = cachedInputPer1M;
  into.cacheWritePer1M = cacheWritePer1M;
  return into;
}

/** Price of 1M tokens split between input and output the way `workload` splits them. */
export function blendedPer1M(model: PricedEntry, workload: CostWorkload): number {
  const total = workload.inputTokens + workload.outputTokens;
  if (total === 0) return model.inputPer1M;
  return workloadCost(model, workload).totalUsd / (total / PER_MILLION);
}

/** How many times more the dearest costs than the cheapest; null when the cheapest is free. */
export function costRatio(cheapest: number, other: number): number | null {
  return cheapest > 0 ? other / cheapest : null;
}
