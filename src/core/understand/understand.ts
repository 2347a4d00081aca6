import { escapeRegExp, gpuCountOf, gpuOf, otherGpuOf } from "./gpu-reading.ts";
import type { Model, Task } from "../knowledge/schema.ts";
import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import { normalizeName } from "../models/names.ts";
import { boundedEditDistance } from "../models/edit-distance.ts";
import { findTasks } from "../dispatch/vocabulary.ts";
import { mentionedModels } from "./models.ts";
import { coupleAsTwo, readQuantities, readRatio, usageFieldsAsSides } from "./quantities.ts";
import { toSimplified, type Script } from "../i18n/script.ts";
import { languageRequestOf } from "../i18n/language-request.ts";
import { uncoveredOf } from "./uncovered.ts";
import { applyModelEdit, applyModelEdits, modelEditOf } from "./model-edits.ts";
import { volumeScaleOf } from "./volume-scale.ts";
import { bareGpuCountOf, changedGpuCount, gpuCountChangeOf } from "./gpu-count-change.ts";
import { ambiguousOf, askAgain, completeChoice, pendingChoices, reassumed, resumeIntent, takeChoice } from "./question-back.ts";
import { unreadItems } from "./list-items.ts";
import { unknownNames } from "./unknown-names.ts";
import type { Constraints, Intent, MentionedModel, RememberedQuestion, Understanding } from "./types.ts";
import * as W from "./words.ts";

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
const TOOLS = /tool (?:use|calling)|function[-\s]?calling|\btools\b|工具调用|函数调用|调用工具/u;
const OPEN = /open[-\s]?(?:source|weights?)|\bopen models?\b|self[-\s]?hostable|可自建|能自建|开源|开放权重/u;
/** A GPU's price as said (by the hour or the month, in dollars or yuan) as dollars per GPU-hour. */
function hourlyUsd(price: { amount: number; currency: "usd" | "cny"; perMonth?: true }, cnyPerUsd: number, hoursPerMonth: number): number {
  const usd = price.currency === "cny" ? price.amount / cnyPerUsd : price.amount;
  return price.perMonth ? usd / hoursPerMonth : usd;
}
/** A reply size per request in a follow-up: "每次输出 1000 token", "1k tokens out each", "output 800 per request". */
const OUTPUT_EACH =
  /(?:每次|每个请求|每条|每次请求)(?:的)?(?:输出|回复|回答)\s*(\d+(?:\.\d+)?)\s*(k|千)?|(\d+(?:\.\d+)?)\s*(k)?\s*(?:tokens?\s*)?(?:out|of output|output)\s*(?:each|per request|a request|per call)|\boutput (?:of )?(\d+(?:\.\d+)?)\s*(k)?\s*(?:tokens?\s*)?(?:each|per request|a request|per call)|\b(?:replies|responses|answers|completions|outputs)\s(?:are|were|of|at|become|go up to|grow to)\s(?:about |around |~)?(\d+(?:\.\d+)?)\s*(k)?\s*(?:tokens?)?(?:\s(?:each|long|instead))?\b|(?:回复|回答|输出)(?:长度)?(?:改成|变成|是|为|都是)\s*(\d+(?:\.\d+)?)\s*(k|千)?\s*(?:个)?\s*token/u;
function outputPerRequestOf(text: string): number | undefined {
  const m = OUTPUT_EACH.exec(text);
  if (!m) return undefined;
  const at = [1, 3, 5, 7, 9].find((group) => m[group] !== undefined)!;
  const [value, scale] = [m[at]!, m[at + 1]];
  const n = Number(value) * (scale ? 1000 : 1);
  return Number.isFinite(n) && n > 0 && n <= 10_000_000 ? n : undefined;
}

/** "requests go up to 1M", "calls grow to 500k": the count after its verb, said as "1m requests" (lengths kept). */
const COUNT_AFTER_VERB =
  /\b(requests|calls|queries|conversations|messages)\s(?:(?:go|goes|grow|grows|increase|increases|rise|rises|jump|jumps|drop|drops|fall|falls|change|changes|get|gets)\s)?(?:up\s|down\s)?to\s(\d[\d.,]*\s?(?:k|m|b|mm|bn|万|亿)?)(?![\p{L}\p{N}])/gu;
function countAfterVerb(text: string): string {
  return text.replace(COUNT_AFTER_VERB, (whole: string, noun: string, count: string) => `${count} ${noun}`.padEnd(whole.length));
}

/** The precision a self-hosting question names: fp16 and 16-bit are as wide as bf16, 4-bit is int4. */
function precisionOf(text: string): { precision?: NonNullable<Understanding["precision"]> } {
  const word = W.PRECISION.exec(text)?.[1];
  if (!word) return {};
  if (/^(?:fp16|16|半精度)/u.test(word)) return { precision: "bf16" };
  if (/^4/u.test(word)) return { precision: "int4" };
  return { precision: word as NonNullable<Understanding["precision"]> };
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

function constraintsOf(text: string, quantities: { minContext?: number }): Constraints {
  const c: Constraints = {};
  if (quantities.minContext) c.minContext = quantities.minContext;
  if (VISION.test(text)) c.vision = true;
  if (REASONING.test(text)) c.reasoning = true;
  if (TOOLS.test(text)) c.tools = true;
  if (OPEN.test(text)) c.openWeights = true;
  if (W.CHINESE_ABILITY.test(text)) c.chinese = true;
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
  const items = unreadItems(question, read).filter((item) => !otherGpuOf(item.text) && !findTasks(snapshot, item.text).length && !Object.keys(constraintsOf(item.text, {})).length);
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

/** Capability words are constraints, not tasks: blank them before looking for task words. */
const CAPABILITY_WORDS = [VISION, REASONING, TOOLS, OPEN, W.CHINESE_ABILITY, W.BATCH].map((pattern) => new RegExp(pattern.source, "gu"));
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
  const fact = factOf(text);
  if ((fact === "provider" || fact === "openWeights") && models >= 1 && W.FACT_QUESTION.test(text) && !W.CHEAPEST.test(text)) return "facts";
  // "self-hosting gpt-oss 120b on a single h100, cheaper than openrouter?" weighs self-hosting against a host: self-hosting
  if (W.PROVIDERS.test(text) && models && W.SELFHOST.test(text) && (u.gpu || /self[-\s]?host|自建|自架|自托管/u.test(text))) return "selfhost";
  // "azure gpt-4o vs claude": a host named beside several models qualifies them; who hosts is asked of one model
  if (W.PROVIDERS.test(text) && models <= 1 && (models || u.ambiguous.length)) return u.ambiguous.length && !models ? "clarify" : "providers";
  // a self-hosting question without a model or any number is a question about the article's verdict
  if (W.SELFHOST.test(text) && !models && !u.gpu && !u.volume && !W.CHEAPEST.test(text)) return "article";
  if ((W.SELFHOST.test(text) && (models || u.gpu || !W.CHEAPEST.test(text))) || (u.gpu && (models || flags.worth))) return "selfhost";
  if (W.asksArticle(text)) return "article";
  if (u.budget && (W.BUDGET.test(text) || !models || !u.volume)) return "budget";
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

function factOf(text: string): Understanding["fact"] {
  return W.FACT_WORDS.find(([pattern]) => pattern.test(text))?.[1];
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
  // "how many tokens a month before self-hosting pays off" asks a volume, not a count of a text
  const estimate = counted && /^\s*(?:a|per|each|every) (?:month|day|year)|^\s*(?:每月|一个月|每个月)/u.test(text.slice(counted.index + counted[0].length)) ? null : counted;
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
  // "输出改成 2000万", "output to 20M": the side keeps its amount when a verb stands between them
  const quantities = readQuantities(
    countAfterVerb(coupleAsTwo(usageFieldsAsSides(unlisted)))
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
    constraints: constraintsOf(unnamed, quantities),
    // Chinese-language ability is a constraint, never a task
    tasks: findTasks(snapshot, withoutCapabilities(unnamed)).filter((task) => task.id !== "chinese"),
    followUp: false,
    ...(quantities.volume ? { volume: quantities.volume } : {}),
    ...(quantities.cachedPercent !== undefined ? { cachedPercent: quantities.cachedPercent } : {}),
    ...(quantities.promptTokens !== undefined ? { promptTokens: quantities.promptTokens } : {}),
    ...(quantities.requests !== undefined ? { requests: quantities.requests } : {}),
    ...(ratio || quantities.ratio ? { ratio: ratio ?? quantities.ratio } : {}),
    ...(quantities.utilization !== undefined ? { utilization: quantities.utilization } : utilizationInWords(question)),
    ...precisionOf(question),
    ...(quantities.budget ? { budget: quantities.budget } : {}),
    ...(quantities.gpuHourly ? { gpuHourlyUsd: hourlyUsd(quantities.gpuHourly, rate, snapshot.knowledge.serving.hoursPerMonth) } : {}),
    ...(gpuId || gpuCount ? { gpu: { ...(gpuId ? { id: gpuId } : {}), ...(gpuCount ? { count: gpuCount } : {}) } } : {}),
    ...((W.BATCH.test(question) || W.BATCH_TAIWAN.test(head)) && !W.NO_BATCH.test(question) ? { batch: true as const } : {}),
    ...(W.OWNED_GPUS.test(question) ? { ownedGpus: true as const } : {}),
    ...(W.FLEX.test(question) ? { serviceTier: "flex" as const } : W.PRIORITY.test(question) ? { serviceTier: "priority" as const } : {}),
  };
  // "contracts of about 400k tokens each": for long documents a size per document is the prompt, not the month's volume
  if (u.volume?.total !== undefined && u.promptTokens === undefined && u.tasks.some((task) => task.minContext) && W.PER_DOCUMENT.test(question)) {
    u.promptTokens = u.volume.total;
    delete u.volume;
  }
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
  if (intent === "facts") understood.fact = factOf(question) ?? "price";
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
  if (previous && (isFollowUp(understood, question) || answersBack || modelEditOf(snapshot, question)) && !standsAlone(understood, question)) {
    const merged = mergeFollowUp(snapshot, previous, understood, question);
    if (understood.unknown.length) merged.unknown = understood.unknown;
    return understood.unreadable ? { ...merged, unreadable: understood.unreadable } : merged;
  }
  intent = understood.intent;
  return understood;
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

/** A line is a follow-up when it does not ask a whole new question: it is short and names at most one model. */
function isFollowUp(u: Understanding, text: string): boolean {
  if (u.intent === "estimate" && u.text) return false;
  // "same but for gemini 2.5 pro and grok 4", "换成 haiku 4.5 和 gpt-5 nano": new models for the same question; a name
  // it cannot read still counts ("deepseek 和 豆包 哪个便宜" compares those two, not the last answer's models plus one),
  // but not a single character ("那跟 gpt-5 比呢": 那 is no name)
  const unreadNames = u.unknown.filter((name) => [...name.query.trim()].length >= 2).length;
  if (u.models.length + unreadNames >= 2) return W.OTHER_MODELS.test(text) || W.ADD_LEADING.test(text);
  return W.FOLLOW_UP.test(text) || text.length < 100;
}

/** A line whose own words ask something unrelated to the last question: the article, the model list, off-topic. */
function standsAlone(u: Understanding, text: string): boolean {
  if (u.intent === "article") return W.asksArticle(text);
  if (u.intent === "out_of_scope") return W.OUT_OF_SCOPE.test(text) || uncoveredOf(text) !== undefined;
  return u.intent === "models";
}

/** Intents a follow-up can switch to by its own words, keeping the rest of the question. */
const SWITCHING: [RegExp, Understanding["intent"]][] = [
  [W.SELFHOST, "selfhost"],
  [W.PROVIDERS, "providers"],
  [W.BUDGET, "budget"],
];

/** Replaces only what the follow-up names; models are added ("and claude?") or swapped ("换成 claude", "instead"). */
function mergeFollowUp(snapshot: KnowledgeSnapshot, previous: RememberedQuestion, typed: Understanding, text: string): Understanding {
  const restored = restore(snapshot, previous);
  const asked = { ...restored, models: reassumed(snapshot, restored.models, text) ?? restored.models };
  // "swap deepseek for kimi k2", "去掉 gpt-5": the named model is swapped or left out, the rest of the question kept
  const edit = asked.intent !== "clarify" ? modelEditOf(snapshot, text) : null;
  const edited = asked.intent === "clarify" ? null : (applyModelEdits(snapshot, asked.models, text) ?? (edit ? applyModelEdit(snapshot, asked.models, edit) : null));
  if (edited) return mergeSlots({ ...asked, models: edited }, { ...typed, models: [], ambiguous: [] }, text, snapshot);
  const completed = completeChoice(snapshot, asked, typed, text);
  const { earlier, now, pending } = takeChoice(asked, completed);
  // "the cheapest claude" answering a question back chooses a member; it asks no cheapest-per-tier table
  const chosenBy = asked.intent === "clarify" && completed.models.length && !typed.models.length;
  const merged = mergeSlots(earlier, now, chosenBy ? text.replace(new RegExp(W.CHEAPEST.source, "gu"), " ") : text, snapshot, Boolean(previous.unreadNames));
  if (!pending.length) return merged;
  // a question whose models are all still to choose is no cheapest-per-tier question, unless it says so
  return askAgain(snapshot, merged.intent === "cheapest" && !W.CHEAPEST.test(text) ? { ...merged, intent: earlier.intent } : merged, pending);
}

/** "double it", "用量翻倍": the conversation's volume (or the default one it was priced at) times the factor. */
function scaledVolume(snapshot: KnowledgeSnapshot, earlier: Understanding, factor: number): Pick<Understanding, "volume" | "requests"> {
  if (earlier.requests !== undefined) return { requests: Math.round(earlier.requests * factor), ...(earlier.volume ? { volume: scaleSides(earlier.volume, factor) } : {}) };
  const d = snapshot.knowledge.defaultWorkload;
  return { volume: scaleSides(earlier.volume ?? { input: d.inputTokens, output: d.outputTokens }, factor) };
}

function scaleSides(volume: NonNullable<Understanding["volume"]>, factor: number): NonNullable<Understanding["volume"]> {
  const scaled: NonNullable<Understanding["volume"]> = {};
  for (const side of ["input", "output", "total"] as const) if (volume[side] !== undefined) scaled[side] = Math.round(volume[side]! * factor);
  return scaled;
}

/**
 * "and if replies are 1k tokens instead?" after a workload given per request: the reply's size is per request, never
 * a month's output of 1k tokens.
 */
function replySizeAsPerRequest(earlier: Understanding, now: Understanding, text: string): Understanding {
  const each = earlier.requests === undefined ? undefined : outputPerRequestOf(text);
  const volume = now.volume;
  if (each === undefined || !volume || volume.input !== undefined || volume.total !== undefined || volume.output !== each) return now;
  const { volume: _monthly, ...rest } = now;
  return rest;
}

function mergeSlots(earlier: Understanding, typed: Understanding, text: string, snapshot: KnowledgeSnapshot, unreadBefore = false): Understanding {
  const now = replySizeAsPerRequest(earlier, typed, text);
  const base = earlier.intent === "clarify" && earlier.resume ? earlier.resume : earlier.intent;
  const merged: Understanding = { ...earlier, intent: base, followUp: true };
  delete merged.resume;
  if (now.ambiguous.length && !now.models.length) {
    // "and claude?" asks which one to add; "换成 claude" which one to put instead
    const kept = W.REPLACE.test(text) || (earlier.models.length <= 1 && !W.ADD.test(text)) ? [] : earlier.models;
    return { ...merged, intent: "clarify", resume: base, ambiguous: now.ambiguous, pending: pendingChoices(now, text, kept.length), models: kept };
  }
  if (now.volume) {
    const oneSide = now.volume.total === undefined && (now.volume.input === undefined) !== (now.volume.output === undefined);
    if (oneSide && earlier.volume?.total !== undefined) {
      // "输出改成 2000万" after a monthly total: the other side stays what the total was split into
      const d = snapshot.knowledge.defaultWorkload;
      const perInput = earlier.ratio ? earlier.ratio.output / earlier.ratio.input : d.outputTokens / Math.max(1, d.inputTokens);
      const input = Math.round(earlier.volume.total / (1 + perInput));
      merged.volume = { input, output: earlier.volume.total - input, ...now.volume };
    } else merged.volume = now.volume.total !== undefined || earlier.volume?.total !== undefined ? now.volume : { ...earlier.volume, ...now.volume };
    // a volume stated on its own replaces one that came from a request count
    if (now.requests === undefined) {
      delete merged.requests;
      delete merged.promptTokens;
    }
  }
  // a line that states another amount ("缓存命中一半", "half utilization") scales nothing
  const statesAmount = now.volume || now.requests !== undefined || now.cachedPercent !== undefined || now.utilization !== undefined || now.budget || now.gpuHourlyUsd !== undefined;
  // "double the gpus", "再加两张卡": the GPU count changes relative to the last answer's, the volume stays
  const gpuChange = earlier.intent === "selfhost" || earlier.gpu?.count !== undefined ? gpuCountChangeOf(text) : null;
  const factor = statesAmount || gpuChange || W.NOT_THE_VOLUME.test(text) ? undefined : volumeScaleOf(text);
  if (now.cachedPercent === undefined && W.CACHE_HALF.test(text)) merged.cachedPercent = 50;
  if (factor) Object.assign(merged, scaledVolume(snapshot, earlier, factor));
  for (const key of ["cachedPercent", "promptTokens", "requests", "ratio", "utilization", "gpuHourlyUsd", "budget", "batch", "serviceTier", "ownedGpus", "precision"] as const) {
    if (now[key] !== undefined) (merged as unknown as Record<string, unknown>)[key] = now[key];
  }
  // a workload given per request stays per request: a new prompt size, request count or reply size ("如果每次输出 1000
  // token 呢") re-derives the month
  const before = earlier.volume;
  const replyEach = outputPerRequestOf(text);
  if (earlier.requests && before && !now.volume && (now.promptTokens !== undefined || now.requests !== undefined || replyEach !== undefined)) {
    const requests = merged.requests ?? earlier.requests;
    const inEach = merged.promptTokens ?? (before.input !== undefined ? before.input / earlier.requests : undefined);
    const outEach = replyEach ?? (before.output !== undefined ? before.output / earlier.requests : undefined);
    merged.volume = { ...(inEach !== undefined ? { input: inEach * requests } : {}), ...(outEach !== undefined ? { output: outEach * requests } : {}) };
  } else if (earlier.requests && !before && !now.volume && replyEach !== undefined) merged.volume = { output: replyEach * (merged.requests ?? earlier.requests) };
  // "actually no cache", "不用批量": the share or the batch API said before is taken back out
  if (now.cachedPercent === undefined && W.NO_CACHE.test(text)) delete merged.cachedPercent;
  if (!now.batch && W.NO_BATCH.test(text)) delete merged.batch;
  // GPUs owned and a price per hour are said of one GPU: another GPU drops them; renting, or a price of one's own, is not owning
  const otherGpu = now.gpu?.id !== undefined && earlier.gpu?.id !== undefined && now.gpu.id !== earlier.gpu.id;
  if (otherGpu && now.gpuHourlyUsd === undefined) delete merged.gpuHourlyUsd;
  if (!now.ownedGpus && (otherGpu || W.RENTED_GPUS.test(text) || now.gpuHourlyUsd !== undefined)) delete merged.ownedGpus;
  if (W.CHEAPEST.test(text) && !now.models.length && (now.intent === "cheapest" || /cheapest|最便宜/u.test(text))) {
    const { fact: _fact, ...rest } = merged;
    return { ...rest, intent: "cheapest", models: [], constraints: { ...earlier.constraints, ...now.constraints }, tasks: now.tasks.length ? now.tasks : earlier.tasks };
  }
  const fact = factOf(text);
  if (base === "facts" && fact) merged.fact = fact;
  // a workload after a fact about a model ("80% cached", "for 1B tokens"), or after the article's word on one ("那每月
  // 6億 token 實際要多少錢"), asks what that model costs for it
  const aboutModel = (base === "facts" && !fact) || (base === "article" && merged.models.length > 0 && !W.asksArticle(text));
  if (aboutModel && (now.volume || now.cachedPercent !== undefined || now.batch || now.requests !== undefined)) {
    merged.intent = "compare";
    delete merged.fact;
  }
  // "$2.5 an hour per card" (每小时2.5美元一张) prices one GPU: the one is the price's unit, not a new GPU count
  const perCard = now.gpuHourlyUsd !== undefined && now.gpu?.count === 1 && !now.gpu.id && earlier.gpu?.count !== undefined;
  if (now.gpu && !perCard) merged.gpu = { ...earlier.gpu, ...now.gpu };
  if (gpuChange && earlier.gpu?.count !== undefined) merged.gpu = { ...merged.gpu, count: changedGpuCount(earlier.gpu.count, gpuChange) };
  const bareCount = base === "selfhost" && !now.gpu && !gpuChange && !statesAmount && !now.models.length ? bareGpuCountOf(text) : undefined;
  if (bareCount) merged.gpu = { ...merged.gpu, count: bareCount };
  if (base !== "facts" && Object.keys(now.constraints).length) merged.constraints = { ...earlier.constraints, ...now.constraints };
  if (now.tasks.length) merged.tasks = now.tasks;
  // "it has to run on-prem" after a cheapest-per-tier answer names no model to plan: the picks must be open weights
  const onPremPicks = base === "cheapest" && !merged.models.length && !now.gpu && W.SELFHOST.test(text) && !W.WORTH.test(text);
  if (onPremPicks) merged.constraints = { ...merged.constraints, openWeights: true };
  for (const [pattern, intent] of SWITCHING)
    if (pattern.test(text) && intent !== base && (intent !== "budget" || now.budget) && !(onPremPicks && intent === "selfhost")) merged.intent = intent;
  // a GPU on a price question makes it a self-host question; a budget makes it a budget question
  if (now.gpu && merged.intent !== "selfhost" && (merged.models.length || now.models.length)) merged.intent = "selfhost";
  if (now.budget && merged.intent !== "budget") merged.intent = "budget";
  // a question about one named model ("how much is gpt-4o", "who hosts llama 405b") asks that, whatever came before
  if ((now.intent === "facts" || now.intent === "providers") && now.models.length) {
    merged.intent = now.intent;
    if (now.fact) merged.fact = now.fact;
  }
  // "is it still cheaper than 4o mini?", "那跟 gpt-5 比呢": another model weighed against the one an article or fact
  // answer was about is a comparison of both
  if (now.models.length && (base === "article" || base === "facts") && (merged.intent === base || merged.intent === "compare") && W.WEIGHED_AGAINST.test(text)) {
    const { fact: _fact, ...rest } = merged;
    return { ...rest, intent: "compare", models: [...earlier.models, ...now.models.filter((m) => !earlier.models.some((e) => e.model === m.model))] };
  }
  // "ah i meant gpt-5.5": a correction puts the model in place of one of its own family, or of a name not read; so
  // does "switch to deepseek", "那换成 deepseek" after a comparison that left a name out as not read
  const inPlaceOfUnread = unreadBefore && base === "compare" && now.models.length === 1 && W.REPLACE.test(text);
  if (now.models.length && (W.CORRECTION.test(text) || inPlaceOfUnread) && earlier.intent !== "clarify" && (base === "compare" || base === "cheapest")) {
    return { ...merged, intent: "compare", models: corrected(earlier.models, now.models) };
  }
  if (now.models.length) {
    // self-hosting, facts and providers are about one model: a model named there replaces, whichever intent came first
    const single = [base, merged.intent].some((i) => i === "selfhost" || i === "facts" || i === "providers") || earlier.intent === "clarify";
    // "跟 gpt-5.4 mini 比呢", "how does that compare to o3?": one model weighed against the one just priced joins it
    const weighed = base === "compare" && now.models.length === 1 && W.WEIGHED_AGAINST.test(text) && !W.REPLACE.test(text);
    const replace = !weighed && (single || W.REPLACE.test(text) || ((earlier.models.length <= 1 || now.models.length >= 2) && !W.ADD.test(text)));
    merged.models = replace ? now.models : [...earlier.models, ...now.models.filter((m) => !earlier.models.some((e) => e.model === m.model))];
  }
  // a model named after a cheapest-per-tier answer asks about that model; a budget after a one-model answer asks across models
  if (merged.intent === "cheapest" && now.models.length) merged.intent = now.intent === "cheapest" ? "compare" : now.intent;
  if (merged.intent === "budget" && !now.models.length && base !== "compare" && base !== "budget") merged.models = [];
  if (merged.intent === "compare" && merged.models.length === 0) merged.intent = "cheapest";
  // self-hosting "it" after a comparison: the open-weights models compared, the only ones that can be self-hosted
  if (merged.intent === "selfhost" && base !== "selfhost" && W.SELFHOST.test(text) && !now.models.length && merged.models.length > 1) {
    const open = merged.models.filter((m) => m.model.openWeights);
    if (open.length) merged.models = open;
  }
  return merged;
}

/** The first word of a model's name, its family: "gpt" for GPT-5.5, "claude" for Claude Sonnet 5. */
const familyOf = (m: MentionedModel) => m.model.name.toLowerCase().split(/[\s-]+/)[0];

/** Each corrected model replaces the earlier one of its family, or joins them (the earlier name was one not read). */
function corrected(earlier: readonly MentionedModel[], now: readonly MentionedModel[]): MentionedModel[] {
  const models = [...earlier];
  for (const m of now) {
    if (models.some((e) => e.model === m.model)) continue;
    const same = models.findIndex((e) => familyOf(e) === familyOf(m));
    if (same >= 0) models[same] = m;
    else models.unshift(m);
  }
  return models;
}

/** A remembered question back as an understanding, its model ids resolved in the current knowledge. */
function restore(snapshot: KnowledgeSnapshot, remembered: RememberedQuestion): Understanding {
  const models: MentionedModel[] = [];
  for (const m of remembered.models) {
    const model = snapshot.resolver.exact(m.id);
    if (model) models.push({ model, query: m.query, shorthand: m.shorthand });
  }
  const tasks = snapshot.knowledge.tasks.filter((t) => remembered.tasks.includes(t.id));
  const { models: _m, tasks: _t, unreadNames: _n, ...rest } = remembered;
  return { ...rest, models, tasks, ambiguous: ambiguousOf(snapshot, remembered.pending), unknown: [], followUp: false };
}

/** Pasted text is remembered for follow-ups ("and on gpt-5?") only up to this size. */
const REMEMBERED_TEXT_CHARS = 20_000;

/** What a conversation keeps of an understanding: ids, numbers and a bounded paste, for its TTL. */
export function remember(u: Understanding): RememberedQuestion {
  const { models, tasks, ambiguous: _a, unknown: _u, text, followUp: _f, ...rest } = u;
  return {
    ...rest,
    ...(text && text.length <= REMEMBERED_TEXT_CHARS ? { text } : {}),
    models: models.map((m) => ({ id: m.model.id, query: m.query.slice(0, 60), shorthand: m.shorthand })),
    tasks: tasks.map((t) => t.id),
    ...(u.unknown.length ? { unreadNames: u.unknown.length } : {}),
  };
}
