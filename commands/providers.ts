import type { Command, CommandContext } from "../src/core/command.ts";
import { formatCount } from "../src/core/format.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import { pricedModels } from "../src/core/knowledge/snapshot.ts";
import { Money } from "../src/core/money.ts";
import type { PricedEntry } from "../src/core/pricing.ts";
import { providersOf, type ProviderOffer, type ProvidersResult } from "../src/core/providers.ts";
import { makeReply, type Source } from "../src/core/reply.ts";
import { describeWorkload, WORKLOAD_OPTIONS, workloadFromArgs } from "../src/core/workload.ts";

/** Rows shown in the table; reply data keeps every provider. */
const SHOWN = 15;

const text = {
  title: { en: "{model}: every provider in the price map", zh: "{model}：价目表中的所有提供商" },
  lead: {
    en: "{count} offers of {model} for {workload}: cheapest {provider} at {cost}, dearest {dearest} at {dearestCost}.",
    zh: "按{workload}计算，{model} 共有 {count} 个报价：最便宜的是 {provider}（{cost}），最贵的是 {dearest}（{dearestCost}）。",
  },
  leadOne: { en: "One offer of {model} for {workload}: {provider} at {cost}.", zh: "按{workload}计算，{model} 只有一个报价：{provider}（{cost}）。" },
  none: {
    en: "The price map lists no provider for \"{query}\". Name an open model with its size, e.g. /providers llama 3.3 70b.",
    zh: "价目表中没有“{query}”的提供商。请写出开放权重模型及其规模，例如 /providers llama 3.3 70b。",
  },
  suggest: { en: "Did you mean: {names}?", zh: "你是不是想找：{names}？" },
  more: { en: "{count} more offers are in the reply data.", zh: "另有 {count} 个报价见回复数据。" },
  rule: {
    en: "Matched by base-model name: same family, version and size across providers; an 8B never matches a 70B, and fine-tunes or distills are left out.",
    zh: "按基础模型名称匹配：各提供商中系列、版本和规模都相同才算同一模型；8B 不会匹配 70B，微调或蒸馏版本不计入。",
  },
  labels: {
    en: "Labels mark other builds of the same weights: Turbo, fp8/int4 and other quantized builds, dated checkpoints (e.g. 0324, 2507); quality can differ from the full-precision release.",
    zh: "标签表示同一权重的其他版本：Turbo、fp8/int4 等量化版本、带日期的检查点（如 0324、2507）；质量可能与全精度版本不同。",
  },
  zero: { en: "Listed at $0 (a free tier or a local runtime, not a price to plan on): {ids}.", zh: "标价为 $0（免费档或本地运行环境，不宜作为预算依据）：{ids}。" },
  suspect: {
    en: "Prices more than 20× the median of this model's providers, likely a unit error in the price map: {ids}.",
    zh: "价格超过该模型各提供商中位数的 20 倍，可能是价目表的单位错误：{ids}。",
  },
  source: { en: "LiteLLM community price map", zh: "LiteLLM 社区维护价目表" },
  colProvider: { en: "Provider", zh: "提供商" },
  colId: { en: "Model id", zh: "模型 ID" },
  colMaxOutput: { en: "Max output", zh: "最大输出" },
};

function label(offer: ProviderOffer): string {
  return offer.region ? `${offer.provider} (${offer.region})` : offer.provider;
}

/** The query as the price map spells it, else the model the resolver finds for it (Chinese names, aliases). */
function findProviders(ctx: CommandContext, catalog: readonly PricedEntry[], workload: Parameters<typeof providersOf>[2]): { name: string; found: ProvidersResult } {
  const query = ctx.args.rest.trim();
  const direct = providersOf(catalog, query, workload);
  if (direct.providers.length) return { name: query, found: direct };
  const resolution = ctx.snapshot.resolver.resolve(query);
  if ((resolution.kind === "exact" || resolution.kind === "fuzzy") && isPriced(resolution.model)) {
    return { name: resolution.model.name, found: providersOf(catalog, resolution.model, workload) };
  }
  return { name: query, found: direct };
}

export const providers: Command = {
  spec: {
    name: "providers",
    localName: { zh: "提供商" },
    description: { en: "One open model at every provider, cheapest first", zh: "同一开放权重模型在各提供商的价格，从便宜到贵" },
    usage: { en: "/providers <model> [in:<tokens>] [out:<tokens>] [cached:<percent>]", zh: "/providers <模型> [in:<Token数>] [out:<Token数>] [cached:<百分比>]" },
    examples: ["/providers llama 3.3 70b", "/providers gpt-oss-120b in:100M out:20M", "/providers deepseek v3.2 cached:50%"],
    options: WORKLOAD_OPTIONS,
    positional: { name: "model", kind: "model", complete: "models", missing: "error.needModel", description: { en: "the open model", zh: "开放权重模型" }, required: true },
  },
  run(ctx: CommandContext) {
    const { snapshot, t, args } = ctx;
    const catalog: PricedEntry[] = [...pricedModels(snapshot), ...snapshot.knowledge.catalog];
    const { workload, isDefault } = workloadFromArgs(args, snapshot.knowledge.defaultWorkload);
    const money = Money.from(ctx.globals.currency, t, snapshot.knowledge.currency);
    const workloadText = describeWorkload(t, workload, isDefault);
    const { name, found } = findProviders(ctx, catalog, workload);
    const offers = found.providers;
    const title = t.pick(text.title, { model: name });

    if (!offers.length) {
      const suggestions = snapshot.resolver.search(args.rest, 5).map((m) => m.name);
      const notes = suggestions.length ? [t.pick(text.suggest, { names: t.list(suggestions, "disjunction") })] : [];
      return makeReply({
        command: "providers",
        lang: t.lang,
        title,
        lead: t.pick(text.none, { query: args.rest.trim() }),
        notes,
        data: { model: args.rest.trim(), identity: found.identity, workload, workloadIsDefault: isDefault, providers: [] },
      });
    }

    const planned = offers.filter((o) => !o.zeroPrice && !o.suspectPrice);
    const cheapest = planned[0] ?? offers[0]!;
    const dearest = planned.at(-1) ?? offers.at(-1)!;
    const lead =
      offers.length === 1
        ? t.pick(text.leadOne, { model: name, workload: workloadText, provider: label(cheapest), cost: money.cost(cheapest.model, workload) })
        : t.pick(text.lead, {
            model: name,
            count: offers.length,
            workload: workloadText,
            provider: label(cheapest),
            cost: money.cost(cheapest.model, workload),
            dearest: label(dearest),
            dearestCost: money.cost(dearest.model, workload),
          });

    const notes = [t.pick(text.rule)];
    if (offers.some((o) => o.labels.length)) notes.push(t.pick(text.labels));
    const zero = offers.filter((o) => o.zeroPrice).map((o) => o.id);
    if (zero.length) notes.push(t.pick(text.zero, { ids: zero.join(", ") }));
    const suspect = offers.filter((o) => o.suspectPrice).map((o) => o.id);
    if (suspect.length) notes.push(t.pick(text.suspect, { ids: suspect.join(", ") }));
    if (offers.length > SHOWN) notes.push(t.pick(text.more, { count: offers.length - SHOWN }));
    const currency = money.notes(t, offers.map((o) => o.model));
    notes.push(...currency.notes);

    const sources: Source[] = [];
    for (const offer of offers) {
      const ref = offer.model.source;
      if (!sources.some((s) => s.ref === ref && s.asOf === offer.model.asOf)) {
        sources.push({ title: /litellm/i.test(ref) ? t.pick(text.source) : `${offer.provider} · ${offer.model.name}`, ref, asOf: offer.model.asOf });
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
        columns: [t.pick(text.colProvider), t.pick(text.colId), t("col.input"), t("col.output"), t("col.context"), t.pick(text.colMaxOutput), t("col.cost")],
        rows: shown.map((offer) => [
          label(offer),
          offer.labels.length ? `${offer.id} [${offer.labels.join(", ")}]` : offer.id,
          money.price(offer.model, "inputPer1M"),
          money.price(offer.model, "outputPer1M"),
          offer.contextWindow === null ? t("none") : formatCount(offer.contextWindow, t.lang),
          offer.maxOutput === null ? t("none") : formatCount(offer.maxOutput, t.lang),
          money.cost(offer.model, workload),
        ]),
        align: ["left", "left", "right", "right", "right", "right", "right"],
      },
      chart:
        planned.length > 1
          ? {
              kind: "bars",
              title,
              axisLabel: t("chart.costAxis", { workload: describeWorkload(t, workload, false) }),
              logNote: t("chart.log"),
              items: planned.slice(0, 10).map((offer) => ({ label: label(offer), value: offer.cost, valueLabel: money.cost(offer.model, workload) })),
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
          alsoAs: offer.alsoAs,
          asOf: offer.model.asOf,
        })),
        cheapest: cheapest.id,
        ...currency.data,
      },
    });
  },
};
