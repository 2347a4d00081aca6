import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import { uncoveredOf } from "./uncovered.ts";
import { applyModelEdit, applyModelEdits, modelEditOf } from "./model-edits.ts";
import { volumeScaleOf } from "./volume-scale.ts";
import { bareGpuCountOf, changedGpuCount, gpuCountChangeOf } from "./gpu-count-change.ts";
import { ambiguousOf, askAgain, completeChoice, pendingChoices, reassumed, takeChoice } from "./question-back.ts";
import type { MentionedModel, RememberedQuestion, Understanding } from "./types.ts";
import * as W from "./words.ts";
import { findNumbers } from "./numbers.ts";
import { USERS_AFTER } from "./request-words.ts";

/** A reply size per request in a follow-up: "每次输出 1000 token", "回复改成 500 呢", "1k tokens out each", "output 800 per request". */
const OUTPUT_EACH =
  /(?:每次|每个请求|每条|每次请求)(?:的)?(?:输出|回复|回答)\s*(\d+(?:\.\d+)?)\s*(k|千)?|(\d+(?:\.\d+)?)\s*(k)?\s*(?:tokens?\s*)?(?:out|of output|output)\s*(?:each|per request|a request|per call)|\boutput (?:of )?(\d+(?:\.\d+)?)\s*(k)?\s*(?:tokens?\s*)?(?:each|per request|a request|per call)|\b(?:replies|responses|answers|completions|outputs)\s(?:are|were|of|at|become|go up to|grow to)\s(?:about |around |~)?(\d+(?:\.\d+)?)\s*(k)?\s*(?:tokens?)?(?:\s(?:each|long|instead))?\b|(?:回复|回答|输出)(?:长度)?(?:改成|改为|变成|是|为|都是|降到|提高到)\s*(\d+(?:\.\d+)?)\s*(k|千)?\s*(?:个)?\s*(?:token|(?=\s*(?:呢|吧|的话|[?？。]|$)))/u;
function outputPerRequestOf(text: string): number | undefined {
  const m = OUTPUT_EACH.exec(text);
  if (!m) return undefined;
  const at = [1, 3, 5, 7, 9].find((group) => m[group] !== undefined)!;
  const [value, scale] = [m[at]!, m[at + 1]];
  const n = Number(value) * (scale ? 1000 : 1);
  return Number.isFinite(n) && n > 0 && n <= 10_000_000 ? n : undefined;
}

/** A line is a follow-up when it does not ask a whole new question: it is short and names at most one model. */
export function isFollowUp(u: Understanding, text: string, previous: RememberedQuestion): boolean {
  if (u.intent === "estimate" && u.text) return false;
  if (asksAnew(u, text, previous)) return false;
  // "same but for gemini 2.5 pro and grok 4", "换成 haiku 4.5 和 gpt-5 nano": new models for the same question; a name
  // it cannot read still counts ("deepseek 和 豆包 哪个便宜" compares those two, not the last answer's models plus one),
  // but not a single character ("那跟 gpt-5 比呢": 那 is no name)
  const unreadNames = u.unknown.filter((name) => [...name.query.trim()].length >= 2).length;
  if (u.models.length + unreadNames >= 2) return W.OTHER_MODELS.test(text) || W.ADD_LEADING.test(text);
  return W.FOLLOW_UP.test(text) || text.length < 100;
}

const AGAINST_API_ANYWHERE = new RegExp(W.AGAINST_API.source, "giu");

/**
 * "how much would 3M requests of 800 in / 400 out cost on claude sonnet 4.5?" after another model's answer: a model of
 * its own (or open models in general) and a whole workload, with no word tying it to the last answer, is a new
 * question, not an edit of that one.
 */
function asksAnew(u: Understanding, text: string, previous: RememberedQuestion): boolean {
  const volume = u.volume;
  const wholeWorkload = volume !== undefined && (volume.total !== undefined || (volume.input !== undefined && volume.output !== undefined));
  const ownModel = u.models.length === 1 && !previous.models.some((m) => m.id === u.models[0]!.model.id);
  // "一個月 30 億 token，自架開源模型會比 API 便宜嗎": self-hosting open models in general, at a volume of its own
  const openModelsInGeneral = u.models.length === 0 && u.constraints.openWeights === true && W.SELFHOST.test(text);
  // "cheaper than the API" weighs self-hosting against buying, not this model against the last answer's
  const weighed = W.WEIGHED_AGAINST.test(text.replace(AGAINST_API_ANYWHERE, " "));
  const tied = W.POINTS_BACK.test(text.trim()) || W.REPLACE.test(text) || W.ADD.test(text) || weighed;
  // a question back still waits for its choice: "sonnet 4.5, with 3M requests …" answers "which claude?"
  const answeringBack = previous.intent === "clarify" && Boolean(previous.pending?.length);
  // "long pdfs ~300 pages each, what's the cheapest that can eat them": a task of its own with a size of its own
  const ownTask = u.models.length === 0 && u.tasks.some((task) => !previous.tasks.includes(task.id)) && (u.promptTokens !== undefined || wholeWorkload);
  return ((wholeWorkload && (ownModel || openModelsInGeneral)) || ownTask) && !tied && !answeringBack;
}

/**
 * "我们每月在 gpt-4o 上花 2 万，换成 deepseek 能省多少" after another question: a spend of its own on models of its own is a
 * new question; its 换成 is the asker's own switch, not an edit of the last answer.
 */
export function spendsAnew(u: Understanding, previous: RememberedQuestion): boolean {
  return u.budget !== undefined && u.models.length >= 1 && u.models.every((m) => !previous.models.some((p) => p.id === m.model.id));
}

/** A line whose own words ask something unrelated to the last question: the article, the model list, off-topic. */
export function standsAlone(u: Understanding, text: string): boolean {
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
export function mergeFollowUp(snapshot: KnowledgeSnapshot, previous: RememberedQuestion, typed: Understanding, text: string): Understanding {
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

/** A count said as requests or calls, not as the conversations or items they come from. */
const REQUESTS_SAID = /\d\s?[kmw万千]?\s?(?:次|个?请求|调用|requests?\b|calls?\b|queries\b|api calls?\b)/u;

/** "what if it grows to 50k a day?" after a request count: a count said with no word for tokens is requests again. */
function bareCountAsRequests(earlier: Understanding, now: Understanding, text: string): Understanding {
  const volume = now.volume;
  if (earlier.requests === undefined || now.requests !== undefined || volume?.total === undefined || volume.input !== undefined || volume.output !== undefined) return now;
  if (/tokens?|toks?|词元|字/iu.test(text)) return now;
  const { volume: _tokens, ...rest } = now;
  return { ...rest, requests: volume.total };
}

/** "what if each is 1500 in 400 out?" after a request count: the new size is that count's, not a thousand requests. */
function sizeForEarlierCount(earlier: Understanding, now: Understanding): Understanding {
  if (!now.requestsAssumed || earlier.requests === undefined || now.requests === undefined) return now;
  const { requestsAssumed: _said, ...rest } = now;
  const factor = earlier.requests / now.requests;
  return { ...rest, requests: earlier.requests, ...(now.volume ? { volume: scaleSides(now.volume, factor) } : {}) };
}

/** "and with 500 users?" after a deployment sized for users at once: the new count is of the same users. */
function usersAtOnce(earlier: Understanding, now: Understanding, text: string): Understanding {
  if (earlier.concurrentUsers === undefined || now.concurrentUsers !== undefined) return now;
  const count = findNumbers(text).find((n) => !n.negative && Number.isInteger(n.value) && n.value >= 1 && USERS_AFTER.test(text.slice(n.end, n.end + 28)));
  return count ? { ...now, concurrentUsers: count.value } : now;
}

function mergeSlots(earlier: Understanding, typed: Understanding, text: string, snapshot: KnowledgeSnapshot, unreadBefore = false): Understanding {
  const now = usersAtOnce(earlier, bareCountAsRequests(earlier, replySizeAsPerRequest(earlier, sizeForEarlierCount(earlier, typed), text), text), text);
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
  const statesAmount =
    now.volume ||
    now.requests !== undefined ||
    now.cachedPercent !== undefined ||
    now.utilization !== undefined ||
    now.budget ||
    now.gpuHourlyUsd !== undefined ||
    now.powerUsdPerKwh !== undefined;
  // "double the gpus", "再加两张卡": the GPU count changes relative to the last answer's, the volume stays
  const gpuChange = earlier.intent === "selfhost" || earlier.gpu?.count !== undefined ? gpuCountChangeOf(text) : null;
  // "half the traffic moves to it": a share of the same usage, not half of it
  const moved = earlier.sameUsage ? W.movedPercentOf(text) : undefined;
  const movesShare = moved !== undefined;
  const factor = statesAmount || gpuChange || movesShare || W.NOT_THE_VOLUME.test(text) ? undefined : volumeScaleOf(text);
  if (now.cachedPercent === undefined && W.CACHE_HALF.test(text)) merged.cachedPercent = 50;
  // "其中 3000 是命中缓存的": part of each prompt asked about before, else of the month's input
  const whole = earlier.promptTokens ?? earlier.volume?.input;
  if (now.cachedTokens !== undefined && now.cachedPercent === undefined && whole && now.cachedTokens < whole) {
    merged.cachedPercent = (now.cachedTokens / whole) * 100;
  }
  // "roll it out to 3000 employees" after a usage for 1,200 people: each one's use, for the new count
  const perPerson = now.people !== undefined && earlier.people && !statesAmount && !factor ? now.people / earlier.people : undefined;
  if (factor ?? perPerson) Object.assign(merged, scaledVolume(snapshot, earlier, (factor ?? perPerson)!));
  // "and if only half the traffic moves to 4.1 mini?": a share of the same usage moved
  if (moved !== undefined) merged.movedPercent = moved;
  for (const key of [
    "cachedPercent",
    "promptTokens",
    "requests",
    "ratio",
    "utilization",
    "gpuHourlyUsd",
    "powerUsdPerKwh",
    "gpuPurchaseUsd",
    "amortizationMonths",
    "opsUsdPerMonth",
    "budget",
    "batch",
    "serviceTier",
    "ownedGpus",
    "precision",
    "concurrentUsers",
    "people",
    "targetTokensPerSec",
  ] as const) {
    if (now[key] !== undefined) (merged as unknown as Record<string, unknown>)[key] = now[key];
  }
  // a count said now is no longer the thousand a size alone was priced for
  if (now.requests !== undefined && !now.requestsAssumed) delete merged.requestsAssumed;
  // "那如果每天变成 2 万通呢" after "1.2 万通对话，每通 5 轮": the new count is of conversations, each still that many turns
  if (now.requests !== undefined && now.requestsPerItem === undefined && earlier.requestsPerItem !== undefined) {
    if (REQUESTS_SAID.test(text)) delete merged.requestsPerItem;
    else merged.requests = now.requests * earlier.requestsPerItem;
  }
  // a new size or volume replaces the mix the last one was the average of
  if ((now.volume || now.promptTokens !== undefined || outputPerRequestOf(text) !== undefined) && !now.mix) delete merged.mix;
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
  // a request count and a prompt size after a monthly volume state the month anew: prompt × requests, not the old volume
  else if (!earlier.requests && now.requests !== undefined && now.promptTokens !== undefined && !now.volume) delete merged.volume;
  // "actually no cache", "不用批量": the share or the batch API said before is taken back out
  if (now.cachedPercent === undefined && W.NO_CACHE.test(text)) delete merged.cachedPercent;
  if (!now.batch && W.NO_BATCH.test(text)) delete merged.batch;
  // GPUs owned and a price per hour are said of one GPU: another GPU drops them; renting, or a price of one's own, is not owning
  const otherGpu = now.gpu?.id !== undefined && earlier.gpu?.id !== undefined && now.gpu.id !== earlier.gpu.id;
  if (otherGpu && now.gpuHourlyUsd === undefined && merged.gpuHourlyUsd !== undefined) {
    merged.hourlyDropped = { gpu: earlier.gpu!.id!, usd: merged.gpuHourlyUsd };
    delete merged.gpuHourlyUsd;
  }
  if (!now.ownedGpus && (otherGpu || W.RENTED_GPUS.test(text) || now.gpuHourlyUsd !== undefined)) delete merged.ownedGpus;
  if (!merged.ownedGpus) {
    delete merged.powerUsdPerKwh;
    delete merged.gpuPurchaseUsd;
    delete merged.amortizationMonths;
  }
  if (W.CHEAPEST.test(text) && !now.models.length && (now.intent === "cheapest" || /cheapest|最便宜/u.test(text))) {
    const { fact: _fact, ...rest } = merged;
    return { ...rest, intent: "cheapest", models: [], constraints: { ...earlier.constraints, ...now.constraints }, tasks: now.tasks.length ? now.tasks : earlier.tasks };
  }
  const fact = W.factOf(text);
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
  const gpusBefore = earlier.gpu?.count ?? earlier.answeredGpus;
  if (gpuChange && gpusBefore !== undefined) merged.gpu = { ...merged.gpu, count: changedGpuCount(gpusBefore, gpuChange) };
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
  const { models, tasks, ambiguous: _a, unknown: _u, text, followUp: _f, hourlyDropped: _h, ...rest } = u;
  return {
    ...rest,
    ...(text && text.length <= REMEMBERED_TEXT_CHARS ? { text } : {}),
    models: models.map((m) => ({ id: m.model.id, query: m.query.slice(0, 60), shorthand: m.shorthand })),
    tasks: tasks.map((t) => t.id),
    ...(u.unknown.length ? { unreadNames: u.unknown.length } : {}),
  };
}
