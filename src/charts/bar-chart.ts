import type { BarChartSpec } from "../core/chart-spec.ts";
import { COLORS, fittedTitle, svgDocument, text } from "./svg.ts";

const WIDTH = 900;
const ROW = 44;
const TOP = 70;
const LABEL_WIDTH = 300;
const VALUE_WIDTH = 120;
/** Above this spread a linear axis would shrink the cheapest bars to nothing. */
export const LOG_SCALE_RATIO = 50;

export function usesLogScale(values: number[]): boolean {
  const positive = values.filter((v) => v > 0);
  return positive.length > 1 && Math.max(...positive) / Math.min(...positive) > LOG_SCALE_RATIO;
}

/** Horizontal bars of workload cost per model; logarithmic (and labelled so) when the spread is wide. */
export function barChartSvg(spec: BarChartSpec): string {
  const values = spec.items.map((i) => i.value);
  const log = usesLogScale(values);
  const positive = values.filter((v) => v > 0);
  const max = Math.max(...values, 0);
  const min = positive.length ? Math.min(...positive) : 1;
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 30;
  // on a log axis the smallest bar still gets a visible stub
  const length = (v: number) =>
    v <= 0 ? 0 : log ? 12 + ((Math.log10(v) - Math.log10(min)) / Math.max(1e-9, Math.log10(max) - Math.log10(min))) * (plot - 12) : (v / (max || 1)) * plot;
  const height = TOP + spec.items.length * ROW + 60;
  const rows = spec.items
    .map((item, i) => {
      const y = TOP + i * ROW;
      const w = length(item.value);
      return [
        text(LABEL_WIDTH - 12, y + 27, item.label, 18, { anchor: "end" }),
        `<rect x="${LABEL_WIDTH}" y="${y + 8}" width="${w.toFixed(1)}" height="${ROW - 16}" rx="3" fill="${COLORS.bar}"/>`,
        text(LABEL_WIDTH + w + 8, y + 27, item.valueLabel, 17, { color: COLORS.muted }),
      ].join("");
    })
    .join("");
  const axisY = TOP + spec.items.length * ROW + 10;
  const axis = `<line x1="${LABEL_WIDTH}" y1="${axisY}" x2="${LABEL_WIDTH + plot}" y2="${axisY}" stroke="${COLORS.grid}" stroke-width="2"/>`;
  const axisLabel = text(LABEL_WIDTH, axisY + 32, log ? `${spec.axisLabel} · ${spec.logNote}` : spec.axisLabel, 16, { color: COLORS.muted });
  return svgDocument(WIDTH, height, fittedTitle(24, 42, spec.title, WIDTH - 48) + rows + axis + axisLabel);
}
