import type { AppConfig } from "../config/config.ts";
import { formatProblem, KnowledgeInvalidError } from "../core/knowledge/problems.ts";
import { describeLoadError, KnowledgeStore, type StoreLogger } from "../core/knowledge/store.ts";
import { utcToday } from "../core/dispatch/today.ts";

/** Without a structured logger (the one-shot terminal answer), warnings such as an untrusted cache still get their line. */
const ONE_LINE_WARNINGS: StoreLogger = {
  info: () => undefined,
  warn: (_details, message) => console.error(`modelwise: ${message}`),
  error: (_details, message) => console.error(`modelwise: ${message}`),
};

/** Opens the knowledge folder or exits with the list of problems (file, entry, field), never a stack trace. */
export async function openKnowledgeOrExit(config: AppConfig, logger: StoreLogger = ONE_LINE_WARNINGS): Promise<KnowledgeStore> {
  try {
    return await KnowledgeStore.open(config.knowledgeDir, { logger, catalogPath: config.catalogPath, cacheDir: config.cacheDir, cacheKey: config.cacheKey, parseOffThread: true });
  } catch (error) {
    if (error instanceof KnowledgeInvalidError) {
      console.error(`modelwise: the knowledge folder has ${error.problems.length} problem${error.problems.length === 1 ? "" : "s"}:`);
      for (const problem of error.problems) console.error(`  - ${formatProblem(problem)}`);
    } else {
      console.error(`modelwise: cannot read the knowledge folder: ${describeLoadError(error, config.knowledgeDir).message}`);
    }
    process.exit(1);
  }
}

/** Today's date for answers: pinned by MODELWISE_TODAY, else the real one. */
export function clockFrom(config: AppConfig): () => string {
  return config.today ? () => config.today! : () => utcToday();
}
