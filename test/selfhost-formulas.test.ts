import { describe, expect, it } from "vitest";
import {
  activeParamSplit,
  kvBytesPerSequence,
  kvBytesReadPerStep,
  kvReplication,
  paramsReadPerStep,
  resolveArchitecture,
  type ResolvedArchitecture,
} from "../src/core/selfhost/architecture.ts";
import { estimateReplica, replicaMemory, type Replica } from "../src/core/selfhost/throughput.ts";
import type { ServingGpu } from "../src/core/selfhost/schema.ts";
import { realServing } from "./selfhost-fixture.ts";

const serving = realServing();
const arch = (id: string): ResolvedArchitecture => resolveArchitecture(serving, id)!;
const gpu = (id: string): ServingGpu => serving.gpus.find((g) => g.id === id)!;
const limits = { memoryUtilization: 0.9, activationReserveGBPerGpu: 2, maxBatch: 1024, minPerUserDecodeTokensPerSec: 0 };
const replica = (g: string, gpus: number, precision: Replica["precision"], extra: Partial<Replica> = {}): Replica => ({
  gpu: gpu(g),
  gpus,
  precision,
  engine: "vllm",
  attentionDataParallel: false,
  ...extra,
});

describe("KV cache per sequence", () => {
  it("is layers × KV heads × head dim × 2 × bytes × tokens for grouped-query attention", () => {
    // Llama 3.1 8B: 32 layers, 8 KV heads of 128, BF16 → 131,072 bytes per token
    expect(kvBytesPerSequence(arch("llama-3.1-8b"), 1000, 2)).toBe(32 * 8 * 128 * 2 * 2 * 1000);
  });

  it("stores one compressed latent per layer for MLA, far less than full heads would", () => {
    // DeepSeek-R1: 61 layers × (512 + 64) latent
    expect(kvBytesPerSequence(arch("deepseek-r1"), 1000, 1)).toBe(61 * 576 * 1000);
    // V3.2 adds the 128-wide indexer key
    expect(kvBytesPerSequence(arch("deepseek-chat"), 1000, 1)).toBe(61 * (576 + 128) * 1000);
  });

  it("caps sliding-window layers at their window (gpt-oss alternates 128-token windows)", () => {
    const a = arch("gpt-oss-120b");
    const perToken = 8 * 64 * 2 * 2;
    expect(kvBytesPerSequence(a, 100_000, 2)).toBe(perToken * (18 * 100_000 + 18 * 128));
  });

  it("keeps a fixed recurrent state in linear-attention layers (Qwen3-Next), growing only with its 12 attention layers", () => {
    const a = arch("qwen3-next-80b");
    const growth = kvBytesPerSequence(a, 20_000, 2) - kvBytesPerSequence(a, 10_000, 2);
    expect(growth).toBe(12 * 2 * 256 * 2 * 2 * 10_000);
  });

  it("makes DeepSeek Sparse Attention read only the top-2048 latents per step", () => {
    const a = arch("deepseek-chat");
    expect(kvBytesReadPerStep(a, 100_000, 1)).toBeLessThan(kvBytesPerSequence(a, 100_000, 1) / 3);
  });

  it("replicates KV heads once tensor parallel is wider than them, unless attention is data parallel", () => {
    expect(kvReplication(arch("qwen3-235b-a22b"), 8, false)).toBe(2); // 4 KV heads over 8 GPUs
    expect(kvReplication(arch("llama-3.3-70b"), 8, false)).toBe(1);
    expect(kvReplication(arch("deepseek-r1"), 8, false)).toBe(8);
    expect(kvReplication(arch("deepseek-r1"), 8, true)).toBe(1);
  });
});

describe("MoE reads", () => {
  it("reads only the active experts for one sequence and nearly all experts for a large batch", () => {
    const a = arch("deepseek-r1");
    const one = paramsReadPerStep(a, 1);
    const active = activeParamSplit(a);
    expect(one.sharedB + one.routedB).toBeCloseTo(37, 5);
    expect(active.sharedB + active.routedB).toBeCloseTo(37, 5);
    const many = paramsReadPerStep(a, 4096);
    expect(many.sharedB + many.routedB).toBeCloseTo(671, 0);
  });

  it("reads every parameter of a dense model at any batch", () => {
    expect(paramsReadPerStep(arch("llama-3.3-70b"), 1)).toEqual({ sharedB: 70.6, routedB: 0 });
  });
});

describe("throughput physics", () => {
  const shape = { inputTokens: 1000, outputTokens: 1000 };

  it("fills memory left after the weights with KV cache: more GPUs, bigger batch", () => {
    const small = replicaMemory(arch("llama-3.3-70b"), replica("h100", 2, "fp8"), shape, limits);
    const large = replicaMemory(arch("llama-3.3-70b"), replica("h100", 4, "fp8"), shape, limits);
    expect(small.weightBytes).toBeCloseTo(70.6e9, -6);
    expect(large.memoryBatchLimit).toBeGreaterThan(2 * small.memoryBatchLimit);
  });

  it("speeds decode-heavy work with memory bandwidth (H200 over H100, same compute)", () => {
    const decodeHeavy = { inputTokens: 100, outputTokens: 2000 };
    const oneSeq = { ...limits, maxBatch: 1 };
    const h100 = estimateReplica(arch("llama-3.1-8b"), replica("h100", 1, "fp8"), decodeHeavy, serving.fit.factors, oneSeq)!;
    const h200 = estimateReplica(arch("llama-3.1-8b"), replica("h200", 1, "fp8"), decodeHeavy, serving.fit.factors, oneSeq)!;
    const ratio = h200.perUserDecodeTokensPerSec / h100.perUserDecodeTokensPerSec;
    expect(ratio).toBeGreaterThan(1.3);
    expect(ratio).toBeLessThan(4.8 / 3.35 + 0.01);
  });

  it("speeds prefill-heavy work with compute (FP8 over BF16 on the same H100)", () => {
    const prefillHeavy = { inputTokens: 8000, outputTokens: 50 };
    const bf16 = estimateReplica(arch("llama-3.1-8b"), replica("h100", 1, "bf16"), prefillHeavy, serving.fit.factors, limits)!;
    const fp8 = estimateReplica(arch("llama-3.1-8b"), replica("h100", 1, "fp8"), prefillHeavy, serving.fit.factors, limits)!;
    expect(fp8.totalTokensPerSec / bf16.totalTokensPerSec).toBeGreaterThan(1.5);
  });

  it("trades per-user speed for total throughput as the batch grows", () => {
    const a = arch("llama-3.3-70b");
    const r = replica("h100", 2, "fp8");
    const at = (maxBatch: number) => estimateReplica(a, r, shape, serving.fit.factors, { ...limits, maxBatch })!;
    expect(at(64).totalTokensPerSec).toBeGreaterThan(at(8).totalTokensPerSec);
    expect(at(64).perUserDecodeTokensPerSec).toBeLessThan(at(8).perUserDecodeTokensPerSec);
  });

  it("caps the batch so every user keeps the interactive floor", () => {
    const e = estimateReplica(arch("llama-3.3-70b"), replica("h100", 2, "fp8"), shape, serving.fit.factors, { ...limits, minPerUserDecodeTokensPerSec: 25 })!;
    expect(e.sloMet).toBe(true);
    expect(e.perUserDecodeTokensPerSec).toBeGreaterThanOrEqual(25);
    const one = estimateReplica(arch("llama-3.3-70b"), replica("h100", 2, "fp8"), shape, serving.fit.factors, { ...limits, maxBatch: e.batch + 1 })!;
    expect(one.perUserDecodeTokensPerSec).toBeLessThan(25);
  });

  it("returns nothing for a replica that cannot hold the weights", () => {
    expect(estimateReplica(arch("llama-3.1-405b"), replica("h100", 4, "fp8"), shape, serving.fit.factors, limits)).toBeNull();
  });
});
