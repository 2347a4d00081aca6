import { describe, expect, it } from "vitest";
import { planSelfhost } from "../src/core/selfhost/plan.ts";
import { realServing } from "./selfhost-fixture.ts";

const serving = realServing();
const deployable = (n: number) => [1, 2, 4, 8].includes(n) || (n > 8 && n % 8 === 0);

describe("every architecture on every GPU", () => {
  const cases = Object.keys(serving.architectures).flatMap((modelId) => serving.gpus.map((gpu) => [modelId, gpu.id] as const));

  it.each(cases)("%s on %s gets a number or a clear does-not-fit", (modelId, gpu) => {
    for (const slo of ["interactive", "batch"] as const) {
      const plan = planSelfhost(serving, { modelId, gpu, apiCostPer1M: 0.5, slo });
      if (plan.fits) {
        expect(plan.throughputTokensPerSec!).toBeGreaterThan(0);
        expect(Number.isFinite(plan.throughputTokensPerSec!)).toBe(true);
        expect(plan.perUserDecodeTokensPerSec!).toBeGreaterThan(0);
        expect(Number.isFinite(plan.selfHostCostPer1M!)).toBe(true);
        expect(deployable(plan.topology!.replicaGpus)).toBe(true);
        expect(plan.gpu.id).toBe(gpu);
        expect(plan.breakEvenTokensPerMonth === null).toBe(plan.apiCheaperAtFullUse !== null);
      } else {
        expect(plan.throughputTokensPerSec).toBeNull();
        expect(plan.doesNotFit!.needs.length).toBeGreaterThan(0);
        for (const need of plan.doesNotFit!.needs) {
          expect(need.gpu).toBe(gpu);
          expect(deployable(need.gpuCount)).toBe(true);
          expect(need.nodes).toBe(Math.ceil(need.gpuCount / 8));
        }
      }
    }
  });

  it("fits every model somewhere within four nodes of some GPU", () => {
    for (const modelId of Object.keys(serving.architectures)) {
      const fits = serving.gpus.some((gpu) => planSelfhost(serving, { modelId, gpu: gpu.id, apiCostPer1M: 0.5 }).fits);
      expect({ modelId, fits }).toEqual({ modelId, fits: true });
    }
  });
});
