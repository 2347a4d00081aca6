import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { slugify, type Article } from "../src/core/knowledge/article.ts";

type Lang = "en" | "zh";
import { loadKnowledge, type Knowledge } from "../src/core/knowledge/load.ts";
import { KNOWLEDGE_DIR, TODAY } from "./helpers.ts";

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(KNOWLEDGE_DIR, new Date(`${TODAY}T12:00:00Z`));
});

const article = (id: string): Article => {
  const found = knowledge.articles.find((a) => a.id === id);
  if (!found) throw new Error(`no article ${id}`);
  return found;
};
/** The article's text in one language, as the bot reads it (markdown emphasis removed). */
const textOf = (id: string, lang: Lang) =>
  article(id)
    .sections.map((s) => s.text[lang])
    .join("\n");
const sectionText = (id: string, section: string, lang: Lang) => article(id).sections.find((s) => s.id === section)?.text[lang] ?? "";
/** Whatever sits between straight double quotes is presented as the article's words. */
const quotesIn = (text: string) => [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);

describe("every claim the knowledge attributes to the article is in the article", () => {
  it("model claims: the quoted figure, what it is given for, and the context window, in the cited section", () => {
    const claims = knowledge.models.flatMap((m) => (m.articleClaim ? [{ id: m.id, ...m.articleClaim }] : []));
    expect(claims.length).toBeGreaterThanOrEqual(3);
    for (const claim of claims) {
      const en = sectionText(claim.article, claim.section, "en");
      const zh = sectionText(claim.article, claim.section, "zh");
      const quoted = [claim.quote, claim.subject, ...(claim.contextWindow ? [claim.contextWindow.quote] : [])];
      const quotedZh = [claim.quoteZh, claim.subjectZh, ...(claim.contextWindow ? [claim.contextWindow.quoteZh] : [])];
      const missing = [...quoted.filter((q) => !en.includes(q)), ...quotedZh.filter((q) => !zh.includes(q))];
      expect({ id: claim.id, missing }).toEqual({ id: claim.id, missing: [] });
    }
  });

  it("a claim's figure is the one its quote states", () => {
    const dollars = (quote: string) => [...quote.matchAll(/\$(\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
    for (const m of knowledge.models) {
      if (!m.articleClaim) continue;
      const [low, high = low] = dollars(m.articleClaim.quote);
      expect({ id: m.id, ...m.articleClaim.inputPer1M }).toEqual({ id: m.id, min: low, max: high });
      if (m.articleClaim.contextWindow) expect(m.articleClaim.contextWindow.quote).toContain(`${m.articleClaim.contextWindow.tokens / 1e6}M`);
    }
  });

  it("the figures are attributed to what the article gives them for, not to one model", () => {
    const subject = (id: string) => knowledge.models.find((m) => m.id === id)?.articleClaim?.subject;
    expect(subject("deepseek-chat")).toBe("DeepSeek & Open Source Variants");
    expect(subject("gpt-5")).toBe("OpenAI GPT-5 & Anthropic Claude 3.5 Opus");
    expect(knowledge.models.find((m) => m.id === "gemini-2.0-flash")?.articleClaim?.contextWindow).toEqual({
      tokens: 2_000_000,
      quote: "up to 2M tokens",
      quoteZh: "高达200万Token",
    });
  });

  it("'Best for' lines are the article's, in both languages", () => {
    for (const m of knowledge.models) {
      if (!m.bestFor || !m.articleClaim) continue;
      for (const lang of ["en", "zh"] as const) expect(sectionText(m.articleClaim.article, m.articleClaim.section, lang), `${m.id} ${lang}`).toContain(m.bestFor[lang]);
    }
  });

  it("task advice: every quoted passage is the article's own words, in the same language", () => {
    for (const task of knowledge.tasks) {
      for (const lang of ["en", "zh"] as const) {
        const text = textOf(task.article, lang);
        const quotes = quotesIn(task.advice[lang]);
        expect({ task: task.id, lang, missing: quotes.filter((q) => !text.includes(q)) }).toEqual({ task: task.id, lang, missing: [] });
      }
    }
  });

  it("task tiers are the ones the article gives: complex coding Premium, a Flash-class model for summaries Balanced", () => {
    const tier = (id: string) => knowledge.tasks.find((t) => t.id === id)?.suggestedTier;
    expect({ coding: tier("coding"), summarization: tier("summarization"), rag: tier("rag"), realtime: tier("realtime"), reasoning: tier("reasoning") }).toEqual({
      coding: "premium",
      summarization: "balanced",
      rag: "ultra-low",
      realtime: "balanced",
      reasoning: "premium",
    });
  });
});

describe("every section the knowledge cites exists under that anchor", () => {
  it("each referenced section id is the slug of a heading in the article file", async () => {
    const refs = [
      ...knowledge.tasks.map((t) => ({ from: `task ${t.id}`, article: t.article, section: t.section })),
      ...knowledge.models.flatMap((m) => (m.articleClaim ? [{ from: `model ${m.id}`, article: m.articleClaim.article, section: m.articleClaim.section }] : [])),
    ];
    for (const ref of refs) {
      const source = article(ref.article);
      const section = source.sections.find((s) => s.id === ref.section);
      expect(section, `${ref.from} → ${ref.section}`).toBeDefined();
      const lines = (await readFile(join(KNOWLEDGE_DIR, "articles", `${ref.article}.md`), "utf8")).split("\n");
      const heading = lines[section!.line - 1]!;
      expect(heading, ref.from).toMatch(/^#{2,6}\s/);
      expect(heading, ref.from).toContain(section!.title.en);
      expect(slugify(section!.title.en), ref.from).toBe(ref.section);
    }
  });
});
