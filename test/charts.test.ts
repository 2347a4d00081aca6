import { describe, expect, it } from "vitest";
import { linearTicks, logTicks, niceStep } from "../src/charts/axis.ts";
import { sortedItems, usesLogScale } from "../src/charts/bar-chart.ts";
import { outlineTexts } from "../src/charts/outlined-text.ts";
import { chartDrawing, chartRenderer } from "../src/charts/render.ts";
import { PALETTES, SCALE, svgTexts, TEXT } from "../src/charts/svg.ts";
import type { BarChartSpec, BreakEvenChartSpec, ChartSpec } from "../src/core/reply/chart-spec.ts";
import { ask } from "./helpers.ts";
import { decodePng } from "./png.ts";

// Specs as the commands built them at 3e2385b (/compare, /cheapest 编程, /selfhost gpt-oss-120b [util:90%] [lang:zh]),
// with the optional fields the commands are asked to fill (axisCurrency, lang, verdict).
const compareEn: BarChartSpec = {
  kind: "bars",
  title: "GPT-5 vs DeepSeek V3.2 (deepseek-chat) vs Claude Opus 4.5 vs Gemini 2.0 Flash: prices side by side",
  axisLabel: "Cost for 10M input + 2M output tokens",
  logNote: "log scale",
  items: [
    { label: "GPT-5", value: 32.5, valueLabel: "$32.50" },
    { label: "DeepSeek V3.2 (deepseek-chat)", value: 3.64, valueLabel: "$3.64" },
    { label: "Claude Opus 4.5", value: 100, valueLabel: "$100.00" },
    { label: "Gemini 2.0 Flash", value: 1.8, valueLabel: "$1.80" },
  ],
  axisCurrency: { code: "usd" },
  lang: "en",
};
const cheapestZh: BarChartSpec = {
  kind: "bars",
  title: "编程：各档位最便宜的模型",
  axisLabel: "费用：输入 1000万 + 输出 200万 Token",
  logNote: "对数刻度",
  items: [
    { label: "超低成本: Llama 3.1 8B", value: 0.66, valueLabel: "$0.66 (¥4.69)" },
    { label: "均衡: GPT-5 mini", value: 6.5, valueLabel: "$6.50 (¥46.15)" },
    { label: "高端: GPT-5", value: 32.5, valueLabel: "$32.50 (¥230.75)" },
  ],
  axisCurrency: { code: "cny", usdToCny: 7.1 },
  lang: "zh",
};
const selfWinsEn: BreakEvenChartSpec = {
  kind: "breakEven",
  title: "gpt-oss-120b: API vs self-hosted on 1 × H100, per month",
  verdict: "Self-hosting wins above 10B tokens a month.",
  xLabel: "tokens per month",
  yLabel: "USD per month",
  apiLabel: "API ($0.225 per 1M)",
  selfLabel: "self-hosted (one more deployment per capacity step)",
  breakEvenLabel: "break-even",
  apiCostPer1M: 0.225,
  monthlyFixedUsd: 2256.43,
  capacityTokens: 14_415_894_000,
  breakEvenTokens: 10_028_577_777.78,
  formatTokens: "en",
  axisCurrency: { code: "usd" },
};
const apiWinsZh: BreakEvenChartSpec = {
  kind: "breakEven",
  title: "gpt-oss-120b：API 与 1 块 H100 自建的每月费用",
  verdict: "无论用量多大，API都更便宜。",
  xLabel: "每月Token",
  yLabel: "每月人民币",
  apiLabel: "API（每100万 ¥1.60）",
  selfLabel: "自建（每超出一个部署容量加一个部署）",
  breakEvenLabel: "盈亏平衡",
  apiCostPer1M: 0.225,
  monthlyFixedUsd: 2256.43,
  capacityTokens: 8_008_830_000,
  breakEvenTokens: null,
  formatTokens: "zh",
  axisCurrency: { code: "cny", usdToCny: 7.1 },
};
const FIXTURES: [string, ChartSpec][] = [
  ["compare en", compareEn],
  ["cheapest zh", cheapestZh],
  ["selfhost en (self-hosting wins)", selfWinsEn],
  ["selfhost zh (API wins everywhere)", apiWinsZh],
];

/** Bar lengths in drawing order (the bars are the only rects 28 high). */
function barWidths(svg: string): number[] {
  return [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="28"/g)].map((m) => Number(m[1]));
}

describe("chart drawings", () => {
  it.each(FIXTURES.flatMap(([name, spec]) => (["light", "dark"] as const).map((theme) => [name, theme, spec] as const)))(
    "%s, %s theme → a whole PNG 900 px wide, as wide as the widest chat client shows it",
    async (_name, theme, spec) => {
      const drawing = chartDrawing(spec, theme);
      const png = decodePng(await chartRenderer().render(spec, { theme }));
      expect(png.width).toBe(900);
      // drawn, not blank, on the theme's background
      expect(png.distinctColours).toBeGreaterThan(50);
      if (theme === "dark") expect(png.background.luminance).toBeLessThan(0.2);
      else expect(png.background.luminance).toBeGreaterThan(0.8);
      expect(png.height).toBe(drawing.height * SCALE);
      expect(drawing.svg).toContain(`fill="${PALETTES[theme].background}"`);
    },
  );

  it("draws no text smaller than 13 px once Slack or Discord shrink the chart to 400 px", () => {
    for (const [, spec] of FIXTURES) {
      const drawing = chartDrawing(spec);
      const sizes = [...drawing.svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
      const pngWidth = drawing.width * SCALE;
      // logical size × raster scale × 400 / PNG width (shown width / PNG width)
      const onScreen = Math.min(...sizes) * SCALE * (400 / pngWidth);
      expect(onScreen).toBeGreaterThanOrEqual(13);
      expect(TEXT * (400 / 900)).toBeCloseTo(13.33, 2);
    }
  });

  it("hands the rasterizer every line of text as glyph outlines, so no font is loaded per chart", () => {
    for (const [, spec] of FIXTURES) {
      const drawing = chartDrawing(spec);
      const outlined = outlineTexts(drawing.svg);
      expect(outlined).not.toContain("<text");
      const visible = drawing.texts.join("").replace(/\s/g, "").length;
      expect(outlined.match(/<use /g)?.length ?? 0).toBeGreaterThanOrEqual(visible);
      // each glyph's outline once, however often it is drawn
      const ids = [...outlined.matchAll(/<path id="(g\d+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("sorts bars cheapest first and draws them to a linear scale when the spread allows: $100 is 3.1× $32.50", () => {
    expect(sortedItems(compareEn.items).map((i) => i.value)).toEqual([1.8, 3.64, 32.5, 100]);
    const drawing = chartDrawing(compareEn);
    const texts = svgTexts(drawing.svg);
    const order = ["Gemini 2.0 Flash", "DeepSeek V3.2 (deepseek-chat)", "GPT-5", "Claude Opus 4.5"].map((label) => texts.indexOf(label));
    expect(order.every((index, i) => index >= 0 && (i === 0 || index > order[i - 1]!))).toBe(true);
    const widths = barWidths(drawing.svg);
    expect(widths[3]! / widths[2]!).toBeCloseTo(100 / 32.5, 1);
    expect(drawing.tickLabels).toEqual(["$0", "$25", "$50", "$75", "$100"]);
    expect(texts).not.toContain("log scale");
  });

  it("labels the money axis in yuan when the answer shows yuan", () => {
    expect(chartDrawing(cheapestZh).tickLabels).toEqual(["¥0", "¥100", "¥200", "¥300"]);
    const selfhost = chartDrawing(apiWinsZh).tickLabels;
    expect(selfhost.filter((l) => l.startsWith("¥"))).toEqual(["¥0", "¥2万", "¥4万", "¥6万"]);
    expect(selfhost.some((l) => l.includes("$"))).toBe(false);
  });

  it("turns logarithmic only past a 100× spread, says so, and labels 1-2-5 ticks in the answer's currency", () => {
    expect(usesLogScale([1, 101])).toBe(true);
    expect(usesLogScale([1.8, 100])).toBe(false);
    const wide: BarChartSpec = {
      ...compareEn,
      items: [
        { label: "GPT-5 nano", value: 1.3, valueLabel: "$1.30" },
        { label: "Claude Opus 4.1", value: 300, valueLabel: "$300.00" },
      ],
    };
    const drawing = chartDrawing(wide);
    expect(svgTexts(drawing.svg).some((t) => t.endsWith("· log scale"))).toBe(true);
    expect(drawing.tickLabels[0]).toBe("$1");
    expect(drawing.tickLabels).toEqual(expect.arrayContaining(["$10", "$100", "$500"]));
    // equal ratios get equal distances: $1→$10 as long as $10→$100
    const x = (label: string) => Number(drawing.svg.match(new RegExp(`<text x="([\\d.]+)"[^>]*>\\${label}</text>`))![1]);
    expect(x("$100") - x("$10")).toBeCloseTo(x("$10") - x("$1"), -1);
  });

  it("rounds axes to 1-2-2.5-5 steps without float noise", () => {
    expect([niceStep(57.7), niceStep(2.9), niceStep(0.03), niceStep(1)]).toEqual([100, 5, 0.05, 1]);
    expect(linearTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(linearTicks(0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(logTicks(0.66, 300)).toEqual([0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500]);
  });

  it("states the verdict and zooms the x-axis to the break-even instead of squeezing it into a corner", () => {
    const drawing = chartDrawing(selfWinsEn);
    const texts = svgTexts(drawing.svg);
    expect(texts).toContain("Self-hosting wins above 10B tokens a month.");
    expect(texts).toContain("break-even: 10B");
    const xTicks = drawing.tickLabels.filter((l) => !l.startsWith("$"));
    expect(xTicks).toEqual(["0", "10B", "20B", "30B"]);
    const share = selfWinsEn.breakEvenTokens! / 30e9;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.6);
  });

  it("shows plainly when the API is cheaper at every volume: the verdict, the whole gap in the API's colour, the capacity steps in view", () => {
    for (const theme of ["light", "dark"] as const) {
      const drawing = chartDrawing(apiWinsZh, theme);
      expect(svgTexts(drawing.svg)).toContain("无论用量多大，API都更便宜。");
      const fills = [...drawing.svg.matchAll(/<polygon [^>]*fill="(#[0-9a-f]+)"/g)].map((m) => m[1]);
      expect(fills.length).toBeGreaterThan(0);
      expect(new Set(fills)).toEqual(new Set([PALETTES[theme].api]));
    }
    const xTicks = chartDrawing(apiWinsZh).tickLabels.filter((l) => !l.startsWith("¥"));
    const xMax = 200e8;
    expect(xTicks[xTicks.length - 1]).toBe("200亿");
    expect(xMax / apiWinsZh.capacityTokens!).toBeGreaterThan(2);
    expect(xMax / apiWinsZh.capacityTokens!).toBeLessThan(3);
  });
});

const CASES: [string, string, ChartSpec["kind"]][] = [
  ["/compare gpt-5 deepseek claude opus 4.5", "en", "bars"],
  ["/compare gpt-5 和 深度求索", "zh", "bars"],
  ["/cheapest coding", "en", "bars"],
  ["/cheapest 编程", "zh", "bars"],
  ["/selfhost gpt-oss-120b", "en", "breakEven"],
  ["/selfhost gpt-oss-120b lang:zh", "zh", "breakEven"],
];

describe("charts from real answers", () => {
  it.each(CASES)("%s → a whole 900 px PNG in %s, cheapest bar first", async (line, lang, kind) => {
    const reply = await ask(line);
    expect(reply.lang).toBe(lang);
    const chart = reply.chart!;
    expect(chart.kind).toBe(kind);
    // both themes of every fixture are drawn above: here each real answer once, the themes taken in turn
    const theme = CASES.findIndex(([asked]) => asked === line) % 2 ? "dark" : "light";
    expect(decodePng(await chartRenderer().render(chart, { theme })).width).toBe(900);
    if (lang === "zh") expect(chart.title).toMatch(/\p{Script=Han}/u);
    if (chart.kind === "bars") {
      const texts = svgTexts(chartDrawing(chart).svg);
      const cheapest = [...chart.items].sort((a, b) => a.value - b.value)[0]!;
      expect(texts.indexOf(cheapest.valueLabel)).toBe(Math.min(...chart.items.map((i) => texts.indexOf(i.valueLabel))));
    }
    expect(chartDrawing(chart).tickLabels.length).toBeGreaterThanOrEqual(3);
  });

  it("can be turned off with chart:off", async () => {
    expect((await ask("/compare gpt-5 deepseek chart:off")).chart).toBeNull();
    expect((await ask("/selfhost gpt-oss-120b chart:off")).chart).toBeNull();
  });
});
