import { sharedConverter } from "./shared-converters.ts";

/** The two ways Chinese is written: answers to a question in Traditional characters are written in Traditional. */
export type Script = "Hans" | "Hant";

type Convert = (text: string) => string;

/**
 * A converter built on first use (a Traditional one takes a few hundred milliseconds, and most answers never need
 * one), remembering its last text: an answer asks about its question's script and reads it in Simplified, three
 * conversions of the same text.
 */
const REMEMBERED_CHARS = 4_096;

function lazily(build: () => Convert): Convert {
  let convert: Convert | null = null;
  let lastText: string | null = null;
  let lastConverted = "";
  return (text) => {
    if (text === lastText) return lastConverted;
    convert ??= build();
    const converted = convert(text);
    // a question, not a paste: a paste is converted once, and not kept
    if (text.length <= REMEMBERED_CHARS) {
      lastText = text;
      lastConverted = converted;
    }
    return converted;
  };
}
/**
 * Taiwan's usage where OpenCC's phrase table keeps the mainland word (quality is 品质 there, a bill 帐单), written
 * in Simplified like every catalogue and turned Traditional character for character when first needed.
 */
const TAIWAN_USAGE = { 质量: "品质", 账: "帐", 批处理: "批次处理", 错峰: "离峰", 提供商: "供应商", 运维: "维运", 文本排行榜: "文字排行榜" };
/** GPUs are counted with 张 in Taiwan ("4 张 H100"), not 块, which stays for money ("5 块钱"). */
const GPU_COUNTED = "(?<=[\\d几多少每这一两]\\s?)块(?!钱)";
const toHant = lazily(() => {
  const convert = sharedConverter("s2twp");
  const usage = new Map(Object.entries(TAIWAN_USAGE).map(([mainland, taiwan]) => [hansCharsToHant(mainland), hansCharsToHant(taiwan)]));
  const mainland = new RegExp([...usage.keys()].join("|"), "gu");
  const counted = new RegExp(hansCharsToHant(GPU_COUNTED), "gu");
  const card = hansCharsToHant("张");
  return (text) =>
    convert(text)
      .replace(mainland, (word) => usage.get(word)!)
      .replace(counted, card);
});
const toHans = lazily(() => sharedConverter("tw2sp"));
// characters only, no phrases: which script a text is in is a matter of its characters ("向量" is a word in both)
const hantCharsToHans = lazily(() => sharedConverter("tw2s"));
const hansCharsToHant = lazily(() => sharedConverter("s2tw"));

const HAN = /\p{Script=Han}/u;

/** Names Simplified writes with a character OpenCC reads as Traditional (Huawei's 昇腾): no sign of either script. */
const SIMPLIFIED_NAMES = /昇腾/gu;

/** True when the text has a character Simplified writes otherwise (價, 個, 還). */
function hasTraditional(text: string): boolean {
  const own = text.replace(SIMPLIFIED_NAMES, "");
  return HAN.test(own) && hantCharsToHans(own) !== own;
}

/**
 * Taiwan's words written in characters both scripts share. A short list, not OpenCC's whole phrase table: that table
 * also maps words mainland Chinese uses in their own sense (程序 → 进程), which would make a Simplified line Traditional.
 */
const TAIWAN_WORDS = /快取|程式|影片|伺服器|批次|晶片|演算法|位元|介面|硬碟|串流/u;

/** True when the text uses one of Taiwan's words written in shared characters (快取, 程式, 影片, 伺服器, 批次). */
function hasTaiwanWords(text: string): boolean {
  return TAIWAN_WORDS.test(text);
}

/** A quoted span: what the asker typed, named back, or a source's own words. */
const QUOTED = /“[^“”]*”|"[^"\n]*"/gu;

/**
 * Simplified → Traditional with Taiwan's own words (显卡 → 顯示卡, 缓存 → 快取): OpenCC, the well-kept converter made
 * for this, instead of a hand-kept table that misses every new word.
 */
export function toTraditional(text: string): string {
  if (!HAN.test(text)) return text;
  // a quote already in Traditional is what the asker typed, named back as typed: OpenCC would still make its 台 臺;
  // one in Simplified (the article's own words) changes script, never words: Taiwan's phrase table would swap its 批量
  // (bulk) for the word for a batch job
  let converted = "";
  let at = 0;
  for (const quote of text.matchAll(QUOTED)) {
    converted += toHant(text.slice(at, quote.index)) + (hasTraditional(quote[0]) ? quote[0] : hansCharsToHant(quote[0]));
    at = quote.index + quote[0].length;
  }
  return at === 0 ? toHant(text) : converted + toHant(text.slice(at));
}

/**
 * A Traditional text (with Taiwan's words: 快取 → 缓存) as Simplified, so a question is read by the one set of Chinese
 * word lists, character for character; any other text as it is (a Simplified question's words are never swapped for
 * others). In a Traditional conversation a line no character tells ("快取 50% 呢") is read with Taiwan's words too.
 */
export function toSimplified(text: string, script?: Script | null): string {
  if (!HAN.test(text)) return text;
  const characters = hantCharsToHans(text);
  if (characters === text && script !== "Hant" && !hasTaiwanWords(text)) return text;
  // Taiwan's words only where they keep the text's length (快取 → 缓存), so a position in it still points at what was typed
  const words = toHans(text);
  return words.length === characters.length ? words : characters;
}

/** Builds every converter ahead of use (a few hundred milliseconds), so no answer waits for one. */
export function warmScriptConverters(): void {
  for (const convert of [toHant, toHans, hantCharsToHans, hansCharsToHant]) convert("中");
}

/** A platform locale's script: zh-TW, zh-HK, zh-MO and zh-Hant are Traditional; other Chinese locales Simplified. */
export function scriptFromLocale(locale: string | null | undefined): Script | null {
  if (!locale || !/^zh\b/i.test(locale)) return null;
  return /^zh[-_](?:tw|hk|mo|hant)\b/i.test(locale) ? "Hant" : "Hans";
}

/**
 * The script of a Chinese answer: Traditional for a question with a character Simplified writes otherwise (價, 個,
 * 還) or Taiwan's words (快取, 程式); else the conversation's (a follow-up "那 claude 呢" in a Traditional
 * conversation stays Traditional), else the platform locale's, unless the question has a character only Simplified
 * writes; else Simplified.
 */
export function answerScript(question: string, conversation: Script | null | undefined, hint: Script | null | undefined): Script {
  const fallback = conversation ?? hint ?? "Hans";
  if (!HAN.test(question)) return fallback;
  // Taiwan's words tell Traditional only where no character only Simplified writes says otherwise ("伺服器…吗")
  if (hasTraditional(question) || (hasTaiwanWords(question) && hansCharsToHant(question) === question)) return "Hant";
  return fallback === "Hant" && hansCharsToHant(question) !== question ? "Hans" : fallback;
}

/** Text in the given script: Simplified text (every catalogue and the knowledge are Simplified) turned Traditional where asked. */
export function inScript(text: string, script: Script | null | undefined): string {
  return script === "Hant" ? toTraditional(text) : text;
}
