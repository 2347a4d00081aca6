import type { Command, CommandContext, FlagSpec } from "../src/core/dispatch/command.ts";
import { formatCount, formatNumber, formatTokens } from "../src/core/reply/format.ts";
import { tierLabel } from "../src/core/i18n/translate.ts";
import { articleSource, modelSource, sectionSource } from "../src/core/knowledge/citations.ts";
import type { Tier } from "../src/core/knowledge/kinds.ts";
import type { Capability } from "../src/core/knowledge/schema.ts";
import { pricedModels } from "../src/core/knowledge/snapshot.ts";
import { Money } from "../src/core/pricing/money.ts";
import { priceAge } from "../src/core/pricing/price-age.ts";
import { pricingNotes } from "../src/core/pricing/pricing-notes.ts";
import type { PricedEntry } from "../src/core/pricing/pricing.ts";
import { recommendByTier, stepsUp, type RecommendOptions } from "../src/core/recommendation/recommend.ts";
import { makeReply, type Source } from "../src/core/reply/reply.ts";
import { barText, measuredCoding, perSolvedNote, qualityIndex, stepNotes, tierNotes } from "./cheapest-notes.ts";
import { rankReply } from "./cheapest-rank.ts";
import { featureOf, findTasks, tierOf } from "../src/core/dispatch/vocabulary.ts";
import { describeWorkload, WORKLOAD_OPTIONS, workloadFromArgs } from "../src/core/pricing/workload.ts";
import { answerRestAsQuestion } from "./rest-as-question.ts";

const FLAGS: FlagSpec[] = [
  { name: "vision", aliases: ["视觉"], description: { en: "must understand images", zh: "需要理解图像" } },
  { name: "reasoning", aliases: ["推理"], description: { en: "must be a reasoning model", zh: "需要推理能力" } },
  { name: "tools", aliases: ["工具调用"], description: { en: "must call tools", zh: "需要工具调用" } },
  { name: "open", aliases: ["开源"], description: { en: "open weights only", zh: "仅限开放权重" } },
  { name: "chinese", aliases: ["中文"], description: { en: "good Chinese-language ability", zh: "中文能力好" } },
  { name: "best", aliases: ["最好"], description: { en: "rank one tier (ultra-low unless named) by the task's score", zh: "按任务得分为一个档位排名（默认超低成本档）" } },
];

const BEST_WORD = /^(?:best|rank|最好|最强|最強|排名)$/iu;
/** "which cheap model is best at Chinese", "哪个便宜模型的中文水平比较高": a ranking within the cheap tier, not the cheapest above a bar */
const ASKS_BEST =
  /\b(?:best|strongest|smartest|highest|top)\b(?!\s+(?:value|bang|price|deal))|(?<!性价比|性價比)(?:最好|最强|最強|最高|比较高|比較高|较高|較高|更高|比较强|比較強|更强|更強|比较好|比較好|更好|最优|最優|最厉害|最厲害|最聪明|最聰明)/u;
const ASKS_CHEAP = /\bcheap(?:er)?\b|\baffordable\b|\bbudget\b|\binexpensive\b|\blow[-\s]cost\b|便宜|低价|低價|实惠|實惠|低成本/u;
/** "the best coding model, money is no object", "不差钱": a ranking of the premium tier, since price was set aside */
const PRICE_NO_OBJECT =
  /money (?:is )?no object|regardless of (?:the )?(?:price|cost)|(?:cost|price|money|budget) (?:doesn'?t|does not|won'?t) matter|(?:cost|price|money|budget) (?:is|isn'?t) (?:not )?(?:an? )?(?:issue|object|concern|problem)|no budget limit|unlimited budget|不差钱|不差錢|不在乎(?:价格|價格|钱|錢|成本)|不考虑(?:价格|成本)|不考慮(?:價格|成本)|预算不限|預算不限|不计成本|不計成本/u;

const CHINESE = /^(?:chinese|中文|中文能力)$/iu;

export const cheapest: Command = {
  spec: {
    name: "cheapest",
    showsMoney: true,
    localName: { zh: "最便宜" },
    description: { en: "The cheapest model in each tier that meets your needs and the task's quality bar", zh: "各档位中满足需求和任务质量门槛的最便宜模型" },
    usage: {
      en: "/cheapest [task words] [context:<tokens>] [vision] [reasoning] [tools] [open] [chinese] [in:<tokens>] [out:<tokens>]",
      zh: "/cheapest [任务词] [context:<Token数>] [vision] [reasoning] [tools] [open] [中文] [in:<Token数>] [out:<Token数>]",
    },
    examples: ["/cheapest coding", "/cheapest 编程 context:200k", "/cheapest rag vision open in:100M out:10M", "/cheapest 中文 客服"],
    options: [
      { name: "context", aliases: ["ctx", "上下文"], kind: "tokens", max: 1e9, description: { en: "minimum context window", zh: "最小上下文窗口" } },
      { name: "max-in", aliases: ["输入上限"], kind: "number", max: 1e4, description: { en: "most input price per 1M tokens, USD", zh: "每100万输入Token的最高价格（美元）" } },
      { name: "max-out", aliases: ["输出上限"], kind: "number", max: 1e4, description: { en: "most output price per 1M tokens, USD", zh: "每100万输出Token的最高价格（美元）" } },
      ...WORKLOAD_OPTIONS,
    ],
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
    const asQuestion = answerRestAsQuestion(ctx);
    if (asQuestion) return asQuestion;
    const { snapshot, t, args } = ctx;
    const required = new Set<Capability>();
    let open = false;
    let chinese = false;
    const priceNoObject = Boolean(ctx.question && PRICE_NO_OBJECT.test(ctx.input.text));
    let rank = priceNoObject || Boolean(ctx.question && ASKS_BEST.test(ctx.input.text) && ASKS_CHEAP.test(ctx.input.text));
    let rankTier: Tier = priceNoObject ? "premium" : "ultra-low";
    for (const word of args.words) {
      const feature = featureOf(word);
      if (feature === "open") open = true;
      else if (feature) required.add(feature);
      else if (CHINESE.test(word)) chinese = true;
      else if (BEST_WORD.test(word)) rank = true;
      else if (tierOf(word)) rankTier = tierOf(word)!;
    }
    // "math, needs reasoning": a word taken as a capability is not also the task of that name, unless no other task is
    // named ("the best reasoning model per tier" is the reasoning task, with its quality bar)
    const featureWords = args.words.filter((word) => featureOf(word));
    const otherTasks = findTasks(
      snapshot,
      featureWords.reduce((text, word) => text.replace(wholeWord(word), " "), args.rest),
    );
    const tasks = (otherTasks.length ? otherTasks : findTasks(snapshot, args.rest)).filter((task) => {
      if (task.id !== "chinese") return true;
      chinese = true;
      return false;
    });
    for (const task of tasks) for (const capability of task.requires) required.add(capability);
    const defaults = snapshot.knowledge.defaultWorkload;
    const stated = workloadFromArgs(args, defaults);
    const workload = stated.workload;
    // a model whose context cannot take one prompt is no pick, however cheap; a task that needs a long context (long
    // documents) says so in the answer's constraints, as context: would
    const minContext = Math.max(args.number("context") ?? 0, workload.promptTokensPerRequest ?? 0, ...tasks.map((task) => task.minContext ?? 0));
    const maxInputPer1M = args.number("max-in");
    const maxOutputPer1M = args.number("max-out");
    const money = Money.from(ctx.globals.currency, t, snapshot.knowledge.currency);
    const quality = qualityIndex(snapshot);
    const options: RecommendOptions = {
      tasks,
      constraints: { capabilities: [...required], openWeights: open, minContext, chinese, maxInputPer1M, maxOutputPer1M },
      workload,
      quality,
      today: ctx.today,
    };

    // "context ≥ 400 tokens" rules out nothing: a context bound is said when some model falls short of it
    const contextBinds = minContext > 0 && snapshot.knowledge.models.some((model) => "contextWindow" in model && model.contextWindow < minContext);
    const constraintWords = [
      ...(contextBinds ? [t("cheapest.contextAtLeast", { tokens: formatTokens(minContext, t.lang) })] : []),
      ...[...required].map((cap) => t(`cap.${cap}`)),
      ...(open ? [t("cheapest.openWeights")] : []),
      ...(chinese ? [t("cheapest.chinese")] : []),
      ...(maxInputPer1M !== undefined ? [t("cheapest.maxInput", { price: money.amount(maxInputPer1M) })] : []),
      ...(maxOutputPer1M !== undefined ? [t("cheapest.maxOutput", { price: money.amount(maxOutputPer1M) })] : []),
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
    notes.push(...recommendations.flatMap((r) => tierNotes(t, money, r, workload)));
    // coding: the measured cost of a solved exercise beside the list price
    const measured = bars.some((bar) => bar.category === "coding") ? measuredCoding(snapshot, options) : [];
    const perSolved = new Map(measured.map((m) => [m.model.id, m.solved]));
    if (measured.length) {
      notes.push(perSolvedNote(t, money, measured));
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
      // chart:off: not even described (the axis label is a second workload description)
      chart:
        found.length > 1 && !ctx.globals.chart.off
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
            : [
                tierLabel(t, r.tier),
                // models that met the constraints but not the quality bar are not "none that meets the constraints"
                t(r.notBetter ? "cheapest.noneBetter" : r.skipped.belowBar + r.skipped.unscored > 0 ? "cheapest.noneAboveBar" : "cheapest.noneFits"),
                t("none"),
                t("none"),
                ...(withSolved ? [t("none")] : []),
                t("none"),
                t("none"),
                t("none"),
              ];
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

/** A word where it stands alone (not inside a longer Latin word), case-insensitively. */
function wholeWord(word: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "giu");
}
