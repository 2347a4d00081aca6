import { formatCount, formatNumber } from "../reply/format.ts";
import type { Translator } from "../i18n/translate.ts";
import type { PricedModel } from "../knowledge/schema.ts";
import type { PricingFallback, WorkloadCost } from "./pricing.ts";
import { secondSourceNotes } from "./price-sources.ts";

/** The fallbacks worth telling a user about, by what they asked for. */
const TOLD: Partial<Record<PricingFallback, "pricing.noBatch" | "pricing.noFlex" | "pricing.noPriority" | "pricing.noCacheWrite" | "pricing.stackedLongContext">> = {
  "no-batch-price": "pricing.noBatch",
  "no-flex-price": "pricing.noFlex",
  "no-priority-price": "pricing.noPriority",
  "no-cache-write-price": "pricing.noCacheWrite",
  "no-long-context-batch-price": "pricing.stackedLongContext",
  "no-long-context-flex-price": "pricing.stackedLongContext",
  "no-long-context-priority-price": "pricing.stackedLongContext",
};

/**
 * What an answer says about how each cost was priced: long-context or batch prices used, prices the model does not
 * have (standard ones used instead) or that come from a provider's published discount (with the cost at standard
 * prices, when the caller can show it), hidden reasoning tokens, prompts larger than the context window, and prices
 * the two price sources disagree on.
 */
export function pricingNotes<M extends PricedModel>(
  t: Translator,
  costs: readonly { model: M; cost: WorkloadCost }[],
  said: {
    /** the cost at standard prices, shown, where a service tier's prices were used */
    atStandard?: (model: M, cost: WorkloadCost) => string | undefined;
    /** the asker's reasoning is already in the output volume, as a multiple of the reply */
    reasoningTimes?: number;
  } = {},
): string[] {
  const { atStandard, reasoningTimes } = said;
  const notes: string[] = [];
  const names = (list: { model: PricedModel }[]) => t.list(list.map((c) => c.model.name));
  for (const { model, cost } of costs) {
    // a prompt past the context window is priced at no tier: it does not fit
    if (cost.longContextAboveTokens !== null && !cost.promptExceedsContext && !cost.inBetaContext)
      notes.push(t("pricing.longContext", { model: model.name, above: formatCount(cost.longContextAboveTokens, t.lang) }));
    const derived = cost.pricing === "batch" || cost.pricing === "flex" ? model.derivedTiers?.[cost.pricing] : undefined;
    if (derived)
      notes.push(
        t(`pricing.${cost.pricing as "batch" | "flex"}Rule`, {
          model: model.name,
          provider: model.provider,
          percent: Math.round((1 - derived.share) * 100),
          source: derived.source,
        }),
      );
    else if (cost.pricing === "batch" || cost.pricing === "flex" || cost.pricing === "priority") notes.push(t(`pricing.${cost.pricing}`, { model: model.name }));
    const standard = atStandard?.(model, cost);
    if (standard) notes.push(t("pricing.atStandard", { model: model.name, cost: standard }));
    cost.fallbacks.forEach((fallback, i) => {
      const key = TOLD[fallback];
      if (key && cost.fallbacks.indexOf(fallback) === i) notes.push(t(key, { model: model.name }));
    });
    if (cost.cachedAtInputPrice) notes.push(t("cachedAtInput", { model: model.name }));
    if (cost.promptExceedsContext) notes.push(t("pricing.promptTooLong", { model: model.name, context: formatCount(model.betaContextWindow ?? model.contextWindow, t.lang) }));
    else if (cost.inBetaContext) notes.push(t("pricing.betaContext", { model: model.name, beta: formatCount(model.betaContextWindow!, t.lang) }));
  }
  const reasoners = costs.filter((c) => c.cost.reasoningInOutput);
  if (reasoners.length)
    notes.push(
      reasoningTimes === undefined
        ? t("pricing.reasoning", { models: names(reasoners), count: reasoners.length })
        : t("pricing.reasoningCounted", { models: names(reasoners), count: reasoners.length, times: formatNumber(reasoningTimes, 2) }),
    );
  notes.push(
    ...secondSourceNotes(
      t,
      costs.map((c) => c.model),
    ),
  );
  return notes;
}
