/**
 * A follow-up that changes the GPU count relative to the last answer: "double the gpus" (×2), "add 2 more", "再加两张卡"
 * (+2), "2 fewer", "少两张" (−2). Read on the Simplified, lower-cased line; null when it states no such change.
 */
export type GpuCountChange = { times: number } | { plus: number };

const N = "(\\d+|a|an|one|two|three|four|six|eight|[一两二三四六八])";
const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, six: 6, eight: 8, 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 六: 6, 八: 8 };
const CARD = "(?:gpus?|cards?|h\\d{3}s?|a100s?|b200s?|l40s?|4090s?|5090s?)";
const DOUBLE = new RegExp(
  `\\b(?:double|twice)\\s(?:the\\s)?(?:number of\\s)?${CARD}|${CARD}\\s?(?:x|×)\\s?2\\b|(?:卡|gpu|显卡)(?:数|数量)?(?:翻倍|加倍|翻一番)|(?:翻倍|加倍)(?:卡|gpu|显卡)`,
  "u",
);
const MORE = new RegExp(
  `\\b(?:add|plus|with|and|another)?\\s?${N}\\s(?:more|extra|additional)\\b(?:\\s${CARD})?|\\badd\\s${N}\\s${CARD}|(?:再|多)加?${N}\\s?(?:张|块|片)(?:卡|gpu|显卡)?|加${N}\\s?(?:张|块)(?:卡|gpu|显卡)?`,
  "u",
);
const FEWER = new RegExp(`\\b${N}\\s(?:fewer|less)\\b(?:\\s${CARD})?|\\b(?:remove|drop|minus)\\s${N}\\s${CARD}|(?:少|减|减少|去掉)${N}\\s?(?:张|块)(?:卡|gpu|显卡)?`, "u");

const count = (word: string | undefined) => (word === undefined ? undefined : (NUMBERS[word] ?? Number(word)));

export function gpuCountChangeOf(text: string): GpuCountChange | null {
  if (DOUBLE.test(text)) return { times: 2 };
  const more = MORE.exec(text);
  const added = count(more?.slice(1).find((g) => g !== undefined));
  if (added && Number.isInteger(added) && added > 0 && added <= 64) return { plus: added };
  const fewer = FEWER.exec(text);
  const removed = count(fewer?.slice(1).find((g) => g !== undefined));
  if (removed && Number.isInteger(removed) && removed > 0 && removed <= 64) return { plus: -removed };
  return null;
}

/** A follow-up that is a number alone ("what about 4?", "and 8", "4 then?", "ok and with 2 of them?"): after a self-hosting answer, a GPU count. */
const BARE_COUNT =
  /^(?:(?:ok|okay|so|and|then|hmm)[,\s]+)*(?:(?:what|how) about\s?)?(?:(?:what )?if (?:we |i |you )?(?:went|go|move[ds]?|scale[ds]?|bump(?:ed)?|step(?:ped)?)(?: up)? to\s?)?(?:with|on|using|try|or|maybe)?\s?(\d{1,2})\s?(?:of (?:them|those)|gpus?|cards?)?\s?(?:then|instead)?\s?[?？]?$/u;

export function bareGpuCountOf(text: string): number | undefined {
  const n = Number(BARE_COUNT.exec(text.trim())?.[1]);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : undefined;
}

/** The count after the change, never below one GPU. */
export function changedGpuCount(before: number, change: GpuCountChange): number {
  return Math.max(1, "times" in change ? before * change.times : before + change.plus);
}
