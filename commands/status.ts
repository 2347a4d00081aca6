import type { Command, CommandContext } from "../src/core/command.ts";
import { today } from "../src/core/clock.ts";
import { formatProblem } from "../src/core/knowledge/problems.ts";
import { daysBetween, STALE_AFTER_DAYS } from "../src/core/price-age.ts";
import { makeReply } from "../src/core/reply.ts";

const MAX_PROBLEMS_SHOWN = 10;

const text = {
  title: { en: "Knowledge status", zh: "知识库状态" },
  version: { en: "Version", zh: "版本" },
  loadedAt: { en: "Loaded at", zh: "加载时间" },
  counts: { en: "Contents", zh: "内容" },
  countsValue: { en: "{models} models, {articles} article(s)", zh: "{models} 个模型，{articles} 篇文章" },
  prices: { en: "Oldest price", zh: "最旧的价格" },
  pricesValue: { en: "{date} ({days} days old){stale}", zh: "{date}（{days} 天前）{stale}" },
  stale: { en: " — older than 90 days, refresh with npm run knowledge:import", zh: "——超过90天，请用 npm run knowledge:import 刷新" },
  lastReload: { en: "Last reload", zh: "上次重新加载" },
  never: { en: "none since start", zh: "启动后尚未重新加载" },
  reloadOk: { en: "{at}: OK", zh: "{at}：成功" },
  reloadFailed: { en: "{at}: rejected, still serving the last good version", zh: "{at}：被拒绝，仍在使用上一个有效版本" },
  watching: { en: "Watching knowledge/", zh: "监视 knowledge/" },
  yes: { en: "yes (edits are picked up automatically)", zh: "是（修改会自动生效）" },
  no: { en: "no", zh: "否" },
};

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
    const days = s.oldestPriceAsOf ? daysBetween(s.oldestPriceAsOf, today()) : 0;
    const last = s.lastReload;
    return makeReply({
      command: "status",
      lang: t.lang,
      title: t.pick(text.title),
      fields: [
        { label: t.pick(text.version), value: s.version },
        { label: t.pick(text.loadedAt), value: s.loadedAt.toISOString() },
        { label: t.pick(text.counts), value: t.pick(text.countsValue, { models: s.models, articles: s.articles }) },
        { label: t.pick(text.prices), value: t.pick(text.pricesValue, { date: s.oldestPriceAsOf, days, stale: days > STALE_AFTER_DAYS ? t.pick(text.stale) : "" }) },
        { label: t.pick(text.lastReload), value: !last ? t.pick(text.never) : t.pick(last.ok ? text.reloadOk : text.reloadFailed, { at: last.at.toISOString() }) },
        { label: t.pick(text.watching), value: t.pick(s.watching ? text.yes : text.no) },
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
      },
    });
  },
};
