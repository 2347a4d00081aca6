/**
 * Is an answer's prose in the item's language and script? en: no Chinese; zh-Hans: Chinese in Simplified;
 * zh-Hant: Chinese in Traditional. Quoted text (the user's own words, the article's quotes) and model names are
 * not prose and are taken out first. Characters are classed with OpenCC (opencc-js), not a hand-made list.
 */
import * as OpenCC from "opencc-js";
import type { AnswerLang } from "./answer-corpus.ts";

const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });
const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

const HAN = /\p{Script=Han}/u;
const HAN_RUNS = /\p{Script=Han}+/gu;
/** “…”, "…", 「…」, 『…』, ‘…’: the user's words and the article's are quoted, and are not the answer's prose */
const QUOTED = /“[^”]*”|"[^"\n]*"|「[^」]*」|『[^』]*』|‘[^’]*’/gu;

/**
 * Characters OpenCC changes one way that are also standard in the other script (台灣, 公里, 干涉, 著名, 乾燥, 什么, 划算 …,
 * and Hong Kong forms such as 着 and 税); found by running the product's zh catalogue and the article through it.
 */
const BOTH_SCRIPTS = new Set([..."台里干余系周范制准冲面松谷丑斗只才游征御注志历曆著乾瞭么税兑户着划"]);
/** "1万", "3亿": number notation an English answer may show as an example of what it reads */
const NUMBER_UNITS = /\d+(?:\.\d+)?\s*[十百千万亿萬億]+/gu;

/** Five or more lowercase English words in a row: an English sentence left in a Chinese answer. */
const ENGLISH_RUN = /\b[a-z]{2,}(?:[ ,]+[a-z]{2,}){4,}\b/;

export function isTraditionalOnly(c: string): boolean {
  return !BOTH_SCRIPTS.has(c) && toSimplified(c) !== c;
}

export function isSimplifiedOnly(c: string): boolean {
  return !BOTH_SCRIPTS.has(c) && toTraditional(c) !== c && toSimplified(c) === c;
}

/** The script a Chinese text is written in: Traditional when OpenCC's Traditional→Simplified changes it. */
export function chineseScript(text: string): "zh-Hans" | "zh-Hant" {
  return toSimplified(text) !== text ? "zh-Hant" : "zh-Hans";
}

export interface ProseOptions {
  /** words that are not prose wherever they appear: model names, the question's own words */
  names?: readonly string[];
}

/** The prose with quoted spans and names taken out. */
export function proseOf(segments: readonly string[], options: ProseOptions = {}): string {
  let text = segments.join("\n").replace(QUOTED, " ");
  const names = [...(options.names ?? [])].filter((n) => n.length > 1 || HAN.test(n)).sort((a, b) => b.length - a.length);
  for (const name of names) if (text.includes(name)) text = text.split(name).join(" ");
  return text;
}

function sample(chars: Iterable<string>): string {
  return [...new Set(chars)].slice(0, 8).join("");
}

/** A short reason when the prose is not in the item's language and script, else null. */
export function scriptProblem(prose: string, heading: string, lang: AnswerLang): string | null {
  const han = (lang === "en" ? prose.replace(NUMBER_UNITS, " ") : prose).match(HAN_RUNS) ?? [];
  if (lang === "en") return han.length ? `Chinese in an English answer: ${han.slice(0, 3).join(" ")}` : null;
  if (!HAN.test(heading)) return `an English answer to a ${lang} question (${heading.slice(0, 60)})`;
  const english = ENGLISH_RUN.exec(prose);
  if (english) return `English prose in a Chinese answer: "${english[0].slice(0, 60)}"`;
  const chars = han.join("");
  if (lang === "zh-Hans") {
    const traditional = [...chars].filter(isTraditionalOnly);
    return traditional.length ? `Traditional characters in a Simplified answer: ${sample(traditional)}` : null;
  }
  const simplified = [...chars].filter(isSimplifiedOnly);
  if (simplified.length) return `Simplified characters in a Traditional answer: ${sample(simplified)}`;
  return null;
}
