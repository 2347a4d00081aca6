import { Resvg } from "@resvg/resvg-js";
import { barChartSvg } from "./bar-chart.ts";
import { breakEvenChartSvg } from "./break-even-chart.ts";
import type { ChartSpec } from "./spec.ts";

export function chartSvg(spec: ChartSpec): string {
  return spec.kind === "bars" ? barChartSvg(spec) : breakEvenChartSvg(spec);
}

/** The chart as a PNG, rendered in-process (no browser, no network); text arrives as outlines, so no font lookup. */
export function renderChartPng(spec: ChartSpec): Buffer {
  return new Resvg(chartSvg(spec), { font: { loadSystemFonts: false } }).render().asPng();
}

export const CHART_FILE_NAME = "modelwise-chart.png";
