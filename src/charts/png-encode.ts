import * as zlib from "node:zlib";

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** zlib's native crc32 (Node ≥ 20.15 and 22.2), else a table loop. */
const nativeCrc32 = (zlib as { crc32?: (data: Buffer, value?: number) => number }).crc32;

function crc32(chunks: Buffer[]): number {
  if (nativeCrc32) return chunks.reduce((crc, bytes) => nativeCrc32(bytes, crc), 0);
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

/** Rows per block handed to zlib: about 0.9 MB at 1800 px, well under a millisecond to copy. */
const ROWS_PER_BLOCK = 128;

/**
 * RGBA pixels to PNG without holding the event loop: resvg's own asPng() encodes on the calling thread
 * (15–40 ms per chart at 2×). Here rows are copied a block at a time, each block compressed on libuv's
 * thread pool before the next is prepared, so no slice of main-thread work exceeds about a millisecond.
 */
export async function encodePng(rgba: Buffer, width: number, height: number): Promise<Buffer> {
  const stride = width * 4;
  const deflater = zlib.createDeflate({ level: 6 });
  const compressed: Buffer[] = [];
  deflater.on("data", (data: Buffer) => compressed.push(data));
  const finished = new Promise<void>((resolve, reject) => {
    deflater.on("end", resolve);
    deflater.on("error", reject);
  });
  for (let top = 0; top < height; top += ROWS_PER_BLOCK) {
    const rows = Math.min(ROWS_PER_BLOCK, height - top);
    // a fresh block each time: zlib may still read the previous one
    const block = Buffer.allocUnsafe(rows * (stride + 1));
    for (let y = 0; y < rows; y++) {
      // filter type 0 (none): charts are flat colour, which deflate packs tightly as it is
      block[y * (stride + 1)] = 0;
      rgba.copy(block, y * (stride + 1) + 1, (top + y) * stride, (top + y + 1) * stride);
    }
    await new Promise<void>((resolve, reject) => deflater.write(block, (error) => (error ? reject(error) : resolve())));
  }
  deflater.end();
  await finished;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", Buffer.concat(compressed)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
