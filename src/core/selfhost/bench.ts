import { planSelfhost, type SelfhostRequest } from "./plan.ts";
import type { ServingKnowledge } from "./schema.ts";

/**
 * Times planSelfhost over a spread of questions (every architecture, default and named GPUs, both
 * service levels) and returns percentiles in milliseconds. For `npm run bench`; tests do not assert timing.
 */
export function benchPlanSelfhost(serving: ServingKnowledge, iterations = 2000): { p50Ms: number; p99Ms: number; maxMs: number } {
  const models = Object.keys(serving.architectures);
  const gpus = [undefined, ...serving.gpus.map((g) => g.id)];
  const requests: SelfhostRequest[] = [];
  for (let i = 0; i < iterations; i++) {
    const gpu = gpus[i % gpus.length];
    requests.push({
      modelId: models[i % models.length]!,
      apiCostPer1M: 1,
      ...(gpu ? { gpu } : {}),
      slo: i % 2 ? "batch" : "interactive",
    });
  }
  const times: number[] = [];
  for (const req of requests) {
    const start = performance.now();
    planSelfhost(serving, req);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0;
  return { p50Ms: at(0.5), p99Ms: at(0.99), maxMs: times[times.length - 1] ?? 0 };
}
