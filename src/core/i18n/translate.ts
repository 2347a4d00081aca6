import type { Catalogue, Message, MessageKey } from "./catalog.ts";
import { en } from "./en.ts";
import type { Lang } from "./lang.ts";
import { zh } from "./zh.ts";
import { kept } from "../kept.ts";

type Params = Record<string, string | number>;
/** Text that comes with knowledge in every language (task names, article titles, advice). */
type Localized = Record<Lang, string>;

const CATALOGUES: Record<Lang, Catalogue> = { en, zh };
const LOCALES: Record<Lang, string> = { en: "en", zh: "zh-CN" };

/** Templates split once into [text, name, text, name, …, text]: every answer fills dozens of them. */
const splitTemplates = new Map<string, string[]>();
const MAX_SPLIT_TEMPLATES = 10_000;

function fill(template: string, params: Params = {}): string {
  if (!template.includes("{")) return template;
  let parts = splitTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (splitTemplates.size < MAX_SPLIT_TEMPLATES) splitTemplates.set(template, parts);
  }
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    text += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return text;
}

export interface Translator {
  lang: Lang;
  (key: MessageKey, params?: Params): string;
  /** this language's half of text that came with knowledge */
  pick(text: Localized, params?: Params): string;
  /** joins sentences the way each language does: a space in English, nothing in Chinese */
  sentences(parts: string[]): string;
  /** "a, b and c" / "a、b和c" */
  list(items: string[], type?: "conjunction" | "disjunction"): string;
}

const plurals = new Map<Lang, Intl.PluralRules>();
const lists = new Map<string, Intl.ListFormat>();
/** Lists already written (model names, a note's parts): ICU takes microseconds for each; past the bound, afresh. */
const listed = new Map<string, string>();
const MAX_LISTED = 2_000;

function choose(message: Message, lang: Lang, params?: Params): string {
  if (typeof message === "string") return message;
  let rules = plurals.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[lang]);
    plurals.set(lang, rules);
  }
  const count = Number(params?.count ?? 0);
  return (rules.select(count) === "one" ? message.one : undefined) ?? message.other;
}

const translators = new Map<Lang, Translator>();

/** The translator for `lang`: one per language, built on first use (every answer asks for it). */
export function translator(lang: Lang): Translator {
  return kept(translators, lang, buildTranslator);
}

function buildTranslator(lang: Lang): Translator {
  const table = CATALOGUES[lang];
  const t = ((key: MessageKey, params?: Params) => fill(choose(table[key], lang, params), params)) as Translator;
  t.lang = lang;
  t.pick = (text, params) => fill(text[lang], params);
  t.sentences = (parts) => parts.filter(Boolean).join(lang === "zh" ? "" : " ");
  t.list = (items, type = "conjunction") => {
    const key = `${lang}:${type}`;
    let format = lists.get(key);
    if (!format) {
      format = new Intl.ListFormat(LOCALES[lang], { type });
      lists.set(key, format);
    }
    if (items.length < 2) return items[0] ?? "";
    const listKey = `${key}:${items.join("\u0000")}`;
    let text = listed.get(listKey);
    if (text === undefined) {
      text = format.format(items);
      if (listed.size >= MAX_LISTED) listed.clear();
      listed.set(listKey, text);
    }
    return text;
  };
  return t;
}

/** A tier's name, or "catalog" for models from the full price map that have none. */
export function tierLabel(t: Translator, tier: "ultra-low" | "balanced" | "premium" | null): string {
  return t(tier ? `tier.${tier}` : "tier.catalog");
}
