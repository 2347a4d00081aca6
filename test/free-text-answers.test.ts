import { beforeAll, describe, expect, it } from "vitest";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import type { PricedModel } from "../src/core/knowledge/schema.ts";
import type { KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import { ask, pricedModel, realSnapshot } from "./helpers.ts";

/**
 * Free-text questions checked on the answer a user reads (issue 21): the volume priced, the models named, the
 * error for an amount that cannot be one. Costs are computed here from the knowledge, never copied from a reply.
 */
let kb: KnowledgeSnapshot;
beforeAll(async () => {
  kb = await realSnapshot();
});

const model = (id: string) => pricedModel(kb, id);
/** Input and output at the model's standard prices, or at its long-context prices above their threshold; no cache. */
const plainCost = (m: PricedModel, input: number, output: number, prompt = 0) => {
  const tier = [...(m.longContext ?? [])].sort((a, b) => b.aboveTokens - a.aboveTokens).find((t) => prompt > t.aboveTokens);
  return (input * (tier?.inputPer1M ?? m.inputPer1M) + output * (tier?.outputPer1M ?? m.outputPer1M)) / 1e6;
};

interface CompareData {
  workload: { inputTokens: number; outputTokens: number; promptTokensPerRequest?: number };
  models: { id: string; cost: number | null; fits: boolean; inputPer1M: number | null }[];
  cheapest: string | null;
  error?: { code: string };
}
const dataOf = (reply: { data: Record<string, unknown> }) => reply.data as unknown as CompareData;

describe("per-request workloads become monthly volumes (class 2)", () => {
  it.each([
    ["a prompt of 8000 tokens, 200k requests a month, 500 tokens out each: gpt-5 or gemini 2.5 pro?", "en"],
    ["每次请求输入8000 token，输出500，每月20万次，gpt-5还是gemini 2.5 pro？", "zh"],
    ["8k-token prompts, 200k requests/month, 500 output tokens per request — gpt-5 vs gemini 2.5 pro", "en"],
  ])("%s", async (line, lang) => {
    const reply = await ask(line);
    const data = dataOf(reply);
    expect(reply.lang).toBe(lang);
    expect(data.workload).toMatchObject({ inputTokens: 8000 * 200_000, outputTokens: 500 * 200_000, promptTokensPerRequest: 8000 });
    expect(data.models.find((m) => m.id === "gpt-5")!.cost).toBeCloseTo(plainCost(model("gpt-5"), 1.6e9, 1e8, 8000), 6);
    expect(reply.text).toContain(lang === "zh" ? "16亿" : "1.6B");
  });

  it.each([
    ["we make 50k calls a day, each with a 3k token prompt and 400 tokens back, gpt-5 mini vs gemini 2.5 flash", 3000, 400, 50_000 * 30],
    ["1M requests/month × (2k in + 300 out), haiku or 4o mini?", 2000, 300, 1_000_000],
    ["30k queries per day at ~1.2k tokens in / 250 out: which is cheaper, deepseek or gpt-5 nano?", 1200, 250, 30_000 * 30],
    ["We have 12,000 requests/day with 15k-token prompts and ~700-token answers. GPT-5 vs Gemini 2.5 Pro?", 15_000, 700, 12_000 * 30],
    ["context 200k per request, 3000 requests a day, output 2k each, gemini 2.5 pro or claude sonnet 4.5", 200_000, 2000, 3000 * 30],
    ["每個請求 prompt 4000 token，回覆 800 token，每天 3 萬次，Claude Sonnet 4.5 跟 GPT-5 哪個便宜？", 4000, 800, 30_000 * 30],
    ["每月300万次请求，每次提示2000token，回复500token，用gpt-5 mini多少钱", 2000, 500, 3_000_000],
    ["每天10万次调用，每次输入1500 token、输出200 token，deepseek 和 qwen plus 哪个便宜", 1500, 200, 100_000 * 30],
    ["我们每天大概5万次请求，prompt平均3k，输出500，用deepseek还是gpt-5 mini", 3000, 500, 50_000 * 30],
    ["每天请求2万次、每次prompt 6千token、completion 1千，gpt-4.1 和 claude sonnet 4.5 哪个划算", 6000, 1000, 20_000 * 30],
  ])("reads the output side however it is called: %s", async (line, prompt, out, requests) => {
    const reply = await ask(line);
    expect(dataOf(reply).workload).toMatchObject({ inputTokens: prompt * requests, outputTokens: out * requests });
    expect(dataOf(reply).models.length).toBe(line.includes("多少钱") ? 1 : 2);
  });

  it("prices a day's requests as 30 days, and a large prompt at the long-context tier", async () => {
    for (const line of [
      "gpt-5 vs gemini 2.5 pro, 250k-token prompts, 5000 requests a day, 1000 tokens out each",
      "每次请求输入25万token，输出1000，每天5000次，gpt-5还是gemini 2.5 pro",
    ]) {
      const data = dataOf(await ask(line));
      const requests = 5000 * 30;
      expect(data.workload).toMatchObject({ inputTokens: 250_000 * requests, outputTokens: 1000 * requests, promptTokensPerRequest: 250_000 });
      const gemini = model("gemini-2.5-pro");
      expect(gemini.longContext?.length).toBeGreaterThan(0);
      expect(data.models.find((m) => m.id === "gemini-2.5-pro")!.cost).toBeCloseTo(plainCost(gemini, 250_000 * requests, 1000 * requests, 250_000), 6);
      expect(data.models.find((m) => m.id === "gemini-2.5-pro")!.inputPer1M).toBeGreaterThan(gemini.inputPer1M);
    }
  });

  it("says a prompt larger than a model's context does not fit, instead of a cost, and leaves it out of the verdict", async () => {
    const deepseek = model("deepseek-chat");
    expect(deepseek.contextWindow).toBeLessThan(200_000);
    for (const [line, words] of [
      ["gpt-5 vs deepseek, 200k-token prompts, 1000 requests a month", /DeepSeek V3\.2 \(deepseek-chat\) cannot take a 200K-token prompt[\s\S]*does not fit/],
      ["gpt-5 和 deepseek，每次提示20万token，每月1000次请求，哪个便宜？", /DeepSeek V3\.2 \(deepseek-chat\) 放不下 20万 Token 的提示[\s\S]*放不下/],
    ] as const) {
      const reply = await ask(line);
      const data = dataOf(reply);
      expect(data.models.find((m) => m.id === "deepseek-chat")).toMatchObject({ cost: null, fits: false });
      expect(data.cheapest).toBe("gpt-5");
      expect(reply.text).toMatch(words);
    }
  });
});

describe("the cheapest pick per tier can take the prompt (class 2)", () => {
  it.each(["cheapest model for 500k-token prompts, 1000 requests a month", "每次提示50万token，每月1000次请求，哪个模型最便宜"])("%s", async (line) => {
    const reply = await ask(line);
    const picks = (reply.data.recommendations as { id: string | null; contextWindow?: number }[]).filter((r) => r.id);
    expect(picks.length).toBeGreaterThan(0);
    for (const pick of picks) expect(pick.contextWindow).toBeGreaterThanOrEqual(500_000);
  });
});

describe("amounts in free text go through the options' bounds (class 3)", () => {
  it.each([
    ["we send -50M tokens a month, gpt-5 vs deepseek", "-50M", "is not an amount I can use"],
    ["input -10M output 2M on gpt-5", "-10M", "is not an amount I can use"],
    ["每月 -5000万 token，gpt-5 还是 deepseek", "-5000万", "不是可用的数量"],
    ["每月负5000万token，gpt-5还是deepseek", "负5000万", "不是可用的数量"],
    ["we use 10^30 tokens a month on gpt-5", "10^30", "is not an amount I can use"],
    ["1e30 tokens a month, gpt-5 vs claude sonnet 4.5", "1e30", "is not an amount I can use"],
    ["每月 1亿亿亿 token 用 gpt-5 多少钱", "1亿亿亿", "不是可用的数量"],
    ["999999999999999999999 tokens a month on gpt-5", "999999999999999999999", "is not an amount I can use"],
    ["gpt-5 vs deepseek, 50M tokens, 150% cached", "150%", "is not a share I can use"],
    ["gpt-5 vs deepseek, -30% cached", "-30%", "is not a share I can use"],
    ["每月负五千万token用gpt-5多少钱", "负五千万", "不是可用的数量"],
    ["每月 10的30次方 token 用 gpt-5", "10的30次方", "不是可用的数量"],
    ["每月負 3000 萬 token，gpt-5 多少錢", "負 3000 萬", "不是可用的數量"],
    ["gpt-5 vs deepseek for 50 bazillion tokens a month", "50 bazillion", "is not an amount I can use"],
  ])("%s", async (line, typed, words) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(false);
    expect(dataOf(reply).error?.code).toBe("bad_input");
    expect(reply.text).toContain(typed);
    expect(reply.text).toContain(words);
  });

  it("still reads powers of ten that are amounts, and a dash between words is no minus", async () => {
    expect(dataOf(await ask("2x10^9 tokens a month, gpt-5 vs deepseek")).workload).toMatchObject({ inputTokens: expect.any(Number) });
    const total = (d: CompareData) => d.workload.inputTokens + d.workload.outputTokens;
    expect(total(dataOf(await ask("2x10^9 tokens a month, gpt-5 vs deepseek")))).toBe(2e9);
    expect(total(dataOf(await ask("gpt-5 vs deepseek -- 50M tokens a month")))).toBe(5e7);
    expect(total(dataOf(await ask("20 gigatokens a month on gpt-5 vs deepseek")))).toBe(2e10);
    expect(total(dataOf(await ask("5 lakh tokens a month, gpt-5 vs deepseek")))).toBe(5e5);
  });
});

describe("Traditional Chinese numbers (億, 萬) are read like 亿, 万", () => {
  it.each([
    ["每月輸入5億token，輸出1千萬，gpt-5 還是 deepseek", 500_000_000, 10_000_000],
    ["每月三千萬 token 用 gpt-5 多少錢", 25_000_000, 5_000_000],
    ["每月十億token，gpt-5 還是 deepseek", 1_000_000_000 - Math.round(1e9 / 6), Math.round(1e9 / 6)],
  ])("%s", async (line, input, output) => {
    const reply = await ask(line);
    expect(reply.lang).toBe("zh");
    expect(dataOf(reply).workload).toMatchObject({ inputTokens: input, outputTokens: output });
  });

  it("and in the command options", async () => {
    expect(dataOf(await ask("/compare gpt-5 deepseek in:5億 out:3千萬")).workload).toMatchObject({ inputTokens: 5e8, outputTokens: 3e7 });
  });
});

describe("a request's prompt and reply however a team describes them (class 2)", () => {
  it.each([
    ["each request = a 250k-token codebase dump + ~3k out, 500 requests/mo. sonnet 4.5 or gemini 2.5 pro?", 250_000, 3000, 500, "en"],
    ["classifier: 1.2k token prompt, ~15 token label, 4 million calls a month. gpt-4.1 nano or llama 3.1 8b?", 1200, 15, 4_000_000, "en"],
    ["提示词大概 8k，一天 5000 次调用，每次回 1k 左右，gpt-5 vs claude sonnet 5", 8000, 1000, 150_000, "zh"],
    ["agent loop: every step sends ~30k tokens of history and gets 500 back, 20k steps/day. sonnet 4.5 vs haiku?", 30_000, 500, 600_000, "en"],
    ["avg request = 1,800 prompt tokens + 220 completion tokens; 3.2M requests/mo. Cost on gpt-4o-mini?", 1800, 220, 3_200_000, "en"],
    ["平均每个请求 1800 个输入 token、220 个输出 token，每月 320 万次，gpt-4o mini 多少钱", 1800, 220, 3_200_000, "zh"],
    ["500 users, 30 queries each per day, 2k in 400 out per query — claude haiku 4.5 monthly?", 2000, 400, 450_000, "en"],
    ["每个用户每天问 20 次，一共 5000 个用户，每次输入 2000 token 输出 300 token，gpt-5 mini 一个月多少钱", 2000, 300, 3_000_000, "zh"],
    ["每個用戶每天發 15 則訊息，共 2000 位用戶，每則輸入 1500 token、輸出 200 token，gpt-5 mini 一個月多少錢", 1500, 200, 900_000, "zh"],
    ["20,000 invoices a month, each ~3 pages (~2k tokens), ~200 tokens out each. gpt-4.1 mini vs gemini 2.5 flash", 2000, 200, 20_000, "en"],
    ["每份合同大约 10 页（约 8000 token），每月 3000 份，输出 500 token，deepseek 多少钱", 8000, 500, 3000, "zh"],
    ["每月 1 万篇文章，每篇约 3000 字（约 4000 token），摘要 300 token，gpt-5 mini 多少钱", 4000, 300, 10_000, "zh"],
    ["we translate 5,000 blog posts a month, each ~1.5k tokens in and 1.6k out. deepseek vs gpt-5 mini", 1500, 1600, 5000, "en"],
    // a conversation's turns are its requests
    ["our bot handles 10k conversations a month, each about 8 turns of 1k tokens in and 300 out. gpt-4o mini vs gemini 2.0 flash", 1000, 300, 80_000, "en"],
    ["50k chat sessions a month, ~5 turns each, 2k tokens in and 400 out per turn, claude haiku 4.5 vs gpt-5 mini", 2000, 400, 250_000, "en"],
    ["每月 2 万次对话，每次对话平均 6 轮，每轮输入 1500 token 输出 200 token，gpt-5 mini 多少钱", 1500, 200, 120_000, "zh"],
    ["每個月 3 萬個會話，平均 4 輪，每輪輸入 2000 token、輸出 300 token，deepseek 多少錢", 2000, 300, 120_000, "zh"],
    // a reply said with "+", message and daily counts in Chinese, users times messages
    ["单次请求平均 3000 tokens 上下文 + 500 tokens 回答，每天 2 万次，deepseek 和 qwen3 32b 哪个便宜", 3000, 500, 600_000, "zh"],
    ["prompt 长度 8k，completion 1k，日调用 1 万，claude haiku 4.5 多少", 8000, 1000, 300_000, "zh"],
    ["每条消息输入 1200 token，输出 300 token，月消息量 200 万，gemini 2.5 flash 多少钱", 1200, 300, 2_000_000, "zh"],
    ["10k daily active users × 12 messages/day × (900 in + 250 out) tokens. gpt-5 nano?", 900, 250, 3_600_000, "en"],
    // the same size each way, and the parts of one prompt added up
    ["10k requests per day, 3k tokens each way, gpt-5 nano vs gemini 2.5 flash lite", 3000, 3000, 300_000, "en"],
    ["每次请求输入输出各 2000 token，每天 1 万次，deepseek 多少钱", 2000, 2000, 300_000, "zh"],
    ["RAG: each query stuffs 10 chunks of 800 tokens plus a 500-token question, answer ~300 tokens, 100k queries/month. haiku 4.5 or gpt-5 mini", 8500, 300, 100_000, "en"],
  ])("%s", async (line, prompt, reply, requests, lang) => {
    const answer = await ask(line);
    expect(answer.lang).toBe(lang);
    expect(dataOf(answer).workload).toMatchObject({ inputTokens: prompt * requests, outputTokens: reply * requests, promptTokensPerRequest: prompt });
  });
});

describe("usage pasted from a dashboard or an API response, under its field names", () => {
  it.each([
    ["last month:\n```\ninput_tokens:  52,400,000\noutput_tokens:  9,100,000\n```\ngpt-4.1 vs o4-mini?", 52_400_000, 9_100_000, "en"],
    ['{"prompt_tokens": 52400000, "completion_tokens": 9100000} — what would that be on gpt-4.1 vs o4-mini', 52_400_000, 9_100_000, "en"],
    ["promptTokenCount: 52400000, candidatesTokenCount: 9100000. gpt-4.1 or o4-mini?", 52_400_000, 9_100_000, "en"],
    ["后台导出的用量 prompt_tokens=52,400,000 completion_tokens=9,100,000，换成 gpt-4.1 和 o4-mini 各要多少钱", 52_400_000, 9_100_000, "zh"],
  ])("%s", async (line, input, output, lang) => {
    const answer = await ask(line);
    expect(answer.lang).toBe(lang);
    expect(ids(answer)).toEqual(["gpt-4.1", "o4-mini"]);
    expect(dataOf(answer).workload).toMatchObject({ inputTokens: input, outputTokens: output });
    const cost = dataOf(answer).models.find((m) => m.id === "gpt-4.1")!.cost!;
    expect(cost).toBeCloseTo(plainCost(model("gpt-4.1"), input, output), 2);
  });
});

describe("a period said once holds for every amount said beside it", () => {
  it.each([
    ["gpt-5.4 mini 跟 gemini 3 flash 比一下，每天100万输入 20万输出", "zh", 30_000_000, 6_000_000],
    ["gpt-5 vs deepseek, 1M input and 200k output a day", "en", 30_000_000, 6_000_000],
    ["we do ~2M tokens per day (1.6M in, 0.4M out). mistral small vs ministral 8b?", "en", 48_000_000, 12_000_000],
    ["gpt-5 跟 deepseek 哪個便宜？每天輸入 300萬、輸出 50萬", "zh", 90_000_000, 15_000_000],
    ["gpt-5 vs deepseek: 1M input a day, 5M output a month", "en", 30_000_000, 5_000_000],
    // by the hour, a 30-day month of hours; "a couple million" is two million
    ["gpt-5 vs deepseek, 1M input and 200k output per hour", "en", 720_000_000, 144_000_000],
    ["gpt-5 跟 deepseek 比，每小时输入 100 万、输出 20 万", "zh", 720_000_000, 144_000_000],
    ["gpt-5 vs deepseek for a couple million tokens a month", "en", 1_666_667, 333_333],
  ])("%s", async (line, lang, input, output) => {
    const reply = await ask(line);
    expect(reply.lang).toBe(lang);
    expect(dataOf(reply).workload).toMatchObject({ inputTokens: input, outputTokens: output });
  });
});

interface AskData extends CompareData {
  unknown?: { name: string; suggestions: string[] }[];
}
const ids = (reply: { data: Record<string, unknown> }) => dataOf(reply).models.map((m) => m.id);

describe("nothing the user named is dropped or replaced without a word (class 1)", () => {
  it.each([
    ["gpt-5 vs ds v3 vs claude sonnet", "en"],
    ["gpt-5、ds v3 和 claude sonnet 哪个便宜？", "zh"],
  ])("a common shorthand stays in the comparison: %s", async (line, lang) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(true);
    expect(reply.lang).toBe(lang);
    expect(ids(reply)).toEqual(["gpt-5", "deepseek-chat", "claude-sonnet-5"]);
    expect(dataOf(reply).cheapest).toBe("deepseek-chat");
  });

  it.each([
    ["oss 20b vs maverick vs scout for 60M in / 6M out, which one", ["gpt-oss-20b", "llama-4-maverick", "llama-4-scout"]],
    ["oss-120b 和 deepseek 哪个便宜", ["gpt-oss-120b", "deepseek-chat"]],
    ["4o 跟 4.1 跟 o4 mini，每月輸入 6000萬、輸出 600萬，幫我比較一下", ["gpt-4o", "gpt-4.1", "o4-mini"]],
    ["4o or 4.1 for 2.5 million tokens", ["gpt-4o", "gpt-4.1"]],
  ])("a shorthand without its family's word stays in the comparison: %s", async (line, models) => {
    expect(ids(await ask(line))).toEqual(models);
  });

  it.each([
    ["一个月 200万 次请求。deepseek 和 qwen3 32b 哪个便宜？", ["deepseek-chat", "qwen3-32b"]],
    ["峰值 QPS 不重要。DeepSeek和Qwen3 32B哪個便宜", ["deepseek-chat", "qwen3-32b"]],
    ["「deepseek」跟「gpt-5」哪個便宜", ["deepseek-chat", "gpt-5"]],
    ["我们在看【deepseek】和《qwen3 32b》，每月一亿 token 哪个便宜", ["deepseek-chat", "qwen3-32b"]],
  ])("a name right after Chinese punctuation is read like any other: %s", async (line, models) => {
    expect(ids(await ask(line))).toEqual(models);
  });

  it("a Chinese name run into the words before it keeps the word after it: 通义千问 Max is not Qwen Plus", async () => {
    expect(ids(await ask("深度求索和通义千问 Max 价格对比"))).toEqual(["deepseek-chat", "qwen-max"]);
    // and a Chinese name that starts in Latin letters is read whole
    expect(ids(await ask("GPT五和深度求索哪个便宜"))).toEqual(["gpt-5", "deepseek-chat"]);
  });

  it.each([
    ["豆包和gpt-5哪个便宜", ["豆包"], ["gpt-5"], "本回答未包含"],
    ["doubao vs gpt-5, which is cheaper?", ["doubao"], ["gpt-5"], "this answer leaves it out"],
    ["混元 vs 文心 vs deepseek", ["混元", "文心"], ["deepseek-chat"], "本回答未包含"],
    ["compare gpt-5 and gpt-6", ["gpt-6"], ["gpt-5"], "this answer leaves it out"],
    ["ernie vs deepseek", ["ernie"], ["deepseek-chat"], "this answer leaves it out"],
    // "grok" alone means Grok 4.5: "grok 5" is another model, not that one
    ["gpt-5 vs Grok 5", ["Grok 5"], ["gpt-5"], "this answer leaves it out"],
    ["o5 和 o3 哪个便宜", ["o5"], ["o3"], "本回答未包含"],
    ["gemini 2.5 ultra vs gemini 2.5 pro", ["gemini 2.5 ultra"], ["gemini-2.5-pro"], "this answer leaves it out"],
    ["gpt-5 vs gemini 3 pro vs Kimi K3", ["Kimi K3"], ["gpt-5", "gemini-3-pro"], "this answer leaves it out"],
    ["mistral large 3 vs mistral large 4", ["mistral large 4"], ["mistral-large-3"], "this answer leaves it out"],
    ["deepseek-r2 和 o3 哪个便宜", ["deepseek-r2"], ["o3"], "本回答未包含"],
    ["Claude Opus 6 vs gpt-5", ["Claude Opus 6"], ["gpt-5"], "this answer leaves it out"],
    // a family only resellers list: named back with their entries to pick from, not dropped
    ["nova vs gpt-5", ["nova"], ["gpt-5"], "this answer leaves it out"],
    // its parameter count is part of the name
    ["price check: sonnet 4.5, falcon 180b and mistral large at 20M in / 4M out a month", ["falcon 180b"], ["claude-sonnet-4-5", "mistral-large-3"], "this answer leaves it out"],
    // a line's word after a model the knowledge has makes another model, named back whole, never that model
    ["claude opus 4.1 vs gpt-5 ultra", ["gpt-5 ultra"], ["claude-opus-4-1"], "this answer leaves it out"],
    ["gpt-5 ultra 和 gpt-5 哪个便宜", ["gpt-5 ultra"], ["gpt-5"], "本回答未包含"],
    // the whole word typed is named back, not the brand it starts with
    ["price check: sonnet 4.5, gpt-5, and hunyuan-turbos", ["hunyuan-turbos"], ["claude-sonnet-4-5", "gpt-5"], "this answer leaves it out"],
    ["doubao-seed-code vs deepseek", ["doubao-seed-code"], ["deepseek-chat"], "this answer leaves it out"],
    // the cheapest of a list where one name was read is a comparison of what was read, the rest named back
    ["豆包、文心一言、通义千问哪个最便宜", ["豆包", "文心一言"], ["qwen-plus"], "本回答未包含"],
    ["which is cheapest: ernie, yi-lightning or gpt-5 nano?", ["ernie", "yi-lightning"], ["gpt-5-nano"], "this answer leaves them out"],
    // 、 joins only a list's items: the first of them is one, at the start of the line too
    ["TAIDE、gpt-5 nano 跟 gemini 2.5 flash-lite 比較一下，每月 6000 萬 token", ["TAIDE"], ["gpt-5-nano", "gemini-2.5-flash-lite"], "本回答未包含"],
    ["gpt-5 mini、TAIDE 哪个便宜", ["TAIDE"], ["gpt-5-mini"], "本回答未包含"],
    // a variant word makes another product with no version too: Gemini Ultra is no Gemini the knowledge has
    ["mistral large vs gpt-4.1 vs gemini ultra at 25M in / 5M out", ["gemini ultra"], ["mistral-large-3", "gpt-4.1"], "this answer leaves it out"],
  ])("a name it cannot price is named back as typed: %s", async (line, unknown, known, words) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(true);
    expect(ids(reply)).toEqual(known);
    expect((reply.data as unknown as AskData).unknown?.map((u) => u.name)).toEqual(unknown);
    for (const name of unknown) expect(reply.lead).toContain(name);
    expect(reply.lead).toContain(words);
  });

  it("reads a second mention of a family at its own version: 'llama 5 70b' is no Llama 3.3 and no 70B tokens", async () => {
    const reply = await ask("llama 3.3 70b vs llama 5 70b");
    expect(ids(reply)).toEqual(["llama-3.3-70b"]);
    expect((reply.data as unknown as AskData).unknown?.map((u) => u.name)).toEqual(["llama 5 70b"]);
    expect(dataOf(reply).workload).toMatchObject({ inputTokens: kb.knowledge.defaultWorkload.inputTokens });
  });

  it("suggests a family's own members, never a reseller's id as the answer", async () => {
    const reply = await ask("ernie vs deepseek");
    expect(reply.data.intent).toBe("compare");
    expect((reply.data as unknown as AskData).unknown?.[0]?.suggestions.every((id) => /ernie/.test(id))).toBe(true);
  });

  it.each([
    ["豆包多少钱", "豆包"],
    ["how much is doubao 1.5 pro?", "doubao 1.5 pro"],
  ])("only names it cannot price get the command forms' unknown-model error: %s", async (line, name) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(false);
    expect(dataOf(reply).error?.code).toBe("unknown_model");
    expect(reply.text).toContain(name);
  });

  it.each([
    ["gpt-5 vs sonnet 4.5, 100M tokens, 3:1 in:out", 75e6, 25e6],
    ["每月1亿token，输入输出比3:1，gpt-5还是claude sonnet 4.5", 75e6, 25e6],
    ["gpt-5 vs claude sonnet 4.5, 20M input at a 4:1 ratio", 20e6, 5e6],
    ["我們每月大概 2 億 token，輸入輸出 4:1，用 GPT-5 還是 Claude Sonnet 4.5？", 160e6, 40e6],
  ])("an input:output ratio is a ratio, not a model: %s", async (line, input, output) => {
    const reply = await ask(line);
    expect(ids(reply)).toEqual(["gpt-5", "claude-sonnet-4-5"]);
    expect(dataOf(reply).workload).toMatchObject({ inputTokens: input, outputTokens: output });
    expect(reply.text).toMatch(/3:1|4:1/);
  });

  it.each([
    ["self host llama 70b on H100 NVL", "H100 NVL"],
    ["self-host llama 3.3 70b on 2 RTX 3090", "RTX 3090"],
  ])("a GPU the knowledge lacks is named back whole, never replaced by another: %s", async (line, gpu) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(false);
    expect(reply.text).toContain(`"${gpu}"`);
  });

  it.each([
    ["自建 llama 70b 用 4 张 A100 40GB 划算吗", "NVIDIA A100 40GB"],
    ["self host deepseek r1 on 910b", "Ascend 910B"],
    ["run llama 70b on our own L4s", "NVIDIA L4"],
    ["self host llama 70b on RTX 5090", "RTX 5090"],
  ])("a GPU named is the GPU answered on, never another: %s", async (line, gpu) => {
    expect((await ask(line)).title).toContain(gpu);
  });

  it.each([
    ["self host llama 70b on 2 h200 141gb", "h200"],
    ["self host llama 70b on 4 a100 sxm4", "a100"],
    ["自建 llama 70b 用 8 张 H100 80GB PCIe 划算吗", "h100-pcie"],
  ])("a GPU the knowledge has, named with words of its own name, is that GPU: %s", async (line, gpu) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(true);
    expect(reply.data.intent).toBe("selfhost");
    expect((reply.data.understanding as { gpu?: { id?: string } }).gpu?.id).toBe(gpu);
  });
});

describe("no question back when every model a family word could mean gives the same verdict (class 10)", () => {
  const familyCosts = (word: RegExp) =>
    kb.knowledge.models
      .filter((m) => word.test(`${m.name} ${m.id}`) && isPriced(m))
      .map((m) => plainCost(m as PricedModel, kb.knowledge.defaultWorkload.inputTokens, kb.knowledge.defaultWorkload.outputTokens));

  it.each([
    ["Which is dearer, claude or deepseek?", "en", 'You named "claude" without a version', "each is dearer than DeepSeek V3.2"],
    ["哪个更贵，claude 还是 deepseek？", "zh", "“claude”没有写明版本", "每个都比 DeepSeek V3.2 (deepseek-chat) 贵"],
  ])("%s", async (line, lang, assumed, verdict) => {
    // the premise, from the knowledge: every Claude model is dearer than DeepSeek V3.2 at the default workload
    const deepseek = model("deepseek-chat");
    const { inputTokens, outputTokens } = kb.knowledge.defaultWorkload;
    expect(Math.min(...familyCosts(/claude/i))).toBeGreaterThan(plainCost(deepseek, inputTokens, outputTokens));
    const reply = await ask(line);
    expect(reply.ok).toBe(true);
    expect(reply.lang).toBe(lang);
    expect(reply.data.intent).toBe("compare");
    expect(ids(reply)).toContain("deepseek-chat");
    expect(dataOf(reply).cheapest).toBe("deepseek-chat");
    expect(reply.lead).toContain(assumed);
    expect(reply.lead).toContain(verdict);
    expect((reply.data.assumed as { members: string[] }).members.length).toBe(familyCosts(/claude/i).length);
  });

  it.each([
    ["claude 4 or gpt-5 mini — which one costs more per month at 10M in / 2M out", "en", '"claude 4"', "gpt-5-mini", /claude/i, /(?<![\d.])4(?:\.\d)?(?![\d])/],
    ["claude 4 跟 gpt-5 mini 哪個貴？", "zh", "“claude 4”", "gpt-5-mini", /claude/i, /(?<![\d.])4(?:\.\d)?(?![\d])/],
    ["gemini 3 和 deepseek 谁更便宜", "zh", "“gemini 3”", "deepseek-chat", /gemini/i, /(?<![\d.])3(?:\.\d)?(?![\d])/],
  ])("a family word with a generation (%s) is only that generation's models", async (line, lang, word, cheapest, family, generation) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(true);
    expect(reply.lang).toBe(lang);
    expect(reply.data.intent).toBe("compare");
    expect(dataOf(reply).cheapest).toBe(cheapest);
    expect(reply.lead).toContain(word);
    const members = (reply.data.assumed as { members: string[] }).members.map((id) => kb.knowledge.models.find((m) => m.id === id)!);
    expect(members.length).toBeGreaterThanOrEqual(2);
    for (const member of members) expect(member.name).toMatch(family);
    for (const member of members) expect(/(?<![\d.])\d+(?:\.\d+)?/.exec(member.name)![0]).toMatch(generation);
  });

  it("still asks back when the members disagree", async () => {
    const reply = await ask("which is cheaper, claude or gpt-5?");
    expect(reply.data.intent).toBe("clarify");
  });
});

describe("blind round 3's per-request phrasings price prompt × requests and reply × requests (class 2)", () => {
  it.each([
    ["每天 1 萬次呼叫，每次 prompt 2500 token 回覆 500，gemini 3.1 flash lite 一個月多少", "gemini-3.1-flash-lite", 300_000, 2500, 500],
    ["每天 1 万次调用，每次 prompt 2500 token 回答 500，gemini 3.1 flash lite 一个月多少", "gemini-3.1-flash-lite", 300_000, 2500, 500],
    ["10k calls a day, each prompt 2500 tokens reply 500, gemini 3.1 flash lite monthly?", "gemini-3.1-flash-lite", 300_000, 2500, 500],
    ["每次塞 20 万 token 的文档进去，每月 500 次，输出 2000，gpt-4.1 和 grok 4.1 fast 对比", "grok-4-1-fast", 500, 200_000, 2000],
    ["每次喂 20 萬 token 的文件，每月 500 次，輸出 2000，gpt-4.1 跟 grok 4.1 fast 比較", "grok-4-1-fast", 500, 200_000, 2000],
    ["rag bot: 20 chunks of 400 tokens + 200 token question per request, 500 out, 100k req/mo on gpt-5-nano vs gemini 2.5 flash-lite", "gpt-5-nano", 100_000, 8200, 500],
    ["20 段每段 400 token 加 200 token 问题 每次请求，输出 500，每月 10 万次，gpt-5-nano 和 gemini 2.5 flash-lite 比", "gpt-5-nano", 100_000, 8200, 500],
    ["1000 users, 40 msgs/day each, ~1500 tokens in and 200 out per msg — haiku 4.5 monthly?", "claude-haiku-4-5", 1_200_000, 1500, 200],
    ["1000 users, 40 messages a day each, 1500 tokens in and 200 out per message, haiku 4.5 monthly?", "claude-haiku-4-5", 1_200_000, 1500, 200],
  ])("%s", async (line, id, requests, prompt, reply) => {
    const data = dataOf(await ask(line));
    expect(data.workload.inputTokens).toBe(requests * prompt);
    expect(data.workload.outputTokens).toBe(requests * reply);
    const priced = data.models.find((m) => m.id === id)!;
    expect(priced.cost).toBeCloseTo(plainCost(model(id), requests * prompt, requests * reply, prompt), 2);
  });
});

describe("an unknown version beside another name of a known model (class 1)", () => {
  it.each([
    ["llama 5 vs maverick price check, 20M tokens in 4M out", "llama 5", "llama-4-maverick"],
    ["llama 5 和 maverick 比一下价格，每月输入2000万 输出400万", "llama 5", "llama-4-maverick"],
    ["claude 6 opus 跟 opus 4.7 价格差多少", "claude 6 opus", "claude-opus-4-7"],
    ["claude 6 opus vs opus 4.7, which is cheaper?", "claude 6 opus", "claude-opus-4-7"],
    ["claude 6 sonnet 跟 sonnet 4.5 比較價格", "claude 6 sonnet", "claude-sonnet-4-5"],
  ])("%s: the known model priced alone, %s named back", async (line, unknown, id) => {
    const reply = await ask(line);
    expect(dataOf(reply).models.map((m) => m.id)).toEqual([id]);
    expect(reply.text).toMatch(new RegExp(`["“]${unknown}["”].*(?:leaves it out|本回答未包含)`, "u"));
  });
});
