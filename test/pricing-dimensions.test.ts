import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../src/core/knowledge/catalog.ts";
import type { PriceSet } from "../src/core/knowledge/price-tiers.ts";
import { per1M } from "../src/core/knowledge/litellm-units.ts";
import { workloadCost, workloadTotalUsd, type CostWorkload, type PricedEntry } from "../src/core/pricing/pricing.ts";
import { SHARED_DATA } from "./helpers.ts";

/** The shared LiteLLM snapshot (2026-07-24): every price below is read from it, none typed by hand. */
const MAP_PATH = `${SHARED_DATA}litellm-model-prices.json`;
const MAP = JSON.parse(readFileSync(MAP_PATH, "utf8")) as Record<string, Record<string, unknown>>;

const price = (entry: Record<string, unknown>, field: string): number | undefined => (typeof entry[field] === "number" ? per1M(entry[field] as number) : undefined);

function priceSet(entry: Record<string, unknown>, suffix: string): PriceSet | undefined {
  const input = price(entry, `input_cost_per_token${suffix}`);
  const output = price(entry, `output_cost_per_token${suffix}`);
  if (input === undefined || output === undefined) return undefined;
  const cached = price(entry, `cache_read_input_token_cost${suffix}`);
  const write = price(entry, `cache_creation_input_token_cost${suffix}`);
  return { inputPer1M: input, outputPer1M: output, ...(cached !== undefined && { cachedInputPer1M: cached }), ...(write !== undefined && { cacheWritePer1M: write }) };
}

/** The snapshot through the catalog loader the bot uses, so these tests also check how price dimensions are read. */
const CATALOG = new Map((await loadCatalog(MAP_PATH, [], "2026-07-24")).map((model) => [model.id, model]));

function fromMap(key: string, extra: Partial<PricedEntry> = {}): PricedEntry {
  const model = CATALOG.get(key);
  if (!model) throw new Error(`${key} is not in the catalog`);
  return { ...model, ...extra };
}

const TEN_M_IN_TWO_M_OUT: CostWorkload = { inputTokens: 10_000_000, outputTokens: 2_000_000, cachedPercent: 0 };

describe("long-context prices", () => {
  const gpt54 = fromMap("gpt-5.4");

  it("GPT-5.4: a prompt above 272K tokens pays $5 in / $22.50 out instead of $2.50 / $15", () => {
    const short = workloadCost(gpt54, { ...TEN_M_IN_TWO_M_OUT, promptTokensPerRequest: 200_000 });
    expect(short.pricing).toBe("standard");
    expect(short.totalUsd).toBeCloseTo(10 * 2.5 + 2 * 15, 9);
    const long = workloadCost(gpt54, { ...TEN_M_IN_TWO_M_OUT, promptTokensPerRequest: 300_000 });
    expect(long.pricing).toBe("long-context");
    expect(long.longContextAboveTokens).toBe(272_000);
    expect(long.prices).toMatchObject({ inputPer1M: 5, outputPer1M: 22.5, cachedInputPer1M: 0.5 });
    expect(long.totalUsd).toBeCloseTo(10 * 5 + 2 * 22.5, 9);
  });

  it("applies only above the threshold, not at it, and not when the prompt size is unknown", () => {
    expect(workloadCost(gpt54, { ...TEN_M_IN_TWO_M_OUT, promptTokensPerRequest: 272_000 }).pricing).toBe("standard");
    expect(workloadCost(gpt54, { ...TEN_M_IN_TWO_M_OUT, promptTokensPerRequest: 272_001 }).pricing).toBe("long-context");
    expect(workloadCost(gpt54, TEN_M_IN_TWO_M_OUT).pricing).toBe("standard");
  });

  it("Claude Sonnet 4.5 above 200K: input, output, cache reads and cache writes all move to the long-context prices", () => {
    const sonnet = fromMap("claude-sonnet-4-5");
    const workload: CostWorkload = { inputTokens: 10_000_000, outputTokens: 1_000_000, cachedPercent: 50, cacheWritePercent: 10 };
    const short = workloadCost(sonnet, { ...workload, promptTokensPerRequest: 150_000 });
    // 4M fresh × $3 + 5M cached × $0.30 + 1M written × $3.75 + 1M out × $15
    expect(short.inputUsd).toBeCloseTo(12, 9);
    expect(short.cachedInputUsd).toBeCloseTo(1.5, 9);
    expect(short.cacheWriteUsd).toBeCloseTo(3.75, 9);
    expect(short.totalUsd).toBeCloseTo(32.25, 9);
    const long = workloadCost(sonnet, { ...workload, promptTokensPerRequest: 250_000 });
    // 4M × $6 + 5M × $0.60 + 1M × $7.50 + 1M × $22.50
    expect(long.prices).toEqual({ inputPer1M: 6, outputPer1M: 22.5, cachedInputPer1M: 0.6, cacheWritePer1M: 7.5 });
    expect(long.totalUsd).toBeCloseTo(57, 9);
    expect(long.fallbacks).toEqual([]);
  });

  it("Gemini 2.5 Pro above 200K: $2.50 in / $15 out instead of $1.25 / $10", () => {
    const gemini = fromMap("gemini/gemini-2.5-pro");
    expect(workloadCost(gemini, { ...TEN_M_IN_TWO_M_OUT, promptTokensPerRequest: 100_000 }).totalUsd).toBeCloseTo(12.5 + 20, 9);
    const long = workloadCost(gemini, { ...TEN_M_IN_TWO_M_OUT, promptTokensPerRequest: 500_000 });
    expect(long.totalUsd).toBeCloseTo(25 + 30, 9);
    expect(long.promptExceedsContext).toBe(false);
  });

  it("picks the highest threshold the prompt exceeds", () => {
    const banded = fromMap("gpt-5.4", {
      longContext: [
        { aboveTokens: 128_000, inputPer1M: 3, outputPer1M: 18 },
        { aboveTokens: 272_000, inputPer1M: 5, outputPer1M: 22.5 },
      ],
    });
    expect(workloadCost(banded, { ...TEN_M_IN_TWO_M_OUT, promptTokensPerRequest: 200_000 }).prices.inputPer1M).toBe(3);
    expect(workloadCost(banded, { ...TEN_M_IN_TWO_M_OUT, promptTokensPerRequest: 400_000 }).prices.inputPer1M).toBe(5);
  });

  it("says when one prompt does not fit the context window", () => {
    const sonnet = fromMap("claude-sonnet-4-5");
    expect(workloadCost(sonnet, { ...TEN_M_IN_TWO_M_OUT, promptTokensPerRequest: 250_000 }).promptExceedsContext).toBe(true);
  });
});

describe("batch, flex and priority", () => {
  it("OpenAI batch is half price: GPT-4o $1.25 / $5 instead of $2.50 / $10", () => {
    const gpt4o = fromMap("gpt-4o");
    const standard = workloadCost(gpt4o, TEN_M_IN_TWO_M_OUT);
    const batch = workloadCost(gpt4o, { ...TEN_M_IN_TWO_M_OUT, batch: true });
    expect(batch.pricing).toBe("batch");
    expect(batch.prices).toMatchObject({ inputPer1M: 1.25, outputPer1M: 5 });
    expect(batch.totalUsd).toBeCloseTo(standard.totalUsd / 2, 9);
  });

  it("GPT-5.4 flex and priority: $1.25 / $7.50 and $5 / $30, cached reads at $0.13 and $0.50", () => {
    const gpt54 = fromMap("gpt-5.4");
    const workload: CostWorkload = { ...TEN_M_IN_TWO_M_OUT, cachedPercent: 50 };
    const flex = workloadCost(gpt54, { ...workload, serviceTier: "flex" });
    expect(flex.pricing).toBe("flex");
    expect(flex.totalUsd).toBeCloseTo(5 * 1.25 + 5 * 0.13 + 2 * 7.5, 9);
    const priority = workloadCost(gpt54, { ...workload, serviceTier: "priority" });
    expect(priority.pricing).toBe("priority");
    expect(priority.totalUsd).toBeCloseTo(5 * 5 + 5 * 0.5 + 2 * 30, 9);
    expect(priority.fallbacks).toEqual([]);
  });

  it("a model without a batch price (GPT-5 in this snapshot) is priced at standard, and says so", () => {
    const gpt5 = fromMap("gpt-5");
    const cost = workloadCost(gpt5, { ...TEN_M_IN_TWO_M_OUT, batch: true });
    expect(cost.pricing).toBe("standard");
    expect(cost.fallbacks).toEqual(["no-batch-price"]);
    expect(cost.totalUsd).toBeCloseTo(10 * 1.25 + 2 * 10, 9);
    const deepseek = workloadCost(fromMap("deepseek-chat"), { ...TEN_M_IN_TWO_M_OUT, serviceTier: "flex" });
    expect(deepseek.fallbacks).toEqual(["no-flex-price"]);
    expect(deepseek.pricing).toBe("standard");
  });

  it("batch on a long prompt: the long-context price with the batch discount (GPT-5.4 $2.50 / $11.25), and says it was derived", () => {
    const cost = workloadCost(fromMap("gpt-5.4"), { ...TEN_M_IN_TWO_M_OUT, promptTokensPerRequest: 300_000, batch: true });
    expect(cost.pricing).toBe("batch");
    expect(cost.longContextAboveTokens).toBe(272_000);
    expect(cost.prices.inputPer1M).toBeCloseTo(2.5, 12);
    expect(cost.prices.outputPer1M).toBeCloseTo(11.25, 12);
    expect(cost.fallbacks).toContain("no-long-context-batch-price");
  });

  it("the stacking rule reproduces every combined tier-above-threshold price the snapshot lists", () => {
    let checked = 0;
    for (const [key, entry] of Object.entries(MAP)) {
      for (const k of [200, 272]) {
        const combined = priceSet(entry, `_above_${k}k_tokens_priority`);
        if (!combined || entry.mode !== "chat") continue;
        const cost = workloadCost(fromMap(key), { ...TEN_M_IN_TWO_M_OUT, promptTokensPerRequest: k * 1000 + 1, serviceTier: "priority" });
        expect(cost.prices.inputPer1M, key).toBeCloseTo(combined.inputPer1M, 9);
        expect(cost.prices.outputPer1M, key).toBeCloseTo(combined.outputPer1M, 9);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  it("batch wins over a service tier asked for at the same time", () => {
    const cost = workloadCost(fromMap("gpt-5.4"), { ...TEN_M_IN_TWO_M_OUT, batch: true, serviceTier: "priority" });
    expect(cost.pricing).toBe("batch");
    expect(cost.fallbacks).toEqual(["service-tier-ignored-for-batch"]);
  });

  it("a tier without its own cached price borrows the standard one, never above the tier's input price", () => {
    const gpt4o = fromMap("gpt-4o"); // batch: $1.25 in, no batch cache price; standard cache read $1.25
    const cost = workloadCost(gpt4o, { ...TEN_M_IN_TWO_M_OUT, cachedPercent: 50, batch: true });
    expect(cost.prices.cachedInputPer1M).toBe(1.25);
    expect(cost.fallbacks).toEqual(["cached-price-from-another-tier"]);
  });

  it("off-peak prices apply inside the window an admin filled in", () => {
    const deepseek = fromMap("deepseek-chat", {
      offPeak: [{ fromUtc: "16:30", toUtc: "00:30", prices: { inputPer1M: 0.135, outputPer1M: 0.55 }, source: "admin", asOf: "2025-02-26" }],
    });
    const cost = workloadCost(deepseek, { ...TEN_M_IN_TWO_M_OUT, offPeak: true });
    expect(cost.pricing).toBe("off-peak");
    expect(cost.totalUsd).toBeCloseTo(1.35 + 1.1, 9);
    expect(workloadCost(fromMap("deepseek-chat"), { ...TEN_M_IN_TWO_M_OUT, offPeak: true }).fallbacks).toEqual(["no-off-peak-price"]);
  });
});

describe("cache writes and notes", () => {
  it("bills cache writes at the input price where the model lists none (GPT-5.4), and says so", () => {
    const cost = workloadCost(fromMap("gpt-5.4"), { inputTokens: 10_000_000, outputTokens: 0, cachedPercent: 0, cacheWritePercent: 20 });
    expect(cost.cacheWriteUsd).toBeCloseTo(2 * 2.5, 9);
    expect(cost.fallbacks).toEqual(["no-cache-write-price"]);
  });

  it("writes no more than the input the cache reads leave over", () => {
    const sonnet = fromMap("claude-sonnet-4-5");
    const cost = workloadCost(sonnet, { inputTokens: 1_000_000, outputTokens: 0, cachedPercent: 80, cacheWritePercent: 50 });
    expect(cost.inputUsd).toBe(0);
    expect(cost.cacheWriteUsd).toBeCloseTo(0.2 * 3.75, 9);
    expect(cost.cachedInputUsd).toBeCloseTo(0.8 * 0.3, 9);
  });

  it("carries the reasoning-tokens note from the model entry", () => {
    expect(workloadCost(fromMap("gpt-5", { reasoningInOutput: true }), TEN_M_IN_TWO_M_OUT).reasoningInOutput).toBe(true);
    expect(workloadCost(fromMap("gpt-4o"), TEN_M_IN_TWO_M_OUT).reasoningInOutput).toBe(false);
  });

  it("parts always add up to the total, and every input token is billed exactly once", () => {
    const sonnet = fromMap("claude-sonnet-4-5");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e8 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.option(fc.integer({ min: 1, max: 400_000 }), { nil: undefined }),
        (inputTokens, outputTokens, cachedPercent, cacheWritePercent, promptTokensPerRequest) => {
          const cost = workloadCost(sonnet, { inputTokens, outputTokens, cachedPercent, cacheWritePercent, promptTokensPerRequest });
          expect(cost.totalUsd).toBeCloseTo(cost.inputUsd + cost.cachedInputUsd + cost.cacheWriteUsd + cost.outputUsd, 6);
          const { inputPer1M, cachedInputPer1M, cacheWritePer1M } = cost.prices;
          const billedTokens = (cost.inputUsd / inputPer1M + cost.cachedInputUsd / cachedInputPer1M + cost.cacheWriteUsd / cacheWritePer1M) * 1e6;
          expect(billedTokens).toBeCloseTo(inputTokens, 0);
        },
      ),
    );
  });
});

describe("the total alone", () => {
  it("is exactly the breakdown's total for every model in the snapshot, whatever the workload's tier, cache and prompt size", () => {
    const models = [...CATALOG.values()];
    const workload = fc.record({
      inputTokens: fc.integer({ min: 0, max: 5e9 }),
      outputTokens: fc.integer({ min: 0, max: 1e9 }),
      cachedPercent: fc.integer({ min: 0, max: 100 }),
      cacheWritePercent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      promptTokensPerRequest: fc.option(fc.integer({ min: 1, max: 2e6 }), { nil: undefined }),
      batch: fc.boolean(),
      serviceTier: fc.constantFrom(undefined, "flex" as const, "priority" as const),
      offPeak: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: models.length - 1 }), workload, (index, w) => {
        const model = models[index]!;
        expect(workloadTotalUsd(model, w)).toBe(workloadCost(model, w).totalUsd);
      }),
      { numRuns: 5_000 },
    );
  });
});
