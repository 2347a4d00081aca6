import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, expect, it } from "vitest";
import { corpora } from "../../scripts/bench/corpora.ts";
import { closeTokenWorkers, countTokens } from "../../src/core/tokens/index.ts";

afterAll(() => closeTokenWorkers());

/** Lets the event-loop sampler (5 ms resolution) take a few samples. */
const sampled = () => new Promise((resolve) => setTimeout(resolve, 20));

// Run alone (vitest.quiet.config.ts, a module graph of its own): nothing has loaded the rank tables before this count.
it("counts a fresh process's first large paste without blocking other users for 20 ms", async () => {
  const paste = corpora(1 / 9, 50)[2]!.text;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  await sampled();
  const count = await countTokens(paste);
  await sampled();
  delay.disable();
  expect(count).toBeGreaterThan(10_000);
  expect(delay.max / 1e6).toBeLessThan(20);
});
