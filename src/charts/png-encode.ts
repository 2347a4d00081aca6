import { promisify } from "node:util";
import { deflate } from "node:zlib";

const deflateAsync = promisify(deflate);

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(chunks: Buffer[]): number {
  let crc = -1;
  for (const bytes of chunks) for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32([head.subarray(4), data]), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * Scratch buffers for the filtered rows, reused: writing 7–14 MB of fresh memory costs 5–13 ms of page
 * faults on the main thread, more than the rest of the chart together. One per concurrent render is kept.
 */
const spare: Buffer[] = [];
const MAX_SPARE = 2;

function scratch(size: number): Buffer {
  const index = spare.findIndex((b) => b.length >= size);
  return index >= 0 ? spare.splice(index, 1)[0]! : Buffer.allocUnsafe(size);
}

/**
 * RGBA pixels to PNG with the compression on libuv's thread pool: resvg's own asPng() encodes on the
 * calling thread, 15–40 ms of a stalled event loop per chart at 2×.
 */
export async function encodePng(rgba: Buffer, width: number, height: number): Promise<Buffer> {
  const stride = width * 4;
  // every byte is written below: filter type 0 (none) then the row, as charts are flat colour that deflate packs tightly
  const size = height * (stride + 1);
  const buffer = scratch(size);
  const raw = buffer.subarray(0, size);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  let compressed: Buffer;
  try {
    compressed = await deflateAsync(raw, { level: 6 });
  } finally {
    if (spare.length < MAX_SPARE) spare.push(buffer);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", compressed),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
