import { setFlagsFromString } from "node:v8";

/**
 * Grow V8's heap by 30% past what survives each full collection, instead of V8's default of up to 4× when it
 * judges collection cheap. A bot's live data is small (knowledge and indexes, ~50 MB) and its garbage per answer
 * large; under load the default let the heap reach 4× live and the Slack server past 450 MB RSS, with this ~300 MB
 * at the same throughput (BENCHMARKS.md). Read at each collection, so setting it at start-up is enough.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString("--heap-growing-percent=30");
}
