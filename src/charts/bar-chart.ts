import type { BarChartSpec } from "../core/reply/chart-spec.ts";
import { currencyRate, linearTicks, logTicks, moneyTicks } from "./axis.ts";
import { type ChartDrawing, ellipsize, PAD, type Palette, svgDocument, text, textBlock, textWidth, TEXT, TITLE, WIDTH, wrapLines } from "./svg.ts";

/**
 * Above this spread the cheapest bar would be under 1% of the longest: too short to compare by eye even
 * with its value printed beside it, so the axis turns logarithmic (and says so, with labelled ticks).
 */
const LOG_SCALE_RATIO = 100;

export function usesLogScale(values: number[]): boolean {
  const positive = values.filter((v) => v > 0);
  return positive.length > 1 && Math.max(...positive) / Math.min(...positive) > LOG_SCALE_RATIO;
}

/**
 * Cheapest first: every bar chart answers "what will this cost", /cheapest ranks ascending, and a reader
 * scanning down meets the answer first. Ties keep the answer's order.
 */
export function sortedItems(items: BarChartSpec["items"]): BarChartSpec["items"] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.value - b.item.value || a.i - b.i)
    .map(({ item }) => item);
}

const BAR = 28;
const ROW = 92;
const PLOT_LEFT = PAD;
const PLOT_RIGHT = WIDTH - PAD;

/** Horizontal bars of cost per model: label and value on a line, the bar under them, a labelled money axis. */
export function barChart(spec: BarChartSpec, palette: Palette): ChartDrawing {
  const lang = spec.lang ?? (/\p{Script=Han}/u.test(spec.title + spec.axisLabel) ? "zh" : "en");
  const rate = currencyRate(spec.axisCurrency);
  const items = spec.order === "given" ? spec.items : sortedItems(spec.items);
  const shown = items.map((item) => item.value * rate);
  const log = usesLogScale(shown);
  const positive = shown.filter((v) => v > 0);
  const max = Math.max(...shown, 0);

  const ticks = log ? logTicks(Math.min(...positive), max) : linearTicks(max);
  const axisMin = ticks[0]!;
  const axisMax = ticks[ticks.length - 1]!;
  const plotWidth = PLOT_RIGHT - PLOT_LEFT;
  const px = (value: number) =>
    PLOT_LEFT + (log ? (value <= 0 ? 0 : ((Math.log10(value) - Math.log10(axisMin)) / (Math.log10(axisMax) - Math.log10(axisMin))) * plotWidth) : (value / axisMax) * plotWidth);

  const texts: string[] = [];
  const title = wrapLines(spec.title, TITLE, WIDTH - 2 * PAD, 3);
  const subtitle = wrapLines(log ? `${spec.axisLabel} · ${spec.logNote}` : spec.axisLabel, TEXT, WIDTH - 2 * PAD, 2);
  texts.push(...title, ...subtitle);
  const head = textBlock(PAD, PAD, title, TITLE, { color: palette.text, bold: true });
  const sub = textBlock(PAD, head.bottom + 6, subtitle, TEXT, { color: palette.muted });

  const rowsTop = sub.bottom + 24;
  const barsBottom = rowsTop + items.length * ROW;
  let grid = "";
  let rows = "";
  items.forEach((item, i) => {
    const top = rowsTop + i * ROW;
    const valueWidth = textWidth(item.valueLabel, TEXT);
    const label = ellipsize(item.label, TEXT, plotWidth - valueWidth - 24);
    texts.push(label, item.valueLabel);
    const barTop = top + 44;
    const length = Math.max(px(shown[i]!) - PLOT_LEFT, shown[i]! > 0 ? 3 : 0);
    rows +=
      text(PLOT_LEFT, top + 32, label, TEXT, { color: palette.text }) +
      text(PLOT_RIGHT, top + 32, item.valueLabel, TEXT, { color: palette.text, anchor: "end", bold: true }) +
      `<rect x="${PLOT_LEFT}" y="${barTop}" width="${length.toFixed(1)}" height="${BAR}" rx="4" fill="${palette.bar}"/>`;
    // gridlines run through the bar band only, so they never cross the labels
    grid += ticks
      .map((t) => `<line x1="${px(t).toFixed(1)}" y1="${barTop - 6}" x2="${px(t).toFixed(1)}" y2="${barTop + BAR + 6}" stroke="${palette.grid}" stroke-width="2"/>`)
      .join("");
  });

  const axisY = barsBottom + 4;
  const tickLabels = moneyTicks(ticks, spec.axisCurrency, lang, log ? "log" : "linear");
  const tickMarks = ticks
    .map((t) => `<line x1="${px(t).toFixed(1)}" y1="${axisY}" x2="${px(t).toFixed(1)}" y2="${axisY + 10}" stroke="${palette.axis}" stroke-width="2"/>`)
    .join("");
  // label the ends, then whole decades, then the rest, wherever a label has room
  const priority = (i: number) => (i === 0 || i === ticks.length - 1 ? 0 : log && !/^[25]/.test(String(ticks[i])) ? 1 : 2);
  const placed: { left: number; right: number; i: number }[] = [];
  for (const i of ticks.map((_, i) => i).sort((a, b) => priority(a) - priority(b) || a - b)) {
    const width = textWidth(tickLabels[i]!, TEXT);
    const x = px(ticks[i]!);
    const left = i === 0 ? x : i === ticks.length - 1 ? x - width : x - width / 2;
    if (placed.some((p) => left < p.right + 16 && left + width > p.left - 16)) continue;
    placed.push({ left, right: left + width, i });
  }
  placed.sort((a, b) => a.i - b.i);
  const drawnTicks = placed.map((p) => tickLabels[p.i]!);
  const labels = placed
    .map((p) => text(px(ticks[p.i]!), axisY + 46, tickLabels[p.i]!, TEXT, { color: palette.muted, anchor: p.i === 0 ? "start" : p.i === ticks.length - 1 ? "end" : "middle" }))
    .join("");
  texts.push(...drawnTicks);
  const axis = `<line x1="${PLOT_LEFT}" y1="${axisY}" x2="${PLOT_RIGHT}" y2="${axisY}" stroke="${palette.axis}" stroke-width="2"/>`;
  const height = axisY + 46 + PAD;
  return { svg: svgDocument(WIDTH, height, palette, head.svg + sub.svg + grid + rows + axis + tickMarks + labels), width: WIDTH, height, tickLabels: drawnTicks, texts };
}
