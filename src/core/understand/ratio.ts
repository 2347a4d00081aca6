// The input:output ratio a question states ("3:1", "输入输出三比一", "half in, half out").

/** "3:1", "4 to 1", "3：1": two numbers that make a ratio, not amounts and not a name. */
const RATIO = /(?<![\d.:：/])(\d+(?:\.\d+)?)\s?(?:[:：比/]|\bto\b)\s?(\d+(?:\.\d+)?)(?![\d.:：]|\s?(?:k|m|b|bn|万|亿|千|tokens?|toks?)(?![a-z]))/gu;
/** Chinese numerals 1–9 at their value's index (两 for 2 at 12). */
const HAN_DIGITS = "零一二三四五六七八九零零两";
const HAN_DIGIT_RATIO = /(?<![零一二两三四五六七八九十百千万亿\d])([一二两三四五六七八九])\s?比\s?([一二两三四五六七八九])(?![零一二两三四五六七八九十百千万亿\d])/gu;
const RATIO_WORDS = /ratio|比例|输入.{0,4}输出|in(?:put)?\s?[:/]\s?out(?:put)?|input to output|in to out|i\/o|split/u;
const RATIO_WINDOW = 30;

/** "输入输出一半一半", "half in, half out": as much output as input. */
const EVEN_SPLIT =
  /(?:输入|输出|进出)[^,，。;；\d]{0,8}(?:一半一半|各(?:占)?一半|对半(?:开)?|五五开)|\bhalf (?:input|in),? half (?:output|out)\b|\b(?:input|in) and (?:output|out) (?:about |roughly )?(?:the same|equal|even|50\/50)\b/u;
/** The input:output ratio a line states, with its span blanked so its numbers are read as nothing else. */
export function readRatio(typed: string): { ratio?: { input: number; output: number }; rest: string } {
  // "三比一", "四比一": a ratio in Chinese numerals, written in digits of the same length
  const text = typed.replace(HAN_DIGIT_RATIO, (_, input: string, output: string) => `${HAN_DIGITS.indexOf(input) % 10}比${HAN_DIGITS.indexOf(output) % 10}`);
  for (const match of text.matchAll(RATIO)) {
    const input = Number(match[1]);
    const output = Number(match[2]);
    const around = text.slice(Math.max(0, match.index - RATIO_WINDOW), match.index + match[0].length + RATIO_WINDOW);
    // "3:1" names a ratio without any word for it; "10:30" needs one
    const plain = /[:：比]/u.test(match[0]) && (input === 1 || output === 1) && Math.max(input, output) <= 100;
    // "80/20" is a ratio only beside words for one; "3/4 of the prompts" or a date is not
    if (match[0].includes("/") && !RATIO_WORDS.test(around)) continue;
    if (!(input > 0 && output > 0) || !(plain || RATIO_WORDS.test(around))) continue;
    const rest = text.slice(0, match.index) + " ".repeat(match[0].length) + text.slice(match.index + match[0].length);
    return { ratio: { input, output }, rest };
  }
  if (EVEN_SPLIT.test(text)) return { ratio: { input: 1, output: 1 }, rest: typed };
  return { rest: typed };
}
