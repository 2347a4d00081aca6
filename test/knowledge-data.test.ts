import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadShippedCatalog, SHIPPED_CATALOG, tierByPrice, type SlimCatalog } from "../src/core/knowledge/catalog.ts";
import { isPriced, TIERS } from "../src/core/knowledge/kinds.ts";
import { loadKnowledge, type Knowledge } from "../src/core/knowledge/load.ts";
import type { PricedModel } from "../src/core/knowledge/schema.ts";
import { normalizeName } from "../src/core/models/names.ts";
import { KNOWLEDGE_DIR, SHARED_DATA, TODAY } from "./helpers.ts";

type Raw = Record<string, unknown> & { tiered_pricing?: Record<string, unknown>[] };
let map: Record<string, Raw>;
let knowledge: Knowledge;
let priced: PricedModel[];

beforeAll(async () => {
  map = JSON.parse(await readFile(join(SHARED_DATA, "litellm-model-prices.json"), "utf8"));
  // models.yaml as the import wrote it: genai-prices and provider rules are applied on top (test/price-sources.test.ts)
  knowledge = await loadKnowledge(KNOWLEDGE_DIR, new Date(`${TODAY}T12:00:00Z`), { asWritten: true });
  priced = knowledge.models.filter(isPriced);
});

const model = (id: string) => {
  const found = priced.find((m) => m.id === id);
  if (!found) throw new Error(`no curated model ${id}`);
  return found;
};
/** USD per token in the map → USD per 1M, as the table writes it. */
const m1 = (value: unknown) => (typeof value === "number" ? Number((value * 1e6).toPrecision(12)) : undefined);

function expectedSet(raw: Raw, suffix: string, fallbackOutput?: number) {
  const input = m1(raw[`input_cost_per_token${suffix}`]);
  const output = m1(raw[`output_cost_per_token${suffix}`]) ?? fallbackOutput;
  if (input === undefined || output === undefined) return undefined;
  const cached = m1(raw[`cache_read_input_token_cost${suffix}`]);
  const write = m1(raw[`cache_creation_input_token_cost${suffix}`]);
  return { inputPer1M: input, outputPer1M: output, ...(cached !== undefined ? { cachedInputPer1M: cached } : {}), ...(write !== undefined ? { cacheWritePer1M: write } : {}) };
}

describe("curated prices against the shared LiteLLM snapshot (2026-07-24)", () => {
  it("every curated model's standard prices are the map's, ×1e6", () => {
    for (const m of priced) {
      const raw = map[m.litellmKey!]!;
      const source = raw.input_cost_per_token !== undefined ? raw : (raw.tiered_pricing![0] as Raw);
      expect({ id: m.id, input: m.inputPer1M, output: m.outputPer1M }).toEqual({ id: m.id, input: m1(source.input_cost_per_token), output: m1(source.output_cost_per_token) });
      if (source.cache_read_input_token_cost !== undefined) expect(m.cachedInputPer1M, m.id).toBe(m1(source.cache_read_input_token_cost));
    }
  });

  it("every curated model carries exactly the batch, flex, priority and cache-write prices the map lists", () => {
    for (const m of priced) {
      const raw = map[m.litellmKey!]!;
      expect({ id: m.id, batch: m.batch, flex: m.flex, priority: m.priority, cacheWrite: m.cacheWritePer1M }).toEqual({
        id: m.id,
        batch: expectedSet(raw, "_batches"),
        flex: expectedSet(raw, "_flex"),
        priority: expectedSet(raw, "_priority"),
        cacheWrite: m1(raw.cache_creation_input_token_cost),
      });
    }
  });

  it("every curated model carries the map's long-context prices, thresholds ascending", () => {
    for (const m of priced) {
      const raw = map[m.litellmKey!]!;
      const thresholds = Object.keys(raw)
        .flatMap((f) => /^input_cost_per_token_above_(\d+)k_tokens$/.exec(f)?.[1] ?? [])
        .map(Number);
      const bands = (raw.tiered_pricing ?? []).slice(1).map((b) => (b.range as number[])[0]!);
      const expected = [...thresholds.map((k) => k * 1000), ...bands].sort((a, b) => a - b);
      expect({ id: m.id, above: (m.longContext ?? []).map((lc) => lc.aboveTokens) }).toEqual({ id: m.id, above: expected });
    }
  });

  it("long-context, batch, flex and cache-write figures per family, as the providers publish them", () => {
    // OpenAI GPT-5.4: double input and 1.5× output above 272K; batch half price
    expect(model("gpt-5.4").longContext).toEqual([{ aboveTokens: 272_000, inputPer1M: 5, outputPer1M: 22.5, cachedInputPer1M: 0.5 }]);
    expect(model("gpt-5.4").batch).toEqual({ inputPer1M: 1.25, outputPer1M: 7.5 });
    expect(model("gpt-5").flex).toEqual({ inputPer1M: 0.625, outputPer1M: 5, cachedInputPer1M: 0.0625 });
    // Anthropic Sonnet 4.5: 5-minute cache writes at 1.25× input, and prices above 200K
    expect(model("claude-sonnet-4-5").cacheWritePer1M).toBe(3.75);
    expect(model("claude-sonnet-4-5").longContext).toEqual([{ aboveTokens: 200_000, inputPer1M: 6, outputPer1M: 22.5, cachedInputPer1M: 0.6, cacheWritePer1M: 7.5 }]);
    // Google Gemini 2.5 Pro above 200K
    expect(model("gemini-2.5-pro").longContext?.[0]).toMatchObject({ aboveTokens: 200_000, inputPer1M: 2.5, outputPer1M: 15 });
    // xAI Grok 4.1 Fast doubles above 128K
    expect(model("grok-4-1-fast").longContext).toEqual([{ aboveTokens: 128_000, inputPer1M: 0.4, outputPer1M: 1 }]);
    // Alibaba's prompt-size bands: the first is the standard price
    expect(model("qwen3-max")).toMatchObject({ inputPer1M: 1.2, outputPer1M: 6 });
    expect(model("qwen3-max").longContext).toEqual([
      { aboveTokens: 32_000, inputPer1M: 2.4, outputPer1M: 12 },
      { aboveTokens: 128_000, inputPer1M: 3, outputPer1M: 15 },
    ]);
  });

  it("no model has off-peak prices yet: the schema takes them, an admin fills them", () => {
    expect(priced.filter((m) => m.offPeak)).toEqual([]);
  });
});

describe("the curated table", () => {
  const typed: [string, string][] = [
    ["gpt-4o", "gpt-4o"],
    ["gpt4o", "gpt-4o"],
    ["4o", "gpt-4o"],
    ["4o-mini", "gpt-4o-mini"],
    ["gpt-4o mini", "gpt-4o-mini"],
    ["gpt-4.1", "gpt-4.1"],
    ["gpt 4.1 mini", "gpt-4.1-mini"],
    ["gpt-4.1-nano", "gpt-4.1-nano"],
    ["o1", "o1"],
    ["o3-mini", "o3-mini"],
    ["o4-mini", "o4-mini"],
    ["sonnet 3.5", "claude-3.5-sonnet"],
    ["claude 3.7 sonnet", "claude-3.7-sonnet"],
    ["haiku 3.5", "claude-3.5-haiku"],
    ["claude 3 opus", "claude-3-opus"],
    ["llama 3.1 8b", "llama-3.1-8b"],
    ["llama-3.1-70b", "llama-3.1-70b"],
    ["llama 405b", "llama-3.1-405b"],
    ["llama 3.3 70b", "llama-3.3-70b"],
    ["mixtral 8x7b", "mixtral-8x7b"],
    ["mixtral-8x22b", "mixtral-8x22b"],
    ["qwen2.5 72b", "qwen2.5-72b"],
    ["qwen3-32b", "qwen3-32b"],
    ["qwen3-30b-a3b", "qwen3-30b-a3b"],
    ["qwen3 max", "qwen3-max"],
    ["glm-4.5", "glm-4.5"],
    ["glm 4.6", "glm-4.6"],
    ["glm-4.5-air", "glm-4.5-air"],
    ["minimax m2", "minimax-m2"],
    ["deepseek r1", "deepseek-r1"],
    ["kimi k2", "kimi-k2"],
    ["gemma 3 27b", "gemma-3-27b"],
    ["通义千问", "qwen-plus"],
    ["智谱", "glm-5.1"],
    ["月之暗面", "kimi-k2.6"],
    ["深度求索", "deepseek-chat"],
    ["稀宇", "minimax-m3"],
  ];
  it("knows the names people type, legacy models included, in English and Chinese", () => {
    const owner = new Map<string, string>();
    for (const m of knowledge.models) for (const name of [m.id, m.name, ...m.aliases, ...m.aliasesZh]) owner.set(normalizeName(name), m.id);
    expect(typed.map(([name]) => [name, owner.get(normalizeName(name))])).toEqual(typed);
  });

  it("no name or alias names two models", () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const m of knowledge.models) {
      for (const name of new Set([m.id, m.name, ...m.aliases, ...m.aliasesZh].map(normalizeName))) {
        if (seen.has(name)) clashes.push(`${name}: ${seen.get(name)} and ${m.id}`);
        seen.set(name, m.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("covers the current chat models of the eleven largest providers", () => {
    const providers = new Set(priced.map((m) => m.provider.replace(/\s*\(.*\)$/, "")));
    for (const p of ["OpenAI", "Anthropic", "Google", "DeepSeek", "xAI", "Moonshot AI", "Alibaba Qwen", "Mistral AI", "Meta", "Zhipu AI", "MiniMax"])
      expect(providers).toContain(p);
    expect(priced.length).toBeGreaterThanOrEqual(140);
  });

  it("tiers follow the documented price rule unless a reason is written", () => {
    const off = priced.filter((m) => m.tier !== tierByPrice(m) && !m.tierReason).map((m) => `${m.id}: ${m.tier} vs ${tierByPrice(m)}`);
    expect(off).toEqual([]);
    expect(model("gemini-2.0-flash")).toMatchObject({ tier: "balanced", tierReason: expect.stringContaining("Balanced") });
  });

  it("marks the reasoning models whose output includes hidden reasoning tokens, and not the chat models", () => {
    for (const id of ["gpt-5", "gpt-5-mini", "gpt-5.4", "o1", "o3", "o3-mini", "o4-mini", "deepseek-reasoner", "deepseek-r1", "kimi-k2-thinking", "qwq-plus", "gemini-2.5-pro"]) {
      expect(model(id).reasoningInOutput, id).toBe(true);
    }
    for (const id of ["gpt-4o", "gpt-4.1", "gpt-5-chat", "deepseek-chat", "claude-sonnet-4-5", "llama-3.3-70b"]) expect(model(id).reasoningInOutput, id).toBeUndefined();
  });

  it("open-weights models have a parameter count; API-only ones are not open", () => {
    expect(priced.filter((m) => m.openWeights && !m.parametersB).map((m) => m.id)).toEqual([]);
    for (const id of ["gpt-4o", "claude-3.5-sonnet", "qwen3-max", "glm-5.1", "minimax-m3", "mistral-medium-3.1"]) expect(model(id).openWeights, id).toBe(false);
    for (const id of ["llama-3.1-405b", "mixtral-8x7b", "qwen2.5-72b", "glm-4.5-air", "minimax-m2", "deepseek-r1", "gemma-3-27b", "kimi-k2"])
      expect(model(id).openWeights, id).toBe(true);
  });

  it("carries the map's deprecation dates", () => {
    for (const m of priced) {
      const date = map[m.litellmKey!]!.deprecation_date;
      if (typeof date === "string") expect({ id: m.id, date: m.deprecationDate }).toEqual({ id: m.id, date });
    }
  });
});

describe("the shipped catalog", () => {
  it("has every priced chat and Responses-API model of the map, each with a tier, and names its source and checksum", async () => {
    const text = await readFile(join(KNOWLEDGE_DIR, SHIPPED_CATALOG), "utf8");
    const slim = JSON.parse(text) as SlimCatalog;
    const original = await readFile(join(SHARED_DATA, "litellm-model-prices.json"));
    expect(slim.provenance).toMatchObject({
      sha256: createHash("sha256").update(original).digest("hex"),
      bytes: original.byteLength,
      chatModels: 2370,
      lastUpdated: expect.stringMatching(/^2026-07-24/),
    });
    const chatKeys = Object.keys(map).filter((k) => map[k]?.mode === "chat" || map[k]?.mode === "responses");
    expect(Object.keys(slim.models).sort()).toEqual(chatKeys.sort());
    const catalog = await loadShippedCatalog(KNOWLEDGE_DIR, knowledge.models, TODAY);
    expect(catalog.length + priced.length).toBeGreaterThan(2150);
    expect(catalog.filter((m) => !TIERS.includes(m.tier)).map((m) => m.id)).toEqual([]);
    expect(catalog.some((m) => priced.some((c) => c.litellmKey === m.id))).toBe(false);
    expect(Buffer.byteLength(text)).toBeLessThan(700_000);
  });

  it("leaves out the entries the map labels chat that are embedding or speech models", () => {
    const ids = knowledge.catalog.map((m) => m.id);
    for (const id of ["vercel_ai_gateway/amazon/titan-embed-text-v2", "vercel_ai_gateway/mistral/mistral-embed", "gemini/gemini-2.5-pro-preview-tts"]) {
      expect(map[id]?.mode).toBe("chat");
      expect(ids).not.toContain(id);
    }
    expect(ids).toContain("vercel_ai_gateway/mistral/codestral");
  });

  it("is what the knowledge loads by default, with the same dimensions as the full map", () => {
    expect(knowledge.catalog.length).toBeGreaterThan(2000);
    const groq =
      knowledge.catalog.find((m) => m.id === "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo") ??
      knowledge.catalog.find((m) => m.id.startsWith("deepinfra/meta-llama/Llama-3.3-70B"));
    expect(groq).toMatchObject({ catalog: true, tier: expect.stringMatching(/ultra-low|balanced|premium/) });
    const gemini = knowledge.catalog.find((m) => m.id === "vertex_ai/gemini-3.1-pro-preview") ?? knowledge.catalog.find((m) => m.id === "gemini-3.1-pro-preview");
    expect(gemini?.longContext?.[0]?.aboveTokens).toBe(200_000);
  });
});

describe("quality.yaml and coding-runs.yaml", () => {
  type Board = Record<string, Record<string, { rating: number; rating_q025: number; rating_q975: number }>>;
  const board = async (name: string) => JSON.parse(await readFile(join(SHARED_DATA, name), "utf8")) as Board;
  const round = (x: number) => Math.round(x * 10) / 10;
  const BOARD_CATEGORY: Record<string, string> = { instruction_following: "if", long_queries: "long_user" };

  it("maps LMArena names to curated ids, with the style-control board's scores and intervals, and vision from the vision board", async () => {
    const text = await board("lmarena-leaderboard-text-style-control.json");
    const vision = await board("lmarena-leaderboard-vision.json");
    const quality = knowledge.quality!;
    expect(quality).toMatchObject({ source: "LMArena text leaderboard, style control (lmarena/arena-catalog)", asOf: "2025-12-17" });
    expect(quality.vision).toMatchObject({ source: "LMArena vision leaderboard (lmarena/arena-catalog)", asOf: "2025-12-11" });
    expect(Object.keys(quality.models).length).toBeGreaterThanOrEqual(60);
    let visionScored = 0;
    for (const [id, entry] of Object.entries(quality.models)) {
      expect(
        knowledge.models.some((m) => m.id === id),
        id,
      ).toBe(true);
      for (const [category, score] of Object.entries(entry.scores)) {
        const row = category === "vision" ? vision.full![entry.visionArena ?? entry.arena]! : text[BOARD_CATEGORY[category] ?? category]![entry.arena]!;
        expect({ id, category, ...score }).toEqual({ id, category, score: round(row.rating), ci: [round(row.rating_q025), round(row.rating_q975)] });
      }
      if (entry.scores.vision) visionScored++;
    }
    expect(visionScored).toBeGreaterThanOrEqual(25);
  });

  it("records each category's best score over the whole board, the frontier bars are measured from", async () => {
    const text = await board("lmarena-leaderboard-text-style-control.json");
    const vision = await board("lmarena-leaderboard-vision.json");
    for (const [category, best] of Object.entries(knowledge.quality!.best)) {
      const rows = category === "vision" ? vision.full! : text[BOARD_CATEGORY[category] ?? category]!;
      const top = Object.entries(rows).reduce((a, b) => (b[1].rating > a[1].rating ? b : a));
      expect({ category, ...best }).toEqual({ category, score: round(top[1].rating), arena: top[0] });
    }
  });

  it("task bars keep Llama 3.1 8B and GPT-5 nano out of coding and Chinese, and leave a scored model in some tier for each bar", () => {
    const quality = knowledge.quality!;
    const barOf = (task: (typeof knowledge.tasks)[number]) => {
      const bar = task.minQuality!;
      return "score" in bar ? bar.score : quality.best[bar.category]!.score - bar.belowBest;
    };
    for (const id of ["coding", "chinese"]) {
      const task = knowledge.tasks.find((t) => t.id === id)!;
      for (const model of ["llama-3.1-8b", "gpt-5-nano"]) expect(quality.models[model]!.scores[task.minQuality!.category]!.score, `${model} ${id}`).toBeLessThan(barOf(task));
    }
    for (const task of knowledge.tasks.filter((t) => t.minQuality)) {
      const passing = priced.filter(
        (m) =>
          !(m.deprecationDate && m.deprecationDate <= TODAY) &&
          (quality.models[m.id]?.scores[task.minQuality!.category]?.score ?? -Infinity) >= barOf(task) &&
          task.requires.every((c) => m.capabilities.includes(c)),
      );
      expect(passing.length, task.id).toBeGreaterThan(0);
    }
  });

  it("coding runs carry the Aider leaderboard's numbers for the run mapped to each model", async () => {
    const { parse } = await import("yaml");
    const runs = parse(await readFile(join(SHARED_DATA, "aider-polyglot-leaderboard.yml"), "utf8")) as Record<string, unknown>[];
    const file = knowledge.codingRuns!;
    expect(file).toMatchObject({ source: "Aider polyglot leaderboard (Aider-AI/aider)", asOf: "2025-10-04" });
    expect(Object.keys(file.runs).length).toBeGreaterThanOrEqual(8);
    for (const [id, run] of Object.entries(file.runs)) {
      const row = runs.find((r) => r.dirname === run.run)!;
      expect(row, id).toBeDefined();
      expect({ id, ...run }).toMatchObject({
        id,
        model: row.model,
        testCases: row.test_cases,
        solved: row.pass_num_2,
        promptTokens: row.prompt_tokens,
        completionTokens: row.completion_tokens,
      });
    }
  });
});
