import { inflateSync } from "node:zlib";

interface DecodedPng {
  width: number;
  height: number;
  /** distinct RGB colours among the pixels: a blank or one-colour image has one or two */
  distinctColours: number;
  /** the top-left pixel, where every chart shows its background: relative luminance 0 (black) … 1 (white) */
  background: { r: number; g: number; b: number; luminance: number };
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** Undoes PNG's per-row filters (RFC 2083 §6), giving the raw pixel bytes row after row. */
function unfilter(data: Buffer, width: number, height: number, channels: number): Buffer {
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)]!;
    const from = y * (stride + 1) + 1;
    const at = y * stride;
    // no allocation per byte: a 1800 px chart has 7 million of them
    for (let x = 0; x < stride; x++) {
      const raw = data[from + x]!;
      const left = x >= channels ? out[at + x - channels]! : 0;
      const up = y > 0 ? out[at - stride + x]! : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) predicted = paeth(left, up, y > 0 && x >= channels ? out[at - stride + x - channels]! : 0);
      else throw new Error(`unknown PNG filter ${filter}`);
      out[at + x] = (raw + predicted) & 0xff;
    }
  }
  return out;
}

/** Decodes an 8-bit PNG: proves it is whole (signature, chunks, IHDR, IDAT of the right size) and reads its pixels. */
export function decodePng(png: Buffer): DecodedPng {
  if (!png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error("not a PNG");
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9]!] ?? 0;
      if (data[8] !== 8 || !channels || data[12] !== 0) throw new Error("unexpected PNG format");
    }
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
    if (type === "IEND") break;
  }
  const filtered = inflateSync(Buffer.concat(idat));
  if (filtered.length !== height * (1 + width * channels)) throw new Error("image data has the wrong size");
  const pixels = unfilter(filtered, width, height, channels);
  const rgb = (i: number) => (channels >= 3 ? [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!] : [pixels[i]!, pixels[i]!, pixels[i]!]) as [number, number, number];
  const colours = new Set<number>();
  const [green, blue] = channels >= 3 ? [1, 2] : [0, 0];
  for (let i = 0; i < pixels.length; i += channels) colours.add((pixels[i]! << 16) | (pixels[i + green]! << 8) | pixels[i + blue]!);
  const [r, g, b] = rgb(0);
  return { width, height, distinctColours: colours.size, background: { r, g, b, luminance: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 } };
}
