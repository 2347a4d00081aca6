import type { Command, CommandContext } from "../src/core/dispatch/command.ts";
import { UserError } from "../src/core/reply/errors.ts";
import { formatCount, formatNumber, formatTokens } from "../src/core/reply/format.ts";
import { tierLabel } from "../src/core/i18n/translate.ts";
import { modelSource } from "../src/core/knowledge/citations.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import { pricedModels } from "../src/core/knowledge/snapshot.ts";
import { deprecationNote, requireModel } from "../src/core/pricing/model-notes.ts";
import { Money } from "../src/core/pricing/money.ts";
import { priceAge } from "../src/core/pricing/price-age.ts";
import { pricingNotes } from "../src/core/pricing/pricing-notes.ts";
import { answerRestAsQuestion } from "./rest-as-question.ts";
import { partMoved } from "./budget-part-moved.ts";
import { workloadCost, type PricedEntry } from "../src/core/pricing/pricing.ts";
import { NO_QUALITY, qualityFromFile, recommendByTier, type RecommendConstraints } from "../src/core/recommendation/recommend.ts";
import type { Constraints } from "../src/core/understand/types.ts";
import { makeReply } from "../src/core/reply/reply.ts";
import { findTasks } from "../src/core/dispatch/vocabulary.ts";
import { WORKLOAD_OPTIONS, workloadFromArgs } from "../src/core/pricing/workload.ts";

const MAX_MODELS = 8;
/** The most a budget may be: ten million dollars a month is beyond any token bill worth estimating here. */
const MAX_BUDGET_USD = 1e7;
/** "$100", "100 usd", "¥2000", "300元", "1.5k", "2万元", "100/month", "500美元/月" */
const AMOUNT =
  /^\s*([$¥￥])?\s*(\d{1,12}(?:\.\d{1,4})?)\s*(k|千|万)?\s*(元|块|人民币|rmb|cny|yuan|usd|美元|dollars?)?\s*(?:\/\s*(?:mo|month|月)|a month|per month|每月)?(?=\s|$|,|，)/iu;

/** What a question needs of a pick, as the recommender reads it (which adds what the tasks require itself). */
function pickConstraints(c: Constraints): RecommendConstraints {
  const capabilities = (["vision", "reasoning", "tools"] as const).filter((k) => c[k]);
  return { capabilities, openWeights: Boolean(c.openWeights), chinese: Boolean(c.chinese), minContext: c.minContext ?? 0 };
}

export const budget: Command = {
  spec: {
    name: "budget",
    showsMoney: true,
    localName: { zh: "预算" },
    description: { en: "What a monthly budget buys: tokens per model, and which choices fit your volume", zh: "每月预算能买多少：各模型的Token量，以及哪些选择能满足你的用量" },
    usage: {
      en: "/budget <amount>[/month] [models…] [task words] [in:<tokens>] [out:<tokens>] [tokens:<total>] [cached:<percent>]",
      zh: "/budget <金额>[/月] [模型…] [任务词] [in:<Token数>] [out:<Token数>] [tokens:<总量>] [cached:<百分比>]",
    },
    examples: ["/budget $100 gpt-5 mini deepseek", "/budget 300元 编程", "/budget 2000 tokens:500M"],
    options: WORKLOAD_OPTIONS,
    positional: {
      name: "amount",
      kind: "words",
      missing: "error.needBudget",
      description: { en: "monthly budget, then models or task words", zh: "每月预算，然后是模型或任务词" },
      required: true,
    },
  },
  run(ctx: CommandContext) {
    // "/budget $250/mo gpt-5.4 mini 2k in 400 out per request": a request's size or a need in words is the question asked in words
    // the command's first amount is its budget, in dollars unless it says otherwise ("/budget 500 o3 1.5k in 300 out per request")
    const bare = AMOUNT.exec(ctx.args.rest);
    const asQuestion = answerRestAsQuestion(bare && !bare[1] && !bare[4] ? { ...ctx, args: ctx.args.withRest(`$${ctx.args.rest.trimStart()}`) } : ctx);
    if (asQuestion) return asQuestion;
    const { snapshot, t, args } = ctx;
    const rate = snapshot.knowledge.currency.usdToCny.rate;
    const asked = ctx.question?.budget;
    const match = asked ? null : AMOUNT.exec(args.rest);
    if (!asked && !match) throw new UserError("bad_input", "error.needBudget");
    const amount = asked?.amount ?? Number(match![2]) * (match![3] === "万" ? 1e4 : match![3] ? 1e3 : 1);
    const inYuan = asked ? asked.currency === "cny" : Boolean(match![1] && /[¥￥]/.test(match![1])) || /元|块|人民币|rmb|cny|yuan/i.test(match![4] ?? "");
    const budgetUsd = inYuan ? amount / rate : amount;
    if (!(budgetUsd > 0) || budgetUsd > MAX_BUDGET_USD) throw new UserError("bad_input", "error.badBudget", { max: "$10,000,000" });
    const rest = asked ? "" : args.rest.slice(match![0].length);
    const money = Money.from(ctx.globals.currency ?? (inYuan ? "both" : null), t, snapshot.knowledge.currency);
    const defaults = snapshot.knowledge.defaultWorkload;
    const stated = workloadFromArgs(args, defaults);
    // a size priced for a thousand requests because no count was said is no volume of the asker's
    const volumeStated = stated.origin !== "default" && !ctx.question?.requestsAssumed;
    // "1.5k in 300 out per request": what one request costs, so the budget is also a number of requests
    const requests = args.number("requests");
    const perRequest = requests !== undefined && stated.origin === "stated" && stated.workload.promptTokensPerRequest !== undefined ? requests : undefined;

    let models: PricedEntry[] = ctx.question ? ctx.question.models.map((m) => m.model).filter(isPriced) : [];
    const named = rest.trim() && !ctx.question ? snapshot.resolver.resolveList(rest.replace(/[,，]/g, " ")) : [];
    const tasks = ctx.question?.tasks ?? findTasks(snapshot, rest);
    if (!ctx.question && named.length && !tasks.length) models = named.map(requireModel).filter(isPriced);
    if (!models.length) {
      const quality = snapshot.knowledge.quality;
      models = recommendByTier(pricedModels(snapshot) as PricedEntry[], {
        tasks,
        // "cheapest vision model, budget $50": the picks meet what the question needs, as /cheapest's do
        constraints: pickConstraints(ctx.question?.constraints ?? {}),
        workload: stated.workload,
        quality: quality ? qualityFromFile(quality) : NO_QUALITY,
        today: ctx.today,
      }).flatMap((r) => (r.pick ? [r.pick.model] : []));
    }
    models = [...new Set(models)].slice(0, MAX_MODELS);

    // the budget buys the stated mix (or the default one), scaled until it costs exactly the budget
    const unit = { ...stated.workload, inputTokens: 1e6, outputTokens: Math.round((1e6 * stated.workload.outputTokens) / Math.max(1, stated.workload.inputTokens)) };
    const rows = models.map((model) => {
      const unitCost = workloadCost(model, unit).totalUsd;
      const scale = unitCost > 0 ? budgetUsd / unitCost : Number.POSITIVE_INFINITY;
      const volumeCost = money.cost(model, stated.workload);
      const requestUsd = perRequest === undefined ? undefined : volumeCost.cost.totalUsd / perRequest;
      const requestsBought = requestUsd === undefined ? undefined : requestUsd > 0 ? budgetUsd / requestUsd : Number.POSITIVE_INFINITY;
      return { model, inputTokens: unit.inputTokens * scale, outputTokens: unit.outputTokens * scale, volumeCost, fits: volumeCost.cost.totalUsd <= budgetUsd, requestsBought };
    });
    // the volume the budget buys on the model the asker uses now (named first), and what it costs on each of the others
    const base = ctx.question?.sameUsage && rows.length > 1 ? rows[0]! : undefined;
    const sameUsage =
      base && Number.isFinite(base.inputTokens)
        ? rows.map((r) => money.cost(r.model, { ...stated.workload, inputTokens: base.inputTokens, outputTokens: base.outputTokens }))
        : undefined;
    const volume = t("workload.stated", { input: formatCount(stated.workload.inputTokens, t.lang), output: formatCount(stated.workload.outputTokens, t.lang) });
    const fitting = rows.filter((r) => r.fits).map((r) => r.model.name);
    const lead = t.sentences([
      t("budget.lead", { budget: money.amount(budgetUsd), ratio: `${formatNumber(unit.inputTokens / Math.max(1, unit.outputTokens), 1)}:1` }),
      ...(volumeStated ? [fitting.length ? t("budget.fits", { volume, models: t.list(fitting) }) : t("budget.fitsNone", { volume })] : []),
      ...(base && sameUsage
        ? [
            t("budget.sameUsage", {
              budget: money.amount(budgetUsd),
              model: base.model.name,
              input: formatCount(base.inputTokens, t.lang),
              output: formatCount(base.outputTokens, t.lang),
              costs: t.list(rows.slice(1).map((r, i) => t("budget.sameUsageOn", { model: r.model.name, cost: sameUsage[i + 1]!.shown }))),
            }),
          ]
        : []),
      ...(base && sameUsage && ctx.question?.movedPercent !== undefined ? partMoved(t, money, stated.workload, base, rows.slice(1), ctx.question.movedPercent / 100) : []),
      ...(perRequest !== undefined
        ? [
            t("budget.requests", {
              input: formatCount(stated.workload.inputTokens / perRequest, t.lang),
              output: formatCount(stated.workload.outputTokens / perRequest, t.lang),
            }),
          ]
        : []),
    ]);
    const count = (n: number | undefined) => (n === undefined ? "" : Number.isFinite(n) ? formatCount(n, t.lang) : t("budget.unlimited"));
    const tokens = (n: number) => (Number.isFinite(n) ? formatTokens(n, t.lang) : t("budget.unlimited"));
    const notes = pricingNotes(
      t,
      rows.map((r) => ({ model: r.model, cost: r.volumeCost.cost })),
    );
    notes.push(...models.flatMap((model) => deprecationNote(t, model, ctx.today) ?? []));
    notes.push(t("budget.estimate"));
    const age = priceAge(t, models, ctx.today);
    if (age) notes.push(age.note);
    const currency = money.notes(t, models);
    notes.push(...currency.notes);
    return makeReply({
      command: "budget",
      lang: t.lang,
      title: t("budget.title", { budget: money.amount(budgetUsd) }),
      lead,
      table: {
        columns: [
          t("col.model"),
          t("col.tier"),
          t("budget.col.input"),
          t("budget.col.output"),
          ...(volumeStated ? [t("budget.col.volume")] : []),
          ...(perRequest !== undefined ? [t("budget.col.requests")] : []),
          ...(sameUsage ? [t("budget.col.sameUsage", { model: base!.model.name })] : []),
        ],
        rows: rows.map((r) => [
          r.model.name,
          tierLabel(t, r.model.tier),
          tokens(r.inputTokens),
          tokens(r.outputTokens),
          ...(volumeStated ? [t(r.fits ? "budget.within" : "budget.over", { cost: r.volumeCost.shown })] : []),
          ...(perRequest !== undefined ? [count(r.requestsBought)] : []),
          ...(sameUsage ? [sameUsage[rows.indexOf(r)]!.shown] : []),
        ]),
        align: [
          "left",
          "left",
          "right",
          "right",
          ...(volumeStated ? (["right"] as const) : []),
          ...(perRequest !== undefined ? (["right"] as const) : []),
          ...(sameUsage ? (["right"] as const) : []),
        ],
      },
      notes,
      sources: [...models.map((m) => modelSource(m, t.lang)), ...currency.sources],
      data: {
        budgetUsdPerMonth: budgetUsd,
        currency: inYuan ? "cny" : "usd",
        amount,
        workload: stated.workload,
        workloadOrigin: stated.origin,
        models: rows.map((r) => ({
          id: r.model.id,
          inputPer1M: r.model.inputPer1M,
          outputPer1M: r.model.outputPer1M,
          inputTokens: Number.isFinite(r.inputTokens) ? r.inputTokens : null,
          outputTokens: Number.isFinite(r.outputTokens) ? r.outputTokens : null,
          ...(volumeStated ? { volumeCost: r.volumeCost.cost.totalUsd, fits: r.fits } : {}),
          ...(r.requestsBought !== undefined ? { requestsBought: Number.isFinite(r.requestsBought) ? r.requestsBought : null } : {}),
          ...(sameUsage ? { sameUsageCost: sameUsage[rows.indexOf(r)]!.cost.totalUsd } : {}),
        })),
        ...age?.data,
        ...currency.data,
      },
    });
  },
};
