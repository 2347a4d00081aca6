import type { Model } from "../knowledge/schema.ts";
import { normalizeName } from "./names.ts";

/**
 * The curated model of `family` ("qwen") with `billions` parameters ("32"), vision variants last: "qwen 32b" means
 * Qwen3 32B, not the flagship "qwen" alone stands for. Undefined when the family has no model of that size. One rule
 * for typed lists (ModelResolver) and free text (understand/models.ts).
 */
export function modelOfSize(models: readonly Model[], family: string, billions: string): Model | undefined {
  const familyKey = normalizeName(family);
  const sizeWord = new RegExp(`(?:^|[^\\d.])${billions.replace(".", "\\.")}b(?:$|[^\\d])`, "i");
  return models
    .filter((m) => normalizeName(`${m.name} ${m.id}`).includes(familyKey) && sizeWord.test(`${m.name} ${m.id}`.toLowerCase()))
    .sort((a, b) => Number(/\bvl\b|vision/i.test(a.name)) - Number(/\bvl\b|vision/i.test(b.name)))[0];
}
