import type { Command, CommandContext } from "../src/core/command.ts";
import { formatCount, formatPrice } from "../src/core/format.ts";
import type { Model } from "../src/core/knowledge/schema.ts";
import { isPriced, TIERS } from "../src/core/knowledge/kinds.ts";
import { modelSource } from "../src/core/knowledge-base.ts";
import { normalizeName } from "../src/core/names.ts";
import { makeReply } from "../src/core/reply.ts";
import { tierLabel } from "../src/core/i18n/translate.ts";

const TIER_WORDS: Record<string, (typeof TIERS)[number]> = {
  "ultra-low": "ultra-low", ultralow: "ultra-low", cheap: "ultra-low", 超低成本: "ultra-low", 超低: "ultra-low",
  balanced: "balanced", 均衡: "balanced",
  premium: "premium", 高端: "premium",
};
const CAPABILITY_WORDS: Record<string, "vision" | "reasoning" | "tools" | "open"> = {
  vision: "vision", 视觉: "vision", reasoning: "reasoning", 推理: "reasoning", tools: "tools", 工具: "tools", open: "open", 开源: "open", 开放权重: "open",
};

const text = {
  title: { en: "Models I know ({count})", zh: "我知道的模型（{count} 个）" },
  titleFiltered: { en: "Models matching \"{filter}\" ({count})", zh: "匹配\"{filter}\"的模型（{count} 个）" },
  lead: { en: "Prices in USD per 1M tokens. Filter with a provider, tier, capability or name: /models google vision.", zh: "价格单位：美元/100万Token。可按提供商、档位、能力或名称筛选：/models google vision。" },
  articleOnly: { en: "article only", zh: "仅见于文章" },
  nothing: { en: "No model matches; try /models with a provider such as openai, google, deepseek.", zh: "没有匹配的模型；试试 /models 加提供商名，如 openai、google、deepseek。" },
};

function filterModels(models: readonly Model[], words: string[]): Model[] {
  return models.filter((model) =>
    words.every((word) => {
      const lower = word.toLowerCase();
      const tier = TIER_WORDS[lower];
      if (tier) return model.tier === tier;
      const capability = CAPABILITY_WORDS[lower];
      if (capability === "open") return model.openWeights;
      if (capability) return model.capabilities.includes(capability);
      const key = normalizeName(word);
      return [model.id, model.name, model.provider, ...model.aliases, ...model.aliasesZh].some((name) => normalizeName(name).includes(key));
    }),
  );
}

export const models: Command = {
  spec: {
    name: "models",
    localName: { zh: "模型" },
    description: { en: "List the models and prices I know", zh: "列出我知道的模型和价格" },
    usage: { en: "/models [provider, tier, capability or name]", zh: "/models [提供商、档位、能力或名称]" },
    examples: ["/models", "/models google", "/models premium vision", "/models 开源"],
    options: [],
    positional: { name: "filter", kind: "words", description: { en: "what to list", zh: "筛选条件" }, required: false },
  },
  run(ctx: CommandContext) {
    const { kb, t, args } = ctx;
    const all = kb.knowledge.models;
    let found = args.words.length ? filterModels(all, args.words) : [...all];
    if (args.words.length && !found.length) found = kb.resolver.search(args.rest, 10);
    const rows = found.map((model) => [
      model.name,
      model.provider,
      tierLabel(t, model.tier),
      isPriced(model) ? formatPrice(model.inputPer1M) : t.pick(text.articleOnly),
      isPriced(model) ? formatPrice(model.outputPer1M) : t("none"),
      isPriced(model) ? formatCount(model.contextWindow, t.lang) : t("none"),
    ]);
    const dates = [...new Set(found.map((m) => m.asOf))];
    return makeReply({
      command: "models",
      lang: t.lang,
      title: args.words.length ? t.pick(text.titleFiltered, { filter: args.rest, count: found.length }) : t.pick(text.title, { count: found.length }),
      lead: found.length ? t.pick(text.lead) : t.pick(text.nothing),
      table: found.length
        ? {
            columns: [t("col.model"), t("col.provider"), t("col.tier"), t("col.input"), t("col.output"), t("col.context")],
            rows,
            align: ["left", "left", "left", "right", "right", "right"],
          }
        : null,
      sources: found.filter((m) => dates.includes(m.asOf)).map((m) => modelSource(m, t.lang)),
      data: {
        models: found.map((m) => ({ id: m.id, name: m.name, provider: m.provider, tier: m.tier, inputPer1M: isPriced(m) ? m.inputPer1M : null, outputPer1M: isPriced(m) ? m.outputPer1M : null })),
      },
    });
  },
};
