import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CAPABILITIES, TIERS, isPriced, type Capability, type Tier } from "../src/core/knowledge/kinds.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { per1M } from "../src/core/knowledge/litellm-units.ts";
import type { QualityFile, Task } from "../src/core/knowledge/schema.ts";
import { workloadCost, type CostWorkload, type PricedEntry } from "../src/core/pricing.ts";
import {
  DEFAULT_CHINESE_BAR,
  appliedBars,
  qualityFromFile,
  recommendByTier,
  type ModelQuality,
  type QualityBar,
  type QualityCategory,
  type RecommendTask,
} from "../src/core/recommend.ts";

/** Prices from the shared LiteLLM snapshot (2026-07-24) and scores from the LMArena text snapshot (2025-12-11). */
const PRICES = JSON.parse(readFileSync("/work/shared/data/litellm-model-prices.json", "utf8")) as Record<string, Record<string, number | boolean>>;
const ARENA = JSON.parse(readFileSync("/work/shared/data/lmarena-leaderboard-text.json", "utf8")) as Record<
  string,
  Record<string, { rating: number; rating_q025: number; rating_q975: number }>
>;
const ARENA_SOURCE = "https://github.com/lmarena/arena-catalog/blob/main/data/leaderboard-text.json";
const CATEGORIES: QualityCategory[] = ["full", "coding", "math", "chinese", "creative_writing", "hard_6"];

function priced(key: string, tier: Tier, extra: Partial<PricedEntry> = {}): PricedEntry {
  const entry = PRICES[key]!;
  const capabilities = CAPABILITIES.filter((c) => (c === "vision" ? entry.supports_vision : c === "reasoning" ? entry.supports_reasoning : entry.supports_function_calling));
  return {
    id: key,
    name: key,
    provider: String(entry.litellm_provider),
    tier,
    aliases: [],
    aliasesZh: [],
    capabilities,
    openWeights: false,
    featured: false,
    source: "litellm",
    asOf: "2026-07-24",
    inputPer1M: per1M(entry.input_cost_per_token as number),
    outputPer1M: per1M(entry.output_cost_per_token as number),
    contextWindow: Number(entry.max_input_tokens ?? 128_000),
    maxOutput: Number(entry.max_output_tokens ?? 8_192),
    ...extra,
  };
}

/** A quality.yaml-shaped entry read from the LMArena snapshot. */
function arena(arenaName: string): { scores: ModelQuality["scores"] } {
  const scores: ModelQuality["scores"] = {};
  for (const category of CATEGORIES) {
    const row = ARENA[category]?.[arenaName];
    if (row) scores[category] = { score: row.rating, ci: [row.rating_q025, row.rating_q975] };
  }
  return { scores };
}

const llama8b = priced("deepinfra/meta-llama/Meta-Llama-3.1-8B-Instruct", "ultra-low", { openWeights: true });
const gemini20Flash = priced("gemini/gemini-2.0-flash", "ultra-low");
const gpt4oMini = priced("gpt-4o-mini", "ultra-low");
const deepseek = priced("deepseek-chat", "ultra-low", { openWeights: true });
const gemini25Flash = priced("gemini/gemini-2.5-flash", "balanced");
const gpt5 = priced("gpt-5", "premium");
const opus = priced("claude-opus-4-5", "premium");
const unscoredCheap = { ...priced("groq/llama-3.1-8b-instant", "ultra-low"), id: "mystery-model", inputPer1M: 0.01, outputPer1M: 0.01 };
const MODELS = [llama8b, gemini20Flash, gpt4oMini, deepseek, gemini25Flash, gpt5, opus, unscoredCheap];
const QUALITY = qualityFromFile({
  source: "LMArena text leaderboard",
  url: ARENA_SOURCE,
  asOf: "2025-12-11",
  scale: "LMArena Elo",
  models: {
    [llama8b.id]: arena("llama-3.1-8b-instruct"),
    [gemini20Flash.id]: arena("gemini-2.0-flash-001"),
    [gpt4oMini.id]: arena("gpt-4o-mini-2024-07-18"),
    [deepseek.id]: arena("deepseek-v3.2"),
    [gemini25Flash.id]: arena("gemini-2.5-flash"),
    [gpt5.id]: arena("gpt-5-high"),
    [opus.id]: arena("claude-opus-4-5-20251101"),
  },
});
const WORKLOAD: CostWorkload = { inputTokens: 10_000_000, outputTokens: 2_000_000, cachedPercent: 0 };
// gemini-2.0-flash-001 scores 1349 in coding and gpt-4o-mini 1289: a bar of 1300 sits between them
const CODING: RecommendTask = { id: "coding", minQuality: { category: "coding", score: 1300 } };
const TODAY = "2026-07-24";

const recommend = (tasks: RecommendTask[], constraints = {}, models: PricedEntry[] = MODELS) =>
  recommendByTier(models, { tasks, constraints, workload: WORKLOAD, quality: QUALITY, today: TODAY });
const pickOf = (tier: Tier, result: ReturnType<typeof recommend>) => result.find((r) => r.tier === tier)!;

describe("quality-aware recommendations", () => {
  it("without a bar, price alone decides (the behaviour issue 12 reports): the unscored and the 8B models win ultra-low", () => {
    expect(pickOf("ultra-low", recommend([])).pick?.model.id).toBe("mystery-model");
    expect(
      pickOf(
        "ultra-low",
        recommend(
          [],
          {},
          MODELS.filter((m) => m !== unscoredCheap),
        ),
      ).pick?.model.id,
    ).toBe(llama8b.id);
  });

  it("for coding, skips Llama 3.1 8B (coding 1195) and the unscored model, and says why", () => {
    const ultraLow = pickOf("ultra-low", recommend([CODING]));
    expect(ultraLow.pick?.model.id).toBe(gemini20Flash.id);
    expect(ultraLow.bars).toEqual([{ category: "coding", score: 1300, from: ["coding"] }]);
    expect(ultraLow.skipped.unscored).toBe(1);
    expect(ultraLow.skipped.belowBar).toBe(1);
    expect(ultraLow.skipped.cheapestBelowBar?.model.id).toBe(llama8b.id);
    expect(ultraLow.skipped.cheapestBelowBar?.score).toBeCloseTo(1194.6, 0);
    expect(ultraLow.pick?.quality).toMatchObject({ category: "coding", scale: "LMArena Elo", source: ARENA_SOURCE, asOf: "2025-12-11" });
    expect(ultraLow.pick?.quality?.score).toBeCloseTo(1349.2, 0);
    expect(ultraLow.pick?.quality?.ci?.[0]).toBeLessThan(ultraLow.pick!.quality!.score);
    expect(ultraLow.pick?.barScores).toEqual([{ category: "coding", score: ultraLow.pick!.quality!.score, bar: 1300 }]);
  });

  it("prices picks through pricing.ts, with the workload's price options", () => {
    const batch = recommendByTier(MODELS, { tasks: [CODING], constraints: {}, workload: { ...WORKLOAD, batch: true }, quality: QUALITY, today: TODAY });
    const premium = pickOf("premium", batch).pick!;
    expect(premium.cost).toEqual(workloadCost(premium.model, { ...WORKLOAD, batch: true }));
  });

  it("Chinese-language ability is a bar on the chinese category", () => {
    const ultraLow = pickOf("ultra-low", recommend([], { chinese: true }));
    expect(ultraLow.bars).toEqual([{ ...DEFAULT_CHINESE_BAR, from: ["chinese"] }]);
    expect(ultraLow.pick?.model.id).toBe(gemini20Flash.id);
    expect(ultraLow.pick?.quality?.category).toBe("chinese");
    expect(ultraLow.skipped.cheapestBelowBar?.model.id).toBe(llama8b.id);
    const strict = pickOf("ultra-low", recommend([], { chinese: { category: "chinese", score: 1440 } }));
    expect(strict.pick?.model.id).toBe(deepseek.id);
  });

  it("keeps the higher of two bars in the same category and names both tasks", () => {
    const bars = appliedBars([CODING, { id: "agents", minQuality: { category: "coding", score: 1400 } }], {});
    expect(bars).toEqual([{ category: "coding", score: 1400, from: ["coding", "agents"] }]);
    expect(appliedBars([{ id: "agents", minQuality: { category: "coding", score: 1400 } }, CODING], {})[0]?.score).toBe(1400);
  });

  it("applies capabilities, open weights, context and deprecation before price", () => {
    expect(pickOf("ultra-low", recommend([CODING], { openWeights: true })).pick?.model.id).toBe(deepseek.id);
    expect(pickOf("ultra-low", recommend([], { capabilities: ["vision"] })).pick?.model.id).toBe(gemini20Flash.id);
    expect(pickOf("ultra-low", recommend([], { minContext: 1_000_000 })).pick?.model.id).toBe(gemini20Flash.id);
    const deprecated = { ...gemini20Flash, deprecationDate: TODAY };
    const withDeprecated = MODELS.map((m) => (m === gemini20Flash ? deprecated : m));
    expect(pickOf("ultra-low", recommend([CODING], {}, withDeprecated)).pick?.model.id).toBe(deepseek.id);
  });

  it("passes over models listed at $0 in and out, curated or not: a rate-limited free tier is no monthly plan", () => {
    const placeholder = { ...unscoredCheap, id: "placeholder", inputPer1M: 0, outputPer1M: 0, catalog: true as const };
    expect(pickOf("ultra-low", recommend([], {}, [...MODELS, placeholder])).pick?.model.id).toBe("mystery-model");
    const curatedFree = { ...placeholder, catalog: undefined };
    expect(pickOf("ultra-low", recommend([], {}, [...MODELS, curatedFree])).pick?.model.id).toBe("mystery-model");
  });

  it("returns no pick, with the counts, when nothing in a tier reaches the bar", () => {
    const result = pickOf("ultra-low", recommend([{ id: "hard", minQuality: { category: "coding", score: 1600 } }]));
    expect(result.pick).toBeNull();
    expect(result.skipped.belowBar).toBe(4);
  });
});

// quality.yaml and tasks.yaml entries go in as they are: the type checker fails here if their shapes drift apart
export const acceptsKnowledge: [(file: QualityFile) => unknown, (tasks: readonly Task[]) => readonly RecommendTask[]] = [qualityFromFile, (tasks) => tasks];

describe("recommendation properties", () => {
  const category = fc.constantFrom<QualityCategory>(...CATEGORIES);
  const arbModel = fc.record({
    tier: fc.constantFrom<Tier>(...TIERS),
    inputPer1M: fc.double({ min: 0, max: 50, noNaN: true }),
    outputPer1M: fc.double({ min: 0, max: 100, noNaN: true }),
    capabilities: fc.subarray([...CAPABILITIES]),
    openWeights: fc.boolean(),
    contextWindow: fc.integer({ min: 1000, max: 2_000_000 }),
    deprecated: fc.boolean(),
    scores: fc.dictionary(category, fc.integer({ min: 1000, max: 1550 }), { maxKeys: 6 }),
    scored: fc.boolean(),
    catalog: fc.boolean(),
    free: fc.boolean(),
  });
  const arbBar: fc.Arbitrary<QualityBar> = fc.record({ category, score: fc.integer({ min: 1000, max: 1550 }) });

  it("never recommends a model below a task's bar, and always the cheapest model that qualifies", () => {
    fc.assert(
      fc.property(
        fc.array(arbModel, { maxLength: 25 }),
        fc.array(fc.option(arbBar, { nil: undefined }), { maxLength: 3 }),
        fc.subarray([...CAPABILITIES]),
        fc.boolean(),
        fc.option(arbBar, { nil: undefined }),
        (raw, taskBars, capabilities, openWeights, chineseBar) => {
          const models: PricedEntry[] = raw.map((m, i) => ({
            ...llama8b,
            id: `m${i}`,
            tier: m.tier,
            inputPer1M: m.free ? 0 : m.inputPer1M,
            outputPer1M: m.free ? 0 : m.outputPer1M,
            ...(m.catalog && { catalog: true as const }),
            capabilities: m.capabilities,
            openWeights: m.openWeights,
            contextWindow: m.contextWindow,
            ...(m.deprecated && { deprecationDate: "2026-01-01" }),
          }));
          const quality = qualityFromFile({
            source: "s",
            url: "u",
            asOf: "2025-12-11",
            scale: "LMArena Elo",
            models: Object.fromEntries(
              raw.flatMap((m, i) => (m.scored ? [[`m${i}`, { scores: Object.fromEntries(Object.entries(m.scores).map(([c, s]) => [c, { score: s }])) }]] : [])),
            ),
          });
          const tasks: RecommendTask[] = taskBars.map((bar, i) => ({ id: `t${i}`, ...(bar && { minQuality: bar }) }));
          const constraints = { capabilities, openWeights, ...(chineseBar && { chinese: { ...chineseBar, category: "chinese" as const } }) };
          const result = recommendByTier(models, { tasks, constraints, workload: WORKLOAD, quality, today: TODAY });
          const bars = [...tasks.flatMap((t) => (t.minQuality ? [t.minQuality] : [])), ...(chineseBar ? [{ ...chineseBar, category: "chinese" as const }] : [])];
          const qualifies = (model: PricedEntry) =>
            !(model.inputPer1M === 0 && model.outputPer1M === 0) &&
            !model.deprecationDate &&
            capabilities.every((c: Capability) => model.capabilities.includes(c)) &&
            (!openWeights || model.openWeights) &&
            bars.every((bar) => (quality(model.id)?.scores[bar.category]?.score ?? -Infinity) >= bar.score);
          for (const { tier, pick } of result) {
            const inTier = models.filter((m) => m.tier === tier && qualifies(m));
            if (!pick) {
              expect(inTier).toEqual([]);
              continue;
            }
            expect(qualifies(pick.model)).toBe(true);
            expect(pick.model.tier).toBe(tier);
            const cheapest = Math.min(...inTier.map((m) => workloadCost(m, WORKLOAD).totalUsd));
            expect(pick.cost.totalUsd).toBe(cheapest);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("with the shipped knowledge (models.yaml, catalog, quality.yaml, tasks.yaml)", async () => {
  const TEST_TODAY = "2026-11-28";
  const knowledge = await loadKnowledge(fileURLToPath(new URL("../knowledge/", import.meta.url)), new Date(`${TEST_TODAY}T12:00:00Z`));
  const models = [...knowledge.models.filter(isPriced), ...knowledge.catalog];
  const quality = qualityFromFile(knowledge.quality!);

  it("every pick for every task reaches that task's bar, and coding no longer gets Llama 3.1 8B", () => {
    for (const task of knowledge.tasks) {
      const result = recommendByTier(models, { tasks: [task], constraints: {}, workload: knowledge.defaultWorkload, quality, today: TEST_TODAY });
      for (const { pick } of result) {
        if (!pick || !task.minQuality) continue;
        expect(quality(pick.model.id)?.scores[task.minQuality.category]?.score ?? -Infinity, `${task.id}: ${pick.model.id}`).toBeGreaterThanOrEqual(task.minQuality.score);
      }
      if (task.id === "coding") {
        const ultraLow = result.find((r) => r.tier === "ultra-low")!;
        expect(ultraLow.pick?.model.id).not.toMatch(/llama-3\.1-8b/i);
        expect(ultraLow.skipped.cheapestBelowBar?.model.id).toMatch(/llama-3\.1-8b/i);
      }
    }
  });
});
