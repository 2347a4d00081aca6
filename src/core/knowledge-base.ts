import { createHash } from "node:crypto";
import type { Article, ArticleSection } from "./knowledge/article.ts";
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
  // an admin may cite a provider's own page instead of the LiteLLM map
  const title = !/litellm/i.test(model.source) ? `${model.provider} · ${model.name}` : lang === "zh" ? "LiteLLM 社区维护价目表" : "LiteLLM community price map";
  return { title, ref: model.source, asOf: model.asOf };
}

/** How any article section is cited: title § section, the file and anchor, the article's date. */
export function sectionCitation(article: Article, section: ArticleSection, lang: Lang): Source {
  return { title: `${article.title[lang]} § ${section.title[lang]}`, ref: `${article.file}#${section.id}`, asOf: article.pubDate };
}

export function articleSource(kb: KnowledgeBase, articleId: string, sectionId: string, lang: Lang): Source | null {
  const found = kb.articles.section(articleId, sectionId);
  return found ? sectionCitation(found.article, found.section, lang) : null;
}

/** A section by its id in whichever article has it (the first, in file order). */
export function sectionSource(kb: KnowledgeBase, sectionId: string, lang: Lang): Source | null {
  for (const article of kb.knowledge.articles) {
    const section = article.sections.find((s) => s.id === sectionId);
    if (section) return sectionCitation(article, section, lang);
  }
  return null;
}

export function findTasks(kb: KnowledgeBase, text: string): Task[] {
  const lower = ` ${text.toLowerCase()} `;
  return kb.knowledge.tasks.filter((task) =>
    task.words.some((word) =>
      /\p{Script=Han}/u.test(word) ? lower.includes(word) : new RegExp(`[^a-z]${word.replace(/[-\s]/g, "[-\\s]?")}[^a-z]`).test(lower),
    ),
  );
}
