import { describe, expect, it } from "vitest";
import type { PricedModel } from "../src/core/knowledge/schema.ts";
import { blendedPer1M, costRatio, workloadCost } from "../src/core/pricing.ts";
import { gpusForWeights, selfhostCost } from "../src/core/selfhost-math.ts";

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

describe("self-hosting math", () => {
  const base = {
    gpuHourlyUsd: 3,
    gpuCount: 2,
    gpuPowerWatts: 700,
    usdPerKwh: 0.1,
    throughputTokensPerSec: 1000,
    utilization: 0.5,
    hoursPerMonth: 730,
    apiCostPer1M: 1,
  };

  it("divides the hourly bill by the tokens served in that hour", () => {
    const result = selfhostCost(base);
    const hourly = 3 * 2 + 0.7 * 2 * 0.1;
    expect(result.hourlyUsd).toBeCloseTo(hourly);
    expect(result.selfHostCostPer1M).toBeCloseTo((hourly / (1000 * 3600 * 0.5)) * 1e6);
    expect(result.monthlyCapacityTokens).toBeCloseTo(1000 * 3600 * 0.5 * 730);
  });

  it("puts break-even where the monthly rent buys the same tokens through the API", () => {
    const result = selfhostCost(base);
    expect(result.breakEvenTokensPerMonth).toBeCloseTo((result.monthlyFixedUsd / 1) * 1e6);
    expect(result.breakEvenWithinCapacity).toBe(false);
    const cheapGpus = selfhostCost({ ...base, gpuHourlyUsd: 0.5, usdPerKwh: 0, throughputTokensPerSec: 20_000 });
    expect(cheapGpus.breakEvenWithinCapacity).toBe(true);
  });

  it("has no cost per token without a throughput figure, but still a break-even volume", () => {
    const result = selfhostCost({ ...base, throughputTokensPerSec: null });
    expect(result.selfHostCostPer1M).toBeNull();
    expect(result.breakEvenTokensPerMonth).toBeGreaterThan(0);
  });

  it("needs enough GPUs to hold the weights", () => {
    expect(gpusForWeights(70, 80)).toBe(2);
    expect(gpusForWeights(671, 80)).toBe(11);
    expect(gpusForWeights(117, 80, 4)).toBe(1);
    expect(gpusForWeights(8, 80)).toBe(1);
  });
});
