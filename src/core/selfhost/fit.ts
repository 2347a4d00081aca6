import { resolveArchitecture } from "./architecture.ts";
import type { CalibrationRow, EfficiencyFactors, EngineName, ErrorBand, GpuFamily, ServingKnowledge } from "./schema.ts";
import { ENGINES, GPU_FAMILIES } from "./schema.ts";
import { estimateReplica } from "./throughput.ts";

/** The model's prediction for a calibration row: one replica of the row's GPUs, at the row's own settings, no per-user floor. */
export function predictRow(serving: ServingKnowledge, row: CalibrationRow, factors: EfficiencyFactors): number | null {
  const arch = resolveArchitecture(serving, row.model);
  const gpu = serving.gpus.find((g) => g.id === row.gpu);
  if (!arch || !gpu) return null;
  const estimate = estimateReplica(
    arch,
    {
      gpu,
      gpus: row.gpuCount,
      precision: row.precision,
      engine: row.engine.name,
      attentionDataParallel: row.attentionDataParallel,
      ...(row.kvCache ? { kvCache: row.kvCache } : {}),
    },
    { inputTokens: row.inputTokens, outputTokens: row.outputTokens },
    factors,
    {
      memoryUtilization: serving.engine.memoryUtilization,
      activationReserveGBPerGpu: serving.engine.activationReserveGBPerGpu,
      maxBatch: Math.min(serving.engine.maxBatchPerReplica[row.engine.name], row.concurrency ?? Infinity),
      minPerUserDecodeTokensPerSec: 0,
    },
  );
  return estimate?.totalTokensPerSec ?? null;
}

const familyOf = (serving: ServingKnowledge, row: CalibrationRow): GpuFamily | undefined => serving.gpus.find((g) => g.id === row.gpu)?.family;

/**
 * The free parameters of a fit: the Hopper shares, overhead, MoE efficiency, and only those engine and
 * family factors the rows can pin (a family or engine without rows keeps the prior, 1 = like Hopper / TensorRT-LLM).
 */
interface Layout {
  engines: ("vllm" | "sglang")[];
  overheadEngines: EngineName[];
  decodeFamilies: GpuFamily[];
  prefillFamilies: GpuFamily[];
  priors: ServingKnowledge["familyPriors"];
}

function layoutOf(serving: ServingKnowledge, rows: readonly CalibrationRow[]): Layout {
  const families = new Set(rows.map((r) => familyOf(serving, r)));
  const present = GPU_FAMILIES.filter((f) => f !== "hopper" && families.has(f));
  const engines = (["vllm", "sglang"] as const).filter((e) => rows.some((r) => r.engine.name === e));
  const overheadEngines = ENGINES.filter((e) => rows.some((r) => r.engine.name === e));
  return { engines, overheadEngines, decodeFamilies: present, prefillFamilies: present, priors: serving.familyPriors };
}

/** Scheduler cost per sequence per step an engine without rows is taken to have, microseconds. */
const DEFAULT_SCHEDULER_US: Record<EngineName, number> = { vllm: 10, sglang: 10, "tensorrt-llm": 2 };

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

function toFactors(x: readonly number[], layout: Layout): EfficiencyFactors {
  let i = 6;
  const engineFactor = { vllm: 1, sglang: 1, "tensorrt-llm": 1 };
  for (const e of layout.engines) engineFactor[e] = Math.exp(x[i++]!);
  const schedulerUsPerSequence = { ...DEFAULT_SCHEDULER_US };
  for (const e of layout.overheadEngines) schedulerUsPerSequence[e] = Math.exp(x[i++]!);
  // a family without rows keeps its microbenchmark prior
  const familyDecode: Partial<Record<GpuFamily, number>> = { ...layout.priors.decode, hopper: 1 };
  for (const f of layout.decodeFamilies) familyDecode[f] = Math.exp(x[i++]!);
  const familyPrefill: Partial<Record<GpuFamily, number>> = { ...layout.priors.prefill, hopper: 1 };
  for (const f of layout.prefillFamilies) familyPrefill[f] = Math.exp(x[i++]!);
  return {
    bandwidthEfficiency: logistic(x[0]!),
    computeEfficiency: logistic(x[1]!),
    parallelOverheadPerDoubling: Math.exp(x[2]!),
    moeEfficiency: Math.exp(x[3]!),
    allReduceLatencyUs: Math.exp(x[4]!),
    requestOverheadMs: Math.exp(x[5]!),
    engineFactor,
    schedulerUsPerSequence,
    familyDecode,
    familyPrefill,
  };
}

function fromFactors(f: EfficiencyFactors, layout: Layout): number[] {
  return [
    logit(f.bandwidthEfficiency),
    logit(f.computeEfficiency),
    Math.log(f.parallelOverheadPerDoubling),
    Math.log(f.moeEfficiency),
    Math.log(f.allReduceLatencyUs),
    Math.log(f.requestOverheadMs),
    ...layout.engines.map((e) => Math.log(f.engineFactor[e])),
    ...layout.overheadEngines.map((e) => Math.log(f.schedulerUsPerSequence[e])),
    ...layout.decodeFamilies.map((fam) => Math.log(f.familyDecode[fam] ?? layout.priors.decode[fam] ?? 1)),
    ...layout.prefillFamilies.map((fam) => Math.log(f.familyPrefill[fam] ?? layout.priors.prefill[fam] ?? 1)),
  ];
}

/**
 * Weight of the prior that pulls each engine and family factor towards 1: a factor moves only as far as
 * its rows ask, and a family or engine pinned by one source cannot run away with that source's quirks.
 */
const PRIOR_WEIGHT = 0.25;

/** Sum of squared log errors (a 2× over-estimate costs the same as a 2× under-estimate), plus the priors. */
function logLoss(serving: ServingKnowledge, rows: readonly CalibrationRow[], factors: EfficiencyFactors): number {
  let loss = 0;
  for (const row of rows) {
    const predicted = predictRow(serving, row, factors);
    if (predicted === null || !(predicted > 0)) return Infinity;
    loss += Math.log(predicted / row.totalTokensPerSec) ** 2;
  }
  const { decode, prefill } = serving.familyPriors;
  const pulls = [
    Math.log(factors.engineFactor.vllm),
    Math.log(factors.engineFactor.sglang),
    // scheduler costs: a weak pull towards 10 µs per sequence per step, so one source cannot set an engine's alone
    ...ENGINES.map((e) => 0.5 * Math.log(factors.schedulerUsPerSequence[e] / DEFAULT_SCHEDULER_US[e])),
    ...GPU_FAMILIES.map((f) => Math.log((factors.familyDecode[f] ?? 1) / (decode[f] ?? 1))),
    ...GPU_FAMILIES.map((f) => Math.log((factors.familyPrefill[f] ?? 1) / (prefill[f] ?? 1))),
  ];
  return loss + PRIOR_WEIGHT * pulls.reduce((s, v) => s + v ** 2, 0);
}

/** Plain Nelder–Mead simplex minimiser; deterministic. */
function nelderMead(f: (x: number[]) => number, start: number[], iterations: number, step: number): number[] {
  const n = start.length;
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))].map((x) => ({ x, v: f(x) }));
  for (let it = 0; it < iterations; it++) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    const centroid = start.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p.x[j]!, 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (worst.x[j]! - c));
    const reflected = along(-1);
    const vr = f(reflected);
    if (vr < best.v) {
      const expanded = along(-2);
      const ve = f(expanded);
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
    } else if (vr < simplex[n - 1]!.v) {
      simplex[n] = { x: reflected, v: vr };
    } else {
      const contracted = along(0.5);
      const vc = f(contracted);
      if (vc < worst.v) simplex[n] = { x: contracted, v: vc };
      else
        simplex = simplex.map((p, i) => (i === 0 ? p : { x: p.x.map((v, j) => best.x[j]! + 0.5 * (v - best.x[j]!)), v: 0 })).map((p, i) => (i === 0 ? p : { x: p.x, v: f(p.x) }));
    }
    if (Math.abs(simplex[n]!.v - simplex[0]!.v) < 1e-10) break;
  }
  simplex.sort((a, b) => a.v - b.v);
  return simplex[0]!.x;
}

const START: EfficiencyFactors = {
  bandwidthEfficiency: 0.6,
  computeEfficiency: 0.5,
  parallelOverheadPerDoubling: 0.05,
  moeEfficiency: 0.5,
  allReduceLatencyUs: 10,
  requestOverheadMs: 1,
  engineFactor: { vllm: 1, sglang: 1, "tensorrt-llm": 1 },
  schedulerUsPerSequence: { ...DEFAULT_SCHEDULER_US },
  familyDecode: { hopper: 1 },
  familyPrefill: { hopper: 1 },
};

/** Efficiency factors that minimise the log error over `rows` (all calibration rows by default). */
export function fitFactors(serving: ServingKnowledge, rows: readonly CalibrationRow[] = serving.calibration, start: EfficiencyFactors = START): EfficiencyFactors {
  const layout = layoutOf(serving, rows);
  const objective = (x: number[]) => logLoss(serving, rows, toFactors(x, layout));
  // Restarts from each optimum escape the simplex collapsing early along a flat direction.
  let x = fromFactors(start, layout);
  for (const [iterations, step] of [
    [1500, 0.5],
    [1000, 0.2],
    [800, 0.1],
  ] as const)
    x = nelderMead(objective, x, iterations, step);
  return toFactors(x, layout);
}

/** The group a row is held out with: its sourceGroup, else its source address without the commit. */
export function sourceKey(row: CalibrationRow): string {
  return row.sourceGroup ?? row.source.replace(/\/blob\/[0-9a-f]{7,40}\//, "/blob/*/").replace(/#.*$/, "");
}

interface HeldOutRow {
  row: CalibrationRow;
  family: GpuFamily;
  predictedTokensPerSec: number;
  /** (predicted − measured) / measured, in percent */
  errorPct: number;
  /** no row of this GPU family was left to fit on */
  familyHeldOut: boolean;
}

export interface LeaveOneSourceOutReport {
  rows: HeldOutRow[];
  sources: number;
  overall: ErrorBand;
  byFamily: Partial<Record<GpuFamily, ErrorBand>>;
  byEngine: Partial<Record<string, ErrorBand>>;
  uncalibratedBandPct: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

function errorBand(rows: readonly HeldOutRow[]): ErrorBand {
  const abs = rows.map((r) => Math.abs(r.errorPct)).sort((a, b) => a - b);
  const meanLog = rows.reduce((s, r) => s + Math.log(r.predictedTokensPerSec / r.row.totalTokensPerSec), 0) / Math.max(1, rows.length);
  return {
    rows: rows.length,
    medianAbsErrorPct: percentile(abs, 0.5),
    p80AbsErrorPct: percentile(abs, 0.8),
    worstAbsErrorPct: abs[abs.length - 1] ?? 0,
    geometricBiasPct: (Math.exp(meanLog) - 1) * 100,
  };
}

function groupBy<K extends string>(rows: readonly HeldOutRow[], key: (r: HeldOutRow) => K): Partial<Record<K, ErrorBand>> {
  const out: Partial<Record<K, ErrorBand>> = {};
  for (const k of new Set(rows.map(key))) out[k] = errorBand(rows.filter((r) => key(r) === k));
  return out;
}

/** Every row predicted by factors refitted without any row of its source (all rows of a source held out together). */
export function leaveOneSourceOut(serving: ServingKnowledge, full: EfficiencyFactors = fitFactors(serving)): LeaveOneSourceOutReport {
  const groups = [...new Set(serving.calibration.map(sourceKey))];
  const rows: HeldOutRow[] = [];
  for (const group of groups) {
    const training = serving.calibration.filter((r) => sourceKey(r) !== group);
    const factors = fitFactors(serving, training, full);
    const families = new Set(training.map((r) => familyOf(serving, r)));
    for (const row of serving.calibration.filter((r) => sourceKey(r) === group)) {
      const predictedTokensPerSec = predictRow(serving, row, factors) ?? 0;
      const family = familyOf(serving, row)!;
      rows.push({
        row,
        family,
        predictedTokensPerSec,
        errorPct: ((predictedTokensPerSec - row.totalTokensPerSec) / row.totalTokensPerSec) * 100,
        familyHeldOut: !families.has(family),
      });
    }
  }
  const overall = errorBand(rows);
  const uncalibrated = rows.filter((r) => r.familyHeldOut);
  return {
    rows,
    sources: groups.length,
    overall,
    byFamily: groupBy(rows, (r) => r.family),
    byEngine: groupBy(rows, (r) => r.row.engine.name),
    // no better than the worst row anywhere: a family without rows may also lack a microbenchmark prior
    uncalibratedBandPct: Math.max(overall.worstAbsErrorPct, uncalibrated.length ? errorBand(uncalibrated).worstAbsErrorPct : 0),
  };
}
