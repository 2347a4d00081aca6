import { createHash } from "node:crypto";
import type { Knowledge } from "./load.ts";
import type { PricedModel } from "./schema.ts";
import { isPriced } from "./kinds.ts";
import { ModelResolver } from "../models/resolve.ts";
import { ArticleIndex } from "../search/article-index.ts";

/** One immutable, validated, indexed version of knowledge/: what every command answers from. */
export interface KnowledgeSnapshot {
  knowledge: Knowledge;
  resolver: ModelResolver;
  articles: ArticleIndex;
  version: string;
}

export function buildSnapshot(knowledge: Knowledge): KnowledgeSnapshot {
  const version = createHash("sha256")
    .update(JSON.stringify([knowledge.models, knowledge.serving, knowledge.tasks, knowledge.quality, knowledge.articles, knowledge.catalog.length]))
    .digest("hex")
    .slice(0, 12);
  return Object.freeze({
    knowledge,
    resolver: new ModelResolver(knowledge.models, knowledge.catalog),
    articles: new ArticleIndex(knowledge.articles),
    version,
  });
}

export function pricedModels(snapshot: KnowledgeSnapshot): PricedModel[] {
  return snapshot.knowledge.models.filter(isPriced);
}
