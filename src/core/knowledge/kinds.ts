import type { Model, PricedModel } from "./schema.ts";

/** The article's three tiers, cheapest first. Kept apart from the zod schemas so answering never loads zod. */
export const TIERS = ["ultra-low", "balanced", "premium"] as const;
export type Tier = (typeof TIERS)[number];

export const CAPABILITIES = ["vision", "reasoning", "tools"] as const;
export type Capability = (typeof CAPABILITIES)[number];

export function isPriced(model: Model): model is PricedModel {
  return !("unpriced" in model);
}
