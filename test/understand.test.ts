import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../eval/corpus.ts";
import { evaluate } from "../eval/evaluate.ts";
import type { Understanding as Label } from "../eval/score.ts";
import type { KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import { labelToRemembered, toLabel, type UnderstandingLabel } from "../src/core/understand/label.ts";
import { translator } from "../src/core/i18n/translate.ts";
import { describeUnderstanding } from "../src/core/understand/describe.ts";
import { HEAD_CHARS, understand } from "../src/core/understand/understand.ts";
import { remember } from "../src/core/understand/follow-up.ts";
import { realSnapshot } from "./helpers.ts";

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = await realSnapshot();
});

const read = (line: string, previous?: UnderstandingLabel) => toLabel(understand(snapshot, line, { previous: previous ? labelToRemembered(previous) : null }));

describe("every slot, typed in words, in both languages", () => {
  it.each<[string, Partial<UnderstandingLabel>]>([
    ["gpt 5 vs gpt5 mini vs nano", { command: "compare", models: ["gpt-5", "gpt-5-mini", "gpt-5-nano"] }],
    ["gpt-5, claude opus 4.5 and deepseek", { command: "compare", models: ["gpt-5", "claude-opus-4-5", "deepseek-chat"] }],
    ["gpt-5 和 deepseek 和 kimi k2.5", { command: "compare", models: ["gpt-5", "deepseek-chat", "kimi-k2.5"] }],
    ["4o/4o mini", { command: "compare", models: ["gpt-4o", "gpt-4o-mini"] }],
    // a line's word alone is that line of a model named in the sentence
    ["is gpt-5 nano good enough for customer support or should we pay for mini? ~1M requests/mo, 800 in 200 out", { command: "compare", models: ["gpt-5-nano", "gpt-5-mini"] }],
    ["gemini 2.5 flash is fast but should we use pro instead? 10M tokens", { command: "compare", models: ["gemini-2.5-flash", "gemini-2.5-pro"] }],
    ["gpt-5 nano 够用吗，还是得上 mini？每月 100 万次请求，输入 800 输出 200", { command: "compare", models: ["gpt-5-nano", "gpt-5-mini"] }],
    // a rate's "of" before a token size: the size of each request, not another count
    ["what is the cheapest model for 10 rpm of 2k token prompts", { promptTokens: 2000, requests: 10 * 60 * 24 * 30 }],
    // a context no model falls short of is each request's size, not a window asked for
    ["about 500 daily active users, 10 questions each per day, 2k context, 400 answer, sonnet 4.5 vs gpt-5", { promptTokens: 2000, requests: 150_000 }],
    // "requests of 400k tokens": each request's prompt, past the long-context threshold too
    ["gemini 2.5 pro with prompts over 200k, 1000 requests a month of 400k tokens, 2k out", { promptTokens: 400_000, requests: 1000 }],
    // a version alone takes the place of the one the name before it ends with; a number before a side is an amount
    ["sonnet 4.5 and 3.7 for 10M tokens", { command: "compare", models: ["claude-sonnet-4-5", "claude-3.7-sonnet"] }],
    ["claude sonnet 4.5 或 3.7 哪个便宜", { command: "compare", models: ["claude-sonnet-4-5", "claude-3.7-sonnet"] }],
    ["classify 2M rows a month, each row ~150 tokens in and 5 out per row, gpt-5 nano", { models: ["gpt-5-nano"], volume: { input: 300_000_000, output: 10_000_000 } }],
    ["gpt-5 vs deepseek for 200M in, 50M out", { volume: { input: 200_000_000, output: 50_000_000 } }],
    ["deepseek 和 gpt-5，输入2亿、输出5000万", { volume: { input: 200_000_000, output: 50_000_000 } }],
    ["每个月大概3000万输入、600万输出，deepseek 和 gpt-5 差多少", { volume: { input: 30_000_000, output: 6_000_000 } }],
    ["gpt-5 vs deepseek at 1.5B tokens", { volume: { total: 1_500_000_000 } }],
    // what each person uses, times the people; a team's own total is not multiplied
    ["we're a 12-person startup, each dev burns maybe 3M tokens a day in autocomplete. sonnet 4.5 vs gpt-5 codex monthly?", { volume: { total: 1_080_000_000 } }],
    ["我們團隊 30 人，每人每天大概用 50 萬 token，gpt-5 mini 一個月要多少？", { volume: { total: 450_000_000 } }],
    ["50 engineers, each uses about 2M input and 400k output tokens a month, haiku 4.5", { volume: { input: 100_000_000, output: 20_000_000 } }],
    ["team of 40, 100k tokens per person per day, deepseek", { volume: { total: 120_000_000 } }],
    // a word saying which users they are keeps them users
    ["每个用户每月大约消耗 20 万 token，我们有 3000 个付费用户，用 qwen plus 一个月多少钱", { volume: { total: 600_000_000 } }],
    ["our team of 40 uses 5M tokens a day in total, deepseek", { volume: { total: 150_000_000 } }],
    ["gpt-5 和 deepseek 每月十亿token", { volume: { total: 1_000_000_000 } }],
    ["gpt-5 和 deepseek 每月3千万 token", { volume: { total: 30_000_000 } }],
    ["gpt-5 vs deepseek, 50M tokens, 80% cached", { cachedPercent: 80 }],
    ["gpt-5 和 deepseek，缓存命中一半", { cachedPercent: 50 }],
    ["gpt-5.4 vs sonnet 4.5 with 300k-token prompts", { promptTokens: 300_000 }],
    ["gpt-5 vs o3 through the batch api", { batch: true }],
    ["cheapest model with vision and a 400k context", { command: "cheapest", constraints: { minContext: 400_000, vision: true } }],
    ["有没有便宜的开源模型，100万上下文", { command: "cheapest", constraints: { minContext: 1_000_000, openWeights: true } }],
    ["中文能力好的便宜模型", { command: "cheapest", constraints: { chinese: true } }],
    ["cheapest model for coding", { command: "cheapest", tasks: ["coding"] }],
    ["写代码用哪个模型最便宜", { command: "cheapest", tasks: ["coding"] }],
    [
      "self-host llama 3.3 70b on 4 H100s at $2.5/h, 70% utilization",
      { command: "selfhost", models: ["llama-3.3-70b"], gpu: { id: "h100", count: 4 }, gpuHourlyUsd: 2.5, utilization: 70 },
    ],
    ["拿两张 A100 跑 gpt-oss-120b 划算吗", { command: "selfhost", models: ["gpt-oss-120b"], gpu: { id: "a100", count: 2 } }],
    ["用 8 张 H200 自建 deepseek，每小时4美元", { command: "selfhost", gpu: { id: "h200", count: 8 }, gpuHourlyUsd: 4 }],
    ["4卡4090 自建 qwen3 235b 划算吗", { command: "selfhost", gpu: { id: "rtx-4090", count: 4 } }],
    ["self-host llama 3.1 8b on two RTX 4090s", { command: "selfhost", models: ["llama-3.1-8b"], gpu: { id: "rtx-4090", count: 2 } }],
    // a GPU without specs in the knowledge is passed on as typed (case kept), so the answer can say it does not know it
    ["单卡 5090 能不能自建 qwen3 next 80b", { command: "selfhost", gpu: { id: "5090", count: 1 } }],
    ["用 8 张 H800 自建 deepseek 划算吗", { command: "selfhost", gpu: { id: "h800", count: 8 } }],
    ["self-host qwen3 32b on an L40S, does it pay off?", { command: "selfhost", models: ["qwen3-32b"], gpu: { id: "l40s", count: 1 } }],
    ["用一張 H200 自建 gpt-oss-120b 划算嗎", { command: "selfhost", gpu: { id: "h200", count: 1 } }],
    ["自建 llama 3.3 70b 用 2 張 H100 划算嗎", { command: "selfhost", gpu: { id: "h100", count: 2 } }],
    ["用 8 张 昇腾910B 自建 qwen3 32b 划算吗", { command: "selfhost", models: ["qwen3-32b"], gpu: { id: "ascend-910b", count: 8 } }],
    ["selfhost llama 70b on two 5090s lol", { command: "selfhost", gpu: { id: "5090", count: 2 } }],
    ["we send 5090 requests a month to gpt-5", { command: "compare", requests: 5090 }],
    ["what does $50 a month buy on gpt-5 mini?", { command: "budget", models: ["gpt-5-mini"], budget: { amount: 50, currency: "usd" } }],
    ["每月预算300元", { command: "budget", budget: { amount: 300, currency: "cny" } }],
    ["what's the context window of kimi k2.5?", { command: "facts", models: ["kimi-k2.5"], fact: "context" }],
    ["claude opus 4.1 还能用吗", { command: "facts", models: ["claude-opus-4-1"], fact: "deprecated" }],
    ["which provider is cheapest for llama 3.3 70b?", { command: "providers", models: ["llama-3.3-70b"] }],
    ["哪家的 deepseek 最便宜", { command: "providers", models: ["deepseek-chat"] }],
    ["what does the article say about self-hosting", { command: "article" }],
    ["claude vs gemini", { command: "clarify", ambiguous: ["claude", "gemini"] }],
    ["what's the weather in Paris?", { command: "out_of_scope" }],
  ])("%s", (line, expected) => {
    expect(read(line)).toMatchObject(expected);
  });

  it("counts the pasted text only, not the instruction around it", () => {
    expect(read("估算一下这段话多少token：今天天气很好，我们去公园散步吧。")).toMatchObject({ command: "estimate", text: "今天天气很好，我们去公园散步吧。" });
    expect(read("how many tokens is this: Hello team, the launch moved to Friday.")).toMatchObject({ command: "estimate", text: "Hello team, the launch moved to Friday." });
  });
});

describe("GPU variants the knowledge lacks", () => {
  it("names another card of a known chip back whole (H100 NVL, A100 PCIe) instead of answering the known one", () => {
    expect(read("self-host llama 3.3 70b on 2 H100 NVL").gpu?.id).toBe("H100 NVL");
    expect(read("self-host llama 3.3 70b on 4 A100 PCIe").gpu?.id).toBe("A100 PCIe");
    expect(read("self-host llama 3.3 70b on 2 H100 94GB").gpu?.id).toBe("H100 94GB");
  });

  it("keeps a card named with its own memory size or form factor", () => {
    expect(read("self-host llama 3.3 70b on 2 H200 141GB").gpu?.id).toBe("h200");
    expect(read("self-host llama 3.3 70b on 2 H100 PCIe").gpu?.id).toBe("h100-pcie");
    expect(read("self-host llama 3.3 70b on 8 A100 40GB").gpu?.id).toBe("a100-40gb");
  });
});

describe("GPU model numbers are not quantities", () => {
  it("reads 昇腾910B as the GPU, not as 910 billion tokens a month", () => {
    expect(read("用 8 张 昇腾910B 自建 qwen3 32b 划算吗").volume).toBeUndefined();
  });
});

describe("GPUs without specs in the knowledge", () => {
  it("are named back on self-hosting questions, but a count of requests is never a GPU", () => {
    expect(read("单卡 5090 能不能自建 qwen3 next 80b").gpu).toEqual({ id: "5090", count: 1 });
    expect(read("self-host llama 3.1 8b for 3060 requests a day").gpu).toBeUndefined();
    expect(read("we send 5090 requests a month to gpt-5").gpu).toBeUndefined();
  });
});

describe("follow-ups replace only what they name", () => {
  const first = () => read("gpt-5 vs deepseek, 30M in and 6M out");

  it("a new volume keeps the models", () => {
    expect(read("and for 1B tokens?", first())).toMatchObject({ command: "compare", models: ["gpt-5", "deepseek-chat"], volume: { total: 1_000_000_000 } });
  });

  it("a model named is added to a comparison, and swapped when asked", () => {
    expect(read("what about claude opus 4.5?", first()).models).toEqual(["gpt-5", "deepseek-chat", "claude-opus-4-5"]);
    expect(read("换成 claude opus 4.5 呢", first()).models).toEqual(["claude-opus-4-5"]);
  });

  it("a GPU keeps the self-hosting question, a cache share keeps everything else", () => {
    const selfhost = read("自建 llama 3.3 70b 用 h100 划算吗");
    expect(read("用H200呢", selfhost)).toMatchObject({ command: "selfhost", models: ["llama-3.3-70b"], gpu: { id: "h200" } });
    expect(read("换成缓存80%", first())).toMatchObject({ models: ["gpt-5", "deepseek-chat"], volume: { input: 30_000_000, output: 6_000_000 }, cachedPercent: 80 });
  });

  it("keeps a GPU and a budget in memory for later, but says each only on the answer that uses it", () => {
    const selfhost = understand(snapshot, "自建 llama 3.3 70b 用 h200 划算吗");
    const budget = understand(snapshot, "what does $100 a month buy?", { previous: remember(selfhost) });
    const en = translator("en");
    expect(budget.intent).toBe("budget");
    expect(describeUnderstanding(en, snapshot, budget)).not.toMatch(/H200/);
    expect(describeUnderstanding(translator("zh"), snapshot, selfhost)).toMatch(/H200/);
    const back = understand(snapshot, "and self-hosted?", { previous: remember(budget) });
    expect(back.gpu?.id).toBe("h200");
    // the budget, likewise, is said only on a budget answer
    const cheapest = understand(snapshot, "哪个模型写代码最便宜？", { previous: remember(budget) });
    expect(cheapest.intent).toBe("cheapest");
    expect(describeUnderstanding(translator("zh"), snapshot, cheapest)).not.toMatch(/预算/);
    expect(describeUnderstanding(en, snapshot, budget)).toMatch(/budget \$100/);
  });

  it("remembers ids and numbers, and a paste only up to a bound", () => {
    const remembered = remember(understand(snapshot, `how many tokens is this: ${"word ".repeat(10_000)}`));
    expect(remembered.text).toBeUndefined();
    expect(JSON.stringify(remember(understand(snapshot, "gpt-5 vs deepseek")))).not.toContain("vs");
  });
});

describe("bounded and total", () => {
  it("never throws, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (line) => {
        const understood = understand(snapshot, line);
        expect(typeof understood.intent).toBe("string");
      }),
      { numRuns: 300 },
    );
  });

  it("reads only the head of a long line: its cost does not grow with a paste", () => {
    // a model named past the head is part of the paste, not of the question
    const line = `${"x ".repeat(HEAD_CHARS)}gpt-5 vs deepseek`;
    expect(understand(snapshot, line).models).toEqual([]);
    const paste = `how many tokens is this: ${"字".repeat(5_000_000)}`;
    expect(understand(snapshot, paste).text!.length).toBe(5_000_000);
  });
});

describe("the labelled corpus (eval/questions.yaml)", () => {
  it("is understood fully right at least 95% of the time, follow-ups replayed turn by turn", () => {
    const mine = new WeakMap<object, ReturnType<typeof remember>>();
    const { summary } = evaluate(loadCorpus(), (line, previous) => {
      const understood = understand(snapshot, line, { previous: previous ? (mine.get(previous) ?? labelToRemembered(previous as UnderstandingLabel)) : null });
      const label = toLabel(understood) as Label;
      mine.set(label, remember(understood));
      return label;
    });
    expect(summary.fullyRight / summary.questions).toBeGreaterThanOrEqual(0.95);
  });
});
