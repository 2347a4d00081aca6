import { readFileSync } from "node:fs";
import { fontFilePath } from "./font-coverage.ts";

/**
 * Advance widths read straight from the font's cmap and hmtx tables, looked up per character by binary
 * search: nothing is parsed up front, so the first chart after start costs one file read (about 2 ms)
 * instead of a full font parse (70 ms for the subset with opentype.js, 450+ ms for the whole font).
 * Layout needs widths only; resvg draws the glyphs itself, off the main thread.
 */
export class FontMetrics {
  readonly unitsPerEm: number;
  readonly bytes: Buffer;
  private readonly hmtx: number;
  private readonly metricsCount: number;
  private readonly lookup: (code: number) => number;
  private readonly advances = new Map<number, number>();

  constructor(bytes: Buffer) {
    this.bytes = bytes;
    const table = fontTables(bytes);
    this.unitsPerEm = bytes.readUInt16BE(table("head") + 18);
    this.metricsCount = bytes.readUInt16BE(table("hhea") + 34);
    this.hmtx = table("hmtx");
    this.lookup = cmapLookup(bytes, table("cmap"));
  }

  /** The glyph index a character maps to; 0 (.notdef) when the font lacks it. */
  glyphIndex(char: string): number {
    return this.lookup(char.codePointAt(0) ?? 0);
  }

  has(char: string): boolean {
    return this.glyphIndex(char) !== 0;
  }

  /** Advance of one character in font units. */
  advance(char: string): number {
    const code = char.codePointAt(0) ?? 0;
    let advance = this.advances.get(code);
    if (advance === undefined) {
      const glyph = Math.min(this.lookup(code), this.metricsCount - 1);
      advance = this.bytes.readUInt16BE(this.hmtx + glyph * 4);
      this.advances.set(code, advance);
    }
    return advance;
  }

  /** Width of a line of text at `size` px, without kerning (charts allow a few px of slack for it). */
  width(text: string, size: number): number {
    let units = 0;
    for (const char of text) units += this.advance(char);
    return (units * size) / this.unitsPerEm;
  }
}

/** Where each table of an OpenType font starts: a lookup by tag that throws when the font lacks the table. */
export function fontTables(bytes: Buffer): (tag: string) => number {
  const tables = new Map<string, number>();
  for (let i = 0; i < bytes.readUInt16BE(4); i++) {
    const entry = 12 + i * 16;
    tables.set(bytes.toString("latin1", entry, entry + 4), bytes.readUInt32BE(entry + 8));
  }
  return (tag) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };
}

/** Reads format 12 (full Unicode) or format 4 (BMP) Windows subtables. */
function cmapLookup(bytes: Buffer, cmap: number): (code: number) => number {
  const subtables: { format: number; offset: number }[] = [];
  for (let i = 0; i < bytes.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + i * 8;
    const offset = cmap + bytes.readUInt32BE(record + 4);
    subtables.push({ format: bytes.readUInt16BE(offset), offset });
  }
  const full = subtables.find((s) => s.format === 12);
  if (full) {
    const groups = bytes.readUInt32BE(full.offset + 12);
    return (code) => {
      let low = 0;
      let high = groups - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const group = full.offset + 16 + mid * 12;
        if (code < bytes.readUInt32BE(group)) high = mid - 1;
        else if (code > bytes.readUInt32BE(group + 4)) low = mid + 1;
        else return bytes.readUInt32BE(group + 8) + code - bytes.readUInt32BE(group);
      }
      return 0;
    };
  }
  const bmp = subtables.find((s) => s.format === 4);
  if (!bmp) throw new Error("font has no Unicode cmap");
  const segments = bytes.readUInt16BE(bmp.offset + 6) / 2;
  const ends = bmp.offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (code) => {
    if (code > 0xffff) return 0;
    let low = 0;
    let high = segments - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (bytes.readUInt16BE(ends + mid * 2) < code) low = mid + 1;
      else high = mid;
    }
    const start = bytes.readUInt16BE(starts + low * 2);
    if (code < start || code > bytes.readUInt16BE(ends + low * 2)) return 0;
    const delta = bytes.readUInt16BE(deltas + low * 2);
    const rangeOffset = bytes.readUInt16BE(rangeOffsets + low * 2);
    if (rangeOffset === 0) return (code + delta) & 0xffff;
    const glyph = bytes.readUInt16BE(rangeOffsets + low * 2 + rangeOffset + (code - start) * 2);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };
}

let shared: FontMetrics | null = null;

/** The chart font's metrics, read on first use. */
export function chartFontMetrics(): FontMetrics {
  shared ??= new FontMetrics(readFileSync(fontFilePath()));
  return shared;
}
