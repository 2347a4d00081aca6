import type { Command, CommandContext } from "../src/core/dispatch/command.ts";
import { formatCount } from "../src/core/reply/format.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import { Money } from "../src/core/pricing/money.ts";
import type { CostWorkload, PricedEntry } from "../src/core/pricing/pricing.ts";
import { LOW_OUTLIER_SHARE, plannable, providersOf, type ProviderOffer, type ProvidersResult } from "../src/core/pricing/providers.ts";
import { makeReply, type Source } from "../src/core/reply/reply.ts";
import { describeWorkload, WORKLOAD_OPTIONS, workloadFromArgs } from "../src/core/pricing/workload.ts";

/** Rows shown in the table; reply data keeps every provider. */
const SHOWN = 15;

function label(offer: ProviderOffer): string {
  return offer.region ? `${offer.provider} (${offer.region})` : offer.provider;
}

/** The query as the price map spells it, else the model the resolver finds for it (Chinese names, aliases). */
function findProviders(ctx: CommandContext, catalog: readonly PricedEntry[], workload: CostWorkload): { name: string; found: ProvidersResult } {
  const query = ctx.args.rest.trim();
  // a model the table knows is matched by its own entry ("llama 3.3 70b" → Llama 3.3 70B), else by the words typed
  const resolution = ctx.snapshot.resolver.resolve(query);
  if ((resolution.kind === "exact" || resolution.kind === "fuzzy") && isPriced(resolution.model)) {
    const found = providersOf(catalog, resolution.model, workload);
    if (found.providers.length) return { name: resolution.model.name, found };
  }
  return { name: query, found: providersOf(catalog, query, workload) };
}

export const providers: Command = {
  spec: {
    name: "providers",
    showsMoney: true,
    localName: { zh: "提供商" },
    description: { en: "One open model at every provider, cheapest first", zh: "同一开放权重模型在各提供商的价格，从便宜到贵" },
    usage: { en: "/providers <model> [in:<tokens>] [out:<tokens>] [cached:<percent>]", zh: "/providers <模型> [in:<Token数>] [out:<Token数>] [cached:<百分比>]" },
    examples: ["/providers llama 3.3 70b", "/providers gpt-oss-120b in:100M out:20M", "/providers deepseek v3.2 cached:50%"],
    options: WORKLOAD_OPTIONS,
    positional: { name: "model", kind: "model", complete: "models", missing: "error.needModel", description: { en: "the open model", zh: "开放权重模型" }, required: true },
  },
  run(ctx: CommandContext) {
    const { snapshot, t, args } = ctx;
    const catalog = snapshot.priced;
    const stated = workloadFromArgs(args, snapshot.knowledge.defaultWorkload);
    const { workload } = stated;
    const isDefault = stated.origin === "default";
    const money = Money.from(ctx.globals.currency, t, snapshot.knowledge.currency);
    const workloadText = describeWorkload(t, stated, snapshot.knowledge.defaultWorkload);
    const { name, found } = findProviders(ctx, catalog, workload);
    const offers = found.providers;
    const title = t("providers.title", { model: name });

    if (!offers.length) {
      const suggestions = snapshot.resolver.search(args.rest, 5).map((m) => m.name);
      const notes = suggestions.length ? [t("providers.suggest", { names: t.list(suggestions, "disjunction") })] : [];
      return makeReply({
        command: "providers",
        lang: t.lang,
        title,
        lead: t("providers.none", { query: args.rest.trim() }),
        notes,
        data: { model: args.rest.trim(), identity: found.identity, workload, workloadIsDefault: isDefault, providers: [] },
      });
    }

    const planned = offers.filter(plannable);
    const cheapest = planned[0] ?? offers[0]!;
    const dearest = planned.at(-1) ?? offers.at(-1)!;
    const lead =
      offers.length === 1
        ? t("providers.leadOne", { model: name, workload: workloadText, provider: label(cheapest), cost: money.cost(cheapest.model, workload).shown })
        : t("providers.lead", {
            model: name,
            count: offers.length,
            workload: workloadText,
            provider: label(cheapest),
            cost: money.cost(cheapest.model, workload).shown,
            dearest: label(dearest),
            dearestCost: money.cost(dearest.model, workload).shown,
          });

    const notes = [t("providers.rule")];
    if (offers.some((o) => o.labels.length)) notes.push(t("providers.labels"));
    const zero = offers.filter((o) => o.zeroPrice).map((o) => o.id);
    if (zero.length) notes.push(t("providers.zero", { ids: zero.join(", ") }));
    const suspect = offers.filter((o) => o.suspectPrice).map((o) => o.id);
    if (suspect.length) notes.push(t("providers.suspect", { ids: suspect.join(", ") }));
    const outliers = offers.filter((o) => o.lowOutlier);
    if (outliers.length)
      notes.push(
        t("providers.outliers", {
          list: t.list(
            outliers.map((o) =>
              o.lowOutlier!.kind === "sibling-price"
                ? t("providers.outlierSibling", { id: o.id, sibling: o.lowOutlier!.sibling })
                : t("providers.outlierMedian", { id: o.id, percent: Math.round(LOW_OUTLIER_SHARE * 100) }),
            ),
          ),
        }),
      );
    if (offers.length > SHOWN) notes.push(t("providers.more", { count: offers.length - SHOWN }));
    const currency = money.notes(
      t,
      offers.map((o) => o.model),
    );
    notes.push(...currency.notes);

    const sources: Source[] = [];
    for (const offer of offers) {
      const ref = offer.model.source;
      if (!sources.some((s) => s.ref === ref && s.asOf === offer.model.asOf)) {
        sources.push({ title: /litellm/i.test(ref) ? t("providers.source") : `${offer.provider} · ${offer.model.name}`, ref, asOf: offer.model.asOf });
      }
    }
    sources.push(...currency.sources);

    const shown = offers.slice(0, SHOWN);
    return makeReply({
      command: "providers",
      lang: t.lang,
      title,
      lead,
      table: {
        columns: [t("providers.colProvider"), t("providers.colId"), t("col.input"), t("col.output"), t("col.context"), t("providers.colMaxOutput"), t("col.cost")],
        rows: shown.map((offer) => [
          label(offer),
          `${offer.lowOutlier ? "⚠ " : ""}${offer.labels.length ? `${offer.id} [${offer.labels.join(", ")}]` : offer.id}`,
          money.price(offer.model, "inputPer1M"),
          money.price(offer.model, "outputPer1M"),
          offer.contextWindow === null ? t("none") : formatCount(offer.contextWindow, t.lang),
          offer.maxOutput === null ? t("none") : formatCount(offer.maxOutput, t.lang),
          money.cost(offer.model, workload).shown,
        ]),
        align: ["left", "left", "right", "right", "right", "right", "right"],
      },
      chart:
        planned.length > 1
          ? {
              kind: "bars",
              title,
              axisLabel: t("chart.costAxis", { workload: describeWorkload(t, { ...stated, origin: "stated" }, snapshot.knowledge.defaultWorkload) }),
              axisCurrency: money.axisCurrency(),
              lang: t.lang,
              logNote: t("chart.log"),
              items: planned.slice(0, 10).map((offer) => ({ label: label(offer), value: offer.cost, valueLabel: money.cost(offer.model, workload).shown })),
            }
          : null,
      notes,
      sources,
      data: {
        model: name,
        identity: found.identity,
        workload,
        workloadIsDefault: isDefault,
        providers: offers.map((offer) => ({
          provider: offer.provider,
          region: offer.region,
          id: offer.id,
          inputPer1M: offer.inputPer1M,
          outputPer1M: offer.outputPer1M,
          cachedInputPer1M: offer.cachedInputPer1M,
          contextWindow: offer.contextWindow,
          maxOutput: offer.maxOutput,
          cost: offer.cost,
          pricing: offer.breakdown.pricing,
          labels: offer.labels,
          zeroPrice: offer.zeroPrice,
          suspectPrice: offer.suspectPrice,
          lowOutlier: offer.lowOutlier,
          alsoAs: offer.alsoAs,
          asOf: offer.model.asOf,
        })),
        cheapest: cheapest.id,
        ...currency.data,
      },
    });
  },
};
