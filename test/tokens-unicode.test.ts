import { get_encoding } from "tiktoken";
import { afterAll, describe, expect, it } from "vitest";
import { countTokens } from "../src/core/tokens/index.ts";
import { L, lowerWord, M, N, UNICODE_VERSION, upperWord } from "../src/core/tokens/unicode-classes.mjs";

/**
 * tiktoken (OpenAI's Rust, as WASM) classifies characters by the Unicode version its regex crate shipped with; the
 * counter's pinned classes must give the same counts whichever Unicode the running Node's ICU follows.
 */
const tiktoken = get_encoding("o200k_base");
afterAll(() => tiktoken.free());

const pinnedAndIcu: [string, string][] = [
  [L, "\\p{L}"],
  [M, "\\p{M}"],
  [N, "\\p{N}"],
  [upperWord, "\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}"],
  [lowerWord, "\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}"],
];
const classes = pinnedAndIcu.map(([pinned, icu]) => [new RegExp(`^[${pinned}]$`, "u"), new RegExp(`^[${icu}]$`, "u")] as const);

/** Code points (surrogates aside) whose class the running Node's \p{…} gives differently from the pinned tables. */
function icuDisagreements(): number[] {
  const found: number[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp === 0xd800) cp = 0xe000;
    const c = String.fromCodePoint(cp);
    if (classes.some(([pinned, icu]) => pinned.test(c) !== icu.test(c))) found.push(cp);
  }
  return found;
}

/** Shapes in which a code point's class decides where pieces end: after a letter, a digit, punctuation, before 'A. */
const SHAPES = ["X'A", "aX", "AXa", "1X", "!X", " X!"];
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

describe(`token counts on code points whose Unicode category changed (pinned to Unicode ${UNICODE_VERSION})`, () => {
  it("equal tiktoken's on every code point the running Node's Unicode classifies differently", async () => {
    const disagreements = icuDisagreements();
    // U+088F is a letter from Unicode 17 on: a Node whose ICU agrees with the pinned version still counts it here
    const tested = [...new Set([0x088f, 0x0897, 0x1c89, 0xa7cb, ...disagreements])];
    const wrong: string[] = [];
    for (const cp of tested) {
      for (const shape of SHAPES) {
        const text = shape.replace("X", String.fromCodePoint(cp));
        const expected = tiktoken.encode_ordinary(text).length;
        const counted = await countTokens(text);
        if (counted !== expected) wrong.push(`${hex(cp)} in ${JSON.stringify(shape)}: ${counted}, tiktoken ${expected}`);
      }
    }
    expect(wrong.slice(0, 10), `${wrong.length} of ${tested.length * SHAPES.length} probes differ`).toEqual([]);
  });

  it("equal tiktoken's on every code point of the basic and supplementary planes, in bulk", async () => {
    const wrong: string[] = [];
    const planes: [number, number][] = [
      [0, 0x20000],
      [0xe0000, 0xe1000],
    ];
    for (const [from, to] of planes) {
      for (let base = from; base < to; base += 4096) {
        let text = "";
        for (let cp = base; cp < base + 4096; cp++) {
          if (cp >= 0xd800 && cp <= 0xdfff) continue;
          const c = String.fromCodePoint(cp);
          text += `${c}'A a${c} 1${c}!`;
        }
        const expected = tiktoken.encode_ordinary(text).length;
        const counted = await countTokens(text);
        if (counted !== expected) wrong.push(`${hex(base)}–${hex(base + 4095)}: ${counted}, tiktoken ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
