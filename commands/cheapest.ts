import type { Command, CommandContext, FlagSpec } from "../src/core/command.ts";
import { formatCount, formatNumber, formatTokens } from "../src/core/format.ts";
import { tierLabel } from "../src/core/i18n/translate.ts";
import { articleSource, modelSource, sectionSource } from "../src/core/knowledge/citations.ts";
import type { Capability } from "../src/core/knowledge/schema.ts";
import { pricedModels } from "../src/core/knowledge/snapshot.ts";
import { Money } from "../src/core/money.ts";
import { priceAge } from "../src/core/price-age.ts";
import { pricingNotes } from "../src/core/pricing-notes.ts";
import type { PricedEntry } from "../src/core/pricing.ts";
import { qualityFromFile, recommendByTier, type AppliedBar } from "../src/core/recommend.ts";
import { makeReply, type Source } from "../src/core/reply.ts";
import { featureOf, findTasks } from "../src/core/vocabulary.ts";
import { describeWorkload, WORKLOAD_OPTIONS, workloadFromArgs } from "../src/core/workload.ts";

const FLAGS: FlagSpec[] = [
  { name: "vision", aliases: ["视觉"], description: { en: "must understand images", zh: "需要理解图像" } },
  { name: "reasoning", aliases: ["推理"], description: { en: "must be a reasoning model", zh: "需要推理能力" } },
  { name: "tools", aliases: ["工具调用"], description: { en: "must call tools", zh: "需要工具调用" } },
  { name: "open", aliases: ["开源"], description: { en: "open weights only", zh: "仅限开放权重" } },
  { name: "chinese", aliases: ["中文"], description: { en: "good Chinese-language ability", zh: "中文能力好" } },
];

const CHINESE = /^(?:chinese|中文|中文能力)$/iu;

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
    for (const word of args.words) {
      const feature = featureOf(word);
      if (feature === "open") open = true;
      else if (feature) required.add(feature);
      else if (CHINESE.test(word)) chinese = true;
    }
    const tasks = findTasks(snapshot, args.rest).filter((task) => {
      if (task.id !== "chinese") return true;
      chinese = true;
      return false;
    });
    for (const task of tasks) for (const capability of task.requires) required.add(capability);
    const defaults = snapshot.knowledge.defaultWorkload;
    const stated = workloadFromArgs(args, defaults);
    const workload = stated.workload;
    // a model whose context cannot take one prompt is no pick, however cheap
    const minContext = Math.max(args.number("context") ?? 0, workload.promptTokensPerRequest ?? 0);
    const money = Money.from(ctx.globals.currency, t, snapshot.knowledge.currency);
    const quality = snapshot.knowledge.quality;
    const recommendations = recommendByTier(pricedModels(snapshot) as PricedEntry[], {
      tasks,
      constraints: { capabilities: [...required], openWeights: open, minContext, chinese },
      workload,
      quality: quality ? qualityFromFile(quality) : () => undefined,
      today: ctx.today,
    });
    const found = recommendations.flatMap((r) => (r.pick ? [{ tier: r.tier, ...r.pick, shown: money.cost(r.pick.model, workload).shown }] : []));

    const constraintWords = [
      ...(minContext ? [t("cheapest.contextAtLeast", { tokens: formatTokens(minContext, t.lang) })] : []),
      ...[...required].map((cap) => t(`cap.${cap}`)),
      ...(open ? [t("cheapest.openWeights")] : []),
      ...(chinese ? [t("cheapest.chinese")] : []),
    ];
    const lead = [t("cheapest.lead", { workload: describeWorkload(t, stated, defaults) })];
    if (constraintWords.length) lead.push(t("cheapest.constraints", { list: t.list(constraintWords) }));

    const notes: string[] = [];
    const sources: Source[] = [];
    const bars = recommendations[0]?.bars ?? [];
    const barText = (bar: AppliedBar) => t("cheapest.bar", { category: t(`quality.${bar.category}`), score: formatNumber(bar.score, 0) });
    if (bars.length) notes.push(t("cheapest.bars", { bars: t.list(bars.map(barText)), source: t("quality.source"), asOf: quality?.asOf ?? "" }));
    else notes.push(t("cheapest.noBar"));
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
    if (quality && found.some((f) => f.quality)) sources.push({ title: t("quality.source"), ref: quality.url, asOf: quality.asOf });

    const taskNames = tasks.map((task) => t.pick(task.name));
    const title = taskNames.length ? t("cheapest.titleTask", { tasks: t.list(taskNames) }) : t("cheapest.title");
    // the most specific bar's score (coding, Chinese …) says more than the overall one
    const scoreText = (pick: (typeof found)[number]) => {
      const shown = pick.barScores.find((b) => b.category !== "full") ?? (pick.quality && { category: pick.quality.category, score: pick.quality.score });
      return shown ? `${formatNumber(shown.score, 0)} (${t(`quality.${shown.category}`)})` : t("none");
    };
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
        columns: [t("col.tier"), t("col.model"), t("col.input"), t("col.output"), t("col.context"), t("col.quality"), t("col.cost")],
        rows: recommendations.map((r) => {
          const pick = found.find((f) => f.tier === r.tier);
          return pick
            ? [
                tierLabel(t, r.tier),
                pick.model.name,
                money.priceUsed(pick.model, pick.cost, "inputPer1M"),
                money.priceUsed(pick.model, pick.cost, "outputPer1M"),
                formatCount(pick.model.contextWindow, t.lang),
                scoreText(pick),
                pick.shown,
              ]
            : [tierLabel(t, r.tier), t("cheapest.noneFits"), t("none"), t("none"), t("none"), t("none"), t("none")];
        }),
        align: ["left", "left", "right", "right", "right", "right", "right"],
      },
      notes,
      sources,
      data: {
        constraints: { tasks: tasks.map((task) => task.id), capabilities: [...required], openWeights: open, chinese, minContext },
        workload,
        workloadIsDefault: stated.origin === "default",
        workloadOrigin: stated.origin,
        bars: bars.map(({ category, score, from }) => ({ category, score, from })),
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
                  ? { score: pick.quality.score, category: pick.quality.category, scale: pick.quality.scale, source: pick.quality.source, asOf: pick.quality.asOf }
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
                skippedBelowBar: r.skipped.belowBar,
              };
        }),
        suggestedTiers: tasks.map((task) => ({ task: task.id, tier: task.suggestedTier })),
        ...age?.data,
        ...currency.data,
      },
    });
  },
};
