import { readdirSync, readFileSync } from "node:fs";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { type ConversionName, sharedConverter } from "../src/core/i18n/shared-converters.ts";

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
});
