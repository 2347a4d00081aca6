import type { ResolvedArchitecture } from "./architecture.ts";
import { lowerPrecisions } from "./precision.ts";
import type { EfficiencyFactors, EngineName, EngineProfile, Precision, ServingGpu } from "./schema.ts";
import {
  estimateReplica,
  GPUS_PER_NODE,
  replicaFits,
  replicaMemory,
  tensorParallelOf,
  type MemoryPolicy,
  type Replica,
  type ReplicaEstimate,
  type ReplicaLimits,
  type RequestShape,
} from "./throughput.ts";

/**
 * Deployable replica sizes: tensor parallel 1, 2, 4 or 8 inside a node, then whole 8-GPU nodes
 * (pipeline or multi-node parallelism) up to `maxNodes`.
 */
function replicaSizes(gpu: ServingGpu, maxNodes: number): number[] {
  const inNode = [1, 2, 4, 8].filter((n) => n <= Math.min(GPUS_PER_NODE, gpu.maxTensorParallel ?? GPUS_PER_NODE));
  const nodes = Array.from({ length: Math.max(0, maxNodes - 1) }, (_, i) => (i + 2) * GPUS_PER_NODE);
  return [...inNode, ...nodes];
}

/** The engine a deployment runs and what it does by default (serving.yaml engines). */
export interface EngineChoice extends Pick<EngineProfile, "attentionDataParallelForMoe" | "kvCache"> {
  name: EngineName;
}

function makeReplica(arch: ResolvedArchitecture, gpu: ServingGpu, gpus: number, precision: Precision, engine: EngineChoice): Replica {
  // Attention data parallel + expert parallel only where the engine does it for MoE models (SGLang's
  // and TensorRT-LLM's recipes); vLLM's default is plain tensor parallel, with KV copies for MLA.
  return {
    gpu,
    gpus,
    precision,
    engine: engine.name,
    attentionDataParallel: arch.moe !== undefined && gpus > 1 && engine.attentionDataParallelForMoe,
    ...(engine.kvCache === "model" ? { kvCache: "bf16" as const } : {}),
  };
}

/** The smallest deployable replica that holds the weights plus one whole sequence; null beyond `maxNodes`. */
function smallestReplica(
  arch: ResolvedArchitecture,
  gpu: ServingGpu,
  precision: Precision,
  engine: EngineChoice,
  shape: RequestShape,
  policy: MemoryPolicy,
  maxNodes: number,
): number | null {
  for (const size of replicaSizes(gpu, maxNodes)) {
    if (replicaFits(replicaMemory(arch, makeReplica(arch, gpu, size, precision, engine), shape, policy))) return size;
  }
  return null;
}

/** GPUs the weights alone would need, rounded up to whole nodes: used to say how far out of reach a model is. */
function nodesForWeights(arch: ResolvedArchitecture, gpu: ServingGpu, precision: Precision, engine: EngineChoice, shape: RequestShape, policy: MemoryPolicy): number {
  const probe = replicaMemory(arch, makeReplica(arch, gpu, GPUS_PER_NODE, precision, engine), shape, policy);
  const perNode = probe.freeBytes + probe.weightBytes;
  return Math.max(1, Math.ceil((probe.weightBytes + probe.kvBytesPerFullSequence) / perNode));
}

export interface Need {
  gpu: string;
  gpuCount: number;
  nodes: number;
  precision: Precision;
  /** beyond the largest deployment the planner proposes (maxNodes) */
  beyondPlannerLimit: boolean;
}

/** What would serve the model on this GPU: at the asked precision, then at each lower one the GPU computes natively. */
export function needsFor(
  arch: ResolvedArchitecture,
  gpu: ServingGpu,
  precision: Precision,
  engine: EngineChoice,
  shape: RequestShape,
  policy: MemoryPolicy,
  maxNodes: number,
): Need[] {
  const needs: Need[] = [];
  for (const p of [precision, ...lowerPrecisions(arch, gpu, precision)]) {
    const size = smallestReplica(arch, gpu, p, engine, shape, policy, maxNodes);
    if (size !== null) {
      needs.push({ gpu: gpu.id, gpuCount: size, nodes: Math.ceil(size / GPUS_PER_NODE), precision: p, beyondPlannerLimit: false });
    } else {
      const nodes = nodesForWeights(arch, gpu, p, engine, shape, policy);
      needs.push({ gpu: gpu.id, gpuCount: nodes * GPUS_PER_NODE, nodes, precision: p, beyondPlannerLimit: true });
    }
  }
  return needs;
}

export interface Topology {
  replicaGpus: number;
  tensorParallel: number;
  nodesPerReplica: number;
  replicas: number;
  /** GPUs asked for that no whole replica can use */
  idleGpus: number;
  attentionDataParallel: boolean;
  estimate: ReplicaEstimate & { sloMet: boolean };
  /** the fewest GPUs a replica that holds the model needs, and whether that replica meets the service level */
  smallest: { gpus: number; sloMet: boolean };
}

/**
 * Picks the replica size. With a GPU count: the split of those GPUs into equal replicas that serves the
 * most tokens. Without: one replica, of the size that serves the most tokens per GPU (multi-node only
 * when one node cannot hold the model). Replicas that meet the service level beat those that do not.
 */
export function chooseTopology(
  arch: ResolvedArchitecture,
  gpu: ServingGpu,
  precision: Precision,
  engine: EngineChoice,
  shape: RequestShape,
  factors: EfficiencyFactors,
  limits: ReplicaLimits,
  maxNodes: number,
  gpuCount: number | null,
): Topology | null {
  const smallest = smallestReplica(arch, gpu, precision, engine, shape, limits, maxNodes);
  if (smallest === null) return null;
  const candidates = replicaSizes(gpu, maxNodes).filter((size) => size >= smallest && (size <= GPUS_PER_NODE || size === smallest) && (gpuCount === null || size <= gpuCount));
  let best: { topology: Omit<Topology, "smallest">; score: number } | null = null;
  let smallestSloMet = false;
  for (const size of candidates) {
    const replica = makeReplica(arch, gpu, size, precision, engine);
    const estimate = estimateReplica(arch, replica, shape, factors, limits);
    if (!estimate) continue;
    if (size === smallest) smallestSloMet = estimate.sloMet;
    const replicas = gpuCount === null ? 1 : Math.floor(gpuCount / size);
    const tokens = gpuCount === null ? estimate.totalTokensPerSec / size : estimate.totalTokensPerSec * replicas;
    const score = (estimate.sloMet ? 1e12 : 0) + tokens;
    if (!best || score > best.score) {
      best = {
        score,
        topology: {
          replicaGpus: size,
          tensorParallel: tensorParallelOf(size),
          nodesPerReplica: Math.ceil(size / GPUS_PER_NODE),
          replicas,
          idleGpus: gpuCount === null ? 0 : gpuCount - replicas * size,
          attentionDataParallel: replica.attentionDataParallel,
          estimate,
        },
      };
    }
  }
  return best ? { ...best.topology, smallest: { gpus: smallest, sloMet: smallestSloMet } } : null;
}
