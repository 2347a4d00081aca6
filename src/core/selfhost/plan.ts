import { architectureIdOf, resolveArchitecture, type ResolvedArchitecture } from "./architecture.ts";
import type { CostBreakdown } from "./cost.ts";
import { planMoney, type MoneyAnswer } from "./plan-money.ts";
import { computesNatively, defaultPrecision, WEIGHT_BITS } from "./precision.ts";
import type { CalibrationRow, EngineName, ErrorBand, Precision, ServingGpu, ServingKnowledge } from "./schema.ts";
import type { ReplicaLimits, RequestShape } from "./throughput.ts";
import { chooseTopology, type EngineChoice, needsFor, type Need, type Topology } from "./topology.ts";

type Slo = "interactive" | "batch";

export interface SelfhostRequest {
  modelId: string;
  /** the API's blended price per 1M tokens for this workload (the caller prices it) */
  apiCostPer1M: number;
  /** GPU id or alias; absent = the cheapest sourced-price GPU that serves the model */
  gpu?: string;
  gpuCount?: number;
  /** rented $/GPU-hour; absent = the GPU's typical rental price */
  hourlyUsd?: number;
  /** 1–100 */
  utilizationPercent?: number;
  precision?: Precision;
  /** the user's own measured deployment throughput (input + output tokens/s) */
  throughputTokensPerSec?: number;
  slo?: Slo;
  engine?: EngineName;
  /** per-request lengths; absent = serving.yaml defaultRequest */
  request?: RequestShape;
  tokensPerMonth?: number;
  /** owned GPUs: purchase price per GPU (absent = the knowledge's, if sourced) and months to write it off */
  owned?: { purchaseUsdPerGpu?: number; amortizationMonths: number; usdPerKwh?: number };
  opsUsdPerMonth?: number;
}

type SelfhostWarning =
  | "utilizationAboveSustainable"
  | "utilizationBelowUseful"
  | "contextExceedsModelMax"
  | "precisionBelowServed"
  | "precisionWeightOnly"
  | "gpuCountNotMultipleOfReplica"
  | "kvCacheStarved"
  | "interactiveSloUnreachable"
  | "noCalibrationForGpuFamily"
  | "rentalPriceUnsourced"
  | "purchasePriceMissing"
  | "volumeNeedsMoreDeployments"
  | "architectureUnverified"
  | "electricityGpuBoardOnly"
  | "smallBatchExtrapolated"
  | "engineNotOnGpu";

interface ModeSummary {
  slo: Slo;
  /** each service level on its own best replica size */
  replicaGpus: number;
  replicas: number;
  batch: number;
  /** seconds to the first token of a new request at this batch (queueing excluded) */
  ttftSeconds: number;
  throughputTokensPerSec: number;
  perUserDecodeTokensPerSec: number;
  selfHostCostPer1M: number | null;
}

type Origin = "user" | "default" | "planned" | "measured" | "estimated" | "typical" | "volume" | "cheapest" | "owned";

export interface SelfhostPlan {
  modelId: string;
  /** the architecture entry the facts come from (deepseek-reasoner → deepseek-chat) */
  architectureId: string;
  fits: boolean;
  /** when the asked deployment cannot hold the model: what would, on this GPU */
  doesNotFit: { gpuCount: number | null; needs: Need[] } | null;
  precision: Precision;
  engine: EngineName;
  /** what the estimate assumes the engine does (its default settings) */
  engineSettings: { attentionDataParallel: boolean; expertParallel: boolean; kvCache: "bf16" | "fp8" };
  slo: Slo;
  request: RequestShape;
  gpu: { id: string; name: string; hourlyUsd: number; count: number };
  topology: Omit<Topology, "estimate"> | null;
  /** concurrent sequences per replica */
  batch: number | null;
  throughputTokensPerSec: number | null;
  throughputSource: "measured" | "estimated" | "user" | null;
  measuredBy: { calibrationId: string; engine: string; source: string; asOf: string } | null;
  /** leave-one-source-out error band for estimates on this GPU family: 80th percentile, or the worst error when extrapolating; null otherwise */
  estimateErrorPct: number | null;
  /** true when no public measurement of this GPU family is in the calibration */
  uncalibrated: boolean;
  perUserDecodeTokensPerSec: number | null;
  ttftSeconds: number | null;
  /** 0..1 */
  utilization: number;
  tokensPerMonth: number | null;
  capacityTokensPerMonth: number | null;
  deploymentsForVolume: number | null;
  costs: CostBreakdown | null;
  selfHostCostPer1M: number | null;
  apiCostPer1M: number;
  breakEvenTokensPerMonth: number | null;
  apiCheaperAtFullUse: { selfHostCostPer1M: number; byPer1M: number; ratio: number } | null;
  /** the same deployment under both service levels, so the trade-off can be shown */
  tradeoff: { interactive: ModeSummary | null; batch: ModeSummary | null };
  /** where each number came from: the user's always wins */
  origins: { gpu: Origin; gpuCount: Origin; hourlyUsd: Origin; utilization: Origin; precision: Origin; throughput: Origin | null };
  warnings: SelfhostWarning[];
}

export class SelfhostInputError extends Error {
  constructor(
    readonly code: "unknownModel" | "unknownGpu" | "badNumber",
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

const normalize = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

function findGpu(serving: ServingKnowledge, name: string): ServingGpu | null {
  const key = normalize(name);
  const named = (k: string) => serving.gpus.find((g) => [g.id, g.name, ...g.aliases].some((n) => normalize(n) === k));
  // a bare GeForce number ("5090") is the RTX card of that number
  return named(key) ?? (/^\d{4}$/.test(key) ? named(`rtx${key}`) : undefined) ?? null;
}

function limitsFor(serving: ServingKnowledge, engine: EngineName, slo: Slo): ReplicaLimits {
  return {
    memoryUtilization: serving.engine.memoryUtilization,
    activationReserveGBPerGpu: serving.engine.activationReserveGBPerGpu,
    maxBatch: serving.engine.maxBatchPerReplica[engine],
    minPerUserDecodeTokensPerSec: serving.slo[slo].minPerUserDecodeTokensPerSec,
  };
}

const withinLengths = (row: CalibrationRow, shape: RequestShape) =>
  Math.abs(Math.log(row.inputTokens / shape.inputTokens)) <= Math.log(1.25) && Math.abs(Math.log(row.outputTokens / shape.outputTokens)) <= Math.log(1.25);

/** A public measurement of this very deployment: same weights, GPU, precision, replica size and similar lengths. */
function matchingMeasurement(
  serving: ServingKnowledge,
  arch: ResolvedArchitecture,
  gpu: ServingGpu,
  precision: Precision,
  replicaGpus: number,
  shape: RequestShape,
  engine: EngineName | undefined,
): CalibrationRow | null {
  return (
    serving.calibration.find(
      (row) =>
        architectureIdOf(serving, row.model) === arch.id &&
        row.gpu === gpu.id &&
        row.precision === precision &&
        row.gpuCount === replicaGpus &&
        (engine === undefined || row.engine.name === engine) &&
        withinLengths(row, shape),
    ) ?? null
  );
}

function checkNumber(name: string, value: number | undefined, min: number, max = Infinity) {
  if (value !== undefined && !(Number.isFinite(value) && value >= min && value <= max)) throw new SelfhostInputError("badNumber", `${name}=${value}`);
}

type MoneyFields = Pick<
  SelfhostPlan,
  "utilization" | "tokensPerMonth" | "capacityTokensPerMonth" | "deploymentsForVolume" | "costs" | "selfHostCostPer1M" | "breakEvenTokensPerMonth" | "apiCheaperAtFullUse"
>;

function moneyFields(money: MoneyAnswer | null, utilization: number, tokensPerMonth: number | null): MoneyFields {
  const cost = money?.cost ?? null;
  return {
    utilization: money?.utilization ?? utilization,
    tokensPerMonth: money?.tokensPerMonth ?? tokensPerMonth,
    capacityTokensPerMonth: money?.capacityTokensPerMonth ?? null,
    deploymentsForVolume: money?.deploymentsForVolume ?? null,
    costs: cost?.breakdown ?? null,
    selfHostCostPer1M: cost?.selfHostCostPer1M ?? null,
    breakEvenTokensPerMonth: cost?.breakEvenTokensPerMonth ?? null,
    apiCheaperAtFullUse: cost?.apiCheaperAtFullUse ? { selfHostCostPer1M: cost.selfHostCostPer1MAtFullUse, ...cost.apiCheaperAtFullUse } : null,
  };
}

/**
 * The band an estimate quotes: its GPU family's leave-one-source-out 80th percentile (its worst when the
 * batch is outside what the measurements saw; the worst anywhere when the family has fewer than five
 * rows), and the uncalibrated band for a family with no measurement at all.
 */
function errorBandFor(serving: ServingKnowledge, band: ErrorBand | undefined, extrapolated: boolean): number {
  if (!band) return serving.fit.uncalibratedBandPct;
  // a family with a handful of rows cannot claim a narrower band than the worst seen anywhere
  if (band.rows < 5) return Math.max(band.worstAbsErrorPct, serving.fit.leaveOneSourceOut.worstAbsErrorPct);
  return extrapolated ? band.worstAbsErrorPct : band.p80AbsErrorPct;
}

/** True when the engine runs on this GPU family at this weight precision (serving.yaml engines). */
function engineRuns(serving: ServingKnowledge, engine: EngineName, gpu: ServingGpu, precision: Precision): boolean {
  const profile = serving.engines[engine];
  return profile.gpuFamilies.includes(gpu.family) && !(profile.unsupportedPrecisions[gpu.family] ?? []).includes(precision);
}

/** Plans one GPU for the request; the core of planSelfhost once the GPU is known. */
function planOnGpu(serving: ServingKnowledge, req: SelfhostRequest, arch: ResolvedArchitecture, gpu: ServingGpu, gpuOrigin: Origin): SelfhostPlan {
  const warnings = new Set<SelfhostWarning>();
  const shape = req.request ?? serving.defaultRequest;
  const slo: Slo = req.slo ?? "interactive";
  const precision = req.precision ?? defaultPrecision(arch, gpu);
  let engineName: EngineName = req.engine ?? "vllm";
  if (!engineRuns(serving, engineName, gpu, precision)) {
    warnings.add("engineNotOnGpu");
    engineName = "vllm";
  }
  const profile = serving.engines[engineName];
  const engine: EngineChoice = { name: engineName, attentionDataParallelForMoe: profile.attentionDataParallelForMoe, kvCache: profile.kvCache };
  const factors = serving.fit.factors;
  const maxNodes = serving.engine.maxNodes;
  if (shape.inputTokens + shape.outputTokens > arch.maxContext) warnings.add("contextExceedsModelMax");
  if (WEIGHT_BITS[precision] < Math.min(...arch.servedPrecisions.map((p) => WEIGHT_BITS[p]))) warnings.add("precisionBelowServed");
  if (!computesNatively(gpu, precision)) warnings.add("precisionWeightOnly");
  if (arch.unverified?.length) warnings.add("architectureUnverified");
  const familyBand = serving.fit.byFamily[gpu.family];
  const uncalibrated = !serving.calibration.some((row) => serving.gpus.find((g) => g.id === row.gpu)?.family === gpu.family) || !familyBand;
  if (uncalibrated) warnings.add("noCalibrationForGpuFamily");

  // Each service level on its own best replica size over the same GPUs (the user's count, else the one the
  // interactive plan picks): the same pair of figures in every answer, whichever level is asked.
  const topologyFor = (s: Slo, count: number | null) => chooseTopology(arch, gpu, precision, engine, shape, factors, limitsFor(serving, engineName, s), maxNodes, count);
  const interactiveFirst = topologyFor("interactive", req.gpuCount ?? null);
  const sharedCount = req.gpuCount ?? (interactiveFirst ? interactiveFirst.replicaGpus * interactiveFirst.replicas : null);
  const modes = { interactive: interactiveFirst, batch: topologyFor("batch", sharedCount) };
  const limits = limitsFor(serving, engineName, slo);
  const topology = modes[slo];
  const utilizationGiven = req.utilizationPercent;
  const base = {
    modelId: req.modelId,
    architectureId: arch.id,
    precision,
    engine: engineName,
    engineSettings: {
      attentionDataParallel: arch.moe !== undefined && engine.attentionDataParallelForMoe,
      expertParallel: arch.moe !== undefined && engine.attentionDataParallelForMoe,
      kvCache: engine.kvCache === "model" || gpu.denseTflops.fp8 === undefined || WEIGHT_BITS[precision] > 8 ? ("bf16" as const) : ("fp8" as const),
    },
    slo,
    request: shape,
    apiCostPer1M: req.apiCostPer1M,
  };
  const origins: SelfhostPlan["origins"] = {
    gpu: gpuOrigin,
    gpuCount: req.gpuCount !== undefined ? "user" : "planned",
    hourlyUsd: req.owned ? "owned" : req.hourlyUsd !== undefined ? "user" : "typical",
    utilization: utilizationGiven !== undefined ? "user" : req.tokensPerMonth !== undefined ? "volume" : "default",
    precision: req.precision ? "user" : "default",
    throughput: null,
  };
  const rental = req.hourlyUsd ?? gpu.rental.typical;
  if (!req.owned && req.hourlyUsd === undefined && !gpu.rental.sourced) warnings.add("rentalPriceUnsourced");

  if (!topology) {
    // The memory model says no; a user who runs it anyway and gives GPUs and throughput still gets the money.
    const userRun = req.throughputTokensPerSec !== undefined && req.gpuCount !== undefined;
    const money = userRun ? planMoney(serving, req, gpu, req.gpuCount!, req.throughputTokensPerSec!) : null;
    for (const w of money?.warnings ?? []) warnings.add(w);
    origins.throughput = userRun ? "user" : null;
    return {
      ...base,
      fits: false,
      doesNotFit: { gpuCount: req.gpuCount ?? null, needs: needsFor(arch, gpu, precision, engine, shape, limits, maxNodes) },
      gpu: { id: gpu.id, name: gpu.name, hourlyUsd: money?.cost?.breakdown.usdPerGpuHour ?? rental, count: req.gpuCount ?? 0 },
      topology: null,
      batch: null,
      throughputTokensPerSec: userRun ? req.throughputTokensPerSec! : null,
      throughputSource: userRun ? "user" : null,
      measuredBy: null,
      estimateErrorPct: null,
      uncalibrated,
      perUserDecodeTokensPerSec: null,
      ttftSeconds: null,
      ...moneyFields(money, (utilizationGiven ?? serving.defaultUtilizationPercent) / 100, req.tokensPerMonth ?? null),
      tradeoff: { interactive: null, batch: null },
      origins,
      warnings: [...warnings],
    };
  }

  const { estimate, ...shapeOfTopology } = topology;
  const gpuCount = req.gpuCount ?? topology.replicaGpus * topology.replicas;
  if (topology.idleGpus > 0) warnings.add("gpuCountNotMultipleOfReplica");
  if (estimate.memoryBatchLimit < 8) warnings.add("kvCacheStarved");
  if (slo === "interactive" && !estimate.sloMet) warnings.add("interactiveSloUnreachable");

  const interactive = modes.interactive;
  const batchMode = modes.batch;

  let throughput = estimate.totalTokensPerSec * topology.replicas;
  let throughputSource: SelfhostPlan["throughputSource"] = "estimated";
  let measuredBy: SelfhostPlan["measuredBy"] = null;
  const measured = matchingMeasurement(serving, arch, gpu, precision, topology.replicaGpus, shape, req.engine);
  // Published runs are maximum-throughput runs: they answer batch serving, or interactive when the floor does not bind.
  const floorBinds = slo === "interactive" && batchMode !== null && estimate.batch < batchMode.estimate.batch;
  // Every public measurement is a maximum-throughput run: a GPU family without one, or a batch held
  // small by the interactive floor, is outside what the calibration saw, so quote its worst error.
  if (floorBinds) warnings.add("smallBatchExtrapolated");
  const extrapolated = floorBinds;
  if (measured && !floorBinds) {
    throughput = measured.totalTokensPerSec * topology.replicas;
    throughputSource = "measured";
    measuredBy = { calibrationId: measured.id, engine: `${measured.engine.name} ${measured.engine.version}`, source: measured.source, asOf: measured.asOf };
  }
  if (req.throughputTokensPerSec !== undefined) {
    throughput = req.throughputTokensPerSec;
    throughputSource = "user";
    measuredBy = null;
  }
  origins.throughput = throughputSource;

  const money = planMoney(serving, req, gpu, gpuCount, throughput);
  for (const w of money.warnings) warnings.add(w);
  const summary = (s: Slo, t: Topology | null): ModeSummary | null =>
    t && {
      slo: s,
      replicaGpus: t.replicaGpus,
      replicas: t.replicas,
      batch: t.estimate.batch,
      ttftSeconds: t.estimate.ttftSeconds,
      throughputTokensPerSec: t.estimate.totalTokensPerSec * t.replicas,
      perUserDecodeTokensPerSec: t.estimate.perUserDecodeTokensPerSec,
      selfHostCostPer1M: money.costAt(t.estimate.totalTokensPerSec * t.replicas)?.selfHostCostPer1M ?? null,
    };

  return {
    ...base,
    fits: true,
    doesNotFit: null,
    gpu: { id: gpu.id, name: gpu.name, hourlyUsd: money.cost?.breakdown.usdPerGpuHour ?? rental, count: gpuCount },
    topology: shapeOfTopology,
    batch: estimate.batch,
    throughputTokensPerSec: throughput,
    throughputSource,
    measuredBy,
    estimateErrorPct: throughputSource !== "estimated" ? null : errorBandFor(serving, uncalibrated ? undefined : familyBand, extrapolated),
    uncalibrated,
    perUserDecodeTokensPerSec: estimate.perUserDecodeTokensPerSec,
    ttftSeconds: estimate.ttftSeconds,
    ...moneyFields(money, money.utilization, money.tokensPerMonth),
    tradeoff: { interactive: summary("interactive", interactive), batch: summary("batch", batchMode) },
    origins,
    warnings: [...warnings],
  };
}

/**
 * Everything /selfhost needs for one question. Pure and synchronous; numbers are unrounded.
 * Throws SelfhostInputError for an unknown model or GPU, or a number out of range.
 */
export function planSelfhost(serving: ServingKnowledge, req: SelfhostRequest): SelfhostPlan {
  const arch = resolveArchitecture(serving, req.modelId);
  if (!arch) throw new SelfhostInputError("unknownModel", req.modelId);
  checkNumber("gpuCount", req.gpuCount, 1);
  if (req.gpuCount !== undefined && !Number.isInteger(req.gpuCount)) throw new SelfhostInputError("badNumber", `gpuCount=${req.gpuCount}`);
  checkNumber("hourlyUsd", req.hourlyUsd, 0);
  checkNumber("utilizationPercent", req.utilizationPercent, 1, 100);
  checkNumber("throughputTokensPerSec", req.throughputTokensPerSec, Number.MIN_VALUE);
  checkNumber("tokensPerMonth", req.tokensPerMonth, 0);
  checkNumber("apiCostPer1M", req.apiCostPer1M, 0);
  checkNumber("opsUsdPerMonth", req.opsUsdPerMonth, 0);
  if (req.owned) {
    checkNumber("amortizationMonths", req.owned.amortizationMonths, 1);
    checkNumber("purchaseUsdPerGpu", req.owned.purchaseUsdPerGpu, 0);
    checkNumber("usdPerKwh", req.owned.usdPerKwh, 0);
  }
  if (req.gpu !== undefined) {
    const gpu = findGpu(serving, req.gpu);
    if (!gpu) throw new SelfhostInputError("unknownGpu", req.gpu);
    return planOnGpu(serving, req, arch, gpu, "user");
  }
  // No GPU asked for: the cheapest per token among GPUs with a sourced price that serve the model.
  // A light pass (topology and rent only) ranks them; the full plan is made once, for the winner.
  const shape = req.request ?? serving.defaultRequest;
  const engineName = req.engine ?? "vllm";
  const profile = serving.engines[engineName];
  const engine: EngineChoice = { name: engineName, attentionDataParallelForMoe: profile.attentionDataParallelForMoe, kvCache: profile.kvCache };
  const limits = limitsFor(serving, engineName, req.slo ?? "interactive");
  let best: { gpu: ServingGpu; usdPerToken: number } | null = null;
  for (const gpu of serving.gpus) {
    if (!gpu.rental.sourced && req.hourlyUsd === undefined) continue;
    if (!engineRuns(serving, engineName, gpu, req.precision ?? defaultPrecision(arch, gpu))) continue;
    const precision = req.precision ?? defaultPrecision(arch, gpu);
    const topology = chooseTopology(arch, gpu, precision, engine, shape, serving.fit.factors, limits, serving.engine.maxNodes, req.gpuCount ?? null);
    if (!topology) continue;
    const gpus = req.gpuCount ?? topology.replicaGpus * topology.replicas;
    const usdPerToken = ((req.hourlyUsd ?? gpu.rental.typical) * gpus) / (topology.estimate.totalTokensPerSec * topology.replicas);
    if (!best || usdPerToken < best.usdPerToken) best = { gpu, usdPerToken };
  }
  if (best) return planOnGpu(serving, req, arch, best.gpu, "cheapest");
  return planOnGpu(serving, req, arch, serving.gpus.find((g) => g.id === "h100") ?? serving.gpus[0]!, "default");
}
