import { chartFontMetrics, type FontMetrics } from "./font-metrics.ts";
import { GlyphOutlines } from "./glyph-outlines.ts";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"' };
/** The <text> elements svg.ts's text() writes, and nothing else: one line, attributes in double quotes, escaped content. */
const TEXT_ELEMENT = /<text ([^>]*)>([^<]*)<\/text>/g;
const ATTRIBUTE = /([\w-]+)="([^"]*)"/g;

let outlines: GlyphOutlines | null = null;

/**
 * The chart with every line of text replaced by the chart font's glyph outlines: each glyph once in <defs>, each
 * line a group of <use>s placed by the same advance widths the layout measured with (no kerning, as there).
 * Rasterizing it needs no font at all; shaping text took more time than drawing the whole chart.
 */
export function outlineTexts(svg: string, metrics: FontMetrics = chartFontMetrics()): string {
  outlines ??= new GlyphOutlines(metrics.bytes);
  const glyphs = outlines;
  const used = new Set<number>();
  const body = svg.replace(TEXT_ELEMENT, (_, attributeText: string, escaped: string) => {
    const attributes = Object.fromEntries([...attributeText.matchAll(ATTRIBUTE)].map((m) => [m[1]!, m[2]!]));
    const content = escaped.replace(/&(amp|lt|gt|quot);/g, (_m, e: string) => ENTITIES[e]!);
    const size = Number(attributes["font-size"]);
    const scale = size / metrics.unitsPerEm;
    // bold: each glyph filled a second time a stroke's width to the right, which draws thicker stems at a third of
    // what stroking the outlines cost (the stroke doubled the time of a chart's bold lines)
    const bold = attributes.stroke ? Math.round(Number(attributes["stroke-width"]) / scale) : 0;
    let advance = 0;
    let uses = "";
    for (const char of content) {
      const glyph = metrics.glyphIndex(char);
      if (glyphs.path(glyph)) {
        used.add(glyph);
        uses += `<use href="#g${glyph}" x="${advance}"/>`;
        if (bold) uses += `<use href="#g${glyph}" x="${advance + bold}"/>`;
      }
      advance += metrics.advance(char);
    }
    const anchor = attributes["text-anchor"];
    const shift = anchor === "end" ? advance * scale : anchor === "middle" ? (advance * scale) / 2 : 0;
    const x = Number(attributes.x) - shift;
    return `<g transform="translate(${x.toFixed(1)} ${attributes.y}) scale(${scale.toFixed(5)} -${scale.toFixed(5)})" fill="${attributes.fill}">${uses}</g>`;
  });
  if (used.size === 0) return body;
  const defs = `<defs>${[...used].map((glyph) => `<path id="g${glyph}" d="${glyphs.path(glyph)}"/>`).join("")}</defs>`;
  return body.replace(/<\/svg>$/, `${defs}</svg>`);
}
