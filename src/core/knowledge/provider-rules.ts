import { z } from "zod";
import type { PriceSet } from "./price-tiers.ts";
import { isoDate } from "./schema.ts";
import type { PricedModel } from "./schema.ts";

/**
 * What providers publish that the price map leaves out (knowledge/provider-rules.yaml): a flat discount for a
 * service tier (OpenAI, Anthropic and Google: batch at 50% of the standard price), and how a model's context
 * numbers are to be read (an input limit inside a larger total window; a beta long-context tier).
 */

const sourced = { source: z.string().min(1), asOf: isoDate };

const discountSchema = z.strictObject({
  /** the model's maker as models.yaml names it ("OpenAI"); hosted copies ("… (served by …)") are not covered */
  provider: z.string().min(1),
  /** the price map's litellm_provider values of the same provider's own API, for catalog entries */
  litellmProviders: z.array(z.string().min(1)).default([]),
  tier: z.enum(["batch", "flex"]),
  /** the price as a share of the standard one: 0.5 is 50% off */
  share: z.number().gt(0).lt(1),
  /** only these model ids, when the provider offers the tier for some models only */
  models: z.array(z.string().min(1)).optional(),
  ...sourced,
});

const contextSchema = z.strictObject({
  /** the most input tokens one request takes, inside `totalWindow` (input + output) */
  inputLimit: z.number().int().positive().optional(),
  totalWindow: z.number().int().positive().optional(),
  /** the generally available window, and a larger one offered as a beta with its own prices above `standardWindow` */
  standardWindow: z.number().int().positive().optional(),
  betaWindow: z.number().int().positive().optional(),
  /** how the beta is turned on, e.g. the request header Anthropic names */
  betaName: z.string().min(1).optional(),
  ...sourced,
});

export const providerRulesSchema = z.strictObject({
  discounts: z.array(discountSchema).default([]),
  /** keyed by curated model id */
  context: z.record(z.string(), contextSchema).default({}),
});
export type ProviderRules = z.infer<typeof providerRulesSchema>;
export type DiscountRule = z.infer<typeof discountSchema>;
export type ContextRule = z.infer<typeof contextSchema>;

/** A tier price computed from a published flat discount, not listed for the model. */
export interface DerivedTier {
  share: number;
  source: string;
  asOf: string;
}

const scaled = (value: number | undefined, share: number) => (value === undefined ? undefined : value * share);

function derived(model: PricedModel, share: number): PriceSet {
  const set: PriceSet = { inputPer1M: model.inputPer1M * share, outputPer1M: model.outputPer1M * share };
  const cached = scaled(model.cachedInputPer1M, share);
  const write = scaled(model.cacheWritePer1M, share);
  return { ...set, ...(cached !== undefined ? { cachedInputPer1M: cached } : {}), ...(write !== undefined ? { cacheWritePer1M: write } : {}) };
}

function covers(rule: DiscountRule, model: PricedModel): boolean {
  if (rule.models && !rule.models.includes(model.id)) return false;
  return model.catalog ? rule.litellmProviders.includes(model.provider) : model.provider === rule.provider;
}

/** The model with its beta window, where the rule names one and the model prices prompts past its standard window. */
export function applyContextRule(model: PricedModel, rule: ContextRule | undefined): PricedModel {
  if (!rule?.betaWindow || !rule.standardWindow || rule.standardWindow !== model.contextWindow) return model;
  return model.longContext?.some((band) => band.aboveTokens === rule.standardWindow) ? { ...model, betaContextWindow: rule.betaWindow } : model;
}

/** The model with the tiers a rule covers and the map does not list, each marked as derived; others unchanged. */
export function applyDiscountRules(model: PricedModel, rules: readonly DiscountRule[]): PricedModel {
  let result = model;
  for (const rule of rules) {
    if (result[rule.tier] || !covers(rule, model)) continue;
    result = {
      ...result,
      [rule.tier]: derived(model, rule.share),
      derivedTiers: { ...result.derivedTiers, [rule.tier]: { share: rule.share, source: rule.source, asOf: rule.asOf } },
    };
  }
  return result;
}
