import type { KnowledgeBase } from "../../core/knowledge-base.ts";
import { normalizeName } from "../../core/names.ts";
import type { Lang } from "../../core/lang.ts";
import type { Model } from "../../core/knowledge/schema.ts";

export interface Choice {
  name: string;
  value: string;
}

const MAX_CHOICES = 25;

function modelChoices(kb: KnowledgeBase, typed: string): Choice[] {
  const key = normalizeName(typed);
  const models = kb.knowledge.models;
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
    kb.resolver.search(typed, MAX_CHOICES).forEach(add);
  }
  return found.map((m) => ({ name: `${m.name} · ${m.provider}`.slice(0, 100), value: m.id }));
}

/** Choices for whichever option the user is typing in: models, GPUs or task words. At most 25, from memory. */
export function autocompleteChoices(kb: KnowledgeBase, option: string, typed: string, lang: Lang): Choice[] {
  if (/^model\d?$/.test(option)) return modelChoices(kb, typed);
  const lower = typed.toLowerCase();
  if (option === "gpu") {
    return kb.knowledge.selfhost.gpus
      .filter((g) => !lower || [g.id, g.name, ...g.aliases].some((n) => n.toLowerCase().includes(lower)))
      .map((g) => ({ name: g.name, value: g.id }));
  }
  if (option === "task") {
    return kb.knowledge.tasks
      .map((task) => task.words.find((w) => (lang === "zh") === /\p{Script=Han}/u.test(w)) ?? task.words[0]!)
      .filter((word) => !lower || word.toLowerCase().includes(lower))
      .slice(0, MAX_CHOICES)
      .map((word) => ({ name: word, value: word }));
  }
  return [];
}
