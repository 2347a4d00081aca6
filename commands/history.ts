import type { Command, CommandContext } from "../src/core/dispatch/command.ts";
import { UserError } from "../src/core/reply/errors.ts";
import { formatPrice } from "../src/core/reply/format.ts";
import type { Translator } from "../src/core/i18n/translate.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import { articleSource } from "../src/core/knowledge/citations.ts";
import type { HistoryPoint, PriceChange } from "../src/core/knowledge/price-history.ts";
import type { PricedModel } from "../src/core/knowledge/schema.ts";
import { requireModel } from "../src/core/pricing/model-notes.ts";
import { Money } from "../src/core/pricing/money.ts";
import { cheaperSince, cheapestAtLevel, modelHistory, quarterDates } from "../src/core/pricing/price-trends.ts";
import { referenceCost } from "../src/core/knowledge/catalog.ts";
import { makeReply, type Reply, type Source } from "../src/core/reply/reply.ts";

const ARTICLE = "2026-llm-token-cost-ranking";
/** The quality levels the cheapest-price series is drawn for: a GPT-4o-class and an o3-class overall score. */
const LEVEL_MODELS = ["gpt-4o", "o3"];

const PART = { inputPer1M: "price.input", outputPer1M: "price.output", cachedInputPer1M: "price.cachedInput" } as const;

function percent(change: PriceChange): string {
  if (change.percent === null) return "";
  const rounded = Math.round(change.percent);
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : "±"}${Math.abs(rounded)}%`;
}

function changeText(t: Translator, change: PriceChange): string {
  return t("history.change", { part: t(PART[change.price]), from: formatPrice(change.from), to: formatPrice(change.to), percent: percent(change) });
}

const price = (value: number | null) => (value === null ? "—" : formatPrice(value));

/** "since:2026" or "since:2026-03-01" → a date; absent → the record's first day. */
function sinceDate(ctx: CommandContext, from: string): string {
  const raw = ctx.args.text("since")?.trim();
  if (!raw) return from;
  if (/^\d{4}$/.test(raw)) return `${raw}-01-01`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return raw;
  throw new UserError("bad_input", "error.badSince", { value: raw });
}

function historySource(ctx: CommandContext): Source {
  const file = ctx.snapshot.knowledge.priceHistory!;
  return { title: ctx.t("history.source", { from: file.from, to: file.to }), ref: file.url, asOf: file.to };
}

function oneModel(ctx: CommandContext, model: PricedModel): Reply {
  const { t, snapshot } = ctx;
  const history = modelHistory(snapshot.knowledge, model);
  const file = snapshot.knowledge.priceHistory!;
  const title = t("history.title", { model: model.name });
  if (!history)
    return makeReply({
      command: "history",
      lang: t.lang,
      title,
      lead: t("history.notRecorded", { model: model.name, from: file.from, to: file.to }),
      data: { model: model.id, points: [] },
    });
  const money = Money.from(ctx.globals.currency, t, snapshot.knowledge.currency);
  const rows: HistoryPoint[] = history.current ? [...history.points, history.current.point] : history.points;
  const changesOn = (date: string) => history.changes.filter((c) => c.date === date);
  const first = history.points[0]!;
  const dates = [...new Set(history.changes.map((c) => c.date))];
  const lead = history.changes.length
    ? t("history.lead", {
        model: model.name,
        count: dates.length,
        from: first[0],
        to: history.current?.point[0] ?? file.to,
        changes: dates.map((date) => `${date}: ${t.list(changesOn(date).map((c) => changeText(t, c)))}`).join(t.lang === "zh" ? "；" : "; "),
      })
    : t("history.unchanged", { model: model.name, input: price(first[1]), output: price(first[2]), since: first[0], to: file.to });
  const notes = [t("history.glitches", { days: file.minDays }), t("history.dates")];
  if (history.current) notes.push(t("history.current", { date: history.current.point[0], source: history.current.source }));
  const sources: Source[] = [historySource(ctx)];
  if (history.current) sources.push({ title: t("history.currentSource", { model: model.name }), ref: history.current.source, asOf: history.current.point[0] });
  const costOf = (p: HistoryPoint) => (p[1] === null || p[2] === null ? null : referenceCost({ inputPer1M: p[1], outputPer1M: p[2] }));
  const charted = rows.filter((p) => costOf(p) !== null);
  return makeReply({
    command: "history",
    lang: t.lang,
    title,
    lead,
    table: {
      columns: [t("history.colDate"), t("col.input"), t("col.output"), t("col.cached"), t("history.colChange")],
      rows: rows.map((p) => [
        p[0],
        price(p[1]),
        price(p[2]),
        price(p[3]),
        changesOn(p[0])
          .map((c) => `${t(PART[c.price])} ${percent(c)}`)
          .join(t.lang === "zh" ? "、" : ", ") || t("none"),
      ]),
      align: ["left", "right", "right", "right", "left"],
    },
    chart:
      charted.length > 1
        ? {
            kind: "bars",
            order: "given",
            title,
            axisLabel: t("history.chartAxis"),
            logNote: t("chart.log"),
            axisCurrency: money.axisCurrency(),
            lang: t.lang,
            items: charted.map((p) => ({ label: p[0], value: costOf(p)!, valueLabel: money.amount(costOf(p)!) })),
          }
        : null,
    notes,
    sources,
    data: { model: model.id, points: rows, changes: history.changes, current: history.current, minDays: file.minDays },
  });
}

/** What got cheaper since a date, and the cheapest price at two quality levels over the record, beside the article's claim. */
function overview(ctx: CommandContext): Reply {
  const { t, snapshot } = ctx;
  const knowledge = snapshot.knowledge;
  const file = knowledge.priceHistory!;
  const since = sinceDate(ctx, file.from);
  const money = Money.from(ctx.globals.currency, t, knowledge.currency);
  const cheaper = cheaperSince(knowledge, since);
  const dates = quarterDates(file.from, file.to);
  const levels = LEVEL_MODELS.map((id) => knowledge.models.find((m) => m.id === id)).filter((m): m is PricedModel => Boolean(m && isPriced(m)));
  const series = levels.map((level) => {
    const score = knowledge.quality?.models[level.id]?.scores.full?.score ?? Infinity;
    return { level, score, points: cheapestAtLevel(knowledge, score, dates) };
  });
  const title = since === file.from ? t("history.overviewTitle") : t("history.cheaperTitle", { since });
  const to = [file.to, ...cheaper.flatMap((c) => c.changes.map((x) => x.date))].sort().at(-1)!;
  const lead = cheaper.length ? t("history.cheaperLead", { count: cheaper.length, since, to }) : t("history.noneCheaper", { since, to });
  const notes = series
    .filter((s) => s.points.length > 1)
    .map((s) => {
      const first = s.points[0]!;
      const last = s.points.at(-1)!;
      return t("history.level", {
        level: s.level.name,
        score: Math.round(s.score),
        from: first.date,
        fromModel: first.model.name,
        fromCost: money.amount(first.referenceUsd),
        to: last.date,
        toModel: last.model.name,
        toCost: money.amount(last.referenceUsd),
        ratio: last.referenceUsd > 0 ? (first.referenceUsd / last.referenceUsd).toFixed(1) : "∞",
      });
    });
  const tracked = Object.keys(file.models).length;
  const cutInRecord = cheaperSince(knowledge, file.from).filter((c) => c.changes.some((x) => x.date <= file.to)).length;
  const gpt4oLevel = series[0]?.points;
  const fell = gpt4oLevel && gpt4oLevel.length > 1 && gpt4oLevel.at(-1)!.referenceUsd > 0 ? (gpt4oLevel[0]!.referenceUsd / gpt4oLevel.at(-1)!.referenceUsd).toFixed(1) : null;
  notes.push(t("history.levelCaveat", { asOf: knowledge.quality?.asOf ?? "" }));
  if (fell) notes.push(t("history.articleClaim", { cut: cutInRecord, tracked, from: file.from, to: file.to, level: series[0]!.level.name, ratio: fell }));
  if (to > file.to) notes.push(t("history.afterRecord", { to: file.to }));
  notes.push(t("history.glitches", { days: file.minDays }));
  const sources: Source[] = [historySource(ctx)];
  if (knowledge.quality) sources.push({ title: knowledge.quality.source, ref: knowledge.quality.url, asOf: knowledge.quality.asOf });
  const article = articleSource(snapshot, ARTICLE, "the-pricing-landscape-in-2026", t.lang);
  if (article) sources.push(article);
  const lowest = series[0];
  return makeReply({
    command: "history",
    lang: t.lang,
    title,
    lead,
    table: cheaper.length
      ? {
          columns: [t("col.model"), t("history.colChange")],
          rows: cheaper.slice(0, 15).map((c) => [c.model.name, c.changes.map((x) => `${x.date}: ${changeText(t, x)}`).join("; ")]),
          align: ["left", "left"],
        }
      : null,
    chart:
      lowest && lowest.points.length > 1
        ? {
            kind: "bars",
            order: "given",
            title: t("history.levelChartTitle", { level: lowest.level.name }),
            axisLabel: t("history.chartAxis"),
            logNote: t("chart.log"),
            axisCurrency: money.axisCurrency(),
            lang: t.lang,
            items: lowest.points.map((p) => ({ label: `${p.date} · ${p.model.name}`, value: p.referenceUsd, valueLabel: money.amount(p.referenceUsd) })),
          }
        : null,
    notes,
    sources,
    data: {
      since,
      cheaper: cheaper.map((c) => ({ model: c.model.id, changes: c.changes })),
      levels: series.map((s) => ({ level: s.level.id, score: s.score, points: s.points.map((p) => ({ date: p.date, model: p.model.id, referenceUsd: p.referenceUsd })) })),
    },
  });
}

export const history: Command = {
  spec: {
    name: "history",
    showsMoney: true,
    localName: { zh: "价格历史" },
    description: { en: "How a model's price changed, or what got cheaper", zh: "某个模型的价格如何变化，或哪些模型降价了" },
    usage: { en: "/history [model] [since:<year or YYYY-MM-DD>]", zh: "/history [模型] [since:<年份或 YYYY-MM-DD>]" },
    examples: ["/history o3", "/history deepseek-chat", "/history since:2026"],
    options: [{ name: "since", aliases: ["自"], kind: "text", description: { en: "only changes from this date or year on", zh: "只看此日期或年份之后的变化" } }],
    positional: {
      name: "model",
      kind: "model",
      complete: "models",
      description: { en: "the model (none: what got cheaper)", zh: "模型（不填：哪些模型降价了）" },
      required: false,
    },
  },
  run(ctx: CommandContext) {
    if (!ctx.snapshot.knowledge.priceHistory) throw new UserError("bad_input", "error.noHistory");
    const query = ctx.args.rest.trim();
    if (!query) return overview(ctx);
    const model = requireModel(ctx.snapshot.resolver.resolve(query));
    if (!isPriced(model))
      return makeReply({
        command: "history",
        lang: ctx.t.lang,
        title: ctx.t("history.title", { model: model.name }),
        lead: ctx.t("history.unpriced", { model: model.name }),
        data: { model: model.id, points: [] },
      });
    return oneModel(ctx, model);
  },
};
