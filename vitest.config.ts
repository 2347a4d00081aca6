import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { ProcessesFirst } from "./test/processes-first.ts";

// measured by event-loop delay: they run alone afterwards (the "quiet" project), not beside other files
const QUIET = "test/quiet/**";

export default defineConfig({
  test: {
    env: { MODELWISE_TODAY: "2026-11-28" },
    /**
     * Test files and sources are loaded by Node's own `import` (--experimental-transform-types: types stripped,
     * parameter properties compiled), not by vite's module runner nor vitest's loader (no file uses vi.mock):
     * nothing is transformed in the main process and a worker imports the sources about a third faster. It is also
     * why the Slack and the Discord files can share workers: under the module runner, discord.js's multipart uploads
     * failed ("action is not a function" in undici's body.js) once a Slack file had loaded undici in the same
     * process; with Node's import they do not (slack-faults.test.ts, then discord.gateway.e2e.test.ts, in one worker).
     */
    experimental: { viteModuleRunner: false, nodeLoader: false },
    execArgv: ["--experimental-transform-types", "--disable-warning=ExperimentalWarning"],
    // vitest's default (cores − 1) is a single worker on a 2-core machine; many files mostly wait on a child
    // process, a server or a timer, so one worker more than cores keeps both cores busy.
    maxWorkers: availableParallelism() + 1,
    // Limits against a hang, not measurements: on a 2-core machine busy with other work a test that reloads the
    // knowledge a dozen times, or a hook that stops a child process, takes several times as long as on an idle one.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    sequence: { sequencer: ProcessesFirst },
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: [QUIET, "**/node_modules/**"],
          // No file mocks modules, stubs globals or changes process.env, so a worker imports the sources and loads
          // the knowledge folder (test/helpers.ts realSnapshot) once for all its files instead of once per file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "quiet",
          include: [`${QUIET}/*.test.ts`],
          // after every other project has finished, one file at a time: no other test's work is measured too
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          testTimeout: 30_000,
        },
      },
    ],
  },
});
