import type { CodingRun, CodingRunsFile } from "../knowledge/schema.ts";
import { workloadCost, type PricedEntry } from "../pricing/pricing.ts";

/** One model's measured coding run priced today. */
export interface SolvedTaskCost {
  /** USD per exercise solved: the run's tokens at today's list prices (no cache discount) ÷ exercises solved */
  usd: number;
  run: CodingRun;
  source: string;
  sourceTitle: string;
  asOf: string;
}

/**
 * What one solved exercise of the run cost at `model`'s prices today. List prices hide how many tokens a model spends
 * per task (reasoning, retries); the run measured them. Null when no run is mapped to the model or it solved none.
 */
export function costPerSolvedTask(model: PricedEntry, runs: CodingRunsFile | null): SolvedTaskCost | null {
  const run = runs?.runs[model.id];
  if (!runs || !run || run.solved === 0) return null;
  const total = workloadCost(model, { inputTokens: run.promptTokens, outputTokens: run.completionTokens, cachedPercent: 0 }).totalUsd;
  return { usd: total / run.solved, run, source: runs.url, sourceTitle: runs.source, asOf: runs.asOf };
}
