import type { PricedModel, Workload } from "./knowledge/schema.ts";

export interface WorkloadCost {
  inputUsd: number;
  cachedInputUsd: number;
  outputUsd: number;
  totalUsd: number;
  /** true when the model has no cached-input price and cached tokens were billed at the input price */
  cachedAtInputPrice: boolean;
}

const PER_MILLION = 1_000_000;

/** The one place money is computed. Values stay unrounded; rounding happens only when shown. */
export function workloadCost(model: PricedModel, workload: Workload): WorkloadCost {
  const cachedTokens = Math.round((workload.inputTokens * workload.cachedPercent) / 100);
  const freshTokens = workload.inputTokens - cachedTokens;
  const cachedPrice = model.cachedInputPer1M ?? model.inputPer1M;
  const inputUsd = (freshTokens * model.inputPer1M) / PER_MILLION;
  const cachedInputUsd = (cachedTokens * cachedPrice) / PER_MILLION;
  const outputUsd = (workload.outputTokens * model.outputPer1M) / PER_MILLION;
  return {
    inputUsd,
    cachedInputUsd,
    outputUsd,
    totalUsd: inputUsd + cachedInputUsd + outputUsd,
    cachedAtInputPrice: cachedTokens > 0 && model.cachedInputPer1M === undefined,
  };
}

/** Price of 1M tokens split between input and output the way `workload` splits them. */
export function blendedPer1M(model: PricedModel, workload: Workload): number {
  const total = workload.inputTokens + workload.outputTokens;
  if (total === 0) return model.inputPer1M;
  return workloadCost(model, workload).totalUsd / (total / PER_MILLION);
}

/** How many times more the dearest costs than the cheapest; null when the cheapest is free. */
export function costRatio(cheapest: number, other: number): number | null {
  return cheapest > 0 ? other / cheapest : null;
}
