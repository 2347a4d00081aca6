import { beforeAll, describe, expect, it } from "vitest";
import type { Dispatcher } from "../src/core/dispatch.ts";
import type { Reply } from "../src/core/reply.ts";
import { realSnapshot, testDispatcher } from "./helpers.ts";

/** Conversations as a team chat has them: each turn through the shared dispatcher, answered from the one before. */
let dispatcher: Dispatcher;
let conversations = 0;

beforeAll(async () => {
  dispatcher = testDispatcher(await realSnapshot());
});

async function converse(...lines: string[]): Promise<Reply[]> {
  const conversation = `conversation-${++conversations}`;
  const replies: Reply[] = [];
  for (const text of lines) replies.push(await dispatcher.answer({ command: null, text, user: { id: "tester" }, isAdmin: false, surface: "test", conversation }));
  return replies;
}

const modelsOf = (reply: Reply) => ((reply.data.models ?? []) as { id: string }[]).map((m) => m.id);
const intentOf = (reply: Reply) => reply.data.intent;

describe("a question back keeps the conversation's models and workload", () => {
  it("the member named after 'which claude?' joins GPT-5 at the stated volume, and '80% cached' then changes only the cache", async () => {
    const [back, chosen, cached] = await converse("compare claude and gpt-5 for 50M tokens a month", "claude sonnet 4.5", "80% cached");
    expect(intentOf(back!)).toBe("clarify");
    expect(chosen!.ok).toBe(true);
    expect(intentOf(chosen!)).toBe("compare");
    expect(modelsOf(chosen!)).toEqual(["claude-sonnet-4-5", "gpt-5"]);
    expect(chosen!.text).toContain("50M tokens a month");
    expect(cached!.ok).toBe(true);
    expect(intentOf(cached!)).toBe("compare");
    expect(modelsOf(cached!)).toEqual(["claude-sonnet-4-5", "gpt-5"]);
    expect(cached!.text).toContain("80% of input cached");
    // the cache makes the same two models cheaper, nothing else
    const costs = (reply: Reply) => ((reply.data.models ?? []) as { cost: number }[]).map((m) => m.cost);
    const before = costs(chosen!);
    for (const [i, cost] of costs(cached!).entries()) expect(cost).toBeLessThan(before[i]!);
  });

  it("中文：先问“哪个 gpt”，答了 gpt-5 mini 之后，“缓存80%呢”仍比较这两个模型", async () => {
    const [back, chosen, cached] = await converse("gpt 和 deepseek 每月3000万输入600万输出，哪个便宜？", "gpt-5 mini", "缓存80%呢");
    expect(intentOf(back!)).toBe("clarify");
    expect(back!.text).toContain("3000万");
    expect(modelsOf(chosen!)).toEqual(["gpt-5-mini", "deepseek-chat"]);
    // "gpt-5 mini" says no language of its own: the Chinese conversation is answered in Chinese
    expect(chosen!.lang).toBe("zh");
    expect(chosen!.text).toContain("3000万");
    expect(intentOf(cached!)).toBe("compare");
    expect(modelsOf(cached!)).toEqual(["gpt-5-mini", "deepseek-chat"]);
    expect(cached!.text).toContain("80% 输入命中缓存");
    expect(cached!.text).not.toMatch(/[a-z]{4,} tokens a month/);
  });

  it("a modifier typed before the choice is kept, and the question is asked again rather than answered without a model", async () => {
    const [, cached, chosen] = await converse("claude vs gpt-5, 50M tokens a month", "80% cached", "opus 5");
    expect(cached!.ok).toBe(true);
    expect(intentOf(cached!)).toBe("clarify");
    expect(cached!.text).toContain("GPT-5");
    expect(cached!.text).toContain("80% of input cached");
    expect(intentOf(chosen!)).toBe("compare");
    expect(modelsOf(chosen!)).toEqual(["claude-opus-5", "gpt-5"]);
    expect(chosen!.text).toContain("80% of input cached");
  });

  it("two family words are chosen one at a time, each keeping its place", async () => {
    const [, first, second] = await converse("claude vs gemini", "gemini 2.5 pro", "opus 5");
    expect(intentOf(first!)).toBe("clarify");
    expect(first!.text).toContain("Claude");
    expect(modelsOf(second!)).toEqual(["claude-opus-5", "gemini-2.5-pro"]);
  });

  it("a workload after a fact about a model prices that model for it, instead of repeating the fact", async () => {
    const [, cached] = await converse("what's the context window of gpt-5?", "80% cached, 100M tokens a month");
    expect(intentOf(cached!)).toBe("compare");
    expect(modelsOf(cached!)).toEqual(["gpt-5"]);
    expect(cached!.text).toContain("80% of input cached");
  });

  it("an English line in a Chinese conversation is still answered in English", async () => {
    const [, english] = await converse("gpt-5 和 deepseek 每月3000万输入，哪个便宜", "and for 1B tokens a month?");
    expect(english!.lang).toBe("en");
  });

  it.each([
    ["/compare gpt-5 deepseek in:30M out:6M", "80% cached", "80% of input cached"],
    ["/compare gpt-5 深度求索 in:3000万 out:600万", "缓存80%呢", "80% 输入命中缓存"],
  ])("a modifier after a command typed with options (%s) changes only what it names", async (command, modifier, said) => {
    const [first, cached] = await converse(command, modifier);
    expect(cached!.ok).toBe(true);
    expect(intentOf(cached!)).toBe("compare");
    expect(modelsOf(cached!)).toEqual(modelsOf(first!));
    expect(cached!.data.workload).toMatchObject({ inputTokens: 30_000_000, outputTokens: 6_000_000, cachedPercent: 80 });
    expect(cached!.text).toContain(said);
  });

  it.each([
    ["自建 llama 3.3 70b，用四张H100，每月10亿token", "每小时2美元一张"],
    ["self-host llama 3.3 70b on 4 H100s, 1B tokens a month", "what if it's $2 an hour for a GPU?"],
  ])("a price per GPU after a self-hosting plan keeps the GPUs it named (%s → %s)", async (first, price) => {
    const [plan, priced] = await converse(first, price);
    const gpu = (reply: Reply) => (reply.data as { gpu: { id: string; count: number; hourlyUsd: number } }).gpu;
    expect(gpu(plan!)).toMatchObject({ id: "h100", count: 4 });
    expect(gpu(priced!)).toMatchObject({ id: "h100", count: 4, hourlyUsd: 2 });
  });

  it.each([
    ["gpt-5 vs deepseek for 20M in 5M out", "swap deepseek for kimi k2", ["gpt-5", "kimi-k2"], "drop gpt-5", ["kimi-k2"]],
    ["gpt-5 和 deepseek 每月2000万输入500万输出", "把 deepseek 换成 kimi k2", ["gpt-5", "kimi-k2"], "去掉 gpt-5", ["kimi-k2"]],
    ["gpt-5 vs claude sonnet 5 for 20M in 5M out", "instead of claude, try gemini 2.5 pro", ["gpt-5", "gemini-2.5-pro"], "remove gemini 2.5 pro", ["gpt-5"]],
  ])("a follow-up swaps or drops only the model it names (%s → %s → %s)", async (first, swap, swapped, drop, dropped) => {
    const [, afterSwap, afterDrop] = await converse(first, swap as string, drop as string);
    for (const [reply, models] of [
      [afterSwap!, swapped],
      [afterDrop!, dropped],
    ] as const) {
      expect(intentOf(reply)).toBe("compare");
      expect(modelsOf(reply)).toEqual(models);
      expect(reply.data.workload).toMatchObject({ inputTokens: 20_000_000, outputTokens: 5_000_000 });
    }
  });

  it.each([
    ["gpt-5 vs deepseek for 20M in 5M out", "what if the volume doubles?", 2],
    ["gpt-5 和 deepseek 每月2000万输入500万输出", "用量翻倍呢", 2],
    ["gpt-5 vs deepseek for 20M in 5M out", "and 10x that?", 10],
  ])("a volume scaled in words is scaled, not ignored (%s → %s)", async (first, scale, factor) => {
    const [before, after] = await converse(first, scale as string);
    const w = (reply: Reply) => reply.data.workload as { inputTokens: number; outputTokens: number };
    expect(w(after!).inputTokens).toBe(w(before!).inputTokens * (factor as number));
    expect(w(after!).outputTokens).toBe(w(before!).outputTokens * (factor as number));
    expect(modelsOf(after!)).toEqual(modelsOf(before!));
  });

  it("half of a cache share is a cache share, not half the volume", async () => {
    const [before, after] = await converse("gpt-5 vs deepseek for 20M in 5M out", "缓存命中一半的话呢");
    expect((after!.data.workload as { inputTokens: number; cachedPercent: number }).cachedPercent).toBe(50);
    expect((after!.data.workload as { inputTokens: number }).inputTokens).toBe((before!.data.workload as { inputTokens: number }).inputTokens);
  });

  it("'same thing but for <model>' asks the same question of that model", async () => {
    const [, same] = await converse("gpt-5 vs deepseek for 20M in 5M out", "same thing but for claude haiku 4.5");
    expect(modelsOf(same!)).toEqual(["claude-haiku-4-5"]);
    expect(same!.data.workload).toMatchObject({ inputTokens: 20_000_000, outputTokens: 5_000_000 });
  });
});
