import type { Translator } from "../src/core/i18n/translate.ts";
import type { Workload } from "../src/core/knowledge/schema.ts";
import type { Money } from "../src/core/pricing/money.ts";
import type { PricedEntry } from "../src/core/pricing/pricing.ts";
import { formatNumber } from "../src/core/reply/format.ts";

/**
 * "switch half the traffic to gpt-4.1 mini": the share left on the model used now, the share moved priced on each of
 * the others, and the month's total against what the model used now costs alone.
 */
export function partMoved(
  t: Translator,
  money: Money,
  workload: Workload,
  base: { model: PricedEntry; inputTokens: number; outputTokens: number },
  others: readonly { model: PricedEntry }[],
  share: number,
): string[] {
  const part = (model: PricedEntry, of: number) => money.cost(model, { ...workload, inputTokens: base.inputTokens * of, outputTokens: base.outputTokens * of });
  const kept = part(base.model, 1 - share);
  const today = part(base.model, 1).cost.totalUsd;
  return others.map(({ model }) => {
    const moved = part(model, share);
    const total = kept.cost.totalUsd + moved.cost.totalUsd;
    return t(total <= today ? "budget.partMovedLess" : "budget.partMovedMore", {
      share: `${formatNumber(share * 100, 1)}%`,
      model: model.name,
      base: base.model.name,
      kept: kept.shown,
      moved: moved.shown,
      total: money.amount(total),
      difference: money.amount(Math.abs(today - total)),
    });
  });
}
