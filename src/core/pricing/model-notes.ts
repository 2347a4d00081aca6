import { formatCount, formatPrice } from "../reply/format.ts";
import type { Translator } from "../i18n/translate.ts";
import type { Model } from "../knowledge/schema.ts";
import { isPriced } from "../knowledge/kinds.ts";
import { articleSource, modelSource } from "../knowledge/citations.ts";
import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import type { Source } from "../reply/reply.ts";
import { UserError } from "../reply/errors.ts";
import { priceChanges } from "./price-age.ts";
import type { Resolution } from "../models/resolve.ts";
import { contextNote, offPeakNote } from "./price-sources.ts";
import { kept } from "../kept.ts";

function claimText(model: Model): string | null {
  const claim = model.articleClaim?.inputPer1M;
  if (!claim) return null;
  return claim.min === claim.max ? `~${formatPrice(claim.min)}` : `~${formatPrice(claim.min)}–${formatPrice(claim.max)}`;
}

function articleDate(snapshot: KnowledgeSnapshot, model: Model): string {
  return snapshot.knowledge.articles.find((a) => a.id === model.articleClaim?.article)?.pubDate ?? "";
}

interface ModelNotes {
  notes: readonly string[];
  sources: readonly Source[];
}

/** Notes already written, per snapshot and model, by language and day; gone with their snapshot. */
const written = new WeakMap<KnowledgeSnapshot, WeakMap<Model, Map<string, ModelNotes>>>();
const perModel = (): WeakMap<Model, Map<string, ModelNotes>> => new WeakMap();
const perDay = (): Map<string, ModelNotes> => new Map();

/**
 * What the article and the provider say about a model beside its table price, with the sources behind it. The same
 * for every answer naming the model in a language on a day, so written once.
 */
export function modelNotes(snapshot: KnowledgeSnapshot, t: Translator, model: Model, today: string): ModelNotes {
  const byDay = kept(kept(written, snapshot, perModel), model, perDay);
  const key = `${t.lang}:${today}`;
  let notes = byDay.get(key);
  if (!notes) {
    // a day's and a language's, kept while the model is: two languages, and the day before until it passes
    if (byDay.size >= 4) byDay.clear();
    notes = writeModelNotes(snapshot, t, model, today);
    byDay.set(key, notes);
  }
  return notes;
}

function writeModelNotes(snapshot: KnowledgeSnapshot, t: Translator, model: Model, today: string): ModelNotes {
  const notes: string[] = [];
  const sources: Source[] = [modelSource(model, t.lang)];
  const claim = claimText(model);
  const claimSource = model.articleClaim && articleSource(snapshot, model.articleClaim.article, model.articleClaim.section, t.lang);
  if (claimSource) sources.push(claimSource);
  if (!isPriced(model)) {
    const nearest = snapshot.resolver.exact(model.unpriced.nearest);
    // a model known by name but priced nowhere: named by the article (with its claim), or retired by its maker
    notes.push(
      t(claim ? "articleOnly" : "unpriced", {
        model: model.name,
        reason: t.pick(model.unpriced.reason),
        articleDate: articleDate(snapshot, model),
        claim: claim ?? t("none"),
        nearest: nearest?.name ?? model.unpriced.nearest,
      }),
    );
  } else if (claim && model.articleClaim) {
    const { min, max } = model.articleClaim.inputPer1M;
    const params = {
      model: model.name,
      subject: t.lang === "zh" ? model.articleClaim.subjectZh : model.articleClaim.subject,
      claim,
      articleDate: articleDate(snapshot, model),
      asOf: model.asOf,
      price: formatPrice(model.inputPer1M),
    };
    notes.push(model.inputPer1M >= min && model.inputPer1M <= max ? t("claim.matches", params) : t("claim.differs", params));
    const window = model.articleClaim.contextWindow;
    if (window)
      notes.push(
        t("claim.context", {
          model: model.name,
          quote: t.lang === "zh" ? window.quoteZh : window.quote,
          articleDate: params.articleDate,
          tokens: formatCount(model.contextWindow, t.lang),
          asOf: model.asOf,
        }),
      );
  }
  const context = isPriced(model) ? contextNote(t, model, snapshot.knowledge.providerRules?.context[model.id]) : null;
  if (context) notes.push(context);
  const offPeak = isPriced(model) ? offPeakNote(t, model) : null;
  if (offPeak) notes.push(offPeak);
  notes.push(...priceChanges(t, model));
  const deprecated = deprecationNote(t, model, today);
  if (deprecated) notes.push(deprecated);
  return { notes, sources };
}

/** "Kimi K2 (0905) was deprecated by its provider on 2026-05-25", once that day has come. */
export function deprecationNote(t: Translator, model: Model, today: string): string | null {
  return model.deprecationDate && model.deprecationDate <= today ? t("deprecated", { model: model.name, date: model.deprecationDate }) : null;
}

/** Turns a resolution into a model, or a user-facing error with "did you mean" suggestions. */
export function requireModel(resolution: Resolution): Model {
  if (resolution.kind === "exact" || resolution.kind === "fuzzy") return resolution.model;
  const suggestions = resolution.candidates.slice(0, 5).map((m) => m.id);
  if (resolution.kind === "ambiguous") {
    throw new UserError("ambiguous_model", "error.ambiguousModel", { name: resolution.query }, suggestions);
  }
  throw new UserError("unknown_model", "error.unknownModel", { name: resolution.query }, suggestions);
}
