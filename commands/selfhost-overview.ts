import type { CommandContext } from "../src/core/dispatch/command.ts";
import { formatTokens } from "../src/core/reply/format.ts";
import { modelSource, sectionSource } from "../src/core/knowledge/citations.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import type { PricedModel } from "../src/core/knowledge/schema.ts";
import type { Money } from "../src/core/pricing/money.ts";
import { makeReply, type Reply, type Source } from "../src/core/reply/reply.ts";
import { planSelfhost } from "../src/core/selfhost/index.ts";
import type { StatedWorkload } from "../src/core/pricing/workload.ts";

/** At most this many open models in an answer that names none. */
const SHOWN = 6;

export interface ApiToBeat {
  per1M: number;
  host: { provider: string } | null;
}

/**
 * "Is it worth self-hosting at 2B tokens a month?" names no model: the open models with public serving measurements,
 * each planned for that volume on the GPU that serves it cheapest, against the cheapest paid host of the same weights.
 */
export function selfhostOverview(ctx: CommandContext, money: Money, stated: StatedWorkload, apiToBeat: (model: PricedModel) => ApiToBeat, verdictSection: string): Reply {
  const { snapshot, t } = ctx;
  const serving = snapshot.knowledge.serving;
  const tokens = stated.workload.inputTokens + stated.workload.outputTokens;
  const measured = [...new Set(serving.calibration.map((row) => row.model))];
  const candidates = measured
    .map((id) => snapshot.resolver.exact(id))
    .filter((m): m is PricedModel => m !== undefined && isPriced(m) && m.openWeights && !(m.deprecationDate && m.deprecationDate <= ctx.today))
    .sort((a, b) => (a.parametersB ?? 0) - (b.parametersB ?? 0));
  // small to large: evenly across the sizes when there are more than fit an answer
  const shown = candidates.length <= SHOWN ? candidates : Array.from({ length: SHOWN }, (_, i) => candidates[Math.round((i * (candidates.length - 1)) / (SHOWN - 1))]!);
  const rows = shown.flatMap((model) => {
    const api = apiToBeat(model);
    const plan = planSelfhost(serving, { modelId: model.id, apiCostPer1M: api.per1M, tokensPerMonth: tokens });
    if (!plan.fits || !plan.costs) return [];
    const deployments = plan.deploymentsForVolume ?? 1;
    return [{ model, api, plan, selfUsd: deployments * plan.costs.monthlyFixedUsd, apiUsd: (tokens / 1e6) * api.per1M, deployments }];
  });
  const winners = rows.filter((r) => r.selfUsd < r.apiUsd).map((r) => r.model.name);
  const volume = formatTokens(tokens, t.lang);
  const lead = winners.length ? t("selfhost.overviewSome", { tokens: volume, models: t.list(winners) }) : t("selfhost.overviewApi", { tokens: volume });
  const article = sectionSource(snapshot, verdictSection, t.lang);
  const currency = money.notes(t, []);
  const sources: Source[] = [...rows.map((r) => modelSource(r.model, t.lang)), ...(article ? [article] : []), ...currency.sources];
  return makeReply({
    command: "selfhost",
    lang: t.lang,
    title: t("selfhost.overviewTitle", { tokens: volume }),
    lead,
    table: {
      columns: [t("col.model"), t("selfhost.colDeployment"), t("selfhost.colSelfMonthly"), t("selfhost.colApiMonthly"), t("selfhost.colCheaper")],
      rows: rows.map((r) => [
        r.model.name,
        t("selfhost.overviewDeployment", { count: r.deployments * r.plan.gpu.count, gpu: r.plan.gpu.id.toUpperCase() }),
        money.amount(r.selfUsd),
        r.api.host ? t("selfhost.apiAtHost", { price: money.amount(r.apiUsd), provider: r.api.host.provider }) : money.amount(r.apiUsd),
        r.selfUsd < r.apiUsd ? t("selfhost.cheaperSelf") : t("selfhost.cheaperApi"),
      ]),
      align: ["left", "left", "right", "right", "left"],
    },
    notes: [t("selfhost.overviewHow"), t("selfhost.verdict"), ...currency.notes],
    sources,
    data: {
      ...currency.data,
      model: null,
      selfHostable: true,
      tokensPerMonth: tokens,
      overview: rows.map((r) => ({
        id: r.model.id,
        gpu: r.plan.gpu.id,
        gpus: r.deployments * r.plan.gpu.count,
        selfHostUsd: r.selfUsd,
        apiUsd: r.apiUsd,
        apiHost: r.api.host?.provider ?? null,
        cheaper: r.selfUsd < r.apiUsd ? "selfhost" : "api",
      })),
    },
  });
}
