import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import opentype from "opentype.js";

/** Noto Sans SC from the npm registry, loaded explicitly: Chinese labels render as Chinese on any machine. */
const FONT_FILE = createRequire(import.meta.url).resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf");

interface Glyph {
  d: string;
  advance: number;
}

let font: opentype.Font | null = null;
const glyphs = new Map<string, Glyph>();

function loadFont(): opentype.Font {
  if (!font) {
    const bytes = readFileSync(FONT_FILE);
    font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }
  return font;
}

/** Each character's outline, at one unit per font unit, parsed once and reused by every chart. */
function glyph(char: string): Glyph {
  let cached = glyphs.get(char);
  if (!cached) {
    const f = loadFont();
    const g = f.charToGlyph(char);
    cached = { d: g.getPath(0, 0, f.unitsPerEm).toPathData(0), advance: g.advanceWidth ?? f.unitsPerEm / 2 };
    glyphs.set(char, cached);
  }
  return cached;
}

export function textWidth(content: string, size: number): number {
  const f = loadFont();
  let width = 0;
  for (const char of content) width += glyph(char).advance;
  return (width * size) / f.unitsPerEm;
}

/**
 * Text as outlines: the renderer then needs no font at all, which keeps a chart well under 100 ms.
 * `anchor` aligns like SVG's text-anchor.
 */
export function textPaths(x: number, y: number, content: string, size: number, anchor: "start" | "middle" | "end", color: string, weight = 400): string {
  const f = loadFont();
  const scale = size / f.unitsPerEm;
  const width = textWidth(content, size);
  const left = anchor === "start" ? x : anchor === "middle" ? x - width / 2 : x - width;
  let pen = 0;
  let paths = "";
  for (const char of content) {
    const g = glyph(char);
    if (g.d) paths += `<path transform="translate(${pen})" d="${g.d}"/>`;
    pen += g.advance;
  }
  const bold = weight >= 600 ? ` stroke="${color}" stroke-width="${(30).toFixed(0)}"` : "";
  return `<g transform="translate(${left.toFixed(1)},${y.toFixed(1)}) scale(${scale.toFixed(5)})" fill="${color}"${bold}>${paths}</g>`;
}
