import { formatCount, formatPrice } from "../reply/format.ts";
import type { Translator } from "../i18n/translate.ts";
import type { PricedModel } from "../knowledge/schema.ts";
import type { ContextRule } from "../knowledge/provider-rules.ts";
import type { ComparedPrice } from "../knowledge/second-source.ts";
import { kept } from "../kept.ts";

const PART = { inputPer1M: "price.input", outputPer1M: "price.output", cachedInputPer1M: "price.cachedInput", cacheWritePer1M: "price.cacheWrite" } as const satisfies Record<
  ComparedPrice,
  string
>;

/** Each model's note in each language, written once: the same for every answer that shows the model. */
const written = new WeakMap<PricedModel, Map<Translator["lang"], string | null>>();
const perLang = (): Map<Translator["lang"], string | null> => new Map();

/**
 * Where LiteLLM's map and genai-prices disagree on a shown model's price: both figures with their dates, and which
 * one the answer used and why (the newer one, or an admin's pin).
 */
export function secondSourceNotes(t: Translator, models: readonly PricedModel[]): string[] {
  const notes: string[] = [];
  models.forEach((model, i) => {
    if (!model.secondSource?.disagreements.length || models.indexOf(model) !== i) return;
    const byLang = kept(written, model, perLang);
    let note = byLang.get(t.lang);
    if (note === undefined) {
      note = disagreementNote(t, model);
      byLang.set(t.lang, note);
    }
    if (note) notes.push(note);
  });
  return notes;
}

function disagreementNote(t: Translator, model: PricedModel): string | null {
  const check = model.secondSource;
  if (!check?.disagreements.length) return null;
  const parts = check.disagreements.map((d) =>
    t("sources.differsPart", {
      part: t(PART[d.price]),
      litellm: formatPrice(d.litellm),
      litellmDate: check.litellm.asOf,
      genai: formatPrice(d.genai),
      genaiDate: check.genai.asOf,
    }),
  );
  return t("sources.differ", {
    model: model.name,
    parts: t.list(parts),
    used: check.used === "litellm" ? t("sources.litellm") : t("sources.genai"),
    why: t(check.pinned ? "sources.whyPinned" : "sources.whyNewer"),
  });
}

/** What a model's context numbers mean, where its provider counts them differently: input limit vs window, a beta tier. */
export function contextNote(t: Translator, model: PricedModel, rule: ContextRule | undefined): string | null {
  if (!rule) return null;
  if (rule.inputLimit && rule.totalWindow)
    return t("context.inputInsideWindow", { model: model.name, input: formatCount(rule.inputLimit, t.lang), total: formatCount(rule.totalWindow, t.lang), source: rule.source });
  if (rule.standardWindow && rule.betaWindow) {
    const band = model.longContext?.find((b) => b.aboveTokens === rule.standardWindow);
    return t(band ? "context.betaTierPriced" : "context.betaTier", {
      model: model.name,
      standard: formatCount(rule.standardWindow, t.lang),
      beta: formatCount(rule.betaWindow, t.lang),
      name: rule.betaName ?? "beta",
      input: band ? formatPrice(band.inputPer1M) : "",
      output: band ? formatPrice(band.outputPer1M) : "",
      source: rule.source,
    });
  }
  return null;
}

/** A model's daily off-peak windows and their prices, with where they come from: "DeepSeek V4 Pro: 04:00–06:00 and … UTC at …". */
export function offPeakNote(t: Translator, model: PricedModel): string | null {
  const windows = model.offPeak;
  if (!windows?.length) return null;
  const first = windows[0]!;
  const same = windows.every((w) => w.prices.inputPer1M === first.prices.inputPer1M && w.prices.outputPer1M === first.prices.outputPer1M);
  if (!same) return null;
  return t("pricing.offPeakWindows", {
    model: model.name,
    windows: t.list(windows.map((w) => `${w.fromUtc}–${w.toUtc}`)),
    input: formatPrice(first.prices.inputPer1M),
    output: formatPrice(first.prices.outputPer1M),
    source: first.source,
    date: first.asOf,
  });
}
