// "70% are simple (800 in, 150 out), 30% need retrieval (3k in, 400 out)": requests of several sizes in stated shares,
// read as one request of their weighted average size.

import type { FoundNumber } from "./numbers.ts";
import { INPUT_AFTER, INPUT_BEFORE, OUTPUT_AFTER, OUTPUT_BEFORE } from "./side-words.ts";

/** One kind of request in the mix: its share of the requests and its size. */
export interface MixPart {
  share: number;
  input: number;
  output: number;
}

export interface RequestMix {
  parts: MixPart[];
  /** the weighted average request */
  input: number;
  output: number;
  /** every number the mix was read from (shares and sizes): nothing else reads them */
  numbers: ReadonlySet<FoundNumber>;
}

/** A share of the requests: "70%", "七成". */
const PERCENT_AFTER = /^\s?[%％]/u;
const TENTHS_AFTER = /^成/u;
/** How far after its share a part's sizes may be said. */
const PART_CHARS = 60;
/** Shares that add up to the whole, give or take rounding ("33% … 67%"). */
const WHOLE = { min: 98, max: 102 };

function shareOf(text: string, n: FoundNumber): number | undefined {
  const right = text.slice(n.end, n.end + 2);
  if (PERCENT_AFTER.test(right) && n.value > 0 && n.value < 100) return n.value;
  if (TENTHS_AFTER.test(right) && n.value >= 1 && n.value <= 9 && Number.isInteger(n.value)) return n.value * 10;
  return undefined;
}

/** The side a size is said on, read with the words every other size is read with. */
function sideOf(text: string, n: FoundNumber): "input" | "output" | undefined {
  const right = text.slice(n.end, n.end + 20);
  const left = text.slice(Math.max(0, n.start - 20), n.start);
  if (INPUT_AFTER.test(right) || INPUT_BEFORE.test(left)) return "input";
  if (OUTPUT_AFTER.test(right) || OUTPUT_BEFORE.test(left)) return "output";
  return undefined;
}

/** The mix a line describes, when two or more shares that make the whole each come with an input and an output size. */
export function requestMix(text: string, numbers: readonly FoundNumber[]): RequestMix | undefined {
  const parts: MixPart[] = [];
  const used = new Set<FoundNumber>();
  for (let i = 0; i < numbers.length; i++) {
    const share = shareOf(text, numbers[i]!);
    if (share === undefined) continue;
    const sizes: Partial<Record<"input" | "output", FoundNumber>> = {};
    for (let j = i + 1; j < numbers.length && numbers[j]!.start - numbers[i]!.end <= PART_CHARS; j++) {
      if (shareOf(text, numbers[j]!) !== undefined) break;
      const side = sideOf(text, numbers[j]!);
      if (side) sizes[side] ??= numbers[j]!;
    }
    if (!sizes.input || !sizes.output) continue;
    parts.push({ share, input: sizes.input.value, output: sizes.output.value });
    for (const n of [numbers[i]!, sizes.input, sizes.output]) used.add(n);
  }
  const whole = parts.reduce((sum, part) => sum + part.share, 0);
  if (parts.length < 2 || whole < WHOLE.min || whole > WHOLE.max) return undefined;
  const average = (side: "input" | "output") => parts.reduce((sum, part) => sum + part.share * part[side], 0) / whole;
  return { parts, input: average("input"), output: average("output"), numbers: used };
}
