import type { DictGroup, DictLike } from "opencc-js/core";

/**
 * A dictionary's phrases and replacements, alternating (from, to, from, to …): split once however many tables load
 * it, so the tables share its strings.
 */
const entriesOf = new Map<DictLike, readonly string[]>();

function entries(dict: DictLike): readonly string[] {
  let found = entriesOf.get(dict);
  if (!found) {
    found = typeof dict !== "string" ? dict.flat() : dict === "" ? [] : dict.split(/[| ]/);
    entriesOf.set(dict, found);
  }
  return found;
}

/** Phrase lengths up to this many UTF-16 units are kept as bits; OpenCC's longest today is 15 characters. */
const MASK_LENGTHS = 30;

const codePointLength = (text: string, at: number) => ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);

/** How many parts an Ideographic Description Character (U+2FF0–U+2FFF) takes: such a sequence is one unit, as OpenCC reads it. */
function idsArity(codePoint: number): number {
  if (codePoint >= 0x2ff0 && codePoint <= 0x2ff1) return 2;
  if (codePoint >= 0x2ff2 && codePoint <= 0x2ff3) return 3;
  if (codePoint >= 0x2ff4 && codePoint <= 0x2fff) return 2;
  return 0;
}
const IDS = /[\u2ff0-\u2fff]/;

/**
 * Where the Ideographic Description Sequence starting at each position ends (0: none), by OpenCC's rule. OpenCC
 * works this out recursively afresh at every position, which takes exponential time: 50 of U+2FF0 in a row held a
 * thread for 5 s. Each position's end depends only on later ones, so one pass from the end gives them all.
 */
function idsEnds(text: string): Int32Array {
  const ends = new Int32Array(text.length + 1);
  for (let at = text.length - 1; at >= 0; at--) {
    const arity = idsArity(text.codePointAt(at)!);
    if (arity === 0) continue;
    let end = at + codePointLength(text, at);
    for (let part = 0; part < arity && end !== 0; part++) end = end >= text.length ? 0 : ends[end] || end + codePointLength(text, end);
    ends[at] = end;
  }
  return ends;
}

/**
 * OpenCC's Trie (opencc-js/core) with the same longest-match conversion and segmentation, its phrases kept in one Map
 * instead of a Map per character: the Traditional converters take a quarter of the memory.
 */
export class PhraseTable {
  private readonly phrases = new Map<string, string>();
  /** per first UTF-16 unit, the phrase lengths (in units, as bits: 1 << length) starting with it */
  private readonly lengths = new Map<number, number>();
  /** the longest phrase over MASK_LENGTHS units, or 0 */
  private longest = 0;

  /** Loads a dictionary group as OpenCC does: the last dictionary first, so an earlier one's entry wins. */
  constructor(group: DictGroup) {
    for (const dict of [...group].reverse()) {
      const list = entries(dict);
      for (let i = 0; i < list.length; i += 2) {
        const from = list[i]!;
        this.phrases.set(from, list[i + 1]!);
        if (from.length > MASK_LENGTHS) this.longest = Math.max(this.longest, from.length);
        else this.lengths.set(from.charCodeAt(0), (this.lengths.get(from.charCodeAt(0)) ?? 0) | (1 << from.length));
      }
    }
  }

  /** The longest phrase starting at `at`: its end and replacement, or null. Only lengths some phrase has are tried. */
  private match(text: string, at: number): { end: number; value: string } | null {
    for (let length = Math.min(this.longest, text.length - at); length > MASK_LENGTHS; length--) {
      const value = this.phrases.get(text.slice(at, at + length));
      if (value !== undefined) return { end: at + length, value };
    }
    let lengths = this.lengths.get(text.charCodeAt(at)) ?? 0;
    while (lengths !== 0) {
      const length = 31 - Math.clz32(lengths);
      lengths &= ~(1 << length);
      if (at + length > text.length) continue;
      const value = this.phrases.get(text.slice(at, at + length));
      if (value !== undefined) return { end: at + length, value };
    }
    return null;
  }

  /** The text cut into phrases and the runs between them, as OpenCC segments it. */
  segment(text: string): string[] {
    return this.walk(text, (matched) => text.slice(matched.start, matched.end));
  }

  convert(text: string): string {
    return this.walk(text, (matched) => matched.value).join("");
  }

  private walk(text: string, onMatch: (matched: { start: number; end: number; value: string }) => string): string[] {
    const ends = IDS.test(text) ? idsEnds(text) : null;
    const out: string[] = [];
    let unmatchedFrom = -1;
    for (let at = 0; at < text.length; ) {
      const matched = this.match(text, at);
      if (matched) {
        if (unmatchedFrom >= 0) out.push(text.slice(unmatchedFrom, at));
        unmatchedFrom = -1;
        out.push(onMatch({ start: at, ...matched }));
        at = matched.end;
      } else {
        if (unmatchedFrom < 0) unmatchedFrom = at;
        const idsEnd = ends?.[at] ?? 0;
        at = idsEnd > at ? idsEnd : at + codePointLength(text, at);
      }
    }
    if (unmatchedFrom >= 0) out.push(text.slice(unmatchedFrom));
    return out;
  }
}
