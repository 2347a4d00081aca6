import type { Lang } from "../lang.ts";
import { en, zh, type MessageKey } from "./messages.ts";

export type Params = Record<string, string | number>;
export type Bilingual = Record<Lang, string>;

export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export interface Translator {
  lang: Lang;
  (key: MessageKey, params?: Params): string;
  /** picks this language's half of a bilingual phrase and fills it */
  pick(phrase: Bilingual, params?: Params): string;
  /** joins sentences the way each language does: a space in English, nothing in Chinese */
  sentences(parts: string[]): string;
}

export function translator(lang: Lang): Translator {
  const table = lang === "zh" ? zh : en;
  const t = ((key: MessageKey, params?: Params) => fill(table[key], params)) as Translator;
  t.lang = lang;
  t.pick = (phrase, params) => fill(phrase[lang], params);
  t.sentences = (parts) => parts.filter(Boolean).join(lang === "zh" ? "" : " ");
  return t;
}

/** A tier's name, or "catalog" for models from the full LiteLLM catalog, which have none. */
export function tierLabel(t: Translator, tier: "ultra-low" | "balanced" | "premium" | null): string {
  return t(tier ? `tier.${tier}` : "tier.catalog");
}
