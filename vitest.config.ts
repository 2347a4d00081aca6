import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // measured by event-loop delay: they run alone afterwards (vitest.quiet.config.ts), not beside other files
    exclude: ["test/quiet/**", "**/node_modules/**"],
    env: { MODELWISE_TODAY: "2026-11-28" },
    // No file mocks modules, stubs globals or changes process.env, so a worker imports the sources and loads the
    // knowledge folder (test/helpers.ts realSnapshot) once for all its files instead of once per file.
    isolate: false,
    // vitest's default (cores − 1) is a single worker on a 2-core machine; many files mostly wait on a child
    // process, a server or a timer, so one worker more than cores keeps both cores busy.
    maxWorkers: availableParallelism() + 1,
    testTimeout: 20_000,
    // a hook that stops a child process or a server can take seconds on a machine busy with other work
    hookTimeout: 60_000,
  },
});
