import { z } from "zod";

const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD"));
const sourceUrl = z.string().min(1, "needs a source URL");
const positive = z.number().finite().positive();
const usd = z.number().finite().nonnegative();
/** Ceilings far above real prices, so a typo or a planted 1e308 is refused instead of quoted. */
const usdPerGpuHour = usd.max(1_000, "must be at most 1000 (USD per GPU-hour)");

export const PRECISIONS = ["bf16", "fp8", "fp4", "mxfp4", "int4"] as const;
const precisionSchema = z.enum(PRECISIONS);
export type Precision = z.infer<typeof precisionSchema>;

export const GPU_FAMILIES = ["ampere", "ada", "hopper", "blackwell", "cdna3", "gaudi", "ascend"] as const;
export type GpuFamily = (typeof GPU_FAMILIES)[number];

export const ENGINES = ["vllm", "sglang", "tensorrt-llm"] as const;
const engineNameSchema = z.enum(ENGINES);
export type EngineName = z.infer<typeof engineNameSchema>;

/** What an engine does with its default settings (or its own published recipe, where it has one per model kind). */
const engineProfileSchema = z.strictObject({
  name: z.string().min(1),
  /** MoE replicas run attention data parallel + expert parallel (no KV copies across the tensor-parallel group) */
  attentionDataParallelForMoe: z.boolean(),
  /** KV cache type: "model" keeps the activations' BF16; "fp8" where the GPU has FP8 */
  kvCache: z.enum(["model", "fp8"]),
  /** GPU families the engine runs on */
  gpuFamilies: z.array(z.enum(GPU_FAMILIES)).min(1),
  /** weight precisions the engine cannot serve on a family it otherwise runs on */
  unsupportedPrecisions: z.partialRecord(z.enum(GPU_FAMILIES), z.array(precisionSchema)).default({}),
  source: sourceUrl,
  note: z.string().optional(),
  asOf: isoDate,
});
export type EngineProfile = z.infer<typeof engineProfileSchema>;

const priceRange = z.strictObject({ low: usdPerGpuHour, high: usdPerGpuHour }).refine((r) => r.low <= r.high, "needs low ≤ high");

const gpuSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  family: z.enum(GPU_FAMILIES),
  memoryGB: positive,
  memoryBandwidthTBs: positive,
  /** dense (no sparsity) tensor TFLOPS per precision the GPU computes in natively */
  denseTflops: z.strictObject({ bf16: positive, fp8: positive.optional(), fp4: positive.optional() }),
  /** GPU-to-GPU bandwidth per direction, GB/s, that tensor-parallel collectives run over */
  interconnectGBs: positive,
  powerWatts: positive,
  maxTensorParallel: z.number().int().positive().optional(),
  specSource: sourceUrl,
  /** where the spec figures are approximate or come from a secondary source */
  specNote: z.string().optional(),
  rental: z.strictObject({
    onDemand: priceRange,
    marketplace: priceRange,
    typical: usdPerGpuHour,
    /** false when the figures are a stated guess, not a quoted price list */
    sourced: z.boolean().default(true),
    source: sourceUrl,
    note: z.string().optional(),
  }),
  purchase: z.strictObject({ usd: positive.max(10_000_000, "must be at most 10000000 (USD per GPU)"), source: sourceUrl, note: z.string().optional(), asOf: isoDate }).optional(),
  asOf: isoDate,
});
export type ServingGpu = z.infer<typeof gpuSchema>;

const attentionSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("gqa"),
    queryHeads: z.number().int().positive(),
    kvHeads: z.number().int().positive(),
    headDim: z.number().int().positive(),
  }),
  z.strictObject({
    kind: z.literal("mla"),
    queryHeads: z.number().int().positive(),
    /** query/key head dim used for attention FLOPs (nope + rope) */
    headDim: z.number().int().positive(),
    kvLoraRank: z.number().int().positive(),
    qkRopeHeadDim: z.number().int().positive(),
    /** DeepSeek Sparse Attention: indexer key width cached per token per layer */
    indexerHeadDim: z.number().int().positive().optional(),
    /** DeepSeek Sparse Attention: positions each token attends to */
    sparseTopK: z.number().int().positive().optional(),
  }),
]);

const fullArchitectureSchema = z.strictObject({
  name: z.string().min(1),
  totalParamsB: positive,
  /** MoE only; dense models read every parameter per token */
  activeParamsB: positive.optional(),
  /** residual-stream width: what tensor-parallel collectives move per token per layer */
  hiddenSize: z.number().int().positive(),
  layers: z.number().int().positive(),
  attention: attentionSchema,
  slidingWindow: z.strictObject({ layers: z.number().int().positive(), window: z.number().int().positive() }).optional(),
  linearAttention: z.strictObject({ layers: z.number().int().positive(), stateBytesPerLayer: positive }).optional(),
  moe: z.strictObject({ experts: z.number().int().positive(), activeExperts: z.number().int().positive() }).optional(),
  nativePrecision: precisionSchema,
  servedPrecisions: z.array(precisionSchema).min(1),
  maxContext: z.number().int().positive(),
  source: sourceUrl,
  note: z.string().optional(),
  /** fields copied from a sibling model and not checked against this model's own config */
  unverified: z.array(z.string()).optional(),
  asOf: isoDate,
});
export type FullArchitecture = z.infer<typeof fullArchitectureSchema>;

/** Another id for the very same weights (measurements of one count for the other). */
const sameWeightsSchema = z.strictObject({
  sameWeightsAs: z.string().min(1),
  note: z.string().optional(),
});

/** Different weights on a sibling's language-model geometry (fine-tunes, vision variants): facts shared, measurements not. */
const sameArchitectureSchema = z.strictObject({
  sameArchitectureAs: z.string().min(1),
  name: z.string().min(1),
  maxContext: z.number().int().positive().optional(),
  source: sourceUrl,
  note: z.string().optional(),
  asOf: isoDate,
});

const architectureSchema = z.union([fullArchitectureSchema, sameWeightsSchema, sameArchitectureSchema]);

const calibrationSchema = z.strictObject({
  id: z.string().min(1),
  model: z.string().min(1),
  gpu: z.string().min(1),
  gpuCount: z.number().int().positive(),
  precision: precisionSchema,
  engine: z.strictObject({ name: engineNameSchema, version: z.string().min(1) }),
  inputTokens: z.number().int().positive(),
  outputTokens: z.number().int().positive(),
  /** KV cache element type the run used; absent = FP8 where the GPU has it and weights are ≤ 8-bit */
  kvCache: z.enum(["bf16", "fp8"]).optional(),
  /** attention data parallel (DEP, --enable-dp-attention): each GPU keeps its own sequences' KV */
  attentionDataParallel: z.boolean().default(false),
  /** requests in flight when the source capped them; absent = the engine's own limit */
  concurrency: z.number().int().positive().optional(),
  reported: z.strictObject({
    value: positive,
    metric: z.enum(["output", "total"]),
    scope: z.enum(["per-gpu", "system"]),
  }),
  totalTokensPerSec: positive,
  conversion: z.string().min(1),
  source: sourceUrl,
  /** rows published together (one document in several versions, one lab's series): held out together */
  sourceGroup: z.string().min(1).optional(),
  note: z.string().optional(),
  asOf: isoDate,
});
export type CalibrationRow = z.infer<typeof calibrationSchema>;

const efficiencyFactorsSchema = z.strictObject({
  /** achieved share of peak memory bandwidth in the decode phase (Hopper) */
  bandwidthEfficiency: positive.max(1),
  /** achieved share of peak dense tensor FLOPS in the prefill phase (Hopper) */
  computeEfficiency: positive.max(1),
  /** extra time per doubling of GPUs in a replica (collectives, load imbalance) */
  parallelOverheadPerDoubling: z.number().finite().nonnegative(),
  /** throughput of each engine relative to TensorRT-LLM (1) at the same parallel layout */
  engineFactor: z.strictObject({ vllm: positive, sglang: positive, "tensorrt-llm": positive }),
  /** each engine's scheduler cost per sequence per step (batching, sampling, detokenizing), microseconds */
  schedulerUsPerSequence: z.strictObject({ vllm: positive, sglang: positive, "tensorrt-llm": positive }),
  /** CPU cost of one request outside the forward steps (tokenizing, admission, detokenizing), milliseconds */
  requestOverheadMs: positive,
  /** latency of one tensor-parallel all-reduce, microseconds (two per layer per step) */
  allReduceLatencyUs: positive,
  /** efficiency of routed-expert work relative to dense work (grouped GEMMs, token dispatch) */
  moeEfficiency: positive,
  /** each GPU family's achieved bandwidth share relative to Hopper's (decode: kernels, memory clocks) */
  familyDecode: z.partialRecord(z.enum(GPU_FAMILIES), positive),
  /** each GPU family's achieved compute share relative to Hopper's (prefill: GEMM kernels, clocks under load) */
  familyPrefill: z.partialRecord(z.enum(GPU_FAMILIES), positive),
});
export type EfficiencyFactors = z.infer<typeof efficiencyFactorsSchema>;

const errorBandSchema = z.strictObject({
  rows: z.number().int().nonnegative(),
  medianAbsErrorPct: z.number().nonnegative(),
  p80AbsErrorPct: z.number().nonnegative(),
  worstAbsErrorPct: z.number().nonnegative(),
  /** geometric mean of predicted ÷ measured, minus one, in percent: + over-estimates */
  geometricBiasPct: z.number(),
});
export type ErrorBand = z.infer<typeof errorBandSchema>;

const fitSchema = z.strictObject({
  factors: efficiencyFactorsSchema,
  calibrationRows: z.number().int().positive(),
  sources: z.number().int().positive(),
  /** every row predicted by factors fitted without any row of its source */
  leaveOneSourceOut: errorBandSchema,
  /** the same, per GPU family of the row (the band answers quote) */
  byFamily: z.partialRecord(z.enum(GPU_FAMILIES), errorBandSchema),
  /** band for a family with no calibration row: the worst error of rows predicted with their family held out */
  uncalibratedBandPct: z.number().nonnegative(),
  generatedBy: z.string().min(1),
});

/**
 * Where each GPU family's achieved shares sit relative to Hopper's before any serving measurement: the ratio of
 * its measured GEMM (prefill) and HBM-copy (decode) share of peak to Hopper's, from public microbenchmarks.
 * A family without serving rows keeps these; with rows, the fit moves from them only as far as the rows ask.
 */
const familyPriorsSchema = z.strictObject({
  decode: z.partialRecord(z.enum(GPU_FAMILIES), positive),
  prefill: z.partialRecord(z.enum(GPU_FAMILIES), positive),
  source: sourceUrl,
  note: z.string().min(1),
  asOf: isoDate,
});

export const servingFileSchema = z.strictObject({
  hoursPerMonth: positive,
  defaultRequest: z.strictObject({ inputTokens: z.number().int().positive(), outputTokens: z.number().int().positive() }),
  defaultUtilizationPercent: positive.max(100),
  utilizationWarning: z.strictObject({ highPercent: positive.max(100), lowPercent: positive.max(100) }),
  electricity: z.strictObject({ usdPerKwh: usd.max(10, "must be at most 10 (USD per kWh)"), source: sourceUrl, note: z.string().optional(), asOf: isoDate }),
  slo: z.strictObject({
    interactive: z.strictObject({
      minPerUserDecodeTokensPerSec: positive,
      source: sourceUrl,
      note: z.string().optional(),
      asOf: isoDate,
    }),
    batch: z.strictObject({ minPerUserDecodeTokensPerSec: z.number().nonnegative() }),
  }),
  engine: z.strictObject({
    memoryUtilization: positive.max(1),
    memoryUtilizationSource: sourceUrl,
    activationReserveGBPerGpu: z.number().nonnegative(),
    activationReserveNote: z.string().min(1),
    maxBatchPerReplica: z.strictObject({ vllm: z.number().int().positive(), sglang: z.number().int().positive(), "tensorrt-llm": z.number().int().positive() }),
    maxBatchSource: sourceUrl,
    maxNodes: z.number().int().positive(),
    asOf: isoDate,
  }),
  engines: z.strictObject({ vllm: engineProfileSchema, sglang: engineProfileSchema, "tensorrt-llm": engineProfileSchema }),
  gpus: z.array(gpuSchema).min(1),
  architectures: z.record(z.string().regex(/^[a-z0-9][a-z0-9.-]*$/), architectureSchema),
  calibration: z.array(calibrationSchema),
  familyPriors: familyPriorsSchema,
  fit: fitSchema,
});
export type ServingKnowledge = z.infer<typeof servingFileSchema>;

/** A cross-reference problem, with the path in serving.yaml where it sits (so the loader can give the line). */
export interface ServingProblem {
  path: (string | number)[];
  entry: string;
  field: string;
  message: string;
}

/**
 * Cross-reference problems: unknown GPUs or models, dangling sameWeightsAs, duplicate ids, totals that
 * disagree with the reported figure. `modelIds` are the open-weights ids of models.yaml (the table);
 * every one needs an architecture.
 */
export function servingProblemsAt(serving: ServingKnowledge, modelIds: readonly string[]): ServingProblem[] {
  const problems: ServingProblem[] = [];
  const add = (path: (string | number)[], entry: string, field: string, message: string) => problems.push({ path, entry, field, message });
  const gpuIds = new Set<string>();
  serving.gpus.forEach((gpu, i) => {
    if (gpuIds.has(gpu.id)) add(["gpus", i, "id"], `GPU "${gpu.id}"`, "id", "appears twice");
    gpuIds.add(gpu.id);
    const r = gpu.rental;
    if (r.typical < Math.min(r.onDemand.low, r.marketplace.low) || r.typical > Math.max(r.onDemand.high, r.marketplace.high)) {
      add(["gpus", i, "rental", "typical"], `GPU "${gpu.id}"`, "rental.typical", `${r.typical} is outside its on-demand and marketplace ranges`);
    }
  });
  for (const [id, entry] of Object.entries(serving.architectures)) {
    const at = (field: string, message: string) => add(["architectures", id], `architecture "${id}"`, field, message);
    if (!("layers" in entry)) {
      const targetId = "sameWeightsAs" in entry ? entry.sameWeightsAs : entry.sameArchitectureAs;
      const target = serving.architectures[targetId];
      if (!target) at("sameWeightsAs", `"${targetId}" is not an architecture`);
      else if (!("layers" in target)) at("sameWeightsAs", `must point at a full entry, "${targetId}" is itself an alias`);
      continue;
    }
    if (entry.activeParamsB !== undefined && entry.activeParamsB > entry.totalParamsB) at("activeParamsB", "exceeds totalParamsB");
    if (entry.moe && entry.activeParamsB === undefined) at("activeParamsB", "MoE needs activeParamsB");
    if (entry.moe && entry.moe.activeExperts > entry.moe.experts) at("moe.activeExperts", "more active experts than experts");
    const special = (entry.slidingWindow?.layers ?? 0) + (entry.linearAttention?.layers ?? 0);
    if (special >= entry.layers) at("layers", "sliding-window and linear layers leave no full-attention layer");
    if (!entry.servedPrecisions.includes(entry.nativePrecision)) at("servedPrecisions", `should include the native ${entry.nativePrecision}`);
  }
  for (const id of modelIds) {
    if (!serving.architectures[id]) add(["architectures"], `model "${id}"`, "architectures", "has open weights but no architecture in serving.yaml");
  }
  const rowIds = new Set<string>();
  serving.calibration.forEach((row, i) => {
    const at = (field: string, message: string) => add(["calibration", i, field.split(".")[0]!], `calibration "${row.id}"`, field, message);
    if (rowIds.has(row.id)) at("id", "appears twice");
    rowIds.add(row.id);
    if (!gpuIds.has(row.gpu)) at("gpu", `"${row.gpu}" is not in gpus`);
    if (!serving.architectures[row.model]) at("model", `"${row.model}" has no architecture`);
    const perSystem = row.reported.scope === "per-gpu" ? row.reported.value * row.gpuCount : row.reported.value;
    const total = row.reported.metric === "output" ? (perSystem * (row.inputTokens + row.outputTokens)) / row.outputTokens : perSystem;
    if (Math.abs(total - row.totalTokensPerSec) / total > 0.005) at("totalTokensPerSec", `${row.totalTokensPerSec} does not follow from reported (expected ${Math.round(total)})`);
  });
  if (serving.fit.calibrationRows !== serving.calibration.length) {
    add(
      ["fit", "calibrationRows"],
      "fit",
      "calibrationRows",
      `was made on ${serving.fit.calibrationRows} calibration rows but there are ${serving.calibration.length}: run npx tsx scripts/eval-selfhost.ts --write`,
    );
  }
  return problems;
}

/** The same problems as one line each. */
export function servingProblems(serving: ServingKnowledge, modelIds: readonly string[]): string[] {
  return servingProblemsAt(serving, modelIds).map((p) => `${p.entry}: ${p.field} ${p.message}`);
}
