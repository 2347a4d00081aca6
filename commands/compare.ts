import type { Command, CommandContext } from "../src/core/dispatch/command.ts";
import { UserError } from "../src/core/reply/errors.ts";
import { formatCount } from "../src/core/reply/format.ts";
import { tierLabel } from "../src/core/i18n/translate.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import type { Model } from "../src/core/knowledge/schema.ts";
import { modelNotes, requireModel } from "../src/core/pricing/model-notes.ts";
import { Money } from "../src/core/pricing/money.ts";
import { priceAge } from "../src/core/pricing/price-age.ts";
import { pricingNotes } from "../src/core/pricing/pricing-notes.ts";
import { atStandardPrices, perPersonNote, uncachedNote } from "./compare-notes.ts";
import type { PricedEntry } from "../src/core/pricing/pricing.ts";
import type { Resolution } from "../src/core/models/resolve.ts";
import { cheapestHost } from "../src/core/pricing/providers.ts";
import { makeReply, type Source } from "../src/core/reply/reply.ts";
import { describeWorkload, WORKLOAD_OPTIONS, workloadFromArgs } from "../src/core/pricing/workload.ts";
import { answerRestAsQuestion } from "./rest-as-question.ts";
import { compareVerdict } from "./compare-verdict.ts";

const MAX_MODELS = 5;

export const compare: Command = {
  spec: {
    name: "compare",
    showsMoney: true,
    localName: { zh: "比较" },
    description: { en: "Compare the prices of up to 5 models side by side", zh: "并排比较最多5个模型的价格" },
    usage: {
      en: "/compare <model> <model> [more, up to 5] [in:<tokens>] [out:<tokens>] [tokens:<total>] [cached:<percent>] [prompt:<tokens>] [batch:yes] [tier:flex|priority]",
      zh: "/compare <模型> <模型> [最多5个] [in:<Token数>] [out:<Token数>] [tokens:<总量>] [cached:<百分比>] [prompt:<Token数>] [batch:yes] [tier:flex|priority]",
    },
    examples: [
      "/compare gpt-5 deepseek",
      "/compare gpt-5 vs claude opus 4.5, gemini 2.0 flash in:50M out:5M",
      "/compare gpt-5 和 深度求索 cached:50%",
      "/compare gpt-5.4 claude sonnet 4.5 prompt:300k",
    ],
    options: WORKLOAD_OPTIONS,
    positional: {
      name: "models",
      kind: "models",
      max: MAX_MODELS,
      complete: "models",
      missing: "error.needModels",
      description: { en: "models to compare", zh: "要比较的模型" },
      required: true,
    },
  },
  run(ctx: CommandContext) {
    const asQuestion = answerRestAsQuestion(ctx);
    if (asQuestion) return asQuestion;
    const { snapshot, t, args } = ctx;
    // a free-text question's models are already resolved: their ids are not read again as typed names
    const asked = ctx.question?.models ?? [];
    const resolutions: Resolution[] = asked.length
      ? asked.map((m) => ({ kind: "exact", model: m.model, query: m.query, shorthand: m.shorthand }))
      : snapshot.resolver.resolveList(args.rest);
    if (!resolutions.length) throw new UserError("bad_input", "error.needModels");
    const models: Model[] = [];
    const notes: string[] = [];
    for (const resolution of resolutions) {
      const model = requireModel(resolution);
      if (resolution.kind === "fuzzy") notes.push(t("fuzzy", { query: resolution.query, model: model.name }));
      if (!models.includes(model)) models.push(model);
    }
    if (models.length > MAX_MODELS) throw new UserError("bad_input", "error.tooManyModels", { max: MAX_MODELS, count: models.length });
    const defaults = snapshot.knowledge.defaultWorkload;
    const stated = workloadFromArgs(args, defaults);
    const workload = stated.workload;
    const money = Money.from(ctx.globals.currency, t, snapshot.knowledge.currency);
    const workloadText = describeWorkload(t, stated, defaults);
    const costed = models.filter(isPriced).map((model) => ({ model: model as PricedEntry, ...money.cost(model, workload) }));
    // a model whose context window cannot take the prompt has no cost for this workload, and no place in the verdict
    const priced = costed.filter((p) => !p.cost.promptExceedsContext);
    const tooSmall = costed.filter((p) => p.cost.promptExceedsContext);
    const ranked = [...priced].sort((a, b) => a.cost.totalUsd - b.cost.totalUsd);
    const cheapest = ranked[0];

    const sources: Source[] = [];
    for (const model of models) {
      const extra = modelNotes(snapshot, t, model, ctx.today);
      notes.push(...extra.notes);
      sources.push(...extra.sources);
      if (model.bestFor) notes.push(t("compare.bestFor", { model: model.name, bestFor: t.pick(model.bestFor) }));
    }
    // "per seat cost for 200 developers": each one's share first, what the question asked
    const perPerson = perPersonNote(t, money, ctx.question?.people, priced);
    if (perPerson) notes.unshift(perPerson);
    notes.push(...pricingNotes(t, costed, { atStandard: atStandardPrices(money, workload), reasoningTimes: ctx.question?.reasoningTimes }));
    const uncached = uncachedNote(t, money, priced, workload);
    if (uncached) notes.push(uncached);
    for (const { model, cost } of priced.filter((p) => p.model.openWeights)) {
      const { offer: best, plannable: count } = cheapestHost(snapshot.priced, model, workload);
      // worth a line only when another host is clearly cheaper than the one priced here
      if (best && count > 1 && best.cost < cost.totalUsd * 0.95)
        notes.push(t("providers.cheapestHost", { model: model.name, provider: best.provider, cost: money.cost(best.model, workload).shown, count, id: model.id }));
    }
    const fromCatalog = models.filter((m) => isPriced(m) && m.catalog).map((m) => m.name);
    if (fromCatalog.length) notes.push(t("catalogNote", { models: t.list(fromCatalog) }));
    const age = priceAge(t, models, ctx.today);
    if (age) notes.push(age.note);
    const currency = money.notes(
      t,
      priced.map((p) => p.model),
    );
    notes.push(...currency.notes);
    sources.push(...currency.sources);

    let lead = "";
    if (!priced.length && tooSmall.length) {
      lead = t("compare.noneFit", { workload: workloadText });
    } else if (priced.length === 1 && cheapest) {
      lead = t("compare.leadOne", { workload: workloadText, name: cheapest.model.name, cost: cheapest.shown });
    } else if (ranked.length > 1) {
      lead = compareVerdict(t, workloadText, ranked, (usd) => money.amount(usd));
    }

    if (priced.length && tooSmall.length && workload.promptTokensPerRequest)
      lead = t.sentences([
        lead,
        t("compare.doesNotFitLead", { models: t.list(tooSmall.map((p) => p.model.name)), count: tooSmall.length, prompt: formatCount(workload.promptTokensPerRequest, t.lang) }),
      ]);

    const pricing = (model: Model) => priced.find((p) => p.model === model);
    const rows = models.map((model) => {
      const p = pricing(model);
      const unfit = tooSmall.find((s) => s.model === model);
      if (unfit)
        return [
          model.name,
          tierLabel(t, model.tier),
          money.price(unfit.model, "inputPer1M"),
          money.price(unfit.model, "outputPer1M"),
          t("none"),
          formatCount(unfit.model.contextWindow, t.lang),
          t("compare.doesNotFit"),
        ];
      if (!isPriced(model) || !p) return [model.name, tierLabel(t, model.tier), t("none"), t("none"), t("none"), t("none"), t("none")];
      return [
        model.name,
        tierLabel(t, model.tier),
        money.priceUsed(model, p.cost, "inputPer1M"),
        money.priceUsed(model, p.cost, "outputPer1M"),
        model.cachedInputPer1M === undefined && p.cost.pricing === "standard" ? t("none") : money.priceUsed(model, p.cost, "cachedInputPer1M"),
        formatCount(model.contextWindow, t.lang),
        p.shown,
      ];
    });
    const names = models.map((m) => m.name);
    const title = names.length === 1 ? t("compare.titleOne", { name: names[0]! }) : t("compare.title", { names: names.join(t("compare.separator")) });
    return makeReply({
      command: "compare",
      lang: t.lang,
      title,
      lead,
      table: {
        columns: [t("col.model"), t("col.tier"), t("col.input"), t("col.output"), t("col.cached"), t("col.context"), t("col.cost")],
        rows,
        align: ["left", "left", "right", "right", "right", "right", "right"],
      },
      notes,
      sources,
      // chart:off: not even described (the axis label is a second workload description)
      chart:
        priced.length > 1 && !ctx.globals.chart.off
          ? {
              kind: "bars",
              title,
              axisLabel: t("chart.costAxis", { workload: describeWorkload(t, { ...stated, origin: "stated" }, defaults) }),
              logNote: t("chart.log"),
              items: priced.map(({ model, cost, shown }) => ({ label: model.name, value: cost.totalUsd, valueLabel: shown })),
              axisCurrency: money.axisCurrency(),
              lang: t.lang,
            }
          : null,
      data: {
        workload,
        workloadIsDefault: stated.origin === "default",
        workloadOrigin: stated.origin,
        models: models.map((model) => {
          const p = pricing(model);
          return {
            id: model.id,
            name: model.name,
            provider: model.provider,
            tier: model.tier,
            inputPer1M: p ? p.cost.prices.inputPer1M : null,
            outputPer1M: p ? p.cost.prices.outputPer1M : null,
            cachedInputPer1M: p ? (p.model.cachedInputPer1M === undefined && p.cost.pricing === "standard" ? null : p.cost.prices.cachedInputPer1M) : null,
            pricing: p?.cost.pricing ?? null,
            contextWindow: isPriced(model) ? model.contextWindow : null,
            capabilities: model.capabilities,
            cost: p?.cost.totalUsd ?? null,
            fits: !tooSmall.some((s) => s.model === model),
            unpriced: !isPriced(model),
            articleOnly: !isPriced(model) && model.articleClaim !== undefined,
            asOf: model.asOf,
          };
        }),
        cheapest: cheapest?.model.id ?? null,
        ...age?.data,
        ...currency.data,
      },
    });
  },
};
