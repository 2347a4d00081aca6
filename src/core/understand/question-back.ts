import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import type { Model } from "../knowledge/schema.ts";
import { normalizeName } from "../names.ts";
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
  if (earlier.intent !== "clarify" || !earlier.pending?.length || now.models.length) return now;
  for (const word of earlier.pending) {
    const named = mentionedModels(snapshot, `${word.query} ${text}`).models.filter((m) => ofFamily(m.model, word));
    if (named.length) return { ...now, models: named.map((m) => ({ ...m, query: text.trim(), shorthand: true })), ambiguous: [] };
  }
  return now;
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
