import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { providers as providersCommand } from "../commands/providers.ts";
import type { CommandContext } from "../src/core/dispatch/command.ts";
import { parseCommandLine } from "../src/core/dispatch/grammar.ts";
import { translator } from "../src/core/i18n/translate.ts";
import type { Lang } from "../src/core/i18n/lang.ts";
import { loadCatalog } from "../src/core/knowledge/catalog.ts";
import { per1M } from "../src/core/knowledge/litellm-units.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { buildSnapshot } from "../src/core/knowledge/snapshot.ts";
import { fixedKnowledge } from "../src/core/knowledge/store.ts";
import { workloadCost, type CostWorkload } from "../src/core/pricing/pricing.ts";
import { cheapestHost, modelIdentity, providersOf } from "../src/core/pricing/providers.ts";
import { SHARED_DATA } from "./helpers.ts";

const MAP_PATH = `${SHARED_DATA}litellm-model-prices.json`;
const KNOWLEDGE_DIR = fileURLToPath(new URL("../knowledge/", import.meta.url));
const TODAY = "2026-11-28";
const MAP = JSON.parse(readFileSync(MAP_PATH, "utf8")) as Record<string, Record<string, number>>;
const CATALOG = await loadCatalog(MAP_PATH, [], "2026-07-24");
const WORKLOAD: CostWorkload = { inputTokens: 10_000_000, outputTokens: 2_000_000, cachedPercent: 0 };
const ids = (query: string) => providersOf(CATALOG, query, WORKLOAD).providers.flatMap((p) => [p.id, ...p.alsoAs]);
// Fireworks writes 1.5b as 1p5b
const sizes = (key: string) =>
  (
    key
      .toLowerCase()
      .replace(/(\d)p(\d)/g, "$1.$2")
      .match(/(?<![a-z\d])\d+(\.\d+)?b(?![a-z])/g) ?? []
  )
    .filter((s) => !/^a/.test(s))
    .sort();

describe("the matching rule", () => {
  it("reads the same model from every provider's spelling", () => {
    const llama = modelIdentity("Llama 3.3 70B").base;
    for (const key of [
      "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo",
      "groq/llama-3.3-70b-versatile",
      "deepinfra/meta-llama/Llama-3.3-70B-Instruct",
      "fireworks_ai/accounts/fireworks/models/llama-v3p3-70b-instruct",
      "oci/meta.llama-3.3-70b-instruct",
      "lambda_ai/llama3.3-70b-instruct-fp8",
      "snowflake/snowflake-llama-3.3-70b",
    ]) {
      expect(modelIdentity(key).base, key).toBe(llama);
    }
    expect(modelIdentity("qwen.qwen3-235b-a22b-2507-v1:0").base).toBe(modelIdentity("Qwen3 235B").base);
    expect(modelIdentity("openai.gpt-oss-120b-1:0").base).toBe(modelIdentity("gpt-oss-120b").base);
    expect(modelIdentity("bedrock/us-east-1/deepseek.v3.2").base).toBe(modelIdentity("DeepSeek V3.2").base);
  });

  it("keeps sizes, versions and other models apart", () => {
    expect(modelIdentity("llama-3.1-8b-instant").base).not.toBe(modelIdentity("llama-3.1-70b").base);
    expect(modelIdentity("llama-3.3-70b").base).not.toBe(modelIdentity("llama-3.1-70b").base);
    expect(modelIdentity("gpt-oss-20b").base).not.toBe(modelIdentity("gpt-oss-120b").base);
    expect(modelIdentity("deepseek-v3.1").base).not.toBe(modelIdentity("deepseek-v3").base);
    expect(modelIdentity("lambda_ai/deepseek-llama3.3-70b").base).not.toBe(modelIdentity("llama 3.3 70b").base);
    expect(modelIdentity("Qwen3-235B-A22B-Thinking-2507").base).not.toBe(modelIdentity("Qwen3-235B-A22B-Instruct-2507").base);
    expect(modelIdentity("gemini-2.0-flash-lite").base).not.toBe(modelIdentity("gemini-2.0-flash").base);
  });

  it("labels Turbo, quantized and dated builds instead of hiding or merging them silently", () => {
    expect(modelIdentity("together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo").labels).toEqual(["turbo"]);
    expect(modelIdentity("cloudflare/@cf/meta/llama-3.3-70b-instruct-fp8-fast").labels).toEqual(["fast", "fp8"]);
    expect(modelIdentity("deepinfra/deepseek-ai/DeepSeek-V3-0324").labels).toEqual(["0324"]);
    expect(modelIdentity("lemonade/gpt-oss-120b-mxfp-GGUF").labels).toEqual(["gguf", "mxfp"]);
    expect(modelIdentity("gpt-5-chat").labels).toEqual(["chat"]);
  });

  it("reads DeepSeek's API alias deepseek-chat as V3.2", () => {
    expect(modelIdentity("deepseek/deepseek-chat").base).toBe(modelIdentity("deepseek v3.2").base);
  });
});

describe("providers of one model, from the shared price map", () => {
  it("Llama 3.3 70B: Together (Turbo), Groq, DeepInfra and the rest, ascending by cost, never an 8B or 405B", () => {
    const result = providersOf(CATALOG, "Llama 3.3 70B", WORKLOAD);
    const found = ids("Llama 3.3 70B");
    expect(found).toEqual(
      expect.arrayContaining([
        "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo",
        "groq/llama-3.3-70b-versatile",
        "deepinfra/meta-llama/Llama-3.3-70B-Instruct",
        "cerebras/llama-3.3-70b",
      ]),
    );
    expect(result.providers.length).toBeGreaterThanOrEqual(15);
    expect(found.every((key) => sizes(key).join() === "70b")).toBe(true);
    expect(found).not.toContain("lambda_ai/deepseek-llama3.3-70b");
    const costs = result.providers.map((p) => p.cost);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    expect(result.providers.find((p) => p.id.endsWith("Llama-3.3-70B-Instruct-Turbo"))?.labels).toEqual(["turbo"]);
  });

  it("every provider row carries the snapshot's own prices and limits, and the cost pricing.ts computes", () => {
    for (const query of ["Llama 3.3 70B", "DeepSeek V3", "Qwen3 235B", "gpt-oss-120b"]) {
      for (const offer of providersOf(CATALOG, query, WORKLOAD).providers) {
        const raw = MAP[offer.id]!;
        expect(offer.inputPer1M, offer.id).toBe(per1M(raw.input_cost_per_token!));
        expect(offer.outputPer1M, offer.id).toBe(per1M(raw.output_cost_per_token!));
        expect(offer.contextWindow, offer.id).toBe(raw.max_input_tokens ?? null);
        expect(offer.cost).toBe(workloadCost(offer.model, WORKLOAD).totalUsd);
      }
    }
  });

  it("DeepSeek V3: the V3 and its 0324 checkpoint (labelled), not V3.1 or V3.2", () => {
    const found = ids("DeepSeek V3");
    expect(found).toEqual(expect.arrayContaining(["deepinfra/deepseek-ai/DeepSeek-V3", "together_ai/deepseek-ai/DeepSeek-V3", "deepinfra/deepseek-ai/DeepSeek-V3-0324"]));
    expect(found.some((key) => /v3\.[12]|v3p[12]/i.test(key))).toBe(false);
    const v32 = ids("DeepSeek V3.2");
    expect(v32).toEqual(expect.arrayContaining(["deepseek/deepseek-v3.2", "deepseek-chat", "bedrock/us-east-1/deepseek.v3.2"]));
  });

  it("Qwen3 235B: the original and the 2507 instruct builds, not the thinking release", () => {
    const found = ids("Qwen3 235B");
    expect(found).toEqual(expect.arrayContaining(["deepinfra/Qwen/Qwen3-235B-A22B", "deepinfra/Qwen/Qwen3-235B-A22B-Instruct-2507", "together_ai/Qwen/Qwen3-235B-A22B-fp8-tput"]));
    expect(found.some((key) => /thinking/i.test(key))).toBe(false);
    expect(ids("Qwen3 235B thinking")).toContain("deepinfra/Qwen/Qwen3-235B-A22B-Thinking-2507");
  });

  it("gpt-oss-120b: never the 20b; $0 rows and a price 20× the median are flagged and passed over for the cheapest", () => {
    const result = providersOf(CATALOG, "gpt-oss-120b", WORKLOAD);
    expect(result.providers.every((p) => !/(?<!\d)20b/.test(p.id))).toBe(true);
    expect(result.providers.find((p) => p.id === "lemonade/gpt-oss-120b-mxfp-GGUF")?.zeroPrice).toBe(true);
    expect(result.providers.find((p) => p.id === "wandb/openai/gpt-oss-120b")?.suspectPrice).toBe(true);
    const cheapest = cheapestHost(CATALOG, "gpt-oss-120b", WORKLOAD).offer!;
    expect(cheapest.zeroPrice || cheapest.suspectPrice).toBe(false);
    const planned = result.providers.filter((p) => !p.zeroPrice && !p.suspectPrice);
    expect(cheapest.cost).toBe(Math.min(...planned.map((p) => p.cost)));
  });

  it.each([
    ["gpt-oss-120b", WORKLOAD],
    ["deepseek v3.2", { inputTokens: 3_000_000_000, outputTokens: 1, cachedPercent: 60 }],
    ["llama 3.3 70b", { inputTokens: 1, outputTokens: 5_000_000, cachedPercent: 0, batch: true }],
    ["qwen3 235b", { inputTokens: 400_000_000, outputTokens: 90_000_000, cachedPercent: 0, promptTokensPerRequest: 300_000 }],
  ] satisfies [string, CostWorkload][])("the cheapest host of %s is the first plannable row of the full list, and the count is theirs", (query, workload) => {
    const rows = providersOf(CATALOG, query, workload).providers.filter((p) => !p.zeroPrice && !p.suspectPrice && !p.lowOutlier);
    expect(rows.length).toBeGreaterThan(1);
    const { offer, plannable } = cheapestHost(CATALOG, query, workload);
    expect(offer).toEqual(rows[0]);
    expect(plannable).toBe(rows.length);
  });

  it("a label in the query narrows the rows to that build", () => {
    const turbo = ids("llama 3.3 70b turbo");
    expect(turbo.length).toBeGreaterThanOrEqual(2);
    expect(turbo.every((key) => /turbo/i.test(key))).toBe(true);
  });

  it("no key in the whole map is ever matched to a model of another size", () => {
    for (const model of CATALOG) {
      const own = sizes(model.litellmKey ?? model.id).join();
      if (!own) continue;
      for (const offer of providersOf(CATALOG, model, WORKLOAD).providers) {
        expect(sizes(offer.id).join(), `${model.id} → ${offer.id}`).toBe(own);
      }
    }
  });
});

describe("/providers", async () => {
  const snapshot = buildSnapshot(await loadKnowledge(KNOWLEDGE_DIR, new Date(`${TODAY}T12:00:00Z`), { catalogPath: MAP_PATH }));
  const run = async (line: string, lang: Lang) => {
    const { args, globals } = parseCommandLine(line, providersCommand.spec.options);
    const ctx: CommandContext = {
      input: { command: "providers", text: line, user: { id: "tester" }, isAdmin: false, surface: "test" },
      args,
      globals,
      lang,
      snapshot,
      knowledge: fixedKnowledge(snapshot),
      t: translator(lang),
      today: TODAY,
      commands: [],
    };
    return providersCommand.run(ctx);
  };

  it("answers with every provider ascending by cost, in the reply data's contract", async () => {
    const reply = await run("llama 3.3 70b in:100M out:10M", "en");
    const data = reply.data as {
      model: string;
      workload: CostWorkload;
      providers: { provider: string; id: string; inputPer1M: number; outputPer1M: number; contextWindow: number | null; cost: number }[];
    };
    expect(data.workload).toMatchObject({ inputTokens: 100_000_000, outputTokens: 10_000_000 });
    expect(data.providers.length).toBeGreaterThanOrEqual(15);
    const costs = data.providers.map((p) => p.cost);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    expect(data.providers[0]).toEqual(
      expect.objectContaining({ provider: expect.any(String), id: expect.any(String), inputPer1M: expect.any(Number), outputPer1M: expect.any(Number), cost: expect.any(Number) }),
    );
    expect(reply.text).toContain("groq");
    expect(reply.text).toMatch(/turbo/i);
    expect(reply.sources.some((s) => s.asOf === "2026-07-24" && /LiteLLM/.test(s.title))).toBe(true);
  });

  it("answers in Chinese, with yuan beside dollars", async () => {
    const reply = await run("gpt-oss-120b", "zh");
    expect(reply.lead).toContain("最便宜的是");
    expect(reply.text).toMatch(/¥/);
    expect(reply.notes.some((n) => n.includes("标价为 $0"))).toBe(true);
  });

  it("says plainly when the price map has no provider for the name", async () => {
    const reply = await run("no-such-model-xyz", "en");
    expect(reply.lead).toContain('no provider for "no-such-model-xyz"');
    expect((reply.data as { providers: unknown[] }).providers).toEqual([]);
  });
});
