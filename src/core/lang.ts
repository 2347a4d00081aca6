import type { Lang } from "./knowledge/article.ts";

export type { Lang };

/** Chinese characters anywhere in the question mean a Chinese answer; otherwise the surface's hint or English. */
export function detectLang(text: string, hint?: Lang | null): Lang {
  if (/\p{Script=Han}/u.test(text)) return "zh";
  return hint ?? "en";
}

export function langFromLocale(locale: string | null | undefined): Lang | null {
  if (!locale) return null;
  return /^zh\b/i.test(locale) ? "zh" : null;
}
