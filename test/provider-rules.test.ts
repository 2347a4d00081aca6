import { describe, expect, it } from "vitest";
import { ask, realSnapshot } from "./helpers.ts";
import type { PricedModel } from "../src/core/knowledge/schema.ts";
import { workloadCost } from "../src/core/pricing/pricing.ts";
import { formatUsd } from "../src/core/reply/format.ts";

const WORKLOAD = { inputTokens: 10_000_000, outputTokens: 2_000_000, cachedPercent: 0 };
const model = async (id: string) => (await realSnapshot()).knowledge.models.find((m) => m.id === id) as PricedModel;

describe("provider rules where the price map is silent", () => {
  it("prices batch at the published 50% discount for OpenAI, Anthropic and Google models the map lists no batch price for", async () => {
    for (const id of ["o3", "o4-mini", "gemini-2.5-pro", "claude-3.5-haiku", "claude-sonnet-4"]) {
      const m = await model(id);
      if (m.provider.includes("served by")) {
        // Claude 3.5 Haiku is priced at Bedrock: Anthropic's own rule does not cover a host
        expect(m.derivedTiers).toBeUndefined();
        continue;
      }
      const batch = workloadCost(m, { ...WORKLOAD, batch: true });
      expect(batch.fallbacks).not.toContain("no-batch-price");
      expect(batch.totalUsd).toBeCloseTo(workloadCost(m, WORKLOAD).totalUsd / 2, 10);
    }
    // a price the map lists wins over the rule
    const listed = await model("gpt-5.4");
    expect(listed.derivedTiers).toBeUndefined();
  });

  it("says the discount comes from the provider's published rule, in both languages", async () => {
    const en = await ask("/compare o3 gemini-2.5-pro batch:yes");
    expect(en.text).toContain("o3: the prices used here list no batch price; OpenAI publishes a flat 50% batch discount (https://openai.com/api/pricing/), applied here.");
    expect(en.text).not.toContain("no batch price in the price map; standard prices used");
    const zh = await ask("/compare o3 gemini-2.5-pro batch:yes lang:zh");
    expect(zh.text).toContain("Gemini 2.5 Pro：此处所用的价格没有批处理价格；Google 公布批处理统一优惠 50%（https://ai.google.dev/gemini-api/docs/optimization），此处已采用。");
  });

  it("says a cost at batch or flex prices at standard prices too, in both languages", async () => {
    const sonnet = await model("claude-sonnet-4-5");
    const workload = { inputTokens: 6_000_000_000, outputTokens: 3_000_000_000, cachedPercent: 0, promptTokensPerRequest: 2000 };
    const standard = formatUsd(workloadCost(sonnet, workload).totalUsd);
    const asked = await ask("how much would claude sonnet 4.5 cost us for 3 million requests with 2k input and 1k output each, and what about with batch?");
    expect((asked.data.models as { cost: number }[])[0]!.cost).toBeCloseTo(workloadCost(sonnet, { ...workload, batch: true }).totalUsd, 6);
    expect(asked.text).toContain(`Claude Sonnet 4.5 at standard prices: ${standard}.`);
    const zh = await ask("/compare claude-sonnet-4-5 in:6B out:3B prompt:2000 batch:yes lang:zh currency:usd");
    expect(zh.text).toContain(`Claude Sonnet 4.5 按标准价格为 ${standard}。`);
    expect((await ask("/compare claude-sonnet-4-5 in:6B out:3B")).text).not.toContain("at standard prices");
  });

  it("says which context number is which: GPT-5's input limit inside its window, Claude Sonnet 4's 1M beta tier and its prices", async () => {
    const en = await ask("/compare gpt-5 claude sonnet 4");
    expect(en.text).toContain("GPT-5: 272K is its input limit inside a 400K-token total window (input + output)");
    expect(en.text).toContain(
      "Claude Sonnet 4: 200K tokens is the standard window; 1M is a beta tier (header context-1m-2025-08-07) billed at $6.00 input / $22.50 output per 1M once a prompt exceeds 200K",
    );
    const zh = await ask("/model gpt-5 lang:zh");
    expect(zh.text).toContain("GPT-5：27.2万 是其输入上限，总上下文窗口（输入 + 输出）为 40万 Token");
  });

  it("prices a prompt past Claude Sonnet 4.5's 200K window in its 1M beta, at the beta's prices, and says it must be turned on", async () => {
    const reply = await ask("/compare gpt-4.1 claude-sonnet-4-5-20250929 gemini-2.5-pro prompt:250k requests:3000");
    const costs = (reply.data as { models: { id: string; cost?: number; fits: boolean }[] }).models;
    // 750M in × $6.00 + 150M out × $22.50: the beta band's prices, not "does not fit"
    expect(costs.find((m) => m.id === "claude-sonnet-4-5")).toMatchObject({ fits: true, cost: expect.closeTo(750 * 6 + 150 * 22.5, 6) });
    expect(reply.text).toContain("⚠ Claude Sonnet 4.5: a prompt this long fits only its 1M-token beta window, which has to be turned on per request");
    expect(reply.text).not.toContain("does not fit");
    const zh = await ask("每次丢 30 万 token 的长 prompt 进去，输出 3000，一天 100 次，ds、gemini 2.5 pro 和 sonnet 4.5 分别多少钱");
    expect(zh.text).toContain("⚠ Claude Sonnet 4.5：这么长的提示只能用它的 100万 Token 测试版窗口（须在请求中开启）");
    // past the beta window too, it does not fit
    expect((await ask("/compare claude-sonnet-4-5 gpt-4.1 prompt:1.2M requests:10")).text).toContain("Claude Sonnet 4.5 takes at most 1M tokens per request");
  });
});
