import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { filesBySurface } from "./test/surface-projects.ts";

const ROOT = fileURLToPath(new URL(".", import.meta.url));
// measured by event-loop delay: they run alone afterwards (the "quiet" project), not beside other files
const QUIET = "test/quiet/**";
const notQuiet = (files: string[]) => files.filter((file) => !file.startsWith("test/quiet/"));
/**
 * Files that run the Slack or the Discord adapter in the test's own process. After the Slack adapter has sent through
 * undici, discord.js's multipart uploads in the same process fail ("action is not a function" in undici's body.js),
 * so Slack files and Discord files share workers only among themselves (a project keeps its own workers), and a file
 * that runs both gets a fresh process.
 */
const surfaces = filesBySurface(ROOT, `${ROOT}test`);
const slack = notQuiet(surfaces.slack);
const discord = notQuiet(surfaces.discord);
const both = notQuiet(surfaces.both);

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
          exclude: [QUIET, ...slack, ...discord, ...both, "**/node_modules/**"],
          // No file mocks modules, stubs globals or changes process.env, so a worker imports the sources and loads
          // the knowledge folder (test/helpers.ts realSnapshot) once for all its files instead of once per file.
          isolate: false,
        },
      },
      { extends: true, test: { name: "slack", include: slack, isolate: false } },
      { extends: true, test: { name: "discord", include: discord, isolate: false } },
      { extends: true, test: { name: "slack and discord", include: both } },
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
