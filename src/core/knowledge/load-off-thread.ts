import { Worker } from "node:worker_threads";
import type { Knowledge } from "./load.ts";
import { KnowledgeInvalidError, type KnowledgeProblem } from "./problems.ts";
import type { StoreOptions } from "./store.ts";

/** What the loader thread sends back: the knowledge, or why not; and the warnings it would have logged. */
export type LoadOutcome =
  | { ok: true; knowledge: Knowledge; warnings: string[] }
  | { ok: false; problems: KnowledgeProblem[] | null; message: string; code?: string; path?: string; warnings: string[] };

/** Built (dist/*.js) it runs as plain JavaScript; from the sources (tests, scripts) it needs tsx, as the sources do. */
const BUILT = import.meta.url.endsWith(".js");

/**
 * loadFolder on a thread of its own, started for this one load: reading, YAML, zod and the catalog map never block
 * the event loop that answers people. Errors come back as the same errors loadFolder throws.
 */
export function loadFolderOffThread(dir: string, now: Date, options: StoreOptions): Promise<Knowledge> {
  const worker = new Worker(new URL(BUILT ? "./load-worker.js" : "./load-worker.ts", import.meta.url), {
    execArgv: BUILT ? [] : ["--import", "tsx"],
    workerData: { dir, at: now.getTime(), options: { catalogPath: options.catalogPath, cacheDir: options.cacheDir, cacheKey: options.cacheKey } },
  });
  return new Promise<Knowledge>((resolve, reject) => {
    worker.once("message", (outcome: LoadOutcome) => {
      for (const warning of outcome.warnings) options.logger?.warn?.({ cacheDir: options.cacheDir }, warning);
      if (outcome.ok) resolve(outcome.knowledge);
      else if (outcome.problems) reject(new KnowledgeInvalidError(outcome.problems));
      else reject(Object.assign(new Error(outcome.message), { code: outcome.code, path: outcome.path }));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the knowledge loader stopped (exit code ${code})`)));
  }).finally(() => void worker.terminate());
}
