import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import opentype from "opentype.js";
import { describe, expect, it } from "vitest";
import { usesLogScale } from "../src/charts/bar-chart.ts";
import { niceCeil } from "../src/charts/break-even-chart.ts";
import { renderChartPng } from "../src/charts/render.ts";
import type { ChartSpec } from "../src/core/chart-spec.ts";
import { ask } from "./helpers.ts";
import { decodePng } from "./png.ts";

const CASES: [string, string, ChartSpec["kind"]][] = [
  ["/compare gpt-5 deepseek claude opus 4.5", "en", "bars"],
  ["/compare gpt-5 和 深度求索", "zh", "bars"],
  ["/cheapest coding", "en", "bars"],
  ["/cheapest 编程", "zh", "bars"],
  ["/selfhost gpt-oss-120b", "en", "breakEven"],
  ["/selfhost gpt-oss-120b lang:zh", "zh", "breakEven"],
];

const font = (() => {
  const bytes = readFileSync(createRequire(import.meta.url).resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf"));
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
})();

function labels(spec: ChartSpec): string[] {
  return spec.kind === "bars"
    ? [spec.title, spec.axisLabel, spec.logNote, ...spec.items.flatMap((i) => [i.label, i.valueLabel])]
    : [spec.title, spec.xLabel, spec.yLabel, spec.apiLabel, spec.selfLabel, spec.breakEvenLabel];
}

describe("charts", () => {
  it.each(CASES)("%s → a whole PNG of the expected size, in %s", async (line, lang, kind) => {
    const reply = await ask(line);
    expect(reply.lang).toBe(lang);
    expect(reply.chart?.kind).toBe(kind);
    const { width, height } = decodePng(await renderChartPng(reply.chart!));
    expect(width).toBe(900);
    expect(height).toBeGreaterThanOrEqual(kind === "bars" ? 200 : 520);
    if (lang === "zh") expect(reply.chart!.title).toMatch(/\p{Script=Han}/u);
    // every character has a real glyph in the bundled font: Chinese renders as Chinese, never as boxes
    const missing = [...labels(reply.chart!).join("")].filter((c) => c.trim() && font.charToGlyph(c).index === 0);
    expect(missing).toEqual([]);
  });

  it("uses a log scale only when the largest bar is more than 50× the smallest, and says so", async () => {
    expect(usesLogScale([1, 51])).toBe(true);
    expect(usesLogScale([1, 50])).toBe(false);
    const wide = await ask("/compare gpt-5-nano claude opus 4.1");
    expect(wide.chart?.kind === "bars" && wide.chart.logNote).toBe("log scale");
  });

  it("rounds the break-even axes to round numbers", () => {
    expect([niceCeil(7310.83), niceCeil(79e9), niceCeil(1), niceCeil(0.03)]).toEqual([10_000, 100e9, 1, 0.05]);
  });

  it("can be turned off with chart:off", async () => {
    expect((await ask("/compare gpt-5 deepseek chart:off")).chart).toBeNull();
    expect((await ask("/selfhost gpt-oss-120b chart:off")).chart).toBeNull();
  });
});
