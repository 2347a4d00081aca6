// Counts tokens off the main thread, on tables the main thread already built and shares (no second load).
import { parentPort } from "node:worker_threads";
import { createCounter } from "./counter.mjs";
import { view } from "./tables.mjs";

const counters = new Map();

parentPort.on("message", ({ id, text, tables }) => {
  try {
    let count = counters.get(tables.encoding);
    if (!count) {
      count = createCounter(view(tables));
      counters.set(tables.encoding, count);
    }
    parentPort.postMessage({ id, result: count(text) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) });
  }
});
