import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, expect, it } from "vitest";
import { unpunctuatedChinese } from "../../scripts/bench/corpora.ts";
import { closeTokenWorkers, countTokens } from "../../src/core/tokens/index.ts";

afterAll(() => closeTokenWorkers());

/** Lets the event-loop sampler (5 ms resolution) take a few samples. */
const sampled = () => new Promise((resolve) => setTimeout(resolve, 20));

// Run alone (vitest.quiet.config.ts): another test file's work on this thread would be counted as this one's delay.
it("counts one 100,000-character run of Chinese without blocking other users for 50 ms", async () => {
  await countTokens("load the tables first");
  const text = unpunctuatedChinese(100_000, 2026);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  await sampled();
  const count = await countTokens(text);
  // a stall is recorded only when the sampler's next timer fires, so it must get to run before disable()
  await sampled();
  delay.disable();
  expect(count).toBeGreaterThan(90_000);
  expect(delay.max / 1e6).toBeLessThan(50);
});
