import { referenceCost } from "../knowledge/catalog.ts";
import type { Knowledge } from "../knowledge/load.ts";
import { type HistoryPoint, pointOn, priceChangesOf, type PriceChange } from "../knowledge/price-history.ts";
import type { PricedModel } from "../knowledge/schema.ts";
import { isPriced } from "../knowledge/kinds.ts";

/**
 * What the recorded price history says (knowledge/price-history.yaml), computed once here for /history: one model's
 * dated changes, what got cheaper since a date, and the cheapest price at a quality level over time (the article's
 * "race to zero" set beside the record).
 */

export interface ModelHistory {
  points: HistoryPoint[];
  changes: PriceChange[];
  /** today's price where it differs from the record's last point and is dated after it (a newer import or source) */
  current: { point: HistoryPoint; source: string } | null;
}

const samePrices = (a: HistoryPoint, b: HistoryPoint) => a[1] === b[1] && a[2] === b[2] && (a[3] === b[3] || a[3] === null || b[3] === null);

export function modelHistory(knowledge: Knowledge, model: PricedModel): ModelHistory | null {
  const entry = knowledge.priceHistory?.models[model.id];
  if (!entry) return null;
  const points = [...entry.points];
  const last = points.at(-1)!;
  const now: HistoryPoint = [model.asOf, model.inputPer1M, model.outputPer1M, model.cachedInputPer1M ?? null];
  const current = model.asOf > knowledge.priceHistory!.to && !samePrices(now, last) ? { point: now, source: model.source } : null;
  return { points, changes: priceChangesOf(current ? [...points, now] : points), current };
}

export interface Cheaper {
  model: PricedModel;
  changes: PriceChange[];
}

/** Models whose input or output price fell on or after `since`, biggest cut first (by the larger of the two). */
export function cheaperSince(knowledge: Knowledge, since: string): Cheaper[] {
  const found: Cheaper[] = [];
  for (const model of knowledge.models.filter(isPriced)) {
    const history = modelHistory(knowledge, model);
    const cuts = history?.changes.filter((c) => c.date >= since && c.price !== "cachedInputPer1M" && c.to < c.from) ?? [];
    if (cuts.length) found.push({ model, changes: cuts });
  }
  const deepest = (c: Cheaper) => Math.min(...c.changes.map((x) => x.percent ?? 0));
  return found.sort((a, b) => deepest(a) - deepest(b));
}

export interface LevelPoint {
  date: string;
  model: PricedModel;
  /** USD for 10M input + 2M output tokens (the tier rule's reference workload) at that date's prices */
  referenceUsd: number;
}

/** Dates to sample the record at: its first day, each quarter's first day after it, its last day. */
export function quarterDates(from: string, to: string): string[] {
  const dates = [from];
  let year = Number(from.slice(0, 4));
  let month = Math.floor((Number(from.slice(5, 7)) - 1) / 3) * 3 + 4;
  for (;;) {
    if (month > 12) {
      month -= 12;
      year += 1;
    }
    const date = `${year}-${String(month).padStart(2, "0")}-01`;
    if (date >= to) break;
    dates.push(date);
    month += 3;
  }
  return [...dates, to];
}

/**
 * The cheapest curated model scoring at least `minScore` overall (quality.yaml) on each date, at the price the record
 * shows for that date; a model counts from its first day in the map. Scores are today's leaderboard, not the date's.
 */
export function cheapestAtLevel(knowledge: Knowledge, minScore: number, dates: readonly string[]): LevelPoint[] {
  const qualified = knowledge.models.filter(isPriced).filter((m) => (knowledge.quality?.models[m.id]?.scores.full?.score ?? -Infinity) >= minScore);
  const series: LevelPoint[] = [];
  for (const date of dates) {
    let best: LevelPoint | null = null;
    for (const model of qualified) {
      const point = pointOn(knowledge.priceHistory?.models[model.id]?.points ?? [], date);
      if (!point || point[1] === null || point[2] === null) continue;
      const usd = referenceCost({ inputPer1M: point[1], outputPer1M: point[2] });
      if (!best || usd < best.referenceUsd) best = { date, model, referenceUsd: usd };
    }
    if (best) series.push(best);
  }
  return series;
}
