import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import { normalizeName } from "../models/names.ts";
import { mentionedModels } from "./models.ts";
import type { MentionedModel } from "./types.ts";
import { ADD, REPLACE } from "./words.ts";

/** What a follow-up does to the models of the question before: one swapped for another, or one left out. */
export interface ModelEdit {
  kind: "swap" | "drop";
  /** the words that name the model(s) taken out, as typed ("deepseek", "claude") */
  out: string;
  /** the models put in their place (swap only) */
  in: MentionedModel[];
  /** a swap's words for a model named by its version or line alone ("4.1", "terra"): read in the family of the one taken out */
  sibling?: string;
}

/** A version or a line's word with no family before it: "4.1", "terra", "2.5 pro". */
const SIBLING_WORDS = /^[a-z0-9][a-z0-9.-]*(?:\s[a-z0-9.-]+)?$/u;

const NAME = "(.+?)";
/** Each pattern with the group that names the model taken out and, for a swap, the one put in. */
const SWAPS: { pattern: RegExp; out: number; in: number }[] = [
  { pattern: new RegExp(`\\b(?:swap|replace|switch|change|trade)\\s+${NAME}\\s+(?:for|with|to|by|into)\\s+${NAME}\\s*[?？.!]*$`, "u"), out: 1, in: 2 },
  { pattern: new RegExp(`\\binstead of\\s+${NAME}\\s*[,，]\\s*(?:try|use|go with|with|take|how about|what about)?\\s*${NAME}\\s*[?？.!]*$`, "u"), out: 1, in: 2 },
  { pattern: new RegExp(`\\binstead of\\s+${NAME}\\s+(?:try|use|go with|take|how about|what about)\\s+${NAME}\\s*[?？.!]*$`, "u"), out: 1, in: 2 },
  { pattern: new RegExp(`^(?:(?:and|what about|how about|try|use)\\s+)?${NAME}\\s+instead of\\s+${NAME}\\s*[?？.!]*$`, "u"), out: 2, in: 1 },
  { pattern: new RegExp(`把\\s*${NAME}\\s*(?:换成|改成|替换成|换为|改为|替换为)\\s*${NAME}\\s*(?:呢|吧|看看|试试)?\\s*[?？。!！]*$`, "u"), out: 1, in: 2 },
  { pattern: new RegExp(`^${NAME}\\s*(?:换成|改成|替换成|换为|改为)\\s*${NAME}\\s*(?:呢|吧|看看|试试)?\\s*[?？。!！]*$`, "u"), out: 1, in: 2 },
  { pattern: new RegExp(`用\\s*${NAME}\\s*(?:代替|替换|替代|换掉)\\s*${NAME}\\s*(?:呢|吧)?\\s*[?？。!！]*$`, "u"), out: 2, in: 1 },
  // "drop sonnet and throw in haiku 4.5", "去掉 sonnet，加上 haiku": one out and one in, said as two steps
  {
    pattern: new RegExp(
      `^(?:(?:ok|okay|now|and|then)[,，]?\\s+)?(?:drop|remove|exclude|leave out|take out|forget|skip|ditch|lose)\\s+${NAME}\\s*(?:[,，;；]\\s*(?:and\\s+|then\\s+)?|\\s+(?:and|then|&|\\+)\\s+)(?:add|add in|throw in|put in|bring in|swap in|include|use|try|go with)\\s+${NAME}\\s*[?？.!]*$`,
      "u",
    ),
    out: 1,
    in: 2,
  },
  {
    pattern: new RegExp(
      `^(?:那|那就|再|咁|咁就)?\\s*(?:去掉|去除|删掉|删除|不要|拿掉|移除|剔除|唔要|唔使|拎走)\\s*${NAME}\\s*[,，、;；]?\\s*(?:再|然后|跟住)?\\s*(?:加上|加入|加返|加埋|加|换上|放进|放入|补上|补)\\s*${NAME}\\s*(?:吧|呢|看看|试试)?\\s*[?？。!！]*$`,
      "u",
    ),
    out: 1,
    in: 2,
  },
];
const DROPS: RegExp[] = [
  new RegExp(`^(?:(?:ok|okay|now|and|then)[,，]?\\s+)?(?:drop|remove|exclude|leave out|take out|forget|skip|without)\\s+${NAME}\\s*[?？.!]*$`, "u"),
  new RegExp(
    `^(?:那|那就|再|咁|咁就)?\\s*(?:去掉|去除|删掉|删除|不要|排除|拿掉|拿走|移除|剔除|不算|唔要|唔使|拎走|删咗|去咗|唔计)\\s*${NAME}\\s*(?:了|啦|喇|吧|呢)?\\s*[?？。!！]*$`,
    "u",
  ),
];

/**
 * A follow-up that swaps one of the conversation's models for another ("swap deepseek for kimi k2", "把 deepseek 换成
 * kimi k2", "gemini 2.5 pro instead of claude") or leaves one out ("drop gpt-5", "去掉 gpt-5"). Null for anything else.
 */
export function modelEditOf(snapshot: KnowledgeSnapshot, text: string): ModelEdit | null {
  const line = text.trim();
  for (const { pattern, out, in: put } of SWAPS) {
    const match = pattern.exec(line);
    if (!match) continue;
    const added = mentionedModels(snapshot, match[put]!).models;
    if (added.length) return { kind: "swap", out: match[out]!.trim(), in: added };
    const words = match[put]!.trim().toLowerCase();
    if (SIBLING_WORDS.test(words)) return { kind: "swap", out: match[out]!.trim(), in: [], sibling: words };
  }
  for (const pattern of DROPS) {
    const match = pattern.exec(line);
    if (match) return { kind: "drop", out: match[1]!.trim(), in: [] };
  }
  return null;
}

/** Whether a model of the conversation is the one the words name: that model, or a member of the family they name. */
function named(snapshot: KnowledgeSnapshot, words: string, model: MentionedModel): boolean {
  if (mentionedModels(snapshot, words).models.some((m) => m.model === model.model)) return true;
  const key = normalizeName(words);
  return key.length >= 3 && (normalizeName(`${model.model.name} ${model.model.id}`).includes(key) || normalizeName(model.query).includes(key));
}

/** The conversation's models after the edit: the named ones taken out, a swap's models in their place. Null when it names none of them. */
export function applyModelEdit(snapshot: KnowledgeSnapshot, models: readonly MentionedModel[], edit: ModelEdit): MentionedModel[] | null {
  const at = models.findIndex((m) => named(snapshot, edit.out, m));
  if (at < 0) return null;
  const put = edit.sibling !== undefined ? siblingOf(snapshot, models[at]!, edit.sibling) : edit.in;
  if (edit.kind === "swap" && !put.length) return null;
  const kept = models.filter((m) => !named(snapshot, edit.out, m));
  const added = put.filter((m) => !kept.some((k) => k.model === m.model));
  return [...kept.slice(0, at), ...added, ...kept.slice(at)];
}

/** "switch 4o for 4.1", "swap luna for terra": the model of the family of the one taken out that the words name. */
function siblingOf(snapshot: KnowledgeSnapshot, out: MentionedModel, words: string): MentionedModel[] {
  const segments = out.model.id.split("-");
  for (let kept = segments.length - 1; kept >= 1; kept--) {
    const found = mentionedModels(snapshot, `${segments.slice(0, kept).join("-")} ${words}`).models.filter((m) => m.model !== out.model);
    if (found.length === 1) return found.map((m) => ({ ...m, query: words }));
  }
  return [];
}

/**
 * Several edits in one line ("drop o3, add o4-mini", "去掉 o3，加上 o4-mini"): each clause applied in turn, a clause
 * that adds ("add o4-mini") adding its models. Null unless the line has two clauses or more and one of them edits.
 */
export function applyModelEdits(snapshot: KnowledgeSnapshot, models: readonly MentionedModel[], text: string): MentionedModel[] | null {
  const clauses = text.split(/\s*(?:[,，;；]|\bthen\b|然后)\s*/u).filter((clause) => clause.trim());
  if (clauses.length < 2) return null;
  let current = [...models];
  let edited = false;
  for (const clause of clauses) {
    const edit = modelEditOf(snapshot, clause);
    const next = edit ? applyModelEdit(snapshot, current, edit) : null;
    // after a drop in the same line, "换 deepseek", "switch to deepseek" puts the model in: it adds
    const adds = ADD.test(clause) || (edited && REPLACE.test(clause));
    const added = !next && adds ? mentionedModels(snapshot, clause).models.filter((m) => !current.some((c) => c.model === m.model)) : [];
    if (next) current = next;
    else if (added.length) current = [...current, ...added];
    else continue;
    edited = true;
  }
  return edited && current.length ? current : null;
}
