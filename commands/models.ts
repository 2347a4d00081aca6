import type { Command, CommandContext } from "../src/core/dispatch/command.ts";
import { formatCount, formatPrice } from "../src/core/reply/format.ts";
import type { Model } from "../src/core/knowledge/schema.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import { featureOf, tierOf } from "../src/core/dispatch/vocabulary.ts";
import { modelSource } from "../src/core/knowledge/citations.ts";
import { normalizeName } from "../src/core/models/names.ts";
import { makeReply } from "../src/core/reply/reply.ts";
import { tierLabel } from "../src/core/i18n/translate.ts";

function filterModels(models: readonly Model[], words: string[]): Model[] {
  return models.filter((model) =>
    words.every((word) => {
      const tier = tierOf(word);
      if (tier) return model.tier === tier;
      const capability = featureOf(word);
      if (capability === "open") return model.openWeights;
      if (capability) return model.capabilities.includes(capability);
      const key = normalizeName(word);
      // the maker, not the host: "Anthropic (served by Google Vertex AI)" is no Google model
      const maker = model.provider.replace(/\s*\(.*\)$/, "");
      return [model.id, model.name, maker, ...model.aliases, ...model.aliasesZh].some((name) => normalizeName(name).includes(key));
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
    const { snapshot, t, args } = ctx;
    // retired models are known by name (so questions about them get an answer) but are no longer on offer
    const all = snapshot.knowledge.models.filter((model) => isPriced(model) || model.articleClaim);
    let found = args.words.length ? filterModels(all, args.words) : [...all];
    if (args.words.length && !found.length) found = snapshot.resolver.search(args.rest, 10);
    const rows = found.map((model) => [
      model.name,
      model.provider,
      tierLabel(t, model.tier),
      isPriced(model) ? formatPrice(model.inputPer1M) : t("models.articleOnly"),
      isPriced(model) ? formatPrice(model.outputPer1M) : t("none"),
      isPriced(model) ? formatCount(model.contextWindow, t.lang) : t("none"),
    ]);
    const dates = [...new Set(found.map((m) => m.asOf))];
    return makeReply({
      command: "models",
      lang: t.lang,
      title: args.words.length ? t("models.titleFiltered", { filter: args.rest, count: found.length }) : t("models.title", { count: found.length }),
      lead: found.length ? t("models.lead") : t("models.nothing"),
      table: found.length
        ? {
            columns: [t("col.model"), t("col.provider"), t("col.tier"), t("col.input"), t("col.output"), t("col.context")],
            rows,
            align: ["left", "left", "left", "right", "right", "right"],
          }
        : null,
      sources: found.filter((m) => dates.includes(m.asOf)).map((m) => modelSource(m, t.lang)),
      data: {
        models: found.map((m) => ({
          id: m.id,
          name: m.name,
          provider: m.provider,
          tier: m.tier,
          inputPer1M: isPriced(m) ? m.inputPer1M : null,
          outputPer1M: isPriced(m) ? m.outputPer1M : null,
        })),
      },
    });
  },
};
