import { formatCount, formatNumber, formatPercent, formatPrice, formatUsd } from "../reply/format.ts";
import type { Translator } from "../i18n/translate.ts";
import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import type { Understanding } from "./types.ts";

/**
 * The one line every free-text answer starts with, so a wrong guess is visible and correctable:
 * "Understood: compare GPT-5 vs DeepSeek V3.2, 30M input + 6M output tokens a month, 80% of input cached."
 */
export function describeUnderstanding(t: Translator, snapshot: KnowledgeSnapshot, u: Understanding, answeredAs: { rankedOneTier?: boolean } = {}): string {
  // /cheapest asked which cheap model is best (or told price is no object) ranks one tier instead of picking per tier
  const parts: string[] = [answeredAs.rankedOneTier ? t("understood.intent.ranked") : t(`understood.intent.${u.intent}`)];
  if (u.intent === "facts" && u.fact) parts[0] = t("understood.factOf", { fact: t(`model.field.${u.fact}`).toLowerCase() });
  if (u.models.length) {
    parts.push(
      t.list(
        u.models.map((m) => (m.shorthand ? t("understood.shorthand", { query: m.query, model: m.model.name }) : m.model.name)),
        u.intent === "compare" ? "conjunction" : "conjunction",
      ),
    );
  }
  // what a budget buys in requests of a size: the thousand requests a size alone is priced for are no part of it
  const v = u.intent === "budget" && u.requestsAssumed ? undefined : u.volume;
  if (v?.input !== undefined && v.output !== undefined)
    parts.push(t(u.requestsAssumed ? "understood.inOutPriced" : "understood.inOut", { input: formatCount(v.input, t.lang), output: formatCount(v.output, t.lang) }));
  else if (v?.input !== undefined) parts.push(t("understood.in", { input: formatCount(v.input, t.lang) }));
  else if (v?.output !== undefined) parts.push(t("understood.out", { output: formatCount(v.output, t.lang) }));
  else if (v?.total !== undefined) parts.push(t("understood.total", { total: formatCount(v.total, t.lang) }));
  if (u.reasoningTimes !== undefined) parts.push(t("understood.reasoning", { times: formatNumber(u.reasoningTimes, 2) }));
  if (u.ratio) parts.push(t("understood.ratio", { ratio: `${formatNumber(u.ratio.input, 2)}:${formatNumber(u.ratio.output, 2)}` }));
  if (u.cachedPercent !== undefined) parts.push(t("understood.cached", { percent: formatPercent(u.cachedPercent) }));
  if (u.promptTokens !== undefined) parts.push(t("understood.prompt", { tokens: formatCount(u.promptTokens, t.lang) }));
  if (u.requests !== undefined && !(u.requestsAssumed && u.intent === "budget"))
    parts.push(t(u.requestsAssumed ? "understood.requestsAssumed" : "understood.requests", { count: formatCount(u.requests, t.lang) }));
  if (u.requestsAtPeak) parts.push(t("understood.atPeak"));
  if (u.people !== undefined && u.intent === "compare") parts.push(t("understood.people", { people: formatCount(u.people, t.lang) }));
  if (u.mix) {
    const kinds = u.mix.map((part) =>
      t("understood.mixPart", { share: formatPercent(part.share), input: formatCount(part.input, t.lang), output: formatCount(part.output, t.lang) }),
    );
    // the parts are phrases with numbers of their own: Chinese keeps them apart with a semicolon, not 和
    parts.push(t("understood.mix", { parts: t.lang === "zh" ? kinds.join("；") : t.list(kinds) }));
  }
  if (u.oneRun) parts.push(t("understood.oneRun"));
  if (u.batch) parts.push(t(u.intent === "selfhost" ? "understood.batchPlan" : "understood.batch"));
  if (u.ownedGpus && u.intent === "selfhost") parts.push(t("understood.owned"));
  if (u.serviceTier) parts.push(t("understood.tier", { tier: u.serviceTier }));
  const c = u.constraints;
  const wants = [
    ...(c.minContext ? [t("cheapest.contextAtLeast", { tokens: formatCount(c.minContext, t.lang) })] : []),
    ...(["vision", "reasoning", "tools"] as const).filter((k) => c[k]).map((k) => t(`cap.${k}`)),
    ...(c.openWeights ? [t("cheapest.openWeights")] : []),
    ...(c.chinese ? [t("cheapest.chinese")] : []),
    ...(c.maxInputPer1M !== undefined ? [t("cheapest.maxInput", { price: formatPrice(c.maxInputPer1M) })] : []),
    ...(c.maxOutputPer1M !== undefined ? [t("cheapest.maxOutput", { price: formatPrice(c.maxOutputPer1M) })] : []),
  ];
  if (wants.length) parts.push(t("understood.needs", { list: t.list(wants) }));
  if (u.tasks.length) parts.push(t("understood.for", { tasks: t.list(u.tasks.map((task) => t.pick(task.name))) }));
  // GPUs (and budgets, below) are remembered through a conversation, but only the answer that uses them says them
  if (u.intent === "selfhost") {
    if (u.gpu) {
      const gpu = snapshot.knowledge.serving.gpus.find((g) => g.id === u.gpu!.id);
      const name = gpu?.name ?? u.gpu.id ?? "GPU";
      parts.push(u.gpu.count ? t("understood.gpu", { count: u.gpu.count, gpu: name }) : name);
    }
    if (u.hourlyDropped) {
      const before = snapshot.knowledge.serving.gpus.find((g) => g.id === u.hourlyDropped!.gpu)?.name ?? u.hourlyDropped.gpu;
      parts.push(t("understood.hourlyDropped", { price: formatUsd(u.hourlyDropped.usd), gpu: before }));
    }
    if (u.gpuHourlyUsd !== undefined) parts.push(t("understood.hourly", { price: formatUsd(u.gpuHourlyUsd) }));
    if (u.gpuPurchaseUsd !== undefined) parts.push(t("understood.purchase", { price: formatUsd(u.gpuPurchaseUsd) }));
    if (u.amortizationMonths !== undefined) parts.push(t("understood.months", { months: formatNumber(u.amortizationMonths, 0) }));
    if (u.opsUsdPerMonth !== undefined) parts.push(t("understood.ops", { cost: formatUsd(u.opsUsdPerMonth) }));
    if (u.powerUsdPerKwh !== undefined) parts.push(t("understood.power", { price: formatUsd(u.powerUsdPerKwh) }));
    if (u.utilization !== undefined) parts.push(t("understood.util", { percent: formatPercent(u.utilization) }));
    if (u.precision) parts.push(t("understood.precision", { precision: u.precision.toUpperCase() }));
    if (u.concurrentUsers !== undefined) parts.push(t("understood.concurrent", { count: formatCount(u.concurrentUsers, t.lang) }));
    if (u.perUserTokensPerSec !== undefined) parts.push(t("understood.speed", { speed: formatNumber(u.perUserTokensPerSec, 0) }));
    if (u.measuredTokensPerSec !== undefined) parts.push(t("understood.measured", { tps: formatNumber(u.measuredTokensPerSec, 0) }));
    if (u.targetTokensPerSec !== undefined) parts.push(t("understood.target", { tps: formatNumber(u.targetTokensPerSec, 0) }));
  }
  if (u.budget && u.intent === "budget") parts.push(t("understood.budget", { amount: `${u.budget.currency === "cny" ? "¥" : "$"}${formatNumber(u.budget.amount, 2)}` }));
  if (u.text !== undefined) parts.push(t("understood.text", { chars: formatNumber([...u.text].length, 0) }));
  // "the context window of Kimi K2", "providers of Llama 3.3 70B": the models complete the phrase
  if ((u.intent === "facts" || u.intent === "providers") && u.models.length) parts.splice(0, 2, `${parts[0]}${t.lang === "zh" ? "" : " "}${parts[1]}`);
  const line = t.lang === "zh" ? parts.join("，") : parts.join(", ");
  return t(u.followUp ? "understood.followUp" : "understood.line", { what: line });
}
