import { parse } from "yaml";
import { servingFileSchema, type ServingKnowledge } from "./schema.ts";

/** Parses serving.yaml text; throws with every schema problem listed. The loader does its own reporting. */
export function parseServingYaml(text: string): ServingKnowledge {
  const result = servingFileSchema.safeParse(parse(text));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`serving.yaml is invalid:\n${lines.join("\n")}`);
  }
  return result.data;
}
