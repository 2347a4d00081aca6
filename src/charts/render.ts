import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { ChartSpec } from "../core/reply/chart-spec.ts";
import { WorkerPool } from "../core/workers/pool.ts";
import { barChart } from "./bar-chart.ts";
import { breakEvenChart } from "./break-even-chart.ts";
import { outlineTexts } from "./outlined-text.ts";
import { type ChartDrawing, type ChartTheme, PALETTES, SCALE } from "./svg.ts";

export type { ChartTheme } from "./svg.ts";

export interface RenderOptions {
  /** "light" (default) for Slack and terminals, "dark" for Discord */
  theme?: ChartTheme;
}

/** The SVG and what it says, without rasterizing: for tests, alt text and checks. */
export function chartDrawing(spec: ChartSpec, theme: ChartTheme = "light"): ChartDrawing {
  const palette = PALETTES[theme];
  return spec.kind === "bars" ? barChart(spec, palette) : breakEvenChart(spec, palette);
}

/** What rasterize-worker.mjs is sent for one chart. */
interface RasterizeRequest {
  /** text already in glyph outlines: the worker loads no font */
  svg: string;
  scale: number;
}

/** Thrown when the render queue is full: post the answer without its chart and say so. */
export class ChartsBusyError extends Error {
  readonly code = "charts_busy";
  constructor(readonly limit: { concurrency: number; maxWaiting: number }) {
    super(`charts are busy: ${limit.concurrency} rendering and ${limit.maxWaiting} waiting`);
    this.name = "ChartsBusyError";
  }
}

export interface ChartRendererOptions {
  /** renders at once, each on a worker thread of its own */
  concurrency?: number;
  /** renders that may wait for a slot before further ones are refused */
  maxWaiting?: number;
  /** bytes of PNG kept for repeated questions */
  cacheBytes?: number;
}

export interface ChartRendererStats {
  rendered: number;
  cacheHits: number;
  refused: number;
}

/**
 * Draws chart SVGs here and rasterizes them to PNG on worker threads (rasterize-worker.mjs), keeps the most recent
 * ones by content hash, and refuses work past a bounded queue instead of growing memory.
 */
export class ChartRenderer {
  readonly stats: ChartRendererStats = { rendered: 0, cacheHits: 0, refused: 0 };
  private readonly concurrency: number;
  private readonly maxWaiting: number;
  private readonly cache: LRUCache<string, Buffer>;
  /** the same chart asked for twice at once renders once */
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private readonly waiting: (() => void)[] = [];
  private active = 0;
  private workers: WorkerPool<RasterizeRequest, Uint8Array> | null = null;

  constructor(options: ChartRendererOptions = {}) {
    this.concurrency = options.concurrency ?? 1;
    this.maxWaiting = options.maxWaiting ?? 50;
    this.cache = new LRUCache<string, Buffer>({ maxSize: options.cacheBytes ?? 16 * 1024 * 1024, sizeCalculation: (png) => png.length });
  }

  /**
   * False when this chart would be refused: not drawn before (nor being drawn) and the queue is full. The answer can
   * say so before it is posted; a chart already drawn is always taken, from the cache.
   */
  canTake(spec: ChartSpec, options: RenderOptions = {}): boolean {
    const key = chartKey(spec, options.theme ?? "light");
    return this.cache.has(key) || this.inFlight.has(key) || this.active < this.concurrency || this.waiting.length < this.maxWaiting;
  }

  async render(spec: ChartSpec, options: RenderOptions = {}): Promise<Buffer> {
    const theme = options.theme ?? "light";
    const key = chartKey(spec, theme);
    const cached = this.cache.get(key);
    if (cached) {
      this.stats.cacheHits++;
      return cached;
    }
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    if (this.active >= this.concurrency && this.waiting.length >= this.maxWaiting) {
      this.stats.refused++;
      throw new ChartsBusyError({ concurrency: this.concurrency, maxWaiting: this.maxWaiting });
    }
    const job = this.queued(() => this.rasterize(spec, theme)).then((png) => {
      this.cache.set(key, png);
      return png;
    });
    this.inFlight.set(key, job);
    try {
      return await job;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async queued<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.concurrency) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      // hand the slot straight to the next waiter, or free it
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  private async rasterize(spec: ChartSpec, theme: ChartTheme): Promise<Buffer> {
    const svg = outlineTexts(chartDrawing(spec, theme).svg);
    this.workers ??= new WorkerPool(new URL("./rasterize-worker.mjs", import.meta.url), this.concurrency);
    const png = await this.workers.run({ svg, scale: SCALE });
    this.stats.rendered++;
    return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  }

  /** Stops the rasterizing threads (benches and tests that start renderers of their own). */
  async close(): Promise<void> {
    await this.workers?.close();
    this.workers = null;
  }
}

/** What a chart is cached by: its theme and its whole spec, hashed. */
function chartKey(spec: ChartSpec, theme: ChartTheme): string {
  return createHash("sha256").update(theme).update("\0").update(JSON.stringify(spec)).digest("base64url");
}

let shared: ChartRenderer | null = null;

/** The process's renderer: one chart rendering at a time, 50 waiting, 16 MB of recent PNGs. */
export function chartRenderer(): ChartRenderer {
  shared ??= new ChartRenderer();
  return shared;
}

export const CHART_FILE_NAME = "modelwise-chart.png";
