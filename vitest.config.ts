import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Files that run the Slack or the Discord adapter in the test's own process. After the Slack adapter has sent through
 * undici, discord.js's multipart uploads in the same process fail ("action is not a function" in undici's body.js),
 * so Slack files and Discord files share workers only among themselves (a project keeps its own workers), and a file
 * that runs both gets a fresh process.
 */
const SLACK = "test/slack*.test.ts";
const DISCORD = "test/discord*.test.ts";
const BOTH = ["test/contract/**/*.test.ts", "test/price-digest.e2e.test.ts", "test/adapters-*.test.ts"];
const QUIET = "test/quiet/**";

export default defineConfig({
  test: {
    env: { MODELWISE_TODAY: "2026-11-28" },
    // vitest's default (cores − 1) is a single worker on a 2-core machine; many files mostly wait on a child
    // process, a server or a timer, so one worker more than cores keeps both cores busy.
    maxWorkers: availableParallelism() + 1,
    // Limits against a hang, not measurements: on a 2-core machine busy with other work a test that reloads the
    // knowledge a dozen times, or a hook that stops a child process, takes several times as long as on an idle one.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          // measured by event-loop delay: they run alone afterwards (vitest.quiet.config.ts), not beside other files
          exclude: [QUIET, SLACK, DISCORD, ...BOTH, "**/node_modules/**"],
          // No file mocks modules, stubs globals or changes process.env, so a worker imports the sources and loads
          // the knowledge folder (test/helpers.ts realSnapshot) once for all its files instead of once per file.
          isolate: false,
        },
      },
      { extends: true, test: { name: "slack", include: [SLACK], isolate: false } },
      { extends: true, test: { name: "discord", include: [DISCORD], isolate: false } },
      { extends: true, test: { name: "slack and discord", include: BOTH } },
    ],
  },
});
