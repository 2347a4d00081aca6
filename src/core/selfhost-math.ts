export interface SelfhostInputs {
  gpuHourlyUsd: number;
  gpuCount: number;
  gpuPowerWatts: number;
  usdPerKwh: number;
  /** total tokens per second one deployment of `gpuCount` GPUs serves at full load */
  throughputTokensPerSec: number | null;
  /** 0..1: the share of each hour the GPUs do useful work */
  utilization: number;
  hoursPerMonth: number;
  apiCostPer1M: number;
}

export interface SelfhostResult {
  hourlyUsd: number;
  electricityHourlyUsd: number;
  monthlyFixedUsd: number;
  selfHostCostPer1M: number | null;
  monthlyCapacityTokens: number | null;
  /** tokens per month at which renting the GPUs costs the same as the API; null if the API is free */
  breakEvenTokensPerMonth: number | null;
  /** false when one deployment cannot serve its own break-even volume */
  breakEvenWithinCapacity: boolean | null;
}

/** Self-hosting cost: (GPU $/h × GPUs + electricity) ÷ (throughput × 3600 × utilization) × 1e6. */
export function selfhostCost(input: SelfhostInputs): SelfhostResult {
  const electricityHourlyUsd = (input.gpuPowerWatts / 1000) * input.gpuCount * input.usdPerKwh;
  const hourlyUsd = input.gpuHourlyUsd * input.gpuCount + electricityHourlyUsd;
  const monthlyFixedUsd = hourlyUsd * input.hoursPerMonth;
  const tokensPerHour = input.throughputTokensPerSec === null ? null : input.throughputTokensPerSec * 3600 * input.utilization;
  const selfHostCostPer1M = tokensPerHour ? (hourlyUsd / tokensPerHour) * 1e6 : null;
  const monthlyCapacityTokens = tokensPerHour === null ? null : tokensPerHour * input.hoursPerMonth;
  const breakEvenTokensPerMonth = input.apiCostPer1M > 0 ? (monthlyFixedUsd / input.apiCostPer1M) * 1e6 : null;
  const breakEvenWithinCapacity = breakEvenTokensPerMonth === null || monthlyCapacityTokens === null ? null : breakEvenTokensPerMonth <= monthlyCapacityTokens;
  return { hourlyUsd, electricityHourlyUsd, monthlyFixedUsd, selfHostCostPer1M, monthlyCapacityTokens, breakEvenTokensPerMonth, breakEvenWithinCapacity };
}

/** GPUs needed to hold the weights at `weightBits` per parameter, plus 20% for KV cache and activations. */
export function gpusForWeights(parametersB: number, gpuMemoryGB: number, weightBits = 8): number {
  return Math.max(1, Math.ceil((parametersB * (weightBits / 8) * 1.2) / gpuMemoryGB));
}
