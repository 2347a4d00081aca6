import type { CommandContext } from "../src/core/dispatch/command.ts";
import { formatNumber } from "../src/core/reply/format.ts";
import { tierLabel } from "../src/core/i18n/translate.ts";
import { modelSource } from "../src/core/knowledge/citations.ts";
import type { Tier } from "../src/core/knowledge/kinds.ts";
import { pricedModels } from "../src/core/knowledge/snapshot.ts";
import type { Money } from "../src/core/pricing/money.ts";
import { priceAge } from "../src/core/pricing/price-age.ts";
import { pricingNotes } from "../src/core/pricing/pricing-notes.ts";
import type { PricedEntry } from "../src/core/pricing/pricing.ts";
import { rankInTier, type RecommendOptions } from "../src/core/recommendation/recommend.ts";
import { makeReply, type Reply, type Source } from "../src/core/reply/reply.ts";
import { barText } from "./cheapest-notes.ts";

/** How many models a ranking shows. */
const RANKED = 5;

/** "Which cheap model is best at Chinese?": one tier ranked by the task's category, the best first. */
export function rankReply(ctx: CommandContext, options: RecommendOptions, tier: Tier, money: Money, lead: string[], describe: string): Reply {
  const { snapshot, t } = ctx;
  const { ranked, category, bars } = rankInTier(pricedModels(snapshot) as PricedEntry[], options, tier, RANKED);
  const categoryName = t(`quality.${category}`);
  const board = options.quality.board(category);
  const rows = ranked.map((r) => ({ ...r, shown: money.cost(r.model, options.workload).shown }));
  const top = rows[0];
  const answer: string[] = [];
  if (top?.quality) {
    answer.push(t("rank.answer", { model: top.model.name, category: categoryName, score: formatNumber(top.quality.score, 0), cost: top.shown }));
    // LMArena's own rule: one model ranks above another only when its interval's low end is above the other's high end
    const low = top.quality.ci?.[0];
    const tied = low === undefined ? [] : rows.slice(1).filter((r) => (r.quality!.ci?.[1] ?? r.quality!.score) >= low);
    if (tied.length) answer.push(t("rank.tied", { others: t.list(tied.map((r) => r.model.name)), count: tied.length }));
  } else answer.push(t("rank.none", { tier: tierLabel(t, tier), category: categoryName }));
  const notes = [t("rank.source", { source: t(category === "vision" ? "quality.sourceVision" : "quality.source"), asOf: board.asOf }), t("quality.scaleNote")];
  if (rows.some((r) => !r.onFrontier)) notes.push(`* ${t("rank.dominated")}`);
  const otherBars = bars.slice(1);
  if (otherBars.length) notes.push(t("cheapest.barsRelative", { bars: t.list(otherBars.map((bar) => barText(t, bar, options.quality))) }));
  notes.push(...pricingNotes(t, rows));
  const shownModels = rows.map((r) => r.model);
  const age = priceAge(t, shownModels, ctx.today);
  if (age) notes.push(age.note);
  const currency = money.notes(t, shownModels);
  notes.push(...currency.notes);
  const sources: Source[] = [...shownModels.map((m) => modelSource(m, t.lang)), ...currency.sources];
  if (rows.length) sources.push({ title: t(category === "vision" ? "quality.sourceVision" : "quality.source"), ref: board.source, asOf: board.asOf });
  return makeReply({
    command: "cheapest",
    lang: t.lang,
    title: t("rank.title", { category: categoryName, tier: tierLabel(t, tier) }),
    lead: t.sentences([...lead, t("rank.lead", { category: categoryName, tier: tierLabel(t, tier), workload: describe }), ...answer]),
    table: {
      columns: [t("col.rank"), t("col.model"), t("col.quality"), t("col.input"), t("col.output"), t("col.cost")],
      rows: rows.map((r, i) => [
        `${i + 1}${r.onFrontier ? "" : "*"}`,
        r.model.name,
        `${formatNumber(r.quality!.score, 0)} (${categoryName})`,
        money.priceUsed(r.model, r.cost, "inputPer1M"),
        money.priceUsed(r.model, r.cost, "outputPer1M"),
        r.shown,
      ]),
      align: ["right", "left", "right", "right", "right", "right"],
    },
    notes,
    sources,
    data: {
      mode: "rank",
      tier,
      category,
      // what the ranking was for, as the tier answer says it
      constraints: { tasks: options.tasks.map((task) => task.id), ...options.constraints },
      workload: options.workload,
      bars: bars.map(({ category: c, score, belowBest, from }) => ({ category: c, score, belowBest, from })),
      ranked: rows.map((r) => ({ id: r.model.id, score: r.quality!.score, ci: r.quality!.ci, cost: r.cost.totalUsd, onFrontier: r.onFrontier })),
      ...age?.data,
      ...currency.data,
    },
  });
}
