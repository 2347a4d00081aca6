import { defineConfig } from "vitest/config";

/** Tests that measure the event loop's delay: one file at a time, so no other test file's work is measured too. */
export default defineConfig({
  test: {
    include: ["test/quiet/**/*.test.ts"],
    fileParallelism: false,
    env: { MODELWISE_TODAY: "2026-11-28" },
    testTimeout: 30_000,
  },
});
