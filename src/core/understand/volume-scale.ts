/** "Double it", "10x that", "用量翻倍", "减半": a follow-up that scales the conversation's volume instead of stating one. */
const NOT_A_VOLUME = "(?!\\s*(?:cheaper|dearer|more|less|faster|slower|as (?:cheap|expensive)|便宜|贵|快|慢))";
const SCALES: [RegExp, number | null][] = [
  [new RegExp(`\\b(?:double[sd]?|doubling|twice)\\b${NOT_A_VOLUME}|翻倍|翻一番|加倍|两倍|二倍`, "u"), 2],
  [new RegExp(`\\b(?:triple[sd]?|tripling|thrice|three times)\\b${NOT_A_VOLUME}|三倍`, "u"), 3],
  [new RegExp(`\\b(?:quadruple[sd]?|four times)\\b${NOT_A_VOLUME}|四倍`, "u"), 4],
  [/\b(?:halve[sd]?|half(?: of)? (?:that|it|the (?:volume|traffic|usage|tokens)))\b|减半|砍半|一半/u, 0.5],
  [new RegExp(`\\b(\\d+(?:\\.\\d+)?)\\s?(?:x|×|times)\\b${NOT_A_VOLUME}|(\\d+(?:\\.\\d+)?)\\s?倍${NOT_A_VOLUME}`, "u"), null],
];
/** Beyond these a multiplier is not a plan for more traffic but a slip. */
const LARGEST = 1000;

/** The factor a follow-up scales the volume by, or undefined when it states none. */
export function volumeScaleOf(text: string): number | undefined {
  for (const [pattern, factor] of SCALES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const value = factor ?? Number(match[1] ?? match[2]);
    if (Number.isFinite(value) && value > 0 && value <= LARGEST && value !== 1) return value;
  }
  return undefined;
}
