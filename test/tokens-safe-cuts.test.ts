import fc from "fast-check";
import { get_encoding } from "tiktoken";
import { afterAll, describe, expect, it } from "vitest";
import { isSafeCut, safeCuts, splitAt } from "../src/core/tokens/index.ts";

/** tiktoken itself (WASM) is the reference: fast on short texts, and its whitespace is the one the cut rules use. */
const oracle = { o200k_base: get_encoding("o200k_base"), cl100k_base: get_encoding("cl100k_base") };
afterAll(() => {
  oracle.o200k_base.free();
  oracle.cl100k_base.free();
});

/** Texts dense in the characters the cut rules look at: spaces, line breaks, letters, marks, apostrophes, punctuation. */
const unit = fc.constantFrom(
  " ",
  "  ",
  "\n",
  "\r\n",
  "\t",
  "\u3000",
  "a",
  "B",
  "it's",
  "'",
  "'S",
  "’",
  "e\u0301",
  "\u0301",
  "中",
  "文",
  "𠀀",
  "，",
  "。",
  "、",
  "!",
  ".",
  "?",
  "(",
  ")",
  "-",
  "/",
  "1",
  "23",
  "٣",
  "😀",
  "<|endoftext|>",
  "ǅ",
  "ſ",
  "\u00a0",
  "\u0085",
  "\ufeff",
  "x\n",
  "\n\n",
  "é",
);
const text = fc.oneof(
  fc.array(unit, { maxLength: 60 }).map((u) => u.join("")),
  fc.string({ unit: "grapheme", maxLength: 80 }),
);

describe("safe cuts", () => {
  for (const encoding of ["o200k_base", "cl100k_base"] as const) {
    const count = (t: string) => oracle[encoding].encode_ordinary(t).length;
    it(`at every position isSafeCut accepts, the two parts' counts add up to the whole's (${encoding})`, () => {
      fc.assert(
        fc.property(text, (t) => {
          for (let i = 1; i < t.length; i++) if (isSafeCut(t, i)) expect(count(t.slice(0, i)) + count(t.slice(i)), `cut at ${i}`).toBe(count(t));
        }),
        { numRuns: 1500 },
      );
    });
  }

  it("safeCuts gives increasing positions inside the text, each one safe", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 8 }), (t, parts) => {
        const cuts = safeCuts(t, parts);
        expect(cuts.length).toBeLessThan(parts);
        cuts.forEach((cut, k) => {
          expect(isSafeCut(t, cut)).toBe(true);
          if (k > 0) expect(cut).toBeGreaterThan(cuts[k - 1]!);
        });
        expect(splitAt(t, cuts).join("")).toBe(t);
      }),
    );
  });

  it("finds cuts in English, Chinese with punctuation and code, and none in one unbroken Chinese run", () => {
    expect(safeCuts("The price fell. It fell again.", 2)).toEqual([15]);
    expect(safeCuts("深度求索发布了模型，价格很低。", 2)).toEqual([9]);
    expect(safeCuts("if (a) {\nreturn b;\n}", 2)).toEqual([15]);
    expect(safeCuts("深度求索发布了模型价格很低", 4)).toEqual([]);
  });

  it("rejects cuts that would change the count (inside a word, before a contraction, inside whitespace)", () => {
    expect(isSafeCut("hello", 2)).toBe(false);
    expect(isSafeCut("it's", 2)).toBe(false);
    expect(isSafeCut("a   b", 2)).toBe(false);
    const o = oracle.o200k_base;
    expect(o.encode_ordinary("he").length + o.encode_ordinary("llo").length).not.toBe(o.encode_ordinary("hello").length);
  });
});
