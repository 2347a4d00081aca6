import { z } from "zod";
import { CAPABILITIES, TIERS, type Capability, type Tier } from "./kinds.ts";
import type { SecondSourceCheck } from "./second-source.ts";
import type { DerivedTier } from "./provider-rules.ts";

export const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD"));

/**
 * The highest price each unit may have: far above any real list price (the dearest model costs $600 per 1M output
 * tokens), so a slip of the keyboard or a planted 1e308 is refused instead of quoted.
 */
const PRICE_CEILINGS = { usdPer1M: 10_000, cnyPer1M: 100_000, usdToCny: 100 } as const;

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

const tierSchema = z.enum(TIERS);
export type { Tier, Capability };
const capabilitySchema = z.enum(CAPABILITIES);

/** One set of per-1M prices (price-tiers.ts PriceSet). */
export const priceSetSchema = z.strictObject({
  inputPer1M: pricePer1M,
  outputPer1M: pricePer1M,
  cachedInputPer1M: pricePer1M.optional(),
  cacheWritePer1M: pricePer1M.optional(),
});
const longContextSchema = priceSetSchema.extend({ aboveTokens: tokenCount });
const utcTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a UTC time written HH:MM");
/** A daily window of discounted prices (DeepSeek's off-peak hours); an admin fills these by hand. */
export const timeOfDaySchema = z.strictObject({
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

const priceHistorySchema = z.strictObject({
  inputPer1M: pricePer1M,
  outputPer1M: pricePer1M,
  cachedInputPer1M: pricePer1M.optional(),
  asOf: isoDate,
});

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
export type PricedModel = z.infer<typeof pricedModelSchema> & {
  catalog?: true;
  /** what the second price source said (second-source.ts), set at load */
  secondSource?: SecondSourceCheck;
  /** an admin checked this entry's unusually low price (price-review.yaml): not flagged as an outlier */
  priceConfirmed?: true;
  /** batch/flex prices computed from a provider's published flat discount (provider-rules.ts), not listed in the map */
  derivedTiers?: Partial<Record<"batch" | "flex", DerivedTier>>;
  /** a larger window offered as a beta (provider-rules.ts), priced at the model's long-context band above its window */
  betaContextWindow?: number;
};
type UnpricedModel = z.infer<typeof unpricedModelSchema>;
export type Model = PricedModel | UnpricedModel;

const workloadSchema = z.strictObject({
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

/**
 * Quality categories modelwise keeps: LMArena text-leaderboard categories (`instruction_following` is the board's
 * "if", `long_queries` its "long_user") and `vision`, the overall score of LMArena's vision leaderboard.
 */
export const QUALITY_CATEGORIES = ["full", "coding", "math", "chinese", "creative_writing", "hard_6", "instruction_following", "multiturn", "long_queries", "vision"] as const;
export type QualityCategory = (typeof QUALITY_CATEGORIES)[number];
const qualityCategorySchema = z.enum(QUALITY_CATEGORIES);

/** One arena score with its 95% interval. */
const qualityScoreSchema = z
  .strictObject({ score: z.number().finite(), ci: z.tuple([z.number().finite(), z.number().finite()]) })
  .refine((q) => q.ci[0] <= q.score && q.score <= q.ci[1], "needs ci[0] ≤ score ≤ ci[1]");

const qualityEntrySchema = z.strictObject({
  /** the model's name on the leaderboard, mapped by hand: nothing is matched by guessing at run time */
  arena: z.string().min(1),
  /** its name on the vision leaderboard when that differs from `arena` */
  visionArena: z.string().min(1).optional(),
  /** why this leaderboard entry stands for our model when it is not the same snapshot */
  note: z.string().min(1).optional(),
  scores: z.partialRecord(qualityCategorySchema, qualityScoreSchema),
});

/** A leaderboard's top score in one category (any model on the board, priced here or not): the frontier bars are measured from. */
const boardBestSchema = z.strictObject({ score: z.number().finite(), arena: z.string().min(1) });

/** Where the `vision` scores come from: a second board with its own date. */
const visionBoardSchema = z.strictObject({ source: z.string().min(1), url: z.string().min(1), asOf: isoDate });

export const qualityFileSchema = z.strictObject({
  source: z.string().min(1),
  url: z.string().min(1),
  asOf: isoDate,
  /** how to read a score, shown beside it */
  scale: z.string().min(1),
  vision: visionBoardSchema.optional(),
  /** the board's best score per category, written by the import */
  best: z.partialRecord(qualityCategorySchema, boardBestSchema).default({}),
  /** keyed by model id in models.yaml; a model without an entry has no quality signal */
  models: z.record(z.string(), qualityEntrySchema),
});
export type QualityFile = z.infer<typeof qualityFileSchema>;

/**
 * The least a model must score in one quality category: `belowBest: 100` is "within 100 points of the best score on
 * the board in that category" (the bar moves with the frontier); `score` is a fixed number (knowledge:check warns).
 */
const qualityBarSchema = z.union([
  z.strictObject({ category: qualityCategorySchema, belowBest: z.number().finite().nonnegative() }),
  z.strictObject({ category: qualityCategorySchema, score: z.number().finite() }),
]);
export type QualityBarSpec = z.infer<typeof qualityBarSchema>;

/** One Aider polyglot run mapped by hand to a model id: what it took to solve the benchmark's coding exercises. */
const codingRunSchema = z.strictObject({
  /** the run's `dirname` on the leaderboard, mapped by hand */
  run: z.string().min(1),
  /** the run's own model label ("gpt-5 (medium)"), shown so readers see what was measured */
  model: z.string().min(1),
  note: z.string().min(1).optional(),
  date: isoDate,
  testCases: tokenCount,
  /** exercises passed after one retry with the test errors (pass_num_2) */
  solved: z.number().int().nonnegative(),
  promptTokens: tokenCount,
  completionTokens: tokenCount,
});
export type CodingRun = z.infer<typeof codingRunSchema>;

export const codingRunsFileSchema = z.strictObject({
  source: z.string().min(1),
  url: z.string().min(1),
  asOf: isoDate,
  /** keyed by model id in models.yaml */
  runs: z.record(z.string(), codingRunSchema),
});
export type CodingRunsFile = z.infer<typeof codingRunsFileSchema>;

const taskSchema = z.strictObject({
  id: z.string().min(1),
  name: bilingual,
  words: z.array(z.string().min(1)).min(1),
  requires: z.array(capabilitySchema).default([]),
  /** the least context window the task needs, in tokens (long documents) */
  minContext: tokenCount.optional(),
  /** the least a model must score in one quality category (quality.yaml) to be recommended for this task */
  minQuality: qualityBarSchema.optional(),
  suggestedTier: tierSchema,
  advice: bilingual,
  article: z.string().min(1),
  section: z.string().min(1),
});
export type Task = z.infer<typeof taskSchema>;
/** Tokens in a page, for sizes given in pages ("300-page PDFs"): a planning figure with its source, never a count. */
const pageTokensSchema = z.strictObject({
  /** a page of plain text: pasted, or a PDF read as text only */
  text: tokenCount,
  /** a PDF page sent as a picture beside its text, as PDF support in the vision models reads it */
  asImage: tokenCount,
  source: z.string().min(1),
  asOf: isoDate,
});
export type PageTokens = z.infer<typeof pageTokensSchema>;
export const tasksFileSchema = z.strictObject({ tasks: z.array(taskSchema), pageTokens: pageTokensSchema.optional() });

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
