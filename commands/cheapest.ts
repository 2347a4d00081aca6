import type { Command, CommandContext, FlagSpec } from "../src/core/command.ts";
import { today } from "../src/core/clock.ts";
import { formatCount, formatTokens } from "../src/core/format.ts";
import type { Capability, PricedModel } from "../src/core/knowledge/schema.ts";
import { TIERS } from "../src/core/knowledge/kinds.ts";
import { articleSource, findTasks, modelSource, pricedModels, sectionSource } from "../src/core/knowledge-base.ts";
import { workloadCost } from "../src/core/pricing.ts";
import { priceAge } from "../src/core/price-age.ts";
import { Money } from "../src/core/money.ts";
import { makeReply, type Source } from "../src/core/reply.ts";
import { describeWorkload, WORKLOAD_OPTIONS, workloadFromArgs } from "../src/core/workload.ts";
import { tierLabel } from "../src/core/i18n/translate.ts";

const FLAGS: FlagSpec[] = [
  { name: "vision", aliases: ["视觉", "图像"], description: { en: "must understand images", zh: "需要理解图像" } },
  { name: "reasoning", aliases: ["推理"], description: { en: "must be a reasoning model", zh: "需要推理能力" } },
  { name: "tools", aliases: ["tool", "function-calling", "工具", "工具调用"], description: { en: "must call tools", zh: "需要工具调用" } },
  { name: "open", aliases: ["open-weights", "opensource", "open-source", "开源", "开放权重"], description: { en: "open weights only", zh: "仅限开放权重" } },
];

const text = {
  title: { en: "Cheapest model in each tier", zh: "各档位最便宜的模型" },
  titleTask: { en: "Cheapest model in each tier for {tasks}", zh: "{tasks}：各档位最便宜的模型" },
  lead: { en: "Priced for {workload}.", zh: "按{workload}计价。" },
  constraints: { en: "Only models with: {list}.", zh: "仅限满足以下条件的模型：{list}。" },
  contextAtLeast: { en: "context ≥ {tokens}", zh: "上下文 ≥ {tokens}" },
  openWeights: { en: "open weights", zh: "开放权重" },
  noneFits: { en: "no model meets the constraints", zh: "没有满足条件的模型" },
  suggested: { en: "For {task} the article points to the {tier} tier. {advice}", zh: "对于{task}，文章推荐{tier}档。{advice}" },
  density: {
    en: "The article's rule: match the \"intelligence density\" to the task. \"Don't use a PhD-level model to summarize an email; use a Flash-class model and save the budget for where it counts.\"",
    zh: "文章的原则：让\"智能密度\"与任务匹配。\"不要用博士级的模型来总结邮件；使用Flash级模型，把预算留给真正需要的地方。\"",
  },
  skippedDeprecated: { en: "Deprecated models are left out.", zh: "已弃用的模型不参与推荐。" },
};

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
      { name: "context", aliases: ["ctx", "上下文"], kind: "tokens", description: { en: "minimum context window", zh: "最小上下文窗口" } },
      ...WORKLOAD_OPTIONS,
    ],
    flags: FLAGS,
    positional: {
      name: "task",
      kind: "words",
      description: { en: "task words (coding, RAG, summarization …) and vision / reasoning / tools / open", zh: "任务词（编程、RAG、摘要……）以及 vision / reasoning / tools / open" },
      required: false,
    },
  },
  run(ctx: CommandContext) {
    const { kb, t, args } = ctx;
    const tasks = findTasks(kb, args.rest);
    const required = new Set<Capability>(tasks.flatMap((task) => task.requires));
    let open = false;
    for (const word of args.words) {
      const flag = FLAGS.find((f) => [f.name, ...(f.aliases ?? [])].includes(word.toLowerCase()))?.name;
      if (flag === "open") open = true;
      else if (flag) required.add(flag as Capability);
    }
    const minContext = (args.options.get("context") as number | undefined) ?? 0;
    const { workload, isDefault } = workloadFromArgs(args, kb.knowledge.defaultWorkload);
    const money = Money.from(args, t, kb.knowledge.currency);
    const now = today();
    const candidates = pricedModels(kb).filter(
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
      ...(minContext ? [t.pick(text.contextAtLeast, { tokens: formatTokens(minContext, t.lang) })] : []),
      ...[...required].map((cap) => t(`cap.${cap}`)),
      ...(open ? [t.pick(text.openWeights)] : []),
    ];
    const lead = [t.pick(text.lead, { workload: describeWorkload(t, workload, isDefault) })];
    if (constraintWords.length) lead.push(t.pick(text.constraints, { list: constraintWords.join(t.lang === "zh" ? "、" : ", ") }));

    const notes: string[] = [];
    const sources: Source[] = [];
    for (const task of tasks) {
      notes.push(t.pick(text.suggested, { task: t.pick(task.name), tier: tierLabel(t, task.suggestedTier), advice: t.pick(task.advice) }));
      const source = articleSource(kb, task.article, task.section, t.lang);
      if (source) sources.push(source);
    }
    if (!tasks.some((task) => task.id === "summarization")) {
      notes.push(t.pick(text.density));
      const conclusion = sectionSource(kb, "conclusion", t.lang);
      if (conclusion) sources.push(conclusion);
    }
    notes.push(t.pick(text.skippedDeprecated));
    const shownModels = found.map((f) => f.model);
    const age = priceAge(t, shownModels);
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
    const title = taskNames.length ? t.pick(text.titleTask, { tasks: taskNames.join(t.lang === "zh" ? "、" : ", ") }) : t.pick(text.title);
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
          best ? [tierLabel(t, tier), ...row(best)] : [tierLabel(t, tier), t.pick(text.noneFits), t("none"), t("none"), t("none"), t("none")],
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
