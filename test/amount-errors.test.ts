import { describe, expect, it } from "vitest";
import { ask } from "./helpers.ts";

const HUGE = `3${"0".repeat(301)}`;

describe("an error never shows a number the user did not type", () => {
  it.each([
    ["en", `how much is gpt-5 for ${HUGE} tokens`, /An amount in your question is beyond what I can work with \(as tokens:\)/],
    ["en", `gpt-5 for ${HUGE} requests a day`, /An amount in your question is beyond what I can work with \(as requests:\)/],
    ["zh", `gpt-5 处理 ${HUGE} 个 token 要多少钱`, /问题中的某个数量超出了我能计算的范围/],
  ])("a question (%s) with an amount out of range", async (lang, question, message) => {
    const reply = await ask(question);
    expect(reply.ok).toBe(false);
    expect(reply.lang).toBe(lang);
    expect(reply.text).toMatch(message);
    expect(reply.text).not.toMatch(/\de\+?\d/);
  });

  it("a typed option still names what was typed", async () => {
    const reply = await ask("/compare gpt-5 deepseek in:3e301");
    expect(reply.text).toContain('"3e301" is not a token amount for in:');
  });
});
