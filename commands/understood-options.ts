import type { CommandSpec } from "../src/core/dispatch/command.ts";
import type { Understanding } from "../src/core/understand/types.ts";

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
  if (u.ownedGpus) options.push("owned:yes");
  if (u.serviceTier) options.push(`tier:${u.serviceTier}`);
  if (u.constraints.minContext) options.push(`context:${u.constraints.minContext}`);
  if (u.constraints.maxInputPer1M !== undefined) options.push(`max-in:${Number(u.constraints.maxInputPer1M.toPrecision(10))}`);
  if (u.constraints.maxOutputPer1M !== undefined) options.push(`max-out:${Number(u.constraints.maxOutputPer1M.toPrecision(10))}`);
  // a GPU the knowledge lacks is passed on as typed, spaces and all, so the answer names it back whole
  if (u.gpu?.id) options.push(/\s/.test(u.gpu.id) ? `gpu:"${u.gpu.id}"` : `gpu:${u.gpu.id}`);
  if (u.gpu?.count) options.push(`gpus:${u.gpu.count}`);
  if (u.concurrentUsers !== undefined) options.push(`users:${u.concurrentUsers}`);
  if (u.perUserTokensPerSec !== undefined) options.push(`speed:${u.perUserTokensPerSec}`);
  if (u.measuredTokensPerSec !== undefined) options.push(`tput:${u.measuredTokensPerSec}`);
  if (u.targetTokensPerSec !== undefined) options.push(`serve:${u.targetTokensPerSec}`);
  // a yuan price converted to dollars has more digits than an option reads ("15 元" → 2.112676056338028…)
  if (u.gpuHourlyUsd !== undefined) options.push(`price:${Number(u.gpuHourlyUsd.toPrecision(10))}`);
  if (u.powerUsdPerKwh !== undefined) options.push(`kwh:${Number(u.powerUsdPerKwh.toPrecision(10))}`);
  if (u.utilization !== undefined) options.push(`util:${u.utilization}%`);
  if (u.precision) options.push(`precision:${u.precision}`);
  if (u.intent === "estimate" && u.models.length) options.push(`models:${u.models.map((m) => m.model.id).join(",")}`);
  if (u.intent === "estimate" && u.requests !== undefined) options.push(`n:${u.requests}`);
  const declared = new Set(spec.options.map((o) => o.name));
  return options.filter((option) => declared.has(option.slice(0, option.indexOf(":")))).join(" ");
}
