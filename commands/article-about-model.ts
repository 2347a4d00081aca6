import { checkClaim } from "../src/core/article/claim-check.ts";
import type { CommandContext } from "../src/core/dispatch/command.ts";
import { formatCount, formatRatio } from "../src/core/reply/format.ts";
import type { Translator } from "../src/core/i18n/translate.ts";
import type { Article, ArticleSection } from "../src/core/knowledge/article.ts";
import { modelSource, sectionCitation } from "../src/core/knowledge/citations.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import type { Model, PricedModel } from "../src/core/knowledge/schema.ts";
import type { KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import { Money } from "../src/core/pricing/money.ts";
import { normalizeName } from "../src/core/models/names.ts";
import { priceChanges } from "../src/core/pricing/price-age.ts";
import { makeReply, type Field, type Reply, type Source } from "../src/core/reply/reply.ts";
import { remember } from "../src/core/understand/follow-up.ts";
import type { Understanding } from "../src/core/understand/types.ts";
import { SELFHOST } from "../src/core/understand/words.ts";

type Claim = NonNullable<Model["articleClaim"]>;

/** A model asked about, and the article's words that speak of it: its own claim, its family's, or none. */
interface Asked {
  model: Model;
  /** the model whose claim the article makes: the model itself, or the family it belongs to ("DeepSeek & Open Source Variants") */
  claim: Claim | null;
  ownClaim: boolean;
}

const hasDigit = /\d/;

/**
 * The claim that speaks of a model: its own, else one whose subject names the model's provider as a whole family
 * ("DeepSeek & Open Source Variants" speaks of every DeepSeek model, "Google Gemini 2.0 Flash" of one model only).
 */
function claimFor(snapshot: KnowledgeSnapshot, model: Model): Asked {
  if (model.articleClaim) return { model, claim: model.articleClaim, ownClaim: true };
  const provider = normalizeName(model.provider);
  const family = snapshot.knowledge.models.find(
    (m) => m.articleClaim && !hasDigit.test(m.articleClaim.subject) && normalizeName(m.articleClaim.subject).includes(provider) && provider.length >= 3,
  );
  return { model, claim: family?.articleClaim ?? null, ownClaim: false };
}

/** The article's models whose names hold every word typed ("gemini flash": Gemini 2.0 Flash). */
function namedInArticle(snapshot: KnowledgeSnapshot, query: string): Model[] {
  const words = query
    .split(/[\s\-_.]+/u)
    .filter(Boolean)
    .map(normalizeName);
  return snapshot.knowledge.models.filter((m) => m.articleClaim && words.every((word) => normalizeName(`${m.name} ${m.id}`).includes(word)));
}

/** The question as the article reads it: a family's shorthand ("gemini flash") is the one member the article names, so the understood line says which model the answer is about. */
export function asTheArticleNames(snapshot: KnowledgeSnapshot, u: Understanding): Understanding {
  const models = u.models.map((m) => {
    if (!m.shorthand || claimFor(snapshot, m.model).claim) return m;
    const named = namedInArticle(snapshot, m.query);
    return named.length === 1 ? { ...m, model: named[0]! } : m;
  });
  return { ...u, models };
}

/** The models a question asks the article about: those it names, and for a family word ("claude") the members the article names. */
function askedModels(snapshot: KnowledgeSnapshot, u: Understanding): Asked[] {
  const namedAs = (query: string) => namedInArticle(snapshot, query);
  // "what does the article say about gemini flash?": a family's shorthand is the member the article names, if one is
  const asked = u.models.flatMap((m) => {
    const found = claimFor(snapshot, m.model);
    const named = m.shorthand && !found.claim ? namedAs(m.query) : [];
    return named.length ? named.map((model) => claimFor(snapshot, model)) : [found];
  });
  for (const word of u.ambiguous) {
    const named = [...new Set([...snapshot.knowledge.models.filter((m) => m.articleClaim && word.candidates.includes(m)), ...namedAs(word.query)])];
    for (const model of named) if (!asked.some((a) => a.model === model)) asked.push(claimFor(snapshot, model));
  }
  return asked;
}

function claimRange(claim: Claim): string {
  const { min, max } = claim.inputPer1M;
  const dollars = (value: number) => `$${value.toFixed(2)}`;
  return min === max ? `~${dollars(min)}` : `~${dollars(min)}–${dollars(max)}`;
}

/** "Still holds?": the article's input price against today's, a retirement, or why it cannot be checked. */
function verdict(t: Translator, snapshot: KnowledgeSnapshot, money: Money, asked: Asked, claim: Claim, today: string): string {
  const { model } = asked;
  const params = { model: model.name, claim: claimRange(claim), provider: model.provider };
  const retired = model.deprecationDate && model.deprecationDate <= today ? t("articleModel.retired", { ...params, date: model.deprecationDate }) : "";
  const check = checkClaim(model, claim.inputPer1M);
  if (check.kind === "unpriced") {
    const nearest = isPriced(model) ? undefined : snapshot.resolver.exact(model.unpriced.nearest);
    const price = nearest && isPriced(nearest) ? money.price(nearest, "inputPer1M") : t("none");
    return t.sentences([t("articleModel.unpriced", { ...params, nearest: nearest?.name ?? t("none"), price }), retired]);
  }
  const price = money.price(model as PricedModel, "inputPer1M");
  const key = check.kind === "holds" ? (retired ? "articleModel.holdsButRetired" : "articleModel.holds") : (`articleModel.${check.kind}` as const);
  const times = check.kind === "holds" ? "" : formatRatio(check.times, t.lang);
  return t.sentences([t(key, { ...params, price, times }), check.kind === "holds" && retired ? "" : retired]);
}

function sectionOf(snapshot: KnowledgeSnapshot, claim: Claim): { article: Article; section: ArticleSection } | null {
  return snapshot.articles.section(claim.article, claim.section);
}

/**
 * "What does the article say about DeepSeek's price / what is GPT-5 good for, and does it still hold?": the section
 * about that model in the article's own words, cited, beside today's price from the table with its source and date.
 * Null when the question names no model (the article is then searched by its words).
 */
export function modelInArticle(ctx: CommandContext, u: Understanding, line: string, question: string): Reply | null {
  const { snapshot, t } = ctx;
  const asked = askedModels(snapshot, u);
  // "what does the article say about self-hosting llama?" asks the self-hosting section, which names no model
  if (!asked.length || (!asked.some((a) => a.claim) && SELFHOST.test(question.toLowerCase()))) return null;
  const money = Money.from(ctx.globals.currency, t, snapshot.knowledge.currency);
  const several = asked.length > 1;
  const label = (key: "articleModel.field.article" | "articleModel.field.today" | "articleModel.field.holds", model: Model, params: Record<string, string>) =>
    several ? `${model.name} · ${t(key, params)}` : t(key, params);
  const quoted = new Set<string>();
  const lead: string[] = [line];
  // the understood line named the family's newest member: say which one the article's words are about
  for (const m of u.models) {
    const instead = m.shorthand && !asked.some((a) => a.model === m.model) ? asked.filter((a) => a.claim).map((a) => a.model.name) : [];
    if (instead.length) lead.push(t("articleModel.shorthandNamed", { query: m.query, models: t.list(instead) }));
  }
  const fields: Field[] = [];
  const notes: string[] = [];
  const sources: Source[] = [];
  const matches: { ref: string; score: number }[] = [];
  const data: Record<string, unknown>[] = [];
  const named = snapshot.knowledge.models.filter((m) => m.articleClaim).map((m) => m.name);
  let titleArticle = snapshot.knowledge.articles[0]?.title[t.lang] ?? "";
  for (const entry of asked) {
    const { model, claim } = entry;
    if (!claim) {
      lead.push(t("articleModel.notNamed", { model: model.name, named: t.list(named) }));
      if (isPriced(model))
        fields.push({
          label: label("articleModel.field.today", model, { asOf: model.asOf }),
          value: t("model.price", { model: model.name, input: money.price(model, "inputPer1M"), output: money.price(model, "outputPer1M"), asOf: model.asOf }),
        });
      sources.push(modelSource(model, t.lang));
      data.push({ id: model.id, section: null });
      continue;
    }
    const found = sectionOf(snapshot, claim);
    if (found) {
      const ref = `${found.article.file}#${found.section.id}`;
      if (!quoted.has(ref)) {
        if (!quoted.size) titleArticle = found.article.title[t.lang];
        quoted.add(ref);
        lead.push(`${t("ask.articleSays", { article: found.article.title[t.lang], section: found.section.title[t.lang] })}\n${found.section.text[t.lang]}`);
        sources.push(sectionCitation(found.article, found.section, t.lang));
        matches.push({ ref, score: 1 });
      }
    }
    const subject = t.lang === "zh" ? claim.subjectZh : claim.subject;
    if (!entry.ownClaim) lead.push(t("articleModel.family", { model: model.name, subject }));
    const date = found?.article.pubDate ?? "";
    fields.push({ label: label("articleModel.field.article", model, { date }), value: t("articleModel.claim", { quote: t.lang === "zh" ? claim.quoteZh : claim.quote, subject }) });
    if (isPriced(model)) {
      fields.push({
        label: label("articleModel.field.today", model, { asOf: model.asOf }),
        value: t("model.price", { model: model.name, input: money.price(model, "inputPer1M"), output: money.price(model, "outputPer1M"), asOf: model.asOf }),
      });
    }
    fields.push({ label: label("articleModel.field.holds", model, {}), value: verdict(t, snapshot, money, entry, claim, ctx.today) });
    const window = entry.ownClaim ? claim.contextWindow : undefined;
    if (window && isPriced(model))
      notes.push(
        t("claim.context", {
          model: model.name,
          quote: t.lang === "zh" ? window.quoteZh : window.quote,
          articleDate: date,
          tokens: formatCount(model.contextWindow, t.lang),
          asOf: model.asOf,
        }),
      );
    notes.push(...priceChanges(t, model));
    sources.push(modelSource(model, t.lang));
    data.push({
      id: model.id,
      section: found ? `${found.article.file}#${found.section.id}` : null,
      articleInputPer1M: claim.inputPer1M,
      todayInputPer1M: isPriced(model) ? model.inputPer1M : null,
      check: checkClaim(model, claim.inputPer1M).kind,
    });
  }
  const currency = money.notes(t, asked.map((a) => a.model).filter(isPriced));
  notes.push(...currency.notes);
  sources.push(...currency.sources);
  return makeReply({
    command: "ask",
    lang: t.lang,
    title: t("articleModel.title", { models: t.list(asked.map((a) => a.model.name)), article: titleArticle }),
    lead: lead.join("\n\n"),
    fields,
    notes,
    sources: sources.filter((s, i) => sources.findIndex((o) => o.ref === s.ref && o.title === s.title) === i),
    data: { intent: "article", routedFrom: "ask", understanding: remember(u), matches, models: data },
  });
}
