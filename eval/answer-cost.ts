/**
 * The grader's own monthly cost of a workload on one model, from the knowledge's raw per-1M prices. Deliberately
 * independent of src/core/pricing/pricing.ts: the eval checks the product's arithmetic, so it must not borrow it.
 */
import type { ExpectedWorkload } from "./answer-corpus.ts";

interface PriceSet {
  inputPer1M: number;
  outputPer1M: number;
  cachedInputPer1M?: number;
}

/** The fields of a knowledge/models.yaml entry the grader reads. */
export interface RawPrices extends PriceSet {
  contextWindow: number;
  /** a larger window the provider offers as a beta, priced at the long-context band (knowledge/provider-rules.yaml) */
  betaContextWindow?: number;
  longContext?: (PriceSet & { aboveTokens: number })[];
  batch?: PriceSet;
}

export type ExpectedCost =
  | { fits: false; contextWindow: number }
  /** `noneAllowed`: batch was asked for and the model has no batch price: its standard cost, or no cost, is right */
  | { fits: true; cost: number; prices: "standard" | "long-context" | "batch"; noneAllowed: boolean };

function monthly(prices: PriceSet, w: ExpectedWorkload): number {
  const cached = (w.cachedPercent ?? 0) / 100;
  const cachedPrice = prices.cachedInputPer1M ?? prices.inputPer1M;
  return (w.input * (1 - cached) * prices.inputPer1M + w.input * cached * cachedPrice + w.output * prices.outputPer1M) / 1e6;
}

export function expectedCost(model: RawPrices, w: ExpectedWorkload): ExpectedCost {
  const window = model.betaContextWindow ?? model.contextWindow;
  if (w.promptTokens !== undefined && w.promptTokens > window) return { fits: false, contextWindow: window };
  if (w.batch && model.batch) {
    // a batch list without its own cached price: cached input is billed at the batch input price
    return { fits: true, cost: monthly({ cachedInputPer1M: model.batch.inputPer1M, ...model.batch }, w), prices: "batch", noneAllowed: false };
  }
  // a long-context tier prices the whole request once its prompt is above the tier's threshold
  const tier = w.promptTokens === undefined ? undefined : model.longContext?.filter((t) => w.promptTokens! > t.aboveTokens).at(-1);
  if (tier) return { fits: true, cost: monthly(tier, w), prices: "long-context", noneAllowed: Boolean(w.batch) };
  return { fits: true, cost: monthly(model, w), prices: "standard", noneAllowed: Boolean(w.batch) };
}

/** Within 1%, or within half a cent for costs that round to nothing. */
export function costMatches(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= Math.max(0.01 * Math.abs(expected), 0.005);
}
