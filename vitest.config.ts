import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    env: { MODELWISE_TODAY: "2026-11-28" },
    testTimeout: 20_000,
  },
});
