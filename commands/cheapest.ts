import type { Command, CommandContext, FlagSpec } from "../src/core/command.ts";
import { formatCount, formatNumber, formatTokens } from "../src/core/format.ts";
import { tierLabel } from "../src/core/i18n/translate.ts";
import { articleSource, modelSource, sectionSource } from "../src/core/knowledge/citations.ts";
import type { Capability } from "../src/core/knowledge/schema.ts";
import { pricedModels } from "../src/core/knowledge/snapshot.ts";
import { costPerSolvedTask } from "../src/core/coding-cost.ts";
import type { KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import type { Tier } from "../src/core/knowledge/kinds.ts";
import { Money } from "../src/core/money.ts";
import { priceAge } from "../src/core/price-age.ts";
import { pricingNotes } from "../src/core/pricing-notes.ts";
import type { PricedEntry } from "../src/core/pricing.ts";
import {
  clearlyBetter,
  NO_QUALITY,
  qualifying,
  qualityFromFile,
  rankInTier,
  recommendByTier,
  stepsUp,
  type AppliedBar,
  type QualityIndex,
  type RecommendOptions,
  type TierRecommendation,
} from "../src/core/recommend.ts";
import { makeReply, type Reply, type Source } from "../src/core/reply.ts";
import type { Translator } from "../src/core/i18n/translate.ts";
import { featureOf, findTasks, tierOf } from "../src/core/vocabulary.ts";
import { describeWorkload, WORKLOAD_OPTIONS, workloadFromArgs } from "../src/core/workload.ts";

const FLAGS: FlagSpec[] = [
  { name: "vision", aliases: ["视觉"], description: { en: "must understand images", zh: "需要理解图像" } },
  { name: "reasoning", aliases: ["推理"], description: { en: "must be a reasoning model", zh: "需要推理能力" } },
  { name: "tools", aliases: ["工具调用"], description: { en: "must call tools", zh: "需要工具调用" } },
  { name: "open", aliases: ["开源"], description: { en: "open weights only", zh: "仅限开放权重" } },
  { name: "chinese", aliases: ["中文"], description: { en: "good Chinese-language ability", zh: "中文能力好" } },
  { name: "best", aliases: ["最好"], description: { en: "rank one tier (ultra-low unless named) by the task's score", zh: "按任务得分为一个档位排名（默认超低成本档）" } },
];

const BEST_WORD = /^(?:best|rank|最好|最强|排名)$/iu;
/** "which cheap model is best at Chinese", "哪个便宜模型的中文水平比较高": a ranking within the cheap tier, not the cheapest above a bar */
const ASKS_BEST = /\b(?:best|strongest|smartest|highest|top)\b(?!\s+(?:value|bang|price|deal))|最好|最强|最高|比较高|较高|更高|比较强|更强|最优|最厉害|最聪明/u;
const ASKS_CHEAP = /\bcheap(?:er)?\b|\baffordable\b|\bbudget\b|\binexpensive\b|\blow[-\s]cost\b|便宜|低价|实惠|低成本/u;
/** How many models a ranking shows. */
const RANKED = 5;

const CHINESE = /^(?:chinese|中文|中文能力)$/iu;

/** The bar as users read it: "coding ≥ 1,438 on the LMArena text leaderboard (style control) (2025-12-17): within 100 points of the best, …". */
function barText(t: Translator, bar: AppliedBar, quality: QualityIndex): string {
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
function stepNotes(t: Translator, money: Money, recommendations: readonly TierRecommendation[]): string[] {
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

function qualityIndex(snapshot: KnowledgeSnapshot): QualityIndex {
  const file = snapshot.knowledge.quality;
  return file ? qualityFromFile(file) : NO_QUALITY;
}

/** "Which cheap model is best at Chinese?": one tier ranked by the task's category, the best first. */
function rankReply(ctx: CommandContext, options: RecommendOptions, tier: Tier, money: Money, lead: string[], describe: string): Reply {
  const { snapshot, t } = ctx;
  const { ranked, category, bars } = rankInTier(pricedModels(snapshot) as PricedEntry[], options, tier, RANKED);
  const categoryName = t(`quality.${category}`);
  const board = options.quality.board(category);
  const rows = ranked.map((r) => ({ ...r, shown: money.cost(r.model, options.workload).shown }));
  const top = rows[0];
  const answer: string[] = [];
  if (top?.quality) {
    answer.push(t("rank.answer", { model: top.model.name, category: categoryName, score: formatNumber(top.quality.score, 0), cost: top.shown }));
    // LMArena's own rule: one model ranks above another only when its interval's low end is above the other's high end
    const low = top.quality.ci?.[0];
    const tied = low === undefined ? [] : rows.slice(1).filter((r) => (r.quality!.ci?.[1] ?? r.quality!.score) >= low);
    if (tied.length) answer.push(t("rank.tied", { others: t.list(tied.map((r) => r.model.name)), count: tied.length }));
  } else answer.push(t("rank.none", { tier: tierLabel(t, tier), category: categoryName }));
  const notes = [t("rank.source", { source: t(category === "vision" ? "quality.sourceVision" : "quality.source"), asOf: board.asOf }), t("quality.scaleNote")];
  if (rows.some((r) => !r.onFrontier)) notes.push(`* ${t("rank.dominated")}`);
  const otherBars = bars.slice(1);
  if (otherBars.length) notes.push(t("cheapest.barsRelative", { bars: t.list(otherBars.map((bar) => barText(t, bar, options.quality))) }));
  notes.push(...pricingNotes(t, rows));
  const shownModels = rows.map((r) => r.model);
  const age = priceAge(t, shownModels, ctx.today);
  if (age) notes.push(age.note);
  const currency = money.notes(t, shownModels);
  notes.push(...currency.notes);
  const sources: Source[] = [...shownModels.map((m) => modelSource(m, t.lang)), ...currency.sources];
  if (rows.length) sources.push({ title: t(category === "vision" ? "quality.sourceVision" : "quality.source"), ref: board.source, asOf: board.asOf });
  return makeReply({
    command: "cheapest",
    lang: t.lang,
    title: t("rank.title", { category: categoryName, tier: tierLabel(t, tier) }),
    lead: t.sentences([...lead, t("rank.lead", { category: categoryName, tier: tierLabel(t, tier), workload: describe }), ...answer]),
    table: {
      columns: [t("col.rank"), t("col.model"), t("col.quality"), t("col.input"), t("col.output"), t("col.cost")],
      rows: rows.map((r, i) => [
        `${i + 1}${r.onFrontier ? "" : "*"}`,
        r.model.name,
        `${formatNumber(r.quality!.score, 0)} (${categoryName})`,
        money.priceUsed(r.model, r.cost, "inputPer1M"),
        money.priceUsed(r.model, r.cost, "outputPer1M"),
        r.shown,
      ]),
      align: ["right", "left", "right", "right", "right", "right"],
    },
    notes,
    sources,
    data: {
      mode: "rank",
      tier,
      category,
      workload: options.workload,
      bars: bars.map(({ category: c, score, belowBest, from }) => ({ category: c, score, belowBest, from })),
      ranked: rows.map((r) => ({ id: r.model.id, score: r.quality!.score, ci: r.quality!.ci, cost: r.cost.totalUsd, onFrontier: r.onFrontier })),
      ...age?.data,
      ...currency.data,
    },
  });
}

export const cheapest: Command = {
  spec: {
    name: "cheapest",
    localName: { zh: "最便宜" },
    description: { en: "The cheapest model in each tier that meets your needs and the task's quality bar", zh: "各档位中满足需求和任务质量门槛的最便宜模型" },
    usage: {
      en: "/cheapest [task words] [context:<tokens>] [vision] [reasoning] [tools] [open] [chinese] [in:<tokens>] [out:<tokens>]",
      zh: "/cheapest [任务词] [context:<Token数>] [vision] [reasoning] [tools] [open] [中文] [in:<Token数>] [out:<Token数>]",
    },
    examples: ["/cheapest coding", "/cheapest 编程 context:200k", "/cheapest rag vision open in:100M out:10M", "/cheapest 中文 客服"],
    options: [{ name: "context", aliases: ["ctx", "上下文"], kind: "tokens", max: 1e9, description: { en: "minimum context window", zh: "最小上下文窗口" } }, ...WORKLOAD_OPTIONS],
    flags: FLAGS,
    positional: {
      name: "task",
      kind: "words",
      description: {
        en: "task words (coding, RAG, summarization …) and vision / reasoning / tools / open / chinese",
        zh: "任务词（编程、RAG、摘要……）以及 vision / reasoning / tools / open / 中文",
      },
      required: false,
      complete: "tasks",
    },
  },
  run(ctx: CommandContext) {
    const { snapshot, t, args } = ctx;
    const required = new Set<Capability>();
    let open = false;
    let chinese = false;
    let rank = Boolean(ctx.question && ASKS_BEST.test(ctx.input.text) && ASKS_CHEAP.test(ctx.input.text));
    let rankTier: Tier = "ultra-low";
    for (const word of args.words) {
      const feature = featureOf(word);
      if (feature === "open") open = true;
      else if (feature) required.add(feature);
      else if (CHINESE.test(word)) chinese = true;
      else if (BEST_WORD.test(word)) rank = true;
      else if (tierOf(word)) rankTier = tierOf(word)!;
    }
    const tasks = findTasks(snapshot, args.rest).filter((task) => {
      if (task.id !== "chinese") return true;
      chinese = true;
      return false;
    });
    for (const task of tasks) for (const capability of task.requires) required.add(capability);
    const minContext = args.number("context") ?? 0;
    const defaults = snapshot.knowledge.defaultWorkload;
    const stated = workloadFromArgs(args, defaults);
    const workload = stated.workload;
    const money = Money.from(ctx.globals.currency, t, snapshot.knowledge.currency);
    const quality = qualityIndex(snapshot);
    const options: RecommendOptions = {
      tasks,
      constraints: { capabilities: [...required], openWeights: open, minContext, chinese },
      workload,
      quality,
      today: ctx.today,
    };

    const constraintWords = [
      ...(minContext ? [t("cheapest.contextAtLeast", { tokens: formatTokens(minContext, t.lang) })] : []),
      ...[...required].map((cap) => t(`cap.${cap}`)),
      ...(open ? [t("cheapest.openWeights")] : []),
      ...(chinese ? [t("cheapest.chinese")] : []),
    ];
    const constraintLead = constraintWords.length ? [t("cheapest.constraints", { list: t.list(constraintWords) })] : [];
    if (rank) return rankReply(ctx, options, rankTier, money, constraintLead, describeWorkload(t, stated, defaults));

    const recommendations = recommendByTier(pricedModels(snapshot) as PricedEntry[], options);
    const found = recommendations.flatMap((r) => (r.pick ? [{ tier: r.tier, ...r.pick, shown: money.cost(r.pick.model, workload).shown }] : []));
    const lead = [t("cheapest.lead", { workload: describeWorkload(t, stated, defaults) }), ...constraintLead];

    const notes: string[] = [];
    const sources: Source[] = [];
    const bars = recommendations[0]?.bars ?? [];
    const relative = bars.some((bar) => bar.belowBest !== null);
    if (relative) notes.push(t("cheapest.barsRelative", { bars: t.list(bars.map((bar) => barText(t, bar, quality))) }), t("quality.scaleNote"));
    else if (bars.length)
      notes.push(t("cheapest.bars", { bars: t.list(bars.map((bar) => barText(t, bar, quality))), source: t("quality.source"), asOf: snapshot.knowledge.quality?.asOf ?? "" }));
    else notes.push(t("cheapest.noBar"));
    notes.push(...stepNotes(t, money, recommendations));
    for (const r of recommendations) {
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
      if (!r.pick && !r.skipped.belowBar && r.skipped.unscored && bars[0])
        notes.push(t("cheapest.unscored", { tier: tierLabel(t, r.tier), count: r.skipped.unscored, category: t(`quality.${bars[0].category}`) }));
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
    }
    // coding: the measured cost of a solved exercise beside the list price, for every model that reaches the bar and has a run
    const coding = bars.some((bar) => bar.category === "coding");
    const measured = coding
      ? qualifying(pricedModels(snapshot) as PricedEntry[], options)
          .flatMap((q) => {
            const c = costPerSolvedTask(q.model, snapshot.knowledge.codingRuns);
            return c ? [{ model: q.model, solved: c }] : [];
          })
          .sort((a, b) => a.solved.usd - b.solved.usd)
      : [];
    const perSolved = new Map(measured.map((m) => [m.model.id, m.solved]));
    if (measured.length) {
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
      notes.push(t("cheapest.perSolved", { runs: t.list(runs) }));
      sources.push({ title: measured[0]!.solved.sourceTitle, ref: measured[0]!.solved.source, asOf: measured[0]!.solved.asOf });
    }
    for (const task of tasks) {
      notes.push(t("cheapest.suggested", { task: t.pick(task.name), tier: tierLabel(t, task.suggestedTier), advice: t.pick(task.advice) }));
      const source = articleSource(snapshot, task.article, task.section, t.lang);
      if (source) sources.push(source);
    }
    if (!tasks.some((task) => task.id === "summarization")) {
      notes.push(t("cheapest.density"));
      const conclusion = sectionSource(snapshot, "conclusion", t.lang);
      if (conclusion) sources.push(conclusion);
    }
    notes.push(t("cheapest.skippedDeprecated"));
    notes.push(...pricingNotes(t, found));
    const shownModels = found.map((f) => f.model);
    const age = priceAge(t, shownModels, ctx.today);
    if (age) notes.push(age.note);
    const currency = money.notes(t, shownModels);
    notes.push(...currency.notes);
    sources.push(...currency.sources);
    for (const { model } of found) sources.push(modelSource(model, t.lang));
    for (const category of new Set(found.flatMap((f) => (f.quality ? [f.quality.category] : [])))) {
      const board = quality.board(category);
      if (!sources.some((s) => s.ref === board.source))
        sources.push({ title: t(category === "vision" ? "quality.sourceVision" : "quality.source"), ref: board.source, asOf: board.asOf });
    }

    const taskNames = tasks.map((task) => t.pick(task.name));
    const title = taskNames.length ? t("cheapest.titleTask", { tasks: t.list(taskNames) }) : t("cheapest.title");
    // the most specific bar's score (coding, Chinese …) says more than the overall one
    const scoreText = (pick: (typeof found)[number]) => {
      const shown = pick.barScores.find((b) => b.category !== "full") ?? (pick.quality && { category: pick.quality.category, score: pick.quality.score });
      return shown ? `${formatNumber(shown.score, 0)} (${t(`quality.${shown.category}`)})` : t("none");
    };
    const solvedCell = (id: string) => {
      const c = perSolved.get(id);
      return c ? money.amount(c.usd) : t("none");
    };
    const withSolved = found.some((f) => perSolved.has(f.model.id));
    return makeReply({
      command: "cheapest",
      lang: t.lang,
      title,
      chart:
        found.length > 1
          ? {
              kind: "bars",
              title,
              axisLabel: t("chart.costAxis", { workload: describeWorkload(t, { ...stated, origin: "stated" }, defaults) }),
              logNote: t("chart.log"),
              items: found.map(({ tier, model, cost, shown }) => ({ label: `${tierLabel(t, tier)}: ${model.name}`, value: cost.totalUsd, valueLabel: shown })),
              axisCurrency: money.axisCurrency(),
              lang: t.lang,
            }
          : null,
      lead: t.sentences(lead),
      table: {
        columns: [t("col.tier"), t("col.model"), t("col.input"), t("col.output"), ...(withSolved ? [t("col.perSolved")] : []), t("col.context"), t("col.quality"), t("col.cost")],
        rows: recommendations.map((r) => {
          const pick = found.find((f) => f.tier === r.tier);
          return pick
            ? [
                tierLabel(t, r.tier),
                pick.model.name,
                money.priceUsed(pick.model, pick.cost, "inputPer1M"),
                money.priceUsed(pick.model, pick.cost, "outputPer1M"),
                ...(withSolved ? [solvedCell(pick.model.id)] : []),
                formatCount(pick.model.contextWindow, t.lang),
                scoreText(pick),
                pick.shown,
              ]
            : [tierLabel(t, r.tier), t(r.notBetter ? "cheapest.noneBetter" : "cheapest.noneFits"), t("none"), t("none"), ...(withSolved ? [t("none")] : []), t("none"), t("none"), t("none")];
        }),
        align: ["left", "left", "right", "right", ...(withSolved ? (["right"] as const) : []), "right", "right", "right"],
      },
      notes,
      sources,
      data: {
        mode: "tiers",
        constraints: { tasks: tasks.map((task) => task.id), capabilities: [...required], openWeights: open, chinese, minContext },
        workload,
        workloadIsDefault: stated.origin === "default",
        workloadOrigin: stated.origin,
        bars: bars.map(({ category, score, belowBest, from }) => ({ category, score, belowBest, from })),
        steps: stepsUp(recommendations),
        perSolvedTask: measured.map(({ model, solved }) => ({ id: model.id, usd: solved.usd, run: solved.run.run, date: solved.run.date })),
        recommendations: recommendations.map((r) => {
          const pick = r.pick;
          return pick
            ? {
                tier: r.tier,
                id: pick.model.id,
                inputPer1M: pick.cost.prices.inputPer1M,
                outputPer1M: pick.cost.prices.outputPer1M,
                contextWindow: pick.model.contextWindow,
                capabilities: pick.model.capabilities,
                cost: pick.cost.totalUsd,
                pricing: pick.cost.pricing,
                quality: pick.quality
                  ? {
                      score: pick.quality.score,
                      ci: pick.quality.ci,
                      category: pick.quality.category,
                      scale: pick.quality.scale,
                      source: pick.quality.source,
                      asOf: pick.quality.asOf,
                    }
                  : null,
                perSolvedTask: perSolved.get(pick.model.id)
                  ? { usd: perSolved.get(pick.model.id)!.usd, run: perSolved.get(pick.model.id)!.run.run, date: perSolved.get(pick.model.id)!.run.date }
                  : null,
                skippedBelowBar: r.skipped.belowBar,
              }
            : {
                tier: r.tier,
                id: null,
                inputPer1M: null,
                outputPer1M: null,
                contextWindow: null,
                capabilities: [],
                cost: null,
                pricing: null,
                quality: null,
                perSolvedTask: null,
                skippedBelowBar: r.skipped.belowBar,
                notBetterThan: r.notBetter ? r.notBetter.than.model.id : null,
              };
        }),
        suggestedTiers: tasks.map((task) => ({ task: task.id, tier: task.suggestedTier })),
        ...age?.data,
        ...currency.data,
      },
    });
  },
};
