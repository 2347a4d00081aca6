import type { BreakEvenChartSpec } from "../core/reply/chart-spec.ts";
import { formatCount } from "../core/reply/format.ts";
import { currencyRate, linearTicks, moneyTicks } from "./axis.ts";
import { type ChartDrawing, PAD, type Palette, svgDocument, text, textBlock, textWidth, TEXT, TITLE, WIDTH, wrapLines } from "./svg.ts";

const PLOT_HEIGHT = 380;
/** The x-axis spans this many times the volume that matters, so that volume sits near the middle-left. */
const ZOOM = 2.2;
const SAMPLES = 720;

/**
 * The volume the x-axis is built around: the break-even when there is one; otherwise one deployment's
 * capacity (where the self-host steps start); otherwise what the fixed cost buys through the API.
 */
function focusTokens(spec: BreakEvenChartSpec): number {
  if (spec.breakEvenTokens !== null && spec.breakEvenTokens > 0) return spec.breakEvenTokens;
  if (spec.capacityTokens) return spec.capacityTokens;
  if (spec.apiCostPer1M > 0) return (spec.monthlyFixedUsd / spec.apiCostPer1M) * 1e6;
  return 1e9;
}

/** Monthly cost against monthly tokens: the API line, the self-host steps, the cheaper side shaded, the break-even marked. */
export function breakEvenChart(spec: BreakEvenChartSpec, palette: Palette): ChartDrawing {
  const lang = spec.formatTokens;
  const rate = currencyRate(spec.axisCurrency);
  const apiAt = (tokens: number) => (tokens / 1e6) * spec.apiCostPer1M * rate;
  const deployments = (tokens: number) => (spec.capacityTokens ? Math.max(1, Math.ceil(tokens / spec.capacityTokens)) : 1);
  const selfAt = (tokens: number) => deployments(tokens) * spec.monthlyFixedUsd * rate;

  const xTicks = linearTicks(focusTokens(spec) * ZOOM);
  const xMax = xTicks[xTicks.length - 1]!;
  const samples = Array.from({ length: SAMPLES + 1 }, (_, i) => (xMax * i) / SAMPLES);
  const yTicks = linearTicks(Math.max(...samples.map(apiAt), ...samples.map(selfAt)) * 1.02);
  const yMax = yTicks[yTicks.length - 1]!;
  const yLabels = moneyTicks(yTicks, spec.axisCurrency, lang, "linear");
  const xLabels = xTicks.map((v) => formatCount(v, lang));

  const texts: string[] = [];
  const contentWidth = WIDTH - 2 * PAD;
  const title = wrapLines(spec.title, TITLE, contentWidth, 3);
  texts.push(...title);
  let body = "";
  const head = textBlock(PAD, PAD, title, TITLE, { color: palette.text, bold: true });
  body += head.svg;
  let y = head.bottom + 12;

  const apiWinsEverywhere = spec.breakEvenTokens === null && samples.every((t) => apiAt(t) <= selfAt(t));
  if (spec.verdict) {
    const lines = wrapLines(spec.verdict, TEXT, contentWidth - 40, 3);
    texts.push(...lines);
    const block = textBlock(PAD + 24, y + 12, lines, TEXT, { color: palette.text, bold: true });
    const accent = apiWinsEverywhere ? palette.api : palette.mark;
    body += `<rect x="${PAD}" y="${y}" width="${contentWidth}" height="${block.bottom - y + 12}" rx="8" fill="${palette.banner}"/>`;
    body += `<rect x="${PAD}" y="${y}" width="8" height="${block.bottom - y + 12}" rx="4" fill="${accent}"/>`;
    body += block.svg;
    y = block.bottom + 28;
  }

  for (const [label, color] of [
    [spec.apiLabel, palette.api],
    [spec.selfLabel, palette.self],
  ] as const) {
    const lines = wrapLines(label, TEXT, contentWidth - 48, 2);
    texts.push(...lines);
    body += `<rect x="${PAD}" y="${y + 17}" width="34" height="7" rx="3" fill="${color}"/>`;
    const block = textBlock(PAD + 48, y, lines, TEXT, { color: palette.text });
    body += block.svg;
    y = block.bottom + 4;
  }

  texts.push(spec.yLabel);
  body += text(PAD, y + 40, spec.yLabel, TEXT, { color: palette.muted });
  const plotTop = y + 70;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const left = PAD + Math.max(...yLabels.map((l) => textWidth(l, TEXT))) + 14;
  const right = WIDTH - PAD;
  const px = (tokens: number) => left + (tokens / xMax) * (right - left);
  const py = (money: number) => plotBottom - (money / yMax) * PLOT_HEIGHT;

  body += yTicks
    .map(
      (v, i) =>
        `<line x1="${left}" y1="${py(v).toFixed(1)}" x2="${right}" y2="${py(v).toFixed(1)}" stroke="${i ? palette.grid : palette.axis}" stroke-width="2"/>${text(left - 12, py(v) + 10, yLabels[i]!, TEXT, { color: palette.muted, anchor: "end" })}`,
    )
    .join("");
  body += xTicks
    .map((v, i) => text(px(v), plotBottom + 40, xLabels[i]!, TEXT, { color: palette.muted, anchor: i === 0 ? "start" : i === xTicks.length - 1 ? "end" : "middle" }))
    .join("");

  body += shading(samples, apiAt, selfAt, px, py, palette);
  body += `<path d="M${px(0)},${py(apiAt(0)).toFixed(1)} L${px(xMax)},${py(apiAt(xMax)).toFixed(1)}" fill="none" stroke="${palette.api}" stroke-width="5" stroke-linecap="round"/>`;
  body += `<path d="${stepPath(spec.capacityTokens, xMax, spec.monthlyFixedUsd * rate, px, py)}" fill="none" stroke="${palette.self}" stroke-width="5" stroke-linejoin="round"/>`;

  if (spec.breakEvenTokens !== null && spec.breakEvenTokens <= xMax) {
    const x = px(spec.breakEvenTokens);
    const label = `${spec.breakEvenLabel}: ${formatCount(spec.breakEvenTokens, lang)}`;
    texts.push(label);
    const fitsRight = x + 12 + textWidth(label, TEXT) <= right;
    body +=
      `<line x1="${x.toFixed(1)}" y1="${plotTop}" x2="${x.toFixed(1)}" y2="${plotBottom}" stroke="${palette.mark}" stroke-dasharray="10 8" stroke-width="3"/>` +
      `<circle cx="${x.toFixed(1)}" cy="${py(apiAt(spec.breakEvenTokens)).toFixed(1)}" r="10" fill="${palette.mark}"/>` +
      text(fitsRight ? x + 12 : x - 12, plotTop + 30, label, TEXT, { color: palette.mark, bold: true, anchor: fitsRight ? "start" : "end" });
  }

  texts.push(spec.xLabel);
  body += text((left + right) / 2, plotBottom + 88, spec.xLabel, TEXT, { color: palette.muted, anchor: "middle" });
  texts.push(...yLabels, ...xLabels);
  const height = plotBottom + 88 + PAD;
  return { svg: svgDocument(WIDTH, height, palette, body), width: WIDTH, height, tickLabels: [...yLabels, ...xLabels], texts };
}

/** The self-host cost as exact steps: one more deployment at each multiple of the capacity. */
function stepPath(capacity: number | null, xMax: number, perDeployment: number, px: (t: number) => number, py: (v: number) => number): string {
  let d = `M${px(0)},${py(perDeployment).toFixed(1)}`;
  for (let k = 1; capacity && k * capacity < xMax; k++) d += ` H${px(k * capacity).toFixed(1)} V${py((k + 1) * perDeployment).toFixed(1)}`;
  return `${d} H${px(xMax).toFixed(1)}`;
}

/** Fills the gap between the two costs in the colour of whichever is cheaper there. */
function shading(samples: number[], apiAt: (t: number) => number, selfAt: (t: number) => number, px: (t: number) => number, py: (v: number) => number, palette: Palette): string {
  let svg = "";
  let run: number[] = [];
  let apiCheaper: boolean | null = null;
  const flush = () => {
    if (run.length > 1) {
      const upper = run.map((t) => `${px(t).toFixed(1)},${py(Math.max(apiAt(t), selfAt(t))).toFixed(1)}`);
      const lower = run.map((t) => `${px(t).toFixed(1)},${py(Math.min(apiAt(t), selfAt(t))).toFixed(1)}`).reverse();
      svg += `<polygon points="${[...upper, ...lower].join(" ")}" fill="${apiCheaper ? palette.api : palette.self}" fill-opacity="0.18"/>`;
    }
  };
  for (const t of samples) {
    const cheaper = apiAt(t) <= selfAt(t);
    if (cheaper !== apiCheaper) {
      flush();
      run = run.length ? [run[run.length - 1]!] : [];
      apiCheaper = cheaper;
    }
    run.push(t);
  }
  flush();
  return svg;
}
