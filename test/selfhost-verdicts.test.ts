import { beforeAll, describe, expect, it } from "vitest";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import type { KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import { blendedPer1M } from "../src/core/pricing/pricing.ts";
import { plannable, providersOf } from "../src/core/pricing/providers.ts";
import type { Reply } from "../src/core/reply/reply.ts";
import { ask, realSnapshot, testDispatcher } from "./helpers.ts";

/** Self-hosting verdicts as a user reads them: against the cheapest way to buy the same weights, never self-contradicting. */
let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = await realSnapshot();
});

interface SelfhostData {
  fits: boolean;
  apiCostPer1M: number;
  listedApiCostPer1M: number;
  apiHost: { provider: string; id: string } | null;
  monthlyFixedUsd: number | null;
  monthlyCapacityTokens: number | null;
  breakEvenTokensPerMonth: number | null;
  apiCheaperAgain: { fromTokens: number; toTokens: number; deployments: number }[];
  gpu: { count: number };
}
const data = (reply: Reply) => reply.data as unknown as SelfhostData;

/** The cheapest paid host of the model's weights at a workload, straight from the price map (not from the answer). */
function cheapestHost(modelId: string, inputTokens: number, outputTokens: number) {
  const model = snapshot.resolver.exact(modelId);
  if (!model || !isPriced(model)) throw new Error(modelId);
  const workload = { inputTokens, outputTokens, cachedPercent: 0 };
  const offers = providersOf(snapshot.priced, model, workload).providers.filter(plannable);
  return { provider: offers[0]!.provider, per1M: blendedPer1M(offers[0]!.model, workload), listed: blendedPer1M(model, workload), listedBy: model.provider };
}

describe("break-even is against the cheapest paid host of the same open model", () => {
  it.each([
    ["/selfhost gpt-oss-120b tokens:20B", "en"],
    ["/selfhost gpt-oss-120b tokens:20B lang:zh", "zh"],
  ])("%s names the host, its price and the listed price, and breaks even against the host", async (line, lang) => {
    const reply = await ask(line);
    const d = data(reply);
    // tokens:20B splits at the default 5:1 input:output mix
    const host = cheapestHost("gpt-oss-120b", (20e9 * 5) / 6, 20e9 / 6);
    expect(host.per1M).toBeLessThan(host.listed);
    expect(d.apiHost?.provider).toBe(host.provider);
    expect(d.apiCostPer1M).toBeCloseTo(host.per1M, 10);
    expect(d.listedApiCostPer1M).toBeCloseTo(host.listed, 10);
    const breakEven = (d.monthlyFixedUsd! / host.per1M) * 1e6;
    expect(Math.abs(d.breakEvenTokensPerMonth! - breakEven) / breakEven).toBeLessThan(1e-9);
    expect(reply.lead).toContain(host.provider);
    const apiField = reply.fields.find((f) => f.label === (lang === "zh" ? "API价格" : "API price"))!.value;
    expect(apiField).toContain(host.provider);
    expect(apiField).toContain(host.listedBy);
    expect(apiField).toContain(`$${host.listed.toFixed(3)}`);
  });
});

describe("a deployment that does not fit is never said to fit, nor the other way round", () => {
  it("GPUs named without a precision: where lower-precision weights fit them, that is planned and said", async () => {
    const reply = await ask("/selfhost llama 3.3 70b gpu:a100 gpus:2");
    expect(data(reply).fits).toBe(true);
    expect(data(reply).gpu.count).toBe(2);
    expect(reply.text).not.toContain("does not fit");
    expect(reply.text).toMatch(/with FP8 weights it fits the 2 × NVIDIA A100/);
  });

  it.each([
    ["/selfhost llama 3.3 70b gpu:a100 gpus:2 precision:bf16", /does not fit on 2 × NVIDIA A100 80GB SXM at BF16/, /\b2 × A100 at/],
    ["/selfhost llama 3.3 70b gpu:a100 gpus:2 precision:bf16 lang:zh", /以 BF16 精度放不进 2 块/, /需要 .*2 块 A100（/],
  ])("%s: refused at the asked precision, the same GPUs offered only at another precision", async (line, refused, contradiction) => {
    const reply = await ask(line);
    expect(data(reply).fits).toBe(false);
    expect(reply.lead).toMatch(refused);
    expect(reply.lead).not.toMatch(contradiction);
    expect(reply.lead).toContain("precision:fp8");
  });
});

describe("when a capacity step makes the API cheaper again above break-even, the verdict says so", () => {
  async function stepCase(lang: "en" | "zh") {
    const suffix = lang === "zh" ? " lang:zh" : "";
    // a measured throughput of the user's own makes the deployment's capacity exact, whatever the estimator says
    const probe = data(await ask(`/selfhost llama 3.3 70b gpu:h100 gpus:2 tput:1000${suffix}`));
    const breakEven = (probe.monthlyFixedUsd! / probe.apiCostPer1M) * 1e6;
    const capacity = breakEven / 0.8;
    const tput = Math.round(capacity / (3600 * snapshot.knowledge.serving.hoursPerMonth));
    // between one deployment's capacity and twice the break-even: two deployments cost more than the API
    const volume = Math.round(capacity * 1.2);
    return { reply: await ask(`/selfhost llama 3.3 70b gpu:h100 gpus:2 tput:${tput} tokens:${volume}${suffix}`), breakEven, capacity, volume };
  }

  it("in English", async () => {
    const { reply, breakEven, capacity, volume } = await stepCase("en");
    const d = data(reply);
    const near = (actual: number, expected: number) => expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-3);
    near(d.breakEvenTokensPerMonth!, breakEven);
    expect(d.apiCheaperAgain[0]).toMatchObject({ deployments: 2 });
    near(d.apiCheaperAgain[0]!.fromTokens, capacity);
    near(d.apiCheaperAgain[0]!.toTokens, 2 * breakEven);
    // the numbers behind the sentence: at this volume two deployments cost more than the API
    expect(2 * d.monthlyFixedUsd!).toBeGreaterThan((volume / 1e6) * d.apiCostPer1M);
    expect(reply.lead).toMatch(/self-hosting wins above .* it takes 2 deployments, and the API is cheaper again up to/);
    expect(reply.lead).toContain("falls in that range: at 2 deployments the API is cheaper");
  });

  it("in Chinese", async () => {
    const { reply } = await stepCase("zh");
    expect(data(reply).apiCheaperAgain.length).toBeGreaterThan(0);
    expect(reply.lead).toContain("就需要 2 个部署");
    expect(reply.lead).toContain("API又更便宜");
    expect(reply.lead).toContain("正落在这个区间");
  });

  it("says nothing of the kind when break-even is far below a deployment's capacity", async () => {
    const probe = data(await ask("/selfhost llama 3.3 70b gpu:h100 gpus:2 tput:1000"));
    const breakEven = (probe.monthlyFixedUsd! / probe.apiCostPer1M) * 1e6;
    const tput = Math.round(breakEven / 0.2 / (3600 * snapshot.knowledge.serving.hoursPerMonth));
    const reply = await ask(`/selfhost llama 3.3 70b gpu:h100 gpus:2 tput:${tput}`);
    expect(data(reply).apiCheaperAgain).toEqual([]);
    expect(reply.lead).not.toContain("cheaper again");
  });
});

describe("the GPUs a question names are the GPUs planned", () => {
  it("'on an L40S' is one L40S", async () => {
    const reply = await ask("self-host qwen3 32b on an L40S, does it pay off?");
    expect(reply.command).toBe("selfhost");
    expect(data(reply).gpu.count).toBe(1);
    expect(reply.title).toContain("1 × NVIDIA L40S");
  });
});

describe("a GPU count above the fewest that hold the model says why, and the reason holds", () => {
  const per1M = (reply: Reply) => (reply.data as unknown as { selfHostCostPer1M: number }).selfHostCostPer1M;

  it("8 × RTX 4090 for Qwen3 32B: 4 hold it, 8 cost less per token, and gpus:4 is dearer", async () => {
    const planned = await ask("/selfhost qwen3 32b gpu:4090");
    expect(data(planned).gpu.count).toBe(8);
    expect(planned.text).toContain("Why 8 GPUs: the fewest that hold the weights and KV cache is 4");
    expect(planned.text).toContain("/selfhost with gpus:4 plans the fewest");
    const fewest = await ask("/selfhost qwen3 32b gpu:4090 gpus:4");
    expect(fewest.ok).toBe(true);
    expect(per1M(fewest)).toBeGreaterThan(per1M(planned));
    // a count the user gave is theirs: nothing to explain
    expect(fewest.text).not.toContain("Why 4 GPUs");
  });

  it("中文：4090 跑 llama 3.1 8b，说明为什么是 2 块", async () => {
    const reply = await ask("4090 跑 llama 3.1 8b 划算吗");
    expect(data(reply).gpu.count).toBe(2);
    expect(reply.text).toContain("为什么是 2 块：最少 1 块就能装下权重和KV缓存");
  });

  it("says nothing on a batch answer, whose GPU count the interactive plan chose", async () => {
    const reply = await ask("/selfhost qwen3 32b gpu:4090 slo:batch");
    expect(reply.text).not.toContain("Why ");
  });

  it("says nothing when the planned count is the fewest", async () => {
    const reply = await ask("自建 qwen3 32b 用 h100 划算吗");
    expect(data(reply).gpu.count).toBe(1);
    expect(reply.text).not.toContain("为什么是");
  });
});

describe("a self-hosting question with a volume but no model", () => {
  it.each([
    ["is it worth self hosting at 2B tokens a month?", "en", 2e9],
    ["每月20亿token，自建划算吗？", "zh", 2e9],
  ])("%s: open models planned at that volume, each against its cheapest paid host", async (question, lang, tokens) => {
    const reply = await ask(question);
    expect(reply.ok).toBe(true);
    expect(reply.lang).toBe(lang);
    const rows = (reply.data as { overview: { id: string; selfHostUsd: number; apiUsd: number; apiHost: string | null; cheaper: string }[] }).overview;
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      const host = cheapestHost(row.id, (tokens * 5) / 6, tokens / 6);
      expect(Math.abs(row.apiUsd - (tokens / 1e6) * Math.min(host.per1M, host.listed)) / row.apiUsd).toBeLessThan(1e-9);
      expect(row.cheaper).toBe(row.selfHostUsd < row.apiUsd ? "selfhost" : "api");
    }
    expect(reply.table!.rows.length).toBe(rows.length);
    expect(reply.lead).toContain(lang === "en" ? "2B tokens a month" : "20亿");
  });
});

describe("GPUs the asker owns are costed as owned", () => {
  it.each([
    ["we own 4 H100s, is it worth serving qwen3 32b on them?", "en"],
    ["我们有自己的 4 张 H100，自建 qwen3 32b 划算吗", "zh"],
  ])("%s: amortization and power, not rent", async (question) => {
    const reply = await ask(question);
    const d = reply.data as { origins: { hourlyUsd: string }; costs: { rentalUsdPerMonth: number; amortizationUsdPerMonth: number }; gpu: { count: number } };
    expect(d.gpu.count).toBe(4);
    expect(d.origins.hourlyUsd).toBe("owned");
    expect(d.costs.rentalUsdPerMonth).toBe(0);
    expect(d.costs.amortizationUsdPerMonth).toBeGreaterThan(0);
  });
});

describe("owned or rented, and the price per GPU-hour, belong to the GPUs they were said of", () => {
  async function converse(...lines: string[]): Promise<Reply[]> {
    const dispatcher = testDispatcher(snapshot);
    const conversation = `selfhost-${lines[0]}`;
    const replies: Reply[] = [];
    for (const text of lines) replies.push(await dispatcher.answer({ command: null, text, user: { id: "tester" }, isAdmin: false, surface: "test", conversation }));
    return replies;
  }
  const gpuOf = (reply: Reply) => reply.data.gpu as { id: string; count: number; hourlyUsd: number };
  const origin = (reply: Reply) => (reply.data as { origins: { hourlyUsd: string } }).origins.hourlyUsd;

  it("renting other GPUs at a stated price after 'we own 8 H100s' is rent at that price, not the H100s' amortization", async () => {
    const [owned, rented] = await converse("we own 8 h100s, does running llama 3.3 70b ourselves beat the api?", "and if we rent 8 h200s at $3.5/h instead?");
    expect(origin(owned!)).toBe("owned");
    expect(gpuOf(rented!)).toMatchObject({ id: "h200", count: 8, hourlyUsd: 3.5 });
    expect(origin(rented!)).not.toBe("owned");
    expect(rented!.text).not.toContain("GPUs you own");
  });

  it("'一小时 0.3 美元一张' after a self-hosting answer is the GPU-hour price, not a monthly budget", async () => {
    const [, four, priced] = await converse("自建 qwen3 32b 划算吗", "用 4 张 4090 呢", "一小时 0.3 美元一张");
    expect(gpuOf(four!)).toMatchObject({ id: "rtx-4090", count: 4 });
    expect(priced!.command).toBe("selfhost");
    expect(gpuOf(priced!)).toMatchObject({ id: "rtx-4090", count: 4, hourlyUsd: 0.3 });
  });

  it.each([
    ["我們有 4 張 H100，自己跑 qwen3 235b 值得嗎", "h100", 4],
    ["we've got 8 a100s, worth running llama 3.3 70b on them?", "a100", 8],
    ["自架 llama 3.3 70b 用 2 張 H200，卡是自己買的", "h200", 2],
  ])("%s: GPUs the team has are costed as owned", async (question, gpu, count) => {
    const reply = await ask(question);
    expect(gpuOf(reply)).toMatchObject({ id: gpu, count });
    expect(origin(reply)).toBe("owned");
  });
});

describe("self-hosting as people phrase it", () => {
  const gpuOf = (reply: Reply) => reply.data.gpu as { id: string; count: number };
  it.each([
    ["one DGX H100 for deepseek v3, break-even?", "h100", 8],
    ["兩台 8 卡 H100 跑 deepseek v3 划算嗎", "h100", 16],
    ["deepseek v3 on 2 nodes of 8 h200, worth it?", "h200", 16],
  ])("%s: servers of 8 GPUs are counted as their GPUs", async (question, gpu, count) => {
    const reply = await ask(question);
    expect(reply.command).toBe("selfhost");
    expect(gpuOf(reply)).toMatchObject({ id: gpu, count });
  });

  it("'4 h100 owned' is owning them", async () => {
    const reply = await ask("selfhost llama 3.3 70b 4 h100 owned 36 months, 5B tokens per month");
    expect((reply.data as { origins: { hourlyUsd: string } }).origins.hourlyUsd).toBe("owned");
  });

  it.each([
    "is self hosting gpt-oss 120b on a single h100 cheaper than openrouter for 500M tokens/mo",
    "how many tokens a month before hosting deepseek v3 ourselves beats paying per token",
  ])("%s: a self-hosting verdict, not a price list", async (question) => {
    const reply = await ask(question);
    expect(reply.command).toBe("selfhost");
    expect(typeof (reply.data as { apiCostPer1M: number }).apiCostPer1M).toBe("number");
  });
});

describe("a follow-up changes the GPU count relative to the last answer", () => {
  async function converse(...lines: string[]): Promise<Reply[]> {
    const dispatcher = testDispatcher(snapshot);
    const conversation = `gpus-${lines.join("|")}`;
    const replies: Reply[] = [];
    for (const text of lines) replies.push(await dispatcher.answer({ command: null, text, user: { id: "tester" }, isAdmin: false, surface: "test", conversation }));
    return replies;
  }
  const countOf = (reply: Reply) => (reply.data.gpu as { count: number }).count;

  it.each([
    [
      ["self host llama 3.3 70b on 2 h100", "double the gpus", "add 2 more"],
      [2, 4, 6],
    ],
    [
      ["自建 llama 3.3 70b 用 2 張 H100", "再加兩張卡"],
      [2, 4],
    ],
    [
      ["自建 llama 3.3 70b 用 4 张 H100", "少一张呢"],
      [4, 3],
    ],
  ])("%j → %j GPUs, the volume untouched", async (lines, counts) => {
    const replies = await converse(...lines);
    expect(replies.map(countOf)).toEqual(counts);
    for (const reply of replies) expect(reply.command).toBe("selfhost");
  });

  it("'could we self-host it cheaper?' after GPT-5 vs DeepSeek self-hosts the open one", async () => {
    const [, selfhost] = await converse("gpt-5 vs deepseek v3.2 100M tokens", "could we self-host it cheaper?");
    expect(selfhost!.ok).toBe(true);
    expect(selfhost!.command).toBe("selfhost");
    expect(selfhost!.text).toContain("DeepSeek V3.2");
  });
});

describe("utilization said in words", () => {
  it.each([
    ["self-host gpt-oss-120b on one h100 running 24/7 at full load", "At 100% utilization"],
    ["自架 llama 3.3 70b 用 4 張 H100 滿負荷跑", "100% 利用率"],
    ["自建 llama 3.3 70b 用 2 张 H100，跑满", "100% 利用率"],
  ])("%s: priced at full use", async (question, said) => {
    const reply = await ask(question);
    expect(reply.command).toBe("selfhost");
    expect(reply.text).toContain(said);
  });
});

describe("GPU counts written against the GPU's name", () => {
  it.each([
    ["self host llama 3.3 70b on 8xH100", "h100", 8],
    ["selfhost llama 3.3 70b on H100×8", "h100", 8],
    ["selfhost qwen3 32b a100 x4", "a100", 4],
    ["自建 qwen3 32b 双卡4090", "rtx-4090", 2],
    // the GPU's number is its name, never its count; gpus: typed into a question is the count
    ["selfhost qwen3 32b on rtx 4090 gpus:4", "rtx-4090", 4],
    ["qwen3 32b gpu:4090 gpus:4 自建", "rtx-4090", 4],
    // a word about the GPUs between the count and the name
    ["would it be cheaper to run qwen3 235b ourselves on 4 rented H100s at $2.10/h if we push 800M tokens a month?", "h100", 4],
  ])("%s → %s × %i", async (question, gpu, count) => {
    const reply = await ask(question);
    expect(reply.data.gpu).toMatchObject({ id: gpu, count });
  });
});

describe("gpus: typed alone after a self-hosting answer", () => {
  it("plans that many of the same GPU", async () => {
    const dispatcher = testDispatcher(snapshot);
    const turn = (text: string) => dispatcher.answer({ command: null, text, user: { id: "gpus-alone" }, isAdmin: false, surface: "test", conversation: "gpus-alone" });
    expect(data(await turn("/selfhost qwen3 32b gpu:4090")).gpu.count).toBe(8);
    const fewer = await turn("gpus:4");
    expect(fewer.data.gpu).toMatchObject({ id: "rtx-4090", count: 4 });
  });
});

describe("the price per GPU-hour as people write it", () => {
  it("'$2.5/gpu/hr' is the price used", async () => {
    const reply = await ask("selfhost llama 3.3 70b on 2 h100 at $2.5/gpu/hr");
    expect(reply.data.gpu).toMatchObject({ id: "h100", count: 2, hourlyUsd: 2.5 });
  });

  it("a price in yuan ('租金每小时 15 元') is converted at the knowledge's rate, never an error", async () => {
    const reply = await ask("自建 llama 3.3 70b，2 张 H100，租金每小时 15 元");
    expect(reply.ok).toBe(true);
    const rate = snapshot.knowledge.currency.usdToCny.rate;
    expect((reply.data.gpu as { hourlyUsd: number }).hourlyUsd).toBeCloseTo(15 / rate, 6);
  });
});

describe("a precision named in words is the precision priced", () => {
  it.each([
    ["selfhost llama 3.3 70b on 2 a100 at bf16", "BF16"],
    ["自建 qwen3 32b 用一张 4090，4bit 量化", "INT4"],
  ])("%s → %s", async (question, precision) => {
    const reply = await ask(question);
    expect(reply.command).toBe("selfhost");
    expect(reply.lead ?? reply.text).toContain(precision);
  });

  it("'what about fp8?' after a BF16 answer changes only the precision", async () => {
    const dispatcher = testDispatcher(snapshot);
    const asked = (text: string) => dispatcher.answer({ command: null, text, user: { id: "tester" }, isAdmin: false, surface: "test", conversation: "precision" });
    const bf16 = await asked("selfhost llama 3.3 70b on 2 a100 at bf16");
    const fp8 = await asked("what about fp8?");
    expect((bf16.data as { fits: boolean }).fits).toBe(false);
    expect((fp8.data as { fits: boolean }).fits).toBe(true);
    expect(fp8.data.gpu).toMatchObject({ id: "a100", count: 2 });
  });
});

describe("a GPU count as people type it is the count planned", () => {
  it.each([
    ["自建 qwen3 235b，4 块 H200", "h200", 4],
    ["私有化部署 llama 3.3 70b，2 块 h100，每块每小时 2 美元", "h100", 2],
    ["is a dozen a100s enough to self-host deepseek r1?", "a100", 12],
    ["self host llama 3.3 70b on three h100s", "h100", 3],
    ["self host llama 3.3 70b on 2x 80GB A100s", "a100", 2],
    ["self host llama 3.3 70b on 8-way h100", "h100", 8],
  ])("%s → %s × %i", async (question, id, count) => {
    const reply = await ask(question);
    expect(reply.command).toBe("selfhost");
    expect(reply.data.gpu).toMatchObject({ id, count });
  });

  it("'4 块 H200' is four cards, not a budget of 4 yuan", async () => {
    const reply = await ask("自建 qwen3 235b，4 块 H200");
    expect(reply.text).toContain("4 块 NVIDIA H200");
    expect(reply.text).not.toMatch(/预算/u);
  });
});

describe("self-hosting as teams say it", () => {
  it("'what about 4?' after a self-hosting answer is four of the same GPU, and a later GPU keeps the four", async () => {
    const dispatcher = testDispatcher(snapshot);
    const asked = (text: string) => dispatcher.answer({ command: null, text, user: { id: "tester" }, isAdmin: false, surface: "test", conversation: "bare-count" });
    await asked("self host llama 3.3 70b on 2 h100s");
    const four = await asked("what about 4?");
    expect(four.command).toBe("selfhost");
    expect(four.data.gpu).toMatchObject({ id: "h100", count: 4 });
    const a100 = await asked("and on a100s instead");
    expect(a100.data.gpu).toMatchObject({ id: "a100", count: 4 });
  });

  it("'buy gpus or use the api' asks about self-hosting", async () => {
    const reply = await ask("buy gpus or use the api for llama 3.3 70b? we'd do about 3 billion tokens a month");
    expect(reply.command).toBe("selfhost");
  });

  it("'我们买了 16 张 H20' is priced as owned cards", async () => {
    const reply = await ask("我们买了 16 张 H20，跑 deepseek r1 值不值");
    expect(reply.command).toBe("selfhost");
    expect(reply.data.gpu).toMatchObject({ id: "h20", count: 16 });
    expect(reply.text).toContain("自有");
  });

  it("'卡是我們自己的' after a self-hosting answer makes the same cards owned", async () => {
    const dispatcher = testDispatcher(snapshot);
    const asked = (text: string) => dispatcher.answer({ command: null, text, user: { id: "tester" }, isAdmin: false, surface: "test", conversation: "owned-later" });
    const rented = await asked("如果用 8 張 H100 自架 llama 3.3 70b 呢");
    const owned = await asked("卡是我們自己的");
    expect(rented.text).not.toContain("自有");
    expect(owned.text).toContain("自有");
    expect(owned.data.gpu).toMatchObject({ id: "h100", count: 8 });
  });

  it("Huawei's 昇腾 in a Simplified question gets a Simplified answer", async () => {
    const reply = await ask("昇腾 910B 八卡部署 qwen3 32b 划算吗");
    expect(reply.data.gpu).toMatchObject({ id: "ascend-910b", count: 8 });
    expect(reply.title).toContain("块");
    expect(reply.text).not.toMatch(/[塊為與對]/u);
  });
});

describe("a GPU's rent by the month is priced per GPU-hour", () => {
  it.each([
    ["we pay $1,500 a month per h100, 4 of them, self host llama 3.3 70b?", 1500, 4],
    ["self host llama 3.3 70b on 2 h100s at $2000/gpu/month", 2000, 2],
  ])("%s", async (question, monthlyUsd, count) => {
    const reply = await ask(question);
    expect(reply.command).toBe("selfhost");
    expect(reply.data.gpu).toMatchObject({ id: "h100", count });
    expect((reply.data.gpu as { hourlyUsd: number }).hourlyUsd).toBeCloseTo(monthlyUsd / snapshot.knowledge.serving.hoursPerMonth, 6);
  });

  it("'每张每月租金 1 万元' is yuan a month per card, not an out-of-range hourly price", async () => {
    const reply = await ask("自建 llama 3.3 70b，两张 H100，每张每月租金 1 万元");
    expect(reply.command).toBe("selfhost");
    const hourly = 10_000 / snapshot.knowledge.currency.usdToCny.rate / snapshot.knowledge.serving.hoursPerMonth;
    expect((reply.data.gpu as { hourlyUsd: number }).hourlyUsd).toBeCloseTo(hourly, 6);
  });
});

describe("a self-hosting volume said per year or per day is priced per month", () => {
  it.each([
    ["llama 3.3 70b 自建，H100 八卡，年用量 120 亿 token", 1e9],
    ["self host llama 3.3 70b on 8 h100s, annual usage of 12B tokens", 1e9],
  ])("%s → %d tokens a month", async (question, monthly) => {
    const reply = await ask(question);
    expect(reply.command).toBe("selfhost");
    expect((reply.data as { tokensPerMonth: number }).tokensPerMonth).toBeCloseTo(monthly, 0);
  });

  it("'我们有 4090 两张' are owned cards", async () => {
    const reply = await ask("我们有 4090 两张，本地部署 qwen3 32b 能跑吗");
    expect(reply.data.gpu).toMatchObject({ id: "rtx-4090", count: 2 });
    expect(reply.text).toContain("自有");
  });

  it("'公司机房有 16 张 A100' are owned cards", async () => {
    const reply = await ask("公司机房有 16 张 A100，部署 deepseek r1 行不行");
    expect(reply.data.gpu).toMatchObject({ id: "a100", count: 16 });
    expect(reply.text).toContain("自有");
  });
});

describe("money in a currency without an exchange rate is named back, never read as tokens or dollars", () => {
  it.each([
    ["自架 llama 3.3 70b，4 張 H100，每張每月租金 6 萬台幣", "6 萬", "匯率"],
    ["self host llama 3.3 70b on 2 h100 at €2/h", "€2", "exchange rate"],
    ["self host llama 3.3 70b on 2 h100 at NT$60 an hour", "NT$60", "exchange rate"],
  ])("%s", async (question, named, said) => {
    const reply = await ask(question);
    expect((reply.data as { error: { code: string } }).error.code).toBe("bad_input");
    expect(reply.text).toContain(named);
    expect(reply.text).toContain(said);
  });
});

describe("the break-even chart tells the same story as the answer", () => {
  it("steps at the capacity the answer states and says in its verdict where the API is cheaper again", async () => {
    for (const line of ["/selfhost llama 3.3 70b", "自建 llama 3.3 70b 划算吗"]) {
      const reply = await ask(line);
      const again = data(reply).apiCheaperAgain[0];
      expect(again).toBeDefined();
      const chart = reply.chart as { capacityTokens: number; verdict: string };
      expect(chart.capacityTokens).toBeCloseTo(data(reply).monthlyCapacityTokens!, -3);
      expect(again!.fromTokens).toBeCloseTo(chart.capacityTokens, -3);
      expect(chart.verdict).toMatch(reply.lang === "zh" ? /之间/ : /cheaper again/);
    }
  });
});

describe("a request rate with no size per request", () => {
  it.each([
    ["how many l40s do I need for mistral small 3.2 at 50 requests per second", "130M requests a month, but not how many tokens each"],
    ["在 l40s 上自建 mistral small 3.2，每秒 50 个请求，需要几张卡", "给了每月 1.3亿 次请求，但没说每次多少 Token"],
  ])("'%s' says the plan is not sized for it", async (line, said) => {
    const reply = await ask(line);
    expect(reply.command).toBe("selfhost");
    expect(reply.notes.join("\n")).toContain(said);
  });

  it("is sized once the tokens per request are given", async () => {
    const reply = await ask("how many l40s do I need for mistral small 3.2 at 50 requests per second, 1k in 200 out each");
    expect(reply.notes.join("\n")).not.toContain("not how many tokens each");
  });
});

describe("users served at once size the deployment", () => {
  it.each([
    ["/selfhost gpt-oss-120b gpu:h100 users:500", "users at once at about"],
    ["how many a100s do I need to serve llama 3.1 70b to 200 concurrent users?", "users at once at about"],
    ["自建 qwen3 32b，并发 100 个用户，用 L40S 要几张卡？", "个副本"],
  ])("%s", async (question, said) => {
    const reply = await ask(question);
    const data = reply.data as {
      slo: string;
      batch: number;
      topology: { replicaGpus: number };
      concurrency?: { users: number; perReplica: number; replicas: number; gpus: number };
    };
    expect(data.slo).toBe("interactive");
    const c = data.concurrency!;
    // the interactive replica's own batch and size, as many replicas as the users need
    expect(c.perReplica).toBe(data.batch);
    expect(c.replicas).toBe(Math.ceil(c.users / data.batch));
    expect(c.gpus).toBe(c.replicas * data.topology.replicaGpus);
    expect(reply.text).toContain(said);
    expect(reply.text).toContain(`${c.gpus}`);
  });
});

describe("a price per card said with 一张 is a rent, and the fleet the users need is priced", () => {
  it.each([
    // 一张 after the price, and before "一小时": per card, never one card
    ["4090 租一张一小时 2.5 块钱人民币，跑 llama 3.1 8b 给 50 个并发用户用，要几张卡，每月多少钱", { yuan: 2.5 }],
    ["租 H100 每小时 2 美元一张，跑 ds v3 要支撑 3000 token/秒，要几张卡？一个月多少钱", { usd: 2 }],
  ])("%s", async (question, price) => {
    const reply = await ask(question);
    const rate = (await realSnapshot()).knowledge.currency.usdToCny.rate;
    const data = reply.data as { gpu: { count: number; hourlyUsd: number } };
    expect(data.gpu.hourlyUsd).toBeCloseTo("usd" in price ? price.usd : price.yuan / rate, 9);
    // the plan's own size, not the one card 一张 would have said
    expect(data.gpu.count).toBeGreaterThan(1);
  });

  it("50 users at once on 4090s at ¥2.5 an hour: the replicas they need, and what those GPUs cost a month", async () => {
    const reply = await ask("4090 租一张一小时 2.5 块钱人民币，跑 llama 3.1 8b 给 50 个并发用户用，要几张卡，每月多少钱");
    const kb = await realSnapshot();
    const { gpu, concurrency } = reply.data as { gpu: { count: number }; concurrency: { gpus: number } };
    expect(concurrency.gpus).toBeGreaterThan(gpu.count);
    const yuan = concurrency.gpus * 2.5 * kb.knowledge.serving.hoursPerMonth;
    const money = (n: number) => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(reply.text).toContain(`这 ${concurrency.gpus} 块GPU每月 $${money(yuan / kb.knowledge.currency.usdToCny.rate)} (¥${money(yuan)})`);
  });
});

describe("a utilization at which the API is cheaper says so, not that self-hosting wins", () => {
  it("/selfhost gpt-oss-120b gpu:h200 owned:yes kwh:0.15 util:30%", async () => {
    const reply = await ask("/selfhost gpt-oss-120b gpu:h200 owned:yes kwh:0.15 util:30%");
    const data = reply.data as { selfHostCostPer1M: number; apiCostPer1M: number; breakEvenTokensPerMonth: number | null };
    expect(data.selfHostCostPer1M).toBeGreaterThan(data.apiCostPer1M);
    expect(data.breakEvenTokensPerMonth).not.toBeNull();
    expect(reply.text).toContain("so at that utilization the API is cheaper");
    expect(reply.text).not.toMatch(/: self-hosting wins above/u);
  });
});

describe("gpu: typed as a maker's word with the model number after it", () => {
  it("/selfhost llama 3.1 8b gpu:rtx 4090 plans on the RTX 4090", async () => {
    const reply = await ask("/selfhost llama 3.1 8b gpu:rtx 4090");
    expect(reply.ok).toBe(true);
    expect(reply.data.gpu).toMatchObject({ id: "rtx-4090" });
  });

  it("/selfhost llama 3.1 8b gpu:rtx 3090 names the GPU it lacks back whole", async () => {
    const reply = await ask("/selfhost llama 3.1 8b gpu:rtx 3090");
    expect(reply.ok).toBe(false);
    expect(reply.text).toContain('"rtx 3090"');
  });
});

describe("an option that does not apply is said, not dropped unseen", () => {
  it.each([
    ["/selfhost qwen3 32b gpu:l40s gpus:2 util:70 kwh:0.12", "kwh: is for GPUs you own (owned:yes)"],
    ["/selfhost qwen3 32b gpu:l40s gpus:2 kwh:0.12 lang:zh", "kwh: 只用于自有GPU（owned:yes）"],
  ])("%s", async (line, said) => {
    expect((await ask(line)).text).toContain(said);
  });

  it("kwh: with owned GPUs is used and not called unused", async () => {
    const reply = await ask("/selfhost qwen3 32b gpu:h100 gpus:2 owned:yes kwh:0.12");
    expect(reply.text).not.toContain("kwh: is for GPUs you own");
    expect((reply.data.costs as { electricityUsdPerMonth: number }).electricityUsdPerMonth).toBeGreaterThan(0);
  });

  it.each([
    ["/selfhost qwen3 32b gpu:l40s gpus:2 owned:yes", "the knowledge has none sourced for the NVIDIA L40S 48GB: pass cost:<USD per GPU>"],
    ["/selfhost qwen3 32b gpu:l40s gpus:2 owned:yes lang:zh", "知识库里没有 NVIDIA L40S 48GB 的有来源购价"],
  ])("owned GPUs with no sourced purchase price: the answer asks for it instead of a $0.00 cost: %s", async (line, said) => {
    const reply = await ask(line);
    expect(reply.text).toContain(said);
    expect(reply.text).not.toMatch(/costs \$0\.00 per 1M|成本 \$0\.00/u);
  });
});

describe("a throughput to serve sizes the deployment", () => {
  it.each([
    ["how many H100s to serve deepseek v3 at 2000 tokens/s?", 2000, "To serve 2,000 tokens/s (input + output)"],
    ["自建 qwen3 32b 要支撑 3000 token/秒，要几张 L40S", 3000, "要支撑 3,000 Token/秒（输入 + 输出）"],
    ["/selfhost llama-3.3-70b gpu:a100 serve:5000", 5000, "To serve 5,000 tokens/s"],
    // the batch plan runs several one-GPU replicas: each one's throughput is its share of the plan's
    ["/selfhost gpt-oss-20b gpu:l40s serve:60000", 60_000, "about 10,685 tokens/s a 1-GPU replica"],
  ])("%s", async (question, tps, said) => {
    const reply = await ask(question);
    const busiest = (await realSnapshot()).knowledge.serving.utilizationWarning.highPercent / 100;
    type Replicas = { replicaGpus: number; perReplica: number; replicas: number; gpus: number };
    const target = (reply.data as { throughputTarget: { tokensPerSec: number; interactive: Replicas; batch: Replicas | null } }).throughputTarget;
    expect(target.tokensPerSec).toBe(tps);
    // as few replicas as reach the target with none busier than serving holds (the bar the answers warn above)
    for (const mode of [target.interactive, target.batch!]) {
      expect(mode.replicas).toBe(Math.ceil(tps / (mode.perReplica * busiest)));
      expect(mode.gpus).toBe(mode.replicas * mode.replicaGpus);
    }
    expect(reply.text).toContain(said);
    expect(reply.text).not.toMatch(/beyond what I can work with|You asked for/u);
  });
});

describe("a speed per user and a measured throughput are the asker's, said and used", () => {
  it.each([
    ["how many a100s do I need to serve llama 3.1 70b to 200 concurrent users at 30 tok/s each?", "You asked for 30 tokens/s each, above the interactive plan's"],
    ["自建 qwen3 32b，并发 100 个用户，每人 20 token/秒，用 H100 要几张卡？", "你要求每人 20 Token/秒"],
  ])("%s", async (question, said) => {
    const reply = await ask(question);
    expect(reply.text).toContain(said);
  });

  it.each([
    ["our vllm box does 2500 tokens/s on llama 3.3 70b with 2 h100s, is it cheaper than the api at 1B tokens a month?", 2500],
    ["我们 2 张 H100 跑 llama 3.3 70b，实测吞吐 3000 token/秒，每月 10 亿 token，比 API 便宜吗", 3000],
  ])("%s: the throughput is the asker's", async (question, tps) => {
    const data = (await ask(question)).data as { throughputTokensPerSec: number; throughputSource: string };
    expect(data.throughputTokensPerSec).toBe(tps);
    expect(data.throughputSource).toBe("user");
  });
});

describe("GPUs owned or rented, weighed against the cheapest host, with their running costs", () => {
  it("we bought 8x H200 … cheaper than the cheapest api host? is a self-hosting answer on those GPUs", async () => {
    const reply = await ask(
      "we bought 8x H200 at 32k each, write off over 4 years, power $0.11/kWh, running qwen3 235b. at 2e9 tokens/mo is that cheaper than the cheapest api host? break-even?",
    );
    expect(reply.command).toBe("selfhost");
    const costs = reply.data.costs as { amortizationUsdPerMonth: number };
    expect(costs.amortizationUsdPerMonth).toBeCloseTo((8 * 32_000) / 48, 6);
  });

  it("'we rent for $600 a month each' is each GPU's rent by the month", async () => {
    const reply = await ask("self-host mistral small 3.2 on 3 rtx 5090s we rent for $600 a month each, ~400M tok/mo, batch jobs only");
    const hours = (await realSnapshot()).knowledge.serving.hoursPerMonth;
    const data = reply.data as { gpu: { count: number; hourlyUsd: number }; costs: { monthlyFixedUsd: number } };
    expect(data.gpu).toMatchObject({ count: 3, hourlyUsd: expect.closeTo(600 / hours, 9) });
    expect(data.costs.monthlyFixedUsd).toBeCloseTo(1800, 6);
  });

  it("'plus 3k/mo ops' is the deployment's running cost, the 12B tokens its month, and a measured throughput shows no plan's batch", async () => {
    const reply = await ask("our 8xH100 box running deepseek v3 in sglang measures 9,500 tok/s; rent 2.4/h per gpu plus 3k/mo ops. 12B tokens a month. still worth it?");
    const data = reply.data as { costs: { opsUsdPerMonth: number; monthlyFixedUsd: number }; tokensPerMonth: number; throughputTokensPerSec: number };
    const hours = (await realSnapshot()).knowledge.serving.hoursPerMonth;
    expect(data.costs.opsUsdPerMonth).toBe(3000);
    expect(data.costs.monthlyFixedUsd).toBeCloseTo(8 * 2.4 * hours + 3000, 6);
    expect(data.tokensPerMonth).toBe(12e9);
    expect(reply.text).toContain("$3,000.00 a month to run besides the GPUs");
    expect(reply.text).not.toContain("at 0 concurrent requests");
  });
});

describe("what owned GPUs' write-off assumes, and money the asker sets aside", () => {
  it("owned 4090s with no price given: the sourced price and months the write-off assumes are said", async () => {
    const reply = await ask("我們自己有 4 張 RTX 4090，想跑 qwen3 32b，電費一度 0.15 美元，一個月要處理 3 億 token，比 API 划算嗎？");
    const gpu = (await realSnapshot()).knowledge.serving.gpus.find((g) => g.id === "rtx-4090")!;
    const costs = reply.data.costs as { amortizationUsdPerMonth: number };
    expect(costs.amortizationUsdPerMonth).toBeCloseTo((4 * gpu.purchase!.usd) / 36, 6);
    expect(reply.text).toContain(`攤銷按每張 NVIDIA GeForce RTX 4090 24GB $${gpu.purchase!.usd.toLocaleString("en-US")}.00`);
    expect(reply.text).toContain("36 個月計算");
  });

  it("'每張 6 萬台幣先不管': the price set aside is neither priced nor refused; the rest is answered", async () => {
    const reply = await ask("我們想買 4 張 RTX 4090 自己架伺服器跑 qwen3 32b，每張 6 萬台幣先不管，電費一度 0.15 美元，一個月跑 3 億 token，這樣比用 API 划算嗎？");
    expect(reply.ok).toBe(true);
    expect(reply.command).toBe("selfhost");
  });

  it("'how many cards interactive vs batch?' names nothing back", async () => {
    const reply = await ask("need to serve gpt-oss-20b at 40 rps peak, 1.2k in / 300 out, on L40S. how many cards interactive vs batch?");
    expect((reply.data as { unknown?: unknown[] }).unknown ?? []).toEqual([]);
  });
});

describe("batch jobs on GPUs of one's own are the batch plan", () => {
  it("'batch jobs only' plans with no latency target and says so", async () => {
    const reply = await ask("self-host mistral small 3.2 on 3 rtx 5090s we rent for $600 a month each, ~400M tok/mo, batch jobs only");
    expect((reply.data as { slo: string }).slo).toBe("batch");
    expect(reply.text).toContain("batch jobs (the batch plan, no latency target)");
  });
});
