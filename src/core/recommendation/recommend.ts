import { TIERS, type Capability, type Tier } from "../knowledge/kinds.ts";
import type { QualityBarSpec, QualityCategory, QualityFile } from "../knowledge/schema.ts";
import { workloadCost, type CostWorkload, type PricedEntry, type WorkloadCost } from "../pricing/pricing.ts";

export type { QualityCategory };

/** One category's arena score with its 95% interval (quality.yaml's shape). */
interface CategoryScore {
  score: number;
  ci?: readonly [number, number];
}

/** A model's scores, per category. */
export interface ModelQuality {
  scores: Partial<Record<QualityCategory, CategoryScore>>;
}

/** The leaderboard a category's scores come from, for citations. */
interface Board {
  /** URL of the source */
  source: string;
  /** how the source names itself */
  sourceTitle: string;
  scale: string;
  asOf: string;
}

/** The top score on a board in one category, over every model it lists. */
interface BoardBest {
  score: number;
  /** the board's name for that model */
  name: string;
}

/** Scores by model id, the board's frontier per category, and which board each category comes from. */
export interface QualityIndex {
  of(modelId: string): ModelQuality | undefined;
  best(category: QualityCategory): BoardBest | undefined;
  board(category: QualityCategory): Board;
}

/** A bar as tasks.yaml writes it: `{category, belowBest}` (within N points of the board's best) or `{category, score}`. */
export type QualityBar = QualityBarSpec;

/** The parts of a task recommendations need: tasks.yaml's entry with its optional quality bar. */
export interface RecommendTask {
  id: string;
  requires?: readonly Capability[];
  minQuality?: QualityBar;
  /** the least context window the task needs */
  minContext?: number;
}

/**
 * "Good Chinese" when no task gives a bar: within 100 points of the best Chinese score on the board, where the better
 * model wins about 64% of head-to-head votes. On the 2025-12-17 style-control board (best 1,522) that keeps DeepSeek
 * V3.2 (1,446) and Qwen3 235B (1,465) and leaves out GPT-5 nano (1,375) and Llama 3.3 70B (1,286).
 */
export const DEFAULT_CHINESE_BAR: QualityBar = { category: "chinese", belowBest: 100 };
/**
 * "Reads images" as a quality bar on the vision board: within 200 points of its best, a low bar (like the one on
 * summarization) that keeps out only the weakest image readers.
 */
const DEFAULT_VISION_BAR: QualityBar = { category: "vision", belowBest: 200 };

export interface RecommendConstraints {
  capabilities?: readonly Capability[];
  openWeights?: boolean;
  minContext?: number;
  /** Chinese-language ability: true for DEFAULT_CHINESE_BAR, or an explicit bar */
  chinese?: boolean | QualityBar;
  /** the most a pick's list price may be per 1M tokens, USD */
  maxInputPer1M?: number;
  maxOutputPer1M?: number;
}

export interface RecommendOptions {
  tasks: readonly RecommendTask[];
  constraints: RecommendConstraints;
  workload: CostWorkload;
  quality: QualityIndex;
  /** YYYY-MM-DD: models whose deprecation date is on or before it are left out */
  today: string;
}

/** A bar as applied: its score, how it was measured from the frontier, and which tasks (or "chinese", "vision") asked for it. */
export interface AppliedBar {
  category: QualityCategory;
  score: number;
  /** the distance below the board's best, for a bar measured from the frontier; null for a fixed score */
  belowBest: number | null;
  best: BoardBest | null;
  from: string[];
}

export interface PickQuality {
  score: number;
  category: QualityCategory;
  /** "LMArena arena score …" */
  scale: string;
  /** 95% interval, when the source gives one */
  ci: readonly [number, number] | null;
  source: string;
  sourceTitle: string;
  asOf: string;
}

interface SkippedModel {
  model: PricedEntry;
  cost: WorkloadCost;
  /** the score in the bar's category that fell short; null when no source scores the model there */
  score: number | null;
  bar: AppliedBar;
}

/** A priced model with its score in the category the recommendation ranks by. */
export interface Scored {
  model: PricedEntry;
  cost: WorkloadCost;
  quality: PickQuality | null;
}

export interface TierRecommendation {
  tier: Tier;
  pick:
    | (Scored & {
        /** the pick's score against every bar, for "scores 1349 in coding (bar 1300)" */
        barScores: { category: QualityCategory; score: number; bar: number }[];
      })
    | null;
  /** the quality bars every candidate had to reach (empty when no task or constraint sets one) */
  bars: AppliedBar[];
  /** cheaper models in this tier that met every other constraint but not the bars */
  skipped: {
    belowBar: number;
    unscored: number;
    /** the cheapest skipped model that has a score below the bar: "X is cheaper but scores below the coding bar" */
    cheapestBelowBar: SkippedModel | null;
  };
  /**
   * Models of this tier that reach the bars but were passed over because they do not score (clearly) above a cheaper
   * tier's pick: a dearer tier never shows a weaker model. `best` is the tier's best such model, `than` the pick it
   * does not beat. Null when nothing was passed over.
   */
  /**
   * The best-scoring model of this tier on the frontier, when it scores above the pick: what the most the tier buys
   * costs ("for +$0.96 a month, Qwen3 235B scores 1,470"). Null without a bar or when the pick is the tier's best.
   */
  topOfTier: Scored | null;
  notBetter: {
    count: number;
    best: Scored;
    than: Scored & { tier: Tier };
    /** a model (any tier) that costs no more than `best` and scores at least as high; null when `best` is on the frontier but not clearly above `than` */
    beatenBy: (Scored & { tier: Tier }) | null;
  } | null;
}

const byCost = (a: { model: PricedEntry; cost: WorkloadCost }, b: { model: PricedEntry; cost: WorkloadCost }) =>
  a.cost.totalUsd - b.cost.totalUsd || a.model.inputPer1M - b.model.inputPer1M || a.model.id.localeCompare(b.model.id);

function resolveBar(bar: QualityBar, quality: QualityIndex, from: string): AppliedBar {
  if ("score" in bar) return { category: bar.category, score: bar.score, belowBest: null, best: null, from: [from] };
  const best = quality.best(bar.category);
  // no frontier to measure from: nothing can be shown to reach the bar
  return { category: bar.category, score: best ? best.score - bar.belowBest : Number.POSITIVE_INFINITY, belowBest: bar.belowBest, best: best ?? null, from: [from] };
}

/**
 * Bars from the tasks, then the Chinese and vision constraints, each resolved against the board's best; two bars in
 * one category keep the higher score. The first bar's category is the one picks are ranked and compared by.
 */
export function appliedBars(tasks: readonly RecommendTask[], constraints: RecommendConstraints, quality: QualityIndex): AppliedBar[] {
  const asked: { bar: QualityBar; from: string }[] = tasks.flatMap((task) => (task.minQuality ? [{ bar: task.minQuality, from: task.id }] : []));
  if (constraints.chinese) asked.push({ bar: constraints.chinese === true ? DEFAULT_CHINESE_BAR : constraints.chinese, from: "chinese" });
  if (constraints.capabilities?.includes("vision") && quality.best("vision")) asked.push({ bar: DEFAULT_VISION_BAR, from: "vision" });
  const byCategory = new Map<QualityCategory, AppliedBar>();
  for (const { bar, from } of asked) {
    const applied = resolveBar(bar, quality, from);
    const known = byCategory.get(bar.category);
    if (!known) byCategory.set(bar.category, applied);
    else byCategory.set(bar.category, { ...(applied.score > known.score ? applied : known), from: [...known.from, from] });
  }
  return [...byCategory.values()];
}

/** A catalog entry listed at $0 in and out is a placeholder or a free tier, not a price to plan on. */
function isPlaceholderPrice(model: PricedEntry): boolean {
  // $0 in and out is a rate-limited free tier or a local runtime: nothing to plan a monthly bill on
  return model.inputPer1M === 0 && model.outputPer1M === 0;
}

function meetsConstraints(model: PricedEntry, required: ReadonlySet<Capability>, constraints: RecommendConstraints, today: string): boolean {
  return (
    !isPlaceholderPrice(model) &&
    !(model.deprecationDate && model.deprecationDate <= today) &&
    model.contextWindow >= (constraints.minContext ?? 0) &&
    [...required].every((cap) => model.capabilities.includes(cap)) &&
    (!constraints.openWeights || model.openWeights) &&
    model.inputPer1M <= (constraints.maxInputPer1M ?? Number.POSITIVE_INFINITY) &&
    model.outputPer1M <= (constraints.maxOutputPer1M ?? Number.POSITIVE_INFINITY)
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

function pickQuality(index: QualityIndex, modelId: string, category: QualityCategory): PickQuality | null {
  const found = index.of(modelId)?.scores[category];
  if (!found) return null;
  const board = index.board(category);
  return { score: found.score, category, scale: board.scale, ci: found.ci ?? null, source: board.source, sourceTitle: board.sourceTitle, asOf: board.asOf };
}

/**
 * The cost–quality Pareto frontier: the models no other model matches or beats on both price (at this workload) and
 * score. Every entry needs a score.
 */
export function paretoFrontier<T extends { cost: WorkloadCost; quality: { score: number } | null }>(entries: readonly T[]): T[] {
  return entries.filter(
    (e) =>
      e.quality !== null &&
      !entries.some(
        (o) =>
          o !== e &&
          o.quality !== null &&
          o.cost.totalUsd <= e.cost.totalUsd &&
          o.quality.score >= e.quality!.score &&
          (o.cost.totalUsd < e.cost.totalUsd || o.quality.score > e.quality!.score),
      ),
  );
}

/** The cheapest entry that costs no more than `entry` and scores at least as high (strictly better in one). */
function dominator<T extends Scored>(entries: readonly T[], entry: Scored): T | undefined {
  const score = entry.quality?.score;
  if (score === undefined) return undefined;
  return entries.find(
    (o) =>
      o.model !== entry.model &&
      o.quality !== null &&
      o.cost.totalUsd <= entry.cost.totalUsd &&
      o.quality.score >= score &&
      (o.cost.totalUsd < entry.cost.totalUsd || o.quality.score > score),
  );
}

/**
 * Better beyond the noise: the lower end of `a`'s 95% interval is above `b`'s score (the point scores when either
 * has no interval). A dearer tier must buy a difference the votes can tell apart.
 */
export function clearlyBetter(a: PickQuality, b: PickQuality): boolean {
  return a.ci && b.ci ? a.ci[0] > b.score : a.score > b.score;
}

function eligibleModels(models: readonly PricedEntry[], options: RecommendOptions, bars: readonly AppliedBar[]) {
  const { tasks, constraints, workload, today } = options;
  const required = new Set<Capability>([...(constraints.capabilities ?? []), ...tasks.flatMap((task) => task.requires ?? [])]);
  const category = bars[0]?.category ?? "full";
  return models
    .filter((model) =>
      meetsConstraints(model, required, { ...constraints, minContext: Math.max(constraints.minContext ?? 0, ...tasks.map((task) => task.minContext ?? 0)) }, today),
    )
    .map((model) => ({ model, cost: workloadCost(model, workload), quality: pickQuality(options.quality, model.id, category) }))
    .sort(byCost);
}

/**
 * For each tier (ultra-low, balanced, premium), the cheapest model at this workload that has every capability the
 * tasks and constraints ask for, is not deprecated, has a price to plan on (not a catalog entry listed at $0),
 * reaches every quality bar, lies on the cost–quality frontier of the models that do (no cheaper model scores as
 * high), and scores clearly above the cheaper tiers' picks (clearlyBetter): a dearer tier never shows a weaker model.
 * Scores are compared in the first bar's category. A model no source scores in a bar's category cannot pass that bar;
 * a bar is met by the point score, and the interval is shown beside it.
 * Without any bar, price alone decides, except that a scored model is passed over when it scores below a cheaper
 * tier's scored pick overall.
 */
export function recommendByTier(models: readonly PricedEntry[], options: RecommendOptions): TierRecommendation[] {
  const bars = appliedBars(options.tasks, options.constraints, options.quality);
  const eligible = eligibleModels(models, options, bars);
  const passing = eligible.filter((c) => !missedBar(options.quality.of(c.model.id), bars));
  const frontier = new Set(bars.length ? paretoFrontier(passing) : passing);
  let previous: (Scored & { tier: Tier }) | null = null;

  return TIERS.map((tier) => {
    let belowBar = 0;
    let unscored = 0;
    let cheapestBelowBar: SkippedModel | null = null;
    const passedOver: Scored[] = [];
    const than = previous;
    const beats = (candidate: Scored) => {
      if (!previous?.quality) return true;
      // without a bar an unscored model may be picked: there is nothing to compare
      if (!candidate.quality) return bars.length === 0;
      return bars.length ? clearlyBetter(candidate.quality, previous.quality) : candidate.quality.score > previous.quality.score;
    };
    let pick: TierRecommendation["pick"] = null;
    for (const candidate of eligible) {
      if (candidate.model.tier !== tier) continue;
      const scores = options.quality.of(candidate.model.id);
      const missed = missedBar(scores, bars);
      if (missed) {
        if (missed.score === null) unscored++;
        else {
          belowBar++;
          cheapestBelowBar ??= { ...candidate, score: missed.score, bar: missed.bar };
        }
        continue;
      }
      if (!frontier.has(candidate) || !beats(candidate)) {
        passedOver.push(candidate);
        continue;
      }
      pick = { ...candidate, barScores: bars.map((bar) => ({ category: bar.category, score: scores!.scores[bar.category]!.score, bar: bar.score })) };
      break;
    }
    if (pick?.quality) previous = { ...pick, tier };
    const bestPassedOver = passedOver.reduce<Scored | null>((a, b) => (!a || (b.quality?.score ?? -Infinity) > (a.quality?.score ?? -Infinity) ? b : a), null);
    const beatenBy = bestPassedOver && dominator(passing, bestPassedOver);
    const top = bars.length && pick?.quality ? [...frontier].filter((c) => c.model.tier === tier).reduce((a, b) => (b.quality!.score > a.quality!.score ? b : a), pick) : null;
    return {
      tier,
      pick,
      bars,
      topOfTier: top && top.model !== pick?.model ? top : null,
      skipped: { belowBar, unscored, cheapestBelowBar },
      notBetter: bestPassedOver && than ? { count: passedOver.length, best: bestPassedOver, than, beatenBy: beatenBy ? { ...beatenBy, tier: beatenBy.model.tier } : null } : null,
    };
  });
}

/** Every model that meets the constraints and reaches every bar, cheapest first, scored in the first bar's category. */
export function qualifying(models: readonly PricedEntry[], options: RecommendOptions): Scored[] {
  const bars = appliedBars(options.tasks, options.constraints, options.quality);
  return eligibleModels(models, options, bars).filter((c) => !missedBar(options.quality.of(c.model.id), bars));
}

/** What the next tier up buys over the one below: "+$2.68 a month for +73 coding points". */
export interface StepUp {
  from: Tier;
  to: Tier;
  extraUsd: number;
  extraPoints: number;
  category: QualityCategory;
  /** the gain is inside the higher pick's 95% interval */
  withinNoise: boolean;
}

export function stepsUp(recommendations: readonly TierRecommendation[]): StepUp[] {
  const picks = recommendations.flatMap((r) => (r.pick?.quality ? [{ tier: r.tier, pick: r.pick, quality: r.pick.quality }] : []));
  return picks.slice(1).map((higher, i) => {
    const lower = picks[i]!;
    return {
      from: lower.tier,
      to: higher.tier,
      extraUsd: higher.pick.cost.totalUsd - lower.pick.cost.totalUsd,
      extraPoints: higher.quality.score - lower.quality.score,
      category: higher.quality.category,
      withinNoise: !clearlyBetter(higher.quality, lower.quality),
    };
  });
}

/**
 * "Which cheap model is best at Chinese?": the models of one tier that meet the constraints and every bar outside
 * the ranked category, best score in that category first (the first bar's, else overall), at most `limit`.
 */
export function rankInTier(
  models: readonly PricedEntry[],
  options: RecommendOptions,
  tier: Tier,
  limit: number,
): { ranked: (Scored & { onFrontier: boolean })[]; category: QualityCategory; bars: AppliedBar[] } {
  const bars = appliedBars(options.tasks, options.constraints, options.quality);
  const category = bars[0]?.category ?? "full";
  const inTier = eligibleModels(models, options, bars).filter((c) => c.model.tier === tier && c.quality !== null && !missedBar(options.quality.of(c.model.id), bars.slice(1)));
  const frontier = new Set(paretoFrontier(inTier));
  const ranked = inTier
    .sort((a, b) => b.quality!.score - a.quality!.score || a.cost.totalUsd - b.cost.totalUsd)
    .slice(0, limit)
    .map((c) => ({ ...c, onFrontier: frontier.has(c) }));
  return { ranked, category, bars };
}

/** A quality index over quality.yaml (schema.ts QualityFile): text categories from its board, `vision` from the vision board. */
export function qualityFromFile(
  file: Pick<QualityFile, "source" | "url" | "asOf" | "scale" | "vision"> & { best?: QualityFile["best"]; models: Readonly<Record<string, ModelQuality>> },
): QualityIndex {
  const text: Board = { source: file.url, sourceTitle: file.source, scale: file.scale, asOf: file.asOf };
  const vision: Board = file.vision ? { source: file.vision.url, sourceTitle: file.vision.source, scale: file.scale, asOf: file.vision.asOf } : text;
  return {
    of: (modelId) => file.models[modelId],
    best: (category) => {
      const top = file.best?.[category];
      return top ? { score: top.score, name: top.arena } : undefined;
    },
    board: (category) => (category === "vision" ? vision : text),
  };
}

/** No quality file: nothing is scored, no bar can be met. */
export const NO_QUALITY: QualityIndex = {
  of: () => undefined,
  best: () => undefined,
  board: () => ({ source: "", sourceTitle: "", scale: "", asOf: "" }),
};
