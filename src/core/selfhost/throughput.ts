import { activeParamSplit, attentionFlopsPerToken, kvBytesPerSequence, kvBytesReadPerStep, kvReplication, paramsReadPerStep, prefillAttentionFlops } from "./architecture.ts";
import { computeTflops, kvBytesPerElement, WEIGHT_BITS } from "./precision.ts";
import type { EfficiencyFactors, EngineName, FullArchitecture, Precision, ServingGpu } from "./schema.ts";

export const GPUS_PER_NODE = 8;

/** One model replica: a tensor-parallel group inside a node, or whole nodes joined by pipeline parallelism. */
export interface Replica {
  gpu: ServingGpu;
  gpus: number;
  precision: Precision;
  engine: EngineName;
  /** KV cache element type; FP8 where the GPU has it and the weights are 8-bit or less when absent */
  kvCache?: KvCacheType;
  /** attention data parallel + expert parallel across the replica's GPUs (no KV copies) */
  attentionDataParallel: boolean;
}

type KvCacheType = "bf16" | "fp8";

function kvElementBytes(replica: Replica): number {
  if (replica.kvCache) return replica.kvCache === "fp8" ? 1 : 2;
  return kvBytesPerElement(replica.gpu, replica.precision);
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
  /** seconds from a prompt's admission to its first token at this batch (queueing excluded) */
  ttftSeconds: number;
}

export function tensorParallelOf(replicaGpus: number): number {
  return Math.min(replicaGpus, GPUS_PER_NODE);
}

const MAX_ACHIEVED_SHARE = 0.95;

/** How an engine shares each GPU's memory: its share, and the activation workspace kept out of it. */
export interface MemoryPolicy {
  memoryUtilization: number;
  activationReserveGBPerGpu: number;
}

export function replicaMemory(arch: FullArchitecture, replica: Replica, shape: RequestShape, policy: MemoryPolicy): ReplicaMemory {
  const weightBytes = arch.totalParamsB * 1e9 * (WEIGHT_BITS[replica.precision] / 8);
  const capacity = replica.gpus * (replica.gpu.memoryGB * policy.memoryUtilization - policy.activationReserveGBPerGpu) * 1e9;
  const freeBytes = capacity - weightBytes;
  const kvb = kvElementBytes(replica);
  const copies = kvReplication(arch, tensorParallelOf(replica.gpus), replica.attentionDataParallel);
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
  /** seconds per forward step that advances `batch` decoding sequences by one token each */
  stepSeconds(batch: number): number;
  /** seconds to prefill one whole prompt on the replica's compute alone */
  promptPrefillSeconds: number;
}

/** Achieved shares of peak: the fitted Hopper share times the family's, never above 95%. */
function achievedShares(factors: EfficiencyFactors, gpu: ServingGpu): { bandwidth: number; compute: number } {
  return {
    bandwidth: Math.min(MAX_ACHIEVED_SHARE, factors.bandwidthEfficiency * (factors.familyDecode[gpu.family] ?? 1)),
    compute: Math.min(MAX_ACHIEVED_SHARE, factors.computeEfficiency * (factors.familyPrefill[gpu.family] ?? 1)),
  };
}

/**
 * One forward step of a chunked-prefill engine (vLLM V1, SGLang, TensorRT-LLM): the B decoding
 * sequences each add a token, and prompt chunks ride in the same step. In steady state every request
 * needs L_in prefill tokens per L_out decode steps, so a step carries B·L_in/L_out prompt tokens.
 * Decode is bandwidth-bound (weights and KV read at the family's achieved bandwidth); prefill is
 * compute-bound (prompt FLOPs at the family's achieved compute); the two add (no overlap assumed).
 */
function stepModel(arch: FullArchitecture, replica: Replica, shape: RequestShape, factors: EfficiencyFactors): StepModel {
  const { gpu, gpus, precision } = replica;
  const shares = achievedShares(factors, gpu);
  const bandwidth = gpus * gpu.memoryBandwidthTBs * 1e12 * shares.bandwidth;
  const flops = gpus * computeTflops(gpu, precision) * 1e12 * shares.compute;
  const bytesPerWeight = WEIGHT_BITS[precision] / 8;
  const kvb = kvElementBytes(replica);
  // Attention multiplies activations by the KV cache: FP8 where the cache is FP8, else BF16, whatever the weights are.
  const attentionFlops = gpus * computeTflops(gpu, kvb === 1 ? "fp8" : "bf16") * 1e12 * shares.compute;
  const copies = kvReplication(arch, tensorParallelOf(gpus), replica.attentionDataParallel);
  const context = shape.inputTokens + shape.outputTokens / 2;
  const kvReadPerSequence = kvBytesReadPerStep(arch, context, kvb) * copies;
  // Routed experts run as many small grouped GEMMs with token dispatch: they get their own efficiency.
  const moe = factors.moeEfficiency;
  const active = activeParamSplit(arch);
  const linearFlopsPerToken = 2 * (active.sharedB + active.routedB / moe) * 1e9;
  const promptTokensPerDecodeToken = shape.inputTokens / shape.outputTokens;
  // seconds of compute per decoded token and per whole prompt, linear layers and attention each at their own rate
  const decodeComputePerToken = linearFlopsPerToken / flops + attentionFlopsPerToken(arch, context) / attentionFlops;
  const promptCompute = (shape.inputTokens * linearFlopsPerToken) / flops + prefillAttentionFlops(arch, shape.inputTokens) / attentionFlops;
  const slowdown = (1 + factors.parallelOverheadPerDoubling * Math.log2(gpus)) / factors.engineFactor[replica.engine];
  // Tensor parallelism exchanges every token's hidden state twice per layer (ring all-reduce moves
  // 2·(tp−1)/tp of it per GPU). Over NVLink this is small; over PCIe (L40S) it dominates.
  const tp = tensorParallelOf(gpus);
  const linkBytesPerSecond = gpu.interconnectGBs * 1e9 * shares.bandwidth;
  // With attention data parallel + expert parallel there is no all-reduce: each token's hidden state goes
  // to its experts' GPUs and back (dispatch + combine), (tp−1)/tp of it off-GPU — half the all-reduce volume.
  const exchangedPerToken = replica.attentionDataParallel ? (tp - 1) / tp : (2 * (tp - 1)) / tp;
  const commSecondsPerToken = tp > 1 ? (arch.layers * 2 * arch.hiddenSize * 2 * exchangedPerToken) / linkBytesPerSecond : 0;
  const tokensPerSequencePerStep = 1 + promptTokensPerDecodeToken;
  // The latency of the two all-reduces per layer that tensor parallelism adds, paid once per step, and
  // the engine's scheduler cost (batching, sampling, detokenizing), paid per sequence per step.
  const fixedSecondsPerStep = tp > 1 ? arch.layers * 2 * factors.allReduceLatencyUs * 1e-6 : 0;
  const perSequenceSeconds = factors.schedulerUsPerSequence[replica.engine] * 1e-6;
  return {
    stepSeconds: (batch) => {
      const read = paramsReadPerStep(arch, batch);
      const weightBytes = (read.sharedB + read.routedB / moe) * 1e9 * bytesPerWeight;
      const decode = (weightBytes + batch * kvReadPerSequence) / bandwidth + batch * decodeComputePerToken;
      const prefill = (batch * promptTokensPerDecodeToken * promptCompute) / shape.inputTokens;
      const comm = batch * tokensPerSequencePerStep * commSecondsPerToken;
      // a request's own CPU cost (tokenizing, admission, detokenizing), spread over its output steps
      const requests = (batch / shape.outputTokens) * factors.requestOverheadMs * 1e-3;
      return (decode + prefill + comm) * slowdown + fixedSecondsPerStep + batch * perSequenceSeconds + requests;
    },
    promptPrefillSeconds: (promptCompute + shape.inputTokens * commSecondsPerToken) * slowdown,
  };
}

/** Tokens a chunked-prefill step takes from one prompt (vLLM V1's default long-prefill budget). */
const PREFILL_CHUNK_TOKENS = 8192;

function steadyState(model: StepModel, batch: number, shape: RequestShape): { totalTokensPerSec: number; perUserDecodeTokensPerSec: number; ttftSeconds: number } {
  const step = model.stepSeconds(batch);
  return {
    totalTokensPerSec: (batch * (shape.inputTokens + shape.outputTokens)) / shape.outputTokens / step,
    perUserDecodeTokensPerSec: 1 / step,
    // A new prompt is prefilled in chunks that share steps with the running batch: its own compute,
    // plus one batch step per chunk. Queueing before admission is not included.
    ttftSeconds: model.promptPrefillSeconds + Math.ceil(shape.inputTokens / PREFILL_CHUNK_TOKENS) * step,
  };
}

export interface ReplicaLimits extends MemoryPolicy {
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
  const memory = replicaMemory(arch, replica, shape, limits);
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
