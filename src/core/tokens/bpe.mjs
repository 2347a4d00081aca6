// Byte-pair merging of one pre-tokenized piece, counting the tokens it ends as. Same result as tiktoken's
// _byte_pair_merge: repeatedly merge the adjacent pair whose bytes have the lowest rank, leftmost on ties.
import { POW, rankOf, step } from "./tables.mjs";

const NONE = 0x7fffffff;
/** Up to this many bytes, scanning all pairs for the lowest rank beats keeping a heap. */
const SCAN_LIMIT = 48;

let starts = new Int32Array(1024);
let hashes = new Int32Array(1024);
let ranks = new Int32Array(1024);
let next = new Int32Array(1024);
let prev = new Int32Array(1024);
let heap = new Float64Array(1024);

function ensure(n) {
  if (starts.length > n) return;
  const size = 2 ** Math.ceil(Math.log2(n + 1));
  starts = new Int32Array(size);
  hashes = new Int32Array(size);
  ranks = new Int32Array(size);
  next = new Int32Array(size);
  prev = new Int32Array(size);
  heap = new Float64Array(size);
}

/** Tokens that `bytes[0, n)` merges into; n ≥ 2 and the bytes are not themselves one token. */
export function countMerged(tables, bytes, n) {
  ensure(n);
  return n <= SCAN_LIMIT ? countByScan(tables, bytes, n) : countByHeap(tables, bytes, n);
}

function pairRank(tables, bytes, leftStart, leftLength, leftHash, rightLength, rightHash) {
  const length = leftLength + rightLength;
  if (length > tables.maxLength) return NONE;
  const rank = rankOf(tables, (Math.imul(leftHash, POW[rightLength]) + rightHash) | 0, bytes, leftStart, length);
  return rank < 0 ? NONE : rank;
}

/** Short pieces: parts in flat arrays, the lowest pair found by a scan (what tiktoken does). */
function countByScan(tables, bytes, n) {
  for (let i = 0; i < n; i++) {
    starts[i] = i;
    hashes[i] = step(0, bytes[i]);
  }
  starts[n] = n;
  let parts = n;
  for (let i = 0; i < parts - 1; i++) ranks[i] = pairRank(tables, bytes, i, 1, hashes[i], 1, hashes[i + 1]);
  for (;;) {
    let best = NONE;
    let at = -1;
    for (let i = 0; i < parts - 1; i++) {
      if (ranks[i] <= best && ranks[i] !== NONE) {
        best = ranks[i];
        at = i;
      }
    }
    if (at < 0) return parts;
    const leftLength = starts[at + 1] - starts[at];
    const rightLength = starts[at + 2] - starts[at + 1];
    hashes[at] = (Math.imul(hashes[at], POW[rightLength]) + hashes[at + 1]) | 0;
    starts.copyWithin(at + 1, at + 2, parts + 1);
    hashes.copyWithin(at + 1, at + 2, parts);
    ranks.copyWithin(at + 1, at + 2, parts - 1);
    parts--;
    const length = leftLength + rightLength;
    if (at < parts - 1) ranks[at] = pairRank(tables, bytes, starts[at], length, hashes[at], starts[at + 2] - starts[at + 1], hashes[at + 1]);
    if (at > 0) ranks[at - 1] = pairRank(tables, bytes, starts[at - 1], starts[at] - starts[at - 1], hashes[at - 1], length, hashes[at]);
  }
}

/**
 * Long pieces (a run of Chinese without punctuation is one piece): parts in a linked list indexed by their first
 * byte, candidate pairs in a min-heap keyed rank·2^k + start, so "lowest rank, leftmost" is one pop: O(n log n).
 * Entries made stale by a merge are skipped when popped (their rank no longer matches ranks[start]).
 */
function countByHeap(tables, bytes, n) {
  const scale = 2 ** Math.ceil(Math.log2(n + 1));
  for (let i = 0; i < n; i++) {
    hashes[i] = step(0, bytes[i]);
    next[i] = i + 1;
    prev[i] = i - 1;
  }
  let size = 0;
  for (let i = 0; i < n - 1; i++) {
    const rank = pairRank(tables, bytes, i, 1, hashes[i], 1, hashes[i + 1]);
    ranks[i] = rank;
    if (rank !== NONE) heap[size++] = rank * scale + i;
  }
  ranks[n - 1] = NONE;
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i, size);
  let parts = n;
  while (size > 0) {
    const key = heap[0];
    heap[0] = heap[--size];
    siftDown(0, size);
    const rank = Math.floor(key / scale);
    const start = key - rank * scale;
    if (ranks[start] !== rank) continue;
    const right = next[start];
    const after = next[right];
    const leftLength = right - start;
    const rightLength = after - right;
    hashes[start] = (Math.imul(hashes[start], POW[rightLength]) + hashes[right]) | 0;
    ranks[right] = -1;
    next[start] = after;
    if (after < n) prev[after] = start;
    parts--;
    const length = leftLength + rightLength;
    const merged = after < n ? pairRank(tables, bytes, start, length, hashes[start], next[after] - after, hashes[after]) : NONE;
    ranks[start] = merged;
    if (merged !== NONE) size = push(merged * scale + start, size);
    const before = prev[start];
    if (before >= 0) {
      const withLeft = pairRank(tables, bytes, before, start - before, hashes[before], length, hashes[start]);
      ranks[before] = withLeft;
      if (withLeft !== NONE) size = push(withLeft * scale + before, size);
    }
  }
  return parts;
}

function push(key, size) {
  if (size === heap.length) {
    const grown = new Float64Array(size * 2);
    grown.set(heap);
    heap = grown;
  }
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent] <= key) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = key;
  return size + 1;
}

function siftDown(i, size) {
  const key = heap[i];
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && heap[child + 1] < heap[child]) child++;
    if (heap[child] >= key) break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = key;
}
