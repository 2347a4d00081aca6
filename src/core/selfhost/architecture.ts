import type { FullArchitecture, ServingKnowledge } from "./schema.ts";

export interface ResolvedArchitecture extends FullArchitecture {
  /** the entry the facts come from (differs for sameWeightsAs aliases) */
  id: string;
}

/**
 * The id measurements are filed under: the weights' own entry. sameWeightsAs follows to the target;
 * sameArchitectureAs keeps its own id (other weights, so the sibling's measurements do not apply).
 */
export function architectureIdOf(serving: ServingKnowledge, modelId: string): string | null {
  const entry = serving.architectures[modelId];
  if (!entry) return null;
  return "sameWeightsAs" in entry ? entry.sameWeightsAs : modelId;
}

/** The architecture for a model id, following aliases; null when the knowledge has none. */
export function resolveArchitecture(serving: ServingKnowledge, modelId: string): ResolvedArchitecture | null {
  const entry = serving.architectures[modelId];
  if (!entry) return null;
  if ("layers" in entry) return { ...entry, id: modelId };
  const targetId = "sameWeightsAs" in entry ? entry.sameWeightsAs : entry.sameArchitectureAs;
  const target = serving.architectures[targetId];
  if (!target || !("layers" in target)) return null;
  if ("sameWeightsAs" in entry) return { ...target, id: targetId };
  return {
    ...target,
    id: modelId,
    name: entry.name,
    maxContext: entry.maxContext ?? target.maxContext,
    source: entry.source,
    asOf: entry.asOf,
    ...(entry.note ? { note: entry.note } : {}),
  };
}

function activeParamsB(arch: FullArchitecture): number {
  return arch.activeParamsB ?? arch.totalParamsB;
}

/**
 * Splits a MoE into always-read parameters and one routed expert (summed over its layers), from
 * total = shared + E·e and active = shared + k·e.
 */
function expertSplit(arch: FullArchitecture): { sharedParamsB: number; expertParamsB: number; experts: number; activeExperts: number } | null {
  if (!arch.moe) return null;
  const { experts, activeExperts } = arch.moe;
  const active = activeParamsB(arch);
  const expertParamsB = (arch.totalParamsB - active) / (experts - activeExperts);
  return { sharedParamsB: active - activeExperts * expertParamsB, expertParamsB, experts, activeExperts };
}

/** Parameters, in billions, that are always used (dense part) and routed-expert ones, for `read` per step and `active` per token. */
export interface ParamSplit {
  sharedB: number;
  routedB: number;
}

/**
 * Parameters read from memory in one decode step of `batch` sequences. Routing is taken as uniform
 * and independent per token (no expert locality), so a layer touches E·(1 − (1 − k/E)^B) distinct experts.
 */
export function paramsReadPerStep(arch: FullArchitecture, batch: number): ParamSplit {
  const split = expertSplit(arch);
  if (!split) return { sharedB: arch.totalParamsB, routedB: 0 };
  const touched = split.experts * (1 - (1 - split.activeExperts / split.experts) ** Math.max(1, batch));
  return { sharedB: split.sharedParamsB, routedB: touched * split.expertParamsB };
}

/** Parameters each token multiplies through. */
export function activeParamSplit(arch: FullArchitecture): ParamSplit {
  const split = expertSplit(arch);
  if (!split) return { sharedB: arch.totalParamsB, routedB: 0 };
  return { sharedB: split.sharedParamsB, routedB: split.activeExperts * split.expertParamsB };
}

function fullAttentionLayers(arch: FullArchitecture): number {
  return arch.layers - (arch.slidingWindow?.layers ?? 0) - (arch.linearAttention?.layers ?? 0);
}

/** KV bytes one layer stores per cached token (before any replication across GPUs). */
function kvBytesPerTokenPerLayer(arch: FullArchitecture, kvBytesPerElement: number): number {
  const a = arch.attention;
  if (a.kind === "gqa") return a.kvHeads * a.headDim * 2 * kvBytesPerElement;
  return (a.kvLoraRank + a.qkRopeHeadDim + (a.indexerHeadDim ?? 0)) * kvBytesPerElement;
}

/** Cache bytes one sequence holds at `context` tokens: full layers grow, windowed layers cap, linear layers are fixed. */
export function kvBytesPerSequence(arch: FullArchitecture, context: number, kvBytesPerElement: number): number {
  const perLayer = kvBytesPerTokenPerLayer(arch, kvBytesPerElement);
  const windowed = arch.slidingWindow ? arch.slidingWindow.layers * Math.min(context, arch.slidingWindow.window) : 0;
  const linear = arch.linearAttention ? arch.linearAttention.layers * arch.linearAttention.stateBytesPerLayer : 0;
  return perLayer * (fullAttentionLayers(arch) * context + windowed) + linear;
}

/**
 * Cache bytes one decode step reads for one sequence. DeepSeek Sparse Attention scans every indexer
 * key but reads the latent of only its top-k positions.
 */
export function kvBytesReadPerStep(arch: FullArchitecture, context: number, kvBytesPerElement: number): number {
  const a = arch.attention;
  if (a.kind === "mla" && a.sparseTopK !== undefined) {
    const latent = (a.kvLoraRank + a.qkRopeHeadDim) * kvBytesPerElement * Math.min(context, a.sparseTopK);
    const index = (a.indexerHeadDim ?? 0) * kvBytesPerElement * context;
    return fullAttentionLayers(arch) * (latent + index);
  }
  return kvBytesPerSequence(arch, context, kvBytesPerElement);
}

/**
 * Copies of the KV cache kept across a tensor-parallel group. Without attention data parallelism,
 * GQA heads are split across GPUs and replicated once the group is wider than the KV heads, and MLA's
 * single latent is replicated on every GPU. With attention data parallelism (SGLang
 * --enable-dp-attention, TensorRT-LLM DEP, vLLM DP+EP) each GPU holds its own sequences: no copies.
 */
export function kvReplication(arch: FullArchitecture, tensorParallel: number, attentionDataParallel: boolean): number {
  if (attentionDataParallel) return 1;
  if (arch.attention.kind === "mla") return tensorParallel;
  return tensorParallel / Math.min(tensorParallel, arch.attention.kvHeads);
}

/**
 * Attention FLOPs for one new token attending to `context` earlier tokens (QK and AV). MLA decodes in
 * the absorbed form: every head scores against the 576-wide latent and sums the 512-wide values.
 */
export function attentionFlopsPerToken(arch: FullArchitecture, context: number): number {
  const a = arch.attention;
  const width = a.kind === "mla" ? (a.queryHeads * (2 * a.kvLoraRank + a.qkRopeHeadDim)) / 2 : a.queryHeads * a.headDim;
  const attended = a.kind === "mla" && a.sparseTopK !== undefined ? Math.min(context, a.sparseTopK) : context;
  const windowed = arch.slidingWindow ? arch.slidingWindow.layers * Math.min(context, arch.slidingWindow.window) : 0;
  return 4 * width * (fullAttentionLayers(arch) * attended + windowed);
}

/**
 * Attention FLOPs to prefill a whole prompt of `length` tokens (causal: on average half the prompt is
 * attended). MLA prefills un-absorbed, with its ordinary query/key head width.
 */
export function prefillAttentionFlops(arch: FullArchitecture, length: number): number {
  const a = arch.attention;
  const half = length / 2;
  const attended = a.kind === "mla" && a.sparseTopK !== undefined ? Math.min(half, a.sparseTopK) : half;
  const windowed = arch.slidingWindow ? arch.slidingWindow.layers * Math.min(half, arch.slidingWindow.window) : 0;
  return length * 4 * a.queryHeads * a.headDim * (fullAttentionLayers(arch) * attended + windowed);
}
