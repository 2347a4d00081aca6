import { WHITESPACE as WHITESPACE_CLASS } from "./counter.mjs";
import { L, M, N } from "./unicode-classes.mjs";

/**
 * Where a text can be cut so that counting the parts gives exactly the count of the whole. Position i qualifies when
 * tiktoken's pre-tokenizer (both encodings) always ends a piece there AND no match before i can change when the text
 * ends at i. The second holds unless a match ending before i could instead succeed at the end of the text; the only
 * construct that behaves differently at the end is the look-ahead in `\s+(?!\S)`, which needs text[i-1] to be
 * whitespace, and rule B below is covered by the earlier alternative `\s*[\r\n]+`. Pieces never span i because:
 *  A. text[i] is a space and text[i-1] is not whitespace: no alternative puts a space after a non-space
 *     (a space only ever opens a piece: " ?[^\s\p{L}\p{N}]+", the optional prefix of a word, or a whitespace run).
 *  B. text[i-1] is "\n" and text[i] a letter: a line break only ends a punctuation piece or sits in a whitespace
 *     run, and no piece has a letter after a line break.
 *  C. text[i-1] is a letter and text[i] is none of whitespace, letter, mark, digit or ' : words end at a character
 *     that is not a letter, mark or contraction ("'s", "'t", …); such a character only ever opens a piece.
 * test/tokens-safe-cuts.test.ts checks every qualifying position of random texts against js-tiktoken.
 */
const LETTER = new RegExp(`[${L}]`, "u");
const WORD_END = new RegExp(`[${WHITESPACE_CLASS}${L}${M}${N}']`, "u");
const WHITESPACE = new RegExp(`[${WHITESPACE_CLASS}]`, "u");

export function isSafeCut(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const before = text[i - 1]!;
  const at = text[i]!;
  if (at === " ") return !WHITESPACE.test(before);
  if (before === "\n") return LETTER.test(at);
  // A surrogate pair is one letter to the pattern; never cut inside it.
  if (isLowSurrogate(at.charCodeAt(0))) return false;
  return !WORD_END.test(String.fromCodePoint(text.codePointAt(i)!)) && LETTER.test(codePointBefore(text, i));
}

/** How far past an even share safeCuts looks for a cut: bounds the main thread's work on text without any. */
const SEARCH_CHARS = 65_536;

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function codePointBefore(text: string, i: number): string {
  const last = text.charCodeAt(i - 1);
  return isLowSurrogate(last) && i >= 2 ? text.slice(i - 2, i) : text[i - 1]!;
}

/** Up to parts - 1 safe cuts, each the first one within SEARCH_CHARS after an even share of the text; none where there is none. */
export function safeCuts(text: string, parts: number): number[] {
  const cuts: number[] = [];
  for (let k = 1; k < parts; k++) {
    let i = Math.max(Math.floor((text.length * k) / parts), (cuts.at(-1) ?? 0) + 1);
    const end = Math.min(text.length, i + SEARCH_CHARS);
    while (i < end && !isSafeCut(text, i)) i++;
    if (i < end) cuts.push(i);
  }
  return cuts;
}

export function splitAt(text: string, cuts: number[]): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    parts.push(text.slice(start, cut));
    start = cut;
  }
  parts.push(text.slice(start));
  return parts;
}
