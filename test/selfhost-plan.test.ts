import { describe, expect, it } from "vitest";
import { planSelfhost, SelfhostInputError, type SelfhostRequest } from "../src/core/selfhost/plan.ts";
import { realServing } from "./selfhost-fixture.ts";

const serving = realServing();
const plan = (req: Partial<SelfhostRequest> & { modelId: string }) => planSelfhost(serving, { apiCostPer1M: 1, ...req });
const DEPLOYABLE = (n: number) => [1, 2, 4, 8].includes(n) || n % 8 === 0;

describe("precision defaults", () => {
  it.each([
    ["h100", "llama-3.3-70b", "fp8"],
    ["h200", "llama-3.3-70b", "fp8"],
    ["b200", "llama-3.3-70b", "fp4"],
    ["a100", "llama-3.3-70b", "bf16"],
    ["l40s", "llama-3.3-70b", "bf16"],
    ["mi300x", "llama-3.3-70b", "fp8"],
    ["h100", "gpt-oss-120b", "mxfp4"],
    ["a100", "deepseek-r1", "fp8"],
    ["b200", "kimi-k2-thinking", "int4"],
  ])("%s serves %s at %s", (gpu, modelId, precision) => {
    expect(plan({ modelId, gpu }).precision).toBe(precision);
  });

  it("says when the GPU only stores the precision and computes in BF16", () => {
    expect(plan({ modelId: "deepseek-r1", gpu: "a100" }).warnings).toContain("precisionWeightOnly");
    expect(plan({ modelId: "llama-3.3-70b", gpu: "h100" }).warnings).not.toContain("precisionWeightOnly");
  });

  it("uses the precision the user asks for, and says when it is below what the model ships in", () => {
    const p = plan({ modelId: "llama-3.3-70b", gpu: "b200", precision: "fp8" });
    expect(p.precision).toBe("fp8");
    expect(p.origins.precision).toBe("user");
    expect(plan({ modelId: "llama-3.1-8b", gpu: "h100", precision: "fp4" }).warnings).toContain("precisionBelowServed");
    expect(plan({ modelId: "llama-3.3-70b", gpu: "b200", precision: "fp4" }).warnings).not.toContain("precisionBelowServed");
  });
});

describe("topology", () => {
  it("puts a 70B model at FP8 on two H100s: 70.6 GB of weights do not leave KV room on one", () => {
    const p = plan({ modelId: "llama-3.3-70b", gpu: "h100" });
    expect(p.fits).toBe(true);
    expect(p.topology?.replicaGpus).toBeGreaterThanOrEqual(2);
    expect(DEPLOYABLE(p.gpu.count)).toBe(true);
  });

  it("says DeepSeek V3.2 does not fit on one 8×H100 node and needs two", () => {
    const p = plan({ modelId: "deepseek-chat", gpu: "h100", gpuCount: 8 });
    expect(p.fits).toBe(false);
    expect(p.throughputTokensPerSec).toBeNull();
    expect(p.selfHostCostPer1M).toBeNull();
    expect(p.doesNotFit?.needs[0]).toMatchObject({ gpu: "h100", gpuCount: 16, nodes: 2, precision: "fp8" });
  });

  it("offers a lower precision that would fit the GPUs asked for", () => {
    const p = plan({ modelId: "llama-3.1-405b", gpu: "a100", gpuCount: 8 });
    expect(p.fits).toBe(false);
    expect(p.doesNotFit?.needs.map((n) => n.precision)).toEqual(["bf16", "fp8"]);
    expect(p.doesNotFit?.needs[1]).toMatchObject({ gpuCount: 8, nodes: 1 });
  });

  it("splits the GPUs asked for into whole replicas and reports idle ones", () => {
    const p = plan({ modelId: "llama-3.1-8b", gpu: "h100", gpuCount: 3 });
    expect(p.topology!.replicaGpus * p.topology!.replicas + p.topology!.idleGpus).toBe(3);
    const q = plan({ modelId: "llama-3.3-70b", gpu: "h100", gpuCount: 3 });
    expect(q.topology!.idleGpus).toBe(1);
    expect(q.warnings).toContain("gpuCountNotMultipleOfReplica");
    expect(q.gpu.count).toBe(3);
  });

  it("keeps the GPU the user asked for, even when another has a measurement", () => {
    const p = plan({ modelId: "gpt-oss-20b", gpu: "a100" });
    expect(p.gpu.id).toBe("a100");
    expect(p.origins.gpu).toBe("user");
  });

  it("without a GPU, picks the cheapest per token among GPUs with a sourced price", () => {
    const p = plan({ modelId: "llama-3.3-70b" });
    expect(p.origins.gpu).toBe("cheapest");
    expect(serving.gpus.find((g) => g.id === p.gpu.id)!.rental.sourced).toBe(true);
    for (const gpu of ["h100", "h200", "b200", "a100", "mi300x"]) {
      const other = plan({ modelId: "llama-3.3-70b", gpu });
      if (other.selfHostCostPer1M !== null) expect(p.selfHostCostPer1M!).toBeLessThanOrEqual(other.selfHostCostPer1M * 1.0001);
    }
  });
});

describe("service level", () => {
  it("keeps every interactive user at or above 25 tokens/s and trades throughput for it", () => {
    const p = plan({ modelId: "llama-3.3-70b", gpu: "h100", slo: "interactive" });
    expect(p.perUserDecodeTokensPerSec!).toBeGreaterThanOrEqual(25);
    expect(p.tradeoff.batch!.throughputTokensPerSec).toBeGreaterThanOrEqual(p.tradeoff.interactive!.throughputTokensPerSec);
    expect(p.tradeoff.batch!.selfHostCostPer1M!).toBeLessThanOrEqual(p.tradeoff.interactive!.selfHostCostPer1M!);
  });

  it("batch serving reports the larger batch and the lower cost", () => {
    const i = plan({ modelId: "qwen3-235b-a22b", gpu: "h200", slo: "interactive" });
    const b = plan({ modelId: "qwen3-235b-a22b", gpu: "h200", slo: "batch" });
    expect(b.batch!).toBeGreaterThanOrEqual(i.batch!);
    expect(b.selfHostCostPer1M!).toBeLessThanOrEqual(i.selfHostCostPer1M!);
  });
});

describe("measured versus estimated", () => {
  it("labels a deployment that matches a public measurement as measured and uses its figure", () => {
    const p = plan({ modelId: "llama-3.1-8b", gpu: "h100", gpuCount: 1, slo: "batch", request: { inputTokens: 1000, outputTokens: 1000 } });
    expect(p.throughputSource).toBe("measured");
    expect(p.throughputTokensPerSec).toBe(30440);
    expect(p.measuredBy?.calibrationId).toBe("trtllm-llama31-8b-h100-1k1k");
    expect(p.estimateErrorPct).toBeNull();
  });

  it("scales a measured replica to several replicas", () => {
    const p = plan({ modelId: "llama-3.1-8b", gpu: "h100", gpuCount: 2, slo: "batch", request: { inputTokens: 1000, outputTokens: 1000 } });
    expect(p.throughputSource).toBe("measured");
    expect(p.throughputTokensPerSec).toBe(60880);
  });

  it("estimates otherwise, with its GPU family's leave-one-source-out error band", () => {
    const p = plan({ modelId: "llama-3.1-8b", gpu: "h100", gpuCount: 1, slo: "batch", request: { inputTokens: 3000, outputTokens: 300 } });
    expect(p.throughputSource).toBe("estimated");
    expect(p.uncalibrated).toBe(false);
    expect(p.estimateErrorPct).toBe(serving.fit.byFamily.hopper!.p80AbsErrorPct);
  });

  it("says uncalibrated and quotes the uncalibrated band on a GPU family without measurements (Gaudi 3, Ascend 910B)", () => {
    for (const gpu of ["gaudi3", "ascend-910b"]) {
      const p = plan({ modelId: "llama-3.1-8b", gpu, slo: "batch" });
      expect(p.warnings).toContain("noCalibrationForGpuFamily");
      expect(p.uncalibrated).toBe(true);
      expect(p.estimateErrorPct).toBe(serving.fit.uncalibratedBandPct);
    }
  });

  it("never quotes a thin family's band narrower than the worst error anywhere (L40S: one row)", () => {
    expect(serving.fit.byFamily.ada!.rows).toBeLessThan(5);
    const p = plan({ modelId: "llama-3.1-8b", gpu: "l40s", slo: "batch", request: { inputTokens: 3000, outputTokens: 300 } });
    expect(p.throughputSource).toBe("estimated");
    expect(p.estimateErrorPct).toBe(Math.max(serving.fit.byFamily.ada!.worstAbsErrorPct, serving.fit.leaveOneSourceOut.worstAbsErrorPct));
  });

  it("quotes the family's worst error where the batch is held small for interactive users", () => {
    const interactive = plan({ modelId: "qwen3-235b-a22b", gpu: "h100", slo: "interactive" });
    expect(interactive.warnings).toContain("smallBatchExtrapolated");
    expect(interactive.estimateErrorPct).toBe(serving.fit.byFamily.hopper!.worstAbsErrorPct);
  });

  it("does not count a sibling model's measurement (different weights, same geometry)", () => {
    const p = plan({ modelId: "qwen3-vl-235b-a22b", gpu: "h100", gpuCount: 8, slo: "batch", request: { inputTokens: 1000, outputTokens: 1000 } });
    expect(p.throughputSource).toBe("estimated");
  });

  it("does count the same weights under another id (deepseek-reasoner is deepseek-chat)", () => {
    expect(plan({ modelId: "deepseek-reasoner", gpu: "h200" }).architectureId).toBe("deepseek-chat");
  });
});

describe("money", () => {
  it("does not add electricity to rented GPUs: their price includes power", () => {
    const p = plan({ modelId: "llama-3.3-70b", gpu: "h100", gpuCount: 2, hourlyUsd: 2 });
    expect(p.costs!.electricityUsdPerMonth).toBe(0);
    expect(p.costs!.monthlyFixedUsd).toBeCloseTo(2 * 2 * 730, 6);
  });

  it("charges amortization plus electricity for owned GPUs", () => {
    const p = plan({ modelId: "llama-3.3-70b", gpu: "h100", gpuCount: 2, owned: { purchaseUsdPerGpu: 30000, amortizationMonths: 36, usdPerKwh: 0.1 } });
    expect(p.costs!.rentalUsdPerMonth).toBe(0);
    expect(p.costs!.amortizationUsdPerMonth).toBeCloseTo((2 * 30000) / 36, 6);
    expect(p.costs!.electricityUsdPerMonth).toBeCloseTo(2 * 0.7 * 0.1 * 730, 6);
    expect(p.origins.hourlyUsd).toBe("owned");
  });

  it("prices owned GPUs from the knowledge's purchase price when none is given, and not at all without one", () => {
    const h100 = plan({ modelId: "llama-3.3-70b", gpu: "h100", gpuCount: 2, owned: { amortizationMonths: 36 } });
    const purchase = serving.gpus.find((g) => g.id === "h100")!.purchase!.usd;
    expect(h100.costs!.amortizationUsdPerMonth).toBeCloseTo((2 * purchase) / 36, 6);
    expect(h100.costs!.electricityUsdPerMonth).toBeCloseTo(2 * 0.7 * serving.electricity.usdPerKwh * 730, 6);
    const l40s = plan({ modelId: "llama-3.1-8b", gpu: "l40s", owned: { amortizationMonths: 36 } });
    expect(l40s.selfHostCostPer1M).toBeNull();
    expect(l40s.warnings).toContain("purchasePriceMissing");
  });

  it("adds ops cost to the monthly bill", () => {
    const base = plan({ modelId: "llama-3.3-70b", gpu: "h100", gpuCount: 2 });
    const ops = plan({ modelId: "llama-3.3-70b", gpu: "h100", gpuCount: 2, opsUsdPerMonth: 5000 });
    expect(ops.costs!.monthlyFixedUsd - base.costs!.monthlyFixedUsd).toBeCloseTo(5000, 6);
  });

  it("gives a break-even volume only when one deployment can serve it", () => {
    const dear = plan({ modelId: "llama-3.3-70b", gpu: "h100", apiCostPer1M: 5 });
    expect(dear.breakEvenTokensPerMonth).not.toBeNull();
    expect(dear.breakEvenTokensPerMonth!).toBeLessThanOrEqual(dear.capacityTokensPerMonth!);
    expect(dear.apiCheaperAtFullUse).toBeNull();
    const cheap = plan({ modelId: "llama-3.3-70b", gpu: "h100", apiCostPer1M: 0.01 });
    expect(cheap.breakEvenTokensPerMonth).toBeNull();
    expect(cheap.apiCheaperAtFullUse!.byPer1M).toBeGreaterThan(0);
    expect(cheap.apiCheaperAtFullUse!.selfHostCostPer1M).toBeCloseTo(cheap.apiCheaperAtFullUse!.byPer1M + 0.01, 9);
  });

  it("computes cost per 1M from monthly cost and the tokens served at that utilization", () => {
    const p = plan({ modelId: "llama-3.3-70b", gpu: "h100", utilizationPercent: 40 });
    const tokens = p.throughputTokensPerSec! * 3600 * 730 * 0.4;
    expect(p.selfHostCostPer1M!).toBeCloseTo((p.costs!.monthlyFixedUsd / tokens) * 1e6, 9);
    expect(p.tokensPerMonth!).toBeCloseTo(tokens, 0);
  });
});

describe("the user's numbers win", () => {
  it("echoes GPU, count, price, utilization, precision and throughput as given", () => {
    const p = plan({
      modelId: "llama-3.3-70b",
      gpu: "H200 SXM",
      gpuCount: 4,
      hourlyUsd: 3.1,
      utilizationPercent: 70,
      precision: "bf16",
      throughputTokensPerSec: 12345,
    });
    expect(p.gpu).toMatchObject({ id: "h200", hourlyUsd: 3.1, count: 4 });
    expect(p.utilization).toBe(0.7);
    expect(p.precision).toBe("bf16");
    expect(p.throughputTokensPerSec).toBe(12345);
    expect(p.throughputSource).toBe("user");
    expect(p.origins).toMatchObject({ gpu: "user", gpuCount: "user", hourlyUsd: "user", utilization: "user", precision: "user", throughput: "user" });
  });

  it("still prices a deployment the memory model rejects when the user gives its GPUs and throughput", () => {
    const p = plan({ modelId: "deepseek-chat", gpu: "h100", gpuCount: 8, throughputTokensPerSec: 5000, hourlyUsd: 2 });
    expect(p.fits).toBe(false);
    expect(p.doesNotFit!.needs[0]!.gpuCount).toBe(16);
    expect(p.throughputSource).toBe("user");
    expect(p.selfHostCostPer1M!).toBeCloseTo(((8 * 2 * 730) / (5000 * 3600 * 730 * 0.5)) * 1e6, 9);
  });

  it("warns about unrealistic utilization but keeps it", () => {
    expect(plan({ modelId: "llama-3.1-8b", gpu: "h100", utilizationPercent: 95 }).warnings).toContain("utilizationAboveSustainable");
    const low = plan({ modelId: "llama-3.1-8b", gpu: "h100", utilizationPercent: 2 });
    expect(low.warnings).toContain("utilizationBelowUseful");
    expect(low.utilization).toBe(0.02);
  });

  it("derives utilization from a monthly volume and adds deployments when one is not enough", () => {
    const one = plan({ modelId: "llama-3.1-8b", gpu: "h100", gpuCount: 1 });
    const p = plan({ modelId: "llama-3.1-8b", gpu: "h100", gpuCount: 1, tokensPerMonth: one.capacityTokensPerMonth! * 0.3 });
    expect(p.utilization).toBeCloseTo(0.3, 9);
    expect(p.origins.utilization).toBe("volume");
    const big = plan({ modelId: "llama-3.1-8b", gpu: "h100", gpuCount: 1, tokensPerMonth: one.capacityTokensPerMonth! * 2.5 });
    expect(big.deploymentsForVolume).toBe(3);
    expect(big.utilization).toBeCloseTo(2.5 / 3, 9);
    expect(big.warnings).toContain("volumeNeedsMoreDeployments");
  });

  it("rejects unknown models and GPUs and out-of-range numbers", () => {
    expect(() => plan({ modelId: "gpt-5" })).toThrow(SelfhostInputError);
    expect(() => plan({ modelId: "llama-3.1-8b", gpu: "tpu-v5" })).toThrow(/unknownGpu/);
    expect(() => plan({ modelId: "llama-3.1-8b", utilizationPercent: 0 })).toThrow(/badNumber/);
    expect(() => plan({ modelId: "llama-3.1-8b", utilizationPercent: 101 })).toThrow(/badNumber/);
    expect(() => plan({ modelId: "llama-3.1-8b", gpuCount: 1.5 })).toThrow(/badNumber/);
  });
});

describe("issue 25: engines, GPU names, does-not-fit, consistent service levels", () => {
  it("runs vLLM by default with plain tensor parallel and BF16 KV for a MoE; SGLang and TensorRT-LLM with attention data parallel", () => {
    const vllm = plan({ modelId: "deepseek-chat", gpu: "h200", gpuCount: 8, slo: "batch", request: { inputTokens: 1000, outputTokens: 2000 } });
    const sglang = plan({ modelId: "deepseek-chat", gpu: "h200", gpuCount: 8, slo: "batch", engine: "sglang", request: { inputTokens: 1000, outputTokens: 2000 } });
    expect(vllm.engine).toBe("vllm");
    expect(vllm.engineSettings).toEqual({ attentionDataParallel: false, expertParallel: false, kvCache: "bf16" });
    expect(sglang.engineSettings.attentionDataParallel).toBe(true);
    expect(vllm.topology?.attentionDataParallel).toBe(false);
    // MLA's latent is copied on every GPU without attention data parallel: fewer sequences fit, less throughput
    expect(sglang.throughputTokensPerSec!).toBeGreaterThan(vllm.throughputTokensPerSec!);
    const trt = plan({ modelId: "deepseek-chat", gpu: "h200", gpuCount: 8, engine: "tensorrt-llm" });
    expect(trt.engineSettings).toEqual({ attentionDataParallel: true, expertParallel: true, kvCache: "fp8" });
  });

  it("falls back to vLLM, and says so, where the engine does not run (TensorRT-LLM on MI300X, or FP8 on A100)", () => {
    const p = plan({ modelId: "llama-3.3-70b", gpu: "mi300x", engine: "tensorrt-llm" });
    expect(p.engine).toBe("vllm");
    expect(p.warnings).toContain("engineNotOnGpu");
    const fp8OnA100 = plan({ modelId: "deepseek-r1", gpu: "a100", engine: "tensorrt-llm" });
    expect(fp8OnA100.precision).toBe("fp8");
    expect(fp8OnA100.engine).toBe("vllm");
    const bf16OnA100 = plan({ modelId: "llama-3.3-70b", gpu: "a100", engine: "tensorrt-llm" });
    expect(bf16OnA100.engine).toBe("tensorrt-llm");
    expect(bf16OnA100.warnings).not.toContain("engineNotOnGpu");
  });

  it("tells the 40 GB A100 from the 80 GB one", () => {
    const small = plan({ modelId: "qwen3-32b", gpu: "A100 40GB", slo: "batch" });
    const big = plan({ modelId: "qwen3-32b", gpu: "a100", slo: "batch" });
    expect(small.gpu.id).toBe("a100-40gb");
    expect(big.gpu.id).toBe("a100");
    expect(small.topology!.replicaGpus).toBeGreaterThan(big.topology!.replicaGpus);
  });

  it("offers the INT4 weights a model publishes when it does not fit (Qwen3-30B-A3B on one RTX 4090)", () => {
    const p = plan({ modelId: "qwen3-30b-a3b", gpu: "rtx-4090", gpuCount: 1 });
    expect(p.fits).toBe(false);
    const int4 = p.doesNotFit!.needs.find((n) => n.precision === "int4");
    expect(int4).toMatchObject({ gpuCount: 1, beyondPlannerLimit: false });
    // a model without published 4-bit weights is not offered INT4
    expect(plan({ modelId: "llama-3.3-70b", gpu: "rtx-4090", gpuCount: 1 }).doesNotFit!.needs.some((n) => n.precision === "int4")).toBe(false);
  });

  it("gives the same interactive and batch figures whichever service level is asked (405B on 8 × H200)", () => {
    const asked = (slo: "interactive" | "batch") => plan({ modelId: "llama-3.1-405b", gpu: "h200", gpuCount: 8, slo });
    const a = asked("interactive").tradeoff;
    const b = asked("batch").tradeoff;
    expect(a.interactive!.throughputTokensPerSec).toBe(b.interactive!.throughputTokensPerSec);
    expect(a.batch!.throughputTokensPerSec).toBe(b.batch!.throughputTokensPerSec);
    expect(asked("batch").throughputTokensPerSec).toBe(b.batch!.throughputTokensPerSec);
  });

  it("gives a time to first token that grows with the prompt", () => {
    const short = plan({ modelId: "llama-3.3-70b", gpu: "h100", gpuCount: 4, request: { inputTokens: 1000, outputTokens: 500 } });
    const long = plan({ modelId: "llama-3.3-70b", gpu: "h100", gpuCount: 4, request: { inputTokens: 32000, outputTokens: 500 } });
    expect(long.ttftSeconds!).toBeGreaterThan(short.ttftSeconds! * 5);
  });

  it.each(["a100-40gb", "l4", "a10g", "rtx-5090", "h20", "h800", "gb200", "mi325x", "gaudi3", "ascend-910b"])("answers on %s for a model that fits it", (gpu) => {
    const p = plan({ modelId: "llama-3.1-8b", gpu });
    expect(p.fits).toBe(true);
    expect(p.throughputTokensPerSec!).toBeGreaterThan(0);
  });
});
