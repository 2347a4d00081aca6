import { parentPort, workerData } from "node:worker_threads";
import type { LoadOutcome } from "./load-off-thread.ts";
import { KnowledgeInvalidError } from "./problems.ts";
import { loadFolder, type StoreOptions } from "./store.ts";

/** One load of the knowledge folder on a worker thread (load-off-thread.ts); posts one LoadOutcome and ends. */
const { dir, at, options } = workerData as { dir: string; at: number; options: StoreOptions };
const warnings: string[] = [];
const logger = { info: () => undefined, error: () => undefined, warn: (_details: unknown, message: string) => void warnings.push(message) };
let outcome: LoadOutcome;
try {
  outcome = { ok: true, knowledge: await loadFolder(dir, new Date(at), { ...options, logger }), warnings };
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  outcome = { ok: false, problems: error instanceof KnowledgeInvalidError ? error.problems : null, message: e.message, code: e.code, path: e.path, warnings };
}
parentPort!.postMessage(outcome);
