import { GPU_VARIANT, GPU_WORDS } from "./gpu-words.ts";
import type { Task } from "../knowledge/schema.ts";
import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import { normalizeName } from "../names.ts";
import { findTasks } from "../vocabulary.ts";
import { mentionedModels } from "./models.ts";
import { readQuantities, readRatio } from "./quantities.ts";
import { toSimplified, type Script } from "../i18n/script.ts";
import { uncoveredOf } from "./uncovered.ts";
import { applyModelEdit, modelEditOf } from "./model-edits.ts";
import { volumeScaleOf } from "./volume-scale.ts";
import { ambiguousOf, askAgain, completeChoice, pendingChoices, resumeIntent, takeChoice } from "./question-back.ts";
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
const GPU_NAME = `(?:nvidia\\s|rtx\\s?)?(?:${GPU_WORDS}|gpus?)`;
const WORD_COUNTS: [RegExp, number][] = [
  [new RegExp(`\\b(?:single|one|an?|1)\\s${GPU_NAME}|[单單](?:卡|张|張)|(?:一[张張]|一[块塊])\\s?${GPU_NAME}`, "u"), 1],
  [new RegExp(`\\b(?:two|a pair of|pair of|dual|2x)\\s${GPU_NAME}`, "u"), 2],
  [new RegExp(`\\b(?:four|quad)\\s${GPU_NAME}`, "u"), 4],
  [new RegExp(`\\beight\\s${GPU_NAME}`, "u"), 8],
];
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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A pattern that finds a name as a whole word, with or without spaces or dashes inside ("rtx 4090", "h100-pcie"). */
function wordPattern(name: string): RegExp {
  const key = normalizeName(name);
  return new RegExp(`(?<![a-z0-9])${[...key].map(escapeRegExp).join("[\\s\\-_]?")}(?:s|es)?(?![a-z0-9])`, "u");
}

const gpuPatterns = new WeakMap<KnowledgeSnapshot, { id: string; pattern: RegExp }[]>();

/**
 * The GPU named in the question, by any of the names knowledge gives it, longest name first (patterns built once per
 * snapshot); `typed` instead when the name goes on to another card the knowledge lacks ("H100 NVL", "A100 40GB").
 */
function gpuOf(snapshot: KnowledgeSnapshot, text: string): { id: string } | { typed: string; from: number } | undefined {
  let patterns = gpuPatterns.get(snapshot);
  if (!patterns) {
    patterns = snapshot.knowledge.serving.gpus
      .flatMap((gpu) => [gpu.id, gpu.name, ...gpu.aliases].map((name) => ({ id: gpu.id, name })))
      .filter((n) => normalizeName(n.name).length >= 4)
      .sort((a, b) => normalizeName(b.name).length - normalizeName(a.name).length)
      .map((n) => ({ id: n.id, pattern: wordPattern(n.name) }));
    gpuPatterns.set(snapshot, patterns);
  }
  for (const { id, pattern } of patterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    const variant = GPU_VARIANT.exec(text.slice(match.index + match[0].length));
    if (!variant) return { id };
    // "H100 SXM5", "A100 80GB": words of its own name; "H100 80GB PCIe": the PCIe card the knowledge also has
    const word = variant[1]!.replace(/\s/g, "").replace(/^(\d+)gb?$/, "$1gb");
    const gpus = snapshot.knowledge.serving.gpus;
    const wordsOf = (gpu: (typeof gpus)[number]) => [gpu.name, ...gpu.aliases].flatMap((name) => name.toLowerCase().split(/[\s\-_]+/)).map((w) => w.replace(/^(\d+)g$/, "$1gb"));
    // "sxm4" is the A100's SXM, "sxm5" the H100's: the knowledge names them "SXM" or "SXM5"
    const own = (gpu: (typeof gpus)[number]) => wordsOf(gpu).some((w) => w === word || (word.startsWith("sxm") && w.startsWith("sxm")));
    const self = gpus.find((g) => g.id === id);
    if (self && own(self)) return { id };
    const sibling = gpus.find((g) => g.id !== id && g.id.startsWith(id) && own(g));
    if (sibling) return { id: sibling.id };
    return { typed: `${match[0]}${variant[0]}`.trim(), from: match.index };
  }
  return undefined;
}

/**
 * A GPU named (gpu-words.ts) that the knowledge has no specs or prices for ("5090", "h800"), as typed: passed on, so
 * the answer says it does not know it instead of planning on another GPU without saying so. Never a count of things.
 */
const OTHER_GPU = new RegExp(`(?<![a-z0-9.])(${GPU_WORDS})s?(?![a-z0-9])(?!\\s?(?:requests?|tokens?|calls?|users?|queries|a (?:day|month)|per\\b|次|个|条))`, "iu");

function otherGpuOf(text: string): { typed: string; from: number } | undefined {
  const match = OTHER_GPU.exec(text);
  return match ? { typed: match[1]!, from: match.index } : undefined;
}

/** The question with the words that named models blanked, so "llama 70b" is no volume and "deepseek chat" no task. */
function withoutModelNames(text: string, models: { query: string }[]): string {
  let rest = text;
  for (const { query } of models) {
    const words = query
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => [...w.toLowerCase()].map(escapeRegExp).join("[\\s\\-_.]?"));
    if (words.length) rest = rest.replace(new RegExp(words.join("[\\s\\-_./]*"), "u"), (m) => " ".repeat(m.length));
  }
  return rest;
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
  if (W.ARTICLE.test(text)) return "article";
  const fact = factOf(text);
  if ((fact === "provider" || fact === "openWeights") && models >= 1 && W.FACT_QUESTION.test(text) && !W.CHEAPEST.test(text)) return "facts";
  if (W.PROVIDERS.test(text) && (models || u.ambiguous.length)) return u.ambiguous.length && !models ? "clarify" : "providers";
  // a self-hosting question without a model or any number is a question about the article's verdict
  if (W.SELFHOST.test(text) && !models && !u.gpu && !u.volume && !W.CHEAPEST.test(text)) return "article";
  if ((W.SELFHOST.test(text) && (models || u.gpu || !W.CHEAPEST.test(text))) || (u.gpu && (models || flags.worth))) return "selfhost";
  if (W.ARTICLE.test(text)) return "article";
  if (u.budget && (W.BUDGET.test(text) || !models || !u.volume)) return "budget";
  if (asksFact && models >= 1 && !u.volume && !W.COMPARE.test(text.replace(/\band\b/g, "")) && W.FACT_QUESTION.test(text)) return "facts";
  if (u.ambiguous.length && (models + u.ambiguous.length >= 2 || W.COMPARE.test(text) || W.PRICE.test(text) || asksFact)) return "clarify";
  if (models >= 2) return "compare";
  if (models === 1 && (W.PRICE.test(text) || W.COMPARE.test(text) || u.volume || u.cachedPercent !== undefined || u.batch)) return "compare";
  if (W.MODELS_LIST.test(text)) return "models";
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
  const estimate = W.ESTIMATE.exec(text);
  // an instruction's own words are read; a paste after it is only counted
  const question = estimate ? text.slice(0, Math.min(text.length, estimate.index + estimate[0].length + 40)).split(/[:：\n]/)[0]! : text;
  // "4:1" is a ratio before it can be read as a name ("4.1")
  const { ratio, rest: unratioed } = readRatio(question);
  const { models, ambiguous, unknown } = mentionedModels(snapshot, unratioed);
  // names read as unknown are blanked like known ones: "llama 5 70b" holds no volume
  const unnamed = withoutModelNames(unratioed, [...models, ...unknown]);
  const quantities = readQuantities(unnamed);
  const gpuNamed = gpuOf(snapshot, unnamed);
  // a GPU the knowledge lacks is kept as typed: it makes a self-hosting question like any other, and is named back
  const other = gpuNamed && "typed" in gpuNamed ? gpuNamed : gpuNamed ? undefined : otherGpuOf(unnamed);
  const gpuId = gpuNamed && "id" in gpuNamed ? gpuNamed.id : other && asTyped(head, text, { ...other, to: other.from + other.typed.length, text: other.typed });
  const gpuCount = quantities.gpuCount ?? WORD_COUNTS.find(([pattern]) => pattern.test(unnamed))?.[1];
  const rate = snapshot.knowledge.currency.usdToCny.rate;
  const unknownNamed = unknownNames(snapshot, question, unnamed);
  const unknownAll = [
    ...unknown
      .filter((u) => !unknownNamed.some((name) => name.text === u.query.toLowerCase()))
      .map((u) => {
        const from = unratioed.indexOf(u.query.toLowerCase());
        return from >= 0 ? { ...u, query: asTyped(head, text, { from, to: from + u.query.length, text: u.query }) } : u;
      }),
    ...unknownNamed.map((name) => ({ query: asTyped(head, text, name), candidates: name.candidates })),
  ];
  const u: Omit<Understanding, "intent"> = {
    models,
    // "gemini 4 pro" is one name the knowledge lacks, not the family words "gemini" and "pro" to ask about
    ambiguous: ambiguous.filter((a) => !unknownAll.some((name) => name.query.toLowerCase().includes(a.query.toLowerCase()))),
    unknown: unknownAll,
    constraints: constraintsOf(unnamed, quantities),
    // Chinese-language ability is a constraint, never a task
    tasks: findTasks(snapshot, withoutCapabilities(unnamed)).filter((task) => task.id !== "chinese"),
    followUp: false,
    ...(quantities.volume ? { volume: quantities.volume } : {}),
    ...(quantities.cachedPercent !== undefined ? { cachedPercent: quantities.cachedPercent } : {}),
    ...(quantities.promptTokens !== undefined ? { promptTokens: quantities.promptTokens } : {}),
    ...(quantities.requests !== undefined ? { requests: quantities.requests } : {}),
    ...(ratio ? { ratio } : {}),
    ...(quantities.utilization !== undefined ? { utilization: quantities.utilization } : {}),
    ...(quantities.budget ? { budget: quantities.budget } : {}),
    ...(quantities.gpuHourly ? { gpuHourlyUsd: quantities.gpuHourly.currency === "cny" ? quantities.gpuHourly.amount / rate : quantities.gpuHourly.amount } : {}),
    ...(gpuId || gpuCount ? { gpu: { ...(gpuId ? { id: gpuId } : {}), ...(gpuCount ? { count: gpuCount } : {}) } } : {}),
    ...(W.BATCH.test(question) ? { batch: true as const } : {}),
    ...(W.OWNED_GPUS.test(question) ? { ownedGpus: true as const } : {}),
    ...(W.FLEX.test(question) ? { serviceTier: "flex" as const } : W.PRIORITY.test(question) ? { serviceTier: "priority" as const } : {}),
  };
  // "contracts of about 400k tokens each": for long documents a size per document is the prompt, not the month's volume
  if (u.volume?.total !== undefined && u.promptTokens === undefined && u.tasks.some((task) => task.minContext) && W.PER_DOCUMENT.test(question)) {
    u.promptTokens = u.volume.total;
    delete u.volume;
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
  if (previous && (isFollowUp(understood, question) || modelEditOf(snapshot, question)) && !standsAlone(understood, question)) {
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

/** A line is a follow-up when it does not ask a whole new question: it is short and names at most one model. */
function isFollowUp(u: Understanding, text: string): boolean {
  if (u.models.length >= 2 || (u.intent === "estimate" && u.text)) return false;
  return W.FOLLOW_UP.test(text) || text.length < 100;
}

/** A line whose own words ask something unrelated to the last question: the article, the model list, off-topic. */
function standsAlone(u: Understanding, text: string): boolean {
  if (u.intent === "article") return W.ARTICLE.test(text);
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
  const asked = restore(snapshot, previous);
  // "swap deepseek for kimi k2", "去掉 gpt-5": the named model is swapped or left out, the rest of the question kept
  const edit = asked.intent !== "clarify" ? modelEditOf(snapshot, text) : null;
  const edited = edit ? applyModelEdit(snapshot, asked.models, edit) : null;
  if (edited) return mergeSlots({ ...asked, models: edited }, { ...typed, models: [], ambiguous: [] }, text, snapshot);
  const { earlier, now, pending } = takeChoice(asked, completeChoice(snapshot, asked, typed, text));
  const merged = mergeSlots(earlier, now, text, snapshot);
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

function mergeSlots(earlier: Understanding, now: Understanding, text: string, snapshot: KnowledgeSnapshot): Understanding {
  const base = earlier.intent === "clarify" && earlier.resume ? earlier.resume : earlier.intent;
  const merged: Understanding = { ...earlier, intent: base, followUp: true };
  delete merged.resume;
  if (now.ambiguous.length && !now.models.length) {
    // "and claude?" asks which one to add; "换成 claude" which one to put instead
    const kept = W.REPLACE.test(text) || (earlier.models.length <= 1 && !W.ADD.test(text)) ? [] : earlier.models;
    return { ...merged, intent: "clarify", resume: base, ambiguous: now.ambiguous, pending: pendingChoices(now, text, kept.length), models: kept };
  }
  if (now.volume) {
    merged.volume = now.volume.total !== undefined || earlier.volume?.total !== undefined ? now.volume : { ...earlier.volume, ...now.volume };
    // a volume stated on its own replaces one that came from a request count
    if (now.requests === undefined) {
      delete merged.requests;
      delete merged.promptTokens;
    }
  }
  // a line that states another amount ("缓存命中一半", "half utilization") scales nothing
  const statesAmount = now.volume || now.requests !== undefined || now.cachedPercent !== undefined || now.utilization !== undefined || now.budget || now.gpuHourlyUsd !== undefined;
  const factor = statesAmount ? undefined : volumeScaleOf(text);
  if (factor) Object.assign(merged, scaledVolume(snapshot, earlier, factor));
  for (const key of ["cachedPercent", "promptTokens", "requests", "ratio", "utilization", "gpuHourlyUsd", "budget", "batch", "serviceTier", "ownedGpus"] as const) {
    if (now[key] !== undefined) (merged as unknown as Record<string, unknown>)[key] = now[key];
  }
  if (W.CHEAPEST.test(text) && !now.models.length && (now.intent === "cheapest" || /cheapest|最便宜/u.test(text))) {
    const { fact: _fact, ...rest } = merged;
    return { ...rest, intent: "cheapest", models: [], constraints: { ...earlier.constraints, ...now.constraints }, tasks: now.tasks.length ? now.tasks : earlier.tasks };
  }
  const fact = factOf(text);
  if (base === "facts" && fact) merged.fact = fact;
  // a workload after a fact about a model ("80% cached", "for 1B tokens") asks what that model costs for it
  if (base === "facts" && !fact && (now.volume || now.cachedPercent !== undefined || now.batch || now.requests !== undefined)) {
    merged.intent = "compare";
    delete merged.fact;
  }
  // "$2.5 an hour per card" (每小时2.5美元一张) prices one GPU: the one is the price's unit, not a new GPU count
  const perCard = now.gpuHourlyUsd !== undefined && now.gpu?.count === 1 && !now.gpu.id && earlier.gpu?.count !== undefined;
  if (now.gpu && !perCard) merged.gpu = { ...earlier.gpu, ...now.gpu };
  if (base !== "facts" && Object.keys(now.constraints).length) merged.constraints = { ...earlier.constraints, ...now.constraints };
  if (now.tasks.length) merged.tasks = now.tasks;
  for (const [pattern, intent] of SWITCHING) if (pattern.test(text) && intent !== base && (intent !== "budget" || now.budget)) merged.intent = intent;
  // a GPU on a price question makes it a self-host question; a budget makes it a budget question
  if (now.gpu && merged.intent !== "selfhost" && (merged.models.length || now.models.length)) merged.intent = "selfhost";
  if (now.budget && merged.intent !== "budget") merged.intent = "budget";
  // a question about one named model ("how much is gpt-4o", "who hosts llama 405b") asks that, whatever came before
  if ((now.intent === "facts" || now.intent === "providers") && now.models.length) {
    merged.intent = now.intent;
    if (now.fact) merged.fact = now.fact;
  }
  if (now.models.length) {
    // self-hosting, facts and providers are about one model: a model named there replaces, whichever intent came first
    const single = [base, merged.intent].some((i) => i === "selfhost" || i === "facts" || i === "providers") || earlier.intent === "clarify";
    const replace = single || W.REPLACE.test(text) || (earlier.models.length <= 1 && !W.ADD.test(text));
    merged.models = replace ? now.models : [...earlier.models, ...now.models.filter((m) => !earlier.models.some((e) => e.model === m.model))];
  }
  // a model named after a cheapest-per-tier answer asks about that model; a budget after a one-model answer asks across models
  if (merged.intent === "cheapest" && now.models.length) merged.intent = now.intent === "cheapest" ? "compare" : now.intent;
  if (merged.intent === "budget" && !now.models.length && base !== "compare" && base !== "budget") merged.models = [];
  if (merged.intent === "compare" && merged.models.length === 0) merged.intent = "cheapest";
  return merged;
}

/** A remembered question back as an understanding, its model ids resolved in the current knowledge. */
export function restore(snapshot: KnowledgeSnapshot, remembered: RememberedQuestion): Understanding {
  const models: MentionedModel[] = [];
  for (const m of remembered.models) {
    const model = snapshot.resolver.exact(m.id);
    if (model) models.push({ model, query: m.query, shorthand: m.shorthand });
  }
  const tasks = snapshot.knowledge.tasks.filter((t) => remembered.tasks.includes(t.id));
  const { models: _m, tasks: _t, ...rest } = remembered;
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
  };
}
