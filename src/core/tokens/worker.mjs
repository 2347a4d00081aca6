// Counts one long piece (see index.ts) off the main thread, on tables the main thread already built and shares.
import { parentPort } from "node:worker_threads";
import { createCounter } from "./counter.mjs";
import { view } from "./tables.mjs";

const counters = new Map();

parentPort.on("message", ({ id, text, tables }) => {
  try {
    let counter = counters.get(tables.encoding);
    if (!counter) {
      counter = createCounter(view(tables));
      counters.set(tables.encoding, counter);
    }
    parentPort.postMessage({ id, result: counter.count(text) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) });
  }
});
