import { afterAll, expect, it } from "vitest";
import { corpora } from "../../scripts/bench/corpora.ts";
import { closeTokenWorkers, countTokens } from "../../src/core/tokens/index.ts";
import { watchBlocking } from "./main-thread-blocks.ts";

afterAll(() => closeTokenWorkers());

// Run alone (the quiet project, a module graph of its own): nothing has loaded the rank tables before this count.
it("counts a fresh process's first large paste without blocking other users for 20 ms", async () => {
  const paste = corpora(1 / 9, 50)[2]!.text;
  const blocking = watchBlocking();
  const count = await countTokens(paste);
  const longest = blocking.stop();
  expect(count).toBeGreaterThan(10_000);
  expect(longest).toBeLessThan(20);
});
