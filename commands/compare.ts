import type { Command, CommandContext } from "../src/core/command.ts";
import { UserError } from "../src/core/errors.ts";
import { formatCount, formatRatio } from "../src/core/format.ts";
import type { Model } from "../src/core/knowledge/schema.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import { modelNotes, requireModel } from "../src/core/model-notes.ts";
import { costRatio, workloadCost } from "../src/core/pricing.ts";
import { makeReply, type Source } from "../src/core/reply.ts";
import { describeWorkload, WORKLOAD_OPTIONS, workloadFromArgs } from "../src/core/workload.ts";
import { priceAge } from "../src/core/price-age.ts";
import { Money } from "../src/core/money.ts";
import { tierLabel } from "../src/core/i18n/translate.ts";

const MAX_MODELS = 5;


export const compare: Command = {
  spec: {
    name: "compare",
    localName: { zh: "比较" },
    description: { en: "Compare the prices of up to 5 models side by side", zh: "并排比较最多5个模型的价格" },
    usage: {
      en: "/compare <model> <model> [more, up to 5] [in:<tokens>] [out:<tokens>] [cached:<percent>]",
      zh: "/compare <模型> <模型> [最多5个] [in:<Token数>] [out:<Token数>] [cached:<百分比>]",
    },
    examples: ["/compare gpt-5 deepseek", "/compare gpt-5 vs claude opus 4.5, gemini 2.0 flash in:50M out:5M", "/compare gpt-5 和 深度求索 cached:50%"],
    options: WORKLOAD_OPTIONS,
    positional: { name: "models", kind: "models", max: MAX_MODELS, complete: "models", missing: "error.needModels", description: { en: "models to compare", zh: "要比较的模型" }, required: true },
  },
  run(ctx: CommandContext) {
    const { snapshot, t, args } = ctx;
    const resolutions = snapshot.resolver.resolveList(args.rest);
    if (!resolutions.length) throw new UserError("bad_input", "error.needModels");
    const models: Model[] = [];
    const notes: string[] = [];
    for (const resolution of resolutions) {
      const model = requireModel(resolution);
      if (resolution.kind === "fuzzy") notes.push(t("fuzzy", { query: resolution.query, model: model.name }));
      if (!models.includes(model)) models.push(model);
    }
    if (models.length > MAX_MODELS) {
      throw new UserError("bad_input", "error.tooManyModels", { max: MAX_MODELS, count: models.length });
    }
    const { workload, isDefault } = workloadFromArgs(args, snapshot.knowledge.defaultWorkload);
    const money = Money.from(ctx.globals.currency, t, snapshot.knowledge.currency);
    const workloadText = describeWorkload(t, workload, isDefault);
    const priced = models.filter(isPriced).map((model) => ({ model, cost: workloadCost(model, workload), shown: money.cost(model, workload) }));
    const ranked = [...priced].sort((a, b) => a.cost.totalUsd - b.cost.totalUsd);
    const cheapest = ranked[0];
    const dearest = ranked.at(-1);

    const sources: Source[] = [];
    for (const model of models) {
      const extra = modelNotes(snapshot, t, model, ctx.today);
      notes.push(...extra.notes);
      sources.push(...extra.sources);
      if (model.bestFor) notes.push(t("compare.bestFor", { model: model.name, bestFor: t.pick(model.bestFor) }));
    }
    for (const { model, cost } of priced) {
      if (cost.cachedAtInputPrice) notes.push(t("cachedAtInput", { model: model.name }));
    }

    const fromCatalog = models.filter((m) => isPriced(m) && m.catalog).map((m) => m.name);
    if (fromCatalog.length) notes.push(t("catalogNote", { models: fromCatalog.join(", ") }));
    const age = priceAge(t, models, ctx.today);
    if (age) notes.push(age.note);
    const currency = money.notes(t, priced.map((p) => p.model));
    notes.push(...currency.notes);
    sources.push(...currency.sources);
    let lead = "";
    if (priced.length === 1 && cheapest) {
      lead = t("compare.leadOne", { workload: workloadText, name: cheapest.model.name, cost: cheapest.shown });
    } else if (cheapest && dearest) {
      lead = t("compare.lead", { workload: workloadText, cheapest: cheapest.model.name, cost: cheapest.shown });
      const ratio = costRatio(cheapest.cost.totalUsd, dearest.cost.totalUsd);
      if (dearest.cost.totalUsd === 0) lead = t.sentences([lead, t("compare.allFree")]);
      else if (ratio !== null && ratio > 1) {
        const cheaperBy = t("compare.cheaperBy", { cheapest: cheapest.model.name, ratio: formatRatio(ratio), other: dearest.model.name, cost: dearest.shown });
        lead = t.sentences([lead, cheaperBy]);
      }
    }

    const pricing = (model: Model) => priced.find((p) => p.model === model);
    const costOf = (model: Model) => pricing(model)?.cost.totalUsd ?? null;
    const rows = models.map((model) => {
      if (!isPriced(model)) return [model.name, tierLabel(t, model.tier), t("none"), t("none"), t("none"), t("none"), t("none")];
      return [
        model.name,
        tierLabel(t, model.tier),
        money.price(model, "inputPer1M"),
        money.price(model, "outputPer1M"),
        model.cachedInputPer1M === undefined ? t("none") : money.price(model, "cachedInputPer1M"),
        formatCount(model.contextWindow, t.lang),
        pricing(model)?.shown ?? t("none"),
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
      chart:
        priced.length > 1
          ? {
              kind: "bars",
              title,
              axisLabel: t("chart.costAxis", { workload: describeWorkload(t, workload, false) }),
              logNote: t("chart.log"),
              items: priced.map(({ model, cost, shown }) => ({ label: model.name, value: cost.totalUsd, valueLabel: shown })),
            }
          : null,
      data: {
        workload,
        workloadIsDefault: isDefault,
        models: models.map((model) => ({
          id: model.id,
          name: model.name,
          provider: model.provider,
          tier: model.tier,
          inputPer1M: isPriced(model) ? model.inputPer1M : null,
          outputPer1M: isPriced(model) ? model.outputPer1M : null,
          cachedInputPer1M: isPriced(model) ? (model.cachedInputPer1M ?? null) : null,
          contextWindow: isPriced(model) ? model.contextWindow : null,
          capabilities: model.capabilities,
          cost: costOf(model),
          articleOnly: !isPriced(model),
          asOf: model.asOf,
        })),
        cheapest: cheapest?.model.id ?? null,
        ...age?.data,
        ...currency.data,
      },
    });
  },
};
