import { beforeAll, describe, expect, it } from "vitest";
import type { Dispatcher } from "../src/core/dispatch/dispatch.ts";
import type { Reply } from "../src/core/reply/reply.ts";
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

describe("a request's size said after a request count is that count's", () => {
  it.each([
    ["20k requests a month, gpt-5 mini", "what if each is 1500 in and 400 out?"],
    ["每月 2 万次请求，gpt-5 mini 多少钱", "每次输入 1500 输出 400 呢"],
  ])("%s → %s", async (first, second) => {
    const [, sized] = await converse(first, second);
    expect(sized!.data.workload).toMatchObject({ inputTokens: 20_000 * 1500, outputTokens: 20_000 * 400, promptTokensPerRequest: 1500 });
    expect(sized!.text).not.toMatch(/priced for|按 1000 次请求计价/u);
  });
});

describe("a spend of its own on models of its own is a new question", () => {
  it("'我们每月在 gpt-4o 上花 2 万，换成 deepseek 能省多少' after a comparison keeps none of its workload", async () => {
    const [, spend] = await converse(
      "we have 250 paying customers, each runs about 40 reports a month, ~6k in 1.5k out per report. sonnet 4.5 vs gpt-5?",
      "我们每月在 gpt-4o 上花 2 万，换成 deepseek 能省多少？",
    );
    expect(modelsOf(spend!)).toEqual(["gpt-4o", "deepseek-chat"]);
    expect(spend!.text).not.toMatch(/按追问|你的用量|每月请求数/u);
    expect((spend!.data.models as { sameUsageCost?: number }[]).every((m) => m.sameUsageCost !== undefined)).toBe(true);
  });
});

describe("users served at once stay through a conversation until a new count replaces them", () => {
  it.each([
    ["deepseek vs gpt-5 for 10M tokens", "how many a100s do I need to serve llama 3.1 70b to 200 concurrent users?", "and with 500 users?", 200, 500],
    ["deepseek 和 gpt-5 每月 1000 万 token", "自建 qwen3 32b，并发 100 个用户，用 L40S 要几张卡？", "那 300 个用户呢", 100, 300],
  ])("%s → %s → %s", async (first, sized, more, users, moreUsers) => {
    const [, asked, again] = await converse(first, sized, more);
    expect((asked!.data.concurrency as { users: number }).users).toBe(users);
    expect((again!.data.concurrency as { users: number }).users).toBe(moreUsers);
  });
});

describe("a mix of request sizes is kept until a new size replaces it", () => {
  it("another model keeps the mix; a new size says no mix", async () => {
    const [, added, resized] = await converse(
      "support bot, 20k chats a day: 70% are simple (800 in, 150 out), 30% need retrieval (3k in, 400 out). gpt-5 mini",
      "and deepseek?",
      "what if each is 2k in 500 out?",
    );
    expect(added!.text).toContain("a mix of 70% at 800 in + 150 out");
    expect(resized!.data.workload).toMatchObject({ inputTokens: 600_000 * 2000, outputTokens: 600_000 * 500 });
    expect(resized!.text).not.toContain("a mix of");
  });
});

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

describe("a modifier after any answer changes only what it names", () => {
  const costs = (reply: Reply) => ((reply.data.models ?? []) as { cost: number }[]).map((m) => m.cost);

  it.each([
    ["in chinese pls 🙏", "zh", "Hans"],
    ["用中文回答", "zh", "Hans"],
    ["繁體中文", "zh", "Hant"],
  ])("'%s' gives the same comparison in that language, with no need for good Chinese added", async (line, lang, script) => {
    const [first, again] = await converse("gpt-5 mini vs claude haiku 4.5 for 50M tokens a month", line);
    expect(again!.lang).toBe(lang);
    expect(again!.script).toBe(script);
    expect(intentOf(again!)).toBe("compare");
    expect(modelsOf(again!)).toEqual(modelsOf(first!));
    expect(costs(again!)).toEqual(costs(first!));
    expect(again!.text).not.toMatch(/中文能力/u);
  });

  it("'english please' after a Chinese answer answers the same question in English", async () => {
    const [first, again] = await converse("deepseek v3.2 和 kimi k2.5 每月2亿token", "english please");
    expect(first!.lang).toBe("zh");
    expect(again!.lang).toBe("en");
    expect(modelsOf(again!)).toEqual(["deepseek-chat", "kimi-k2.5"]);
    expect(costs(again!)).toEqual(costs(first!));
  });

  it.each([
    ["how much is gpt-5 for 40M in 8M out", "claude sonnet 4.5 too"],
    ["gpt-5 每月1亿token多少钱", "再加 claude sonnet 4.5"],
    ["gpt-5 每月1億token多少錢", "也加個 claude sonnet 4.5 看看"],
  ])("a model added after a one-model answer joins it: %s → %s", async (question, added) => {
    const [first, both] = await converse(question, added);
    expect(modelsOf(first!)).toEqual(["gpt-5"]);
    expect(modelsOf(both!)).toEqual(["gpt-5", "claude-sonnet-4-5"]);
    expect(costs(both!)[0]).toBe(costs(first!)[0]);
  });

  it.each([
    ["gpt-5 vs o3 20M", "make it 80% cached", "actually no cache"],
    ["claude sonnet 4.5 对比 gpt-5，输入5000万 输出1000万", "缓存命中70%", "不用缓存的话呢"],
    ["gpt-5 vs claude sonnet 4.5 30M in 6M out", "with batch", "and without batch?"],
    ["gpt-4.1 mini vs gemini 3.1 flash lite, 2B in 200M out", "via the batch api", "and if we skip batch and just hit the normal api?"],
    ["gpt-4.1 mini 对比 gemini 2.5 flash，输入 20 亿 输出 2 亿", "走批量接口呢", "那直接用普通接口呢"],
  ])("a share or the batch API taken back out prices as before it: %s → %s → %s", async (question, modifier, undo) => {
    const [first, modified, undone] = await converse(question, modifier, undo);
    expect(costs(modified!)[0]).toBeLessThan(costs(first!)[0]!);
    expect(modelsOf(undone!)).toEqual(modelsOf(first!));
    expect(costs(undone!)).toEqual(costs(first!));
  });

  it.each([
    ["claude or gemini, which is cheaper for 30M tokens", "sonnet 4.5 and 2.5 pro"],
    ["哪個比較便宜，claude 還是 gemini，每月 3000 萬 token", "sonnet 4.5 和 2.5 pro"],
  ])("a choice naming one member in full and another by its version alone takes both: %s → %s", async (question, choice) => {
    const [back, chosen] = await converse(question, choice);
    expect(intentOf(back!)).toBe("clarify");
    expect(intentOf(chosen!)).toBe("compare");
    expect(modelsOf(chosen!)).toEqual(["claude-sonnet-4-5", "gemini-2.5-pro"]);
    expect((chosen!.data.workload as { inputTokens: number }).inputTokens).toBe(25_000_000);
  });
});

describe("a cheapest-per-tier answer asked to run on-prem keeps its task and takes open-weights models", () => {
  it.each([
    ["cheapest model for summarization?", "it needs to run on-prem though", "summarization", "en"],
    ["翻译用哪个模型最便宜", "必须能私有化部署", "translation", "zh"],
    ["客服機器人最便宜用哪個", "之後要本地部署，要開源的", "customer-support", "zh"],
  ])("%s → %s", async (first, next, task, lang) => {
    const [, reply] = await converse(first, next);
    expect(reply!.ok).toBe(true);
    expect(reply!.lang).toBe(lang);
    expect(reply!.command).toBe("cheapest");
    expect(reply!.data.constraints as { tasks: string[]; openWeights: boolean }).toMatchObject({ tasks: [task], openWeights: true });
    const picks = ((reply!.data.recommendations ?? []) as { id: string | null }[]).filter((p) => p.id);
    expect(picks.length).toBeGreaterThan(0);
    const models = (await realSnapshot()).knowledge.models;
    for (const pick of picks) expect(models.find((m) => m.id === pick.id)?.openWeights, pick.id!).toBe(true);
  });
});

describe("half the input cached, however it is said", () => {
  it.each(["一半输入走缓存呢", "一半請求會走快取", "有一半能打到缓存"])("'%s' after a comparison caches half, the models and volume kept", async (line) => {
    const [first, cached] = await converse("gpt-5 mini vs deepseek, 每月 1 亿 token", line);
    expect(modelsOf(cached!)).toEqual(modelsOf(first!));
    expect(cached!.data.workload).toMatchObject({ inputTokens: (first!.data.workload as { inputTokens: number }).inputTokens, cachedPercent: 50 });
  });
});

describe("new models for the same question, and several edits in one line", () => {
  const workloadOf = (reply: Reply) => reply.data.workload as { inputTokens: number; outputTokens: number; batch?: boolean };
  it.each([
    ["gpt-5 vs claude sonnet 4.5 for 30M tokens", "same but for gemini 2.5 pro and grok 4", ["gemini-2.5-pro", "grok-4"]],
    ["gpt-5 mini vs gemini 2.5 flash 每月 5000 万", "换成 claude haiku 4.5 和 gpt-5 nano", ["claude-haiku-4-5", "gpt-5-nano"]],
  ])("%s → %s keeps the volume", async (question, other, models) => {
    const [first, again] = await converse(question, other);
    expect(modelsOf(again!)).toEqual(models);
    expect(workloadOf(again!).inputTokens).toBe(workloadOf(first!).inputTokens);
  });

  it.each([
    ["gpt-5 vs o3 50M/month", "drop o3, add o4-mini"],
    ["gpt-5 和 o3 每月5000万", "去掉 o3，加上 o4-mini"],
  ])("%s → %s drops one and adds the other", async (question, edits) => {
    const [, edited] = await converse(question, edits);
    expect(modelsOf(edited!)).toEqual(["gpt-5", "o4-mini"]);
    expect(workloadOf(edited!).inputTokens).toBe(41_666_667);
  });

  // "sonnet" alone also names another Claude: here it is the one taken out, not one more to compare
  it.each(["ok drop sonnet and throw in haiku 4.5", "drop sonnet and add haiku 4.5", "去掉 sonnet，加上 haiku 4.5", "刪掉 sonnet 再加 haiku 4.5"])(
    "after three models, '%s' leaves the other two and adds Haiku",
    async (edits) => {
      const [, edited] = await converse("sonnet 4.5 vs gemini 2.5 pro vs gpt-4.1 for 120M tokens/mo", edits);
      expect(modelsOf(edited!).sort()).toEqual(["claude-haiku-4-5", "gemini-2.5-pro", "gpt-4.1"]);
      expect(workloadOf(edited!).inputTokens).toBe(100_000_000);
    },
  );

  it("'改用批次 API 呢' in a Traditional conversation asks for the batch API", async () => {
    const [first, batched] = await converse("gpt-5 mini 跟 gemini 2.5 flash 每月 5000 萬 token", "改用批次 API 呢");
    expect(workloadOf(batched!).batch).toBe(true);
    expect(modelsOf(batched!)).toEqual(modelsOf(first!));
  });
});

describe("a question back answered by a property instead of a name", () => {
  it("'the cheapest claude' picks the cheapest Claude the knowledge prices, and compares it at the stated volume", async () => {
    const snapshot = await realSnapshot();
    const claudes = snapshot.knowledge.models.filter((m) => /claude/i.test(m.name) && !m.deprecationDate && !("unpriced" in m));
    const blend = (m: (typeof claudes)[number]) => ((m as { inputPer1M: number }).inputPer1M * 5 + (m as { outputPer1M: number }).outputPer1M) / 6;
    const cheapest = [...claudes].sort((a, b) => blend(a) - blend(b))[0]!;
    const [back, chosen] = await converse("claude vs gpt-5 for 20M tokens", "the cheapest claude");
    expect(intentOf(back!)).toBe("clarify");
    expect(intentOf(chosen!)).toBe("compare");
    expect(modelsOf(chosen!)).toEqual([cheapest.id, "gpt-5"]);
    expect(chosen!.text).toContain("20M tokens a month");
  });

  it("'都行，你挑一个' answers with one member, named, instead of asking again", async () => {
    const [, chosen] = await converse("claude 和 gpt-5 哪个便宜，每月2000万", "都行，你挑一个");
    expect(intentOf(chosen!)).toBe("compare");
    expect(modelsOf(chosen!)).toHaveLength(2);
    expect(modelsOf(chosen!)[1]).toBe("gpt-5");
    expect(chosen!.text).toContain("来自“claude”");
  });
});

describe("per-request follow-ups re-derive the month", () => {
  const workloadOf = (reply: Reply) => reply.data.workload as { inputTokens: number; outputTokens: number };
  it("'what if prompts are 20k' after 8k prompts × 100k requests prices 2B in, the replies kept", async () => {
    const [first, bigger] = await converse("gpt-5 vs claude sonnet 4.5, 8k token prompts, 100k requests a month, 500 tokens out each", "what if prompts are 20k");
    expect(workloadOf(first!)).toMatchObject({ inputTokens: 800_000_000, outputTokens: 50_000_000 });
    expect(workloadOf(bigger!)).toMatchObject({ inputTokens: 2_000_000_000, outputTokens: 50_000_000 });
  });

  it.each([
    ["each call: 20k token prompt, 1k out, 50k calls/month. gpt-4o vs gpt-4.1?", "what if the prompt grows to 200k tokens", 200_000, 50_000, 1000],
    ["gpt-5 每次请求提示词 2000 token，输出 300，每月 10 万次", "提示词变成 2 万呢", 20_000, 100_000, 300],
  ])("a new prompt size ('%s' then '%s') re-derives the month's input", async (first, second, prompt, requests, reply) => {
    const [, grown] = await converse(first, second);
    expect(workloadOf(grown!)).toMatchObject({ inputTokens: prompt * requests, outputTokens: reply * requests, promptTokensPerRequest: prompt });
  });

  it.each([
    ["gpt-5 mini vs gemini 2.5 flash, 2k-token prompts, 100k requests a month, 300 out", "what if requests go up to 1M?", 2000, 1_000_000, 300],
    ["haiku 4.5, 4k prompts, 300 tokens out each, 50k calls a month", "calls grow to 200k", 4000, 200_000, 300],
    ["gpt-5 mini vs gemini 2.5 flash, 2k-token prompts, 100k requests a month, 300 out", "and if replies are 1k tokens instead?", 2000, 100_000, 1000],
    ["claude haiku 4.5 每次请求输入 3000 token，输出 500，每月 10 万次", "回复改成 800 token 呢", 3000, 100_000, 800],
  ])("'%s' then '%s': a new request count or reply size re-derives the month", async (first, second, prompt, requests, reply) => {
    const [, next] = await converse(first, second);
    expect(workloadOf(next!)).toMatchObject({ inputTokens: prompt * requests, outputTokens: reply * requests, promptTokensPerRequest: prompt });
  });

  it("'如果每次输出 1000 token 呢' changes the replies only", async () => {
    const [, longer] = await converse("gpt-5 mini 每次请求输入 3000 token，输出 500 token，每月 20 万次", "如果每次输出 1000 token 呢");
    expect(workloadOf(longer!)).toMatchObject({ inputTokens: 600_000_000, outputTokens: 200_000_000 });
  });
});

describe("another model weighed against the one an article or fact answer was about", () => {
  it.each([
    [
      ["what does the article say about gemini 2.0 flash pricing?", "is it still cheaper than 4o mini at 100M tokens a month?"],
      ["gemini-2.0-flash", "gpt-4o-mini"],
    ],
    [
      ["claude opus 5 的上下文多長？", "跟 gpt-5.5 比價格呢？每月 5000萬 輸入、1000萬 輸出"],
      ["claude-opus-5", "gpt-5.5"],
    ],
    [
      ["文章說 deepseek 每百萬輸入 0.1 美元，現在還是嗎？", "那跟 gpt-5 比呢，每月 一億 token"],
      ["deepseek-chat", "gpt-5"],
    ],
  ])("%j compares both", async (lines, models) => {
    const replies = await converse(...lines);
    const last = replies.at(-1)!;
    expect(intentOf(last)).toBe("compare");
    expect(modelsOf(last)).toEqual(models);
  });

  it.each([
    [
      ["how much is qwen3 max for 40k-token prompts, 10k requests a month, 1k out each", "how does that compare to gpt-5.4 mini?"],
      ["qwen3-max", "gpt-5.4-mini"],
    ],
    [
      ["claude sonnet 4.5 每月 1亿 token 多少钱", "和 gpt-5 比呢"],
      ["claude-sonnet-4-5", "gpt-5"],
    ],
    [
      ["gemini 2.5 pro 每月 5000萬 token 要多少", "跟 grok 4 比起來呢"],
      ["gemini-2.5-pro", "grok-4"],
    ],
  ])("%j: a model weighed against the one just priced joins it, on the same workload", async (lines, models) => {
    const [first, next] = await converse(...lines);
    expect(intentOf(next!)).toBe("compare");
    expect(modelsOf(next!)).toEqual(models);
    expect(next!.data.workload).toEqual(first!.data.workload);
  });

  it.each([
    [["what does the article say gemini 2.0 flash costs?", "ok and what would 300M tokens a month actually cost on it?"], ["gemini-2.0-flash"], 250_000_000],
    [["文章里 deepseek 的价格是多少", "那每月 2亿 token 实际多少钱"], ["deepseek-chat"], 166_666_667],
    [["文章說 GPT-5 適合什麼？", "每月 6000萬 token 要多少錢"], ["gpt-5"], 50_000_000],
  ])("%j: a volume after the article's word on a model prices that model", async (lines, models, input) => {
    const [, next] = await converse(...lines);
    expect(intentOf(next!)).toBe("compare");
    expect(modelsOf(next!)).toEqual(models);
    expect((next!.data.workload as { inputTokens: number }).inputTokens).toBe(input);
  });

  it("asking the article about another model is still an article question", async () => {
    const [, next] = await converse("what does the article say about gpt-5?", "and about claude opus 5?");
    expect(intentOf(next!)).toBe("article");
  });
});

describe("a question back on a family's generation", () => {
  it("'pro' after 'which gemini 2.5?' is Gemini 2.5 Pro, and 'half the input is cached' then changes only the cache", async () => {
    const [back, chosen, cached] = await converse("gemini 2.5 vs gpt-4.1 mini, 10M in 2M out", "pro", "half the input is cached btw");
    expect(intentOf(back!)).toBe("clarify");
    expect(modelsOf(chosen!)).toEqual(["gemini-2.5-pro", "gpt-4.1-mini"]);
    expect(modelsOf(cached!)).toEqual(["gemini-2.5-pro", "gpt-4.1-mini"]);
    expect(cached!.text).toContain("50% of input cached");
  });
});

describe("a conversation goes on after an error and after a correction", () => {
  it("'sorry, 5M' after an amount it could not use prices the same models at 5M", async () => {
    const [refused, fixed] = await converse("4o vs sonnet for -5M tokens", "sorry, 5M");
    expect(refused!.ok).toBe(false);
    expect(refused!.text).toContain('"-5M"');
    expect(intentOf(fixed!)).toBe("compare");
    expect(modelsOf(fixed!)).toEqual(["gpt-4o", "claude-sonnet-5"]);
    expect(fixed!.data.workload).toMatchObject({ inputTokens: 4_166_667, outputTokens: 833_333 });
  });

  it("a GPU it does not know is named back with the model it read, and another GPU then self-hosts that model", async () => {
    const [unknown, other] = await converse("用 A800 自架 glm 4.6 划算嗎", "那改成 H100 八張");
    expect(unknown!.ok).toBe(false);
    expect(unknown!.text).toContain("“A800”");
    expect(unknown!.text).toContain("GLM-4.6");
    expect(unknown!.data.about).toEqual({ models: ["glm-4.6"] });
    expect(intentOf(other!)).toBe("selfhost");
    expect((other!.data.gpu as { id: string; count: number }) ?? {}).toMatchObject({ id: "h100", count: 8 });
    expect(other!.text).toContain("GLM-4.6");
  });

  it.each([
    [
      ["gpt-6 vs sonnet 5 for 30M/mo", "ah i meant gpt-5.5"],
      ["gpt-5.5", "claude-sonnet-5"],
    ],
    [
      ["gpt-5 vs claude sonnet 4.5 for 30M", "sorry i meant gpt-5 mini"],
      ["gpt-5-mini", "claude-sonnet-4-5"],
    ],
    [
      ["deepseek 和 gpt-5 哪个便宜", "我是说 gpt-5 mini"],
      ["deepseek-chat", "gpt-5-mini"],
    ],
  ])("'%j': a correction takes the place of its own family's model, or of the name not read", async (lines, models) => {
    const replies = await converse(...lines);
    expect(intentOf(replies.at(-1)!)).toBe("compare");
    expect(modelsOf(replies.at(-1)!)).toEqual(models);
  });

  it.each([
    [
      ["gpt-5 vs doubao for 30M/mo", "ok switch to deepseek then"],
      ["gpt-5", "deepseek-chat"],
    ],
    [
      ["混元和 claude sonnet 4.5 哪个便宜，每月 5000万 token", "那换成 qwen3 max 吧"],
      ["claude-sonnet-4-5", "qwen3-max"],
    ],
    [
      ["GPT-5 跟 文心 比，每月 2億 token", "好，改用 DeepSeek"],
      ["gpt-5", "deepseek-chat"],
    ],
  ])("%j: a model put in after a name it could not read takes that name's place, beside the models read", async (lines, models) => {
    const [first, next] = await converse(...lines);
    expect(intentOf(next!)).toBe("compare");
    expect([...modelsOf(next!)].sort()).toEqual([...models].sort());
    expect(next!.data.workload).toEqual(first!.data.workload);
  });
});

describe("models added or swapped after a comparison keep the ones before and the workload", () => {
  it.each([
    ["gpt-5 vs gemini 2.5 pro，每月 輸入5000萬 輸出1000萬", "再加 o3 跟 ds r1"],
    ["gpt-5 vs gemini 2.5 pro，每月输入5000万 输出1000万", "再加 o3 和 ds r1"],
    ["gpt-5 vs gemini 2.5 pro, 50M in 10M out a month", "also add o3 and ds r1"],
  ])("%s → %s: four models at 50M + 10M", async (first, added) => {
    const [, reply] = await converse(first, added);
    expect(intentOf(reply!)).toBe("compare");
    expect(modelsOf(reply!)).toEqual(["gpt-5", "gemini-2.5-pro", "o3", "deepseek-r1"]);
    expect(reply!.text).toMatch(/50M input|5000萬|5000万/);
  });

  it.each([
    ["kimi k2.6 跟 glm 5 比，每月輸入一億、輸出兩千萬", "唔要 glm，換 deepseek"],
    ["kimi k2.6 和 glm 5 比，每月输入一亿、输出两千万", "不要 glm，换 deepseek"],
    ["kimi k2.6 vs glm 5, 100M in 20M out a month", "drop glm, switch to deepseek"],
  ])("%s → %s: glm out, deepseek in beside kimi", async (first, edit) => {
    const [, reply] = await converse(first, edit);
    expect(intentOf(reply!)).toBe("compare");
    expect(modelsOf(reply!)).toEqual(["kimi-k2.6", "deepseek-chat"]);
    expect(reply!.text).toMatch(/100M input|1億|1亿/);
  });

  it.each([
    ["prompt ~6k tokens, 400 out, 50k reqs/mo on gpt-4.1-mini", "now compare w/ gemini 2.5 flash-lite"],
    ["prompt ~6k tokens, 400 out, 50k reqs/mo on gpt-4.1-mini", "compare it with gemini 2.5 flash-lite"],
  ])("%s → %s: the model weighed against the one priced joins it, per-request workload kept", async (first, then) => {
    const [, reply] = await converse(first, then);
    expect(modelsOf(reply!)).toEqual(["gpt-4.1-mini", "gemini-2.5-flash-lite"]);
    expect(reply!.text).toContain("300M input + 20M output");
  });
});

describe("a new comparison in a conversation is a new question", () => {
  it("compares the two models named, one of them unknown, instead of adding one to the last answer's", async () => {
    for (const second of ["deepseek 和 豆包 哪个便宜", "deepseek or hunyuan-turbos, which is cheaper?"]) {
      const [, reply] = await converse("haiku or 4o mini for 10M tokens?", second);
      expect(modelsOf(reply!)).toEqual(["deepseek-chat"]);
      expect(reply!.text).toMatch(/[“"](豆包|hunyuan-turbos)[”"]/);
    }
  });

  it("still adds a model asked about after the last answer", async () => {
    const [, reply] = await converse("haiku or 4o mini for 10M tokens?", "and deepseek?");
    expect(modelsOf(reply!)).toEqual(["claude-haiku-4-5", "gpt-4o-mini", "deepseek-chat"]);
  });
  it("another model with a whole workload of its own is priced alone, not as an edit of the self-hosting answer before", async () => {
    const [, sonnet] = await converse(
      "/selfhost qwen3 32b gpu:l40s util:50%",
      "how much would 3 million requests a month cost on claude sonnet 4.5 with 800 tokens in and 400 out?",
    );
    expect(intentOf(sonnet!)).not.toBe("selfhost");
    expect(modelsOf(sonnet!)).toEqual(["claude-sonnet-4-5"]);
    // 2.4B input × $3 + 1.2B output × $15 per 1M
    expect(sonnet!.text).toContain("$25,200.00");
  });

  it("自建另一个模型并给出每月用量：按它自己的用量算利用率，不沿用上一问的 util:50%", async () => {
    const [, own] = await converse("/selfhost qwen3 32b gpu:l40s util:50%", "自建 gpt-oss-120b 用两张 h100 划算吗？每月 20 亿 token");
    expect(intentOf(own!)).toBe("selfhost");
    expect(own!.data.model).toBe("gpt-oss-120b");
    expect(own!.text).toContain("每月 20亿 Token");
    // the utilization follows from 2B tokens against the deployment's capacity, far below the 50% said of the other model
    expect(own!.data.utilization).toBeLessThan(0.2);
    expect(own!.text).not.toContain("利用率：50%");
  });

  it("自架開源模型 at a volume of its own after a GPT-5 comparison is the self-hosting overview, not 'GPT-5 無法自建'", async () => {
    const [, general, more] = await converse("gpt-5 vs o4-mini, 80% cached, 100M tokens", "一個月 30 億 token，自架開源模型會比 API 便宜嗎", "5000萬呢");
    expect(general!.command).toBe("selfhost");
    expect(general!.title).toContain("30億");
    expect(general!.text).not.toContain("GPT-5");
    expect(general!.text).not.toContain("快取");
    // an amount alone still goes on from the answer before
    expect(more!.command).toBe("selfhost");
    expect(more!.title).toContain("5000萬");
  });

  it("a new question may open with 'for' or '用', and 'cheaper than the API' weighs self-hosting, not the last answer", async () => {
    const [, sonnet] = await converse(
      "/selfhost qwen3 32b gpu:l40s util:50%",
      "for a support bot doing 3M requests a month with 800 tokens in and 400 out, what would claude sonnet 4.5 cost?",
    );
    expect(modelsOf(sonnet!)).toEqual(["claude-sonnet-4-5"]);
    expect(sonnet!.text).toContain("$25,200.00");
    const [, zh] = await converse("自建 qwen3 32b 用 h100 划算吗", "用 Claude Sonnet 4.5 做客服，每月 300 萬次請求，每次 800 輸入 400 輸出，多少錢");
    expect(modelsOf(zh!)).toEqual(["claude-sonnet-4-5"]);
    const [, general] = await converse("gpt-5 vs deepseek 10M tokens", "at 3B tokens a month, would self-hosting an open model be cheaper than the API?");
    expect(general!.command).toBe("selfhost");
    expect(general!.text).not.toContain("GPT-5");
  });

  it("a model with a workload that answers a question back is the choice, keeping the other model and the task", async () => {
    const [back, chosen] = await converse("compare gpt-5 and claude for a support bot", "sonnet 4.5, with 3M requests of 800 in / 400 out");
    expect(intentOf(back!)).toBe("clarify");
    expect(modelsOf(chosen!)).toEqual(["gpt-5", "claude-sonnet-4-5"]);
  });

  it("a follow-up that ties its workload to the last answer still keeps it: '那換成 gpt-5 mini 呢'", async () => {
    const [, sonnet, mini] = await converse(
      "/compare gpt-5 mini deepseek",
      "每天 1 萬次請求，每次 3000 token 輸入 400 輸出，claude sonnet 4.5 一個月多少錢",
      "那換成 gpt-5 mini 呢",
    );
    expect(modelsOf(sonnet!)).toEqual(["claude-sonnet-4-5"]);
    // 300k requests × 3,000 in × $3 + × 400 out × $15 per 1M
    expect(sonnet!.text).toContain("$4,500.00");
    expect(modelsOf(mini!)).toEqual(["gpt-5-mini"]);
    expect(mini!.text).toContain("$465.00");
  });
});

describe("a follow-up changes the one thing it says", () => {
  const understood = (reply: Reply) => reply.data.understanding as { gpu?: { count?: number }; cachedPercent?: number };

  it("'so with 4 of them?' after a self-hosting answer is four of the same GPU", async () => {
    const [, four] = await converse("thinking about running gpt-oss-120b ourselves on a single h200, ~1.5B tokens a month", "so with 4 of them?");
    expect(four!.command).toBe("selfhost");
    expect(understood(four!).gpu?.count).toBe(4);
  });

  it.each([["不算缓存的话呢"], ["and not counting the cache?"]])("'%s' takes the cache share back out", async (line) => {
    const [cached, plain] = await converse("gpt-5 mini, 30k requests a day, 3k prompt of which 2k cached, 200 out", line);
    expect(understood(cached!).cachedPercent).toBeGreaterThan(0);
    expect(understood(plain!).cachedPercent).toBeUndefined();
    const cost = (reply: Reply) => (reply.data.models as { cost: number }[])[0]!.cost;
    expect(cost(plain!)).toBeGreaterThan(cost(cached!));
  });

  it("'what if ~60% of that input hits the prompt cache?' is the cache share", async () => {
    const [, cached] = await converse("35 agents, each closes ~40 tickets a day, 2,500 in, 350 out. gpt-4.1 mini", "ok and what if ~60% of that input hits the prompt cache?");
    expect(understood(cached!).cachedPercent).toBe(60);
  });
});

describe("reasoning said in a follow-up replaces the reasoning before it, and stays with a new count", () => {
  it("'what if reasoning tokens are 3x the visible output?', then 1x, then twice the requests", async () => {
    const [, three, one, doubled] = await converse(
      "o3 vs o4-mini, 2M requests/mo, 3k in 2k out",
      "what if reasoning tokens are 3x the visible output?",
      "and reasoning 1x the output?",
      "and 4M requests a month?",
    );
    const output = (reply: Reply) => (reply.data.workload as { outputTokens: number }).outputTokens;
    expect([output(three!), output(one!), output(doubled!)]).toEqual([2_000_000 * 2000 * 4, 2_000_000 * 2000 * 2, 4_000_000 * 2000 * 2]);
    expect(modelsOf(doubled!)).toEqual(["o3", "o4-mini"]);
  });
});

describe("models named 'for that' after a cheapest-per-tier answer are priced at its workload", () => {
  it("and gemini 2.5 pro vs claude sonnet 4 for that?", async () => {
    const [, compared] = await converse(
      "Legal team wants to drop whole case files into the prompt — about 600k tokens per request, roughly 1,000 requests a month, 2k tokens out each. Which is the cheapest model that can actually take that?",
      "and gemini 2.5 pro vs claude sonnet 4 for that?",
    );
    expect(modelsOf(compared!)).toEqual(["gemini-2.5-pro", "claude-sonnet-4"]);
    expect(compared!.data.workload).toMatchObject({ inputTokens: 600_000_000, outputTokens: 2_000_000, promptTokensPerRequest: 600_000 });
  });
});

describe("another GPU after a rental price said for the first one", () => {
  it.each([
    ["打算用 4 张 A100 自建 glm 4.5 air，每张 8 元/小时，每月大概 3亿 token", "换成 H100 呢", "你给的 $1.13/小时 是 NVIDIA A100 80GB SXM 的"],
    ["self host glm 4.5 air on 4 a100s at $1.50/h, 300M tokens a month", "what about h100s?", "the $1.50/h you gave was for the NVIDIA A100 80GB SXM"],
  ])("%s → %s: the price is not carried over, and the answer says so", async (first, second, said) => {
    const [, other] = await converse(first, second);
    expect(other!.text).toContain(said);
    expect((other!.data.gpu as { id: string }).id).toBe("h100");
  });
});

describe("one model out and one in, in Hong Kong's words", () => {
  it.each([["唔要 gemini，加返 deepseek"], ["唔要 gemini，加 deepseek"]])("%s", async (edit) => {
    const [, edited] = await converse("gpt-5 nano 同 gemini 2.5 flash lite 比吓，每個月 十億 token", edit);
    expect(modelsOf(edited!)).toEqual(["gpt-5-nano", "deepseek-chat"]);
  });
});

describe("a language asked for in Hong Kong's words", () => {
  it("用英文答 answers the same question in English", async () => {
    const [, english] = await converse("deepseek v4 flash 同 gpt-5 nano，每月輸入 10億 輸出 2億，幾多錢？", "用英文答");
    expect(english!.lang).toBe("en");
    expect(modelsOf(english!)).toEqual(["deepseek-v4-flash", "gpt-5-nano"]);
  });
});

describe("换成批量 is the batch API, not a task", () => {
  it("kimi k2.5, then glm 4.6, then 换成批量", async () => {
    const [, , batch] = await converse("帮我算一下 kimi k2.5 每月 5000万 token 的费用", "再加 glm 4.6", "换成批量");
    expect(batch!.data.workload).toMatchObject({ batch: true });
    expect((batch!.data.understanding as { tasks: string[] }).tasks).toEqual([]);
  });
});

describe("a follow-up on a per-request workload keeps it per request", () => {
  const workloadOf = (reply: Reply) => reply.data.workload as { inputTokens: number; outputTokens: number; cachedPercent: number };

  it("'回复改成 500 呢' changes each reply, the requests and prompts kept", async () => {
    const [, shorter] = await converse("代码审查机器人，每个 PR 大概 1 万 token 输入，输出 1500，每月 6000 个 PR，claude sonnet 4.5 要多少", "回复改成 500 呢");
    expect(workloadOf(shorter!)).toMatchObject({ inputTokens: 10_000 * 6000, outputTokens: 500 * 6000 });
  });

  it("'其中 3000 是命中缓存的系统提示词' is that share of the prompt asked about", async () => {
    const [, cached] = await converse("每个任务平均调用 5 次模型，每次输入 4000 token 左右，输出 250，每天 1000 个任务，gpt-5 mini 月成本", "其中 3000 是命中缓存的系统提示词");
    expect(workloadOf(cached!)).toMatchObject({ inputTokens: 4000 * 5 * 1000 * 30, cachedPercent: 75 });
  });
});

describe("a request count and a prompt size after a monthly volume state the month anew", () => {
  it("5000 contracts of 80 pages after in:100M out:20M price 5000 prompts of 40K tokens, not the old volume", async () => {
    const [, contracts] = await converse("/compare gpt-5 mini gemini 2.5 flash in:100M out:20M", "每月大概处理 5000 份合同，每份 80 页，用哪个模型最便宜");
    const perPage = (await realSnapshot()).knowledge.pageTokens!.text;
    expect((contracts!.data.workload as { inputTokens: number }).inputTokens).toBe(5000 * 80 * perPage);
  });
});

describe("a task of its own with a size of its own is a new question, not a follow-up", () => {
  it("'long pdfs ~300 pages each, cheapest?' after a per-request Haiku question keeps none of its 300K requests", async () => {
    const [, pdfs] = await converse(
      "每天 1 萬次請求，每次輸入 2000 token、輸出 300，claude haiku 4.5 一個月多少錢",
      "long pdfs ~300 pages each, whats the cheapest thing that can eat them",
    );
    expect(pdfs!.command).toBe("cheapest");
    expect(pdfs!.text).not.toContain("as a follow-up");
    expect((pdfs!.data.understanding as { requests?: number }).requests).toBeUndefined();
  });
});

describe("a new count after a workload given per request", () => {
  it.each([
    ["support bot, 20k chats a day, 1200 in 300 out each, gpt-4o mini vs deepseek", "what if it grows to 50k a day?"],
    ["客服机器人每天 2 万次对话，每次输入 1200 输出 300，gpt-4o mini 和 deepseek 哪个便宜", "每天涨到 5 万次呢"],
  ])("is requests a day at the same sizes: %s → %s", async (question, grown) => {
    const [, after] = await converse(question, grown);
    expect(after!.data.workload).toMatchObject({ inputTokens: 1200 * 50_000 * 30, outputTokens: 300 * 50_000 * 30 });
  });

  it.each([
    ["我們客服每天大概 1.2 萬通對話，每通平均 5 輪，每輪輸入 1,000 token、輸出 180，gemini 2.5 flash 跟 gpt-5 mini 哪個便宜？", "那如果每天變成 2 萬通呢？", 20_000 * 5 * 30],
    ["support bot: 8 messages per conversation, 20k conversations a month, 1000 in 180 out per message, haiku 4.5", "and 50k conversations a month?", 50_000 * 8],
    ["我們客服每天大概 1.2 萬通對話，每通平均 5 輪，每輪輸入 1,000 token、輸出 180，gemini 2.5 flash 跟 gpt-5 mini 哪個便宜？", "那如果每天 5 萬次請求呢？", 50_000 * 30],
  ])("a new count of conversations keeps each one's turns; a count of requests is the requests: %s → %s", async (question, grown, requests) => {
    const [, after] = await converse(question, grown);
    expect(after!.data.workload).toMatchObject({ inputTokens: 1000 * requests, outputTokens: 180 * requests });
  });

  it("a volume in tokens still replaces the requests", async () => {
    const [, after] = await converse("support bot, 20k chats a day, 1200 in 300 out each, gpt-4o mini vs deepseek", "and 100M tokens a month?");
    const { inputTokens, outputTokens } = after!.data.workload as { inputTokens: number; outputTokens: number };
    expect(inputTokens + outputTokens).toBe(100_000_000);
  });
});

describe("a swap names the model put in by its version or line alone, in the family of the one taken out", () => {
  it.each([
    ["support copilot, 50M tok/mo, 4:1 in/out. 4o vs sonnet vs gemini 2.5 pro", "switch 4o for 4.1", "gpt-4o", "gpt-4.1"],
    ["gpt-5.6 luna vs claude haiku 4.5 for 100M in 20M out", "swap luna for terra", "gpt-5.6-luna", "gpt-5.6-terra"],
  ])("%s → %s", async (first, second, out, put) => {
    const [before, after] = await converse(first, second);
    expect(modelsOf(after!)).toEqual(modelsOf(before!).map((id) => (id === out ? put : id)));
    expect(after!.data.workload).toEqual(before!.data.workload);
  });
});

describe("a new count of the people a usage is for is each one's use for that many", () => {
  it.each([
    ["what if we roll it out to 3000 employees", 3000],
    ["那如果是 5000 人呢", 5000],
  ])("%s", async (line, people) => {
    const [before, after] = await converse(
      "internal assistant for 1,200 employees, each ~22 chats a month, 1k in 200 out per chat. gpt-4o mini vs gemini 2.5 flash vs haiku 4.5, cost per seat?",
      line,
    );
    const was = before!.data.workload as { inputTokens: number; outputTokens: number };
    expect(after!.data.workload).toMatchObject({ inputTokens: (was.inputTokens * people) / 1200, outputTokens: (was.outputTokens * people) / 1200 });
  });
});

describe("the last answer again in another language keeps what it was asked", () => {
  it("'用英文答' after the same usage on another model still prices that usage", async () => {
    const [zh, en] = await converse("每月在 gpt-4o 上花 1500 美元，换成 gpt-4.1 mini 同样的用量要多少？", "用英文答");
    expect(zh!.text).toContain("同样的用量");
    expect(en!.lang).toBe("en");
    expect(en!.text).toMatch(/\$1,500\.00 a month on GPT-4o buys .*; the same volume costs \$[\d,.]+ on GPT-4\.1 mini/u);
  });
});

describe("a share of the same usage moved, asked after it", () => {
  it("'ok and if only half the traffic moves to 4.1 mini and the rest stays on 4o?' keeps the spend and the models' order", async () => {
    const [, part] = await converse(
      "we spend about $4.8k a month on gpt-4o. what would the same usage cost on 4.1 mini?",
      "ok and if only half the traffic moves to 4.1 mini and the rest stays on 4o?",
    );
    expect(modelsOf(part!)).toEqual(["gpt-4o", "gpt-4.1-mini"]);
    expect(part!.text).toContain("Moving 50% of it to GPT-4.1 mini: $2,400.00 stays on GPT-4o");
    expect((part!.data as { unknown?: unknown[] }).unknown ?? []).toEqual([]);
  });
});

describe("a self-hosting answer's GPU count, changed by a follow-up", () => {
  it.each([
    ["self host llama 3.1 405b on b200s fp4, interactive, 25B tokens/mo", "double the gpus", (planned: number) => planned * 2],
    ["/selfhost glm-4.6 gpu:h200 gpus:8 tokens:20B", "what about with 16?", () => 16],
  ])("%s → %s", async (first, second, expected) => {
    const [before, after] = await converse(first, second);
    const planned = (before!.data as { gpu: { count: number } }).gpu.count;
    expect((after!.data as { gpu: { count: number } }).gpu.count).toBe(expected(planned));
  });
});

describe("follow-ups from blind round 17, once it was retired to dev", () => {
  it("'输出按 1000万 算' changes the output side only", async () => {
    const [, after] = await converse("智谱 4.7 和 kimi 比一下，每月 3千万 token", "输出按 1000万 算");
    expect(after!.data.workload).toMatchObject({ inputTokens: 25_000_000, outputTokens: 10_000_000 });
  });

  it("'a couple of H200s', then 'and if we went to 4 of them?'", async () => {
    const [two, four] = await converse("we could get a couple of H200s. would self-hosting gpt-oss-120b beat the api at ~1.5B tokens/mo?", "and if we went to 4 of them?");
    expect((two!.data as { gpu: { count: number } }).gpu.count).toBe(2);
    expect((four!.data as { gpu: { count: number } }).gpu.count).toBe(4);
  });
});
