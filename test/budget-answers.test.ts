import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import { ask, pricedModel, realSnapshot } from "./helpers.ts";

/** What a budget buys when a request's size is said: requests a month, computed here from the knowledge's prices. */
let kb: KnowledgeSnapshot;
beforeAll(async () => {
  kb = await realSnapshot();
});

const model = (id: string) => pricedModel(kb, id);
const perRequestUsd = (id: string, input: number, output: number) => (input * model(id).inputPer1M + output * model(id).outputPer1M) / 1e6;

describe("a budget with a request's size buys a number of requests", () => {
  it.each([
    [
      "budget is $300/month, ~1.5k in 300 out per request, how many requests can we do on gpt-5 mini vs haiku 4.5?",
      300,
      ["gpt-5-mini", "claude-haiku-4-5"],
      1500,
      300,
      "Requests / month",
    ],
    ["每月预算 2000 元，每次输入 1000 输出 300，deepseek 和 gpt-5 mini 能跑多少次？", 2000, ["deepseek-chat", "gpt-5-mini"], 1000, 300, "每月请求数"],
    // with one model named and no word for a budget: the money and "how many requests … can we run" say it
    ["we've got $250/month, how many requests of 2k in / 400 out can we run on gpt-4.1-mini?", 250, ["gpt-4.1-mini"], 2000, 400, "Requests / month"],
    // the slash command with the size in words, as README's command table writes it
    ["/budget $250/mo claude sonnet 4.5 vs gpt-5.4 mini 2k in 400 out per request", 250, ["claude-sonnet-4-5", "gpt-5.4-mini"], 2000, 400, "Requests / month"],
    // its amount with no sign, as the command's usage line writes it: dollars, as the command reads it alone
    ["/budget 500 o3 1.5k in 300 out per request", 500, ["o3"], 1500, 300, "Requests / month"],
    ["/budget 500 ds r1 o3 o4-mini 2k in 5k out per request", 500, ["deepseek-r1", "o3", "o4-mini"], 2000, 5000, "Requests / month"],
    // a size per turn; the output said after a comma in the clause that sized the input, with its reasoning in tokens
    [
      "we have $2k/mo budget. voice assistant, ~1.2k in / 150 out per turn. how many turns can we afford on 4o mini vs gemini 2.5 flash lite vs haiku?",
      2000,
      ["gpt-4o-mini", "gemini-2.5-flash-lite", "claude-haiku-4-5"],
      1200,
      150,
      "Requests / month",
    ],
    [
      "we've got $500/mo. research agent, each call ~2k in, 1k visible out plus ~4k reasoning tokens. how many calls/mo on ds r1 vs o3 vs o4-mini?",
      500,
      ["deepseek-r1", "o3", "o4-mini"],
      2000,
      1000 + 4000,
      "Requests / month",
    ],
  ])("%s", async (line, amount, ids, input, output, column) => {
    const reply = await ask(line);
    const data = reply.data as { budgetUsdPerMonth: number; models: { id: string; requestsBought?: number }[] };
    expect(data.models.map((m) => m.id)).toEqual(ids);
    const budgetUsd = line.includes("元") ? amount / kb.knowledge.currency.usdToCny.rate : amount;
    for (const m of data.models) expect(m.requestsBought).toBeCloseTo(budgetUsd / perRequestUsd(m.id, input, output), 6);
    expect(reply.text).toContain(column);
    // the thousand requests a size alone is priced for are no volume of the asker's to fit the budget
    expect(reply.text).not.toMatch(/fits the budget|不超预算/u);
  });
});

describe("an amount a month the team has is its budget, and the volume said beside it is priced against it", () => {
  it("we have 2k/mo … ~4k in 300 out per convo, ~15k convos/mo", async () => {
    const reply = await ask("we have 2k/mo, whats the best model for our support copilot, ~4k in 300 out per convo, ~15k convos/mo");
    expect(reply.command).toBe("budget");
    const data = reply.data as { budgetUsdPerMonth: number; workload: { inputTokens: number; outputTokens: number }; models: { id: string }[] };
    expect(data.budgetUsdPerMonth).toBe(2000);
    expect(data.workload).toMatchObject({ inputTokens: 4000 * 15_000, outputTokens: 300 * 15_000 });
    expect(reply.text).toContain("fits the budget on");
    expect(reply.text).toContain("for customer support");
  });
});

describe("a share of today's usage moved to another model: what stays, what moves, the month's total", () => {
  it.each([
    [
      "we spend about $6k/mo on gpt-4o today. what would it cost if we switch half the traffic to 4.1 mini?",
      6000,
      0.5,
      "gpt-4.1-mini",
      /Moving 50% of it to GPT-4\.1 mini: \$3,000\.00 stays on GPT-4o and \$([\d,.]+) goes to GPT-4\.1 mini, \$([\d,.]+) a month/u,
    ],
    [
      "每月在 gpt-4o 上花 6000 美元，把三成流量换成 deepseek 要多少",
      6000,
      0.3,
      "deepseek-chat",
      /把其中 30% 换到 DeepSeek V3\.2 \(deepseek-chat\)：GPT-4o 上留 \$4,200\.00 \(¥[\d,.]+\)，DeepSeek V3\.2 \(deepseek-chat\) 上 \$([\d,.]+) \(¥[\d,.]+\)，合计每月 \$([\d,.]+)/u,
    ],
  ])("%s", async (line, spend, share, to, said) => {
    const reply = await ask(line);
    const gpt4o = model("gpt-4o");
    // the volume the spend buys on GPT-4o at its 5:1 split, the share of it priced on the other model
    const inputM = spend / (gpt4o.inputPer1M + gpt4o.outputPer1M / 5);
    const moved = share * (inputM * model(to).inputPer1M + (inputM / 5) * model(to).outputPer1M);
    const [, movedShown, totalShown] = said.exec(reply.text) ?? [];
    expect(Number(movedShown?.replace(/,/g, ""))).toBeCloseTo(moved, 2);
    expect(Number(totalShown?.replace(/,/g, ""))).toBeCloseTo(spend * (1 - share) + moved, 2);
  });
});

describe("a budget on a model its provider deprecated says so, as a comparison does", () => {
  it("预算每月五千块人民币，kimi k2 和 ds 各能跑多少 token", async () => {
    const reply = await ask("预算每月五千块人民币，kimi k2 和 ds 各能跑多少 token");
    const kimi = model("kimi-k2");
    expect(kimi.deprecationDate).toBeDefined();
    expect(reply.text).toContain(`Kimi K2 (0905) 已被提供商宣布自 ${kimi.deprecationDate} 起弃用。`);
  });
});

describe("a budget's picks meet what the question needs, as /cheapest's do", () => {
  it.each([
    [
      "Expense app: we need a model that can read receipt photos. Roughly 40k receipts a month, each ~1,500 tokens of image input and 200 tokens out. Cheapest vision model, budget is $50/month?",
      { vision: true },
    ],
    [
      "Need an open-weights reasoning model for a math tutoring feature. About 400 million tokens a month, 1:2 input to output. Cheapest one that fits a $300 budget?",
      { reasoning: true, open: true },
    ],
    ["我們要做繁體中文的客服知識庫，模型必須開源、中文要好，每月大約三億 token，預算每月五千人民幣，哪個最便宜？", { open: true }],
  ])("%s", async (line, needs) => {
    const reply = await ask(line);
    expect(reply.command).toBe("budget");
    const ids = (reply.data as { models: { id: string }[] }).models.map((m) => m.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const m = model(id);
      if ("vision" in needs) expect(m.capabilities).toContain("vision");
      if ("reasoning" in needs) expect(m.capabilities).toContain("reasoning");
      if ("open" in needs) expect(m.openWeights).toBe(true);
    }
  });
});

describe("how many tokens a budget buys is a budget question, at the ratio said", () => {
  it("每月预算 3000 元，用 gpt-5 能跑多少 token？输入输出比 4:1", async () => {
    const reply = await ask("每月预算 3000 元，用 gpt-5 能跑多少 token？输入输出比 4:1");
    expect(reply.command).toBe("budget");
    const gpt5 = model("gpt-5");
    const budgetUsd = 3000 / kb.knowledge.currency.usdToCny.rate;
    // 4 input tokens for each output token, bought until they cost the budget
    const perFive = (4 * gpt5.inputPer1M + gpt5.outputPer1M) / 1e6;
    const data = reply.data as { models: { id: string; inputTokens: number; outputTokens: number }[] };
    expect(data.models[0]!.inputTokens).toBeCloseTo((4 * budgetUsd) / perFive, 0);
    expect(data.models[0]!.outputTokens).toBeCloseTo(budgetUsd / perFive, 0);
    expect(reply.text).toContain("输入:输出为 4:1");
  });
});

describe("what a spend on one model buys, priced on the others", () => {
  it.each([
    ["we burn ~$4k/mo on gpt-4o, what would the same usage cost on gpt-4.1?", 4000, ["gpt-4o", "gpt-4.1"], "the same volume costs"],
    ["我们每月在 gpt-4o 上花 3 万元，同样的用量换成 deepseek 和 gpt-4.1 mini 要多少钱？", 30_000, ["gpt-4o", "deepseek-chat", "gpt-4.1-mini"], "同样的用量"],
    // an amount spent is money with no sign: dollars in English, yuan in Chinese; switching to a model is the same usage on it
    ["we're spending like 12k a month on openai, mostly gpt-4o. would switching to gpt-4.1 mini save a lot?", 12_000, ["gpt-4o", "gpt-4.1-mini"], "the same volume costs"],
    ["我们每月在 gpt-4o 上花 2 万，换成 deepseek 能省多少？", 20_000, ["gpt-4o", "deepseek-chat"], "同样的用量"],
    ["we burn about 1500 a month on gpt-4o — what would the same usage run on gpt-4.1 or gemini 3 flash?", 1500, ["gpt-4o", "gpt-4.1", "gemini-3-flash"], "the same volume costs"],
  ])("%s", async (line, amount, ids, said) => {
    const reply = await ask(line);
    const data = reply.data as { models: { id: string; sameUsageCost?: number }[] };
    expect(data.models.map((m) => m.id)).toEqual(ids);
    const budgetUsd = /\p{Script=Han}/u.test(line) ? amount / kb.knowledge.currency.usdToCny.rate : amount;
    // the volume the budget buys on the first model at the default ratio, priced on each
    const { inputTokens, outputTokens } = kb.knowledge.defaultWorkload;
    const outEach = outputTokens / inputTokens;
    const first = model(ids[0]!);
    const input = budgetUsd / ((first.inputPer1M + outEach * first.outputPer1M) / 1e6);
    for (const m of data.models) expect(m.sameUsageCost).toBeCloseTo((input * model(m.id).inputPer1M + input * outEach * model(m.id).outputPer1M) / 1e6, 6);
    expect(reply.text).toContain(said);
  });
});
