import type { Command, CommandContext } from "../src/core/dispatch/command.ts";
import { UserError } from "../src/core/reply/errors.ts";
import { formatCount, formatNumber, formatPercent, formatTokens } from "../src/core/reply/format.ts";
import type { Translator } from "../src/core/i18n/translate.ts";
import { tierLabel } from "../src/core/i18n/translate.ts";
import { modelSource, sectionSource } from "../src/core/knowledge/citations.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import type { Model, PricedModel } from "../src/core/knowledge/schema.ts";
import { pricedModels } from "../src/core/knowledge/snapshot.ts";
import { requireModel } from "../src/core/pricing/model-notes.ts";
import { Money } from "../src/core/pricing/money.ts";
import { priceAge } from "../src/core/pricing/price-age.ts";
import { blendedPer1M } from "../src/core/pricing/pricing.ts";
import { cheapestHost, type ProviderOffer } from "../src/core/pricing/providers.ts";
import { makeReply, type Field, type Source } from "../src/core/reply/reply.ts";
import { apiCheaperAgain, planSelfhost, SelfhostInputError, type SelfhostPlan } from "../src/core/selfhost/index.ts";
import { type EngineName, PRECISIONS, type Precision } from "../src/core/selfhost/schema.ts";
import { findGpu } from "../src/core/dispatch/vocabulary.ts";
import { selfhostOverview } from "./selfhost-overview.ts";
import { selfhostRequest } from "./selfhost-request.ts";
import { SELFHOST_SPEC } from "./selfhost-spec.ts";
import { workloadFromArgs } from "../src/core/pricing/workload.ts";
import { answerRestAsQuestion } from "./rest-as-question.ts";
import { throughputServed, usersServed } from "./selfhost-users.ts";

/** The article section whose verdict every /selfhost answer quotes. */
const VERDICT_SECTION = "self-hosted-vs-api-the-2026-equation";
const YES = /^(yes|true|1|on|是|要)$/i;

function closedModelReply(ctx: CommandContext, money: Money, model: Model) {
  const { snapshot, t } = ctx;
  const serving = snapshot.knowledge.serving;
  const open = pricedModels(snapshot).filter((m) => m.openWeights && serving.architectures[m.id]);
  const sameTier = open.filter((m) => m.tier === model.tier);
  const alternatives = (sameTier.length ? sameTier : open)
    .map((m) => ({ model: m, blended: blendedPer1M(m, snapshot.knowledge.defaultWorkload) }))
    .sort((a, b) => a.blended - b.blended)
    .slice(0, 6);
  const measuredOn = (m: PricedModel) =>
    [...new Set(serving.calibration.filter((row) => row.model === m.id).map((row) => `${row.gpuCount}× ${row.gpu.toUpperCase()}`))].slice(0, 3).join(", ") || t("none");
  const source = sectionSource(snapshot, VERDICT_SECTION, t.lang);
  const currency = money.notes(t, []);
  return makeReply({
    command: "selfhost",
    lang: t.lang,
    // a price-map entry says nothing of its weights: what is missing is serving figures, not an open model
    ...("catalog" in model && model.catalog
      ? { title: t("selfhost.unsizedTitle", { model: model.name }), lead: t("selfhost.unsizedLead", { provider: model.provider, model: model.name }) }
      : { title: t("selfhost.closedTitle", { model: model.name }), lead: t("selfhost.closedLead", { provider: model.provider, model: model.name }) }),
    table: {
      columns: [t("col.model"), t("col.tier"), t("selfhost.colParams"), t("selfhost.colApi"), t("selfhost.colMeasured")],
      rows: alternatives.map(({ model: m, blended }) => [
        m.name,
        tierLabel(t, m.tier),
        m.parametersB ? `${formatNumber(m.parametersB, 1)}B` : t("none"),
        money.amount(blended),
        measuredOn(m),
      ]),
      align: ["left", "left", "right", "right", "left"],
    },
    notes: [t("selfhost.verdict"), ...currency.notes],
    sources: [...(source ? [source] : []), ...alternatives.map((a) => modelSource(a.model, t.lang)), ...currency.sources],
    data: {
      ...currency.data,
      model: model.id,
      selfHostable: false,
      alternatives: alternatives.map((a) => ({ id: a.model.id, tier: a.model.tier, apiCostPer1M: a.blended, parametersB: a.model.parametersB ?? null })),
    },
  });
}

function needText(t: Translator, n: { gpuCount: number; nodes: number; gpu: string; precision: string }): string {
  return t(n.nodes > 1 ? "selfhost.needNodes" : "selfhost.needGpus", { count: n.gpuCount, nodes: n.nodes, gpu: n.gpu.toUpperCase(), precision: n.precision.toUpperCase() });
}

/** Where a number came from, in a few words: yours, measured, estimated ±, typical … */
function originNote(t: Translator, plan: SelfhostPlan): string {
  if (plan.throughputSource === "user") return t("selfhost.tputYours");
  if (plan.throughputSource === "measured" && plan.measuredBy) return t("selfhost.tputMeasured", { engine: plan.measuredBy.engine });
  return t(plan.uncalibrated ? "selfhost.tputUncalibrated" : "selfhost.tputEstimated", { error: formatNumber(plan.estimateErrorPct ?? 0, 0) });
}

const ENGINE_WORDS: Record<string, EngineName> = {
  vllm: "vllm",
  sglang: "sglang",
  trtllm: "tensorrt-llm",
  "tensorrt-llm": "tensorrt-llm",
  tensorrt: "tensorrt-llm",
  "trt-llm": "tensorrt-llm",
};

function seconds(t: Translator, value: number): string {
  if (value < 1) return t.lang === "zh" ? `${formatNumber(value * 1000, 0)} 毫秒` : `${formatNumber(value * 1000, 0)} ms`;
  const n = formatNumber(value, value < 10 ? 1 : 0);
  return t.lang === "zh" ? `${n} 秒` : `${n} s`;
}

/**
 * The API price self-hosting is weighed against: the cheapest paid host of the same open weights at this workload
 * (rows that are not plannable passed over), else the table's own entry. Self-hosting has to beat the
 * cheapest way to buy the same model, not the first-party or a mid-priced one.
 */
function apiToBeat(
  ctx: CommandContext,
  model: PricedModel,
  workload: Parameters<typeof blendedPer1M>[1],
): { per1M: number; host: ProviderOffer | null; hosts: number; listedPer1M: number } {
  const listedPer1M = blendedPer1M(model, workload);
  // $0 rows, suspect prices and flagged low outliers are no price to plan on
  const { offer: cheapest, plannable: hosts } = cheapestHost(ctx.snapshot.priced, model, workload);
  const hostPer1M = cheapest ? blendedPer1M(cheapest.model, workload) : Number.POSITIVE_INFINITY;
  return cheapest && hostPer1M < listedPer1M ? { per1M: hostPer1M, host: cheapest, hosts, listedPer1M } : { per1M: listedPer1M, host: null, hosts, listedPer1M };
}

function warningNotes(t: Translator, plan: SelfhostPlan): string[] {
  return plan.warnings.map((code) => t(`selfhost.warning.${code}`, { util: formatPercent(plan.utilization * 100) }));
}

/** A GPU count the planner chose above the fewest that hold the model says why ("8 × RTX 4090 for a 32B model?"). */
function whyGpuCount(t: Translator, plan: SelfhostPlan): string | null {
  const topology = plan.topology;
  // the count is the interactive plan's (plan.ts): a batch answer on the same GPUs has nothing of its own to explain
  if (plan.origins.gpuCount !== "planned" || plan.slo !== "interactive" || !topology || topology.replicaGpus <= topology.smallest.gpus) return null;
  // "{count} can" only when it does; otherwise the unreachable-speed warning says what there is to say
  if (!topology.smallest.sloMet && plan.warnings.includes("interactiveSloUnreachable")) return null;
  const values = { count: topology.replicaGpus, smallest: topology.smallest.gpus, slo: plan.slo };
  return t(topology.smallest.sloMet ? "selfhost.whyGpuCount" : "selfhost.whyGpuCountSlow", values);
}

export const selfhost: Command = {
  spec: SELFHOST_SPEC,
  run(ctx: CommandContext) {
    const asQuestion = answerRestAsQuestion(ctx);
    if (asQuestion) return asQuestion;
    const { snapshot, t, args } = ctx;
    // a question in words that names no model but a volume: the open models people serve, at that volume
    const volumeOnly = !args.rest.trim() && ctx.question && workloadFromArgs(args, snapshot.knowledge.defaultWorkload).origin !== "default";
    if (volumeOnly) {
      const money = Money.from(ctx.globals.currency, t, snapshot.knowledge.currency);
      const stated = workloadFromArgs(args, snapshot.knowledge.defaultWorkload);
      return selfhostOverview(ctx, money, stated, (model) => apiToBeat(ctx, model, stated.workload), VERDICT_SECTION);
    }
    const resolutions = snapshot.resolver.resolveList(args.rest);
    if (!resolutions[0]) throw new UserError("bad_input", "error.needModel");
    const model = requireModel(resolutions[0]);
    const money = Money.from(ctx.globals.currency, t, snapshot.knowledge.currency);
    const serving = snapshot.knowledge.serving;
    if (!model.openWeights || !isPriced(model) || !serving.architectures[model.id]) return closedModelReply(ctx, money, model);

    const gpuAsked = args.text("gpu");
    if (gpuAsked !== undefined) findGpu(snapshot, gpuAsked);
    const precision = args.text("precision")?.toLowerCase();
    if (precision !== undefined && !(PRECISIONS as readonly string[]).includes(precision))
      throw new UserError("bad_input", "error.badPrecision", { value: precision.slice(0, 20), list: PRECISIONS.join(", ") });
    const slo = args.text("slo")?.toLowerCase();
    if (slo !== undefined && slo !== "interactive" && slo !== "batch") throw new UserError("bad_input", "error.badSlo", { value: slo.slice(0, 20) });
    const engineAsked = args.text("engine")?.toLowerCase();
    const engine = engineAsked !== undefined && Object.hasOwn(ENGINE_WORDS, engineAsked) ? ENGINE_WORDS[engineAsked] : undefined;
    if (engineAsked !== undefined && !engine) throw new UserError("bad_input", "error.badEngine", { value: engineAsked.slice(0, 20) });
    const owned = YES.test(args.text("owned") ?? "");
    // the API is priced at the question's own input:output mix, so both sides answer the same workload
    const stated = workloadFromArgs(args, snapshot.knowledge.defaultWorkload);
    const api = apiToBeat(ctx, model, stated.workload);
    const apiCostPer1M = api.per1M;
    const tokensPerMonth = stated.origin === "default" ? undefined : stated.workload.inputTokens + stated.workload.outputTokens;
    const planAt = (precision: Precision | undefined): SelfhostPlan =>
      planSelfhost(serving, selfhostRequest(args, { modelId: model.id, apiCostPer1M, gpuAsked, precision, slo, engine, tokensPerMonth, workload: stated.workload, owned }));
    let plan: SelfhostPlan;
    const notes: string[] = [];
    if (stated.unsizedRequests !== undefined) notes.push(t("selfhost.unsizedRequests", { requests: formatCount(stated.unsizedRequests, t.lang) }));
    try {
      plan = planAt(precision as Precision | undefined);
      // GPUs named without a precision: where lower-precision weights fit them, plan that instead of refusing
      const roomy =
        !plan.fits && precision === undefined && args.has("gpus") ? plan.doesNotFit?.needs.find((n) => !n.beyondPlannerLimit && n.gpuCount <= plan.gpu.count) : undefined;
      if (roomy) {
        const refused = plan;
        const lower = planAt(roomy.precision);
        if (lower.fits) {
          plan = lower;
          const asked = refused.doesNotFit?.needs.find((n) => n.precision === refused.precision);
          notes.push(
            t("selfhost.plannedAtLower", {
              model: model.name,
              need: asked ? needText(t, asked) : t("selfhost.needsMore"),
              precision: roomy.precision.toUpperCase(),
              count: refused.gpu.count,
              gpu: refused.gpu.name,
            }),
          );
        }
      }
    } catch (error) {
      if (error instanceof SelfhostInputError) throw new UserError("bad_input", "error.badSelfhost", { detail: error.detail.slice(0, 60) });
      throw error;
    }
    const gpuName = plan.gpu.name;
    const count = plan.gpu.count;
    const tokens = (n: number | null) => (n === null ? t("none") : formatTokens(n, t.lang));
    const util = formatPercent(plan.utilization * 100);
    const fields: Field[] = [];
    const apiShown = api.host ? t("selfhost.apiAtHost", { price: money.amount(apiCostPer1M), provider: api.host.provider }) : money.amount(apiCostPer1M);
    // a deployment serves this much a month: all of it unless a utilization was given (as the volume is split)
    const step = plan.capacityTokensPerMonth === null ? null : plan.capacityTokensPerMonth * (plan.origins.utilization === "user" ? plan.utilization : 1);
    const againWindows = plan.fits && plan.breakEvenTokensPerMonth !== null && step !== null ? apiCheaperAgain(plan.breakEvenTokensPerMonth, step) : [];
    let lead: string;
    if (!plan.fits || !plan.throughputTokensPerSec) {
      const needs = plan.doesNotFit?.needs ?? [];
      const options = needs.map((n) =>
        n.gpuCount <= count && !n.beyondPlannerLimit ? t("selfhost.needSameGpus", { count, precision: n.precision.toUpperCase(), option: n.precision }) : needText(t, n),
      );
      lead = t("selfhost.doesNotFit", {
        model: model.name,
        count,
        gpu: gpuName,
        precision: plan.precision.toUpperCase(),
        options: options.length ? t.list(options, "disjunction") : t("selfhost.needsMore"),
      });
      if (needs.some((n) => n.precision === "int4" && !n.beyondPlannerLimit)) notes.push(t("selfhost.int4Quality"));
    } else if (plan.breakEvenTokensPerMonth !== null && plan.selfHostCostPer1M !== null && plan.selfHostCostPer1M > apiCostPer1M && plan.origins.utilization === "user") {
      // a utilization asked for below break-even's ("利用率 30% 的话"): the API wins at it, and the volume where
      // self-hosting would is said as such (a volume's own utilization is the volume's verdict, below)
      lead = t("selfhost.leadDearerAtUtil", { util, self: money.amount(plan.selfHostCostPer1M), api: apiShown, breakEven: tokens(plan.breakEvenTokensPerMonth) });
    } else if (plan.breakEvenTokensPerMonth !== null && plan.selfHostCostPer1M !== null) {
      const again = againWindows[0];
      const inWindow = tokensPerMonth !== undefined ? againWindows.find((w) => tokensPerMonth > w.fromTokens && tokensPerMonth <= w.toTokens) : undefined;
      lead = t.sentences([
        t("selfhost.leadCheaper", { util, self: money.amount(plan.selfHostCostPer1M), api: apiShown, breakEven: tokens(plan.breakEvenTokensPerMonth) }),
        again ? t("selfhost.apiAgain", { from: tokens(again.fromTokens), to: tokens(again.toTokens), count: again.deployments }) : "",
        inWindow ? t("selfhost.apiAgainAtVolume", { tokens: tokens(tokensPerMonth!), count: inWindow.deployments }) : "",
      ]);
    } else if (plan.selfHostCostPer1M === null) {
      // owned GPUs with no sourced purchase price: no cost to weigh, and the answer says what it needs instead of "$0.00"
      lead = t("selfhost.leadNoCost", { api: apiShown, gpu: gpuName });
    } else {
      const full = plan.apiCheaperAtFullUse;
      lead = t("selfhost.leadDearer", {
        util,
        self: money.amount(plan.selfHostCostPer1M ?? 0),
        api: apiShown,
        full: full ? money.amount(full.selfHostCostPer1M) : t("none"),
        ratio: full ? formatNumber(full.ratio, 1) : "—",
      });
    }

    const rental = serving.gpus.find((g) => g.id === plan.gpu.id)!;
    fields.push({
      label: t("selfhost.gpu"),
      value:
        t("selfhost.gpuValue", {
          count,
          name: gpuName,
          price: money.amount(plan.gpu.hourlyUsd),
          priceNote:
            plan.origins.hourlyUsd === "user"
              ? t("selfhost.priceGiven")
              : owned
                ? t("selfhost.priceOwned")
                : t("selfhost.priceTypical", {
                    low: money.amount(Math.min(rental.rental.onDemand.low, rental.rental.marketplace.low)),
                    high: money.amount(Math.max(rental.rental.onDemand.high, rental.rental.marketplace.high)),
                  }),
        }) + (plan.origins.gpu === "cheapest" ? ` ${t("selfhost.gpuChosen")}` : ""),
    });
    if (plan.topology)
      fields.push({
        label: t("selfhost.topology"),
        value: t("selfhost.topologyValue", {
          tp: plan.topology.tensorParallel,
          replicas: plan.topology.replicas,
          nodes: plan.topology.nodesPerReplica,
          idle: plan.topology.idleGpus,
          precision: plan.precision.toUpperCase(),
          engine: plan.engine,
        }),
      });
    if (plan.topology) {
      const profile = serving.engines[plan.engine];
      fields.push({
        label: t("selfhost.engine"),
        value: t("selfhost.engineValue", {
          engine: profile.name,
          chosen: engine ? "" : t("selfhost.engineDefaultNote"),
          parallel: t(plan.engineSettings.attentionDataParallel ? "selfhost.engineDataParallel" : "selfhost.engineTensorParallel"),
          kv: plan.engineSettings.kvCache.toUpperCase(),
        }),
      });
    }
    if (plan.throughputTokensPerSec) {
      const origin = t.lang === "zh" ? `（${originNote(t, plan)}）` : ` (${originNote(t, plan)})`;
      fields.push({
        label: t("selfhost.throughput"),
        // a throughput the asker measured comes with no batch or speed per user of the plan's
        value: `${
          plan.batch && plan.perUserDecodeTokensPerSec
            ? t("selfhost.throughputValue", {
                tps: formatNumber(plan.throughputTokensPerSec, 0),
                batch: formatNumber(plan.batch, 0),
                perUser: formatNumber(plan.perUserDecodeTokensPerSec, 0),
              })
            : t("selfhost.throughputTotal", { tps: formatNumber(plan.throughputTokensPerSec, 0) })
        }${origin}`,
      });
      const { interactive, batch } = plan.tradeoff;
      if (interactive && batch)
        fields.push({
          label: t("selfhost.tradeoff"),
          value: t("selfhost.tradeoffValue", {
            iTps: formatNumber(interactive.throughputTokensPerSec, 0),
            iUser: formatNumber(interactive.perUserDecodeTokensPerSec, 0),
            iGpus: interactive.replicaGpus,
            iTtft: seconds(t, interactive.ttftSeconds),
            bGpus: batch.replicaGpus,
            iCost: interactive.selfHostCostPer1M === null ? t("none") : money.amount(interactive.selfHostCostPer1M),
            bTps: formatNumber(batch.throughputTokensPerSec, 0),
            bUser: formatNumber(batch.perUserDecodeTokensPerSec, 0),
            bCost: batch.selfHostCostPer1M === null ? t("none") : money.amount(batch.selfHostCostPer1M),
          }),
        });
    }
    if (plan.ttftSeconds !== null && plan.perUserDecodeTokensPerSec !== null)
      fields.push({
        label: t("selfhost.ttft"),
        value: t("selfhost.ttftValue", {
          seconds: seconds(t, plan.ttftSeconds),
          tokens: formatNumber(plan.request.inputTokens, 0),
          perUser: formatNumber(plan.perUserDecodeTokensPerSec, 0),
        }),
      });
    fields.push({ label: t("selfhost.utilization"), value: util });
    if (plan.costs) {
      const c = plan.costs;
      fields.push({
        label: t("selfhost.monthly"),
        value: owned
          ? t("selfhost.monthlyOwned", {
              total: money.amount(c.monthlyFixedUsd),
              amortization: money.amount(c.amortizationUsdPerMonth),
              electricity: money.amount(c.electricityUsdPerMonth),
              ops: money.amount(c.opsUsdPerMonth),
            })
          : t("selfhost.monthlyRented", { total: money.amount(c.monthlyFixedUsd), hours: serving.hoursPerMonth, ops: money.amount(c.opsUsdPerMonth) }),
      });
    }
    if (plan.capacityTokensPerMonth !== null) fields.push({ label: t("selfhost.capacity"), value: tokens(plan.capacityTokensPerMonth) });
    if (plan.selfHostCostPer1M !== null) fields.push({ label: t("selfhost.selfCost"), value: t("selfhost.per1M", { price: money.amount(plan.selfHostCostPer1M) }) });
    const split = `${formatNumber(stated.workload.inputTokens / Math.max(1, stated.workload.outputTokens), 1)}:1`;
    fields.push({
      label: t("selfhost.apiPrice"),
      value: api.host
        ? t("selfhost.apiHostValue", {
            price: money.amount(apiCostPer1M),
            provider: api.host.provider,
            count: api.hosts,
            model: model.name,
            split,
            listed: money.amount(api.listedPer1M),
            listedBy: model.provider,
          })
        : t("selfhost.apiValue", { price: money.amount(apiCostPer1M), model: model.name, split }),
    });
    if (plan.fits)
      fields.push({
        label: t("selfhost.breakEven"),
        value: plan.breakEvenTokensPerMonth === null ? t("selfhost.noBreakEven") : t("selfhost.breakEvenValue", { tokens: tokens(plan.breakEvenTokensPerMonth) }),
      });

    if (tokensPerMonth !== undefined && plan.costs && plan.capacityTokensPerMonth) {
      const deployments = plan.deploymentsForVolume ?? Math.max(1, Math.ceil(tokensPerMonth / plan.capacityTokensPerMonth));
      notes.push(
        t("selfhost.volume", {
          tokens: tokens(tokensPerMonth),
          api: money.amount((tokensPerMonth / 1e6) * apiCostPer1M),
          self: money.amount(deployments * plan.costs.monthlyFixedUsd),
          count: deployments,
        }),
      );
    }
    // a fleet sized for the users or throughput asked, at the plan's cost per GPU-hour (its ops cost once)
    const costs = plan.costs;
    const fleetMonthly = costs ? (gpus: number) => money.amount(costs.usdPerGpuHour * serving.hoursPerMonth * gpus + costs.opsUsdPerMonth) : null;
    const { notes: servedNotes, served } = usersServed(t, plan, originNote(t, plan), fleetMonthly, args.number("users"), args.number("speed"));
    notes.push(...servedNotes);
    const sustainable = serving.utilizationWarning.highPercent / 100;
    const { notes: throughputNotes, served: throughput } = throughputServed(t, plan, originNote(t, plan), fleetMonthly, args.number("serve"), sustainable);
    notes.push(...throughputNotes);
    const why = whyGpuCount(t, plan);
    if (why) notes.push(why);
    // a rental price includes power: an electricity price for rented GPUs is said to be unused, not dropped unseen
    if (args.has("kwh") && !owned) notes.push(t("selfhost.kwhRented"));
    // owned GPUs with no price of the asker's: the sourced one the write-off used, said, and how to give theirs
    const writeOff = costs?.writeOff;
    const sourced = writeOff && !args.has("cost") ? serving.gpus.find((g) => g.id === plan.gpu.id)?.purchase : undefined;
    if (writeOff && sourced)
      notes.push(
        t("selfhost.purchaseAssumed", {
          gpu: plan.gpu.name,
          price: money.amount(writeOff.purchaseUsdPerGpu),
          months: formatNumber(writeOff.months, 0),
          source: sourced.source,
          date: sourced.asOf,
        }),
      );
    notes.push(...warningNotes(t, plan));
    notes.push(t("selfhost.verdict"), t("selfhost.assumptions"));
    const age = priceAge(t, [model], ctx.today);
    if (age) notes.push(age.note);
    const currency = money.notes(t, []);
    notes.push(...currency.notes);

    const sources: Source[] = [
      { title: gpuName, ref: rental.rental.source, asOf: rental.asOf },
      { title: t("selfhost.specSource", { gpu: gpuName }), ref: rental.specSource, asOf: rental.asOf },
      modelSource(model, t.lang),
      ...(api.host ? [modelSource(api.host.model, t.lang)] : []),
    ];
    if (plan.measuredBy) sources.push({ title: t("selfhost.measurementSource", { model: model.name, gpu: gpuName }), ref: plan.measuredBy.source, asOf: plan.measuredBy.asOf });
    else if (plan.throughputSource === "estimated")
      sources.push({
        title: t("selfhost.calibrationSource"),
        ref: "knowledge/serving.yaml#calibration",
        asOf:
          serving.calibration
            .map((row) => row.asOf)
            .sort()
            .at(-1) ?? "",
      });
    const article = sectionSource(snapshot, VERDICT_SECTION, t.lang);
    if (article) sources.push(article);
    sources.push(...currency.sources);

    const verdict =
      !plan.fits || !plan.costs
        ? null
        : plan.breakEvenTokensPerMonth !== null
          ? againWindows[0]
            ? t("selfhost.chartVerdictCheaperExcept", {
                tokens: tokens(plan.breakEvenTokensPerMonth),
                from: tokens(againWindows[0].fromTokens),
                to: tokens(againWindows[0].toTokens),
              })
            : t("selfhost.chartVerdictCheaper", { tokens: tokens(plan.breakEvenTokensPerMonth) })
          : t("selfhost.chartVerdictDearer");
    return makeReply({
      command: "selfhost",
      lang: t.lang,
      title: t("selfhost.title", { model: model.name, count, gpu: gpuName }),
      lead,
      fields,
      chart:
        plan.costs && plan.capacityTokensPerMonth
          ? {
              kind: "breakEven",
              title: t("selfhost.chartTitle", { model: model.name, count, gpu: plan.gpu.id.toUpperCase() }),
              ...(verdict ? { verdict } : {}),
              xLabel: t("selfhost.chartX"),
              yLabel: t(money.mode === "usd" ? "selfhost.chartY" : "selfhost.chartYCny"),
              apiLabel: t("selfhost.chartApi", { price: money.amount(apiCostPer1M) }),
              selfLabel: t("selfhost.chartSelf"),
              breakEvenLabel: t("selfhost.chartBreakEven"),
              apiCostPer1M,
              monthlyFixedUsd: plan.costs.monthlyFixedUsd,
              capacityTokens: step ?? plan.capacityTokensPerMonth,
              breakEvenTokens: plan.breakEvenTokensPerMonth,
              formatTokens: t.lang,
              axisCurrency: money.axisCurrency(),
            }
          : null,
      notes,
      sources,
      data: {
        model: model.id,
        selfHostable: true,
        fits: plan.fits,
        doesNotFit: plan.doesNotFit,
        gpu: plan.gpu,
        topology: plan.topology,
        precision: plan.precision,
        engine: plan.engine,
        engineSettings: plan.engineSettings,
        slo: plan.slo,
        throughputTokensPerSec: plan.throughputTokensPerSec,
        throughputSource: plan.throughputSource,
        estimateErrorPct: plan.estimateErrorPct,
        uncalibrated: plan.uncalibrated,
        ttftSeconds: plan.ttftSeconds,
        perUserDecodeTokensPerSec: plan.perUserDecodeTokensPerSec,
        batch: plan.batch,
        utilization: plan.utilization,
        tokensPerMonth: plan.tokensPerMonth,
        monthlyFixedUsd: plan.costs?.monthlyFixedUsd ?? null,
        costs: plan.costs,
        monthlyCapacityTokens: plan.capacityTokensPerMonth,
        selfHostCostPer1M: plan.selfHostCostPer1M,
        apiModel: model.id,
        apiCostPer1M,
        apiHost: api.host ? { provider: api.host.provider, id: api.host.id, costPer1M: apiCostPer1M } : null,
        listedApiCostPer1M: api.listedPer1M,
        apiCheaperAgain: againWindows,
        breakEvenTokensPerMonth: plan.breakEvenTokensPerMonth,
        apiCheaperAtFullUse: plan.apiCheaperAtFullUse,
        ...(served ? { concurrency: served } : {}),
        ...(throughput ? { throughputTarget: throughput } : {}),
        origins: plan.origins,
        warnings: plan.warnings,
        ...age?.data,
        ...currency.data,
      },
    });
  },
};
