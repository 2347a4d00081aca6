import { TIERS, type Capability, type Tier } from "./knowledge/kinds.ts";
import { workloadCost, type CostWorkload, type PricedEntry, type WorkloadCost } from "./pricing.ts";

/** LMArena text-leaderboard categories the knowledge keeps per model. */
export type QualityCategory = "full" | "coding" | "math" | "chinese" | "creative_writing" | "hard_6";

/** One category's arena score with its 95% interval (quality.yaml's shape). */
export interface CategoryScore {
  score: number;
  ci?: readonly [number, number];
}

/** A model's quality scores from one public source (e.g. the LMArena text leaderboard snapshot). */
export interface ModelQuality {
  scores: Partial<Record<QualityCategory, CategoryScore>>;
  /** URL of the source */
  source: string;
  /** how the source names itself, for citations */
  sourceTitle: string;
  scale: string;
  asOf: string;
}

/** A minimum a model's score must reach in one category. */
export interface QualityBar {
  category: QualityCategory;
  score: number;
}

/** The parts of a task recommendations need: tasks.yaml's entry with its optional quality bar. */
export interface RecommendTask {
  id: string;
  requires?: readonly Capability[];
  minQuality?: QualityBar;
  /** the least context window the task needs */
  minContext?: number;
}

/**
 * The "Chinese-language ability" constraint when no task in tasks.yaml gives a bar: an LMArena "chinese" score of 1350
 * sits between Llama 3.3 70B (1215) and DeepSeek V3-0324 (1385) in the 2025-12-11 snapshot, so it keeps out models
 * people find weak in Chinese while keeping the cheap Chinese-first ones.
 */
export const DEFAULT_CHINESE_BAR: QualityBar = { category: "chinese", score: 1350 };

export interface RecommendConstraints {
  capabilities?: readonly Capability[];
  openWeights?: boolean;
  minContext?: number;
  /** Chinese-language ability: true for DEFAULT_CHINESE_BAR, or an explicit bar */
  chinese?: boolean | QualityBar;
}

export type QualityLookup = (modelId: string) => ModelQuality | undefined;

export interface RecommendOptions {
  tasks: readonly RecommendTask[];
  constraints: RecommendConstraints;
  workload: CostWorkload;
  quality: QualityLookup;
  /** YYYY-MM-DD: models whose deprecation date is on or before it are left out */
  today: string;
}

/** A bar as applied: which task (or "chinese" for the language constraint) asked for it. */
export interface AppliedBar extends QualityBar {
  from: string[];
}

export interface PickQuality {
  score: number;
  category: QualityCategory;
  /** "LMArena Elo" for the LMArena snapshot */
  scale: string;
  /** 95% interval, when the source gives one */
  ci: readonly [number, number] | null;
  source: string;
  sourceTitle: string;
  asOf: string;
}

export interface SkippedModel {
  model: PricedEntry;
  cost: WorkloadCost;
  /** the score in the bar's category that fell short; null when no source scores the model there */
  score: number | null;
  bar: AppliedBar;
}

export interface TierRecommendation {
  tier: Tier;
  pick: {
    model: PricedEntry;
    cost: WorkloadCost;
    /** the score in the first bar's category ("full" when no bar applies); null when no source scores the model there */
    quality: PickQuality | null;
    /** the pick's score against every bar, for "scores 1349 in coding (bar 1300)" */
    barScores: { category: QualityCategory; score: number; bar: number }[];
  } | null;
  /** the quality bars every candidate had to reach (empty when no task or constraint sets one) */
  bars: AppliedBar[];
  /** cheaper models in this tier that met every other constraint but not the bars */
  skipped: {
    belowBar: number;
    unscored: number;
    /** the cheapest skipped model that has a score below the bar: "X is cheaper but scores below the coding bar" */
    cheapestBelowBar: SkippedModel | null;
  };
}

/** Bars from the tasks and the Chinese constraint; two bars in one category keep the higher score. */
export function appliedBars(tasks: readonly RecommendTask[], constraints: RecommendConstraints): AppliedBar[] {
  const asked: { bar: QualityBar; from: string }[] = tasks.flatMap((task) => (task.minQuality ? [{ bar: task.minQuality, from: task.id }] : []));
  if (constraints.chinese) asked.push({ bar: constraints.chinese === true ? DEFAULT_CHINESE_BAR : constraints.chinese, from: "chinese" });
  const byCategory = new Map<QualityCategory, AppliedBar>();
  for (const { bar, from } of asked) {
    const known = byCategory.get(bar.category);
    if (!known) byCategory.set(bar.category, { ...bar, from: [from] });
    else byCategory.set(bar.category, { category: bar.category, score: Math.max(known.score, bar.score), from: [...known.from, from] });
  }
  return [...byCategory.values()];
}

/** A catalog entry listed at $0 in and out is a placeholder or a free tier, not a price to plan on. */
export function isPlaceholderPrice(model: PricedEntry): boolean {
  // $0 in and out is a rate-limited free tier or a local runtime: nothing to plan a monthly bill on
  return model.inputPer1M === 0 && model.outputPer1M === 0;
}

function meetsConstraints(model: PricedEntry, required: ReadonlySet<Capability>, constraints: RecommendConstraints, today: string): boolean {
  return (
    !isPlaceholderPrice(model) &&
    !(model.deprecationDate && model.deprecationDate <= today) &&
    model.contextWindow >= (constraints.minContext ?? 0) &&
    [...required].every((cap) => model.capabilities.includes(cap)) &&
    (!constraints.openWeights || model.openWeights)
  );
}

/** The first bar the model misses, with its score there (null: unscored); undefined when it meets them all. */
function missedBar(quality: ModelQuality | undefined, bars: readonly AppliedBar[]): { bar: AppliedBar; score: number | null } | undefined {
  for (const bar of bars) {
    const score = quality?.scores[bar.category]?.score;
    if (score === undefined) return { bar, score: null };
    if (score < bar.score) return { bar, score };
  }
  return undefined;
}

function pickQuality(quality: ModelQuality | undefined, category: QualityCategory): PickQuality | null {
  const found = quality?.scores[category];
  if (!quality || !found) return null;
  return { score: found.score, category, scale: quality.scale, ci: found.ci ?? null, source: quality.source, sourceTitle: quality.sourceTitle, asOf: quality.asOf };
}

const byCost = (a: { model: PricedEntry; cost: WorkloadCost }, b: { model: PricedEntry; cost: WorkloadCost }) =>
  a.cost.totalUsd - b.cost.totalUsd || a.model.inputPer1M - b.model.inputPer1M || a.model.id.localeCompare(b.model.id);

/**
 * For each tier (ultra-low, balanced, premium): the cheapest model at this workload that has every capability the
 * tasks and constraints ask for, is not deprecated, has a price to plan on (not a catalog entry listed at $0),
 * and reaches every quality bar. A model no source scores in a
 * bar's category cannot pass that bar. A bar is met by the point score (not the interval's lower end): the bar is
 * an admin's threshold on the published score, and the interval is shown beside it.
 */
export function recommendByTier(models: readonly PricedEntry[], options: RecommendOptions): TierRecommendation[] {
  const { tasks, constraints, workload, quality, today } = options;
  const required = new Set<Capability>([...(constraints.capabilities ?? []), ...tasks.flatMap((task) => task.requires ?? [])]);
  const bars = appliedBars(tasks, constraints);
  const shownCategory: QualityCategory = bars[0]?.category ?? "full";
  const eligible = models
    .filter((model) =>
      meetsConstraints(model, required, { ...constraints, minContext: Math.max(constraints.minContext ?? 0, ...tasks.map((task) => task.minContext ?? 0)) }, today),
    )
    .map((model) => ({ model, cost: workloadCost(model, workload) }))
    .sort(byCost);

  return TIERS.map((tier) => {
    let belowBar = 0;
    let unscored = 0;
    let cheapestBelowBar: SkippedModel | null = null;
    for (const candidate of eligible) {
      if (candidate.model.tier !== tier) continue;
      const scores = quality(candidate.model.id);
      const missed = missedBar(scores, bars);
      if (!missed) {
        return {
          tier,
          pick: {
            ...candidate,
            quality: pickQuality(scores, shownCategory),
            barScores: bars.map((bar) => ({ category: bar.category, score: scores!.scores[bar.category]!.score, bar: bar.score })),
          },
          bars,
          skipped: { belowBar, unscored, cheapestBelowBar },
        };
      }
      if (missed.score === null) unscored++;
      else {
        belowBar++;
        cheapestBelowBar ??= { ...candidate, score: missed.score, bar: missed.bar };
      }
    }
    return { tier, pick: null, bars, skipped: { belowBar, unscored, cheapestBelowBar } };
  });
}

/** The parts of knowledge/quality.yaml (schema.ts QualityFile) a lookup needs. */
export interface QualityFileLike {
  source: string;
  url: string;
  asOf: string;
  scale: string;
  models: Readonly<Record<string, { scores: Partial<Record<QualityCategory, CategoryScore>> }>>;
}

/** Quality by model id from quality.yaml: every entry shares the file's source, scale and date. */
export function qualityFromFile(file: QualityFileLike): QualityLookup {
  const byModel = new Map<string, ModelQuality>();
  for (const [id, entry] of Object.entries(file.models)) {
    byModel.set(id, { scores: entry.scores, source: file.url, sourceTitle: file.source, scale: file.scale, asOf: file.asOf });
  }
  return (modelId) => byModel.get(modelId);
}
