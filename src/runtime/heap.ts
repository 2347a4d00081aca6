import { setFlagsFromString } from "node:v8";

/**
 * Grow V8's heap by 30% past what survives each full collection, instead of V8's default of up to 4× when it
 * judges collection cheap. A bot's live data is small (knowledge and indexes, ~50 MB) and its garbage per answer
 * large; under load the default let the heap reach 4× live and the Slack server past 450 MB RSS, with this ~300 MB
 * at the same throughput (BENCHMARKS.md). Read at each collection, so setting it at start-up is enough.
 *
 * And no allocation-site pretenuring: under a burst, answers in flight survive young collections, V8 then allocates
 * their kind of object (reply texts, the response) straight into the old generation from then on, and every answer
 * after the burst leaves its garbage there: a full collection every ~0.3 s flat out instead of every ~0.9 s, and the
 * slowest answers at 500/s slower (BENCHMARKS.md).
 */
export function tuneHeap(): void {
  setFlagsFromString("--heap-growing-percent=30");
  setFlagsFromString("--no-allocation-site-pretenuring");
}
