import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import opentype from "opentype.js";
import { describe, expect, it } from "vitest";
import { CHART_SYMBOLS, fontFilePath, gb2312Characters } from "../src/charts/font-coverage.ts";
import { chartFontMetrics } from "../src/charts/font-metrics.ts";
import { GlyphOutlines } from "../src/charts/glyph-outlines.ts";

const root = join(import.meta.dirname, "..");
const files = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((name) => (statSync(join(root, dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));

/** The font as an independent parser sees it, to check both the subset and our own cmap reader. */
const parsed = (() => {
  const bytes = readFileSync(fontFilePath());
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
})();
const hasGlyph = (char: string) => parsed.charToGlyph(char).index !== 0;

describe("chart font subset", () => {
  it("is about 2.5 MB, committed with its licence, and nothing loads the 10 MB Expo package any more", () => {
    expect(statSync(fontFilePath()).size).toBeLessThan(3_000_000);
    expect(readFileSync(join(root, "assets/fonts/OFL.txt"), "utf8")).toContain("SIL OPEN FONT LICENSE Version 1.1");
    const importers = [...files("src"), ...files("commands")].filter((f) => /\.(ts|mjs|js)$/.test(f) && readFileSync(join(root, f), "utf8").includes("@expo-google-fonts"));
    expect(importers).toEqual([]);
  });

  it("derives GB2312 from the platform's decoder: 6,763 Han characters", () => {
    const han = gb2312Characters().filter((c) => /[\u4e00-\u9fff]/.test(c));
    expect(han).toHaveLength(6763);
    expect(han).toEqual(expect.arrayContaining(["啊", "齄", "盈", "亏", "费", "用"]));
  });

  it("has a glyph for every GB2312 character, the chart symbols and full-width punctuation", () => {
    const wanted = [...gb2312Characters(), ..."¥$€×·–—…%≈≥≤→", ..."，。、；：？！（）【】《》“”‘’·…—", ...CHART_SYMBOLS];
    expect(wanted.filter((c) => !hasGlyph(c))).toEqual([]);
  });

  it("covers every character of every label the commands and message catalogues can produce", () => {
    const sources = [...files("commands"), ...files("src/core/i18n")].filter((f) => f.endsWith(".ts"));
    expect(sources.length).toBeGreaterThan(5);
    const chars = new Set<string>();
    for (const file of sources) {
      for (const literal of readFileSync(join(root, file), "utf8").matchAll(/"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`|'(?:[^'\\\n]|\\.)*'/g)) {
        for (const char of literal[0]) if (char.codePointAt(0)! > 0x7e) chars.add(char);
      }
    }
    expect([...chars].filter((c) => /\p{Script=Han}/u.test(c)).length).toBeGreaterThan(300);
    expect([...chars].filter((c) => !hasGlyph(c))).toEqual([]);
  });

  it("renders common Chinese text without a single missing glyph", () => {
    const text =
      "在百分之五十利用率下，自建每百万词元成本高于接口价格：无论用量多大，接口都更便宜。我们需要为团队选择一个既便宜又可靠的大语言模型，预算每月一万元人民币，主要用于编程、翻译、摘要和客服问答。";
    expect([...text].filter((c) => !hasGlyph(c))).toEqual([]);
  });

  it("reads the same glyphs and advance widths as opentype.js, without parsing the font up front", () => {
    const metrics = chartFontMetrics();
    const sample = [..."Aa0$¥€×—…%盈亏平衡每月人民币（）：，。", "\u{1F600}", "ア"];
    for (const char of sample) {
      const glyph = parsed.charToGlyph(char);
      expect(metrics.glyphIndex(char)).toBe(glyph.index);
      if (glyph.index) expect(metrics.advance(char)).toBe(glyph.advanceWidth);
    }
    expect(metrics.unitsPerEm).toBe(parsed.unitsPerEm);
  });

  it("outlines glyphs through the same points as opentype.js, accented letters (composite glyphs) included", () => {
    const outlines = new GlyphOutlines(readFileSync(fontFilePath()));
    const metrics = chartFontMetrics();
    const points = (d: string) => new Set([...d.matchAll(/-?[\d.]+ -?[\d.]+/g)].map((m) => m[0]));
    for (const char of [..."Ag%…¥éÅ盈亏平衡"]) {
      const theirs = parsed.charToGlyph(char).path.commands.flatMap((c) => ("x1" in c ? [`${c.x1} ${c.y1}`] : []).concat("x" in c ? [`${c.x} ${c.y}`] : []));
      expect(theirs.length).toBeGreaterThan(3);
      expect(points(outlines.path(metrics.glyphIndex(char)))).toEqual(new Set(theirs));
    }
    expect(outlines.path(metrics.glyphIndex(" "))).toBe("");
  });
});
