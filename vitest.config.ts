import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // measured by event-loop delay: they run alone afterwards (vitest.quiet.config.ts), not beside other files
    exclude: ["test/quiet/**", "**/node_modules/**"],
    env: { MODELWISE_TODAY: "2026-11-28" },
    testTimeout: 20_000,
  },
});
