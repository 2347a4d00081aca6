import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import type { Model } from "../knowledge/schema.ts";
import { normalizeName } from "../models/names.ts";
import { isPriced } from "../knowledge/kinds.ts";
import { blendedPer1M } from "../pricing/pricing.ts";
import { mentionedModels } from "./models.ts";
import type { Intent, MentionedModel, PendingChoice, Understanding } from "./types.ts";

/**
 * The family words of a question back, each with its place among the names typed (models and family words alike),
 * so a choice made later takes the place of its word ("gpt vs deepseek": GPT first).
 */
export function pendingChoices(u: Pick<Understanding, "models" | "ambiguous">, text: string, keptBefore = 0): PendingChoice[] {
  const where = (query: string) => {
    const at = text.indexOf(query.toLowerCase());
    return at < 0 ? text.length : at;
  };
  const typed = [...u.models.map((m) => ({ word: null, at: where(m.query) })), ...u.ambiguous.map((word) => ({ word, at: where(word.query) }))].sort((a, b) => a.at - b.at);
  return typed.flatMap((name, index) => (name.word ? [{ query: name.word.query, candidates: name.word.candidates.map((m) => m.id), at: keptBefore + index }] : []));
}

/** What a question back answers once its family words are chosen: the intent they would have had as one model each. */
export function resumeIntent(u: Omit<Understanding, "intent">, intentOf: (assumed: Omit<Understanding, "intent">) => Intent): Intent {
  const stand: MentionedModel[] = u.ambiguous.flatMap((word) => (word.candidates[0] ? [{ model: word.candidates[0], query: word.query, shorthand: true }] : []));
  const intent = intentOf({ ...u, models: [...u.models, ...stand], ambiguous: [] });
  return intent === "clarify" ? "compare" : intent;
}

/** A question back's words as the ambiguous words of an understanding, in today's knowledge. */
export function ambiguousOf(snapshot: KnowledgeSnapshot, pending: readonly PendingChoice[] = []): Understanding["ambiguous"] {
  return pending.map((word) => ({
    query: word.query,
    candidates: word.candidates.map((id) => snapshot.resolver.exact(id)).filter((m): m is Model => m !== undefined),
  }));
}

/** Whether a model is a member of the family a word asked about names ("gemini" → Gemini 2.5 Flash). */
const ofFamily = (model: Model, word: PendingChoice) => word.candidates.includes(model.id) || normalizeName(`${model.name} ${model.id}`).includes(normalizeName(word.query));

/**
 * A choice typed without its family's name ("2.5 flash" after "which gemini?"): read with the family word in front,
 * so it names the member instead of asking again. The line as typed when it names a model of its own.
 */
export function completeChoice(snapshot: KnowledgeSnapshot, earlier: Understanding, now: Understanding, text: string): Understanding {
  if (earlier.intent !== "clarify" || !earlier.pending?.length) return now;
  if (!now.models.length) {
    const picked = pickedByProperty(snapshot, earlier.pending, text);
    if (picked.length) return { ...now, models: picked, ambiguous: [] };
    for (const word of earlier.pending) {
      const named = mentionedModels(snapshot, `${word.query} ${text}`).models.filter((m) => ofFamily(m.model, word));
      if (named.length) return { ...now, models: named.map((m) => ({ ...m, query: text.trim(), shorthand: true })), ambiguous: [] };
    }
  }
  // some choices named in full, others by their version alone ("sonnet 4.5 和 2.5 pro" for "claude or gemini?")
  const open = earlier.pending.filter((word) => !now.models.some((m) => ofFamily(m.model, word)));
  const added: MentionedModel[] = [];
  for (const fragment of memberFragments(text)) {
    if (mentionedModels(snapshot, fragment).models.length) continue;
    const word = open.find((w) => mentionedModels(snapshot, `${w.query} ${fragment}`).models.some((m) => ofFamily(m.model, w)));
    if (!word) continue;
    const member = mentionedModels(snapshot, `${word.query} ${fragment}`).models.find((m) => ofFamily(m.model, word))!;
    added.push({ ...member, query: fragment, shorthand: true });
    open.splice(open.indexOf(word), 1);
  }
  return added.length ? { ...now, models: [...now.models, ...added], ambiguous: [] } : now;
}

const MEMBER_WORDS = /\d|\b(?:pro|flash|mini|nano|lite|sonnet|opus|haiku|max|turbo|plus|fast|chat|reasoner|coder|instruct|thinking)\b/u;

/** The parts of a line that could name a family's member by its version alone ("2.5 pro", "4.5"), never an amount. */
function memberFragments(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/^(?:i meant|i mean|meant|no[,，]?|actually|sorry)\s+/u, "")
    .split(/\s*(?:[,，、&/和与跟及]|\band\b|\bvs\.?\b|\bor\b|还是|以及)\s*/u)
    .map((f) => f.trim().replace(/\s*(?:呢|吧|please|pls)$/u, ""))
    .filter((f) => f.length <= 20 && /^[a-z0-9.\-\s]+$/u.test(f) && MEMBER_WORDS.test(f) && !/%|\d\s?[kmb]\b/u.test(f));
}

export interface Choice {
  /** the earlier question with the chosen models in the places of their family words, resumed */
  earlier: Understanding;
  /** the new turn without the model names that answered the question back */
  now: Understanding;
  /** family words still to choose: the merged question is asked back again */
  pending: PendingChoice[];
}

/**
 * The turn after a question back: the models it names fill the family words asked about (a member of a word's family
 * fills that word, any other the first word left), and the question resumes with every earlier model and slot kept.
 * A turn that names no model (only "80% cached") leaves the words to choose, and the question is asked again.
 */
export function takeChoice(earlier: Understanding, now: Understanding): Choice {
  if (earlier.intent !== "clarify" || !earlier.pending?.length) return { earlier, now, pending: [] };
  const pending = [...earlier.pending];
  const models = [...earlier.models];
  for (const m of now.models) {
    if (models.some((e) => e.model === m.model)) continue;
    const own = pending.findIndex((word) => ofFamily(m.model, word));
    const word = pending[Math.max(own, 0)];
    if (!word) {
      models.push(m);
      continue;
    }
    pending.splice(pending.indexOf(word), 1);
    // its place among the names typed, less the family words before it that are still to choose
    models.splice(word.at - pending.filter((p) => p.at < word.at).length, 0, m);
  }
  if (!now.models.length && now.ambiguous.length && pending[0]) {
    // another family word ("sonnet" for "claude") narrows the first word asked about
    const at = pending[0].at;
    pending.splice(0, 1, ...now.ambiguous.map((word) => ({ query: word.query, candidates: word.candidates.map((c) => c.id), at })));
  }
  const { pending: _p, resume: _r, ...asked } = earlier;
  return {
    earlier: { ...asked, intent: earlier.resume ?? "compare", models, ambiguous: [] },
    now: { ...now, models: [], ambiguous: [] },
    pending,
  };
}

/** The merged question asked back again for the words still to choose, keeping everything else it says. */
export function askAgain(snapshot: KnowledgeSnapshot, merged: Understanding, pending: PendingChoice[]): Understanding {
  const { resume: _r, ...rest } = merged;
  return { ...rest, intent: "clarify", resume: merged.intent === "clarify" ? (merged.resume ?? "compare") : merged.intent, pending, ambiguous: ambiguousOf(snapshot, pending) };
}

/**
 * A family word answered with a member later: "gemini" was read as one member (the same verdict for every member), and
 * the next line names another by its version alone ("sonnet 4.5 和 2.5 pro", "i meant 2.5 pro"). The fragment that names
 * no model of its own is read with the family word in front, and the member it names takes the assumed one's place.
 */
export function reassumed(snapshot: KnowledgeSnapshot, models: readonly MentionedModel[], text: string): MentionedModel[] | null {
  const assumed = models.filter((m) => m.shorthand && !/\d/u.test(m.query) && /^[a-z][a-z\s-]*$/u.test(m.query.toLowerCase()));
  if (!assumed.length) return null;
  const fragments = memberFragments(text);
  let changed = false;
  const result = [...models];
  for (const fragment of fragments) {
    if (mentionedModels(snapshot, fragment).models.length) continue;
    for (const m of assumed) {
      const family = normalizeName(m.query);
      const member = mentionedModels(snapshot, `${m.query} ${fragment}`).models.find(
        (found) => found.model !== m.model && normalizeName(`${found.model.name} ${found.model.id}`).includes(family),
      );
      const at = result.indexOf(m);
      if (!member || at < 0) continue;
      result.splice(at, 1, { ...member, query: `${m.query} ${fragment}`, shorthand: true });
      changed = true;
      break;
    }
  }
  return changed ? result : null;
}

const CHEAPEST_ONE = /\b(?:cheapest|cheaper|least expensive|lowest[-\s]priced?)\b|最便宜|便宜(?:的|点|一点|些)|最省|平啲|最平/u;
const DEAREST_ONE = /\b(?:most expensive|dearest|priciest|pricier)\b|最贵|贵的那个/u;
const ANY_ONE =
  /^(?:any|anything|any of them|whatever|whichever|either|doesn'?t matter|don'?t care|you (?:pick|choose|decide)|your call|up to you|the first(?: one)?|first one)\b|^(?:都行|都可以|随便|无所谓|你(?:挑|选|定|决定)|第一个|哪个都行|哪个都可以|是但|求其)/u;

/**
 * A choice made by a property instead of a name ("the cheapest claude", "都行，你挑一个"): the cheapest (or dearest)
 * member by its price per 1M at the default 5:1 mix, or for "any" the member the question back offered as its example.
 * Each family word the line names, or every one when it names none.
 */
function pickedByProperty(snapshot: KnowledgeSnapshot, pending: readonly PendingChoice[], text: string): MentionedModel[] {
  const line = text.trim().toLowerCase();
  // "the newest" is not answered: the knowledge has no release dates to tell it
  const how = CHEAPEST_ONE.test(line) ? "cheapest" : DEAREST_ONE.test(line) ? "dearest" : ANY_ONE.test(line) && !/newest|latest|最新/u.test(line) ? "any" : null;
  if (!how) return [];
  const named = pending.filter((word) => line.includes(word.query.toLowerCase()));
  const d = snapshot.knowledge.defaultWorkload;
  const workload = { inputTokens: d.inputTokens, outputTokens: d.outputTokens, cachedPercent: 0 };
  return (named.length ? named : pending).flatMap((word) => {
    const members = ambiguousOf(snapshot, [word])[0]?.candidates ?? [];
    // the cheapest or dearest of the whole family, not only of the few the question back listed
    const family = normalizeName(word.query);
    // a model with a retirement date is not offered as the family's pick (understanding knows no "today")
    const all = snapshot.knowledge.models.filter((m) => normalizeName(`${m.name} ${m.id}`).includes(family) && !m.deprecationDate);
    const priced = all.filter(isPriced).map((model) => ({ model, per1M: blendedPer1M(model, workload) }));
    const chosen = how === "any" ? members[0] : priced.sort((a, b) => (how === "cheapest" ? a.per1M - b.per1M : b.per1M - a.per1M))[0]?.model;
    return chosen ? [{ model: chosen, query: word.query, shorthand: true }] : [];
  });
}
