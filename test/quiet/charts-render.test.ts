import { describe, expect, it } from "vitest";
import { ChartRenderer, ChartsBusyError } from "../../src/charts/render.ts";
import type { BarChartSpec } from "../../src/core/reply/chart-spec.ts";
import { formatNumber } from "../../src/core/reply/format.ts";
import { decodePng } from "../png.ts";
import { watchBlocking } from "./main-thread-blocks.ts";

const spec = (title: string): BarChartSpec => ({
  kind: "bars",
  title,
  axisLabel: "费用：输入 1000万 + 输出 200万 Token",
  logNote: "对数刻度",
  items: [
    { label: "高端: GPT-5", value: 32.5, valueLabel: "$32.50 (¥230.75)" },
    { label: "超低成本: Llama 3.1 8B", value: 0.66, valueLabel: "$0.66 (¥4.69)" },
  ],
  axisCurrency: { code: "cny", usdToCny: 7.1 },
  lang: "zh",
});

describe("chart renderer", () => {
  it("keeps the event loop free on the first chart after start (font, SVG, raster, PNG)", async () => {
    // the answer has already formatted its numbers by the time its chart renders: Intl is warm
    formatNumber(1.5, 2);
    const blocking = watchBlocking();
    const png = await new ChartRenderer().render(spec("编程：各档位最便宜的模型"));
    const longest = blocking.stop();
    expect(decodePng(png).width).toBe(900);
    // was 454–567 ms with the whole font parsed on the main thread; 15–45 ms here on 2 busy cores,
    // the bound leaves room for a loaded CI machine while still catching a parse on the main thread
    expect(longest).toBeLessThan(100);
  });

  it("answers a repeated chart from the cache: identical bytes, no second render", async () => {
    const renderer = new ChartRenderer();
    const first = await renderer.render(spec("cache"));
    const again = await renderer.render(spec("cache"));
    expect(again.equals(first)).toBe(true);
    expect(renderer.stats).toMatchObject({ rendered: 1, cacheHits: 1 });
    await renderer.render(spec("cache"), { theme: "dark" });
    expect(renderer.stats.rendered).toBe(2);
  });

  it("renders a chart asked for twice at once only once", async () => {
    const renderer = new ChartRenderer();
    const [a, b] = await Promise.all([renderer.render(spec("twice")), renderer.render(spec("twice"))]);
    expect(a.equals(b)).toBe(true);
    expect(renderer.stats.rendered).toBe(1);
  });

  it("forgets the least recent charts past its byte budget", async () => {
    const first = await new ChartRenderer().render(spec("budget 0"));
    const renderer = new ChartRenderer({ cacheBytes: Math.floor(first.length * 1.5) });
    await renderer.render(spec("budget 1"));
    await renderer.render(spec("budget 2"));
    await renderer.render(spec("budget 1"));
    expect(renderer.stats).toMatchObject({ rendered: 3, cacheHits: 0 });
  });

  it("refuses with ChartsBusyError once the queue is full, and still finishes the charts it accepted", async () => {
    const renderer = new ChartRenderer({ concurrency: 1, maxWaiting: 2 });
    const accepted = [renderer.render(spec("q1")), renderer.render(spec("q2")), renderer.render(spec("q3"))];
    const refused = renderer.render(spec("q4"));
    await expect(refused).rejects.toBeInstanceOf(ChartsBusyError);
    await expect(refused).rejects.toMatchObject({ code: "charts_busy" });
    const pngs = await Promise.all(accepted);
    expect(pngs.map((png) => decodePng(png).width)).toEqual([900, 900, 900]);
    expect(renderer.stats).toMatchObject({ rendered: 3, refused: 1 });
    // room again once the queue drained
    expect(decodePng(await renderer.render(spec("q5"))).width).toBe(900);
  });
});
