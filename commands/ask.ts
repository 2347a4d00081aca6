import { parseCommandLine } from "../src/core/grammar.ts";
import type { Command, CommandContext } from "../src/core/command.ts";
import { routeQuestion } from "../src/core/intent.ts";
import { sectionCitation } from "../src/core/knowledge/citations.ts";
import { makeReply, type Reply } from "../src/core/reply.ts";
import { UserError } from "../src/core/errors.ts";

/** Below this share of the question's terms found in a section, the article does not cover it. */
const MIN_ARTICLE_SCORE = 0.3;



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
    const { snapshot, t, input } = ctx;
    const question = ctx.args.rest;
    if (!question.trim()) throw new UserError("bad_input", "error.empty");
    const route = routeQuestion(snapshot, question);
    const target = route.intent === "article" ? undefined : ctx.commands.find((c) => c.spec.name === route.intent);
    if (target) {
      const { args } = parseCommandLine(route.text, target.spec.options, true);
      const reply = await target.run({ ...ctx, args, input: { ...input, command: target.spec.name, text: route.text } });
      return { ...reply, data: { ...reply.data, intent: route.intent, routedFrom: "ask" } };
    }
    const matches = snapshot.articles.search(question, t.lang);
    const best = matches[0];
    if (!best || best.score < MIN_ARTICLE_SCORE) {
      return makeReply({
        command: "ask",
        lang: t.lang,
        title: t("ask.notCovered"),
        lead: t("ask.notCoveredLead", { article: snapshot.knowledge.articles[0]?.title[t.lang] ?? "" }),
        data: { intent: "not_covered", matches: matches.map((m) => ({ ref: `${m.article.file}#${m.section.id}`, score: m.score })) },
      });
    }
    const related = matches.slice(1).filter((m) => m.score >= MIN_ARTICLE_SCORE);
    return makeReply({
      command: "ask",
      lang: t.lang,
      title: best.section.title[t.lang],
      lead: best.section.text[t.lang],
      notes: related.length ? [t("ask.seeAlso", { sections: related.map((m) => `“${m.section.title[t.lang]}”`).join(t.lang === "zh" ? "、" : ", ") })] : [],
      sources: [best, ...related].map((m) => sectionCitation(m.article, m.section, t.lang)),
      data: { intent: "article", matches: matches.map((m) => ({ ref: `${m.article.file}#${m.section.id}`, score: m.score })) },
    });
  },
};
