import { FONT_FAMILY } from "./font-coverage.ts";
import { chartFontMetrics } from "./font-metrics.ts";

export type ChartTheme = "light" | "dark";

export interface Palette {
  /** null: transparent */
  background: string;
  text: string;
  muted: string;
  grid: string;
  axis: string;
  bar: string;
  api: string;
  self: string;
  mark: string;
  banner: string;
}

/**
 * Light for Slack and terminals; dark for Discord, whose default theme would show a white chart as a slab.
 * The dark background is opaque, Discord's panel grey #2b2d31 (chat #313338; https://designmd.co/d/discord, read
 * 2026-11-28), so the chart sits in a dark client as an embed does and still reads in Discord's light theme.
 */
export const PALETTES: Record<ChartTheme, Palette> = {
  light: {
    background: "#ffffff",
    text: "#1a202c",
    muted: "#4a5568",
    grid: "#e2e8f0",
    axis: "#a0aec0",
    bar: "#2b6cb0",
    api: "#2b6cb0",
    self: "#c05621",
    mark: "#2f855a",
    banner: "#edf2f7",
  },
  dark: {
    background: "#2b2d31",
    text: "#f2f3f5",
    muted: "#b5bac1",
    grid: "#3f4147",
    axis: "#6d6f78",
    bar: "#5b9cf0",
    api: "#5b9cf0",
    self: "#f0883e",
    mark: "#57c785",
    banner: "#383a40",
  },
};

/**
 * Logical width, rendered 1:1: Slack and Discord show a chart 400–800 px wide, so 900 px covers the widest client
 * (and a 2× screen at 400) and 400/900 of each size reaches the eye. At 2× (1800 px) every chart cost four times
 * the pixels to draw and encode, and the clients scaled them down again.
 */
export const WIDTH = 900;
export const SCALE = 1;
/** 30 × 400/900 = 13.3 px on screen: the smallest text any chart draws. */
export const TEXT = 30;
export const TITLE = 34;
export const PAD = 28;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

function escapeXml(content: string): string {
  return content.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

export function textWidth(content: string, size: number): number {
  return chartFontMetrics().width(content, size);
}

export interface TextOptions {
  anchor?: "start" | "middle" | "end";
  color: string;
  bold?: boolean;
}

/** One line of text, drawn in the chart font's glyph outlines (outlined-text.ts). Bold is a thin stroke: one font file, not two. */
export function text(x: number, y: number, content: string, size: number, options: TextOptions): string {
  const anchor = options.anchor && options.anchor !== "start" ? ` text-anchor="${options.anchor}"` : "";
  const bold = options.bold ? ` stroke="${options.color}" stroke-width="${(size / 36).toFixed(2)}"` : "";
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}" fill="${options.color}"${anchor}${bold}>${escapeXml(content)}</text>`;
}

const HAN_OR_CJK_PUNCTUATION = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Break points: after spaces in Latin text, between any two Chinese characters. */
function wrapUnits(content: string): string[] {
  const units: string[] = [];
  let word = "";
  for (const char of content) {
    if (HAN_OR_CJK_PUNCTUATION.test(char)) {
      if (word) units.push(word);
      units.push(char);
      word = "";
    } else {
      word += char;
      if (char === " ") {
        units.push(word);
        word = "";
      }
    }
  }
  if (word) units.push(word);
  return units;
}

/** Cuts `content` to `width` with an ellipsis. */
export function ellipsize(content: string, size: number, width: number): string {
  if (textWidth(content, size) <= width) return content;
  const chars = [...content];
  while (chars.length > 1 && textWidth(`${chars.join("").trimEnd()}…`, size) > width) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

/** Greedy line wrapping to `width`; the last allowed line ends in … when text is left over. */
export function wrapLines(content: string, size: number, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  const units = wrapUnits(content);
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (!line || textWidth((line + unit).trimEnd(), size) <= width) {
      line += unit;
      continue;
    }
    if (lines.length === maxLines - 1) {
      return [...lines, ellipsize(line + units.slice(i).join(""), size, width)];
    }
    lines.push(line.trimEnd());
    line = unit.trimStart();
  }
  if (line) lines.push(lines.length === maxLines - 1 ? ellipsize(line, size, width) : line.trimEnd());
  return lines.map((l) => ellipsize(l, size, width));
}

/** Lines of text from `top`; returns the markup and where the next element may start. */
export function textBlock(x: number, top: number, lines: string[], size: number, options: TextOptions): { svg: string; bottom: number } {
  const lineHeight = Math.round(size * 1.25);
  const svg = lines.map((line, i) => text(x, top + size + i * lineHeight - size * 0.12, line, size, options)).join("");
  return { svg, bottom: top + lines.length * lineHeight };
}

export function svgDocument(width: number, height: number, palette: Palette, body: string): string {
  const background = palette.background ? `<rect width="${width}" height="${height}" fill="${palette.background}"/>` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">${background}${body}</svg>`;
}

/** What a chart builder hands the renderer, plus what tests and alt text can read without decoding pixels. */
export interface ChartDrawing {
  svg: string;
  width: number;
  height: number;
  /** axis tick labels in the order drawn */
  tickLabels: string[];
  /** every line of text drawn */
  texts: string[];
}

/** Pulls the drawn text back out of an SVG (for tests and checks): entity-decoded <text> contents. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&(amp|lt|gt|quot);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"' })[e]!));
}
