// What the same workload costs without what the question turned on (a service tier, the cache), so its saving shows.

import type { Translator } from "../src/core/i18n/translate.ts";
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

/** "if we cache the 4k system prompt, how much does it save?": each model's cost with nothing cached. */
export function uncachedNote(t: Translator, money: Money, priced: readonly { model: PricedEntry }[], workload: CostWorkload): string | null {
  if (!(workload.cachedPercent > 0) || !priced.length) return null;
  const uncached: CostWorkload = { ...workload, cachedPercent: 0 };
  const costs = priced.map(({ model }) => `${model.name} ${money.cost(model, uncached).shown}`);
  return t("compare.uncached", { costs: t.lang === "zh" ? costs.join("，") : t.list(costs) });
}
