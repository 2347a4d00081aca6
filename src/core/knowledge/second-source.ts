import { z } from "zod";
import { isoDate, priceSetSchema, timeOfDaySchema } from "./schema.ts";
import type { PricedModel } from "./schema.ts";
import { tierByPrice } from "./catalog.ts";

/**
 * A second, independent price source beside LiteLLM's map (genai-prices: knowledge/genai-prices.yaml), and the
 * admin's decisions about prices (knowledge/price-review.yaml). Where the two sources differ by more than
 * DISAGREEMENT_SHARE on one price, answers show both with their dates and use the newer-dated one, unless an admin
 * pinned a source for the model.
 */

const DISAGREEMENT_SHARE = 0.05;
const COMPARED = ["inputPer1M", "outputPer1M", "cachedInputPer1M", "cacheWritePer1M"] as const;
export type ComparedPrice = (typeof COMPARED)[number];
const SOURCES = ["litellm", "genai-prices"] as const;
type PriceSourceName = (typeof SOURCES)[number];

const entrySchema = priceSetSchema.extend({
  /** the model as genai-prices names it: its provider id and model id */
  provider: z.string().min(1),
  model: z.string().min(1),
  /** a daily UTC window's prices, without source/asOf: the file's apply */
  offPeak: z.array(timeOfDaySchema.omit({ source: true, asOf: true })).optional(),
  longContext: z.array(priceSetSchema.extend({ aboveTokens: z.number().int().positive() })).optional(),
  pricingUrl: z.string().min(1).optional(),
});
export type SecondSourceEntry = z.infer<typeof entrySchema>;

export const secondSourceFileSchema = z.strictObject({
  /** e.g. "@pydantic/genai-prices 0.1.8 (npm)" or the data file's URL */
  source: z.string().min(1),
  url: z.string().min(1),
  asOf: isoDate,
  /** how asOf was found: the npm publish date, the server's Last-Modified, the newest dated price */
  basis: z.string().min(1),
  /** keyed by curated model id */
  models: z.record(z.string(), entrySchema),
});
export type SecondSourceFile = z.infer<typeof secondSourceFileSchema>;

export const priceReviewSchema = z.strictObject({
  /** model id → the source whose prices answers use for it, whatever the dates say */
  pins: z.record(z.string(), z.strictObject({ source: z.enum(SOURCES), reason: z.string().min(1) })).default({}),
  /** model id → "provider/model" in genai-prices, where its names differ from the LiteLLM key's (mapped by hand) */
  genaiIds: z.record(z.string(), z.string().regex(/^[^/]+\/.+$/, 'must be "<provider id>/<model id>" as genai-prices names them')).default({}),
  /** price-map keys whose low price an admin checked at the host: no longer flagged as outliers */
  confirmedPrices: z.array(z.strictObject({ key: z.string().min(1), reason: z.string().min(1), asOf: isoDate })).default([]),
});
export type PriceReview = z.infer<typeof priceReviewSchema>;

interface PriceDisagreement {
  price: ComparedPrice;
  litellm: number;
  genai: number;
}

/** What the second source said about a curated model's prices, attached to the model at load. */
export interface SecondSourceCheck {
  /** the source answers use for the prices that disagree */
  used: PriceSourceName;
  pinned: boolean;
  genai: { source: string; ref: string; asOf: string };
  litellm: { ref: string; asOf: string };
  disagreements: PriceDisagreement[];
  /** prices only the used source lists (a cached-input price LiteLLM's map lacks), taken from it */
  filled: ComparedPrice[];
}

export type CheckedModel = PricedModel & { secondSource?: SecondSourceCheck };

/** More than 5% apart, measured against the higher of the two. */
function disagree(a: number, b: number): boolean {
  const high = Math.max(a, b);
  return high > 0 && Math.abs(a - b) / high > DISAGREEMENT_SHARE;
}

/**
 * The model as answers use it: LiteLLM's prices, or where genai-prices is newer-dated (or pinned) and differs, its
 * prices, source and date, and then its daily off-peak windows where the entry has none; a price only genai-prices
 * lists (when it is the one used) is taken from it either way. The check rides along.
 */
export function reconcile(model: PricedModel, file: SecondSourceFile, review: PriceReview | null): CheckedModel {
  const entry = file.models[model.id];
  if (!entry) return model;
  const disagreements: PriceDisagreement[] = [];
  for (const price of COMPARED) {
    const ours = model[price];
    const theirs = entry[price];
    if (ours !== undefined && theirs !== undefined && disagree(ours, theirs)) disagreements.push({ price, litellm: ours, genai: theirs });
  }
  const pin = review?.pins[model.id];
  const used: PriceSourceName = pin ? pin.source : file.asOf > model.asOf ? "genai-prices" : "litellm";
  const ref = entry.pricingUrl ?? file.url;
  const filled = used === "genai-prices" ? COMPARED.filter((price) => model[price] === undefined && entry[price] !== undefined) : [];
  const check: SecondSourceCheck = {
    used,
    pinned: Boolean(pin),
    genai: { source: file.source, ref, asOf: file.asOf },
    litellm: { ref: model.source, asOf: model.asOf },
    disagreements,
    filled,
  };
  const offPeak = !model.offPeak && entry.offPeak && used === "genai-prices" ? { offPeak: entry.offPeak.map((w) => ({ ...w, source: ref, asOf: file.asOf })) } : {};
  const taken = Object.fromEntries(filled.map((price) => [price, entry[price]]));
  if (used === "litellm" || !disagreements.length) return { ...model, ...taken, ...offPeak, secondSource: check };
  const replaced = { ...taken, ...Object.fromEntries(disagreements.map((d) => [d.price, d.genai])) };
  // the map's tier and long-context prices were set beside its old standard ones: dropped with them (a provider rule
  // may then supply batch), and genai-prices' own long-context tiers used
  const { batch: _b, flex: _f, priority: _p, longContext: _l, ...kept } = model;
  const prices = { inputPer1M: replaced.inputPer1M ?? model.inputPer1M, outputPer1M: replaced.outputPer1M ?? model.outputPer1M };
  // the tier follows the price rule unless the entry says why not (knowledge/README.md "Tiers")
  const tier = model.tierReason ? model.tier : tierByPrice(prices);
  return { ...kept, ...replaced, ...offPeak, ...(entry.longContext ? { longContext: entry.longContext } : {}), tier, source: ref, asOf: file.asOf, secondSource: check };
}

/**
 * Every disagreement and every price taken from genai-prices alone, for knowledge:check: "gemini-3.6-flash input:
 * LiteLLM $0.30 (2026-07-24), genai-prices $0.15 (2026-09-23); used genai-prices".
 */
export function disagreementLines(models: readonly CheckedModel[]): string[] {
  const lines: string[] = [];
  for (const model of models) {
    const check = model.secondSource;
    if (!check) continue;
    for (const d of check.disagreements) {
      lines.push(
        `${model.id} ${d.price}: LiteLLM $${d.litellm} (${check.litellm.asOf}), genai-prices $${d.genai} (${check.genai.asOf}); answers use ${check.used}${check.pinned ? " (pinned in price-review.yaml)" : " (the newer)"}`,
      );
    }
    for (const price of check.filled) lines.push(`${model.id} ${price}: only genai-prices lists it, $${model[price]} (${check.genai.asOf}); answers use it`);
  }
  return lines;
}
