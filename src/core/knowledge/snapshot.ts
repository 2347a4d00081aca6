import { createHash } from "node:crypto";
import type { Knowledge } from "./load.ts";
import type { PricedModel } from "./schema.ts";
import type { PricedEntry } from "../pricing/pricing.ts";
import { isPriced } from "./kinds.ts";
import { ModelResolver } from "../models/resolve.ts";
import { ArticleIndex } from "../article/article-index.ts";

/** One immutable, validated, indexed version of knowledge/: what every command answers from. */
export interface KnowledgeSnapshot {
  knowledge: Knowledge;
  resolver: ModelResolver;
  articles: ArticleIndex;
  /** every entry with a price: curated models first, then the price-map catalog */
  priced: readonly PricedEntry[];
  version: string;
}

export function buildSnapshot(knowledge: Knowledge): KnowledgeSnapshot {
  const version = createHash("sha256")
    .update(
      JSON.stringify([
        knowledge.models,
        knowledge.serving,
        knowledge.tasks,
        knowledge.quality,
        knowledge.codingRuns,
        knowledge.articles,
        knowledge.catalog.length,
        knowledge.review,
        knowledge.providerRules,
        knowledge.priceHistory,
      ]),
    )
    .digest("hex")
    .slice(0, 12);
  return Object.freeze({
    knowledge,
    resolver: new ModelResolver(knowledge.models, knowledge.catalog),
    articles: new ArticleIndex(knowledge.articles),
    priced: Object.freeze([...knowledge.models.filter(isPriced), ...knowledge.catalog] as PricedEntry[]),
    version,
  });
}

export function pricedModels(snapshot: KnowledgeSnapshot): PricedModel[] {
  return snapshot.knowledge.models.filter(isPriced);
}
