import type { OptionSpec } from "../dispatch/command.ts";
import { UserError } from "../reply/errors.ts";
import { formatCount, formatNumber, formatPercent } from "../reply/format.ts";
import type { ParsedArgs } from "../dispatch/grammar.ts";
import type { Translator } from "../i18n/translate.ts";
import type { Workload } from "../knowledge/schema.ts";
import type { CostWorkload } from "./pricing.ts";

/** The most tokens a month any answer works with: a thousand trillion, far beyond any real bill. */
export const MAX_MONTHLY_TOKENS = 1e15;
/** The most requests a month, and the largest prompt of one request, any answer works with. */
export const MAX_MONTHLY_REQUESTS = 1e12;
export const MAX_PROMPT_TOKENS = 1e8;

export const WORKLOAD_OPTIONS: OptionSpec[] = [
  { name: "in", aliases: ["input", "输入"], kind: "tokens", max: MAX_MONTHLY_TOKENS, description: { en: "input tokens a month (e.g. 10M)", zh: "每月输入Token数（如 1000万）" } },
  { name: "out", aliases: ["output", "输出"], kind: "tokens", max: MAX_MONTHLY_TOKENS, description: { en: "output tokens a month (e.g. 2M)", zh: "每月输出Token数（如 200万）" } },
  {
    name: "tokens",
    aliases: ["volume", "total", "用量"],
    kind: "tokens",
    max: MAX_MONTHLY_TOKENS,
    description: { en: "total tokens a month, split at the default input:output ratio", zh: "每月总Token数，按默认输入:输出比例拆分" },
  },
  { name: "cached", aliases: ["cache", "缓存"], kind: "percent", description: { en: "share of input served from cache (e.g. 50%)", zh: "命中缓存的输入比例（如 50%）" } },
  {
    name: "prompt",
    aliases: ["提示长度"],
    kind: "tokens",
    max: MAX_PROMPT_TOKENS,
    description: { en: "tokens in one request's prompt (long-context prices above 128K/200K/272K)", zh: "单次请求的提示Token数（超过128K/200K/272K按长上下文价格）" },
  },
  { name: "requests", aliases: ["reqs", "请求数"], kind: "tokens", max: MAX_MONTHLY_REQUESTS, description: { en: "requests a month", zh: "每月请求次数" } },
  { name: "batch", aliases: ["批处理"], kind: "text", yesNo: true, description: { en: "yes: batch API prices", zh: "yes：按批处理API价格" } },
  { name: "tier", aliases: ["服务等级"], kind: "text", choices: ["flex", "priority"], description: { en: "flex or priority service tier", zh: "flex 或 priority 服务等级" } },
  {
    name: "ratio",
    aliases: ["比例"],
    kind: "text",
    rare: true,
    description: { en: "input:output ratio for a side not stated (e.g. 3:1)", zh: "未指定一侧时的输入:输出比例（如 3:1）" },
  },
  {
    name: "cache-write",
    aliases: ["缓存写入"],
    kind: "percent",
    rare: true,
    description: { en: "share of input written to the prompt cache (Anthropic bills writes)", zh: "写入提示缓存的输入比例（Anthropic 对写入计费）" },
  },
];

/** How a workload came about: stated in full, the default, or one side derived from the default ratio. */
type WorkloadOrigin = "stated" | "default" | "output-derived" | "input-derived" | "total-split";

export interface StatedWorkload {
  workload: CostWorkload;
  origin: WorkloadOrigin;
  /** the input:output ratio the user gave for a side not stated ("3:1"), in place of the default one */
  ratio?: string;
  /** a count of requests given with nothing to size them ("50k receipts a month"): the default workload was priced */
  unsizedRequests?: number;
}

const RATIO = /^\s*(\d+(?:\.\d+)?)\s*[:：/]\s*(\d+(?:\.\d+)?)\s*$/u;
/** A ratio beyond a thousand to one either way is a typo, not a workload. */
const MAX_RATIO = 1000;

/** "3:1" → output tokens per input token (1/3); a localized error for anything else. */
function outputPerInput(text: string): number {
  const match = RATIO.exec(text.normalize("NFKC"));
  const input = Number(match?.[1]);
  const output = Number(match?.[2]);
  if (!match || !(input > 0) || !(output > 0) || input / output > MAX_RATIO || output / input > MAX_RATIO) {
    throw new UserError("bad_input", "error.badRatio", { value: text.slice(0, 40) });
  }
  return output / input;
}

const YES = /^(yes|true|1|on|是|要)$/i;
const NO = /^(no|false|0|off|否|不)$/i;

/** The workload of one question: what the user stated, the rest from the defaults, never a silent zero. */
export function workloadFromArgs(args: ParsedArgs, defaults: Workload): StatedWorkload {
  let input = args.number("in");
  let output = args.number("out");
  const total = args.number("tokens");
  const prompt = args.number("prompt");
  const requests = args.number("requests");
  const ratioText = args.text("ratio");
  const ratio = ratioText !== undefined ? outputPerInput(ratioText) : defaults.outputTokens / Math.max(1, defaults.inputTokens);
  // a prompt size and a request count state the input side, whether or not the output side was stated too
  if (input === undefined && total === undefined && prompt !== undefined && requests !== undefined) input = prompt * requests;
  let origin: WorkloadOrigin = input !== undefined && output !== undefined ? "stated" : "default";
  if (input !== undefined && output === undefined) {
    output = Math.round(input * ratio);
    origin = "output-derived";
  } else if (output !== undefined && input === undefined) {
    input = Math.round(output / ratio);
    origin = "input-derived";
  } else if (input === undefined && output === undefined && total !== undefined) {
    input = Math.round(total / (1 + ratio));
    output = total - input;
    origin = "total-split";
  } else if (input === undefined && output === undefined && ratioText !== undefined) {
    // only a ratio: the default monthly total, split at it
    const all = defaults.inputTokens + defaults.outputTokens;
    input = Math.round(all / (1 + ratio));
    output = all - input;
  }
  const batch = args.text("batch");
  if (batch !== undefined && !YES.test(batch) && !NO.test(batch)) throw new UserError("bad_input", "error.badYesNo", { option: "batch", value: batch.slice(0, 40) });
  const tier = args.text("tier")?.toLowerCase();
  if (tier !== undefined && tier !== "flex" && tier !== "priority") throw new UserError("bad_input", "error.badTier", { value: tier.slice(0, 40) });
  const cachedPercent = args.number("cached") ?? defaults.cachedPercent;
  const workload: CostWorkload = {
    inputTokens: input ?? defaults.inputTokens,
    outputTokens: output ?? defaults.outputTokens,
    cachedPercent,
    ...(prompt !== undefined ? { promptTokensPerRequest: prompt } : {}),
    ...(batch !== undefined && YES.test(batch) ? { batch: true } : {}),
    ...(tier ? { serviceTier: tier } : {}),
    ...(args.has("cache-write") ? { cacheWritePercent: args.number("cache-write") } : {}),
  };
  if (origin === "default" && (args.has("cached") || prompt !== undefined || workload.batch || tier)) origin = "default";
  return {
    workload,
    origin,
    ...(ratioText !== undefined ? { ratio: ratioText.normalize("NFKC").replace(/\s|：/gu, (c) => (c === "：" ? ":" : "")) } : {}),
    ...(origin === "default" && requests !== undefined && prompt === undefined ? { unsizedRequests: requests } : {}),
  };
}

/** "30M input + 6M output tokens a month, 80% of input cached (output at the default 5:1 ratio)". */
export function describeWorkload(t: Translator, stated: StatedWorkload, defaults: Workload): string {
  const { workload, origin } = stated;
  let text = t("workload.stated", { input: formatCount(workload.inputTokens, t.lang), output: formatCount(workload.outputTokens, t.lang) });
  if (workload.cachedPercent > 0) text += t("workload.cached", { percent: formatPercent(workload.cachedPercent) });
  if (workload.promptTokensPerRequest) text += t("workload.prompt", { tokens: formatCount(workload.promptTokensPerRequest, t.lang) });
  const ratio = stated.ratio ?? `${formatNumber(defaults.inputTokens / Math.max(1, defaults.outputTokens), 1)}:1`;
  const yours = stated.ratio !== undefined;
  const note =
    stated.unsizedRequests !== undefined
      ? t("workload.defaultUnsized", { requests: formatCount(stated.unsizedRequests, t.lang) })
      : origin === "default"
        ? t(yours ? "workload.defaultAtRatio" : "workload.default", { ratio })
        : origin === "output-derived"
          ? t(yours ? "workload.outputAtRatio" : "workload.outputDerived", { ratio })
          : origin === "input-derived"
            ? t(yours ? "workload.inputAtRatio" : "workload.inputDerived", { ratio })
            : origin === "total-split"
              ? t(yours ? "workload.totalAtRatio" : "workload.totalSplit", { ratio })
              : "";
  return note ? `${text}${t.lang === "zh" ? "" : " "}${note}` : text;
}
