import { getEncoding } from "js-tiktoken";
import { beforeAll, describe, expect, it } from "vitest";
import type { PricedModel } from "../src/core/knowledge/schema.ts";
import { isPriced, TIERS } from "../src/core/knowledge/kinds.ts";
import type { KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import { ask, realSnapshot } from "./helpers.ts";

let kb: KnowledgeSnapshot;
let priced: PricedModel[];
beforeAll(async () => {
  kb = await realSnapshot();
  priced = kb.knowledge.models.filter(isPriced);
});

const byId = (id: string) => priced.find((m) => m.id === id)!;
const costOf = (m: PricedModel, input: number, output: number) => (input * m.inputPer1M + output * m.outputPer1M) / 1e6;

describe("/model's fact words as people type them", () => {
  it.each([
    ["/model claude sonnet 4.5 上下文視窗", "context"],
    ["/model grok 4.20 contxt", "context"],
    ["/model gpt-5 pricing", "price"],
  ])("%s asks the %s", async (line, fact) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(true);
    expect(reply.data.fact).toBe(fact);
  });
});

describe("/compare", () => {
  it.each([["/compare gpt-5.4 mini 同 gemini 3.5 flash lite 輸入:5億 輸出:1億"], ["/compare gpt-5.4 mini 還是 gemini 3.5 flash lite"]])(
    "reads Hong Kong's and Traditional list words: %s",
    async (line) => {
      const reply = await ask(line);
      expect((reply.data.models as { id: string }[]).map((m) => m.id)).toEqual(["gpt-5.4-mini", "gemini-3.5-flash-lite"]);
    },
  );

  it("prices each model for the default workload and names the cheapest", async () => {
    const reply = await ask("/compare gpt-5 deepseek");
    const { inputTokens, outputTokens } = kb.knowledge.defaultWorkload;
    const data = reply.data as { models: { id: string; cost: number }[]; cheapest: string; workloadIsDefault: boolean };
    expect(reply.ok).toBe(true);
    expect(data.workloadIsDefault).toBe(true);
    expect(data.models.map((m) => m.id)).toEqual(["gpt-5", "deepseek-chat"]);
    expect(data.models[0]!.cost).toBeCloseTo(costOf(byId("gpt-5"), inputTokens, outputTokens));
    expect(data.cheapest).toBe("deepseek-chat");
    expect(reply.text).toContain("default workload");
    expect(reply.sources.some((s) => s.asOf === byId("gpt-5").asOf)).toBe(true);
  });

  it("says when models tie instead of calling one of them cheapest, and a near tie in percent", async () => {
    const same = await ask("/compare claude 3.7 sonnet, claude sonnet 4, claude sonnet 4.5");
    expect(same.lead).toContain("Claude 3.7 Sonnet, Claude Sonnet 4, and Claude Sonnet 4.5 cost the same: $60.00 each");
    expect(same.lead).not.toContain("cheapest");
    const tiedDearest = await ask("/compare claude 3.7 sonnet, claude sonnet 4, claude haiku 4.5");
    expect(tiedDearest.lead).toContain("than Claude 3.7 Sonnet and Claude Sonnet 4 ($60.00)");
    const zh = await ask("/compare claude 3.7 sonnet, claude sonnet 4 lang:zh");
    expect(zh.lead).toContain("费用相同，均为 $60.00");
    // 6.5B in + 120M out at these prices: GPT-5 mini $1,865.00 against DeepSeek V3.2 $1,870.40
    const near = await ask("/compare gpt-5 mini, deepseek in:6.5B out:120M cached:0");
    expect(near.lead).toContain("0.3% cheaper than DeepSeek V3.2 (deepseek-chat) ($1,870.40): $5.40 less.");
  });

  it("says a saving as times, in money and in percent, never 100% for a saving short of everything", async () => {
    // $0.90 against $2,100.00: 2,333× cheaper, 99.96% less
    const far = await ask("/compare gpt-5 nano o1-pro in:10M out:1M");
    expect(far.lead).toContain("2,333× cheaper than o1-pro ($2,100.00): $2,099.10 less (>99.9%).");
    const zh = await ask("/compare gpt-5 nano o1-pro in:10M out:1M lang:zh");
    expect(zh.lead).toContain("便宜 >99.9%，即 $2,099.10 (¥14,903.61)，后者的费用是前者的 2,333 倍");
    expect((await ask("/compare gpt-5 mini haiku 4.5 in:3k out:600")).lead).toContain("3.1× cheaper than Claude Haiku 4.5 ($0.006): $0.00405 less (67.5%).");
  });

  it("takes the stated workload and cached share", async () => {
    const reply = await ask("/compare gpt-5 gemini 2.0 flash in:1M out:500k cached:50%");
    const data = reply.data as { workload: { inputTokens: number; outputTokens: number; cachedPercent: number }; models: { id: string; cost: number }[] };
    expect(data.workload).toEqual({ inputTokens: 1_000_000, outputTokens: 500_000, cachedPercent: 50 });
    const gpt5 = byId("gpt-5");
    expect(data.models[0]!.cost).toBeCloseTo((500_000 * gpt5.inputPer1M + 500_000 * gpt5.cachedInputPer1M! + 500_000 * gpt5.outputPer1M) / 1e6);
    expect(reply.text).not.toContain("default workload");
  });

  it("shows the article's claim beside the table price when they differ, with both dates", async () => {
    const reply = await ask("/compare deepseek gpt-5");
    expect(reply.text).toMatch(
      /article \(2026-02-07\) gives ~\$0\.10 per 1M input tokens for "DeepSeek & Open Source Variants"; the price map \(2026-07-24\) has DeepSeek V3\.2 \(deepseek-chat\) at \$0\.28/,
    );
  });

  it("is honest about Claude 3.5 Opus: no invented price, the nearest real model", async () => {
    const reply = await ask("/compare claude 3.5 opus gpt-5");
    const row = (reply.data as { models: { id: string; inputPer1M: number | null; cost: number | null }[] }).models[0]!;
    expect(row).toMatchObject({ id: "claude-3.5-opus", inputPer1M: null, cost: null });
    expect(reply.text).toContain("no price list carries it");
    expect(reply.text).toContain("Nearest real model: Claude Opus 4.5");
  });

  it("says a retired model (Gemini 1.5 Pro) is retired and names its successor, without a price, in both languages", async () => {
    const reply = await ask("/compare gemini 1.5 pro gpt-4o");
    const row = (reply.data as { models: { id: string; inputPer1M: number | null; cost: number | null }[] }).models.find((m) => m.id === "gemini-1.5-pro");
    expect(row).toMatchObject({ inputPer1M: null, cost: null });
    expect(reply.text).toContain("Google retired it on 2025-09-24");
    expect(reply.text).toContain("Nearest current model: Gemini 2.5 Pro");
    const zh = await ask("/compare gemini 1.5 pro gpt-4o lang:zh");
    expect(zh.text).toContain("最接近的现有模型：Gemini 2.5 Pro");
    expect((await ask("/models google")).text).not.toContain("Gemini 1.5 Pro");
  });

  it("names an unknown model and suggests real ones", async () => {
    const reply = await ask("/compare gpt-5 gpt-6");
    expect(reply.ok).toBe(false);
    const error = (reply.data as { error: { code: string; suggestions: string[] } }).error;
    expect(error.code).toBe("unknown_model");
    expect(reply.text).toContain('"gpt-6"');
    expect(error.suggestions).toContain("gpt-5");
  });

  it("refuses more than five models", async () => {
    const reply = await ask("/compare gpt-5 o3 grok 4 kimi k2.5 deepseek qwen max");
    expect((reply.data as { error: { code: string } }).error.code).toBe("bad_input");
  });
});

describe("/cheapest", () => {
  const cheapestPerTier = (filter: (m: PricedModel) => boolean, input: number, output: number) =>
    TIERS.map((tier) => {
      // free tiers ($0 in and out) are never a plan
      const fits = priced.filter((m) => m.tier === tier && filter(m) && !(m.deprecationDate && m.deprecationDate <= "2026-11-28") && !(m.inputPer1M === 0 && m.outputPer1M === 0));
      // ties broken as recommend.ts breaks them: the lower input price, then the id
      fits.sort((a, b) => costOf(a, input, output) - costOf(b, input, output) || a.inputPer1M - b.inputPer1M || a.id.localeCompare(b.id));
      return fits[0]?.id ?? null;
    });

  it("recommends the cheapest model in each tier, in tier order", async () => {
    const reply = await ask("/cheapest");
    const { inputTokens, outputTokens } = kb.knowledge.defaultWorkload;
    const recs = (reply.data as { recommendations: { tier: string; id: string }[] }).recommendations;
    expect(recs.map((r) => r.tier)).toEqual(["ultra-low", "balanced", "premium"]);
    expect(recs.map((r) => r.id)).toEqual(cheapestPerTier(() => true, inputTokens, outputTokens));
  });

  it("with vision, open weights and a context no scored model has, says the open models have no image score", async () => {
    const reply = await ask("/cheapest vision open context:200k in:1M out:1M");
    const recs = (reply.data as { recommendations: { id: string | null }[] }).recommendations;
    expect(recs.every((r) => r.id === null)).toBe(true);
    expect(reply.text).toMatch(/models? meets? the other constraints but ha(?:s|ve) no image understanding score/);
  });

  it("filters by context and vision, and scores image reading on the vision board", async () => {
    const reply = await ask("/cheapest vision context:200k in:1M out:1M");
    const data = reply.data as { recommendations: { id: string | null; quality: { category: string } | null }[]; bars: { category: string; from: string[] }[] };
    expect(data.bars).toMatchObject([{ category: "vision", from: ["vision"] }]);
    const picks = data.recommendations.filter((r) => r.id);
    expect(picks.length).toBeGreaterThan(0);
    for (const rec of picks) {
      const model = byId(rec.id!);
      expect(model.contextWindow).toBeGreaterThanOrEqual(200_000);
      expect(model.capabilities).toContain("vision");
      expect(rec.quality?.category).toBe("vision");
    }
  });

  it("understands task words in Chinese and gives the article's advice", async () => {
    const reply = await ask("/cheapest 编程 context:200k");
    expect(reply.lang).toBe("zh");
    expect((reply.data as { constraints: { tasks: string[]; minContext: number } }).constraints).toMatchObject({ tasks: ["coding"], minContext: 200_000 });
    expect(reply.text).toContain("编码和数学方面可与GPT-4级模型媲美");
  });

  it("keeps a command's own word for Chinese when a workload is typed with it: /cheapest 客服 中文 开源 输入 1亿 输出 2000万", async () => {
    const reply = await ask("/cheapest 客服 中文 开源 输入 1亿 输出 2000万");
    expect((reply.data.understanding as { constraints: { chinese?: boolean; openWeights?: boolean } }).constraints).toMatchObject({ chinese: true, openWeights: true });
    expect(reply.text).toContain("开放权重和中文能力好");
  });

  it("says so when no model in a tier meets the constraints", async () => {
    const reply = await ask("/cheapest context:5M");
    const recs = (reply.data as { recommendations: { id: string | null }[] }).recommendations;
    expect(recs.every((r) => r.id === null)).toBe(true);
    expect(reply.text).toContain("no model meets the constraints");
  });

  it.each([["cheapest model with vision and at least 500k context"], ["支持 100万上下文、能看图、最便宜的模型是哪个？"]])(
    "says a tier's models met the constraints but not the quality bar, when so: %s",
    async (line) => {
      const reply = await ask(line);
      const recs = (reply.data as { recommendations: { tier: string; id: string | null }[] }).recommendations;
      expect(recs.find((r) => r.tier === "ultra-low")?.id).toBeNull();
      expect(reply.text).toMatch(/none above the quality bar|没有达到质量门槛的模型/u);
      expect(reply.text).not.toMatch(/no model meets the constraints|没有满足条件的模型/u);
    },
  );
});

describe("/selfhost", () => {
  it("works out the cost per 1M tokens from the deployment's throughput, rent and utilization", async () => {
    const reply = await ask("/selfhost gpt-oss-120b gpu:h100");
    const data = reply.data as {
      gpu: { hourlyUsd: number; count: number };
      throughputTokensPerSec: number;
      utilization: number;
      selfHostCostPer1M: number;
      throughputSource: string;
      estimateErrorPct: number | null;
    };
    // rented GPUs include power: nothing is added for electricity
    expect(data.selfHostCostPer1M).toBeCloseTo(((data.gpu.hourlyUsd * data.gpu.count) / (data.throughputTokensPerSec * 3600 * data.utilization)) * 1e6);
    expect(["measured", "estimated"]).toContain(data.throughputSource);
    if (data.throughputSource === "estimated") expect(reply.text).toMatch(/estimated, ±\d+%/);
    expect(reply.text).toContain("viable only for massive scale or strict privacy requirements");
  });

  it("lets every assumption be overridden", async () => {
    const reply = await ask("/selfhost gpt-oss-120b gpu:b200 gpus:2 price:4 util:80% tput:20000 kwh:0");
    const data = reply.data as { gpu: { id: string; count: number; hourlyUsd: number }; utilization: number; selfHostCostPer1M: number };
    expect(data.gpu).toMatchObject({ id: "b200", count: 2, hourlyUsd: 4 });
    expect(data.utilization).toBeCloseTo(0.8);
    expect(data.selfHostCostPer1M).toBeCloseTo((8 / (20_000 * 3600 * 0.8)) * 1e6);
  });

  it("refuses to self-host a closed model and offers open-weights models of its tier", async () => {
    const reply = await ask("/selfhost gpt-5");
    const data = reply.data as { selfHostable: boolean; alternatives: { id: string }[] };
    expect(data.selfHostable).toBe(false);
    expect(data.alternatives.length).toBeGreaterThan(0);
    for (const alt of data.alternatives) expect(byId(alt.id).openWeights).toBe(true);
    expect(reply.text).toContain("cannot be self-hosted");
  });

  it.each(["self host qwen2.5 32b on 2 a100", "用 4 张 4090 跑 qwen2.5 32b 够吗？每天大概 100 万 token"])(
    "a price-map entry is not said to have closed weights, only no serving figures: %s",
    async (question) => {
      const reply = await ask(question);
      expect(reply.text).not.toMatch(/cannot be self-hosted|publishes no weights|无法自建|没有公开/);
      expect(reply.title).toMatch(/No serving figures|部署数据/);
    },
  );

  it("says when a model does not fit the GPUs asked for, and what would", async () => {
    const reply = await ask("/selfhost deepseek gpu:h100 gpus:8");
    const data = reply.data as { fits: boolean; doesNotFit: { needs: { gpu: string; gpuCount: number }[] } | null; selfHostCostPer1M: number | null };
    expect(data.fits).toBe(false);
    expect(data.selfHostCostPer1M).toBeNull();
    expect(data.doesNotFit?.needs[0]).toMatchObject({ gpu: "h100" });
    expect(data.doesNotFit!.needs[0]!.gpuCount).toBeGreaterThan(8);
    expect(reply.text).toMatch(/does not fit on 8 × NVIDIA H100[^:]*: it needs 16 × H100/);
  });

  it("never gives a break-even volume when the API is cheaper at every volume", async () => {
    const reply = await ask("/selfhost gpt-oss-20b gpu:h100 price:40");
    const data = reply.data as { breakEvenTokensPerMonth: number | null; apiCheaperAtFullUse: { ratio: number } | null };
    expect(data.breakEvenTokensPerMonth).toBeNull();
    expect(data.apiCheaperAtFullUse!.ratio).toBeGreaterThan(1);
    expect(reply.text).toContain("The API is cheaper at every volume");
    expect(reply.text).not.toMatch(/wins above/);
  });
});

describe("/estimate", () => {
  it("counts tokens exactly as js-tiktoken's o200k_base does", async () => {
    const text = "Summarize this email: the launch moved to Friday. 请帮我总结这封邮件 🚀";
    const reply = await ask(`/estimate ${text} n:1000 out:200`);
    const data = reply.data as { tokens: number; approximate: boolean; costs: { id: string; cost: number; exact: boolean }[] };
    const expected = getEncoding("o200k_base").encode(text).length;
    expect(data.tokens).toBe(expected);
    const gpt5 = data.costs.find((c) => c.id === "gpt-5")!;
    expect(gpt5.exact).toBe(true);
    expect(gpt5.cost).toBeCloseTo(costOf(byId("gpt-5"), expected, 200) * 1000);
    expect(data.approximate).toBe(true);
    expect(reply.lang).toBe("zh");
    expect(reply.text).toContain("近似值");
  });

  it("prices the models the user names", async () => {
    const reply = await ask("/estimate hello world models:gpt-5-mini,deepseek");
    expect((reply.data as { costs: { id: string }[] }).costs.map((c) => c.id)).toEqual(["gpt-5-mini", "deepseek-chat"]);
  });

  it("refuses text over the limit with a clear error", async () => {
    const reply = await ask(`/estimate ${"a".repeat(5_000_001)}`);
    expect(reply.ok).toBe(false);
    expect(reply.text).toContain("the limit is 5,000,000");
  });
});

describe("/ask", () => {
  it.each([
    ["which is cheapest for coding?", "cheapest"],
    ["哪个模型写代码最便宜？", "cheapest"],
    ["is deepseek cheaper than gpt-5?", "compare"],
    ["how much does gpt-5 cost?", "model"],
    ["can I self-host gpt-oss-120b?", "selfhost"],
    ['how many tokens is "hello there, world"?', "estimate"],
    ["what does $50 a month buy on gpt-5 mini?", "budget"],
    ["which provider is cheapest for llama 3.3 70b?", "providers"],
  ])("routes %j to /%s, saying how it understood the question", async (question, command) => {
    const reply = await ask(question);
    expect(reply.ok).toBe(true);
    expect(reply.command).toBe(command);
    expect(reply.lead).toMatch(/^(Understood|理解为)/);
  });

  it("answers from the article with the section cited, in the question's language", async () => {
    const reply = await ask("自建划算吗？");
    expect(reply.lang).toBe("zh");
    expect(reply.data.intent).toBe("article");
    expect(reply.title).toContain("自建 vs API");
    expect(reply.sources[0]!.ref).toContain("#self-hosted-vs-api");
    const en = await ask("/ask Is self-hosting worth it?");
    expect(en.title).toContain("Self-Hosted vs. API");
    expect(en.text).not.toMatch(/\p{Script=Han}/u);
  });

  it("says plainly when the knowledge does not cover the question", async () => {
    const reply = await ask("what is the weather in Paris tomorrow?");
    expect(reply.data.intent).toBe("not_covered");
    expect(reply.title).toContain("isn't covered");
  });
});

describe("/models and /help", () => {
  it("lists at least 40 priced models with sources", async () => {
    const reply = await ask("/models");
    expect((reply.data as { models: unknown[] }).models.length).toBeGreaterThanOrEqual(41);
    expect(priced.length).toBeGreaterThanOrEqual(40);
    expect(priced.every((m) => m.source && m.asOf)).toBe(true);
  });

  it("filters by provider and capability", async () => {
    const reply = await ask("/models google vision");
    const models = (reply.data as { models: { id: string; provider: string }[] }).models;
    expect(models.length).toBeGreaterThan(0);
    expect(models.every((m) => m.provider.startsWith("Google") && byId(m.id).capabilities.includes("vision"))).toBe(true);
  });

  it("describes every command in the asker's language", async () => {
    const reply = await ask("/help lang:zh");
    for (const name of ["compare", "cheapest", "selfhost", "estimate", "ask", "models"]) expect(reply.text).toContain(`/${name}`);
    expect(reply.text).toContain("并排比较");
    expect(reply.text).not.toContain("/reload");
  });
});

describe("errors", () => {
  it.each([
    ["/compare gpt-5 in:lots", "bad_input"],
    ["/cheapest contxt:200k", "bad_input"],
    ["/frobnicate", "unknown_command"],
    ["/selfhost gpu:h100", "bad_input"],
    ["/compare claude", "ambiguous_model"],
  ])("%s → %s, localized, no stack trace", async (line, code) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(false);
    expect((reply.data as { error: { code: string } }).error.code).toBe(code);
    expect(reply.text).not.toMatch(/at .*\.ts:\d+|Error:/);
  });

  it("localizes errors", async () => {
    const reply = await ask("/compare 深度求索 gpt-6");
    expect(reply.text).toContain("我不认识名为“gpt-6”的模型");
  });
});
