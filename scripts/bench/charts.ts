import { Resvg } from "@resvg/resvg-js";
import { FONT_FAMILY, fontFilePath } from "../../src/charts/font-coverage.ts";
import { outlineTexts } from "../../src/charts/outlined-text.ts";
// the worker's encoder is plain JavaScript; the bench times the same function on the main thread
import { encodePng } from "../../src/charts/png-encode.mjs";
import { ChartRenderer, chartDrawing } from "../../src/charts/render.ts";
import { SCALE } from "../../src/charts/svg.ts";
import type { ChartSpec } from "../../src/core/reply/chart-spec.ts";
import { WorkerPool } from "../../src/core/workers/pool.ts";
import type { Row } from "./tokens.ts";

/** Charts/s the issue asks for on this 2-core machine, and the per-core gain over the previous renderer. */
const TARGET_PER_SECOND = 60;
const TARGET_GAIN = 4;

/** A chart of each kind and language, made unique by `n` (title and values), so no chart is a cache hit. */
function chartSpec(n: number): ChartSpec {
  const k = 1 + (n % 97) / 100;
  switch (n % 4) {
    case 0:
      return {
        kind: "bars",
        title: `GPT-5 vs DeepSeek V3.2 vs Claude Opus 4.5 vs Gemini 2.0 Flash #${n}`,
        axisLabel: "Cost for 10M input + 2M output tokens",
        logNote: "log scale",
        items: [
          { label: "GPT-5", value: 32.5 * k, valueLabel: `$${(32.5 * k).toFixed(2)}` },
          { label: "DeepSeek V3.2 (deepseek-chat)", value: 3.64 * k, valueLabel: `$${(3.64 * k).toFixed(2)}` },
          { label: "Claude Opus 4.5", value: 100, valueLabel: "$100.00" },
          { label: "Gemini 2.0 Flash", value: 1.8, valueLabel: "$1.80" },
        ],
        axisCurrency: { code: "usd" },
        lang: "en",
      };
    case 1:
      return {
        kind: "bars",
        title: `编程：各档位最便宜的模型 #${n}`,
        axisLabel: "费用：输入 1000万 + 输出 200万 Token",
        logNote: "对数刻度",
        items: [
          { label: "超低成本: Llama 3.1 8B", value: 0.66 * k, valueLabel: `$${(0.66 * k).toFixed(2)} (¥${(4.69 * k).toFixed(2)})` },
          { label: "均衡: GPT-5 mini", value: 6.5, valueLabel: "$6.50 (¥46.15)" },
          { label: "高端: GPT-5", value: 32.5 * k, valueLabel: `$${(32.5 * k).toFixed(2)} (¥${(230.75 * k).toFixed(2)})` },
        ],
        axisCurrency: { code: "cny", usdToCny: 7.1 },
        lang: "zh",
      };
    case 2:
      return {
        kind: "breakEven",
        title: `gpt-oss-120b: API vs self-hosted on 1 × H100, per month #${n}`,
        verdict: "Self-hosting wins above 10B tokens a month.",
        xLabel: "tokens per month",
        yLabel: "USD per month",
        apiLabel: "API ($0.225 per 1M)",
        selfLabel: "self-hosted (one more deployment per capacity step)",
        breakEvenLabel: "break-even",
        apiCostPer1M: 0.225,
        monthlyFixedUsd: 2256.43 * k,
        capacityTokens: 14_415_894_000,
        breakEvenTokens: 10_028_577_777.78 * k,
        formatTokens: "en",
        axisCurrency: { code: "usd" },
      };
    default:
      return {
        kind: "breakEven",
        title: `gpt-oss-120b：API 与 1 块 H100 自建的每月费用 #${n}`,
        verdict: "无论用量多大，API都更便宜。",
        xLabel: "每月Token",
        yLabel: "每月人民币",
        apiLabel: "API（每100万 ¥1.60）",
        selfLabel: "自建（每超出一个部署容量加一个部署）",
        breakEvenLabel: "盈亏平衡",
        apiCostPer1M: 0.225,
        monthlyFixedUsd: 2256.43 * k,
        capacityTokens: 8_008_830_000,
        breakEvenTokens: null,
        formatTokens: "zh",
        axisCurrency: { code: "cny", usdToCny: 7.1 },
      };
  }
}

const theme = (n: number) => (n % 8 < 4 ? "light" : "dark");
/** CPU time of this thread in ms: the stages run here, and other helpers' load on the machine does not count. */
const threadCpu = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};
/** CPU time of the whole process (every worker thread) in ms. */
const processCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

interface Stages {
  svg: number;
  outline: number;
  parse: number;
  raster: number;
  pixels: number;
  encode: number;
  resvgEncode: number;
}

/** Each stage of today's pipeline on this thread, by CPU time, averaged over `count` distinct charts. */
function stagesNow(count: number, from: number): Stages {
  const total: Stages = { svg: 0, outline: 0, parse: 0, raster: 0, pixels: 0, encode: 0, resvgEncode: 0 };
  for (let n = from; n < from + count; n++) {
    let at = threadCpu();
    const lap = (stage: keyof Stages) => {
      const now = threadCpu();
      total[stage] += now - at;
      at = now;
    };
    const { svg } = chartDrawing(chartSpec(n), theme(n));
    lap("svg");
    const outlined = outlineTexts(svg);
    lap("outline");
    const resvg = new Resvg(outlined, { font: { loadSystemFonts: false }, fitTo: { mode: "zoom", value: SCALE }, logLevel: "off" });
    lap("parse");
    const image = resvg.render();
    lap("raster");
    const pixels = image.pixels;
    lap("pixels");
    encodePng(pixels, image.width, image.height);
    lap("encode");
    image.asPng();
    lap("resvgEncode");
  }
  for (const stage of Object.keys(total) as (keyof Stages)[]) total[stage] /= count;
  return total;
}

/** The same for the previous pipeline (text shaped by resvg from the font file, 2×, resvg's encoder). */
function stagesBefore(count: number, from: number): { parse: number; raster: number; encode: number } {
  const total = { parse: 0, raster: 0, encode: 0 };
  const fontFile = fontFilePath();
  for (let n = from; n < from + count; n++) {
    const { svg } = chartDrawing(chartSpec(n), theme(n));
    let at = threadCpu();
    const resvg = new Resvg(svg, {
      font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
      fitTo: { mode: "zoom", value: 2 },
      logLevel: "off",
    });
    total.parse += threadCpu() - at;
    at = threadCpu();
    const image = resvg.render();
    total.raster += threadCpu() - at;
    at = threadCpu();
    image.asPng();
    total.encode += threadCpu() - at;
  }
  return { parse: total.parse / count, raster: total.raster / count, encode: total.encode / count };
}

interface FlatOut {
  perSecond: number;
  cpuMsPerChart: number;
}

/** `count` distinct charts asked for at once; wall-clock rate and the process's CPU time per chart. */
async function flatOut(render: (n: number) => Promise<unknown>, count: number, from: number): Promise<FlatOut> {
  await Promise.all(Array.from({ length: 4 }, (_, i) => render(from - 4 + i)));
  const cpu = processCpu();
  const start = performance.now();
  await Promise.all(Array.from({ length: count }, (_, i) => render(from + i)));
  const wall = performance.now() - start;
  return { perSecond: (count * 1000) / wall, cpuMsPerChart: (processCpu() - cpu) / count };
}

async function ours(workers: number, count: number, from: number): Promise<FlatOut> {
  const renderer = new ChartRenderer({ concurrency: workers, maxWaiting: count + 8, cacheBytes: 1024 });
  try {
    return await flatOut((n) => renderer.render(chartSpec(n), { theme: theme(n) }), count, from);
  } finally {
    await renderer.close();
  }
}

async function before(count: number, from: number): Promise<FlatOut> {
  const pool = new WorkerPool<{ svg: string; fontFile: string; fontFamily: string }, Uint8Array>(new URL("./chart-peer-worker.mjs", import.meta.url), 1);
  const fontFile = fontFilePath();
  try {
    return await flatOut((n) => pool.run({ svg: chartDrawing(chartSpec(n), theme(n)).svg, fontFile, fontFamily: FONT_FAMILY }), count, from);
  } finally {
    await pool.close();
  }
}

async function cacheHitMs(count: number): Promise<number> {
  const renderer = new ChartRenderer();
  try {
    const spec = chartSpec(1);
    const first = await renderer.render(spec);
    const start = performance.now();
    for (let i = 0; i < count; i++) if ((await renderer.render(structuredClone(spec))) !== first) throw new Error("a repeated chart was drawn again");
    return (performance.now() - start) / count;
  } finally {
    await renderer.close();
  }
}

const f1 = (value: number) => value.toFixed(1);

/**
 * Charts: distinct charts drawn flat out by 1 and 2 rasterizing workers, beside the previous renderer (one worker) in
 * the same run; each stage's CPU time on one thread; the floor, which is PNG-encoding the same pixels; a cache hit.
 * Rates are wall-clock and move with the machine's load; the per-core gain is taken from CPU time per chart.
 * Standalone: npx tsx scripts/bench/charts.ts [--quick]
 */
export async function chartRows(scale = 1): Promise<Row[]> {
  const count = Math.max(24, Math.round(160 * scale));
  const stageCount = Math.max(16, Math.round(40 * scale));
  // interleaved: previous, ours ×1, ours ×2, then again, each on charts of its own
  const runs: { before: FlatOut[]; one: FlatOut[]; two: FlatOut[] } = { before: [], one: [], two: [] };
  let next = 1000;
  const take = (n: number) => {
    const from = next;
    next += n + 8;
    return from;
  };
  for (let round = 0; round < 2; round++) {
    runs.before.push(await before(Math.round(count / 4), take(count)));
    runs.one.push(await ours(1, count, take(count)));
    runs.two.push(await ours(2, count, take(count)));
  }
  const best = (list: FlatOut[]) => list.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  const cpuPerChart = (list: FlatOut[]) => Math.min(...list.map((r) => r.cpuMsPerChart));
  const spread = (list: FlatOut[]) => list.map((r) => f1(r.perSecond)).join(" / ");
  const [old, one, two] = [best(runs.before), best(runs.one), best(runs.two)];
  const gainPerCore = cpuPerChart(runs.before) / cpuPerChart(runs.one);

  const now = stagesNow(stageCount, take(stageCount));
  const then = stagesBefore(stageCount, take(stageCount));
  const whole = now.svg + now.outline + now.parse + now.raster + now.pixels + now.encode;
  const thenWhole = now.svg + then.parse + then.raster + then.encode;
  const hit = await cacheHitMs(200);

  return [
    {
      figure: `Charts drawn flat out, 1 rasterizing worker (${count} distinct charts, 4 kinds, en/zh, light/dark; runs: ${spread(runs.one)}/s)`,
      bar: `≥ ${TARGET_PER_SECOND} charts/s; ≥ ${TARGET_GAIN}× the previous renderer per core (CPU time per chart)`,
      result: `${f1(one.perSecond)} charts/s wall; ${f1(cpuPerChart(runs.one))} ms CPU per chart (process, main thread included) = ${f1(1000 / cpuPerChart(runs.one))} charts per CPU-second`,
      peers: `previous renderer (font + shaping in resvg, 2×, resvg PNG), 1 worker: ${f1(old.perSecond)} charts/s (runs ${spread(runs.before)}), ${f1(cpuPerChart(runs.before))} ms CPU per chart`,
      ratio: `${(one.perSecond / old.perSecond).toFixed(1)}× wall, ${gainPerCore.toFixed(1)}× per core`,
      met: one.perSecond >= TARGET_PER_SECOND && gainPerCore >= TARGET_GAIN,
    },
    {
      figure: `Charts drawn flat out, 2 rasterizing workers (runs: ${spread(runs.two)}/s)`,
      bar: "reported: 2 cores, shared with the main thread",
      result: `${f1(two.perSecond)} charts/s, ${f1(cpuPerChart(runs.two))} ms CPU per chart`,
      peers: `1 worker: ${f1(one.perSecond)} charts/s`,
      ratio: `${(two.perSecond / one.perSecond).toFixed(2)}× one worker`,
      met: null,
    },
    {
      figure: `Chart stages, CPU ms on one thread (mean of ${stageCount} distinct charts)`,
      bar: "reported",
      result: `SVG ${f1(now.svg)}, text → outlines ${f1(now.outline)}, resvg parse ${f1(now.parse)}, raster ${f1(now.raster)}, pixels out ${f1(now.pixels)}, PNG encode ${f1(now.encode)} = ${f1(whole)} ms`,
      peers: `previous: SVG ${f1(now.svg)}, parse + font + shaping ${f1(then.parse)}, raster 2× ${f1(then.raster)}, resvg PNG ${f1(then.encode)} = ${f1(thenWhole)} ms`,
      ratio: `${(thenWhole / whole).toFixed(1)}×`,
      met: null,
    },
    {
      figure: "Chart against its floor: PNG-encoding the same pixels (zlib level 1, RGBA, as the worker does)",
      bar: "reported",
      result: `floor ${f1(now.encode)} ms; whole chart ${f1(whole)} ms = ${(whole / now.encode).toFixed(1)}× the floor`,
      peers: `resvg's own encoder on the same pixels: ${f1(now.resvgEncode)} ms`,
      ratio: `${(now.resvgEncode / now.encode).toFixed(1)}× slower encoder`,
      met: null,
    },
    {
      figure: "Repeated chart (same spec, a copy of it) answered from the cache",
      bar: "same bytes, no render",
      result: `${(hit * 1000).toFixed(0)} µs per chart`,
      peers: `a drawn chart: ${f1(cpuPerChart(runs.one))} ms CPU`,
      ratio: "",
      met: true,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await chartRows(process.argv.includes("--quick") ? 0.3 : 1))
    console.log(`${row.figure}\n  bar: ${row.bar}\n  ${row.result}\n  peers: ${row.peers}\n  ${row.ratio}\n`);
}
