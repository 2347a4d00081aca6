import type { Command, CommandContext } from "../src/core/dispatch/command.ts";
import { UserError } from "../src/core/reply/errors.ts";
import { formatCount } from "../src/core/reply/format.ts";
import { tierLabel } from "../src/core/i18n/translate.ts";
import { modelSource } from "../src/core/knowledge/citations.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import type { Model } from "../src/core/knowledge/schema.ts";
import { modelNotes, requireModel } from "../src/core/pricing/model-notes.ts";
import { secondSourceNotes } from "../src/core/pricing/price-sources.ts";
import { Money } from "../src/core/pricing/money.ts";
import { makeReply, type Field, type Source } from "../src/core/reply/reply.ts";
import type { Fact } from "../src/core/understand/types.ts";

const MAX_MODELS = 5;
const FACTS: readonly Fact[] = ["context", "maxOutput", "vision", "reasoning", "tools", "deprecated", "openWeights", "price", "provider"];
const FACT_WORDS: Record<string, Fact> = {
  context: "context",
  ctx: "context",
  上下文: "context",
  上下文窗口: "context",
  上下文长度: "context",
  "context-window": "context",
  contxt: "context",
  window: "context",
  "max-output": "maxOutput",
  maxoutput: "maxOutput",
  output: "maxOutput",
  最大输出: "maxOutput",
  vision: "vision",
  视觉: "vision",
  reasoning: "reasoning",
  推理: "reasoning",
  tools: "tools",
  工具: "tools",
  deprecated: "deprecated",
  弃用: "deprecated",
  open: "openWeights",
  weights: "openWeights",
  开源: "openWeights",
  price: "price",
  价格: "price",
  prices: "price",
  pricing: "price",
  provider: "provider",
  厂商: "provider",
};

/** One fact of one model as a sentence, with the entry's date: what a person asked, answered first. */
function factSentence(ctx: CommandContext, model: Model, fact: Fact, money: Money): string {
  const { t, today } = ctx;
  const params = { model: model.name, asOf: model.asOf };
  const has = (capability: "vision" | "reasoning" | "tools") => model.capabilities.includes(capability);
  switch (fact) {
    case "context":
      return isPriced(model) ? t("model.context", { ...params, tokens: formatCount(model.contextWindow, t.lang) }) : t(noPriceKey(model), params);
    case "maxOutput":
      return isPriced(model) ? t("model.maxOutput", { ...params, tokens: formatCount(model.maxOutput, t.lang) }) : t(noPriceKey(model), params);
    case "vision":
    case "reasoning":
    case "tools":
      return t(has(fact) ? "model.has" : "model.hasNot", { ...params, capability: t(`cap.${fact}`) });
    case "deprecated":
      return !model.deprecationDate
        ? t("model.notDeprecated", params)
        : model.deprecationDate <= today
          ? t("model.deprecated", { ...params, date: model.deprecationDate })
          : t("model.deprecating", { ...params, date: model.deprecationDate });
    case "openWeights":
      return t(model.openWeights ? "model.open" : "model.closed", { ...params, provider: model.provider });
    case "provider":
      return t("model.provider", { ...params, provider: model.provider });
    case "price":
      return isPriced(model) ? t("model.price", { ...params, input: money.price(model, "inputPer1M"), output: money.price(model, "outputPer1M") }) : t(noPriceKey(model), params);
  }
}

export const model: Command = {
  spec: {
    name: "model",
    showsMoney: true,
    localName: { zh: "模型信息" },
    description: {
      en: "Facts about a model: context, max output, capabilities, open weights, deprecation, price, provider",
      zh: "模型的事实：上下文、最大输出、能力、是否开源、弃用日期、价格、提供商",
    },
    usage: {
      en: "/model <model> [context|output|vision|reasoning|tools|deprecated|open|price|provider]",
      zh: "/model <模型> [上下文|最大输出|视觉|推理|工具|弃用|开源|价格|厂商]",
    },
    examples: ["/model kimi k2.5", "/model qwen max context", "/model claude opus 4.1 deprecated"],
    options: [],
    positional: {
      name: "model",
      kind: "model",
      complete: "models",
      missing: "error.needModel",
      description: { en: "the model (and what you want to know)", zh: "模型（以及想了解的内容）" },
      required: true,
    },
  },
  run(ctx: CommandContext) {
    const { snapshot, t, args } = ctx;
    const words = args.rest.split(/\s+/);
    const asked = ctx.question?.fact ?? FACT_WORDS[words.at(-1)?.toLowerCase() ?? ""];
    const names = asked && !ctx.question && words.length > 1 && FACT_WORDS[words.at(-1)!.toLowerCase()] ? words.slice(0, -1).join(" ") : args.rest;
    const models: Model[] = [];
    for (const resolution of snapshot.resolver.resolveList(names)) {
      const found = requireModel(resolution);
      if (!models.includes(found)) models.push(found);
    }
    if (!models.length) throw new UserError("bad_input", "error.needModel");
    if (models.length > MAX_MODELS) throw new UserError("bad_input", "error.tooManyModels", { max: MAX_MODELS, count: models.length });
    const money = Money.from(ctx.globals.currency, t, snapshot.knowledge.currency);
    const lead = asked ? t.sentences(models.map((m) => factSentence(ctx, m, asked, money))) : "";
    const first = models[0]!;
    const fields: Field[] = models.length === 1 ? FACTS.filter((f) => f !== asked).map((f) => ({ label: t(`model.field.${f}`), value: factSentence(ctx, first, f, money) })) : [];
    const notes: string[] = [];
    const sources: Source[] = [];
    for (const m of models) {
      const extra = modelNotes(snapshot, t, m, ctx.today);
      notes.push(...extra.notes);
      sources.push(...extra.sources);
      if (m.bestFor) notes.push(t("compare.bestFor", { model: m.name, bestFor: t.pick(m.bestFor) }));
    }
    notes.push(...secondSourceNotes(t, models.filter(isPriced)));
    const currency = money.notes(t, models.filter(isPriced));
    notes.push(...currency.notes);
    sources.push(...currency.sources, ...models.map((m) => modelSource(m, t.lang)));
    return makeReply({
      command: "model",
      lang: t.lang,
      title: models.length === 1 ? t("model.title", { model: first.name, provider: first.provider }) : t.list(models.map((m) => m.name)),
      lead,
      fields,
      table:
        models.length > 1
          ? {
              columns: [t("col.model"), t("col.provider"), t("col.tier"), t("col.context"), t("model.col.maxOutput"), t("col.input"), t("col.output")],
              rows: models.map((m) => [
                m.name,
                m.provider,
                tierLabel(t, m.tier),
                isPriced(m) ? formatCount(m.contextWindow, t.lang) : t("none"),
                isPriced(m) ? formatCount(m.maxOutput, t.lang) : t("none"),
                isPriced(m) ? money.price(m, "inputPer1M") : t("none"),
                isPriced(m) ? money.price(m, "outputPer1M") : t("none"),
              ]),
              align: ["left", "left", "left", "right", "right", "right", "right"],
            }
          : null,
      notes,
      sources,
      data: {
        fact: asked ?? null,
        models: models.map((m) => ({
          id: m.id,
          name: m.name,
          provider: m.provider,
          tier: m.tier,
          contextWindow: isPriced(m) ? m.contextWindow : null,
          maxOutput: isPriced(m) ? m.maxOutput : null,
          capabilities: m.capabilities,
          openWeights: m.openWeights,
          deprecationDate: m.deprecationDate ?? null,
          inputPer1M: isPriced(m) ? m.inputPer1M : null,
          outputPer1M: isPriced(m) ? m.outputPer1M : null,
          parametersB: m.parametersB ?? null,
          asOf: m.asOf,
        })),
        ...currency.data,
      },
    });
  },
};

/** An unpriced model is either one the article names (its claim is the only figure) or one its maker retired. */
function noPriceKey(model: Model): "model.noPrice" | "model.noPriceRetired" {
  return model.articleClaim ? "model.noPrice" : "model.noPriceRetired";
}
