import { describe, expect, it } from "vitest";
import { ask } from "./helpers.ts";

const HUGE = `3${"0".repeat(301)}`;

describe("an error never shows a number the user did not type", () => {
  it.each([
    // the amount is named back as typed (its first 40 digits), with the bounds, never in another notation
    ["en", `how much is gpt-5 for ${HUGE} tokens`, /"30{39}" is not an amount I can use/],
    ["en", `gpt-5 for ${HUGE} requests a day`, /"30{39}" is not an amount I can use/],
    ["zh", `gpt-5 处理 ${HUGE} 个 token 要多少钱`, /“30{39}”不是可用的数量/],
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
