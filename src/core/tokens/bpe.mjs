// Byte-pair merging of one pre-tokenized piece, counting the tokens it ends as. Same result as tiktoken's
// _byte_pair_merge: repeatedly merge the adjacent pair whose bytes have the lowest rank, leftmost on ties.
// Parts live in a linked list indexed by their first byte (next[i]), with hashes[i] the part's hash and ranks[i]
// the rank of the part merged with its successor (NONE if that is not a token), so a merge moves no memory.
import { POW, rankOf, step } from "./tables.mjs";

const NONE = 0x7fffffff;
/** Up to this many bytes, scanning all pairs for the lowest rank beats keeping a heap. */
const SCAN_LIMIT = 32;

let hashes = new Int32Array(1024);
let ranks = new Int32Array(1024);
let next = new Int32Array(1024);
let prev = new Int32Array(1024);
let heap = new Float64Array(1024);

function ensure(n) {
  if (next.length > n) return;
  const size = 2 ** Math.ceil(Math.log2(n + 1));
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

/** Rank of the part at `start` merged with the one at `right` (ending at `end`), NONE if that is not a token. */
function pairRank(tables, bytes, start, right, end) {
  const length = end - start;
  if (length > tables.maxLength) return NONE;
  const rank = rankOf(tables, (Math.imul(hashes[start], POW[end - right]) + hashes[right]) | 0, bytes, start, length);
  return rank < 0 ? NONE : rank;
}

function init(tables, bytes, n) {
  for (let i = 0; i < n; i++) {
    hashes[i] = step(0, bytes[i]);
    next[i] = i + 1;
    prev[i] = i - 1;
  }
  for (let i = 0; i < n - 1; i++) ranks[i] = pairRank(tables, bytes, i, i + 1, i + 2);
  ranks[n - 1] = NONE;
}

/** Merges the part at `start` with its successor; returns the new part's rank with its new successor. */
function merge(tables, bytes, start, n) {
  const right = next[start];
  const after = next[right];
  hashes[start] = (Math.imul(hashes[start], POW[after - right]) + hashes[right]) | 0;
  ranks[right] = -1;
  next[start] = after;
  if (after < n) prev[after] = start;
  const merged = after < n ? pairRank(tables, bytes, start, after, next[after]) : NONE;
  ranks[start] = merged;
  return merged;
}

/** Short pieces: find the lowest pair by walking the list (what tiktoken does, without moving memory). */
function countByScan(tables, bytes, n) {
  init(tables, bytes, n);
  let parts = n;
  for (;;) {
    let best = NONE;
    let at = -1;
    for (let i = 0; i < n; i = next[i]) {
      if (ranks[i] < best) {
        best = ranks[i];
        at = i;
      }
    }
    if (at < 0) return parts;
    merge(tables, bytes, at, n);
    parts--;
    const before = prev[at];
    if (before >= 0) ranks[before] = pairRank(tables, bytes, before, at, next[at]);
  }
}

/**
 * Long pieces (a run of Chinese without punctuation is one piece): candidate pairs in a min-heap keyed
 * rank·2^k + start, so "lowest rank, leftmost" is one pop: O(n log n). Entries made stale by a merge are skipped
 * when popped (their rank no longer matches ranks[start]).
 */
function countByHeap(tables, bytes, n) {
  init(tables, bytes, n);
  const scale = 2 ** Math.ceil(Math.log2(n + 1));
  let size = 0;
  for (let i = 0; i < n - 1; i++) if (ranks[i] !== NONE) heap[size++] = ranks[i] * scale + i;
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i, size);
  let parts = n;
  while (size > 0) {
    const key = heap[0];
    heap[0] = heap[--size];
    siftDown(0, size);
    const rank = Math.floor(key / scale) | 0;
    const start = (key - rank * scale) | 0;
    if (ranks[start] !== rank) continue;
    const merged = merge(tables, bytes, start, n);
    parts--;
    if (merged !== NONE) size = push(merged * scale + start, size);
    const before = prev[start];
    if (before >= 0) {
      const withLeft = pairRank(tables, bytes, before, start, next[start]);
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
  const h = heap;
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (h[parent] <= key) break;
    h[i] = h[parent];
    i = parent;
  }
  h[i] = key;
  return size + 1;
}

function siftDown(i, size) {
  const h = heap;
  const key = h[i];
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && h[child + 1] < h[child]) child++;
    if (h[child] >= key) break;
    h[i] = h[child];
    i = child;
  }
  h[i] = key;
}
