import { readFileSync } from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** A test file that starts processes: built bots, scripts, a build, an install (test/production-bot.ts and the like). */
const STARTS_PROCESSES = /from "node:child_process"|from "\.\/production-bot\.ts"/;

/**
 * vitest's order (failed first, then the longest last time, or the largest file when there is no last time, as in a
 * fresh clone), with the files that start processes moved to the front: they take long on the clock while mostly
 * waiting for their children, so started first they overlap the CPU-bound files instead of running alone at the end.
 */
export class ProcessesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const starts = new Set(sorted.filter((file) => STARTS_PROCESSES.test(readFileSync(file.moduleId, "utf8"))));
    return [...sorted.filter((file) => starts.has(file)), ...sorted.filter((file) => !starts.has(file))];
  }
}
