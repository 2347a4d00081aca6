import { WorkerPool } from "../runtime/worker-pool.ts";
import { barChartSvg } from "./bar-chart.ts";
import { breakEvenChartSvg } from "./break-even-chart.ts";
import type { ChartSpec } from "../core/chart-spec.ts";

export function chartSvg(spec: ChartSpec): string {
  return spec.kind === "bars" ? barChartSvg(spec) : breakEvenChartSvg(spec);
}

let rasterizers: WorkerPool<{ svg: string }, Uint8Array> | null = null;

/**
 * The chart as a PNG, rendered in-process (no browser, no network). The SVG (text as outlines, so no
 * font lookup) is built here in well under a millisecond; rasterizing runs on a worker thread.
 */
export async function renderChartPng(spec: ChartSpec): Promise<Buffer> {
  rasterizers ??= new WorkerPool(new URL("./raster-worker.mjs", import.meta.url), 1);
  return Buffer.from(await rasterizers.run({ svg: chartSvg(spec) }));
}

export const CHART_FILE_NAME = "modelwise-chart.png";
