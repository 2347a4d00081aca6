import { describe, expect, it } from "vitest";
import { servingProblems } from "../src/core/selfhost/schema.ts";
import { resolveArchitecture } from "../src/core/selfhost/architecture.ts";
import { openWeightsModelIds, realServing } from "./selfhost-fixture.ts";

const serving = realServing();

// The ids the table has today plus those it will add (issue 11).
const EXPECTED_IDS = [
  "deepseek-chat",
  "deepseek-reasoner",
  "kimi-k2.5",
  "kimi-k2.6",
  "kimi-k2-thinking",
  "qwen3-235b-a22b",
  "qwen3-coder-480b",
  "qwen3-next-80b",
  "mistral-large-3",
  "mistral-small-3.2",
  "devstral-2",
  "llama-3.3-70b",
  "llama-3.1-8b",
  "llama-4-maverick",
  "llama-4-scout",
  "gpt-oss-120b",
  "gpt-oss-20b",
  "llama-3.1-70b",
  "llama-3.1-405b",
  "qwen2.5-72b",
  "qwen3-32b",
  "qwen3-30b-a3b",
  "mixtral-8x7b",
  "mixtral-8x22b",
  "glm-4.5",
  "glm-4.6",
  "glm-4.5-air",
  "minimax-m2",
  "deepseek-r1",
  "gemma-3-27b",
  "kimi-k2",
];

describe("serving.yaml", () => {
  it("has no cross-reference problems against the price table's open-weights models", () => {
    expect(servingProblems(serving, openWeightsModelIds())).toEqual([]);
  });

  it("describes every open-weights model the table has or will add", () => {
    const missing = EXPECTED_IDS.filter((id) => resolveArchitecture(serving, id) === null);
    expect(missing).toEqual([]);
  });

  it("covers the GPUs the issue names", () => {
    expect(serving.gpus.map((g) => g.id)).toEqual(expect.arrayContaining(["a100", "h100", "h100-pcie", "h200", "b200", "l40s", "mi300x"]));
  });

  it("has at least 25 calibration rows, each normalized to total tokens/s for the whole system", () => {
    expect(serving.calibration.length).toBeGreaterThanOrEqual(25);
    for (const row of serving.calibration) {
      const system = row.reported.scope === "per-gpu" ? row.reported.value * row.gpuCount : row.reported.value;
      const total = row.reported.metric === "output" ? (system * (row.inputTokens + row.outputTokens)) / row.outputTokens : system;
      expect(row.totalTokensPerSec / total).toBeCloseTo(1, 2);
    }
  });

  it("labels nothing measured that its source calls synthesized", () => {
    for (const row of serving.calibration) expect(`${row.note ?? ""} ${row.conversion}`.toLowerCase()).not.toMatch(/synthesi[sz]ed|projected/);
  });

  it("flags a row whose total does not follow from what the source reported", () => {
    const broken = structuredClone(serving);
    broken.calibration[0]!.totalTokensPerSec *= 2;
    expect(servingProblems(broken, [])).toEqual([expect.stringContaining(broken.calibration[0]!.id)]);
  });

  it("flags an open-weights model without an architecture and a dangling sameWeightsAs", () => {
    const broken = structuredClone(serving);
    broken.architectures["deepseek-reasoner"] = { sameWeightsAs: "no-such-model" };
    const problems = servingProblems(broken, ["brand-new-open-model"]);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining("no-such-model"), expect.stringContaining("brand-new-open-model")]));
  });
});
