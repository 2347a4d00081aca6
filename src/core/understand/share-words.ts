// Shares said as percentages or in tenths (七成): of the cache, of utilization, or of the volume on one side.

export const PERCENT_AFTER = /^\s?(?:%|％|percent|pct)/u;
export const PERCENT_BEFORE = /百分之$/u;
/** "75% input", "input 75%", "输入占 80%": a share of the volume on one side. */
export const SHARE_INPUT = /^\s?[%％]?\s?(?:(?:of (?:it|the tokens|tokens) )?(?:is |are )?(?:input|prompt|in\b)|(?:是|系)?\s?(?:输入|input))/u;
export const SHARE_OUTPUT = /^\s?[%％]?\s?(?:(?:of (?:it|the tokens|tokens) )?(?:is |are )?(?:output|completion|out\b)|(?:是|系)?\s?(?:输出|output))/u;
export const SHARE_INPUT_BEFORE = /(?:input|prompt|输入)\s?(?:is|are|share|占|占比|比例)?\s?(?:约|大概)?\s?$/u;
export const SHARE_OUTPUT_BEFORE = /(?:output|completion|输出)\s?(?:is|are|share|占|占比|比例)?\s?(?:约|大概)?\s?$/u;
export const CACHE_WORDS = /cach|缓存|快取|命中|\bhits?\b|hit rate|reuse/u;
export const UTIL_WORDS = /util|利用率|负载|busy|\bload\b|使用率|占用/u;

/** "七成输入", "三成命中缓存", "利用率七成": each tenth said with 成, and what it is a share of. */
export function tenthsOf(text: string): { percent: number; of: "utilization" | "cache" | "input" | "output" }[] {
  const found: { percent: number; of: "utilization" | "cache" | "input" | "output" }[] = [];
  for (const match of text.matchAll(/([一二三四五六七八九])成/gu)) {
    const percent = ({ 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 } as Record<string, number>)[match[1]!]! * 10;
    const around = text.slice(Math.max(0, match.index - 12), match.index + 6);
    const before = text.slice(0, match.index);
    const after = text.slice(match.index + match[0].length);
    const clause = after.split(/[，,。;；]/u)[0]!;
    if (UTIL_WORDS.test(around)) found.push({ percent, of: "utilization" });
    else if (CACHE_WORDS.test(around) || CACHE_WORDS.test(clause)) found.push({ percent, of: "cache" });
    // "七成输入", "输出占三成": a share of the volume on one side
    else if (SHARE_INPUT.test(after) || SHARE_INPUT_BEFORE.test(before)) found.push({ percent, of: "input" });
    else if (SHARE_OUTPUT.test(after) || SHARE_OUTPUT_BEFORE.test(before)) found.push({ percent, of: "output" });
  }
  return found;
}
