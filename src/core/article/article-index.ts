import Fuse from "fuse.js";
import type { Article, ArticleSection } from "../knowledge/article.ts";
import type { Lang } from "../i18n/lang.ts";
import { toSimplified } from "../i18n/script.ts";

export interface SectionMatch {
  section: ArticleSection;
  article: Article;
  /** 0..1, higher is better: the share of the question's terms this section answers */
  score: number;
}

const EN_STOPWORDS = new Set(
  "the a an and or of to in on for is are was be it its this that what which who how why when where do does did can could should would will i you we they my our your me us with about from at by as than then so if not no yes any some much many more most less best use using used model models llm llms article articles say says said think thinks verdict author post blog opinion view long short big small good bad new old really".split(
    " ",
  ),
);
const ZH_STOPWORDS = new Set(
  "的 了 吗 呢 吧 啊 是 在 有 和 与 我 你 他 我们 你们 什么 哪个 哪些 怎么 怎样 如何 为什么 可以 应该 一个 这个 那个 还是 模型 大模型 文章 怎么说 看法 观点 认为 提到 作者 这篇 文中 里面".split(
    " ",
  ),
);
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** Words for self-hosting the article's Chinese text does not use, as it says it (自建). */
const ZH_SELF_HOST = /自架|自托管|私有化部署|本地部署|地端部署|自己部署/gu;

/**
 * Terms worth searching for: content words in English; segmented words of two or more characters in Chinese, read
 * as Simplified (the article's Chinese text is), so a Traditional question ("開源", "自架") finds the same sections.
 */
function queryTerms(question: string, lang: Lang): string[] {
  const terms = new Set<string>();
  const text = toSimplified(question.toLowerCase(), "Hant").replace(ZH_SELF_HOST, "自建");
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike) continue;
    const han = /\p{Script=Han}/u.test(segment);
    if (han ? segment.length < 2 || ZH_STOPWORDS.has(segment) : segment.length < 3 || EN_STOPWORDS.has(segment)) continue;
    if (lang === "en" && han) continue;
    terms.add(segment);
  }
  return [...terms];
}

/** Fuse.js over article sections, one index per language, so a Chinese question searches Chinese text. */
export class ArticleIndex {
  private readonly fuses: Record<Lang, Fuse<{ section: ArticleSection; article: Article; title: string; text: string }>>;

  constructor(readonly articles: readonly Article[]) {
    const build = (lang: Lang) =>
      new Fuse(
        articles.flatMap((article) => article.sections.map((section) => ({ section, article, title: section.title[lang], text: section.text[lang] }))),
        {
          keys: [
            { name: "title", weight: 2 },
            { name: "text", weight: 1 },
          ],
          includeScore: true,
          ignoreLocation: true,
          threshold: 0.3,
          minMatchCharLength: 2,
        },
      );
    this.fuses = { en: build("en"), zh: build("zh") };
  }

  search(question: string, lang: Lang, limit = 3): SectionMatch[] {
    const terms = queryTerms(question, lang);
    if (!terms.length) return [];
    const totals = new Map<ArticleSection, SectionMatch>();
    for (const term of terms) {
      for (const hit of this.fuses[lang].search(term)) {
        const gain = (1 - (hit.score ?? 1)) / terms.length;
        const match = totals.get(hit.item.section) ?? { section: hit.item.section, article: hit.item.article, score: 0 };
        match.score += gain;
        totals.set(hit.item.section, match);
      }
    }
    return [...totals.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  section(articleId: string, sectionId: string): { article: Article; section: ArticleSection } | null {
    const article = this.articles.find((a) => a.id === articleId);
    const section = article?.sections.find((s) => s.id === sectionId);
    return article && section ? { article, section } : null;
  }
}
