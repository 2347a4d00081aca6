import { createHash } from "node:crypto";
import type { Knowledge } from "./knowledge/load.ts";
import type { Model, PricedModel, Task } from "./knowledge/schema.ts";
import { isPriced } from "./knowledge/kinds.ts";
import type { Lang } from "./lang.ts";
import { ModelResolver } from "./models/resolve.ts";
import type { Source } from "./reply.ts";
import { ArticleIndex } from "./search/article-index.ts";

/** One immutable, validated, indexed snapshot of knowledge/: what every command answers from. */
export interface KnowledgeBase {
  knowledge: Knowledge;
  resolver: ModelResolver;
  articles: ArticleIndex;
  version: string;
}

export function buildKnowledgeBase(knowledge: Knowledge): KnowledgeBase {
  const version = createHash("sha256")
    .update(JSON.stringify([knowledge.models, knowledge.selfhost, knowledge.tasks, knowledge.articles, knowledge.catalog.length]))
    .digest("hex")
    .slice(0, 12);
  return Object.freeze({
    knowledge,
    resolver: new ModelResolver(knowledge.models, knowledge.catalog),
    articles: new ArticleIndex(knowledge.articles),
    version,
  });
}

export function pricedModels(kb: KnowledgeBase): PricedModel[] {
  return kb.knowledge.models.filter(isPriced);
}

export function modelSource(model: Model, lang: Lang): Source {
  if (!isPriced(model)) return { title: lang === "zh" ? `${model.name}（仅见于文章）` : `${model.name} (article only)`, ref: model.source, asOf: model.asOf };
  const title = lang === "zh" ? "LiteLLM 社区维护价目表" : "LiteLLM community price map";
  return { title, ref: model.source, asOf: model.asOf };
}

export function articleSource(kb: KnowledgeBase, articleId: string, sectionId: string, lang: Lang): Source | null {
  const found = kb.articles.section(articleId, sectionId);
  if (!found) return null;
  return {
    title: `${found.article.title[lang]} § ${found.section.title[lang]}`,
    ref: `${found.article.file}#${found.section.id}`,
    asOf: found.article.pubDate,
  };
}

export function findTasks(kb: KnowledgeBase, text: string): Task[] {
  const lower = ` ${text.toLowerCase()} `;
  return kb.knowledge.tasks.filter((task) =>
    task.words.some((word) =>
      /\p{Script=Han}/u.test(word) ? lower.includes(word) : new RegExp(`[^a-z]${word.replace(/[-\s]/g, "[-\\s]?")}[^a-z]`).test(lower),
    ),
  );
}
