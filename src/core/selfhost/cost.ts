/** Owning instead of renting: the purchase is spread over the amortization period and power is paid on top. */
export interface Ownership {
  purchaseUsdPerGpu: number;
  amortizationMonths: number;
  usdPerKwh: number;
  powerWatts: number;
}

export interface CostInputs {
  gpuCount: number;
  /** rented $/GPU-hour (power included); ignored when `owned` is set */
  rentalUsdPerGpuHour: number;
  owned: Ownership | null;
  opsUsdPerMonth: number;
  hoursPerMonth: number;
  /** deployment total tokens/s at full load */
  throughputTokensPerSec: number;
  /** 0..1 share of the month the deployment does useful work */
  utilization: number;
  apiCostPer1M: number;
}

export interface CostBreakdown {
  /** per GPU-hour: rent, or amortization + electricity when owned */
  usdPerGpuHour: number;
  rentalUsdPerMonth: number;
  amortizationUsdPerMonth: number;
  electricityUsdPerMonth: number;
  opsUsdPerMonth: number;
  /** everything above: paid whether or not the GPUs are busy */
  monthlyFixedUsd: number;
  /** owned GPUs: the purchase price and months the write-off used */
  writeOff?: { purchaseUsdPerGpu: number; months: number };
}

export interface CostResult {
  breakdown: CostBreakdown;
  /** tokens one deployment serves in a month at 100% utilization */
  capacityTokensPerMonth: number;
  selfHostCostPer1M: number;
  selfHostCostPer1MAtFullUse: number;
  /** monthly volume where the fixed cost equals the API bill; null when beyond the deployment's capacity */
  breakEvenTokensPerMonth: number | null;
  /** when break-even is out of reach: how much dearer self-hosting stays even at 100% utilization */
  apiCheaperAtFullUse: { byPer1M: number; ratio: number } | null;
}

function breakdown(input: Omit<CostInputs, "throughputTokensPerSec" | "utilization" | "apiCostPer1M">): CostBreakdown {
  const gpuHours = input.gpuCount * input.hoursPerMonth;
  if (input.owned) {
    const o = input.owned;
    const amortizationPerGpuHour = o.purchaseUsdPerGpu / (o.amortizationMonths * input.hoursPerMonth);
    const electricityPerGpuHour = (o.powerWatts / 1000) * o.usdPerKwh;
    return {
      usdPerGpuHour: amortizationPerGpuHour + electricityPerGpuHour,
      rentalUsdPerMonth: 0,
      amortizationUsdPerMonth: amortizationPerGpuHour * gpuHours,
      electricityUsdPerMonth: electricityPerGpuHour * gpuHours,
      opsUsdPerMonth: input.opsUsdPerMonth,
      monthlyFixedUsd: (amortizationPerGpuHour + electricityPerGpuHour) * gpuHours + input.opsUsdPerMonth,
      writeOff: { purchaseUsdPerGpu: o.purchaseUsdPerGpu, months: o.amortizationMonths },
    };
  }
  return {
    usdPerGpuHour: input.rentalUsdPerGpuHour,
    rentalUsdPerMonth: input.rentalUsdPerGpuHour * gpuHours,
    amortizationUsdPerMonth: 0,
    electricityUsdPerMonth: 0,
    opsUsdPerMonth: input.opsUsdPerMonth,
    monthlyFixedUsd: input.rentalUsdPerGpuHour * gpuHours + input.opsUsdPerMonth,
  };
}

/**
 * Self-hosting cost per 1M tokens and break-even against the API. The fixed monthly cost is paid at
 * any utilization; break-even is reported only when one deployment can actually serve that volume.
 */
export function selfhostCost(input: CostInputs): CostResult {
  const costs = breakdown(input);
  const capacityTokensPerMonth = input.throughputTokensPerSec * 3600 * input.hoursPerMonth;
  const per1M = (tokens: number) => (costs.monthlyFixedUsd / tokens) * 1e6;
  const selfHostCostPer1MAtFullUse = per1M(capacityTokensPerMonth);
  const breakEven = input.apiCostPer1M > 0 ? (costs.monthlyFixedUsd / input.apiCostPer1M) * 1e6 : Infinity;
  const reachable = breakEven <= capacityTokensPerMonth;
  return {
    breakdown: costs,
    capacityTokensPerMonth,
    selfHostCostPer1M: per1M(capacityTokensPerMonth * input.utilization),
    selfHostCostPer1MAtFullUse,
    breakEvenTokensPerMonth: reachable ? breakEven : null,
    apiCheaperAtFullUse: reachable
      ? null
      : { byPer1M: selfHostCostPer1MAtFullUse - input.apiCostPer1M, ratio: input.apiCostPer1M > 0 ? selfHostCostPer1MAtFullUse / input.apiCostPer1M : Infinity },
  };
}

/** A range of monthly volumes above break-even where the API is cheaper again, and the deployments it takes there. */
export interface ApiAgainWindow {
  fromTokens: number;
  toTokens: number;
  deployments: number;
}

/**
 * Volumes above break-even where a capacity step makes the API cheaper again. One deployment serves `stepTokens` a
 * month and beats the API from `breakEvenTokens`; n deployments cost n times as much, so they beat it only from
 * n × break-even, and on ((n − 1) × step, n × break-even] the API wins again, for every n where that range is not
 * empty. Ascending; at most `max` ranges (when break-even is close to a deployment's capacity there are many).
 */
export function apiCheaperAgain(breakEvenTokens: number, stepTokens: number, max = 3): ApiAgainWindow[] {
  const windows: ApiAgainWindow[] = [];
  if (!(breakEvenTokens > 0 && stepTokens > 0)) return windows;
  for (let n = 2; windows.length < max && n * breakEvenTokens > (n - 1) * stepTokens; n++) {
    windows.push({ fromTokens: (n - 1) * stepTokens, toTokens: n * breakEvenTokens, deployments: n });
  }
  return windows;
}
