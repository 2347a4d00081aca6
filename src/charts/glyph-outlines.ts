import { fontTables } from "./font-metrics.ts";

type Point = { x: number; y: number; onCurve: boolean };

const ON_CURVE = 0x01;
const X_SHORT = 0x02;
const Y_SHORT = 0x04;
const REPEAT = 0x08;
const X_SAME_OR_POSITIVE = 0x10;
const Y_SAME_OR_POSITIVE = 0x20;

const ARG_WORDS = 0x0001;
const ARGS_ARE_OFFSETS = 0x0002;
const HAS_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAS_XY_SCALE = 0x0040;
const HAS_TWO_BY_TWO = 0x0080;

/**
 * Glyph outlines read from a TrueType font's glyf and loca tables, as SVG path data in font units (y up), so a
 * chart's text can be drawn as shapes: the rasterizer then needs no font, no font database and no shaping, which
 * were most of a chart's cost. Each glyph is read once, on first use.
 */
export class GlyphOutlines {
  private readonly glyf: number;
  private readonly loca: number;
  private readonly longOffsets: boolean;
  private readonly glyphCount: number;
  private readonly paths = new Map<number, string>();

  constructor(private readonly bytes: Buffer) {
    const table = fontTables(bytes);
    this.glyf = table("glyf");
    this.loca = table("loca");
    this.longOffsets = bytes.readInt16BE(table("head") + 50) === 1;
    this.glyphCount = bytes.readUInt16BE(table("maxp") + 4);
  }

  /** The glyph's outline as path data ("" for an empty glyph such as a space). */
  path(glyph: number): string {
    let path = this.paths.get(glyph);
    if (path === undefined) {
      path = this.contours(glyph, 0).map(contourPath).join("");
      this.paths.set(glyph, path);
    }
    return path;
  }

  private range(glyph: number): [number, number] {
    if (glyph < 0 || glyph >= this.glyphCount) return [0, 0];
    const at = (i: number) => (this.longOffsets ? this.bytes.readUInt32BE(this.loca + i * 4) : this.bytes.readUInt16BE(this.loca + i * 2) * 2);
    return [this.glyf + at(glyph), this.glyf + at(glyph + 1)];
  }

  /** Closed contours of points; composite glyphs (accented letters) are their parts moved and scaled. */
  private contours(glyph: number, depth: number): Point[][] {
    const [start, end] = this.range(glyph);
    if (end <= start || depth > 8) return [];
    const count = this.bytes.readInt16BE(start);
    return count >= 0 ? this.simple(start + 10, count) : this.composite(start + 10, depth);
  }

  private simple(offset: number, contourCount: number): Point[][] {
    const b = this.bytes;
    const ends = Array.from({ length: contourCount }, (_, i) => b.readUInt16BE(offset + i * 2));
    const pointCount = contourCount ? ends[contourCount - 1]! + 1 : 0;
    let at = offset + contourCount * 2;
    at += 2 + b.readUInt16BE(at);
    const flags: number[] = [];
    while (flags.length < pointCount) {
      const flag = b[at++]!;
      flags.push(flag);
      if (flag & REPEAT) for (let n = b[at++]!; n > 0; n--) flags.push(flag);
    }
    const coordinates = (short: number, sameOrPositive: number) => {
      const values: number[] = [];
      let value = 0;
      for (const flag of flags) {
        if (flag & short) value += flag & sameOrPositive ? b[at++]! : -b[at++]!;
        else if (!(flag & sameOrPositive)) {
          value += b.readInt16BE(at);
          at += 2;
        }
        values.push(value);
      }
      return values;
    };
    const xs = coordinates(X_SHORT, X_SAME_OR_POSITIVE);
    const ys = coordinates(Y_SHORT, Y_SAME_OR_POSITIVE);
    const contours: Point[][] = [];
    let first = 0;
    for (const last of ends) {
      const contour: Point[] = [];
      for (let i = first; i <= last; i++) contour.push({ x: xs[i]!, y: ys[i]!, onCurve: (flags[i]! & ON_CURVE) !== 0 });
      contours.push(contour);
      first = last + 1;
    }
    return contours;
  }

  private composite(offset: number, depth: number): Point[][] {
    const b = this.bytes;
    const contours: Point[][] = [];
    let at = offset;
    for (let more = true; more; ) {
      const flags = b.readUInt16BE(at);
      const part = b.readUInt16BE(at + 2);
      at += 4;
      let dx: number;
      let dy: number;
      if (flags & ARG_WORDS) {
        [dx, dy] = [b.readInt16BE(at), b.readInt16BE(at + 2)];
        at += 4;
      } else {
        [dx, dy] = [b.readInt8(at), b.readInt8(at + 1)];
        at += 2;
      }
      // parts placed by matching points instead of offsets are rare in CJK fonts: drawn unmoved
      if (!(flags & ARGS_ARE_OFFSETS)) [dx, dy] = [0, 0];
      const f2dot14 = () => {
        const value = b.readInt16BE(at) / 16384;
        at += 2;
        return value;
      };
      let [a, bx, cy, d] = [1, 0, 0, 1];
      if (flags & HAS_SCALE) a = d = f2dot14();
      else if (flags & HAS_XY_SCALE) [a, d] = [f2dot14(), f2dot14()];
      else if (flags & HAS_TWO_BY_TWO) [a, bx, cy, d] = [f2dot14(), f2dot14(), f2dot14(), f2dot14()];
      for (const contour of this.contours(part, depth + 1)) {
        contours.push(contour.map((p) => ({ x: a * p.x + cy * p.y + dx, y: bx * p.x + d * p.y + dy, onCurve: p.onCurve })));
      }
      more = (flags & MORE_COMPONENTS) !== 0;
    }
    return contours;
  }
}

const num = (value: number) => String(Math.round(value * 10) / 10);
const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, onCurve: true });

/** One closed contour as path data: TrueType's implied on-curve points sit midway between two off-curve ones. */
function contourPath(points: Point[]): string {
  if (points.length === 0) return "";
  const startIndex = points.findIndex((p) => p.onCurve);
  // no on-curve point at all: start midway between the last and the first
  const ordered = startIndex < 0 ? [mid(points[points.length - 1]!, points[0]!), ...points] : [...points.slice(startIndex), ...points.slice(0, startIndex)];
  const start = ordered[0]!;
  let d = `M${num(start.x)} ${num(start.y)}`;
  for (let i = 1; i <= ordered.length; i++) {
    const point = ordered[i % ordered.length]!;
    if (point.onCurve) {
      if (i < ordered.length) d += `L${num(point.x)} ${num(point.y)}`;
      continue;
    }
    const next = ordered[(i + 1) % ordered.length]!;
    const to = next.onCurve ? next : mid(point, next);
    d += `Q${num(point.x)} ${num(point.y)} ${num(to.x)} ${num(to.y)}`;
    if (next.onCurve) i++;
  }
  return `${d}Z`;
}
