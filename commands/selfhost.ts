import type { Command, CommandContext } from "../src/core/command.ts";
import { UserError } from "../src/core/errors.ts";
import { formatNumber, formatPercent, formatTokens } from "../src/core/format.ts";
import type { Gpu, Model, PricedModel } from "../src/core/knowledge/schema.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import { modelSource, pricedModels, sectionSource, type KnowledgeBase } from "../src/core/knowledge-base.ts";
import { requireModel } from "../src/core/model-notes.ts";
import { normalizeName } from "../src/core/names.ts";
import { blendedPer1M } from "../src/core/pricing.ts";
import { priceAge } from "../src/core/price-age.ts";
import { Money } from "../src/core/money.ts";
import { makeReply, type Field, type Source } from "../src/core/reply.ts";
import { gpusForWeights, selfhostCost } from "../src/core/selfhost-math.ts";
import type { Translator } from "../src/core/i18n/translate.ts";
import { tierLabel } from "../src/core/i18n/translate.ts";

/** The article section whose verdict every /selfhost answer quotes. */
const VERDICT_SECTION = "self-hosted-vs-api-the-2026-equation";

const text = {
  title: { en: "Self-hosting {model} on {count} × {gpu}", zh: "在 {count} 块 {gpu} 上自建 {model}" },
  closedTitle: { en: "{model} cannot be self-hosted", zh: "{model} 无法自建" },
  closedLead: {
    en: "{provider} publishes no weights for {model}: it is only available through an API. Open-weights models you can run yourself:",
    zh: "{provider} 没有公开 {model} 的权重：它只能通过API使用。可以自己部署的开放权重模型：",
  },
  gpu: { en: "GPU", zh: "GPU" },
  gpuValue: { en: "{count} × {name} at {price}/h ({priceNote})", zh: "{count} 块 {name}，每块 {price}/小时（{priceNote}）" },
  priceTypical: { en: "typical rental; market {low}–{high}", zh: "典型租用价；市场价 {low}–{high}" },
  priceGiven: { en: "your price", zh: "你给出的价格" },
  gpusNeeded: { en: "GPUs for the weights", zh: "容纳权重所需GPU" },
  gpusNeededValue: { en: "{count} ({params}B parameters at {bits}-bit, plus 20% for KV cache)", zh: "{count} 块（{params}B 参数，{bits} 位权重，外加20%用于KV缓存）" },
  paramsUnknown: { en: "unknown (parameter count not in the knowledge)", zh: "未知（知识库中没有参数量）" },
  electricity: { en: "Electricity", zh: "电费" },
  electricityValue: { en: "{watts} W × {count} at {kwh}/kWh = {hourly}/h", zh: "{watts} W × {count} 块，每度 {kwh} = 每小时 {hourly}" },
  throughput: { en: "Throughput", zh: "吞吐量" },
  throughputMeasured: { en: "{tps} tokens/s per deployment (measured: {engine})", zh: "每个部署 {tps} Token/秒（实测：{engine}）" },
  throughputScaled: { en: "{tps} tokens/s ({measured} tokens/s measured on {measuredGpus} GPUs, scaled to {gpus})", zh: "{tps} Token/秒（{measuredGpus} 块GPU实测 {measured} Token/秒，按 {gpus} 块线性换算）" },
  throughputGiven: { en: "{tps} tokens/s (your figure)", zh: "{tps} Token/秒（你给出的数值）" },
  throughputUnknown: { en: "no measurement for {model} on {gpu}; pass tput:<tokens/s>", zh: "没有 {model} 在 {gpu} 上的实测数据；可用 tput:<Token/秒> 指定" },
  utilization: { en: "Utilization", zh: "利用率" },
  selfCost: { en: "Self-hosted cost", zh: "自建成本" },
  per1M: { en: "{price} per 1M tokens", zh: "每100万Token {price}" },
  apiPrice: { en: "API price", zh: "API价格" },
  apiValue: { en: "{price} per 1M tokens ({model}, input and output blended {split})", zh: "每100万Token {price}（{model}，按输入:输出 {split} 混合）" },
  monthly: { en: "Fixed cost per month", zh: "每月固定成本" },
  monthlyValue: { en: "{cost} ({hours} h)", zh: "{cost}（{hours} 小时）" },
  capacity: { en: "Capacity per month", zh: "每月处理能力" },
  breakEven: { en: "Break-even volume", zh: "盈亏平衡用量" },
  breakEvenValue: { en: "{tokens} per month", zh: "每月 {tokens}" },
  leadCheaper: { en: "At {util} utilization self-hosting costs {self} per 1M tokens against {api} through the API: self-hosting wins above {breakEven} a month.", zh: "在 {util} 利用率下，自建每100万Token成本 {self}，API为 {api}：每月用量超过 {breakEven} 时自建更省。" },
  leadDearer: { en: "At {util} utilization self-hosting costs {self} per 1M tokens against {api} through the API: the API stays cheaper at any volume.", zh: "在 {util} 利用率下，自建每100万Token成本 {self}，API为 {api}：无论用量多大，API都更便宜。" },
  leadNoThroughput: { en: "Renting these GPUs costs {monthly} a month; at the API price that buys {breakEven}. Self-hosting only pays if you need more than that and the GPUs can serve it.", zh: "租用这些GPU每月 {monthly}；同样的钱在API上可以买 {breakEven}。只有用量超过这个数且GPU能承载时，自建才划算。" },
  volume: { en: "At {tokens} a month: API {api}, self-hosted {self} ({deployments} deployment(s)).", zh: "每月 {tokens} 时：API {api}，自建 {self}（{deployments} 个部署）。" },
  verdict: {
    en: "The article's verdict: self-hosting means a high upfront cost but zero marginal cost per token (excluding electricity); it is \"viable only for massive scale or strict privacy requirements\", while the API is \"ideal for 95% of use cases\".",
    zh: "文章的结论：自建前期成本高，但每Token边际成本为零（不含电费）；\"仅适用于大规模或有严格隐私要求的场景\"，而API\"适合95%的用例\"。",
  },
  assumptions: { en: "Change any assumption: gpu:<a100|h100|h200|b200> gpus:<n> price:<$/h> util:<percent> tput:<tokens/s> kwh:<$/kWh> tokens:<per month>.", zh: "可修改任何假设：gpu:<a100|h100|h200|b200> gpus:<数量> price:<美元/小时> util:<百分比> tput:<Token/秒> kwh:<美元/度> tokens:<每月用量>。" },
  colApi: { en: "API /1M (blended)", zh: "API/100万（混合）" },
  colParams: { en: "Parameters", zh: "参数量" },
  colMeasured: { en: "Measured on", zh: "实测硬件" },
  chartTitle: { en: "{model}: API vs self-hosted on {count} × {gpu}, per month", zh: "{model}：API 与 {count} 块 {gpu} 自建的每月费用" },
  chartX: { en: "tokens per month", zh: "每月Token" },
  chartY: { en: "USD per month", zh: "每月美元" },
  chartYCny: { en: "CNY per month", zh: "每月人民币" },
  chartApi: { en: "API ({price} per 1M)", zh: "API（每100万 {price}）" },
  chartSelf: { en: "self-hosted (one more deployment per capacity step)", zh: "自建（每超出一个部署容量加一个部署）" },
  chartBreakEven: { en: "break-even", zh: "盈亏平衡" },
};

function findGpu(kb: KnowledgeBase, name: string): Gpu {
  const key = normalizeName(name);
  const gpu = kb.knowledge.selfhost.gpus.find((g) => [g.id, g.name, ...g.aliases].some((n) => normalizeName(n) === key));
  if (!gpu) throw new UserError("bad_input", "error.unknownGpu", { name, list: kb.knowledge.selfhost.gpus.map((g) => g.id).join(", ") });
  return gpu;
}

function splitText(kb: KnowledgeBase): string {
  const w = kb.knowledge.defaultWorkload;
  const ratio = w.outputTokens ? w.inputTokens / w.outputTokens : 0;
  return ratio ? `${formatNumber(ratio, 1)}:1` : "1:0";
}

function closedModelReply(kb: KnowledgeBase, t: Translator, money: Money, model: Model) {
  const open = pricedModels(kb).filter((m) => m.openWeights);
  const sameTier = open.filter((m) => m.tier === model.tier);
  const alternatives = (sameTier.length ? sameTier : open)
    .map((m) => ({ model: m, blended: blendedPer1M(m, kb.knowledge.defaultWorkload) }))
    .sort((a, b) => a.blended - b.blended)
    .slice(0, 6);
  const measuredOn = (m: PricedModel) =>
    kb.knowledge.selfhost.throughput.filter((row) => row.model === m.id).map((row) => `${row.gpus}× ${row.gpu.toUpperCase()}`).join(", ") || t("none");
  const source = sectionSource(kb, VERDICT_SECTION, t.lang);
  const currency = money.notes(t, []);
  return makeReply({
    command: "selfhost",
    lang: t.lang,
    title: t.pick(text.closedTitle, { model: model.name }),
    lead: t.pick(text.closedLead, { provider: model.provider, model: model.name }),
    table: {
      columns: [t("col.model"), t("col.tier"), t.pick(text.colParams), t.pick(text.colApi), t.pick(text.colMeasured)],
      rows: alternatives.map(({ model: m, blended }) => [m.name, tierLabel(t, m.tier), m.parametersB ? `${formatNumber(m.parametersB, 1)}B` : t("none"), money.amount(blended), measuredOn(m)]),
      align: ["left", "left", "right", "right", "left"],
    },
    notes: [t.pick(text.verdict), ...currency.notes],
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
      { name: "gpu", aliases: ["显卡"], kind: "text", description: { en: "GPU: a100, h100, h200 or b200", zh: "GPU：a100、h100、h200 或 b200" } },
      { name: "gpus", aliases: ["显卡数"], kind: "count", description: { en: "number of GPUs", zh: "GPU数量" } },
      { name: "price", aliases: ["价格"], kind: "number", description: { en: "rental price per GPU-hour in USD", zh: "每块GPU每小时租金（美元）" } },
      { name: "util", aliases: ["utilization", "利用率"], kind: "percent", description: { en: "utilization (e.g. 60%)", zh: "利用率（如 60%）" } },
      { name: "tokens", aliases: ["volume", "用量"], kind: "tokens", description: { en: "tokens per month (e.g. 5B)", zh: "每月Token用量（如 50亿）" } },
      { name: "tput", aliases: ["throughput", "吞吐"], kind: "number", description: { en: "throughput in tokens/s per deployment", zh: "每个部署的吞吐量（Token/秒）" } },
      { name: "kwh", aliases: ["电价"], kind: "number", description: { en: "electricity price per kWh in USD (0 to leave out)", zh: "每度电价格（美元；0 表示不计）" } },
    ],
    positional: { name: "model", kind: "model", missing: "error.needModel", description: { en: "the model to self-host", zh: "要自建的模型" }, required: true },
  },
  run(ctx: CommandContext) {
    const { kb, t, args } = ctx;
    const resolutions = kb.resolver.resolveList(args.rest);
    if (!resolutions[0]) throw new UserError("bad_input", "error.needModel");
    const model = requireModel(resolutions[0]);
    const money = Money.from(args, t, kb.knowledge.currency);
    if (!model.openWeights || !isPriced(model)) return closedModelReply(kb, t, money, model);

    const selfhostData = kb.knowledge.selfhost;
    const measurements = selfhostData.throughput.filter((row) => row.model === model.id);
    const gpu = args.options.has("gpu")
      ? findGpu(kb, String(args.options.get("gpu")))
      : findGpu(kb, measurements[0]?.gpu ?? "h100");
    const measurement = measurements.find((row) => row.gpu === gpu.id);
    const weightBits = model.weightBits ?? 8;
    const weightGpus = model.parametersB ? gpusForWeights(model.parametersB, gpu.memoryGB, weightBits) : null;
    const gpuCount = (args.options.get("gpus") as number | undefined) ?? measurement?.gpus ?? weightGpus ?? 1;
    const givenTput = args.options.get("tput") as number | undefined;
    const throughput = givenTput ?? (measurement ? (measurement.tokensPerSecond * gpuCount) / measurement.gpus : null);
    const givenPrice = args.options.get("price") as number | undefined;
    const gpuHourlyUsd = givenPrice ?? gpu.hourlyUsd.typical;
    const utilPercent = (args.options.get("util") as number | undefined) ?? selfhostData.defaultUtilizationPercent;
    const usdPerKwh = (args.options.get("kwh") as number | undefined) ?? selfhostData.electricity.usdPerKwh;
    const apiCostPer1M = blendedPer1M(model, kb.knowledge.defaultWorkload);
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
        label: t.pick(text.gpu),
        value: t.pick(text.gpuValue, {
          count: gpuCount,
          name: gpu.name,
          price: money.amount(gpuHourlyUsd),
          priceNote: givenPrice === undefined ? t.pick(text.priceTypical, { low: money.amount(gpu.hourlyUsd.low), high: money.amount(gpu.hourlyUsd.high) }) : t.pick(text.priceGiven),
        }),
      },
      {
        label: t.pick(text.gpusNeeded),
        value: weightGpus && model.parametersB ? t.pick(text.gpusNeededValue, { count: weightGpus, params: formatNumber(model.parametersB, 1), bits: weightBits }) : t.pick(text.paramsUnknown),
      },
      {
        label: t.pick(text.electricity),
        value: t.pick(text.electricityValue, { watts: gpu.powerWatts, count: gpuCount, kwh: money.amount(usdPerKwh), hourly: money.amount(result.electricityHourlyUsd) }),
      },
      {
        label: t.pick(text.throughput),
        value:
          givenTput !== undefined ? t.pick(text.throughputGiven, { tps: formatNumber(givenTput, 0) })
          : !measurement ? t.pick(text.throughputUnknown, { model: model.name, gpu: gpu.id.toUpperCase() })
          : measurement.gpus === gpuCount ? t.pick(text.throughputMeasured, { tps: formatNumber(measurement.tokensPerSecond, 0), engine: measurement.engine })
          : t.pick(text.throughputScaled, { tps: formatNumber(throughput ?? 0, 0), measured: formatNumber(measurement.tokensPerSecond, 0), measuredGpus: measurement.gpus, gpus: gpuCount }),
      },
      { label: t.pick(text.utilization), value: formatPercent(utilPercent) },
      { label: t.pick(text.selfCost), value: result.selfHostCostPer1M === null ? t("none") : t.pick(text.per1M, { price: money.amount(result.selfHostCostPer1M) }) },
      { label: t.pick(text.apiPrice), value: t.pick(text.apiValue, { price: money.amount(apiCostPer1M), model: model.name, split: splitText(kb) }) },
      { label: t.pick(text.monthly), value: t.pick(text.monthlyValue, { cost: money.amount(result.monthlyFixedUsd), hours: selfhostData.hoursPerMonth }) },
      { label: t.pick(text.capacity), value: tokens(result.monthlyCapacityTokens) },
      { label: t.pick(text.breakEven), value: result.breakEvenTokensPerMonth === null ? t("none") : t.pick(text.breakEvenValue, { tokens: tokens(result.breakEvenTokensPerMonth) }) },
    ];

    const util = formatPercent(utilPercent);
    let lead: string;
    if (result.selfHostCostPer1M === null) {
      lead = t.pick(text.leadNoThroughput, { monthly: money.amount(result.monthlyFixedUsd), breakEven: tokens(result.breakEvenTokensPerMonth) });
    } else if (result.breakEvenWithinCapacity) {
      lead = t.pick(text.leadCheaper, { util, self: money.amount(result.selfHostCostPer1M), api: money.amount(apiCostPer1M), breakEven: tokens(result.breakEvenTokensPerMonth) });
    } else {
      lead = t.pick(text.leadDearer, { util, self: money.amount(result.selfHostCostPer1M), api: money.amount(apiCostPer1M) });
    }

    const notes: string[] = [];
    const volume = args.options.get("tokens") as number | undefined;
    let volumeData: Record<string, number> | null = null;
    if (volume !== undefined && result.monthlyCapacityTokens) {
      const deployments = Math.max(1, Math.ceil(volume / result.monthlyCapacityTokens));
      const apiMonthly = (volume / 1e6) * apiCostPer1M;
      const selfMonthly = deployments * result.monthlyFixedUsd;
      volumeData = { tokensPerMonth: volume, apiMonthlyUsd: apiMonthly, selfHostMonthlyUsd: selfMonthly, deployments };
      notes.push(t.pick(text.volume, { tokens: tokens(volume), api: money.amount(apiMonthly), self: money.amount(selfMonthly), deployments }));
    }
    notes.push(t.pick(text.verdict), t.pick(text.assumptions));
    const age = priceAge(t, [model]);
    if (age) notes.push(age.note);
    const currency = money.notes(t, []);
    notes.push(...currency.notes);

    const sources: Source[] = [
      { title: gpu.name, ref: gpu.source, asOf: gpu.asOf },
      { title: t.lang === "zh" ? "电价" : "Electricity price", ref: selfhostData.electricity.source, asOf: selfhostData.electricity.asOf },
      modelSource(model, t.lang),
    ];
    if (measurement && givenTput === undefined) sources.push({ title: `${model.name} / ${gpu.id.toUpperCase()}`, ref: measurement.source, asOf: measurement.asOf });
    const article = sectionSource(kb, VERDICT_SECTION, t.lang);
    if (article) sources.push(article);
    sources.push(...currency.sources);

    return makeReply({
      command: "selfhost",
      lang: t.lang,
      title: t.pick(text.title, { model: model.name, count: gpuCount, gpu: gpu.id.toUpperCase() }),
      lead,
      fields,
      chart: {
        kind: "breakEven",
        title: t.pick(text.chartTitle, { model: model.name, count: gpuCount, gpu: gpu.id.toUpperCase() }),
        xLabel: t.pick(text.chartX),
        yLabel: t.pick(money.mode === "cny" ? text.chartYCny : text.chartY),
        apiLabel: t.pick(text.chartApi, { price: money.amount(apiCostPer1M) }),
        selfLabel: t.pick(text.chartSelf),
        breakEvenLabel: t.pick(text.chartBreakEven),
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
