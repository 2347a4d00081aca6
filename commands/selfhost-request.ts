import type { ParsedArgs } from "../src/core/dispatch/grammar.ts";
import type { CostWorkload } from "../src/core/pricing/pricing.ts";
import type { SelfhostRequest } from "../src/core/selfhost/plan.ts";
import type { EngineName, Precision } from "../src/core/selfhost/schema.ts";

/** What /selfhost has already read and checked from the question, beside the options passed through as given. */
interface Asked {
  modelId: string;
  apiCostPer1M: number;
  gpuAsked: string | undefined;
  precision: Precision | undefined;
  slo: "interactive" | "batch" | undefined;
  engine: EngineName | undefined;
  tokensPerMonth: number | undefined;
  workload: CostWorkload;
  owned: boolean;
}

/** The planner's request for a /selfhost question: only what the asker gave, so the planner's defaults fill the rest. */
export function selfhostRequest(args: ParsedArgs, asked: Asked): SelfhostRequest {
  const { workload } = asked;
  return {
    modelId: asked.modelId,
    apiCostPer1M: asked.apiCostPer1M,
    ...(asked.gpuAsked !== undefined ? { gpu: asked.gpuAsked } : {}),
    ...(args.has("gpus") ? { gpuCount: args.number("gpus") } : {}),
    ...(args.has("price") ? { hourlyUsd: args.number("price") } : {}),
    ...(args.has("util") ? { utilizationPercent: args.number("util") } : {}),
    ...(asked.precision ? { precision: asked.precision } : {}),
    ...(args.has("tput") ? { throughputTokensPerSec: args.number("tput") } : {}),
    ...(asked.slo ? { slo: asked.slo } : {}),
    ...(asked.engine ? { engine: asked.engine } : {}),
    ...(asked.tokensPerMonth !== undefined ? { tokensPerMonth: asked.tokensPerMonth } : {}),
    ...(workload.promptTokensPerRequest
      ? {
          request: {
            inputTokens: workload.promptTokensPerRequest,
            outputTokens: Math.max(1, Math.round(workload.promptTokensPerRequest * (workload.outputTokens / Math.max(1, workload.inputTokens)))),
          },
        }
      : {}),
    ...(asked.owned
      ? {
          owned: {
            amortizationMonths: args.number("months") ?? 36,
            ...(args.has("cost") ? { purchaseUsdPerGpu: args.number("cost") } : {}),
            ...(args.has("kwh") ? { usdPerKwh: args.number("kwh") } : {}),
          },
        }
      : {}),
    ...(args.has("ops") ? { opsUsdPerMonth: args.number("ops") } : {}),
  };
}
