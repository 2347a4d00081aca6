import { selfhostCost, type CostResult, type Ownership } from "./cost.ts";
import type { ServingGpu, ServingKnowledge } from "./schema.ts";

export interface MoneyQuestion {
  apiCostPer1M: number;
  hourlyUsd?: number;
  utilizationPercent?: number;
  tokensPerMonth?: number;
  owned?: { purchaseUsdPerGpu?: number; amortizationMonths: number; usdPerKwh?: number };
  opsUsdPerMonth?: number;
}

export interface MoneyAnswer {
  utilization: number;
  tokensPerMonth: number;
  capacityTokensPerMonth: number;
  deploymentsForVolume: number | null;
  /** null when owned GPUs have no purchase price */
  cost: CostResult | null;
  /** the same deployment's cost at another throughput (for the service-level trade-off) */
  costAt(throughputTokensPerSec: number): CostResult | null;
  warnings: ("purchasePriceMissing" | "electricityGpuBoardOnly" | "volumeNeedsMoreDeployments" | "utilizationAboveSustainable" | "utilizationBelowUseful")[];
}

/** Utilization, volume and cost for `gpuCount` GPUs serving `throughput` tokens/s; the user's numbers win. */
export function planMoney(serving: ServingKnowledge, q: MoneyQuestion, gpu: ServingGpu, gpuCount: number, throughput: number): MoneyAnswer {
  const warnings: MoneyAnswer["warnings"] = [];
  let owned: Ownership | null = null;
  if (q.owned) {
    const purchase = q.owned.purchaseUsdPerGpu ?? gpu.purchase?.usd;
    if (purchase === undefined) warnings.push("purchasePriceMissing");
    else {
      owned = {
        purchaseUsdPerGpu: purchase,
        amortizationMonths: q.owned.amortizationMonths,
        usdPerKwh: q.owned.usdPerKwh ?? serving.electricity.usdPerKwh,
        powerWatts: gpu.powerWatts,
      };
      warnings.push("electricityGpuBoardOnly");
    }
  }
  const capacityTokensPerMonth = throughput * 3600 * serving.hoursPerMonth;
  const given = q.utilizationPercent;
  let utilization = (given ?? serving.defaultUtilizationPercent) / 100;
  let deploymentsForVolume: number | null = null;
  if (q.tokensPerMonth !== undefined) {
    // A volume sets utilization unless the user gave one; beyond one deployment's capacity it adds
    // deployments, each running at volume ÷ (deployments × capacity).
    const perDeployment = given === undefined ? capacityTokensPerMonth : capacityTokensPerMonth * utilization;
    deploymentsForVolume = Math.max(1, Math.ceil(q.tokensPerMonth / perDeployment));
    if (given === undefined) utilization = Math.max(0.01, q.tokensPerMonth / (deploymentsForVolume * capacityTokensPerMonth));
    if (deploymentsForVolume > 1) warnings.push("volumeNeedsMoreDeployments");
  }
  if (utilization * 100 > serving.utilizationWarning.highPercent) warnings.push("utilizationAboveSustainable");
  if (utilization * 100 < serving.utilizationWarning.lowPercent) warnings.push("utilizationBelowUseful");
  const costAt = (throughputTokensPerSec: number) =>
    q.owned && !owned
      ? null
      : selfhostCost({
          gpuCount,
          rentalUsdPerGpuHour: q.hourlyUsd ?? gpu.rental.typical,
          owned,
          opsUsdPerMonth: q.opsUsdPerMonth ?? 0,
          hoursPerMonth: serving.hoursPerMonth,
          throughputTokensPerSec,
          utilization,
          apiCostPer1M: q.apiCostPer1M,
        });
  return {
    utilization,
    tokensPerMonth: q.tokensPerMonth ?? capacityTokensPerMonth * utilization,
    capacityTokensPerMonth,
    deploymentsForVolume,
    cost: costAt(throughput),
    costAt,
    warnings,
  };
}
