import type { Command, CommandContext } from "../src/core/command.ts";
import { UserError } from "../src/core/errors.ts";
import { formatNumber, formatPercent, formatTokens } from "../src/core/format.ts";
import type { Model, PricedModel } from "../src/core/knowledge/schema.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import { modelSource, sectionSource } from "../src/core/knowledge/citations.ts";
import { pricedModels, type KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import { findGpu } from "../src/core/vocabulary.ts";
import { requireModel } from "../src/core/model-notes.ts";
import { blendedPer1M } from "../src/core/pricing.ts";
import { priceAge } from "../src/core/price-age.ts";
import { Money } from "../src/core/money.ts";
import { makeReply, type Field, type Source } from "../src/core/reply.ts";
import { gpusForWeights, selfhostCost } from "../src/core/selfhost-math.ts";
import type { Translator } from "../src/core/i18n/translate.ts";
import { tierLabel } from "../src/core/i18n/translate.ts";

/** The article section whose verdict every /selfhost answer quotes. */
const VERDICT_SECTION = "self-hosted-vs-api-the-2026-equation";



function splitText(snapshot: KnowledgeSnapshot): string {
  const w = snapshot.knowledge.defaultWorkload;
  const ratio = w.outputTokens ? w.inputTokens / w.outputTokens : 0;
  return ratio ? `${formatNumber(ratio, 1)}:1` : "1:0";
}

function closedModelReply(snapshot: KnowledgeSnapshot, t: Translator, money: Money, model: Model) {
  const open = pricedModels(snapshot).filter((m) => m.openWeights);
  const sameTier = open.filter((m) => m.tier === model.tier);
  const alternatives = (sameTier.length ? sameTier : open)
    .map((m) => ({ model: m, blended: blendedPer1M(m, snapshot.knowledge.defaultWorkload) }))
    .sort((a, b) => a.blended - b.blended)
    .slice(0, 6);
  const measuredOn = (m: PricedModel) =>
    snapshot.knowledge.selfhost.throughput.filter((row) => row.model === m.id).map((row) => `${row.gpus}× ${row.gpu.toUpperCase()}`).join(", ") || t("none");
  const source = sectionSource(snapshot, VERDICT_SECTION, t.lang);
  const currency = money.notes(t, []);
  return makeReply({
    command: "selfhost",
    lang: t.lang,
    title: t("selfhost.closedTitle", { model: model.name }),
    lead: t("selfhost.closedLead", { provider: model.provider, model: model.name }),
    table: {
      columns: [t("col.model"), t("col.tier"), t("selfhost.colParams"), t("selfhost.colApi"), t("selfhost.colMeasured")],
      rows: alternatives.map(({ model: m, blended }) => [m.name, tierLabel(t, m.tier), m.parametersB ? `${formatNumber(m.parametersB, 1)}B` : t("none"), money.amount(blended), measuredOn(m)]),
      align: ["left", "left", "right", "right", "left"],
    },
    notes: [t("selfhost.verdict"), ...currency.notes],
    sources: [...(source ? [source] : []), ...alternatives.map((a) => modelSource(a.model, t.lang)), ...currency.sources],
    data: {
      ...currency.data,
      model: model.id,
      selfHostable: false,
      alternatives: alternatives.map((a) => ({ id: a.model.id, tier: a.model.tier, apiCostPer1M: a.blended, parametersB: a.model.parametersB ?? null })),
    },
  });
}

export const selfhost: Command = {
  spec: {
    name: "selfhost",
    localName: { zh: "自建" },
    description: { en: "What running an open-weights model on your own GPUs costs, against the API", zh: "在自有GPU上运行开放权重模型的成本，与API对比" },
    usage: {
      en: "/selfhost <model> [gpu:<name>] [gpus:<n>] [price:<$/h>] [util:<percent>] [tokens:<per month>] [tput:<tokens/s>] [kwh:<$/kWh>]",
      zh: "/selfhost <模型> [gpu:<型号>] [gpus:<数量>] [price:<美元/小时>] [util:<百分比>] [tokens:<每月用量>] [tput:<Token/秒>] [kwh:<美元/度>]",
    },
    examples: ["/selfhost gpt-oss-120b", "/selfhost qwen3 235b gpu:h100 util:70% tokens:20B", "/selfhost gpt-5", "/selfhost llama 3.3 70b price:1.1"],
    options: [
      { name: "gpu", aliases: ["显卡"], kind: "text", complete: "gpus", description: { en: "GPU: a100, h100, h200 or b200", zh: "GPU：a100、h100、h200 或 b200" } },
      { name: "gpus", aliases: ["显卡数"], kind: "count", description: { en: "number of GPUs", zh: "GPU数量" } },
      { name: "price", aliases: ["价格"], kind: "number", description: { en: "rental price per GPU-hour in USD", zh: "每块GPU每小时租金（美元）" } },
      { name: "util", aliases: ["utilization", "利用率"], kind: "percent", description: { en: "utilization (e.g. 60%)", zh: "利用率（如 60%）" } },
      { name: "tokens", aliases: ["volume", "用量"], kind: "tokens", description: { en: "tokens per month (e.g. 5B)", zh: "每月Token用量（如 50亿）" } },
      { name: "tput", aliases: ["throughput", "吞吐"], kind: "number", description: { en: "throughput in tokens/s per deployment", zh: "每个部署的吞吐量（Token/秒）" } },
      { name: "kwh", aliases: ["电价"], kind: "number", description: { en: "electricity price per kWh in USD (0 to leave out)", zh: "每度电价格（美元；0 表示不计）" } },
    ],
    positional: { name: "model", kind: "model", complete: "models", missing: "error.needModel", description: { en: "the model to self-host", zh: "要自建的模型" }, required: true },
  },
  run(ctx: CommandContext) {
    const { snapshot, t, args } = ctx;
    const resolutions = snapshot.resolver.resolveList(args.rest);
    if (!resolutions[0]) throw new UserError("bad_input", "error.needModel");
    const model = requireModel(resolutions[0]);
    const money = Money.from(ctx.globals.currency, t, snapshot.knowledge.currency);
    if (!model.openWeights || !isPriced(model)) return closedModelReply(snapshot, t, money, model);

    const selfhostData = snapshot.knowledge.selfhost;
    const measurements = selfhostData.throughput.filter((row) => row.model === model.id);
    const gpu = args.has("gpu")
      ? findGpu(snapshot, args.text("gpu")!)
      : findGpu(snapshot, measurements[0]?.gpu ?? "h100");
    const measurement = measurements.find((row) => row.gpu === gpu.id);
    const weightBits = model.weightBits ?? 8;
    const weightGpus = model.parametersB ? gpusForWeights(model.parametersB, gpu.memoryGB, weightBits) : null;
    const gpuCount = args.number("gpus") ?? measurement?.gpus ?? weightGpus ?? 1;
    const givenTput = args.number("tput");
    const throughput = givenTput ?? (measurement ? (measurement.tokensPerSecond * gpuCount) / measurement.gpus : null);
    const givenPrice = args.number("price");
    const gpuHourlyUsd = givenPrice ?? gpu.hourlyUsd.typical;
    const utilPercent = args.number("util") ?? selfhostData.defaultUtilizationPercent;
    const usdPerKwh = args.number("kwh") ?? selfhostData.electricity.usdPerKwh;
    const apiCostPer1M = blendedPer1M(model, snapshot.knowledge.defaultWorkload);
    const result = selfhostCost({
      gpuHourlyUsd,
      gpuCount,
      gpuPowerWatts: gpu.powerWatts,
      usdPerKwh,
      throughputTokensPerSec: throughput,
      utilization: utilPercent / 100,
      hoursPerMonth: selfhostData.hoursPerMonth,
      apiCostPer1M,
    });

    const tokens = (n: number | null) => (n === null ? t("none") : formatTokens(n, t.lang));
    const fields: Field[] = [
      {
        label: t("selfhost.gpu"),
        value: t("selfhost.gpuValue", {
          count: gpuCount,
          name: gpu.name,
          price: money.amount(gpuHourlyUsd),
          priceNote: givenPrice === undefined ? t("selfhost.priceTypical", { low: money.amount(gpu.hourlyUsd.low), high: money.amount(gpu.hourlyUsd.high) }) : t("selfhost.priceGiven"),
        }),
      },
      {
        label: t("selfhost.gpusNeeded"),
        value: weightGpus && model.parametersB ? t("selfhost.gpusNeededValue", { count: weightGpus, params: formatNumber(model.parametersB, 1), bits: weightBits }) : t("selfhost.paramsUnknown"),
      },
      {
        label: t("selfhost.electricity"),
        value: t("selfhost.electricityValue", { watts: gpu.powerWatts, count: gpuCount, kwh: money.amount(usdPerKwh), hourly: money.amount(result.electricityHourlyUsd) }),
      },
      {
        label: t("selfhost.throughput"),
        value:
          givenTput !== undefined ? t("selfhost.throughputGiven", { tps: formatNumber(givenTput, 0) })
          : !measurement ? t("selfhost.throughputUnknown", { model: model.name, gpu: gpu.id.toUpperCase() })
          : measurement.gpus === gpuCount ? t("selfhost.throughputMeasured", { tps: formatNumber(measurement.tokensPerSecond, 0), engine: measurement.engine })
          : t("selfhost.throughputScaled", { tps: formatNumber(throughput ?? 0, 0), measured: formatNumber(measurement.tokensPerSecond, 0), measuredGpus: measurement.gpus, gpus: gpuCount }),
      },
      { label: t("selfhost.utilization"), value: formatPercent(utilPercent) },
      { label: t("selfhost.selfCost"), value: result.selfHostCostPer1M === null ? t("none") : t("selfhost.per1M", { price: money.amount(result.selfHostCostPer1M) }) },
      { label: t("selfhost.apiPrice"), value: t("selfhost.apiValue", { price: money.amount(apiCostPer1M), model: model.name, split: splitText(snapshot) }) },
      { label: t("selfhost.monthly"), value: t("selfhost.monthlyValue", { cost: money.amount(result.monthlyFixedUsd), hours: selfhostData.hoursPerMonth }) },
      { label: t("selfhost.capacity"), value: tokens(result.monthlyCapacityTokens) },
      { label: t("selfhost.breakEven"), value: result.breakEvenTokensPerMonth === null ? t("none") : t("selfhost.breakEvenValue", { tokens: tokens(result.breakEvenTokensPerMonth) }) },
    ];

    const util = formatPercent(utilPercent);
    let lead: string;
    if (result.selfHostCostPer1M === null) {
      lead = t("selfhost.leadNoThroughput", { monthly: money.amount(result.monthlyFixedUsd), breakEven: tokens(result.breakEvenTokensPerMonth) });
    } else if (result.breakEvenWithinCapacity) {
      lead = t("selfhost.leadCheaper", { util, self: money.amount(result.selfHostCostPer1M), api: money.amount(apiCostPer1M), breakEven: tokens(result.breakEvenTokensPerMonth) });
    } else {
      lead = t("selfhost.leadDearer", { util, self: money.amount(result.selfHostCostPer1M), api: money.amount(apiCostPer1M) });
    }

    const notes: string[] = [];
    const volume = args.number("tokens");
    let volumeData: Record<string, number> | null = null;
    if (volume !== undefined && result.monthlyCapacityTokens) {
      const deployments = Math.max(1, Math.ceil(volume / result.monthlyCapacityTokens));
      const apiMonthly = (volume / 1e6) * apiCostPer1M;
      const selfMonthly = deployments * result.monthlyFixedUsd;
      volumeData = { tokensPerMonth: volume, apiMonthlyUsd: apiMonthly, selfHostMonthlyUsd: selfMonthly, deployments };
      notes.push(t("selfhost.volume", { tokens: tokens(volume), api: money.amount(apiMonthly), self: money.amount(selfMonthly), count: deployments }));
    }
    notes.push(t("selfhost.verdict"), t("selfhost.assumptions"));
    const age = priceAge(t, [model], ctx.today);
    if (age) notes.push(age.note);
    const currency = money.notes(t, []);
    notes.push(...currency.notes);

    const sources: Source[] = [
      { title: gpu.name, ref: gpu.source, asOf: gpu.asOf },
      { title: t.lang === "zh" ? "电价" : "Electricity price", ref: selfhostData.electricity.source, asOf: selfhostData.electricity.asOf },
      modelSource(model, t.lang),
    ];
    if (measurement && givenTput === undefined) sources.push({ title: `${model.name} / ${gpu.id.toUpperCase()}`, ref: measurement.source, asOf: measurement.asOf });
    const article = sectionSource(snapshot, VERDICT_SECTION, t.lang);
    if (article) sources.push(article);
    sources.push(...currency.sources);

    return makeReply({
      command: "selfhost",
      lang: t.lang,
      title: t("selfhost.title", { model: model.name, count: gpuCount, gpu: gpu.id.toUpperCase() }),
      lead,
      fields,
      chart: {
        kind: "breakEven",
        title: t("selfhost.chartTitle", { model: model.name, count: gpuCount, gpu: gpu.id.toUpperCase() }),
        xLabel: t("selfhost.chartX"),
        yLabel: t(money.mode === "cny" ? "selfhost.chartYCny" : "selfhost.chartY"),
        apiLabel: t("selfhost.chartApi", { price: money.amount(apiCostPer1M) }),
        selfLabel: t("selfhost.chartSelf"),
        breakEvenLabel: t("selfhost.chartBreakEven"),
        apiCostPer1M,
        monthlyFixedUsd: result.monthlyFixedUsd,
        capacityTokens: result.monthlyCapacityTokens,
        breakEvenTokens: result.breakEvenWithinCapacity === false ? null : result.breakEvenTokensPerMonth,
        formatTokens: t.lang,
        axisCurrency: money.mode === "cny" ? { code: "cny", usdToCny: money.rate } : { code: "usd" },
      },
      notes,
      sources,
      data: {
        model: model.id,
        selfHostable: true,
        gpu: { name: gpu.name, id: gpu.id, hourlyUsd: gpuHourlyUsd, count: gpuCount, powerWatts: gpu.powerWatts },
        gpusForWeights: weightGpus,
        throughputTokensPerSec: throughput,
        throughputMeasured: Boolean(measurement) && givenTput === undefined,
        utilization: utilPercent / 100,
        electricityUsdPerKwh: usdPerKwh,
        monthlyFixedUsd: result.monthlyFixedUsd,
        monthlyCapacityTokens: result.monthlyCapacityTokens,
        selfHostCostPer1M: result.selfHostCostPer1M,
        apiModel: model.id,
        apiCostPer1M,
        breakEvenTokensPerMonth: result.breakEvenTokensPerMonth,
        breakEvenWithinCapacity: result.breakEvenWithinCapacity,
        volume: volumeData,
        ...age?.data,
        ...currency.data,
      },
    });
  },
};
