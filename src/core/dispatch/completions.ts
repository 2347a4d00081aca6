import type { CompletionSource } from "./command.ts";
import type { Lang } from "../i18n/lang.ts";
import type { Model } from "../knowledge/schema.ts";
import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import { normalizeName } from "../models/names.ts";

export interface Choice {
  name: string;
  value: string;
}

const MAX_CHOICES = 25;
/** Longer typed text is no name: completing it would only cost time. */
const MAX_TYPED = 100;

function modelChoices(snapshot: KnowledgeSnapshot, typed: string): Choice[] {
  const key = normalizeName(typed);
  const models = snapshot.knowledge.models;
  const found: Model[] = [];
  const add = (model: Model) => {
    if (!found.includes(model) && found.length < MAX_CHOICES) found.push(model);
  };
  if (!key) {
    models.filter((m) => m.featured).forEach(add);
    models.forEach(add);
  } else {
    const names = (m: Model) => [m.id, m.name, ...m.aliases, ...m.aliasesZh].map(normalizeName);
    models.filter((m) => names(m).some((n) => n.startsWith(key))).forEach(add);
    models.filter((m) => names(m).some((n) => n.includes(key))).forEach(add);
    snapshot.resolver.search(typed, MAX_CHOICES).forEach(add);
  }
  return found.map((m) => ({ name: `${m.name} · ${m.provider}`.slice(0, 100), value: m.id }));
}

/** Choices for an option the user is typing in, from the source its spec declares: at most 25, from memory. */
export function completionChoices(snapshot: KnowledgeSnapshot, source: CompletionSource, typed: string, lang: Lang): Choice[] {
  if (typed.length > MAX_TYPED) return [];
  if (source === "models") return modelChoices(snapshot, typed);
  const lower = typed.toLowerCase();
  if (source === "gpus") {
    return snapshot.knowledge.serving.gpus
      .filter((g) => !lower || [g.id, g.name, ...g.aliases].some((n) => n.toLowerCase().includes(lower)))
      .slice(0, MAX_CHOICES)
      .map((g) => ({ name: g.name, value: g.id }));
  }
  return snapshot.knowledge.tasks
    .map((task) => task.words.find((w) => (lang === "zh") === /\p{Script=Han}/u.test(w)) ?? task.words[0]!)
    .filter((word) => !lower || word.toLowerCase().includes(lower))
    .slice(0, MAX_CHOICES)
    .map((word) => ({ name: word, value: word }));
}
