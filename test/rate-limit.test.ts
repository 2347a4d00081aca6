import { describe, expect, it } from "vitest";
import { commands } from "../commands/index.ts";
import { createDispatcher } from "../src/core/dispatch/dispatch.ts";
import { fixedKnowledge } from "../src/core/knowledge/store.ts";
import { MemoryRateLimit } from "../src/core/conversation/rate-limit.ts";
import { realSnapshot } from "./helpers.ts";

describe("the per-user rate limit", () => {
  it("allows a burst, then refills over time", () => {
    let now = 0;
    const limiter = new MemoryRateLimit(3, 60, () => now);
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([0, 0, 0]);
    expect(limiter.take("a")).toBe(1);
    expect(limiter.take("b")).toBe(0);
    now += 1000;
    expect(limiter.take("a")).toBe(0);
  });

  it("answers a flooding user with a localized slow-down, and still serves everyone else", async () => {
    const source = fixedKnowledge(await realSnapshot());
    const limiter = new MemoryRateLimit(2, 6, () => 0);
    const from = (id: string, text: string) =>
      createDispatcher({ commands, knowledge: source, limiter }).answer({ command: "compare", text, user: { id }, isAdmin: false, surface: "slack" });
    await from("flood", "gpt-5 deepseek");
    await from("flood", "gpt-5 deepseek");
    const refused = await from("flood", "gpt-5 和 deepseek");
    expect(refused.ok).toBe(false);
    expect((refused.data as { error: { code: string } }).error.code).toBe("rate_limited");
    expect(refused.text).toContain("请 10 秒后再试");
    expect((await from("someone-else", "gpt-5 deepseek")).ok).toBe(true);
  });

  it("never limits the local terminal user", async () => {
    const source = fixedKnowledge(await realSnapshot());
    const limiter = new MemoryRateLimit(1, 1, () => 0);
    for (let i = 0; i < 3; i++) {
      const reply = await createDispatcher({ commands, knowledge: source, limiter }).answer({
        command: "models",
        text: "",
        user: { id: "me" },
        isAdmin: true,
        surface: "terminal",
      });
      expect(reply.ok).toBe(true);
    }
  });
});
