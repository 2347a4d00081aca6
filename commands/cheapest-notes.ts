// What /cheapest says about quality: the bar, the steps up, why a tier shows what it shows, the measured coding cost.
import { costPerSolvedTask, type SolvedTaskCost } from "../src/core/recommendation/coding-cost.ts";
import { formatNumber } from "../src/core/reply/format.ts";
import { tierLabel, type Translator } from "../src/core/i18n/translate.ts";
import { pricedModels, type KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import type { Money } from "../src/core/pricing/money.ts";
import type { CostWorkload, PricedEntry } from "../src/core/pricing/pricing.ts";
import {
  clearlyBetter,
  NO_QUALITY,
  qualifying,
  qualityFromFile,
  stepsUp,
  type AppliedBar,
  type QualityIndex,
  type RecommendOptions,
  type TierRecommendation,
} from "../src/core/recommendation/recommend.ts";

/** The bar as users read it: "coding ≥ 1,438 on the LMArena text leaderboard (style control) (2025-12-17): within 100 points of the best, …". */
export function barText(t: Translator, bar: AppliedBar, quality: QualityIndex): string {
  const board = quality.board(bar.category);
  const category = t(`quality.${bar.category}`);
  if (bar.belowBest === null || !bar.best) return t("cheapest.bar", { category, score: formatNumber(bar.score, 0) });
  return t("cheapest.barRelative", {
    category,
    score: formatNumber(bar.score, 0),
    source: t(bar.category === "vision" ? "quality.sourceVision" : "quality.source"),
    asOf: board.asOf,
    distance: formatNumber(bar.belowBest, 0),
    leader: bar.best.name,
    best: formatNumber(bar.best.score, 0),
  });
}

/** "Balanced over Ultra-low: +$2.68 a month for +73 coding points (…)", one line per step between picks. */
export function stepNotes(t: Translator, money: Money, recommendations: readonly TierRecommendation[]): string[] {
  const byTier = new Map(recommendations.map((r) => [r.tier, r.pick]));
  return stepsUp(recommendations).map((step) => {
    const params = {
      from: tierLabel(t, step.from),
      to: tierLabel(t, step.to),
      cost: money.amount(Math.abs(step.extraUsd)),
      points: formatNumber(step.extraPoints, 0),
      category: t(`quality.${step.category}`),
      higher: byTier.get(step.to)!.model.name,
      lower: byTier.get(step.from)!.model.name,
    };
    return t(step.extraUsd < 0 ? "cheapest.stepDown" : step.withinNoise ? "cheapest.stepUpNoise" : "cheapest.stepUp", params);
  });
}

export function qualityIndex(snapshot: KnowledgeSnapshot): QualityIndex {
  const file = snapshot.knowledge.quality;
  return file ? qualityFromFile(file) : NO_QUALITY;
}

/** Why a tier shows what it shows: the cheaper model below the bar, the best of the tier, or why nothing is shown. */
export function tierNotes(t: Translator, money: Money, r: TierRecommendation, workload: CostWorkload): string[] {
  const notes: string[] = [];
  const skipped = r.skipped.cheapestBelowBar;
  if (skipped)
    notes.push(
      t("cheapest.belowBar", {
        model: skipped.model.name,
        tier: tierLabel(t, r.tier),
        score: formatNumber(skipped.score ?? 0, 0),
        category: t(`quality.${skipped.bar.category}`),
        bar: formatNumber(skipped.bar.score, 0),
      }),
    );
  const top = r.topOfTier;
  if (r.pick?.quality && top?.quality)
    notes.push(
      t(clearlyBetter(top.quality, r.pick.quality) ? "cheapest.topOfTier" : "cheapest.topOfTierNoise", {
        tier: tierLabel(t, r.tier),
        cost: money.amount(top.cost.totalUsd - r.pick.cost.totalUsd),
        model: top.model.name,
        score: formatNumber(top.quality.score, 0),
        points: formatNumber(top.quality.score - r.pick.quality.score, 0),
        category: t(`quality.${top.quality.category}`),
      }),
    );
  if (!r.pick && !r.skipped.belowBar && r.skipped.unscored && r.bars[0])
    notes.push(t("cheapest.unscored", { tier: tierLabel(t, r.tier), count: r.skipped.unscored, category: t(`quality.${r.bars[0].category}`) }));
  const beatenBy = r.notBetter?.beatenBy;
  if (!r.pick && r.notBetter?.best.quality && beatenBy?.quality)
    notes.push(
      t("cheapest.beaten", {
        tier: tierLabel(t, r.tier),
        model: r.notBetter.best.model.name,
        score: formatNumber(r.notBetter.best.quality.score, 0),
        cost: money.cost(r.notBetter.best.model, workload).shown,
        by: beatenBy.model.name,
        byTier: tierLabel(t, beatenBy.tier),
        byScore: formatNumber(beatenBy.quality.score, 0),
        byCost: money.cost(beatenBy.model, workload).shown,
        category: t(`quality.${beatenBy.quality.category}`),
      }),
    );
  else if (!r.pick && r.notBetter?.best.quality && r.notBetter.than.quality)
    notes.push(
      t("cheapest.notBetter", {
        tier: tierLabel(t, r.tier),
        thanTier: tierLabel(t, r.notBetter.than.tier),
        than: r.notBetter.than.model.name,
        thanScore: formatNumber(r.notBetter.than.quality.score, 0),
        category: t(`quality.${r.notBetter.than.quality.category}`),
        model: r.notBetter.best.model.name,
        score: formatNumber(r.notBetter.best.quality.score, 0),
        cost: money.cost(r.notBetter.best.model, workload).shown,
      }),
    );
  return notes;
}

/** Every model that reaches the bars and has a mapped Aider run, cheapest per solved exercise first. */
export function measuredCoding(snapshot: KnowledgeSnapshot, options: RecommendOptions): { model: PricedEntry; solved: SolvedTaskCost }[] {
  return qualifying(pricedModels(snapshot) as PricedEntry[], options)
    .flatMap((q) => {
      const solved = costPerSolvedTask(q.model, snapshot.knowledge.codingRuns);
      return solved ? [{ model: q.model, solved }] : [];
    })
    .sort((a, b) => a.solved.usd - b.solved.usd);
}

export function perSolvedNote(t: Translator, money: Money, measured: readonly { model: PricedEntry; solved: SolvedTaskCost }[]): string {
  const runs = measured.map(({ model, solved }) =>
    t("cheapest.perSolvedRun", {
      model: model.name,
      cost: money.amount(solved.usd),
      run: solved.run.model,
      date: solved.run.date,
      solved: formatNumber(solved.run.solved, 0),
      cases: formatNumber(solved.run.testCases, 0),
    }),
  );
  return t("cheapest.perSolved", { runs: t.list(runs) });
}
