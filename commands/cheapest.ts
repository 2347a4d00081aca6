import type { Command, CommandContext, FlagSpec } from "../src/core/command.ts";
import { formatCount, formatTokens } from "../src/core/format.ts";
import type { Capability, PricedModel } from "../src/core/knowledge/schema.ts";
import { TIERS } from "../src/core/knowledge/kinds.ts";
import { articleSource, modelSource, sectionSource } from "../src/core/knowledge/citations.ts";
import { pricedModels } from "../src/core/knowledge/snapshot.ts";
import { featureOf, findTasks } from "../src/core/vocabulary.ts";
import { workloadCost } from "../src/core/pricing.ts";
import { priceAge } from "../src/core/price-age.ts";
import { Money } from "../src/core/money.ts";
import { makeReply, type Source } from "../src/core/reply.ts";
import { describeWorkload, WORKLOAD_OPTIONS, workloadFromArgs } from "../src/core/workload.ts";
import { tierLabel } from "../src/core/i18n/translate.ts";

const FLAGS: FlagSpec[] = [
  { name: "vision", aliases: ["视觉"], description: { en: "must understand images", zh: "需要理解图像" } },
  { name: "reasoning", aliases: ["推理"], description: { en: "must be a reasoning model", zh: "需要推理能力" } },
  { name: "tools", aliases: ["工具调用"], description: { en: "must call tools", zh: "需要工具调用" } },
  { name: "open", aliases: ["开源"], description: { en: "open weights only", zh: "仅限开放权重" } },
];


export const cheapest: Command = {
  spec: {
    name: "cheapest",
    localName: { zh: "最便宜" },
    description: { en: "The cheapest model in each tier that meets your needs", zh: "各档位中满足需求的最便宜模型" },
    usage: {
      en: "/cheapest [task words] [context:<tokens>] [vision] [reasoning] [tools] [open] [in:<tokens>] [out:<tokens>]",
      zh: "/cheapest [任务词] [context:<Token数>] [vision] [reasoning] [tools] [open] [in:<Token数>] [out:<Token数>]",
    },
    examples: ["/cheapest coding", "/cheapest 编程 context:200k", "/cheapest rag vision open in:100M out:10M"],
    options: [
      { name: "context", aliases: ["ctx", "上下文"], kind: "tokens", max: 1e9, description: { en: "minimum context window", zh: "最小上下文窗口" } },
      ...WORKLOAD_OPTIONS,
    ],
    flags: FLAGS,
    positional: {
      name: "task",
      kind: "words",
      description: { en: "task words (coding, RAG, summarization …) and vision / reasoning / tools / open", zh: "任务词（编程、RAG、摘要……）以及 vision / reasoning / tools / open" },
      required: false,
      complete: "tasks",
    },
  },
  run(ctx: CommandContext) {
    const { snapshot, t, args } = ctx;
    const tasks = findTasks(snapshot, args.rest);
    const required = new Set<Capability>(tasks.flatMap((task) => task.requires));
    let open = false;
    for (const word of args.words) {
      const feature = featureOf(word);
      if (feature === "open") open = true;
      else if (feature) required.add(feature);
    }
    const minContext = args.number("context") ?? 0;
    const { workload, isDefault } = workloadFromArgs(args, snapshot.knowledge.defaultWorkload);
    const money = Money.from(ctx.globals.currency, t, snapshot.knowledge.currency);
    const now = ctx.today;
    const candidates = pricedModels(snapshot).filter(
      (model) =>
        !(model.deprecationDate && model.deprecationDate <= now) &&
        model.contextWindow >= minContext &&
        [...required].every((cap) => model.capabilities.includes(cap)) &&
        (!open || model.openWeights),
    );
    const recommendations = TIERS.map((tier) => {
      const best = candidates
        .filter((model) => model.tier === tier)
        .map((model) => ({ model, cost: workloadCost(model, workload).totalUsd }))
        .sort((a, b) => a.cost - b.cost || a.model.inputPer1M - b.model.inputPer1M)[0];
      return { tier, best: best && { ...best, shown: money.cost(best.model, workload) } };
    });
    const found = recommendations.flatMap(({ tier, best }) => (best ? [{ tier, ...best }] : []));

    const constraintWords = [
      ...(minContext ? [t("cheapest.contextAtLeast", { tokens: formatTokens(minContext, t.lang) })] : []),
      ...[...required].map((cap) => t(`cap.${cap}`)),
      ...(open ? [t("cheapest.openWeights")] : []),
    ];
    const lead = [t("cheapest.lead", { workload: describeWorkload(t, workload, isDefault) })];
    if (constraintWords.length) lead.push(t("cheapest.constraints", { list: constraintWords.join(t.lang === "zh" ? "、" : ", ") }));

    const notes: string[] = [];
    const sources: Source[] = [];
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
    const shownModels = found.map((f) => f.model);
    const age = priceAge(t, shownModels, ctx.today);
    if (age) notes.push(age.note);
    const currency = money.notes(t, shownModels);
    notes.push(...currency.notes);
    sources.push(...currency.sources);
    for (const { model } of found) sources.push(modelSource(model, t.lang));

    const taskNames = tasks.map((task) => t.pick(task.name));
    const row = ({ model, shown }: { model: PricedModel; shown: string }) => [
      model.name,
      money.price(model, "inputPer1M"),
      money.price(model, "outputPer1M"),
      formatCount(model.contextWindow, t.lang),
      shown,
    ];
    const title = taskNames.length ? t("cheapest.titleTask", { tasks: taskNames.join(t.lang === "zh" ? "、" : ", ") }) : t("cheapest.title");
    return makeReply({
      command: "cheapest",
      lang: t.lang,
      title,
      chart:
        found.length > 1
          ? {
              kind: "bars",
              title,
              axisLabel: t("chart.costAxis", { workload: describeWorkload(t, workload, false) }),
              logNote: t("chart.log"),
              items: found.map(({ tier, model, cost, shown }) => ({ label: `${tierLabel(t, tier)}: ${model.name}`, value: cost, valueLabel: shown })),
            }
          : null,
      lead: t.sentences(lead),
      table: {
        columns: [t("col.tier"), t("col.model"), t("col.input"), t("col.output"), t("col.context"), t("col.cost")],
        rows: recommendations.map(({ tier, best }) =>
          best ? [tierLabel(t, tier), ...row(best)] : [tierLabel(t, tier), t("cheapest.noneFits"), t("none"), t("none"), t("none"), t("none")],
        ),
        align: ["left", "left", "right", "right", "right", "right"],
      },
      notes,
      sources,
      data: {
        constraints: { tasks: tasks.map((task) => task.id), capabilities: [...required], openWeights: open, minContext },
        workload,
        workloadIsDefault: isDefault,
        recommendations: recommendations.map(({ tier, best }) =>
          best
            ? {
                tier,
                id: best.model.id,
                inputPer1M: best.model.inputPer1M,
                outputPer1M: best.model.outputPer1M,
                contextWindow: best.model.contextWindow,
                capabilities: best.model.capabilities,
                cost: best.cost,
              }
            : { tier, id: null, inputPer1M: null, outputPer1M: null, contextWindow: null, capabilities: [], cost: null },
        ),
        suggestedTiers: tasks.map((task) => ({ task: task.id, tier: task.suggestedTier })),
        ...age?.data,
        ...currency.data,
      },
    });
  },
};
