import { formatCount, formatUsd } from "../core/format.ts";
import { formatCny } from "../core/money.ts";
import type { BreakEvenChartSpec } from "../core/chart-spec.ts";
import { COLORS, fittedTitle, svgDocument, text } from "./svg.ts";

const WIDTH = 900;
const HEIGHT = 520;
const LEFT = 110;
const RIGHT = 40;
const TOP = 90;
const BOTTOM = 90;

/** The next "round" number at or above `value`: 1, 2 or 5 times a power of ten. */
export function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

function axisMoney(spec: BreakEvenChartSpec, usd: number): string {
  const value = spec.axisCurrency.code === "cny" ? usd * spec.axisCurrency.usdToCny : usd;
  const text = spec.axisCurrency.code === "cny" ? formatCny(value) : formatUsd(value);
  return value >= 100 ? text.replace(/\.\d+$/, "") : text;
}

/** Monthly cost against monthly tokens: the API line, the self-host steps (one per deployment), the break-even point. */
export function breakEvenChartSvg(spec: BreakEvenChartSpec): string {
  const breakEven = spec.breakEvenTokens ?? 0;
  const xMax = niceCeil(Math.max(breakEven * 2, spec.capacityTokens ? spec.capacityTokens * 1.5 : 0, 1e6));
  const apiAt = (tokens: number) => (tokens / 1e6) * spec.apiCostPer1M;
  const selfAt = (tokens: number) => (spec.capacityTokens ? Math.max(1, Math.ceil(tokens / spec.capacityTokens)) : 1) * spec.monthlyFixedUsd;
  const steps = 200;
  const xs = Array.from({ length: steps + 1 }, (_, i) => (xMax * i) / steps);
  // round in the currency shown, so the axis reads ¥100,000 rather than a converted $14,084.51
  const shown = spec.axisCurrency.code === "cny" ? spec.axisCurrency.usdToCny : 1;
  const yMax = niceCeil(Math.max(...xs.map(apiAt), ...xs.map(selfAt)) * 1.05 * shown) / shown;
  const px = (tokens: number) => LEFT + (tokens / xMax) * (WIDTH - LEFT - RIGHT);
  const py = (usd: number) => HEIGHT - BOTTOM - (usd / yMax) * (HEIGHT - TOP - BOTTOM);
  const path = (f: (x: number) => number) => xs.map((x, i) => `${i ? "L" : "M"}${px(x).toFixed(1)},${py(f(x)).toFixed(1)}`).join(" ");

  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => {
      const y = py(yMax * f);
      return `<line x1="${LEFT}" y1="${y}" x2="${WIDTH - RIGHT}" y2="${y}" stroke="${COLORS.grid}"/>` + text(LEFT - 10, y + 5, axisMoney(spec, yMax * f), 14, { anchor: "end", color: COLORS.muted });
    })
    .join("");
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => text(px(xMax * f), HEIGHT - BOTTOM + 24, formatCount(xMax * f, spec.formatTokens), 14, { anchor: "middle", color: COLORS.muted }))
    .join("");
  let mark = "";
  if (spec.breakEvenTokens !== null && spec.breakEvenTokens <= xMax) {
    const x = px(spec.breakEvenTokens);
    const y = py(apiAt(spec.breakEvenTokens));
    mark =
      `<line x1="${x}" y1="${TOP}" x2="${x}" y2="${HEIGHT - BOTTOM}" stroke="${COLORS.mark}" stroke-dasharray="6 5" stroke-width="2"/>` +
      `<circle cx="${x}" cy="${y}" r="7" fill="${COLORS.mark}"/>` +
      text(x + 10, TOP + 18, `${spec.breakEvenLabel}: ${formatCount(spec.breakEvenTokens, spec.formatTokens)}`, 16, { color: COLORS.mark, weight: 700 });
  }
  const legend =
    `<rect x="${LEFT}" y="52" width="18" height="6" fill="${COLORS.api}"/>` + text(LEFT + 26, 60, spec.apiLabel, 16) +
    `<rect x="${LEFT + 330}" y="52" width="18" height="6" fill="${COLORS.self}"/>` + text(LEFT + 356, 60, spec.selfLabel, 16);
  const body =
    fittedTitle(24, 36, spec.title, WIDTH - 48, 22) +
    legend +
    grid +
    ticks +
    `<path d="${path(apiAt)}" fill="none" stroke="${COLORS.api}" stroke-width="3"/>` +
    `<path d="${path(selfAt)}" fill="none" stroke="${COLORS.self}" stroke-width="3"/>` +
    mark +
    text((LEFT + WIDTH - RIGHT) / 2, HEIGHT - 30, spec.xLabel, 16, { anchor: "middle", color: COLORS.muted }) +
    text(24, TOP - 14, spec.yLabel, 16, { color: COLORS.muted });
  return svgDocument(WIDTH, HEIGHT, body);
}
