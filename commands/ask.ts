import type { Command, CommandContext, CommandSpec } from "../src/core/dispatch/command.ts";
import { pagesNotes, pagesSource } from "./pages-note.ts";
import { UserError } from "../src/core/reply/errors.ts";
import { parseCommandLine } from "../src/core/dispatch/grammar.ts";
import { detectLang } from "../src/core/i18n/lang.ts";
import { toSimplified } from "../src/core/i18n/script.ts";
import { translator } from "../src/core/i18n/translate.ts";
import { sectionCitation } from "../src/core/knowledge/citations.ts";
import { makeReply, type Reply } from "../src/core/reply/reply.ts";
import { asTheArticleNames, modelInArticle } from "./article-about-model.ts";
import { describeUnderstanding } from "../src/core/understand/describe.ts";
import { uncoveredOf } from "../src/core/understand/uncovered.ts";
import { historyQuestion } from "../src/core/understand/history.ts";
import { Money } from "../src/core/pricing/money.ts";
import { familyModels } from "../src/core/understand/models.ts";
import { sameVerdict } from "../src/core/understand/same-verdict.ts";
import { ARTICLE_COVERS, understand } from "../src/core/understand/understand.ts";
import { remember } from "../src/core/understand/follow-up.ts";
import { featureOf } from "../src/core/dispatch/vocabulary.ts";
import { workloadFromArgs } from "../src/core/pricing/workload.ts";
import type { Intent, Understanding } from "../src/core/understand/types.ts";
import { optionLine } from "./understood-options.ts";
import { smallTalkOf } from "./small-talk.ts";

/** /compare prices at most this many models. */
const MAX_COMPARED = 5;

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
  // "self-host an open model at 3B tokens": every model that can be self-hosted is open; no feature is a model's name
  if (u.intent === "selfhost") return "";
  const features = (["vision", "reasoning", "tools"] as const).filter((k) => u.constraints[k]);
  // each task's word apart from the next: "coding" beside "agent" would read as one task, a coding agent
  const tasks = u.tasks.map(taskWord).join(", ");
  return [...features, ...(u.constraints.openWeights ? ["open"] : []), ...(u.constraints.chinese ? ["chinese"] : []), ...(tasks ? [tasks] : [])].join(" ");
}

/** A word that names the task and no capability: "reasoning" alone would ask for a reasoning model, "decision" for the task. */
const taskWord = (task: Understanding["tasks"][number]) => task.words.find((word) => !featureOf(word)) ?? task.words[0]!;

function withQuestion(error: UserError, u: Understanding): UserError {
  error.question = remember(u);
  return error;
}

function withLine(reply: Reply, line: string, u: Understanding): Reply {
  const lead = reply.lead ? `${line}\n${reply.lead}` : line;
  // the GPUs a self-hosting answer planned, when the question named no count: what "double the gpus" doubles
  const planned = u.intent === "selfhost" && u.gpu?.count === undefined ? (reply.data as { gpu?: { count?: number } }).gpu?.count : undefined;
  const understanding = { ...remember(u), ...(planned ? { answeredGpus: planned } : {}) };
  return makeReply({ ...reply, lead, data: { ...reply.data, intent: u.intent, routedFrom: "ask", understanding, ...unknownData(u) } });
}

const quoted = (t: CommandContext["t"], text: string) => (t.lang === "zh" ? `“${text}”` : `"${text}"`);

/** A self-hosting question with needs but no model gets the overview of measured open models, which no need filters. */
function overviewNotFiltered(u: Understanding): boolean {
  const needs = Object.entries(u.constraints).some(([need, wanted]) => wanted && need !== "openWeights");
  return u.intent === "selfhost" && !u.models.length && (needs || u.tasks.length > 0);
}

/** "I don't know "豆包" (nearest: …), so it is left out of this answer." */
function leftOut(t: CommandContext["t"], u: Understanding): string {
  const names = u.unknown.map((name) => quoted(t, name.query));
  const nearest = [...new Set(u.unknown.flatMap((name) => name.candidates.map((m) => m.name)))].slice(0, 3);
  const sentence = t("ask.unknownLeftOut", { names: t.list(names), count: names.length });
  return nearest.length ? t.sentences([sentence, t("ask.unknownNearest", { list: t.list(nearest, "disjunction") })]) : sentence;
}

function unknownData(u: Understanding): { unknown?: { name: string; suggestions: string[] }[] } {
  return u.unknown.length ? { unknown: u.unknown.map((name) => ({ name: name.query, suggestions: name.candidates.map((m) => m.id) })) } : {};
}

/** The message for an amount the question states but no answer can use. */
const UNREADABLE_MESSAGES = {
  amount: "error.unreadableAmount",
  percent: "error.unreadablePercent",
  unit: "error.unreadableUnit",
  range: "error.unreadableRange",
  currency: "error.unreadableCurrency",
  noCurrency: "error.noCurrency",
} as const;

function clarify(ctx: CommandContext, u: Understanding, line: string): Reply {
  const { t } = ctx;
  const word = u.ambiguous[0]!;
  const choices = word.candidates.map((m) => m.name);
  return makeReply({
    command: "ask",
    lang: t.lang,
    title: t("clarify.title"),
    lead: `${line}\n${t("clarify.lead", { word: word.query, choices: t.list(choices, "disjunction"), example: choices[0] ?? word.query })}`,
    data: {
      intent: "clarify",
      routedFrom: "ask",
      understanding: remember(u),
      ambiguous: u.ambiguous.map((a) => ({ word: a.query, choices: a.candidates.map((m) => m.id) })),
      ...unknownData(u),
    },
  });
}

/**
 * "Which is dearer, Gemini or GPT-5?" asks nothing back when every model the family word could mean gives the same
 * verdict: the answer prices the first of them and says which it assumed and why the choice does not matter.
 */
async function assumeFamilyMember(ctx: CommandContext, u: Understanding, question: string): Promise<Reply | null> {
  const { snapshot, t } = ctx;
  const compare = ctx.commands.find((c) => c.spec.name === "compare");
  const word = u.ambiguous[0];
  if (!compare || !word || u.ambiguous.length !== 1 || !u.models.length || u.models.length >= MAX_COMPARED || (u.resume && u.resume !== "compare")) return null;
  const asCompare: Understanding = { ...u, intent: "compare", ambiguous: [] };
  delete asCompare.resume;
  const { args } = parseCommandLine(optionLine(asCompare, compare.spec), compare.spec.options);
  const verdict = sameVerdict(
    word.candidates[0]!,
    familyModels(snapshot, word.query),
    u.models.map((m) => m.model),
    workloadFromArgs(args, snapshot.knowledge.defaultWorkload).workload,
  );
  if (!verdict) return null;
  const typed = question.toLowerCase();
  const at = (query: string) => typed.indexOf(query.toLowerCase());
  const member = { model: verdict.member, query: word.query, shorthand: true };
  asCompare.models = [...u.models, member].sort((a, b) => at(a.query) - at(b.query));
  const names = (models: readonly { name: string }[]) => t.list(models.map((m) => m.name));
  const because =
    verdict.cheaper.length === 0
      ? t("ask.verdictCheaper", { models: names(verdict.dearer) })
      : verdict.dearer.length === 0
        ? t("ask.verdictDearer", { models: names(verdict.cheaper) })
        : t("ask.verdictBetween", { cheaper: names(verdict.cheaper), dearer: names(verdict.dearer) });
  const money = Money.from(ctx.globals.currency, t, snapshot.knowledge.currency);
  const assumption = t("ask.assumed", {
    word: word.query,
    model: verdict.member.name,
    count: verdict.members.length,
    low: money.amount(verdict.lowUsd),
    high: money.amount(verdict.highUsd),
    verdict: because,
  });
  const reply = await compare.run({ ...ctx, args: args.withRest(positionalOf(asCompare)), question: asCompare, input: { ...ctx.input, command: "compare" } });
  const lines = [describeUnderstanding(t, snapshot, asCompare), ...(u.unknown.length ? [leftOut(t, u)] : []), assumption];
  const answered = withLine(reply, lines.join("\n"), asCompare);
  return makeReply({ ...answered, data: { ...answered.data, assumed: { word: word.query, model: verdict.member.id, members: verdict.members.map((m) => m.id) } } });
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
/** The article's own summary: what "tl;dr", "sum it up" or "讲了啥" ask for. */
const SUMMARY_SECTIONS = ["introduction", "conclusion"];
const ASKS_SUMMARY =
  /tl;?dr|\bsumm(?:ary|arize|arise|ed up)|sum (?:it|up)|\bgist\b|main (?:point|takeaway)s?|key (?:point|takeaway)s?|conclu(?:sion|de)|\boverview\b|what(?:'s| is) (?:it|the article) about|\bhighlights\b|in a nutshell|what does (?:it|the article) say\W*$|讲了(?:啥|什么|些什么)|说了(?:啥|什么)|总结|概括|结论|要点|重点|重點|核心观点|主要内容|大意|讲的是什么|简单(?:讲|说|介绍)|(?:讲|说|介绍)一下\W*$/u;

/** Whole sections of the article, in its own words, one field each: its tiers, or its summary. */
function quotedSections(ctx: CommandContext, u: Understanding, line: string, ids: readonly string[], titleKey: "ask.tiersTitle" | "ask.summaryTitle"): Reply | null {
  const { snapshot, t } = ctx;
  const found = ids
    .map((id) => snapshot.knowledge.articles.flatMap((article) => article.sections.filter((s) => s.id === id).map((section) => ({ article, section })))[0])
    .filter((f) => f !== undefined);
  if (!found.length) return null;
  return makeReply({
    command: "ask",
    lang: t.lang,
    title: t(titleKey, { article: found[0]!.article.title[t.lang] }),
    lead: line,
    fields: found.map(({ section }) => ({ label: section.title[t.lang], value: section.text[t.lang] })),
    sources: found.map(({ article, section }) => sectionCitation(article, section, t.lang)),
    data: { intent: "article", routedFrom: "ask", understanding: remember(u), matches: found.map(({ article, section }) => ({ ref: `${article.file}#${section.id}`, score: 1 })) },
  });
}

function articleAnswer(ctx: CommandContext, u: Understanding, line: string, question: string): Reply {
  const { snapshot, t } = ctx;
  if (u.intent === "article") {
    const byModel = modelInArticle(ctx, u, line, question);
    if (byModel) return byModel;
    // "summarize the article" asks for its summary, not for the summarization task
    const summary = ASKS_SUMMARY.test(question.toLowerCase()) ? quotedSections(ctx, u, line, SUMMARY_SECTIONS, "ask.summaryTitle") : null;
    if (summary) return summary;
    const byTask = taskSection(ctx, u, line);
    if (byTask) return byTask;
    const tiers = ASKS_TIERS.test(question.toLowerCase()) ? quotedSections(ctx, u, line, TIER_SECTIONS, "ask.tiersTitle") : null;
    if (tiers) return tiers;
  }
  const matches = snapshot.articles.search(question, t.lang);
  const best = matches[0];
  // a question that names the article is about it: its best section answers unless the match is only a stray word
  const covers = u.intent === "article" ? ARTICLE_COVERS / 2 : ARTICLE_COVERS;
  if (u.intent === "out_of_scope" || !best || best.score < covers) {
    const uncovered = u.intent === "out_of_scope" ? uncoveredOf(question) : undefined;
    const what = uncovered ? t("ask.uncovered", { what: t(`uncovered.${uncovered}`) }) : "";
    // "thanks!", "你好，你是谁？": small talk gets a word back and what the bot does, not "not covered"
    const smallTalk = !u.models.length ? smallTalkOf(question) : null;
    return makeReply({
      command: "ask",
      lang: t.lang,
      title: smallTalk ? t(`ask.smallTalk.${smallTalk}`) : t("ask.notCovered"),
      lead: [smallTalk ? "" : line, what, t("ask.notCoveredLead", { article: snapshot.knowledge.articles[0]?.title[t.lang] ?? "" })].filter(Boolean).join("\n"),
      data: {
        intent: "not_covered",
        routedFrom: "ask",
        ...(uncovered ? { uncovered } : {}),
        matches: matches.map((m) => ({ ref: `${m.article.file}#${m.section.id}`, score: m.score })),
      },
    });
  }
  const related = matches.slice(1).filter((m) => m.score >= covers);
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

/**
 * "how many tokens is this: 我们下周一开会" asks in English: a pasted text is not the language of the question, so
 * the words around it choose the answer's language (unless lang: said otherwise).
 */
function inLanguageAsked(ctx: CommandContext, u: Understanding, question: string): CommandContext {
  if (u.intent !== "estimate" || !u.text || ctx.globals.lang) return ctx;
  const lang = detectLang(question.replace(u.text, ""), null);
  return lang === ctx.lang ? ctx : { ...ctx, lang, t: translator(lang) };
}

export const ask: Command = {
  spec: {
    name: "ask",
    showsMoney: true,
    localName: { zh: "提问" },
    slow: true,
    description: { en: "Ask a question in English or Chinese", zh: "用中文或英文提问" },
    usage: { en: "/ask <question>", zh: "/ask <问题>" },
    examples: ["/ask we send 50M tokens a month, 80% cached — gpt-5 or deepseek?", "/ask 自建 llama 70b 用 h200 划算吗", "/ask what does $100 a month buy?"],
    options: [],
    positional: { name: "question", kind: "text", description: { en: "your question", zh: "你的问题" }, required: true },
  },
  async run(asked: CommandContext): Promise<Reply> {
    const question = asked.args.rest;
    if (!question.trim()) throw new UserError("bad_input", "error.empty");
    const history = historyQuestion(asked.snapshot, toSimplified(question, asked.script), asked.today);
    const historyCommand = history && asked.commands.find((c) => c.spec.name === "history");
    if (history && historyCommand) {
      const { args } = parseCommandLine(history.since ? `since:${history.since}` : "", historyCommand.spec.options);
      return historyCommand.run({ ...asked, args: args.withRest(history.model ?? ""), input: { ...asked.input, command: "history" } });
    }
    // a command's words read as a question come already understood (commands/rest-as-question.ts)
    const u = asked.question ?? understand(asked.snapshot, question, { previous: asked.previous, script: asked.script ?? null });
    const ctx = inLanguageAsked(asked, u, question);
    const { snapshot, t } = ctx;
    // the same bounds as in:/out:/cached:, named as typed: never a default or an absolute value in its place
    if (u.unreadable) {
      const { unreadable, ...rest } = u;
      throw withQuestion(new UserError("bad_input", UNREADABLE_MESSAGES[unreadable.kind], { value: unreadable.text.slice(0, 40) }), rest);
    }
    const unknown = unknownData(u).unknown ?? [];
    // names the knowledge lacks are named back as typed: the answer is about the rest, and says so
    if (unknown.length && !u.models.length && !u.ambiguous.length) {
      const suggestions = [...new Set(unknown.flatMap((name) => name.suggestions))].slice(0, 5);
      if (unknown.length === 1) throw new UserError("unknown_model", "error.unknownModel", { name: unknown[0]!.name }, suggestions);
      throw new UserError("unknown_model", "error.unknownModels", { names: t.list(unknown.map((name) => quoted(t, name.name))) }, suggestions);
    }
    const assumed = u.intent === "clarify" ? await assumeFamilyMember(ctx, u, question) : null;
    if (assumed) return assumed;
    const understood = describeUnderstanding(t, snapshot, u.intent === "article" ? asTheArticleNames(snapshot, u) : u);
    const perPage = snapshot.knowledge.pageTokens;
    // pages sized at the planning figure, not at a size per page the asker gave
    const estimatedPages = u.pages?.filter((read) => !read.perPageSaid) ?? [];
    const notes = [
      ...(unknown.length ? [leftOut(t, u)] : []),
      ...(overviewNotFiltered(u) ? [t("ask.overviewNotFiltered")] : []),
      ...(estimatedPages.length && perPage ? pagesNotes(t, perPage, estimatedPages) : []),
    ];
    const line = [understood, ...notes].join("\n");
    if (u.intent === "clarify") return clarify(ctx, u, line);
    const name = ANSWERED_BY[u.intent];
    const target = name && ctx.commands.find((c) => c.spec.name === name);
    // the article and the "not covered" words are searched in Simplified, as the understander reads
    if (!target) return articleAnswer(ctx, u, line, toSimplified(question, ctx.script));
    const { args } = understoodOptions(optionLine(u, target.spec), target.spec);
    const routed = (ctx.typedOptions?.over(args) ?? args).withRest(positionalOf(u));
    try {
      const reply = await target.run({ ...ctx, args: routed, question: u, input: { ...ctx.input, command: target.spec.name } });
      // "which cheap model is best at coding", "money is no object": /cheapest ranked one tier instead, and the line says so
      const rankedOneTier = (reply.data as { ranked?: unknown }).ranked !== undefined;
      const said = rankedOneTier ? [describeUnderstanding(t, snapshot, u, { rankedOneTier }), ...notes].join("\n") : line;
      return withLine(estimatedPages.length && perPage ? { ...reply, sources: [...reply.sources, pagesSource(t, perPage)] } : reply, said, u);
    } catch (error) {
      // "I don't know the GPU A800" says what else it read (the model to self-host), and the conversation keeps it
      if (!(error instanceof UserError) || error.code === "internal") throw error;
      const said = new UserError(error.code, "error.afterUnderstood", { understood: understood, message: t(error.key, error.params) }, error.suggestions);
      throw withQuestion(said, u);
    }
  },
};
