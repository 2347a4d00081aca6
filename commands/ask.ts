import { parseArgs } from "../src/core/args.ts";
import type { Command, CommandContext } from "../src/core/command.ts";
import { routeQuestion } from "../src/core/intent.ts";
import { sectionCitation } from "../src/core/knowledge-base.ts";
import { makeReply, type Reply } from "../src/core/reply.ts";
import { UserError } from "../src/core/errors.ts";
import { cheapest } from "./cheapest.ts";
import { compare } from "./compare.ts";
import { estimate } from "./estimate.ts";
import { selfhost } from "./selfhost.ts";

/** Below this share of the question's terms found in a section, the article does not cover it. */
const MIN_ARTICLE_SCORE = 0.3;

const ROUTED: Record<string, Command> = { compare, cheapest, selfhost, estimate };

const text = {
  notCovered: { en: "That isn't covered by my knowledge", zh: "我的知识库没有涵盖这个问题" },
  notCoveredLead: {
    en: "I answer from the knowledge folder: the article \"{article}\" and a sourced price table. I can compare prices (/compare), find the cheapest model for a task (/cheapest), work out self-hosting (/selfhost), count tokens (/estimate) or list models (/models).",
    zh: "我根据知识库回答：文章《{article}》和带来源的价目表。我可以比较价格（/compare）、为任务找最便宜的模型（/cheapest）、计算自建成本（/selfhost）、计算Token（/estimate）或列出模型（/models）。",
  },
  seeAlso: { en: "See also: {sections}.", zh: "另见：{sections}。" },
};

export const ask: Command = {
  spec: {
    name: "ask",
    localName: { zh: "提问" },
    description: { en: "Ask a question in English or Chinese", zh: "用中文或英文提问" },
    usage: { en: "/ask <question>", zh: "/ask <问题>" },
    examples: ["/ask Is self-hosting worth it?", "/ask 哪个模型写代码最便宜？", "/ask is deepseek cheaper than gpt-5?"],
    options: [],
    positional: { name: "question", kind: "text", description: { en: "your question", zh: "你的问题" }, required: true },
  },
  async run(ctx: CommandContext): Promise<Reply> {
    const { kb, t, input } = ctx;
    const question = ctx.args.rest;
    if (!question.trim()) throw new UserError("bad_input", "error.empty");
    const route = routeQuestion(kb, question);
    const target = ROUTED[route.intent];
    if (target) {
      const args = parseArgs(route.text, target.spec.options, true);
      const reply = await target.run({ ...ctx, args, input: { ...input, command: target.spec.name, text: route.text } });
      return { ...reply, data: { ...reply.data, intent: route.intent, routedFrom: "ask" } };
    }
    const matches = kb.articles.search(question, t.lang);
    const best = matches[0];
    if (!best || best.score < MIN_ARTICLE_SCORE) {
      return makeReply({
        command: "ask",
        lang: t.lang,
        title: t.pick(text.notCovered),
        lead: t.pick(text.notCoveredLead, { article: kb.knowledge.articles[0]?.title[t.lang] ?? "" }),
        data: { intent: "not_covered", matches: matches.map((m) => ({ ref: `${m.article.file}#${m.section.id}`, score: m.score })) },
      });
    }
    const related = matches.slice(1).filter((m) => m.score >= MIN_ARTICLE_SCORE);
    return makeReply({
      command: "ask",
      lang: t.lang,
      title: best.section.title[t.lang],
      lead: best.section.text[t.lang],
      notes: related.length ? [t.pick(text.seeAlso, { sections: related.map((m) => `“${m.section.title[t.lang]}”`).join(t.lang === "zh" ? "、" : ", ") })] : [],
      sources: [best, ...related].map((m) => sectionCitation(m.article, m.section, t.lang)),
      data: { intent: "article", matches: matches.map((m) => ({ ref: `${m.article.file}#${m.section.id}`, score: m.score })) },
    });
  },
};
