import type { ParsedArgs } from "./grammar.ts";
import type { Workload } from "./knowledge/schema.ts";
import type { Translator } from "./i18n/translate.ts";
import { formatCount, formatPercent } from "./format.ts";
import type { OptionSpec } from "./command.ts";

export const WORKLOAD_OPTIONS: OptionSpec[] = [
  { name: "in", aliases: ["input", "输入"], kind: "tokens", description: { en: "input tokens (e.g. 10M)", zh: "输入Token数（如 1000万）" } },
  { name: "out", aliases: ["output", "输出"], kind: "tokens", description: { en: "output tokens (e.g. 2M)", zh: "输出Token数（如 200万）" } },
  { name: "cached", aliases: ["cache", "缓存"], kind: "percent", description: { en: "share of input served from cache (e.g. 50%)", zh: "命中缓存的输入比例（如 50%）" } },
];

export function workloadFromArgs(args: ParsedArgs, defaults: Workload): { workload: Workload; isDefault: boolean } {
  const inputTokens = args.number("in");
  const outputTokens = args.number("out");
  const cachedPercent = args.number("cached");
  const isDefault = inputTokens === undefined && outputTokens === undefined && cachedPercent === undefined;
  return {
    workload: {
      inputTokens: inputTokens ?? (outputTokens === undefined ? defaults.inputTokens : 0),
      outputTokens: outputTokens ?? (inputTokens === undefined ? defaults.outputTokens : 0),
      cachedPercent: cachedPercent ?? defaults.cachedPercent,
    },
    isDefault,
  };
}

export function describeWorkload(t: Translator, workload: Workload, isDefault: boolean): string {
  let text = t("workload.stated", {
    input: formatCount(workload.inputTokens, t.lang),
    output: formatCount(workload.outputTokens, t.lang),
  });
  if (workload.cachedPercent > 0) text += t("workload.cached", { percent: formatPercent(workload.cachedPercent) });
  return isDefault ? `${text}${t.lang === "zh" ? "" : " "}${t("workload.default")}` : text;
}
