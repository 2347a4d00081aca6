/**
 * Writes the compact rank tables this counter loads: `npx tsx src/core/tokens/data/generate.ts`.
 * Source: js-tiktoken's rank files (the same ranks tiktoken publishes). Format, little-endian:
 *   u32 token count N (highest rank + 1) | N × u8 byte length (0 = no token with that rank) | the tokens' bytes in rank order.
 * Loading it is one file read, no parsing of a JavaScript array of 200,000 strings.
 */
import { writeFileSync } from "node:fs";
import cl100k from "js-tiktoken/ranks/cl100k_base";
import o200k from "js-tiktoken/ranks/o200k_base";

function pack(bpeRanks: string): Buffer {
  const byRank = new Map<number, Buffer>();
  for (const line of bpeRanks.split("\n")) {
    if (!line) continue;
    const [, offset, ...tokens] = line.split(" ");
    tokens.forEach((token, i) => {
      byRank.set(Number(offset) + i, Buffer.from(token, "base64"));
    });
  }
  const count = [...byRank.keys()].reduce((max, rank) => Math.max(max, rank), -1) + 1;
  const head = Buffer.alloc(4 + count);
  head.writeUInt32LE(count, 0);
  const bodies: Buffer[] = [];
  for (let rank = 0; rank < count; rank++) {
    const bytes = byRank.get(rank) ?? Buffer.alloc(0);
    if (bytes.length > 255) throw new Error(`token ${rank} is ${bytes.length} bytes, more than the format holds`);
    head[4 + rank] = bytes.length;
    bodies.push(bytes);
  }
  return Buffer.concat([head, ...bodies]);
}

for (const [name, ranks] of [
  ["o200k_base", o200k],
  ["cl100k_base", cl100k],
] as const) {
  const packed = pack(ranks.bpe_ranks);
  writeFileSync(new URL(`./${name}.bin`, import.meta.url), packed);
  console.log(`${name}: ${packed.length.toLocaleString("en-US")} bytes`);
}
