import type { Translator } from "../i18n/translate.ts";
import type { Model, PricedModel } from "../knowledge/schema.ts";
import { isPriced } from "../knowledge/kinds.ts";
import { formatPrice } from "../reply/format.ts";

export const STALE_AFTER_DAYS = 90;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The newest date a source stands behind a model's prices: its own asOf, or the second source's where that is newer
 * and agrees within 5% on every price both list (second-source.ts).
 */
export function checkedAsOf(model: PricedModel): string {
  const check = model.secondSource;
  return check && !check.disagreements.length && check.genai.asOf > model.asOf ? check.genai.asOf : model.asOf;
}

/** How old the oldest price shown is (by the newest source that stands behind it), as a note (a warning past 90 days) and as data. */
export function priceAge(
  t: Translator,
  models: readonly Model[],
  today: string,
): { note: string; data: { pricesAsOf: string; priceAgeDays: number; pricesStale: boolean } } | null {
  let oldest: string | undefined;
  for (const model of models) {
    if (!isPriced(model)) continue;
    const date = checkedAsOf(model);
    if (oldest === undefined || date < oldest) oldest = date;
  }
  if (!oldest) return null;
  const days = daysBetween(oldest, today);
  const stale = days > STALE_AFTER_DAYS;
  return {
    note: t(stale ? "pricesStale" : "pricesFresh", { date: oldest, days }),
    data: { pricesAsOf: oldest, priceAgeDays: days, pricesStale: stale },
  };
}

/** "GPT-5 input went from $X to $Y on DATE", from the history an import recorded. */
export function priceChanges(t: Translator, model: Model): string[] {
  if (!isPriced(model) || !model.history?.length) return [];
  const previous = model.history[0]!;
  const notes: string[] = [];
  for (const part of ["input", "output"] as const) {
    const before = part === "input" ? previous.inputPer1M : previous.outputPer1M;
    const now = part === "input" ? model.inputPer1M : model.outputPer1M;
    if (before !== now) {
      notes.push(t("priceChange", { model: model.name, part: t(`price.${part}`), from: formatPrice(before), to: formatPrice(now), date: model.asOf }));
    }
  }
  return notes;
}
