// Notes a comparison adds beside its costs: the same workload without what the question turned on (a service tier,
// the cache), so its saving shows, and each person's share when the usage is for people counted.

import type { Translator } from "../src/core/i18n/translate.ts";
import type { Money } from "../src/core/pricing/money.ts";
import type { CostWorkload, PricedEntry, WorkloadCost } from "../src/core/pricing/pricing.ts";
import { formatNumber } from "../src/core/reply/format.ts";

/** "GPT-5 $11,250.00 and DeepSeek $1.82": each phrase carries a number, so Chinese keeps them apart with "，", not 和. */
const amounts = (t: Translator, phrases: string[]) => (t.lang === "zh" ? phrases.join("，") : t.list(phrases));

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
  return t("compare.uncached", {
    costs: amounts(
      t,
      priced.map(({ model }) => `${model.name} ${money.cost(model, uncached).shown}`),
    ),
  });
}

/** "per seat cost for 200 developers": each model's month divided among the people the usage is for. */
export function perPersonNote(t: Translator, money: Money, people: number | undefined, priced: readonly { model: PricedEntry; cost: WorkloadCost }[]): string | null {
  if (people === undefined || people < 2 || !priced.length) return null;
  const costs = priced.map(({ model, cost }) => `${model.name} ${money.amount(cost.totalUsd / people)}`);
  return t("ask.perPerson", { people: formatNumber(people, 0), costs: amounts(t, costs) });
}
