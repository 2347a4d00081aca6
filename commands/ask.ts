import type { Command, CommandContext, CommandSpec } from "../src/core/command.ts";
import { UserError } from "../src/core/errors.ts";
import { parseCommandLine } from "../src/core/grammar.ts";
import { sectionCitation } from "../src/core/knowledge/citations.ts";
import { makeReply, type Reply } from "../src/core/reply.ts";
import { describeUnderstanding } from "../src/core/understand/describe.ts";
import { ARTICLE_COVERS, remember, understand } from "../src/core/understand/understand.ts";
import type { Intent, Understanding } from "../src/core/understand/types.ts";

/** The command that answers each intent; article, clarify and out-of-scope questions are answered here. */
const ANSWERED_BY: Partial<Record<Intent, string>> = {
  compare: "compare",
  cheapest: "cheapest",
  selfhost: "selfhost",
  estimate: "estimate",
  budget: "budget",
  facts: "model",
  providers: "providers",
  models: "models",
};

/** The understanding as the routed command's own options, in the shared grammar: one meaning, typed either way. */
function optionLine(u: Understanding, spec: CommandSpec): string {
  const options: string[] = [];
  const v = u.volume;
  if (v?.input !== undefined) options.push(`in:${v.input}`);
  if (v?.output !== undefined) options.push(`out:${v.output}`);
  if (v?.total !== undefined && v.input === undefined && v.output === undefined) options.push(`tokens:${v.total}`);
  if (u.cachedPercent !== undefined) options.push(`cached:${u.cachedPercent}%`);
  if (u.promptTokens !== undefined) options.push(`prompt:${u.promptTokens}`);
  if (u.requests !== undefined) options.push(`requests:${u.requests}`);
  if (u.batch) options.push("batch:yes");
  if (u.serviceTier) options.push(`tier:${u.serviceTier}`);
  if (u.constraints.minContext) options.push(`context:${u.constraints.minContext}`);
  if (u.gpu?.id) options.push(`gpu:${u.gpu.id}`);
  if (u.gpu?.count) options.push(`gpus:${u.gpu.count}`);
  if (u.gpuHourlyUsd !== undefined) options.push(`price:${u.gpuHourlyUsd}`);
  if (u.utilization !== undefined) options.push(`util:${u.utilization}%`);
  if (u.intent === "estimate" && u.models.length) options.push(`models:${u.models.map((m) => m.model.id).join(",")}`);
  if (u.intent === "estimate" && u.requests !== undefined) options.push(`n:${u.requests}`);
  const declared = new Set(spec.options.map((o) => o.name));
  return options.filter((option) => declared.has(option.slice(0, option.indexOf(":")))).join(" ");
}

/**
 * The understood options, parsed by the routed command's grammar. An amount it refuses came from the question, not
 * from typed options: the error says so, without the number as this code wrote it ("3e+301"), which nobody typed.
 */
function understoodOptions(line: string, spec: CommandSpec): ReturnType<typeof parseCommandLine> {
  try {
    return parseCommandLine(line, spec.options);
  } catch (error) {
    if (error instanceof UserError && /^error\.bad(Tokens|Number|Percent)$/.test(error.key)) {
      throw new UserError("bad_input", "error.amountOutOfRange", { option: String(error.params.option) });
    }
    throw error;
  }
}

/** The positional words the routed command reads: model ids, or feature words for /models and /cheapest. */
function positionalOf(u: Understanding): string {
  if (u.intent === "estimate") return u.text ?? "";
  if (u.intent === "budget") return "";
  if (u.models.length) return u.models.map((m) => m.model.id).join(", ");
  const features = (["vision", "reasoning", "tools"] as const).filter((k) => u.constraints[k]);
  return [...features, ...(u.constraints.openWeights ? ["open"] : []), ...(u.constraints.chinese ? ["chinese"] : []), ...u.tasks.map((task) => task.words[0]!)].join(" ");
}

function withLine(reply: Reply, line: string, u: Understanding): Reply {
  const lead = reply.lead ? `${line}\n${reply.lead}` : line;
  return makeReply({ ...reply, lead, data: { ...reply.data, intent: u.intent, routedFrom: "ask", understanding: remember(u) } });
}

function clarify(ctx: CommandContext, u: Understanding, line: string): Reply {
  const { t } = ctx;
  const word = u.ambiguous[0]!;
  const choices = word.candidates.map((m) => m.name);
  return makeReply({
    command: "ask",
    lang: t.lang,
    title: t("clarify.title"),
    lead: `${line}\n${t("clarify.lead", { word: word.query, choices: t.list(choices, "disjunction"), example: choices[0] ?? word.query })}`,
    data: { intent: "clarify", routedFrom: "ask", understanding: remember(u), ambiguous: u.ambiguous.map((a) => ({ word: a.query, choices: a.candidates.map((m) => m.id) })) },
  });
}

/** A task's own section of the article, with the task's advice in the article's words. */
function taskSection(ctx: CommandContext, u: Understanding, line: string): Reply | null {
  const { snapshot, t } = ctx;
  const task = u.tasks[0];
  const found = task && snapshot.articles.section(task.article, task.section);
  if (!task || !found) return null;
  return makeReply({
    command: "ask",
    lang: t.lang,
    title: found.section.title[t.lang],
    lead: `${line}\n${t("ask.taskAdvice", { task: t.pick(task.name), advice: t.pick(task.advice) })}\n\n${t("ask.articleSays", { article: found.article.title[t.lang], section: found.section.title[t.lang] })}\n${found.section.text[t.lang]}`,
    sources: [sectionCitation(found.article, found.section, t.lang)],
    data: { intent: "article", routedFrom: "ask", understanding: remember(u), matches: [{ ref: `${found.article.file}#${found.section.id}`, score: 1 }] },
  });
}

/** The article's three tier sections, cheapest first: what "the article's tiers" means. */
const TIER_SECTIONS = ["the-ultra-low-cost-leaders", "the-balanced-powerhouses", "the-premium-frontier"];
const ASKS_TIERS = /\btiers?\b|档位|分档|层级|三档|几档/u;

function tierSections(ctx: CommandContext, u: Understanding, line: string): Reply | null {
  const { snapshot, t } = ctx;
  const found = TIER_SECTIONS.map(
    (id) => snapshot.knowledge.articles.flatMap((article) => article.sections.filter((s) => s.id === id).map((section) => ({ article, section })))[0],
  ).filter((f) => f !== undefined);
  if (!found.length) return null;
  return makeReply({
    command: "ask",
    lang: t.lang,
    title: t("ask.tiersTitle", { article: found[0]!.article.title[t.lang] }),
    lead: line,
    fields: found.map(({ section }) => ({ label: section.title[t.lang], value: section.text[t.lang] })),
    sources: found.map(({ article, section }) => sectionCitation(article, section, t.lang)),
    data: { intent: "article", routedFrom: "ask", understanding: remember(u), matches: found.map(({ article, section }) => ({ ref: `${article.file}#${section.id}`, score: 1 })) },
  });
}

function articleAnswer(ctx: CommandContext, u: Understanding, line: string, question: string): Reply {
  const { snapshot, t } = ctx;
  if (u.intent === "article") {
    const byTask = taskSection(ctx, u, line);
    if (byTask) return byTask;
    const tiers = ASKS_TIERS.test(question.toLowerCase()) ? tierSections(ctx, u, line) : null;
    if (tiers) return tiers;
  }
  const matches = snapshot.articles.search(question, t.lang);
  const best = matches[0];
  if (u.intent === "out_of_scope" || !best || best.score < ARTICLE_COVERS) {
    return makeReply({
      command: "ask",
      lang: t.lang,
      title: t("ask.notCovered"),
      lead: `${line}\n${t("ask.notCoveredLead", { article: snapshot.knowledge.articles[0]?.title[t.lang] ?? "" })}`,
      data: { intent: "not_covered", routedFrom: "ask", matches: matches.map((m) => ({ ref: `${m.article.file}#${m.section.id}`, score: m.score })) },
    });
  }
  const related = matches.slice(1).filter((m) => m.score >= ARTICLE_COVERS);
  return makeReply({
    command: "ask",
    lang: t.lang,
    title: best.section.title[t.lang],
    lead: `${line}\n${t("ask.articleSays", { article: best.article.title[t.lang], section: best.section.title[t.lang] })}\n${best.section.text[t.lang]}`,
    notes: related.length ? [t("ask.seeAlso", { sections: t.list(related.map((m) => `“${m.section.title[t.lang]}”`)) })] : [],
    sources: [best, ...related].map((m) => sectionCitation(m.article, m.section, t.lang)),
    data: { intent: "article", routedFrom: "ask", understanding: remember(u), matches: matches.map((m) => ({ ref: `${m.article.file}#${m.section.id}`, score: m.score })) },
  });
}

export const ask: Command = {
  spec: {
    name: "ask",
    localName: { zh: "提问" },
    slow: true,
    description: { en: "Ask a question in English or Chinese", zh: "用中文或英文提问" },
    usage: { en: "/ask <question>", zh: "/ask <问题>" },
    examples: ["/ask we send 50M tokens a month, 80% cached — gpt-5 or deepseek?", "/ask 自建 llama 70b 用 h200 划算吗", "/ask what does $100 a month buy?"],
    options: [],
    positional: { name: "question", kind: "text", description: { en: "your question", zh: "你的问题" }, required: true },
  },
  async run(ctx: CommandContext): Promise<Reply> {
    const { snapshot, t } = ctx;
    const question = ctx.args.rest;
    if (!question.trim()) throw new UserError("bad_input", "error.empty");
    const u = understand(snapshot, question, { previous: ctx.previous });
    const line = describeUnderstanding(t, snapshot, u);
    if (u.intent === "clarify") return clarify(ctx, u, line);
    const name = ANSWERED_BY[u.intent];
    const target = name && ctx.commands.find((c) => c.spec.name === name);
    if (!target) return articleAnswer(ctx, u, line, question);
    const { args } = understoodOptions(optionLine(u, target.spec), target.spec);
    const reply = await target.run({ ...ctx, args: args.withRest(positionalOf(u)), question: u, input: { ...ctx.input, command: target.spec.name } });
    return withLine(reply, line, u);
  },
};
