import type { CommandSpec } from "../src/core/dispatch/command.ts";
import type { Understanding } from "../src/core/understand/types.ts";

/**
 * A price as an option reads it: a yuan price converted to dollars has more digits than an option takes ("0.6 元" →
 * 0.08450704225352…), so ten decimals at most, never in exponent notation.
 */
const asOption = (value: number) => value.toFixed(10).replace(/\.?0+$/u, "");

/** The understanding as the routed command's own options, in the shared grammar: one meaning, typed either way. */
export function optionLine(u: Understanding, spec: CommandSpec): string {
  const options: string[] = [];
  const v = u.volume;
  if (v?.input !== undefined) options.push(`in:${v.input}`);
  if (v?.output !== undefined) options.push(`out:${v.output}`);
  if (v?.total !== undefined && v.input === undefined && v.output === undefined) options.push(`tokens:${v.total}`);
  if (u.cachedPercent !== undefined) options.push(`cached:${u.cachedPercent}%`);
  if (u.promptTokens !== undefined) options.push(`prompt:${u.promptTokens}`);
  if (u.requests !== undefined) options.push(`requests:${u.requests}`);
  if (u.ratio) options.push(`ratio:${u.ratio.input}:${u.ratio.output}`);
  if (u.batch) options.push("batch:yes");
  // "batch jobs only" on GPUs of one's own: the batch plan, with no latency target
  if (u.batch && u.intent === "selfhost") options.push("slo:batch");
  if (u.ownedGpus) options.push("owned:yes");
  if (u.serviceTier) options.push(`tier:${u.serviceTier}`);
  if (u.constraints.minContext) options.push(`context:${u.constraints.minContext}`);
  if (u.constraints.maxInputPer1M !== undefined) options.push(`max-in:${asOption(u.constraints.maxInputPer1M)}`);
  if (u.constraints.maxOutputPer1M !== undefined) options.push(`max-out:${asOption(u.constraints.maxOutputPer1M)}`);
  // a GPU the knowledge lacks is passed on as typed, spaces and all, so the answer names it back whole
  if (u.gpu?.id) options.push(/\s/.test(u.gpu.id) ? `gpu:"${u.gpu.id}"` : `gpu:${u.gpu.id}`);
  if (u.gpu?.count) options.push(`gpus:${u.gpu.count}`);
  if (u.concurrentUsers !== undefined) options.push(`users:${u.concurrentUsers}`);
  if (u.perUserTokensPerSec !== undefined) options.push(`speed:${u.perUserTokensPerSec}`);
  if (u.measuredTokensPerSec !== undefined) options.push(`tput:${u.measuredTokensPerSec}`);
  if (u.targetTokensPerSec !== undefined) options.push(`serve:${u.targetTokensPerSec}`);
  if (u.gpuHourlyUsd !== undefined) options.push(`price:${asOption(u.gpuHourlyUsd)}`);
  if (u.powerUsdPerKwh !== undefined) options.push(`kwh:${asOption(u.powerUsdPerKwh)}`);
  if (u.gpuPurchaseUsd !== undefined) options.push(`cost:${asOption(u.gpuPurchaseUsd)}`);
  if (u.amortizationMonths !== undefined) options.push(`months:${u.amortizationMonths}`);
  if (u.opsUsdPerMonth !== undefined) options.push(`ops:${asOption(u.opsUsdPerMonth)}`);
  if (u.utilization !== undefined) options.push(`util:${u.utilization}%`);
  if (u.precision) options.push(`precision:${u.precision}`);
  if (u.intent === "estimate" && u.models.length) options.push(`models:${u.models.map((m) => m.model.id).join(",")}`);
  if (u.intent === "estimate" && u.requests !== undefined) options.push(`n:${u.requests}`);
  const declared = new Set(spec.options.map((o) => o.name));
  return options.filter((option) => declared.has(option.slice(0, option.indexOf(":")))).join(" ");
}
