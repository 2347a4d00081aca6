import type { Command, CommandContext } from "../src/core/dispatch/command.ts";
import { formatProblem } from "../src/core/knowledge/problems.ts";
import { daysBetween, STALE_AFTER_DAYS } from "../src/core/pricing/price-age.ts";
import { makeReply } from "../src/core/reply/reply.ts";
import type { Translator } from "../src/core/i18n/translate.ts";
import type { PriceRefreshStatus } from "../src/core/knowledge/store.ts";

/** "every 24 h from <urls>; last run … ok", or what failed and when the last good import ran. */
function refreshText(t: Translator, refresh: PriceRefreshStatus): string {
  const every = t("status.refreshEvery", { hours: Math.round((refresh.everyMs / 3_600_000) * 10) / 10, sources: refresh.sources.join(", ") });
  const last = refresh.last;
  const good = refresh.lastGood ? t("status.refreshLastGood", { at: refresh.lastGood.at.toISOString() }) : t("status.refreshNoGood");
  const outcome = !last
    ? t("status.refreshNever")
    : last.ok
      ? t("status.refreshOk", { at: last.at.toISOString() })
      : t("status.refreshFailed", { at: last.at.toISOString(), error: last.error ?? "", good });
  return `${every}\n${outcome}`;
}

const MAX_PROBLEMS_SHOWN = 10;

export const status: Command = {
  spec: {
    name: "status",
    localName: { zh: "状态" },
    adminOnly: true,
    description: { en: "Admins: knowledge version, counts, price age and the last reload", zh: "管理员：知识库版本、数量、价格时效和上次重新加载结果" },
    usage: { en: "/status", zh: "/status" },
    examples: ["/status"],
    options: [],
  },
  run(ctx: CommandContext) {
    const { t, knowledge } = ctx;
    const s = knowledge.status();
    const days = s.oldestPriceAsOf ? daysBetween(s.oldestPriceAsOf, ctx.today) : 0;
    const last = s.lastReload;
    return makeReply({
      command: "status",
      lang: t.lang,
      title: t("status.title"),
      fields: [
        { label: t("status.version"), value: s.version },
        { label: t("status.loadedAt"), value: s.loadedAt.toISOString() },
        { label: t("status.counts"), value: t("status.countsValue", { models: s.models, catalog: s.catalogModels, count: s.articles }) },
        { label: t("status.prices"), value: t("status.pricesValue", { date: s.oldestPriceAsOf, days, stale: days > STALE_AFTER_DAYS ? t("status.stale") : "" }) },
        { label: t("status.lastReload"), value: !last ? t("status.never") : t(last.ok ? "status.reloadOk" : "status.reloadFailed", { at: last.at.toISOString() }) },
        { label: t("status.watching"), value: t(s.watching ? "status.yes" : "status.no") },
        ...(s.priceRefresh ? [{ label: t("status.refresh"), value: refreshText(t, s.priceRefresh) }] : []),
        ...(s.instances?.length
          ? [{ label: t("status.instances"), value: s.instances.map((i) => t("status.instance", { id: i.id, version: i.version, at: i.seenAt.toISOString() })).join("\n") }]
          : []),
        ...(s.sharedState ? [{ label: t("status.sharedState"), value: t(`status.sharedState.${s.sharedState}`) }] : []),
      ],
      notes: (last?.problems ?? []).slice(0, MAX_PROBLEMS_SHOWN).map(formatProblem),
      data: {
        version: s.version,
        loadedAt: s.loadedAt.toISOString(),
        models: s.models,
        articles: s.articles,
        oldestPriceAsOf: s.oldestPriceAsOf,
        priceAgeDays: days,
        lastReload: last ? { ok: last.ok, at: last.at.toISOString(), error: last.error } : null,
        instances: (s.instances ?? []).map((i) => ({ id: i.id, version: i.version, seenAt: i.seenAt.toISOString() })),
        priceRefresh: s.priceRefresh
          ? {
              everyMs: s.priceRefresh.everyMs,
              sources: s.priceRefresh.sources,
              last: s.priceRefresh.last ? { ok: s.priceRefresh.last.ok, at: s.priceRefresh.last.at.toISOString(), error: s.priceRefresh.last.error } : null,
              lastGoodAt: s.priceRefresh.lastGood?.at.toISOString() ?? null,
            }
          : null,
        ...(s.sharedState ? { sharedState: s.sharedState } : {}),
      },
    });
  },
};
