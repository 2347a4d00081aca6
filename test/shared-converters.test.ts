import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { type ConversionName, sharedConverter } from "../src/core/i18n/shared-converters.ts";
import { answerScript, toSimplified } from "../src/core/i18n/script.ts";

/** Every line with a Chinese character in the answer corpus and the message catalogues: questions and answers in both scripts. */
function chineseLines(): string[] {
  const lines: string[] = [];
  for (const dir of ["eval/answers", "src/core/i18n"]) {
    for (const file of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!file.isFile()) continue;
      lines.push(
        ...readFileSync(`${file.parentPath}/${file.name}`, "utf8")
          .split("\n")
          .filter((line) => /\p{Script=Han}/u.test(line)),
      );
    }
  }
  return lines;
}

const CONVERSIONS: [ConversionName, { from: string; to: string }][] = [
  ["s2twp", { from: "cn", to: "twp" }],
  ["tw2sp", { from: "twp", to: "cn" }],
  ["tw2s", { from: "tw", to: "cn" }],
  ["s2tw", { from: "cn", to: "tw" }],
];

describe("script conversion with shared dictionaries", () => {
  const lines = chineseLines();

  it.each(CONVERSIONS)("%s writes what OpenCC's own converter writes", (name, options) => {
    expect(lines.length).toBeGreaterThan(1000);
    const own = OpenCC.Converter(options);
    const shared = sharedConverter(name);
    const differing = lines.filter((line) => shared(line) !== own(line));
    expect(differing).toEqual([]);
  });

  it("writes Taiwan's words for Simplified ones", () => {
    expect(sharedConverter("s2twp")("显卡缓存")).toBe("顯示卡快取");
    expect(sharedConverter("tw2sp")("顯示卡快取")).toBe("显卡缓存");
  });

  it.each(CONVERSIONS)("%s agrees with OpenCC on arbitrary mixes of phrases, description sequences and other text", (name, options) => {
    const own = OpenCC.Converter(options);
    const shared = sharedConverter(name);
    // OpenCC's own time grows exponentially with description characters in a row: a few keep it quick
    const piece = fc.oneof(
      fc.constantFrom("显卡", "缓存", "軟體", "快取", "程序员", "⿰氵青", "⿱⿰", "⿲", "𠀀", "\ud840", "a", " ", "了", "乾", "干"),
      fc.string({ unit: "grapheme", maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join("");
        expect(shared(text)).toBe(own(text));
      }),
      { numRuns: 400 },
    );
  });

  it("reads a long run of description characters in one pass (OpenCC took 5 s for 50 of them)", () => {
    const pasted = `價格${"⿰".repeat(100_000)}`;
    expect(toSimplified(pasted)).toBe(`价格${"⿰".repeat(100_000)}`);
    expect(answerScript(pasted, null, null)).toBe("Hant");
  });
});
