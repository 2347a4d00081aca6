import { afterAll, expect, it } from "vitest";
import { unpunctuatedChinese } from "../../scripts/bench/corpora.ts";
import { closeTokenWorkers, countTokens } from "../../src/core/tokens/index.ts";
import { watchBlocking } from "./main-thread-blocks.ts";

afterAll(() => closeTokenWorkers());

/** Lets the watcher's timer turn a few times. */
const sampled = () => new Promise((resolve) => setTimeout(resolve, 20));

// Run alone (the "quiet" project): another test file's work on this thread would be counted as this one's.
it("counts one 100,000-character run of Chinese without blocking other users for 50 ms", async () => {
  await countTokens("load the tables first");
  const text = unpunctuatedChinese(100_000, 2026);
  const blocking = watchBlocking();
  await sampled();
  const count = await countTokens(text);
  // a stall is recorded only when the watcher's next timer fires, so it must get to run before stop()
  await sampled();
  const longest = blocking.stop();
  expect(count).toBeGreaterThan(90_000);
  expect(longest).toBeLessThan(50);
});
