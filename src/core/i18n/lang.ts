/** The languages answers are written in. A third one needs a catalogue (i18n/<lang>.ts) and a detector below. */
const LANGS = ["en", "zh"] as const;
export type Lang = (typeof LANGS)[number];

/** Writing systems that mean one of our languages; the first that matches a text wins. Japanese kana is not Chinese. */
const DETECTORS: { lang: Lang; test: (text: string) => boolean }[] = [
  { lang: "zh", test: (text) => /\p{Script=Han}/u.test(text) && !/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text) },
];

/** The language of a question: its script when that names one of ours, else the surface's hint, else English. */
export function detectLang(text: string, hint?: Lang | null): Lang {
  for (const detector of DETECTORS) if (detector.test(text)) return detector.lang;
  return hint ?? "en";
}

/** A platform locale ("zh-CN", "zh-TW", "en-US") → one of our languages, or null. */
export function langFromLocale(locale: string | null | undefined): Lang | null {
  if (!locale) return null;
  const base = locale.toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(base ?? "") ? (base as Lang) : null;
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}
