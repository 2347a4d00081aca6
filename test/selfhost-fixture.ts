import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { parseServingYaml } from "../src/core/selfhost/parse.ts";
import type { ServingKnowledge } from "../src/core/selfhost/schema.ts";

const knowledge = join(import.meta.dirname, "..", "knowledge");

/** knowledge/serving.yaml, parsed and validated. */
export function realServing(): ServingKnowledge {
  return parseServingYaml(readFileSync(join(knowledge, "serving.yaml"), "utf8"));
}

/** Open-weights model ids of the price table (models.yaml), read directly so these tests do not depend on the loader. */
export function openWeightsModelIds(): string[] {
  const file = parse(readFileSync(join(knowledge, "models.yaml"), "utf8")) as { models: { id: string; openWeights?: boolean }[] };
  return file.models.filter((m) => m.openWeights === true).map((m) => m.id);
}
