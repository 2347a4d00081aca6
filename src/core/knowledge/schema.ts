import { z } from "zod";
import { CAPABILITIES, TIERS, type Capability, type Tier } from "./kinds.ts";

const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD"));

/**
 * The highest price each unit may have: far above any real list price (the dearest model costs $600 per 1M output
 * tokens), so a slip of the keyboard or a planted 1e308 is refused instead of quoted.
 */
export const PRICE_CEILINGS = { usdPer1M: 10_000, cnyPer1M: 100_000, usdToCny: 100 } as const;

const pricePer1M = z
  .number()
  .finite()
  .nonnegative("must be a price of 0 or more (USD per 1M tokens)")
  .max(PRICE_CEILINGS.usdPer1M, `must be at most ${PRICE_CEILINGS.usdPer1M} (USD per 1M tokens)`);
const cnyPer1M = z
  .number()
  .finite()
  .nonnegative("must be a price of 0 or more (CNY per 1M tokens)")
  .max(PRICE_CEILINGS.cnyPer1M, `must be at most ${PRICE_CEILINGS.cnyPer1M} (CNY per 1M tokens)`);
const tokenCount = z.number().int().positive();
const bilingual = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });
const sourceUrl = z.string().min(1, "needs a source (URL or knowledge path)");

export const tierSchema = z.enum(TIERS);
export type { Tier, Capability };
export const capabilitySchema = z.enum(CAPABILITIES);

/** One set of per-1M prices (price-tiers.ts PriceSet). */
const priceSetSchema = z.strictObject({
  inputPer1M: pricePer1M,
  outputPer1M: pricePer1M,
  cachedInputPer1M: pricePer1M.optional(),
  cacheWritePer1M: pricePer1M.optional(),
});
const longContextSchema = priceSetSchema.extend({ aboveTokens: tokenCount });
const utcTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a UTC time written HH:MM");
/** A daily window of discounted prices (DeepSeek's off-peak hours); an admin fills these by hand. */
const timeOfDaySchema = z.strictObject({
  fromUtc: utcTime,
  toUtc: utcTime,
  prices: priceSetSchema,
  source: z.string().min(1, "needs a source (URL or knowledge path)"),
  asOf: isoDate,
});

/** price-tiers.ts PriceDimensions: every price beyond the standard list, each optional. */
const priceDimensionFields = {
  cacheWritePer1M: pricePer1M.optional(),
  longContext: z
    .array(longContextSchema)
    .refine((list) => list.every((entry, i) => i === 0 || entry.aboveTokens > list[i - 1]!.aboveTokens), "must be in ascending order of aboveTokens")
    .optional(),
  batch: priceSetSchema.optional(),
  flex: priceSetSchema.optional(),
  priority: priceSetSchema.optional(),
  offPeak: z.array(timeOfDaySchema).optional(),
  reasoningInOutput: z.boolean().optional(),
};

/** Figures the article states about a model; every quoted string is the article's own words (test/article-claims.test.ts). */
const articleClaimSchema = z.strictObject({
  inputPer1M: z.strictObject({ min: pricePer1M, max: pricePer1M }),
  quote: z.string().min(1),
  /** the same words in the article's Chinese half */
  quoteZh: z.string().min(1),
  /** what the article gives the figure for, in its words: "DeepSeek & Open Source Variants", not one model */
  subject: z.string().min(1),
  subjectZh: z.string().min(1),
  /** a context window the article states, shown beside the price map's figure */
  contextWindow: z.strictObject({ tokens: tokenCount, quote: z.string().min(1), quoteZh: z.string().min(1) }).optional(),
  article: z.string().min(1),
  section: z.string().min(1),
});

const modelBase = {
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "must be lower-case letters, digits, dots and dashes"),
  name: z.string().min(1),
  provider: z.string().min(1),
  tier: tierSchema,
  /** why a curated tier differs from the price rule (catalog.ts tierByPrice, knowledge/README.md) */
  tierReason: z.string().min(1).optional(),
  aliases: z.array(z.string().min(1)).default([]),
  aliasesZh: z.array(z.string().min(1)).default([]),
  capabilities: z.array(capabilitySchema).default([]),
  openWeights: z.boolean(),
  parametersB: z.number().positive().optional(),
  activeParametersB: z.number().positive().optional(),
  /** bits per weight as the model is served (gpt-oss ships in 4-bit MXFP4); 8 (FP8) when absent */
  weightBits: z.number().positive().max(32).optional(),
  bestFor: bilingual.optional(),
  articleClaim: articleClaimSchema.optional(),
  featured: z.boolean().default(false),
  deprecationDate: isoDate.optional(),
  source: sourceUrl,
  asOf: isoDate,
};

/** A provider's own price list in yuan (e.g. DeepSeek's or Alibaba's), shown instead of a conversion. */
const nativeCnySchema = z.strictObject({
  inputPer1M: cnyPer1M,
  outputPer1M: cnyPer1M,
  cachedInputPer1M: cnyPer1M.optional(),
  source: sourceUrl,
  asOf: isoDate,
});
export type NativeCny = z.infer<typeof nativeCnySchema>;

const priceHistorySchema = z.strictObject({
  inputPer1M: pricePer1M,
  outputPer1M: pricePer1M,
  cachedInputPer1M: pricePer1M.optional(),
  asOf: isoDate,
});
export type PriceHistory = z.infer<typeof priceHistorySchema>;

export const pricedModelSchema = z.strictObject({
  ...modelBase,
  inputPer1M: pricePer1M,
  outputPer1M: pricePer1M,
  cachedInputPer1M: pricePer1M.optional(),
  contextWindow: tokenCount,
  maxOutput: tokenCount,
  litellmKey: z.string().min(1).optional(),
  /** earlier prices, newest first: each until the next one's asOf (the last until this entry's asOf) */
  history: z.array(priceHistorySchema).optional(),
  nativeCny: nativeCnySchema.optional(),
  ...priceDimensionFields,
});

/**
 * A model people ask about that no price list carries: one only the article names (it has an `articleClaim`) or one
 * its maker retired. Answers give the reason and the nearest priced model, never a price.
 */
export const unpricedModelSchema = z.strictObject({
  ...modelBase,
  unpriced: z.strictObject({ nearest: z.string().min(1), reason: bilingual }),
});

/** A priced model. Catalog entries (the shipped LiteLLM map) are marked `catalog`; their tier comes from the price rule. */
export type PricedModel = z.infer<typeof pricedModelSchema> & { catalog?: true };
export type UnpricedModel = z.infer<typeof unpricedModelSchema>;
export type Model = PricedModel | UnpricedModel;

export const workloadSchema = z.strictObject({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cachedPercent: z.number().min(0).max(100),
});
export type Workload = z.infer<typeof workloadSchema>;

export const modelsFileSchema = z.strictObject({
  defaultWorkload: workloadSchema,
  estimateOutputTokens: z.number().int().nonnegative(),
  models: z.array(z.unknown()),
});

/** LMArena text leaderboard categories modelwise keeps (the leaderboard has 29). */
export const QUALITY_CATEGORIES = ["full", "coding", "math", "chinese", "creative_writing", "hard_6"] as const;
export type QualityCategory = (typeof QUALITY_CATEGORIES)[number];
export const qualityCategorySchema = z.enum(QUALITY_CATEGORIES);

/** One arena score with its 95% interval. */
const qualityScoreSchema = z
  .strictObject({ score: z.number().finite(), ci: z.tuple([z.number().finite(), z.number().finite()]) })
  .refine((q) => q.ci[0] <= q.score && q.score <= q.ci[1], "needs ci[0] ≤ score ≤ ci[1]");
export type QualityScore = z.infer<typeof qualityScoreSchema>;

const qualityEntrySchema = z.strictObject({
  /** the model's name on the leaderboard, mapped by hand: nothing is matched by guessing at run time */
  arena: z.string().min(1),
  /** why this leaderboard entry stands for our model when it is not the same snapshot */
  note: z.string().min(1).optional(),
  scores: z.partialRecord(qualityCategorySchema, qualityScoreSchema),
});
export type QualityEntry = z.infer<typeof qualityEntrySchema>;

export const qualityFileSchema = z.strictObject({
  source: z.string().min(1),
  url: z.string().min(1),
  asOf: isoDate,
  /** how to read a score, shown beside it */
  scale: z.string().min(1),
  /** keyed by model id in models.yaml; a model without an entry has no quality signal */
  models: z.record(z.string(), qualityEntrySchema),
});
export type QualityFile = z.infer<typeof qualityFileSchema>;

const taskSchema = z.strictObject({
  id: z.string().min(1),
  name: bilingual,
  words: z.array(z.string().min(1)).min(1),
  requires: z.array(capabilitySchema).default([]),
  /** the least a model must score in one quality category (quality.yaml) to be recommended for this task */
  minQuality: z.strictObject({ category: qualityCategorySchema, score: z.number().finite() }).optional(),
  suggestedTier: tierSchema,
  advice: bilingual,
  article: z.string().min(1),
  section: z.string().min(1),
});
export type Task = z.infer<typeof taskSchema>;
export const tasksFileSchema = z.strictObject({ tasks: z.array(taskSchema) });

const importRecordSchema = z.strictObject({
  at: isoDate,
  source: z.string().min(1),
  pricesAsOf: isoDate,
  changed: z.array(z.string()).default([]),
  unchanged: z.array(z.string()).default([]),
  missing: z.array(z.string()).default([]),
});
export type ImportRecord = z.infer<typeof importRecordSchema>;
export const importLogSchema = z.strictObject({ imports: z.array(importRecordSchema) });

export const currencyFileSchema = z.strictObject({
  usdToCny: z.strictObject({
    rate: z.number().positive("must be a positive exchange rate").max(PRICE_CEILINGS.usdToCny, `must be at most ${PRICE_CEILINGS.usdToCny} (CNY per USD)`),
    source: sourceUrl,
    note: z.string().optional(),
    asOf: isoDate,
  }),
});
export type CurrencyFile = z.infer<typeof currencyFileSchema>;

export const articleFrontMatterSchema = z.object({
  title: z.string().min(1),
  pubDate: isoDate,
  description: z.string().optional(),
  source: z.string().optional(),
});
