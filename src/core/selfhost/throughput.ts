import {
  activeParamSplit,
  attentionFlopsPerToken,
  kvBytesPerSequence,
  kvBytesReadPerStep,
  kvReplication,
  paramsReadPerStep,
  prefillAttentionFlops,
} from "./architecture.ts";
import { computeTflops, kvBytesPerElement, WEIGHT_BITS } from "./precision.ts";
import type { EfficiencyFactors, EngineName, FullArchitecture, Precision, ServingGpu } from "./schema.ts";

export const GPUS_PER_NODE = 8;

/** One model replica: a tensor-parallel group inside a node, or whole nodes joined by pipeline parallelism. */
export interface Replica {
  gpu: ServingGpu;
  gpus: number;
  precision: Precision;
  engine: EngineName;
}

export interface RequestShape {
  inputTokens: number;
  outputTokens: number;
}

export interface ReplicaMemory {
  weightBytes: number;
  /** memory left for KV cache across the replica after weights, at the engine's memory share */
  freeBytes: number;
  /** KV bytes of one sequence at its average decode context, replication included */
  kvBytesPerSequence: number;
  /** KV bytes of one sequence at its full length: the least a replica must hold to serve at all */
  kvBytesPerFullSequence: number;
  /** sequences the free memory holds at the average context */
  memoryBatchLimit: number;
}

export interface ReplicaEstimate {
  /** concurrent sequences decoding together in this replica */
  batch: number;
  memoryBatchLimit: number;
  /** input + output tokens per second for the replica */
  totalTokensPerSec: number;
  /** output tokens per second each user sees while decoding, prefill interruptions included */
  perUserDecodeTokensPerSec: number;
}

export function tensorParallelOf(replicaGpus: number): number {
  return Math.min(replicaGpus, GPUS_PER_NODE);
}

export function replicaMemory(arch: FullArchitecture, replica: Replica, shape: RequestShape, memoryUtilization: number): ReplicaMemory {
  const weightBytes = arch.totalParamsB * 1e9 * (WEIGHT_BITS[replica.precision] / 8);
  const capacity = replica.gpus * replica.gpu.memoryGB * 1e9 * memoryUtilization;
  const freeBytes = capacity - weightBytes;
  const kvb = kvBytesPerElement(replica.gpu, replica.precision);
  const copies = kvReplication(arch, tensorParallelOf(replica.gpus));
  // Paged KV: at steady state a sequence holds its prompt plus half its output on average.
  const kvAverage = kvBytesPerSequence(arch, shape.inputTokens + shape.outputTokens / 2, kvb) * copies;
  const kvFull = kvBytesPerSequence(arch, shape.inputTokens + shape.outputTokens, kvb) * copies;
  const memoryBatchLimit = freeBytes > 0 ? Math.floor(freeBytes / kvAverage) : 0;
  return { weightBytes, freeBytes, kvBytesPerSequence: kvAverage, kvBytesPerFullSequence: kvFull, memoryBatchLimit };
}

/** A replica can serve when its free memory holds at least one whole sequence. */
export function replicaFits(memory: ReplicaMemory): boolean {
  return memory.freeBytes >= memory.kvBytesPerFullSequence && memory.memoryBatchLimit >= 1;
}

interface StepModel {
  stepSeconds(batch: number): number;
  prefillSeconds: number;
}

function stepModel(arch: FullArchitecture, replica: Replica, shape: RequestShape, factors: EfficiencyFactors): StepModel {
  const { gpu, gpus, precision } = replica;
  const bandwidth = gpus * gpu.memoryBandwidthTBs * 1e12 * factors.bandwidthEfficiency;
  const flops = gpus * computeTflops(gpu, precision) * 1e12 * factors.computeEfficiency;
  const bytesPerWeight = WEIGHT_BITS[precision] / 8;
  const kvb = kvBytesPerElement(gpu, precision);
  const copies = kvReplication(arch, tensorParallelOf(gpus));
  const context = shape.inputTokens + shape.outputTokens / 2;
  const kvReadPerSequence = kvBytesReadPerStep(arch, context, kvb) * copies;
  // Routed experts run as many small grouped GEMMs with token dispatch: they get their own efficiency.
  const moe = factors.moeEfficiency;
  const active = activeParamSplit(arch);
  const weightedActiveB = active.sharedB + active.routedB / moe;
  const flopsPerDecodeToken = 2 * weightedActiveB * 1e9 + attentionFlopsPerToken(arch, context);
  const slowdown = (1 + factors.parallelOverheadPerDoubling * Math.log2(gpus)) / (replica.engine === "tensorrt-llm" ? 1 : factors.openEngineFactor);
  const prefillFlops = 2 * weightedActiveB * 1e9 * shape.inputTokens + prefillAttentionFlops(arch, shape.inputTokens);
  return {
    // Weights are read once per step for the whole batch; each sequence adds its KV reads and its FLOPs.
    stepSeconds: (batch) => {
      const read = paramsReadPerStep(arch, batch);
      const weightBytes = (read.sharedB + read.routedB / moe) * 1e9 * bytesPerWeight;
      return ((weightBytes + batch * kvReadPerSequence) / bandwidth + (batch * flopsPerDecodeToken) / flops) * slowdown;
    },
    prefillSeconds: (prefillFlops / flops) * slowdown,
  };
}

function steadyState(model: StepModel, batch: number, shape: RequestShape): { totalTokensPerSec: number; perUserDecodeTokensPerSec: number } {
  const step = model.stepSeconds(batch);
  // Requests per second R: decode time L_out·step/B plus prefill time per request fill each second.
  const requestsPerSec = batch / (shape.outputTokens * step + batch * model.prefillSeconds);
  const decodeShare = 1 - requestsPerSec * model.prefillSeconds;
  return {
    totalTokensPerSec: requestsPerSec * (shape.inputTokens + shape.outputTokens),
    perUserDecodeTokensPerSec: decodeShare / step,
  };
}

export interface ReplicaLimits {
  memoryUtilization: number;
  maxBatch: number;
  /** per-user decode floor (0 for batch serving) */
  minPerUserDecodeTokensPerSec: number;
}

/**
 * Throughput of one replica at the largest batch that memory, the engine's sequence limit and the
 * service level allow. Null when the replica cannot hold the weights plus one sequence.
 */
export function estimateReplica(
  arch: FullArchitecture,
  replica: Replica,
  shape: RequestShape,
  factors: EfficiencyFactors,
  limits: ReplicaLimits,
): (ReplicaEstimate & { sloMet: boolean }) | null {
  const memory = replicaMemory(arch, replica, shape, limits.memoryUtilization);
  if (!replicaFits(memory)) return null;
  const model = stepModel(arch, replica, shape, factors);
  let batch = Math.max(1, Math.min(memory.memoryBatchLimit, limits.maxBatch));
  let result = steadyState(model, batch, shape);
  let sloMet = result.perUserDecodeTokensPerSec >= limits.minPerUserDecodeTokensPerSec;
  if (!sloMet) {
    // Per-user speed falls as the batch grows: find the largest batch that still meets the floor.
    let low = 1;
    let high = batch;
    const atOne = steadyState(model, 1, shape);
    if (atOne.perUserDecodeTokensPerSec < limits.minPerUserDecodeTokensPerSec) {
      batch = 1;
      result = atOne;
    } else {
      while (high - low > 1) {
        const mid = Math.floor((low + high) / 2);
        if (steadyState(model, mid, shape).perUserDecodeTokensPerSec >= limits.minPerUserDecodeTokensPerSec) low = mid;
        else high = mid;
      }
      batch = low;
      result = steadyState(model, low, shape);
      sloMet = true;
    }
  }
  return { batch, memoryBatchLimit: memory.memoryBatchLimit, ...result, sloMet };
}
