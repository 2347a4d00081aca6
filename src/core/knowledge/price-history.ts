import { z } from "zod";
import { isoDate } from "./schema.ts";
import type { Model } from "./schema.ts";
import { daysBetween } from "../pricing/price-age.ts";

/**
 * The curated models' recorded price changes (knowledge/price-history.yaml), cut from the daily history of LiteLLM's
 * map: one point per price in force, [date, input, output, cached] in USD per 1M tokens. A value that lasted under
 * MIN_DAYS is left out: the map held same-day glitches (Gemini 2.0 Flash at $150/$600 for a day) that no one paid.
 */

const MIN_DAYS = 2;

const price = z.number().nonnegative().nullable();
const pointSchema = z.tuple([isoDate, price, price, price]);
export type HistoryPoint = z.infer<typeof pointSchema>;

export const priceHistoryFileSchema = z.strictObject({
  source: z.string().min(1),
  url: z.string().min(1),
  from: isoDate,
  to: isoDate,
  /** values that lasted fewer days than this were dropped as glitches */
  minDays: z.number().int().positive(),
  /** keyed by curated model id */
  models: z.record(z.string(), z.strictObject({ key: z.string().min(1), points: z.array(pointSchema).min(1) })),
});
export type PriceHistoryFile = z.infer<typeof priceHistoryFileSchema>;

/** The raw file in ../shared/data (see its SOURCE): every map id's points [date, input, output, cached, maxInputTokens]. */
export interface RawPriceHistory {
  from: string;
  to: string;
  models: Record<string, { points: [string, number | null, number | null, number | null, number | null][] }>;
}

const samePrices = (a: HistoryPoint, b: HistoryPoint) => a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

/** Price points without context-size-only changes and without values that lasted under `minDays` (the last one stays). */
export function steadyPoints(raw: RawPriceHistory["models"][string]["points"], minDays = MIN_DAYS): HistoryPoint[] {
  const collapse = (list: HistoryPoint[]) => list.filter((p, i) => i === 0 || !samePrices(p, list[i - 1]!));
  const prices = collapse(raw.map(([date, input, output, cached]) => [date, input, output, cached]));
  const lasting = prices.filter((p, i) => i === prices.length - 1 || daysBetween(p[0], prices[i + 1]![0]) >= minDays);
  return collapse(lasting);
}

export function buildPriceHistory(raw: RawPriceHistory, curated: readonly Model[], meta: { source: string; url: string }): PriceHistoryFile {
  const models: PriceHistoryFile["models"] = {};
  for (const model of curated) {
    const key = "litellmKey" in model ? model.litellmKey : undefined;
    const found = key ? raw.models[key] : undefined;
    if (!key || !found?.points.length) continue;
    models[model.id] = { key, points: steadyPoints(found.points) };
  }
  return { source: meta.source, url: meta.url, from: raw.from, to: raw.to, minDays: MIN_DAYS, models };
}

export interface PriceChange {
  date: string;
  price: "inputPer1M" | "outputPer1M" | "cachedInputPer1M";
  from: number;
  to: number;
  /** (to − from) / from × 100; null when from is 0 */
  percent: number | null;
}

const COLUMNS = ["inputPer1M", "outputPer1M", "cachedInputPer1M"] as const;

/** Every dated change between consecutive points, one per price that moved. */
export function priceChangesOf(points: readonly HistoryPoint[]): PriceChange[] {
  const changes: PriceChange[] = [];
  for (let i = 1; i < points.length; i++) {
    const before = points[i - 1]!;
    const after = points[i]!;
    COLUMNS.forEach((price, c) => {
      const from = before[c + 1] as number | null;
      const to = after[c + 1] as number | null;
      if (from === null || to === null || from === to) return;
      changes.push({ date: after[0], price, from, to, percent: from === 0 ? null : ((to - from) / from) * 100 });
    });
  }
  return changes;
}

/** The point in force on `date` (the last one not after it), or null before the first. */
export function pointOn(points: readonly HistoryPoint[], date: string): HistoryPoint | null {
  let found: HistoryPoint | null = null;
  for (const p of points) if (p[0] <= date) found = p;
  return found;
}
