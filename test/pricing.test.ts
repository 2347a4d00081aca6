import { describe, expect, it } from "vitest";
import type { PricedModel } from "../src/core/knowledge/schema.ts";
import { blendedPer1M, costRatio, workloadCost } from "../src/core/pricing/pricing.ts";

const model = (prices: Partial<PricedModel>): PricedModel => ({
  id: "m",
  name: "M",
  provider: "P",
  tier: "balanced",
  aliases: [],
  aliasesZh: [],
  capabilities: [],
  openWeights: false,
  featured: false,
  inputPer1M: 2,
  outputPer1M: 8,
  contextWindow: 100_000,
  maxOutput: 8_000,
  source: "s",
  asOf: "2026-01-01",
  ...prices,
});

describe("workload cost", () => {
  it("bills input and output per million tokens", () => {
    const cost = workloadCost(model({}), { inputTokens: 10_000_000, outputTokens: 2_000_000, cachedPercent: 0 });
    expect(cost.inputUsd).toBeCloseTo(20);
    expect(cost.outputUsd).toBeCloseTo(16);
    expect(cost.totalUsd).toBeCloseTo(36);
  });

  it("bills the cached share at the cached price", () => {
    const cost = workloadCost(model({ cachedInputPer1M: 0.2 }), { inputTokens: 1_000_000, outputTokens: 0, cachedPercent: 50 });
    expect(cost.inputUsd).toBeCloseTo(1);
    expect(cost.cachedInputUsd).toBeCloseTo(0.1);
    expect(cost.cachedAtInputPrice).toBe(false);
  });

  it("bills cached tokens at the input price when no cached price is known, and says so", () => {
    const cost = workloadCost(model({}), { inputTokens: 1_000_000, outputTokens: 0, cachedPercent: 50 });
    expect(cost.totalUsd).toBeCloseTo(2);
    expect(cost.cachedAtInputPrice).toBe(true);
  });

  it("blends input and output in the workload's proportion", () => {
    expect(blendedPer1M(model({}), { inputTokens: 3, outputTokens: 1, cachedPercent: 0 })).toBeCloseTo((3 * 2 + 8) / 4);
  });

  it("compares costs as a ratio, and refuses to divide by a free model", () => {
    expect(costRatio(2, 20)).toBe(10);
    expect(costRatio(0, 20)).toBeNull();
  });
});
