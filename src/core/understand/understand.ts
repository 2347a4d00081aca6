import { escapeRegExp, gpuCountOf, gpuOf, otherGpuOf } from "./gpu-reading.ts";
import type { Model, Task, Workload } from "../knowledge/schema.ts";
import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import { normalizeName } from "../models/names.ts";
import { boundedEditDistance } from "../models/edit-distance.ts";
import { findTasks } from "../dispatch/vocabulary.ts";
import { mentionedModels } from "./models.ts";
import { coupleAsTwo, type Quantities, readQuantities, usageFieldsAsSides } from "./quantities.ts";
import { readRatio } from "./ratio.ts";
import { answerScript, toSimplified, type Script } from "../i18n/script.ts";
import { languageRequestOf } from "../i18n/language-request.ts";
import { uncoveredOf } from "./uncovered.ts";
import { modelEditOf } from "./model-edits.ts";
import { pendingChoices, resumeIntent } from "./question-back.ts";
import { unreadItems } from "./list-items.ts";
import { unknownNames } from "./unknown-names.ts";
import { pagesAsTokens, SCANNED_PAGES } from "./pages.ts";
import { reasoningTimesOf, withoutReasoningTimes, withReasoningSaid } from "./reasoning-output.ts";
import type { Constraints, Intent, MentionedModel, RememberedQuestion, Understanding } from "./types.ts";
import * as W from "./words.ts";
import { isFollowUp, mergeFollowUp, spendsAnew, standsAlone } from "./follow-up.ts";

/** Only the head of a line is read for what it asks; the rest of a long line can only be pasted text. */
export const HEAD_CHARS = 2_000;
/** Below this share of a question's terms found in a section, the article does not cover it. */
export const ARTICLE_COVERS = 0.3;

export interface UnderstandOptions {
  /** the conversation's previous question, for follow-ups */
  previous?: RememberedQuestion | null;
  /** the script the question is answered in: a Traditional conversation's lines are read with Taiwan's words */
  script?: Script | null;
}

const VISION = /\bvision\b|\bimages?\b|\bpictures?\b|\bphotos?\b|screenshots?|multimodal|看图|图片|图像|视觉|多模态|识图/u;
const REASONING = /\breasoning\b|\breasoner\b|thinking model|推理/u;
const TOOLS = /tool (?:use|calling|calls?)|function[-\s]?call(?:ing|s)?|\btools\b|工具调用|函数调用|调用工具/u;
const OPEN = /open[-\s]?(?:source|weights?)|\bopen models?\b|self[-\s]?hostable|可自建|能自建|开源|开放权重/u;
/** A price as said (a GPU's by the hour or the month, electricity's per kWh; in dollars or yuan) in dollars, per hour for a rent. */
function inUsd(price: { amount: number; currency: "usd" | "cny"; perMonth?: true }, cnyPerUsd: number, hoursPerMonth: number): number {
  const usd = price.currency === "cny" ? price.amount / cnyPerUsd : price.amount;
  return price.perMonth ? usd / hoursPerMonth : usd;
}
/** "requests go up to 1M", "calls grow to 500k": the count after its verb, said as "1m requests" (lengths kept). */
const COUNT_AFTER_VERB =
  /\b(requests|calls|queries|conversations|messages)\s(?:(?:go|goes|grow|grows|increase|increases|rise|rises|jump|jumps|drop|drops|fall|falls|change|changes|get|gets)\s)?(?:up\s|down\s)?to\s(\d[\d.,]*\s?(?:k|m|b|mm|bn|万|亿)?)(?![\p{L}\p{N}])/gu;
function countAfterVerb(text: string): string {
  return text.replace(COUNT_AFTER_VERB, (whole: string, noun: string, count: string) => `${count} ${noun}`.padEnd(whole.length));
}

/**
 * "1B tokens a month, 200M cached": the cached tokens as a share of the input, the total split at the ratio the
 * answer splits it (the question's, else the default). Only input is read from a cache, so beyond it all input is.
 */
function cachedShareOfTotal(cachedTokens: number | undefined, u: Omit<Understanding, "intent">, defaults: Workload): number | undefined {
  const total = u.volume?.total;
  if (cachedTokens === undefined || total === undefined || u.cachedPercent !== undefined || u.volume?.input !== undefined || u.volume?.output !== undefined) return undefined;
  const inputShare = u.ratio ? u.ratio.input / (u.ratio.input + u.ratio.output) : defaults.inputTokens / Math.max(1, defaults.inputTokens + defaults.outputTokens);
  return Math.min(100, (cachedTokens / (total * inputShare)) * 100);
}

/** The precision a self-hosting question names: fp16 and 16-bit are as wide as bf16, 4-bit is int4. */
function precisionOf(text: string): { precision?: NonNullable<Understanding["precision"]> } {
  const word = W.PRECISION.exec(text)?.[1];
  if (!word) return {};
  if (/^(?:fp16|16|半精度)/u.test(word)) return { precision: "bf16" };
  if (/^4/u.test(word)) return { precision: "int4" };
  return { precision: word as NonNullable<Understanding["precision"]> };
}

/** "what would the same usage cost on gpt-4.1", "switch half the traffic to it": the usage priced on other models, and the share moved. */
function sameUsageOf(text: string): { sameUsage?: true; movedPercent?: number } {
  if (!W.SAME_USAGE.test(text)) return {};
  const moved = W.movedPercentOf(text);
  return { sameUsage: true, ...(moved !== undefined ? { movedPercent: moved } : {}) };
}

/** Utilization said in words: "running 24/7 at full load", "跑满" (100%); "idle half the time", "一半时间闲着" (50%). */
function utilizationInWords(text: string): { utilization?: number } {
  if (W.FULL_LOAD.test(text)) return { utilization: 100 };
  if (W.HALF_IDLE.test(text)) return { utilization: 50 };
  return {};
}

const PASTE_AFTER = /[:：\n?？👉→]\s*/u;
const WRAPPED = /^["“「『']([\s\S]*)["”」』']$/u;
const QUOTED = /["“「『]([\s\S]+?)["”」』]/u;

function constraintsOf(text: string, quantities: Pick<Quantities, "minContext" | "priceCap">, usdToCny: number): Constraints {
  const c: Constraints = {};
  if (quantities.minContext) c.minContext = quantities.minContext;
  const cap = quantities.priceCap;
  if (cap) c[cap.side === "output" ? "maxOutputPer1M" : "maxInputPer1M"] = cap.currency === "cny" ? cap.amount / usdToCny : cap.amount;
  if (VISION.test(text)) c.vision = true;
  if (REASONING.test(text)) c.reasoning = true;
  if (TOOLS.test(text)) c.tools = true;
  if (OPEN.test(text)) c.openWeights = true;
  if (W.CHINESE_ABILITY.test(text) || W.CHINESE_PAIR.test(text)) c.chinese = true;
  return c;
}

/** The question with the words that named models blanked, so "llama 70b" is no volume and "deepseek chat" no task. */
function withoutModelNames(text: string, models: { query: string }[]): string {
  let rest = text;
  for (const { query } of models) {
    const words = query
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => [...w.toLowerCase()].map(escapeRegExp).join("[\\s\\-_.]?"));
    if (!words.length) continue;
    const name = words.join("[\\s\\-_./]*");
    // as a whole word wherever it is typed ("grok 4 heavy vs grok 4"): "o3" is not the start of "o3-pro", another name
    const whole = new RegExp(`(?<![\\p{L}\\p{N}])${name}(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`, "gu");
    rest = rest.replace(whole.test(rest) ? whole : new RegExp(name, "u"), (m) => " ".repeat(m.length));
  }
  return rest;
}

/**
 * The items of a comparison that name nothing read ("gpt-4o vs reka core"), as typed, with the nearest names: only in
 * a line that names a model at all, and never a GPU, a task or a family word asked about. An item one or two typos
 * away from a model's name ("claude sonet 4.5") is that model, said as read from the words typed.
 */
function readListItems(
  snapshot: KnowledgeSnapshot,
  question: string,
  unnamed: string,
  context: { named: number; ambiguous: { query: string }[]; head: string; text: string },
): { unknown: Understanding["unknown"]; typos: (MentionedModel & { from: number })[] } {
  const found: { unknown: Understanding["unknown"]; typos: (MentionedModel & { from: number })[] } = { unknown: [], typos: [] };
  if (!context.named) return found;
  const read: { from: number; to: number }[] = [];
  for (let i = 0; i < question.length; i++) {
    if (unnamed[i] !== " " || question[i] === " ") continue;
    const last = read.at(-1);
    if (last && last.to >= i - 1) last.to = i + 1;
    else read.push({ from: i, to: i + 1 });
  }
  const items = unreadItems(question, read).filter(
    (item) => !otherGpuOf(item.text) && !findTasks(snapshot, item.text).length && !Object.keys(constraintsOf(item.text, {}, 1)).length,
  );
  for (const item of items) {
    const resolution = snapshot.resolver.resolve(item.text);
    // a name typed again in another form ("haiku-4.5 … claude haiku 4.5") is read already
    if (resolution.kind === "exact") continue;
    const typed = asTyped(context.head, context.text, item);
    if (resolution.kind === "fuzzy" && isTypo(item.text, resolution.model)) {
      found.typos.push({ model: resolution.model, query: typed, shorthand: true, from: item.from });
      continue;
    }
    if (context.ambiguous.some((a) => item.text.includes(a.query.toLowerCase()))) continue;
    const candidates = resolution.kind === "unknown" || resolution.kind === "ambiguous" ? resolution.candidates.slice(0, 3) : [resolution.model];
    found.unknown.push({ query: typed, candidates });
  }
  return found;
}

/** A name with a parameter count in it ("seed-oss 36b", "hunyuan-a13b"): the count belongs to the name. */
const NAME_WITH_SIZE = /\p{L}[\p{L}\p{N}.]*[\s-]+(?:\p{L}+[\s-]?)?\d+(?:\.\d+)?b$/iu;

/** `text` with the spans of `question` that the names with a size in `names` were read from blanked. */
function unreadSpansBlanked(text: string, question: string, names: readonly { query: string }[]): string {
  let rest = text;
  for (const { query } of names) {
    if (!NAME_WITH_SIZE.test(query)) continue;
    const from = question.indexOf(query.toLowerCase());
    if (from >= 0) rest = rest.slice(0, from) + " ".repeat(query.length) + rest.slice(from + query.length);
  }
  return rest;
}

/** Typed edits a name may carry and still be that name: "sonet", "gemni", "claud". */
const MAX_TYPOS = 2;
const MIN_TYPO_NAME = 6;
function isTypo(typed: string, model: Model): boolean {
  const key = normalizeName(typed);
  return key.length >= MIN_TYPO_NAME && [model.id, model.name, ...model.aliases].some((name) => boundedEditDistance(key, normalizeName(name), MAX_TYPOS) <= MAX_TYPOS);
}

/** "35 agents, each closes ~40 tickets": people counted by a task's word are no task. */
const PEOPLE_NAMED_AS_TASK = /\b\d[\d,.]*\s?k?\s(?:(?:human|support|customer|service|sales)\s)?agents(?=,?\s(?:each|who|that|every one)\b)/u;
/** Capability words are constraints, and people are no task: both are blanked before looking for task words. */
const CAPABILITY_WORDS = [VISION, REASONING, TOOLS, OPEN, W.CHINESE_ABILITY, W.BATCH, PEOPLE_NAMED_AS_TASK].map((pattern) => new RegExp(pattern.source, "gu"));
function withoutCapabilities(text: string): string {
  return CAPABILITY_WORDS.reduce((rest, pattern) => rest.replace(pattern, (m) => " ".repeat(m.length)), text);
}

/** The pasted text of "how many tokens is this: <text>": everything after the instruction, exactly as typed. */
function pastedText(line: string, instructionEnd: number): string | undefined {
  const quoted = QUOTED.exec(line.slice(0, HEAD_CHARS));
  const rest = line.slice(instructionEnd);
  const cut = PASTE_AFTER.exec(rest);
  if (cut) {
    const text = rest.slice(cut.index + cut[0].length).trim();
    if (text) return WRAPPED.exec(text)?.[1]?.trim() || text;
  }
  return quoted?.[1]?.trim() || undefined;
}

/** The words at a span of the normalized line as the user typed them (case kept), where normalizing kept lengths. */
function asTyped(head: string, normalized: string, span: { from: number; to: number; text: string }): string {
  const typed = head.normalize("NFKC");
  return typed.length === normalized.length ? typed.slice(span.from, span.to) : span.text;
}

function firstIntent(u: Omit<Understanding, "intent">, text: string, flags: { estimate: boolean; worth: boolean; coveredByArticle: () => boolean }): Intent {
  const models = u.models.length;
  const asksFact = W.FACT_WORDS.some(([pattern]) => pattern.test(text));
  if (flags.estimate && u.text) return "estimate";
  if (W.OUT_OF_SCOPE.test(text) && !W.PRICE.test(text)) return "out_of_scope";
  if (W.asksArticle(text)) return "article";
  const fact = W.factOf(text);
  if ((fact === "provider" || fact === "openWeights") && models >= 1 && W.FACT_QUESTION.test(text) && !W.CHEAPEST.test(text)) return "facts";
  // "self-hosting gpt-oss 120b on a single h100, cheaper than openrouter?" weighs self-hosting against a host: self-hosting
  if (W.PROVIDERS.test(text) && models && W.SELFHOST.test(text) && (u.gpu || /self[-\s]?host|自建|自架|自托管/u.test(text))) return "selfhost";
  // "we bought 8x H200 at 32k each … cheaper than the cheapest api host?": GPUs owned or rented weighed against a host
  if (W.PROVIDERS.test(text) && models && u.gpu && (u.ownedGpus || u.gpuPurchaseUsd !== undefined || u.gpuHourlyUsd !== undefined || u.powerUsdPerKwh !== undefined))
    return "selfhost";
  // "azure gpt-4o vs claude": a host named beside several models qualifies them; who hosts is asked of one model
  if (W.PROVIDERS.test(text) && models <= 1 && (models || u.ambiguous.length)) return u.ambiguous.length && !models ? "clarify" : "providers";
  // a self-hosting question without a model or any number is a question about the article's verdict
  if (W.SELFHOST.test(text) && !models && !u.gpu && !u.volume && !W.CHEAPEST.test(text)) return "article";
  // "自建开源模型会比 API 便宜吗": cheaper than the API is the self-hosting question itself, not a cheapest-model one
  const selfhostAsked = W.SELFHOST.test(text) && (models || u.gpu || !W.CHEAPEST.test(text) || W.AGAINST_API.test(text));
  if (selfhostAsked || (u.gpu && (models || flags.worth))) return "selfhost";
  if (W.asksArticle(text)) return "article";
  // a size priced for a thousand requests because no count was said is no volume of the asker's
  if (u.budget && (W.BUDGET.test(text) || !models || !u.volume || u.requestsAssumed)) return "budget";
  if (asksFact && models >= 1 && !u.volume && !W.COMPARE.test(text.replace(/\band\b/g, "")) && W.FACT_QUESTION.test(text)) return "facts";
  if (u.ambiguous.length && (models + u.ambiguous.length >= 2 || W.COMPARE.test(text) || W.PRICE.test(text) || asksFact)) return "clarify";
  if (models >= 2) return "compare";
  // "豆包、文心一言、通义千问哪个最便宜": the cheapest of a list, where only one name was read, is still a comparison
  if (models === 1 && u.unknown.length && (W.CHEAPEST.test(text) || W.COMPARE.test(text))) return "compare";
  // a workload stated in any form (a volume, a request count, a prompt size) is priced on the model named
  const workload = u.volume || u.requests !== undefined || u.promptTokens !== undefined;
  if (models === 1 && (W.PRICE.test(text) || W.COMPARE.test(text) || workload || u.cachedPercent !== undefined || u.batch)) return "compare";
  // "which models support image input and are cheap?" asks the cheapest of them, not the list
  if (W.MODELS_LIST.test(text) && !W.CHEAP.test(text)) return "models";
  if (W.CHEAPEST.test(text) || u.tasks.length || Object.keys(u.constraints).length) return "cheapest";
  if (models === 1) return asksFact ? "facts" : "compare";
  if (u.ambiguous.length) return "clarify";
  return flags.coveredByArticle() ? "article" : "out_of_scope";
}

/**
 * Understands a line typed in English or Chinese: what it asks (the intent) and every fact it states (models,
 * volumes, cache share, constraints, tasks, GPU, prices, budget). Deterministic and offline; reads only the head of a
 * long line, so its cost does not grow with a paste.
 */
export function understand(snapshot: KnowledgeSnapshot, line: string, options: UnderstandOptions = {}): Understanding {
  const head = line.slice(0, HEAD_CHARS);
  // dashes and arrows between words are punctuation, not part of a name ("— gpt-5")
  // Traditional characters (and, where the line keeps its length, Taiwan's words) are read as Simplified: one set of
  // Chinese word lists, and every position in the text still points at what was typed
  const text = toSimplified(head.normalize("NFKC").toLowerCase().replace(/[—–→]/gu, " "), options.script);
  const counted = W.ESTIMATE.exec(text);
  // "how many tokens a month before self-hosting pays off" asks a volume, and "每月预算 3000 元，能跑多少 token" what a
  // budget buys, not a count of a text
  const asksVolume = counted && /^\s*(?:a|per|each|every) (?:month|day|year)|^\s*(?:每月|一个月|每个月)/u.test(text.slice(counted.index + counted[0].length));
  const estimate = counted && !asksVolume && !W.BUDGET.test(text.slice(0, counted.index + counted[0].length)) ? counted : null;
  // an instruction's own words are read; a paste after it is only counted
  const question = estimate ? text.slice(0, Math.min(text.length, estimate.index + estimate[0].length + 40)).split(/[:：\n]/)[0]! : text;
  // "4:1" is a ratio before it can be read as a name ("4.1")
  const { ratio, rest: unratioed } = readRatio(question);
  const { models: read, ambiguous, unknown } = mentionedModels(snapshot, unratioed);
  // names read as unknown are blanked like known ones: "llama 5 70b" holds no volume
  const named = withoutModelNames(unratioed, [...read, ...unknown]);
  const unknownNamed = unknownNames(snapshot, question, named);
  // "claude 6 opus": the line's word ending a name not known is no model of its own (never Claude Opus 5)
  const models = read.filter((m) => !unknownNamed.some((name) => endsWithModelWords(name.text, m.query.toLowerCase())));
  // a name the knowledge lacks holds no amount either ("豆包 pro 32k")
  const unnamed = unknownNamed.reduce((rest, name) => rest.slice(0, name.from) + " ".repeat(name.to - name.from) + rest.slice(name.to), named);
  const unknownAll = [
    ...unknown
      .filter((u) => !unknownNamed.some((name) => name.text === u.query.toLowerCase()))
      .map((u) => {
        const from = unratioed.indexOf(u.query.toLowerCase());
        return from >= 0 ? { ...u, query: asTyped(head, text, { from, to: from + u.query.length, text: u.query }) } : u;
      }),
    ...unknownNamed.map((name) => ({ query: asTyped(head, text, name), candidates: name.candidates })),
  ];
  // "通义千问 2.5" read by one rule and "通义千问2.5-Max" by another are one name, the longer
  const compact = (q: string) => q.toLowerCase().replace(/[\s\-_]/g, "");
  for (let i = unknownAll.length - 1; i >= 0; i--) {
    const mine = compact(unknownAll[i]!.query);
    if (unknownAll.some((other, j) => j !== i && compact(other.query) !== mine && compact(other.query).includes(mine))) unknownAll.splice(i, 1);
  }
  const listed = readListItems(snapshot, question, unnamed, { named: models.length + unknownAll.length + ambiguous.length, ambiguous, head, text });
  unknownAll.push(...listed.unknown);
  // "seed-oss 36b vs qwen3 32b 10M": a size inside a name named back is no volume
  const unlisted = listed.unknown.length ? unreadSpansBlanked(unnamed, question, listed.unknown) : unnamed;
  // "300-page pdfs": pages are tokens at the knowledge's figure per page, where the knowledge states one
  // scanned ones reach a model as page images, at the knowledge's figure for one
  const pageTokens = snapshot.knowledge.pageTokens;
  const scanned = SCANNED_PAGES.test(question);
  const paged = pageTokens ? pagesAsTokens(unlisted, scanned ? pageTokens.asImage : pageTokens.text, scanned) : { text: unlisted, read: [] };
  // "输出改成 2000万", "output to 20M": the side keeps its amount when a verb stands between them
  const quantities = readQuantities(
    countAfterVerb(coupleAsTwo(usageFieldsAsSides(paged.text)))
      .replace(/(输入|输出|\binput|\boutput)\s*(?:改成|改为|变成|调到|改到|换成|提高到|降到|(?:goes |changed |set |bumped |up |down )?to\b|becomes|is now)\s*/gu, "$1 ")
      // "the prompt grows to 200k tokens", "提示词变成 20 万": a new size of each request's prompt
      .replace(
        /\b(prompts?)\s(?:grows?|goes|increases?|rises?|drops?|shrinks?|changes?|is|are|gets?)\s(?:up |down )?to\b|(提示词?|prompt)\s?(?:改成|改为|变成|涨到|增加到|提高到|降到)/gu,
        (_m, en, zh) => (en ? `${en} of` : `${zh}大概`),
      ),
  );
  // "8xH100", "H100×8": a count glued to a GPU's name is read apart from it, so the GPU is never lost for another
  const gpuNamed = gpuOf(snapshot, unnamed.replace(/(\d)\s?[x×*](?=[a-z])/gu, "$1 x ").replace(/([a-z0-9])[x×*](?=\d)/gu, "$1 x "));
  // a GPU the knowledge lacks is kept as typed: it makes a self-hosting question like any other, and is named back
  const other = gpuNamed && "typed" in gpuNamed ? gpuNamed : gpuNamed ? undefined : otherGpuOf(unnamed);
  const gpuId = gpuNamed && "id" in gpuNamed ? gpuNamed.id : other && asTyped(head, text, { ...other, to: other.from + other.typed.length, text: other.typed });
  const gpuCount = gpuCountOf(unnamed, quantities.gpuCount);
  const rate = snapshot.knowledge.currency.usdToCny.rate;
  for (const { from, ...typo } of listed.typos) {
    if (models.some((m) => m.model === typo.model)) continue;
    const at = models.findIndex((m) => question.indexOf(m.query.toLowerCase()) > from);
    models.splice(at < 0 ? models.length : at, 0, typo);
  }
  const typedWords = listed.typos.map((t) => t.query.toLowerCase());
  // "通义千问2.5-Max" is one name the knowledge lacks, not Qwen Plus with a version left over
  const typedOnce = (query: string) => question.split(query.toLowerCase()).length === 2;
  const partOfUnknown = (m: MentionedModel) => typedOnce(m.query) && unknownNamed.some((name) => name.text.length > m.query.length && name.text.includes(m.query.toLowerCase()));
  const u: Omit<Understanding, "intent"> = {
    models: models.filter((m) => !partOfUnknown(m)),
    // "gemini 4 pro" is one name the knowledge lacks, not the family words "gemini" and "pro" to ask about
    ambiguous: ambiguous.filter((a) => ![...unknownAll.map((name) => name.query.toLowerCase()), ...typedWords].some((words) => words.includes(a.query.toLowerCase()))),
    unknown: unknownAll,
    constraints: constraintsOf(withoutReasoningTimes(unnamed), quantities, rate),
    // Chinese-language ability is a constraint, never a task
    tasks: findTasks(snapshot, withoutCapabilities(unnamed)).filter((task) => task.id !== "chinese"),
    followUp: false,
    ...(quantities.volume ? { volume: quantities.volume } : {}),
    ...(quantities.cachedPercent !== undefined ? { cachedPercent: quantities.cachedPercent } : {}),
    ...(quantities.promptTokens !== undefined ? { promptTokens: quantities.promptTokens } : {}),
    ...(quantities.requests !== undefined ? { requests: quantities.requests } : {}),
    ...(quantities.requestsAtPeak ? { requestsAtPeak: true as const } : {}),
    ...(quantities.requestsPerItem !== undefined ? { requestsPerItem: quantities.requestsPerItem } : {}),
    ...(quantities.requestsAssumed ? { requestsAssumed: true as const } : {}),
    ...(quantities.mix ? { mix: quantities.mix } : {}),
    ...(quantities.concurrentUsers !== undefined ? { concurrentUsers: quantities.concurrentUsers } : {}),
    ...(quantities.people !== undefined ? { people: quantities.people } : {}),
    ...(quantities.perUserTokensPerSec !== undefined ? { perUserTokensPerSec: quantities.perUserTokensPerSec } : {}),
    ...(quantities.tokensPerSecond !== undefined ? { measuredTokensPerSec: quantities.tokensPerSecond } : {}),
    ...(quantities.targetTokensPerSec !== undefined ? { targetTokensPerSec: quantities.targetTokensPerSec } : {}),
    ...(W.ONE_RUN.test(question) ? { oneRun: true as const } : {}),
    ...(ratio || quantities.ratio ? { ratio: ratio ?? quantities.ratio } : {}),
    ...(quantities.utilization !== undefined ? { utilization: quantities.utilization } : utilizationInWords(question)),
    ...precisionOf(question),
    ...(quantities.budget ? { budget: quantities.budget, ...sameUsageOf(question) } : {}),
    ...(quantities.gpuHourly ? { gpuHourlyUsd: inUsd(quantities.gpuHourly, rate, snapshot.knowledge.serving.hoursPerMonth) } : {}),
    ...(gpuId || gpuCount ? { gpu: { ...(gpuId ? { id: gpuId } : {}), ...(gpuCount ? { count: gpuCount } : {}) } } : {}),
    ...((W.BATCH.test(question) || W.BATCH_TAIWAN.test(head)) && !W.NO_BATCH.test(question) ? { batch: true as const } : {}),
    // electricity is paid apart only for GPUs the asker runs: a price for it says they are owned
    ...(W.OWNED_GPUS.test(question) || quantities.powerPerKwh || quantities.gpuPurchase ? { ownedGpus: true as const } : {}),
    ...(quantities.gpuPurchase ? { gpuPurchaseUsd: inUsd(quantities.gpuPurchase, rate, 1) } : {}),
    ...(quantities.amortizationMonths ? { amortizationMonths: quantities.amortizationMonths } : {}),
    ...(quantities.opsPerMonth ? { opsUsdPerMonth: inUsd(quantities.opsPerMonth, rate, 1) } : {}),
    ...(quantities.powerPerKwh ? { powerUsdPerKwh: inUsd(quantities.powerPerKwh, rate, 1) } : {}),
    ...(W.FLEX.test(question) ? { serviceTier: "flex" as const } : W.PRIORITY.test(question) ? { serviceTier: "priority" as const } : {}),
  };
  // reasoning said in tokens per request is that multiple of each request's visible reply
  const replyTokens = u.volume?.output !== undefined && u.requests ? u.volume.output / u.requests : undefined;
  const reasoningTimes = reasoningTimesOf(question) ?? (quantities.reasoningTokens && replyTokens ? quantities.reasoningTokens / replyTokens : undefined);
  if (reasoningTimes !== undefined) u.reasoningTimes = reasoningTimes;
  if (paged.read.length) u.pages = paged.read;
  // "contracts of about 400k tokens each": for long documents a size per document is the prompt, not the month's volume;
  // a size in pages is one document's unless a period follows it ("10k pages a month")
  const onePageSize = paged.read.length === 1 && !paged.read[0]!.periodic && u.volume?.total === paged.read[0]!.tokens;
  if (u.volume?.total !== undefined && u.promptTokens === undefined && (onePageSize || (u.tasks.some((task) => task.minContext) && W.PER_DOCUMENT.test(question)))) {
    u.promptTokens = u.volume.total;
    delete u.volume;
  }
  const cachedShare = cachedShareOfTotal(quantities.cachedTokens, u, snapshot.knowledge.defaultWorkload);
  if (cachedShare !== undefined) u.cachedPercent = cachedShare;
  else if (quantities.cachedTokens !== undefined && !u.volume) u.cachedTokens = quantities.cachedTokens;
  // "whole 400k-token contracts": documents too long for most contexts are the task that asks for a long context
  const promptTokens = u.promptTokens;
  if (!u.tasks.length && promptTokens !== undefined && W.DOCUMENTS.test(question)) {
    const longInputs = snapshot.knowledge.tasks.find((task) => task.minContext !== undefined && promptTokens >= task.minContext);
    if (longInputs) u.tasks = [longInputs];
  }
  if (estimate) {
    const pasted = pastedText(line, estimate.index + estimate[0].length);
    if (pasted) u.text = pasted;
  } else if (line.length > HEAD_CHARS) u.text = line;
  // searched only when nothing else matched: the article index is the costliest step
  const coveredByArticle = () => (snapshot.articles.search(question, /\p{Script=Han}/u.test(question) ? "zh" : "en")[0]?.score ?? 0) >= ARTICLE_COVERS;
  const flags = { estimate: Boolean(estimate) || line.length > HEAD_CHARS, worth: W.WORTH.test(question), coveredByArticle };
  // image generation, embeddings, speech: no model in the knowledge does these, whatever else the words match
  let intent = uncoveredOf(question) ? "out_of_scope" : firstIntent(u, question, flags);
  const understood: Understanding = { intent, ...u };
  // a question back remembers what it asks and what it would answer, so the choice alone continues the question
  if (intent === "clarify") Object.assign(understood, { resume: resumeIntent(u, (assumed) => firstIntent(assumed, question, flags)), pending: pendingChoices(u, question) });
  // a paste to count may hold any numbers; a question's own amounts must be usable ones
  if (quantities.unreadable && intent !== "estimate") understood.unreadable = { ...quantities.unreadable, text: asTyped(head, text, quantities.unreadable) };
  // "每個月花 3 萬": in Traditional, a spend with no currency is Taiwan's or Hong Kong's dollars as likely as yuan
  const unsigned = quantities.budgetUnsigned;
  if (unsigned && !understood.unreadable && answerScript(head, options.script, null) === "Hant")
    understood.unreadable = { ...unsigned, kind: "noCurrency", text: asTyped(head, text, unsigned) };
  if (intent === "facts") understood.fact = W.factOf(question) ?? "price";
  else if (intent === "out_of_scope") Object.assign(understood, { models: [], tasks: [], constraints: {} });
  if (intent === "facts" || intent === "providers") understood.constraints = {};
  if (intent === "cheapest" || intent === "budget") {
    // a task named is a task, not also a capability of the model (video needs vision, said by the task)
    understood.constraints = dropTaskImplied(understood.constraints, understood.tasks);
  }
  const previous = options.previous;
  // a line asking only for another language changes nothing of the question ("in chinese" is no need for good Chinese)
  if (previous && languageRequestOf(question))
    return mergeFollowUp(snapshot, previous, { ...understood, intent: "compare", constraints: {}, tasks: [], models: [], ambiguous: [] }, "");
  // "sonnet 4.5 and 2.5 pro" answering "which claude, which gemini?" names several models and no amount: the choices
  const answersBack = previous?.intent === "clarify" && Boolean(previous.pending?.length) && !understood.volume && understood.requests === undefined;
  // "and if only half the traffic moves to 4.1 mini?" after the same usage priced on it: a share of that usage
  const movesPart = Boolean(previous?.sameUsage) && W.movedPercentOf(question) !== undefined;
  const followsOn = previous && !spendsAnew(understood, previous) && (isFollowUp(understood, question, previous) || answersBack || movesPart || modelEditOf(snapshot, question));
  if (previous && followsOn && !standsAlone(understood, question)) {
    // the models it names again, in another order, are the ones it was asked about: the order said first stays
    const renamed = movesPart && understood.models.every((m) => previous.models.some((p) => p.id === m.model.id));
    const typed = renamed ? { ...understood, models: [] } : understood;
    const merged = withReasoningSaid(mergeFollowUp(snapshot, previous, typed, question), understood, previous, snapshot.knowledge.defaultWorkload);
    if (understood.unknown.length) merged.unknown = understood.unknown;
    return understood.unreadable ? { ...merged, unreadable: understood.unreadable } : merged;
  }
  intent = understood.intent;
  return withReasoningSaid(understood, understood, undefined, snapshot.knowledge.defaultWorkload);
}

function dropTaskImplied(constraints: Constraints, tasks: Task[]): Constraints {
  const implied = new Set(tasks.flatMap((t) => t.requires));
  const kept = { ...constraints };
  for (const capability of implied) delete kept[capability];
  return kept;
}

/** Whether an unknown name ends with a model's words ("claude 6 opus" and "opus"). */
function endsWithModelWords(name: string, words: string): boolean {
  return name !== words && name.endsWith(words) && /[\s-]$/u.test(name.slice(0, -words.length));
}
