import { resolveArchitecture } from "./architecture.ts";
import type { CalibrationRow, EfficiencyFactors, ServingKnowledge } from "./schema.ts";
import { estimateReplica } from "./throughput.ts";

/** The model's prediction for a calibration row: one replica of the row's GPUs, no per-user floor. */
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

// Unconstrained search coordinates → factors: efficiencies through a logistic (0..1), the rest through exp.
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

function toFactors(x: readonly number[]): EfficiencyFactors {
  return {
    bandwidthEfficiency: logistic(x[0]!),
    computeEfficiency: logistic(x[1]!),
    parallelOverheadPerDoubling: Math.exp(x[2]!),
    openEngineFactor: Math.exp(x[3]!),
    moeEfficiency: Math.exp(x[4]!),
    familyFactor: { hopper: 1, blackwell: Math.exp(x[5]!), ampere: Math.exp(x[6]!), cdna3: Math.exp(x[7]!) },
  };
}

const START: EfficiencyFactors = {
  bandwidthEfficiency: 0.6,
  computeEfficiency: 0.5,
  parallelOverheadPerDoubling: 0.05,
  openEngineFactor: 0.7,
  moeEfficiency: 0.7,
  familyFactor: { hopper: 1, blackwell: 1, ampere: 1, cdna3: 1 },
};

function fromFactors(f: EfficiencyFactors): number[] {
  return [
    logit(f.bandwidthEfficiency),
    logit(f.computeEfficiency),
    Math.log(f.parallelOverheadPerDoubling),
    Math.log(f.openEngineFactor),
    Math.log(f.moeEfficiency),
    Math.log(f.familyFactor.blackwell ?? 1),
    Math.log(f.familyFactor.ampere ?? 1),
    Math.log(f.familyFactor.cdna3 ?? 1),
  ];
}

/** Sum of squared log errors: a 2× over-estimate costs the same as a 2× under-estimate. */
export function logLoss(serving: ServingKnowledge, rows: readonly CalibrationRow[], factors: EfficiencyFactors): number {
  let loss = 0;
  for (const row of rows) {
    const predicted = predictRow(serving, row, factors);
    if (predicted === null || !(predicted > 0)) return Infinity;
    loss += Math.log(predicted / row.totalTokensPerSec) ** 2;
  }
  return loss;
}

/** Plain Nelder–Mead simplex minimiser; deterministic, enough for four parameters. */
function nelderMead(f: (x: number[]) => number, start: number[], iterations = 600, step = 0.5): number[] {
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

/** Efficiency factors that minimise the log error over `rows` (all calibration rows by default). */
export function fitFactors(serving: ServingKnowledge, rows: readonly CalibrationRow[] = serving.calibration, start: EfficiencyFactors = START): EfficiencyFactors {
  const objective = (x: number[]) => logLoss(serving, rows, toFactors(x));
  // A restart from the first optimum escapes the simplex collapsing early along a flat direction.
  let x = nelderMead(objective, fromFactors(start));
  x = nelderMead(objective, x, 400, 0.2);
  return toFactors(x);
}

export interface LeaveOneOutRow {
  row: CalibrationRow;
  predictedTokensPerSec: number;
  /** (predicted − measured) / measured, in percent */
  errorPct: number;
}

export interface LeaveOneOutReport {
  rows: LeaveOneOutRow[];
  medianAbsErrorPct: number;
  p80AbsErrorPct: number;
  worstAbsErrorPct: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

/** Each row predicted by factors refitted without it. */
export function leaveOneOut(serving: ServingKnowledge): LeaveOneOutReport {
  const full = fitFactors(serving);
  const rows = serving.calibration.map((row) => {
    const factors = fitFactors(
      serving,
      serving.calibration.filter((r) => r !== row),
      full,
    );
    const predictedTokensPerSec = predictRow(serving, row, factors) ?? 0;
    return { row, predictedTokensPerSec, errorPct: ((predictedTokensPerSec - row.totalTokensPerSec) / row.totalTokensPerSec) * 100 };
  });
  const abs = rows.map((r) => Math.abs(r.errorPct)).sort((a, b) => a - b);
  return {
    rows,
    medianAbsErrorPct: percentile(abs, 0.5),
    p80AbsErrorPct: percentile(abs, 0.8),
    worstAbsErrorPct: abs[abs.length - 1] ?? 0,
  };
}
