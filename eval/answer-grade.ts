/**
 * Grades one final reply against an item's expectations (eval/ANSWERS.md). Pure: the knowledge comes in as a
 * GradeContext, the reply as the product returned it. Every failed check gives one short reason.
 */
import type { AnswerItem, AnswerKind, ExpectedWorkload } from "./answer-corpus.ts";
import { costMatches, expectedCost, type RawPrices } from "./answer-cost.ts";
import { proseOf, scriptProblem } from "./answer-script.ts";

/** What the grader needs of a knowledge model. */
export interface KnownModel extends Partial<RawPrices> {
  id: string;
  name: string;
  aliasesZh?: readonly string[];
  capabilities?: readonly string[];
  openWeights?: boolean;
  /** a model no price list carries (article-only or retired): a right answer gives it no cost */
  unpriced?: unknown;
}

export interface GradeContext {
  models: ReadonlyMap<string, KnownModel>;
  /** every model name (and Chinese alias): not prose for the language check */
  names: readonly string[];
}

/** The parts of a Reply the grader reads (src/core/reply/reply.ts). */
export interface GradedReply {
  ok: boolean;
  command: string;
  title: string;
  lead: string;
  fields: readonly { label: string; value: string }[];
  notes: readonly string[];
  text: string;
  data: Record<string, unknown>;
}

type Data = Record<string, unknown>;
interface Entry {
  id: string;
  cost?: unknown;
  tier?: unknown;
  fits?: unknown;
  doesNotFit?: unknown;
  quality?: { score?: unknown };
}

const TIER_RANK: Record<string, number> = { "ultra-low": 0, balanced: 1, premium: 2 };
const DOES_NOT_FIT =
  /does ?n[o']t fit|too (?:long|large|big) for|exceeds? (?:its|the)[^.]*context|放不下|装不下|裝不下|放不進|放不进|超出[^。]*上下文|超過[^。]*上下文|超过[^。]*上下文/iu;
/** the dispatcher's echo of what it understood is not an answer: ids in it do not count as "in the answer" */
const ECHO_KEYS = new Set(["understanding", "error"]);

const fold = (text: string) => text.normalize("NFKC").toLowerCase();
const millions = (n: number) => `${+(n / 1e6).toFixed(2)}M`;
const money = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;

/** What kind of answer a reply is: the error, the /ask outcome (article, clarify, not covered) or the command. */
export function kindOf(reply: Pick<GradedReply, "ok" | "command" | "data">): string {
  if (!reply.ok) return "error";
  if (reply.command === "ask") return String(reply.data.intent ?? "ask");
  return reply.command;
}

function isEntry(value: unknown): value is Entry {
  return typeof value === "object" && value !== null && typeof (value as Entry).id === "string";
}

/** The models the reply prices or recommends, in its data: compare/model rows and cheapest picks. */
function entriesOf(data: Data): Entry[] {
  const lists = [data.models, data.recommendations].filter(Array.isArray) as unknown[][];
  return lists.flat().filter(isEntry);
}

function stringsOf(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === "string") into.add(fold(value));
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, into);
  else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) if (!ECHO_KEYS.has(k)) stringsOf(v, into);
  return into;
}

function nameOf(ctx: GradeContext, id: string): string {
  return ctx.models.get(id)?.name ?? id;
}

function inText(text: string, ctx: GradeContext, id: string): boolean {
  const folded = fold(text);
  return folded.includes(fold(id)) || folded.includes(fold(nameOf(ctx, id)));
}

function checkModels(item: AnswerItem, reply: GradedReply, ctx: GradeContext): string[] {
  const ids = item.expect.models;
  if (!ids) return [];
  const inData = stringsOf(reply.data, new Set());
  const reasons: string[] = [];
  for (const id of ids) {
    const data = inData.has(fold(id)) || inData.has(fold(nameOf(ctx, id)));
    const text = inText(reply.text, ctx, id);
    if (!data || !text) reasons.push(`${id} missing from the ${!data && !text ? "answer" : data ? "text" : "data"}`);
  }
  if (item.expect.exactModels) {
    const extra = [...new Set(entriesOf(reply.data).map((e) => e.id))].filter((id) => !ids.includes(id));
    if (extra.length) reasons.push(`also compares ${extra.join(", ")}`);
  }
  return reasons;
}

const QUOTES: [string, string][] = [
  ['"', '"'],
  ["“", "”"],
  ["‘", "’"],
  ["'", "'"],
  ["「", "」"],
  ["『", "』"],
];

function checkNamedBack(item: AnswerItem, reply: GradedReply): string[] {
  const words = item.expect.namedBack;
  if (!words) return [];
  const text = fold(reply.text);
  const verdict = fold([reply.title, reply.lead].join("\n"));
  const hasVerdict = reply.ok && (reply.data.cheapest !== undefined || Array.isArray(reply.data.recommendations));
  const reasons: string[] = [];
  for (const word of words) {
    const w = fold(word);
    if (!QUOTES.some(([open, close]) => text.includes(`${open}${w}${close}`))) reasons.push(`"${word}" not named back`);
    else if (hasVerdict && !verdict.includes(w)) reasons.push(`verdict given without "${word}" (named only in a note)`);
  }
  return reasons;
}

function stated(w: ExpectedWorkload): string {
  const extras = [w.cachedPercent ? `${w.cachedPercent}% cached` : "", w.batch ? "batch" : "", w.promptTokens ? `${w.promptTokens}-token prompts` : ""].filter(Boolean);
  return `${millions(w.input)} in + ${millions(w.output)} out${extras.length ? `, ${extras.join(", ")}` : ""}`;
}

function checkWorkload(item: AnswerItem, reply: GradedReply, ctx: GradeContext): string[] {
  const w = item.expect.workload;
  if (!w) return [];
  const reasons: string[] = [];
  const priced = reply.data.workload as { inputTokens?: number; outputTokens?: number } | undefined;
  if (priced && typeof priced.inputTokens === "number" && typeof priced.outputTokens === "number") {
    if (!costMatches(priced.inputTokens, w.input) || !costMatches(priced.outputTokens, w.output)) {
      reasons.push(`priced ${millions(priced.inputTokens)} in + ${millions(priced.outputTokens)} out, expected ${stated(w)}`);
    }
  }
  const entries = entriesOf(reply.data);
  const ids = item.expect.models ?? [...new Set(entries.map((e) => e.id))];
  if (!ids.length) return [...reasons, "no model is priced"];
  for (const id of ids) {
    const model = ctx.models.get(id);
    const entry = entries.find((e) => e.id === id);
    const cost = typeof entry?.cost === "number" && Number.isFinite(entry.cost) ? entry.cost : null;
    if (model?.unpriced !== undefined) {
      if (cost !== null) reasons.push(`${id}: costed ${money(cost)} although the knowledge has no price for it`);
      continue;
    }
    if (!model || model.inputPer1M === undefined || model.outputPer1M === undefined || model.contextWindow === undefined) {
      reasons.push(`${id}: no price in the knowledge to check against`);
      continue;
    }
    const want = expectedCost(model as RawPrices, w);
    if (!want.fits) {
      const saysSo = DOES_NOT_FIT.test(reply.text);
      if (cost !== null && entry?.fits !== false && !entry?.doesNotFit)
        reasons.push(`${id}: costed ${money(cost)} although a ${w.promptTokens}-token prompt exceeds its ${want.contextWindow}-token context`);
      else if (!saysSo) reasons.push(`${id}: does not say the ${w.promptTokens}-token prompt does not fit`);
      continue;
    }
    if (cost === null) {
      if (!want.noneAllowed) reasons.push(`${id}: no cost, expected ${money(want.cost)} for ${stated(w)}`);
      continue;
    }
    if (!costMatches(cost, want.cost)) reasons.push(`${id}: ${money(cost)}, expected ${money(want.cost)} (${want.prices} prices) for ${stated(w)}`);
  }
  return reasons;
}

/** The model the reply's verdict names: compare's cheapest, or the cheapest of the picks. */
function verdictOf(data: Data): string | null {
  if (typeof data.cheapest === "string") return data.cheapest;
  const costed = entriesOf(data).filter((e) => typeof e.cost === "number");
  costed.sort((a, b) => (a.cost as number) - (b.cost as number));
  return costed[0]?.id ?? null;
}

function checkCheapest(item: AnswerItem, reply: GradedReply, ctx: GradeContext): string[] {
  const want = item.expect.cheapest;
  if (!want) return [];
  const got = verdictOf(reply.data);
  if (got !== want) return [`cheapest is ${got ?? "not given"}, expected ${want}`];
  return inText(reply.text, ctx, want) ? [] : [`${want} is the cheapest in the data but not named in the text`];
}

function checkTiers(item: AnswerItem, reply: GradedReply): string[] {
  const { tierOrder, task } = item.expect;
  const reasons: string[] = [];
  const picks = (Array.isArray(reply.data.recommendations) ? reply.data.recommendations : []).filter(isEntry);
  if (task !== undefined) {
    const constraints = reply.data.constraints as { tasks?: unknown; chinese?: unknown } | undefined;
    // Chinese ability is answered as a constraint with the chinese task's bar (understand.ts), not as a task
    const tasks = Array.isArray(constraints?.tasks) && constraints.tasks.length ? constraints.tasks : constraints?.chinese === true ? ["chinese"] : [];
    // a coding assistant is coding, not also real-time: the picks are for the task asked, alone
    if (tasks.length !== 1 || tasks[0] !== task) reasons.push(`picks are for ${tasks.length ? tasks.join(" + ") : "no task"}, expected ${task}`);
  }
  if (tierOrder) {
    if (!picks.length) return [...reasons, "no tier picks to order"];
    const ordered = [...picks].sort((a, b) => (TIER_RANK[String(a.tier)] ?? 9) - (TIER_RANK[String(b.tier)] ?? 9));
    for (let i = 1; i < ordered.length; i++) {
      const cheaper = ordered[i - 1]!;
      const dearer = ordered[i]!;
      const low = Number(cheaper.quality?.score);
      const high = Number(dearer.quality?.score);
      if (!Number.isFinite(low) || !Number.isFinite(high)) reasons.push(`no quality score to order ${cheaper.id} and ${dearer.id}`);
      else if (high < low) reasons.push(`${dearer.tier} ${dearer.id} (${high}) scores below ${cheaper.tier} ${cheaper.id} (${low})`);
    }
  }
  return reasons;
}

function checkRequirements(item: AnswerItem, reply: GradedReply, ctx: GradeContext): string[] {
  const { requires, minContext } = item.expect;
  if (!requires && minContext === undefined) return [];
  // none recommended (no model has them all) breaks no requirement; the answer kind is checked on its own
  const picks = entriesOf(reply.data);
  const reasons: string[] = [];
  for (const pick of picks) {
    const model = ctx.models.get(pick.id);
    for (const need of requires ?? []) {
      const has = need === "open" ? model?.openWeights === true : (model?.capabilities ?? []).includes(need);
      if (!has) reasons.push(`${pick.id} lacks ${need}`);
    }
    if (minContext !== undefined && (model?.contextWindow ?? 0) < minContext) reasons.push(`${pick.id}: context ${model?.contextWindow ?? "unknown"} < ${minContext}`);
  }
  return reasons;
}

function checkSelfhost(item: AnswerItem, reply: GradedReply): string[] {
  const { fits, gpu } = item.expect;
  const reasons: string[] = [];
  if (fits !== undefined && reply.data.fits !== fits) reasons.push(`fits is ${String(reply.data.fits)}, expected ${fits}`);
  const { id: gpuId, count } = (reply.data.gpu ?? {}) as { id?: unknown; count?: unknown };
  if (gpu !== undefined && gpuId !== gpu) reasons.push(`GPU is ${String(gpuId ?? "none")}, expected ${gpu}`);
  if (item.expect.gpus !== undefined && count !== item.expect.gpus) reasons.push(`${String(count ?? "no")} GPUs, expected ${item.expect.gpus}`);
  const api = item.expect.apiPer1M;
  const against = reply.data.apiCostPer1M;
  if (api !== undefined && !(typeof against === "number" && costMatches(against, api))) {
    reasons.push(`break-even against ${typeof against === "number" ? money(against) : "no API price"} per 1M, expected the cheapest paid host's ${money(api)}`);
  }
  return reasons;
}

function checkText(item: AnswerItem, reply: GradedReply): string[] {
  const text = fold(reply.text);
  return [
    ...(item.expect.contains ?? []).filter((s) => !text.includes(fold(s))).map((s) => `lacks "${s}"`),
    ...(item.expect.notContains ?? []).filter((s) => text.includes(fold(s))).map((s) => `contains "${s}"`),
  ];
}

function checkLanguage(item: AnswerItem, reply: GradedReply, ctx: GradeContext): string[] {
  const segments = [reply.title, reply.lead, ...reply.fields.map((f) => `${f.label} ${f.value}`), ...reply.notes];
  // an English question may name a model in Chinese (豆包); its own words are not the answer's prose
  const own = item.lang === "en" ? (item.q.match(/\p{Script=Han}+/gu) ?? []) : [];
  const problem = scriptProblem(proseOf(segments, { names: [...ctx.names, ...own] }), `${reply.title}\n${reply.lead}`, item.lang);
  return problem ? [problem] : [];
}

function checkKind(item: AnswerItem, reply: GradedReply): string[] {
  const reasons: string[] = [];
  const kind = kindOf(reply);
  const want: AnswerKind | undefined = item.expect.answer ?? (item.expect.error ? "error" : undefined);
  if (want && kind !== want) {
    const code = (reply.data.error as { code?: string } | undefined)?.code;
    reasons.push(`answered ${kind}${code ? ` (${code})` : ""}, expected ${want}`);
  }
  if (item.expect.error && kind === "error") {
    const code = (reply.data.error as { code?: string } | undefined)?.code;
    if (code !== item.expect.error) reasons.push(`error ${code}, expected ${item.expect.error}`);
  }
  return reasons;
}

/** Every reason the reply is not the right answer to the item; empty when it is. */
export function gradeReply(item: AnswerItem, reply: GradedReply, ctx: GradeContext): string[] {
  return [
    ...checkKind(item, reply),
    ...checkModels(item, reply, ctx),
    ...checkNamedBack(item, reply),
    ...checkWorkload(item, reply, ctx),
    ...checkCheapest(item, reply, ctx),
    ...checkTiers(item, reply),
    ...checkRequirements(item, reply, ctx),
    ...checkSelfhost(item, reply),
    ...checkText(item, reply),
    ...checkLanguage(item, reply, ctx),
  ];
}
