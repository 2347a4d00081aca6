import type { Lang } from "../i18n/lang.ts";
import type { Source } from "../reply/reply.ts";
import type { Article, ArticleSection } from "./article.ts";
import { isPriced } from "./kinds.ts";
import { checkedAsOf } from "../pricing/price-age.ts";
import type { Model } from "./schema.ts";
import type { ComparedPrice } from "./second-source.ts";
import type { KnowledgeSnapshot } from "./snapshot.ts";

/** How a model's prices are cited: the LiteLLM map, genai-prices where its differing price is used, or the provider page an admin cited instead. */
export function modelSource(model: Model, lang: Lang): Source {
  if (!isPriced(model) && model.articleClaim) return { title: lang === "zh" ? `${model.name}（仅见于文章）` : `${model.name} (article only)`, ref: model.source, asOf: model.asOf };
  if (!isPriced(model)) return { title: lang === "zh" ? `${model.name}（已停用）` : `${model.name} (retired)`, ref: model.source, asOf: model.asOf };
  const check = model.secondSource;
  if (check && check.used === "genai-prices" && check.disagreements.length)
    return {
      title: lang === "zh" ? `genai-prices（Pydantic）价格数据 · ${model.name}` : `genai-prices (Pydantic) price data · ${model.name}`,
      ref: check.genai.ref,
      asOf: check.genai.asOf,
    };
  const title = !/litellm/i.test(model.source) ? `${model.provider} · ${model.name}` : lang === "zh" ? "LiteLLM 社区维护价目表" : "LiteLLM community price map";
  const confirmed = checkedAsOf(model);
  const agrees = confirmed !== model.asOf ? (lang === "zh" ? `genai-prices 截至 ${confirmed} 的价格与之相差不超过 5%` : `genai-prices agrees within 5% as of ${confirmed}`) : null;
  const filled = check?.filled.length ? filledClause(check.filled, agrees ? null : check.genai.asOf, lang) : null;
  const said = lang === "zh" ? [agrees, filled].filter(Boolean).join("，") : [agrees, filled].filter(Boolean).join(agrees ? " and " : "");
  if (said) return { title: lang === "zh" ? `${title} · ${model.name}（${said}）` : `${title} · ${model.name} (${said})`, ref: model.source, asOf: model.asOf };
  return { title, ref: model.source, asOf: model.asOf };
}

const FILLED_NAME = {
  en: { inputPer1M: "input", outputPer1M: "output", cachedInputPer1M: "cached-input", cacheWritePer1M: "cache-write" },
  zh: { inputPer1M: "输入", outputPer1M: "输出", cachedInputPer1M: "缓存输入", cacheWritePer1M: "缓存写入" },
} as const satisfies Record<Lang, Record<ComparedPrice, string>>;

/** "gives its cached-input price" (after the agreement), or "cached-input price from genai-prices as of …": a price the map lacks. */
function filledClause(filled: readonly ComparedPrice[], asOf: string | null, lang: Lang): string {
  const names = filled.map((price) => FILLED_NAME[lang][price]);
  const plural = names.length > 1 ? "s" : "";
  if (lang === "zh") return asOf ? `${names.join("、")}价格取自 genai-prices（截至 ${asOf}）` : `${names.join("、")}价格取自 genai-prices`;
  return asOf ? `${names.join(" and ")} price${plural} from genai-prices as of ${asOf}` : `gives its ${names.join(" and ")} price${plural}`;
}

/** How any article section is cited: title § section, the file and anchor, the article's date. */
export function sectionCitation(article: Article, section: ArticleSection, lang: Lang): Source {
  return { title: `${article.title[lang]} § ${section.title[lang]}`, ref: `${article.file}#${section.id}`, asOf: article.pubDate };
}

export function articleSource(snapshot: KnowledgeSnapshot, articleId: string, sectionId: string, lang: Lang): Source | null {
  const found = snapshot.articles.section(articleId, sectionId);
  return found ? sectionCitation(found.article, found.section, lang) : null;
}

/** A section by its id in whichever article has it (the first, in file order). */
export function sectionSource(snapshot: KnowledgeSnapshot, sectionId: string, lang: Lang): Source | null {
  for (const article of snapshot.knowledge.articles) {
    const section = article.sections.find((s) => s.id === sectionId);
    if (section) return sectionCitation(article, section, lang);
  }
  return null;
}
