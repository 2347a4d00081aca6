import type { Command, CommandContext } from "../src/core/dispatch/command.ts";
import { UserError } from "../src/core/reply/errors.ts";
import { formatNumber, formatTokens } from "../src/core/reply/format.ts";
import type { PricedModel } from "../src/core/knowledge/schema.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import { modelSource } from "../src/core/knowledge/citations.ts";
import { pricedModels } from "../src/core/knowledge/snapshot.ts";
import { requireModel } from "../src/core/pricing/model-notes.ts";
import { secondSourceNotes } from "../src/core/pricing/price-sources.ts";
import { workloadCost } from "../src/core/pricing/pricing.ts";
import { priceAge } from "../src/core/pricing/price-age.ts";
import { Money } from "../src/core/pricing/money.ts";
import { makeReply } from "../src/core/reply/reply.ts";
import { countTokens, encodingFor } from "../src/core/tokens/index.ts";

const MAX_ESTIMATE_CHARS = 5_000_000;

export const estimate: Command = {
  spec: {
    name: "estimate",
    showsMoney: true,
    localName: { zh: "估算" },
    slow: true,
    description: { en: "Count the tokens of a text and price it per model", zh: "计算文本的Token数并按模型计价" },
    usage: {
      en: "/estimate <text> [models:<a,b,…>] [out:<tokens>] [n:<requests>]",
      zh: "/estimate <文本> [models:<a,b,…>] [out:<Token数>] [n:<请求次数>]",
    },
    examples: ["/estimate Summarize this email for me: …", "/estimate 帮我把这段话翻译成英文 models:gpt-5,deepseek n:10000"],
    options: [
      { name: "models", aliases: ["model", "模型"], kind: "text", description: { en: "models to price, comma-separated", zh: "要计价的模型，用逗号分隔" } },
      { name: "out", aliases: ["output", "输出"], kind: "tokens", description: { en: "output tokens per request", zh: "每次请求的输出Token数" } },
      { name: "n", aliases: ["requests", "次数"], kind: "count", description: { en: "number of requests", zh: "请求次数" } },
    ],
    positional: { name: "text", kind: "text", missing: "error.needText", description: { en: "the text to count", zh: "要计算的文本" }, required: true },
  },
  async run(ctx: CommandContext) {
    const { snapshot, t, args } = ctx;
    const input = args.rest;
    if (input.length > MAX_ESTIMATE_CHARS) {
      throw new UserError("bad_input", "error.tooLong", { size: formatNumber(input.length, 0), max: formatNumber(MAX_ESTIMATE_CHARS, 0) });
    }
    const named = args.text("models");
    const models: PricedModel[] = [];
    if (named !== undefined) {
      for (const resolution of snapshot.resolver.resolveList(String(named))) {
        const model = requireModel(resolution);
        if (isPriced(model) && !models.includes(model)) models.push(model);
      }
      if (!models.length) throw new UserError("bad_input", "error.needModels");
    } else {
      models.push(...pricedModels(snapshot).filter((m) => m.featured));
    }
    const money = Money.from(ctx.globals.currency, t, snapshot.knowledge.currency);
    const out = args.number("out") ?? snapshot.knowledge.estimateOutputTokens;
    const n = args.number("n") ?? 1;
    const encoding = "o200k_base";
    const tokens = await countTokens(input, encoding);
    const costs = models.map((model) => {
      const perRequest = workloadCost(model, { inputTokens: tokens, outputTokens: out, cachedPercent: 0 }).totalUsd;
      return { model, exact: encodingFor(model.provider).exact, perRequest, total: perRequest * n };
    });
    const approximate = costs.some((c) => !c.exact);
    const notes = [];
    if (approximate) notes.push(t("estimate.approximate", { encoding }));
    if (!args.has("out")) notes.push(t("estimate.outAssumed", { out: formatTokens(out, t.lang) }));
    const age = priceAge(t, models, ctx.today);
    if (age) notes.push(age.note);
    notes.push(...secondSourceNotes(t, models));
    const currency = money.notes(t, models);
    notes.push(...currency.notes);
    return makeReply({
      command: "estimate",
      lang: t.lang,
      title: t("estimate.title", { tokens: formatTokens(tokens, t.lang) }),
      lead: t("estimate.lead", {
        count: n,
        chars: formatNumber([...input].length, 0),
        tokens: formatTokens(tokens, t.lang),
        encoding,
        out: formatTokens(out, t.lang),
        n: formatNumber(n, 0),
      }),
      table: {
        columns: [t("col.model"), t("estimate.colTokens"), t("estimate.colPerRequest"), t("estimate.colTotal", { n: formatNumber(n, 0) })],
        rows: costs.map((c) => [
          c.model.name,
          `${c.exact ? "" : "≈"}${formatNumber(tokens, 0)}`,
          money.cost(c.model, { inputTokens: tokens, outputTokens: out, cachedPercent: 0, promptTokensPerRequest: tokens }).shown,
          money.cost(c.model, { inputTokens: tokens * n, outputTokens: out * n, cachedPercent: 0, promptTokensPerRequest: tokens }).shown,
        ]),
        align: ["left", "right", "right", "right"],
      },
      notes,
      sources: [...models.map((m) => modelSource(m, t.lang)), ...currency.sources],
      data: {
        tokens,
        characters: [...input].length,
        encoding,
        approximate,
        outputTokensPerRequest: out,
        requests: n,
        costs: costs.map((c) => ({ id: c.model.id, exact: c.exact, perRequest: c.perRequest, cost: c.total })),
        ...age?.data,
        ...currency.data,
      },
    });
  },
};
