// Rank tables in one SharedArrayBuffer: built once per process on first use, shared with every worker (no second load).
// Plain JavaScript so worker threads run it without a TypeScript loader.
import { readFile } from "node:fs/promises";
import { setImmediate as nextTurn } from "node:timers/promises";

/** Multiplier of the polynomial hash: hash(a + b) = hash(a) · P^|b| + hash(b), so a merged pair's hash costs O(1). */
const P = 0x01000193;
const GOLDEN = 0x9e3779b1 | 0;

/** A token can be at most this long (o200k_base's longest is 128 bytes); longer spans are never looked up. */
const MAX_TOKEN_BYTES = 255;

/** P^k for k = 0…MAX_TOKEN_BYTES. */
export const POW = new Int32Array(MAX_TOKEN_BYTES + 1);
POW[0] = 1;
for (let k = 1; k <= MAX_TOKEN_BYTES; k++) POW[k] = Math.imul(POW[k - 1], P);

/** Hash of one more byte appended. The +1 keeps a leading 0x00 byte from hashing like nothing. */
export const step = (hash, byte) => (Math.imul(hash, P) + byte + 1) | 0;

const slotsBitsFor = (count) => Math.ceil(Math.log2(count * 2.5));

/** Building the tables (about 30 ms of work for o200k_base) hands the event loop back this often. */
const SLICE_MS = 4;
const RANKS_PER_CHECK = 512;
const SLOTS_PER_FILL = 1 << 17;

/**
 * Reads data/<encoding>.bin (see data/generate.ts) and lays out, in one SharedArrayBuffer:
 * offsets (u32, count + 1) | slot ranks (i32, open addressing, -1 empty) | slot hashes (i32) | token bytes.
 * Built in slices of a few milliseconds, so a first count does not stall everyone else on the event loop.
 */
export async function loadTables(encoding) {
  const file = await readFile(new URL(`./data/${encoding}.bin`, import.meta.url));
  const count = file.readUInt32LE(0);
  const lengths = file.subarray(4, 4 + count);
  const body = file.subarray(4 + count);
  const slotsBits = slotsBitsFor(count);
  const slots = 1 << slotsBits;
  const bytesAt = 4 * (count + 1) + 8 * slots;
  const shared = new SharedArrayBuffer(bytesAt + body.length);
  const tables = view({ encoding, shared, count, slotsBits, bytesAt });
  // touching the new memory is most of the cost of these two steps (~4 and ~8 ms): each part gets a turn of its own
  tables.bytes.set(body);
  await nextTurn();
  for (let from = 0; from < slots; from += SLOTS_PER_FILL) {
    tables.slotRank.fill(-1, from, from + SLOTS_PER_FILL);
    await nextTurn();
  }
  let offset = 0;
  let maxLength = 0;
  let sliceStart = performance.now();
  for (let rank = 0; rank < count; rank++) {
    if (rank % RANKS_PER_CHECK === 0 && performance.now() - sliceStart > SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
    tables.offsets[rank] = offset;
    const length = lengths[rank];
    if (length > 0) insert(tables, rank, offset, length);
    offset += length;
    if (length > maxLength) maxLength = length;
  }
  tables.offsets[count] = offset;
  tables.maxLength = maxLength;
  return tables;
}

/** What a worker needs to see the same tables: the shared buffer and its layout, no copy. */
export function describe(tables) {
  const { encoding, shared, count, slotsBits, bytesAt, maxLength } = tables;
  return { encoding, shared, count, slotsBits, bytesAt, maxLength };
}

export function view(description) {
  const { shared, count, slotsBits, bytesAt } = description;
  const slots = 1 << slotsBits;
  return {
    ...description,
    offsets: new Uint32Array(shared, 0, count + 1),
    slotRank: new Int32Array(shared, 4 * (count + 1), slots),
    slotHash: new Int32Array(shared, 4 * (count + 1) + 4 * slots, slots),
    bytes: new Uint8Array(shared, bytesAt),
    shift: 32 - slotsBits,
    mask: slots - 1,
  };
}

function insert(tables, rank, offset, length) {
  let hash = 0;
  for (let i = 0; i < length; i++) hash = step(hash, tables.bytes[offset + i]);
  let slot = Math.imul(hash, GOLDEN) >>> tables.shift;
  while (tables.slotRank[slot] >= 0) slot = (slot + 1) & tables.mask;
  tables.slotRank[slot] = rank;
  tables.slotHash[slot] = hash;
}

/** The rank of bytes[from, from + length) whose hash is `hash`, or -1 if those bytes are not a token. */
export function rankOf(tables, hash, bytes, from, length) {
  const { slotRank, slotHash, offsets, mask } = tables;
  const tokenBytes = tables.bytes;
  let slot = Math.imul(hash, GOLDEN) >>> tables.shift;
  for (;;) {
    const rank = slotRank[slot];
    if (rank < 0) return -1;
    if (slotHash[slot] === hash) {
      const at = offsets[rank];
      if (offsets[rank + 1] - at === length) {
        let i = 0;
        while (i < length && tokenBytes[at + i] === bytes[from + i]) i++;
        if (i === length) return rank;
      }
    }
    slot = (slot + 1) & mask;
  }
}
