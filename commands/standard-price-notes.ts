import type { Money } from "../src/core/pricing/money.ts";
import type { CostWorkload, PricedEntry, WorkloadCost } from "../src/core/pricing/pricing.ts";

/**
 * "…and what about with batch?": a cost priced at a service tier's prices (batch, flex, priority) is said at standard
 * prices too, so the saving or the premium the tier makes is there to see.
 */
export function atStandardPrices(money: Money, workload: CostWorkload): (model: PricedEntry, cost: WorkloadCost) => string | undefined {
  const standard: CostWorkload = { ...workload, batch: false, serviceTier: undefined, offPeak: false };
  return (model, cost) => (cost.pricing === "batch" || cost.pricing === "flex" || cost.pricing === "priority" ? money.cost(model, standard).shown : undefined);
}
