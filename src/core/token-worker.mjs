// Counts tokens off the main thread. Plain JavaScript so it runs the same under tsx, vitest and node.
import { parentPort } from "node:worker_threads";

const encoders = new Map();
async function counter(encoding) {
  if (!encoders.has(encoding)) encoders.set(encoding, import(`gpt-tokenizer/encoding/${encoding}`));
  const { countTokens } = await encoders.get(encoding);
  return countTokens;
}

const ORDINARY = { disallowedSpecial: new Set() };
parentPort.on("message", async ({ id, text, encoding }) => {
  try {
    const count = await counter(encoding);
    parentPort.postMessage({ id, result: count(text, ORDINARY) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) });
  }
});
