import { inflateSync } from "node:zlib";

/** Decodes a PNG far enough to prove it is whole: signature, chunk lengths, IHDR, and IDAT inflating to the right size. */
export function decodePng(png: Buffer): { width: number; height: number } {
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
      if (data[8] !== 8 || !channels) throw new Error("unexpected PNG format");
    }
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
    if (type === "IEND") break;
  }
  const pixels = inflateSync(Buffer.concat(idat));
  if (pixels.length !== height * (1 + width * channels)) throw new Error("image data has the wrong size");
  return { width, height };
}
