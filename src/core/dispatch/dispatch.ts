import type { Command, CommandInput } from "./command.ts";
import { UserError, type ErrorCode } from "../reply/errors.ts";
import { parseCommandLine } from "./grammar.ts";
import { translator, type Translator } from "../i18n/translate.ts";
import { detectLang, type Lang } from "../i18n/lang.ts";
import { languageRequestOf } from "../i18n/language-request.ts";
import { answerScript, toSimplified, type Script } from "../i18n/script.ts";
import { replyInScript } from "../reply/reply-script.ts";
import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import type { LiveKnowledge } from "../knowledge/store.ts";
import { makeReply, type Reply } from "../reply/reply.ts";
import { CONVERSATION_TTL_MS, type ConversationStore } from "../conversation/conversation.ts";
import type { RateLimit } from "../conversation/rate-limit.ts";
import { rememberCommand } from "../understand/command-memory.ts";
import type { RememberedQuestion } from "../understand/types.ts";
import { nextAnswerTurn } from "../conversation/answer-turns.ts";
import { utcToday } from "./today.ts";

export interface Logger {
  error(details: Record<string, unknown>, message: string): void;
}

/** "/compare gpt-5 deepseek" → compare + "gpt-5 deepseek"; any other line is a question for /ask. */
export function parseLine(line: string): { command: string | null; text: string } {
  const match = /^\s*[/／](\S+)\s*([\s\S]*)$/u.exec(line);
  if (!match) return { command: null, text: line.trim() };
  return { command: match[1]!.toLowerCase(), text: match[2]!.trim() };
}

function errorReply(t: Translator, command: string, code: ErrorCode, message: string, suggestions: string[] = [], models: readonly string[] = []): Reply {
  return makeReply({
    ok: false,
    command,
    lang: t.lang,
    title: t("error.title"),
    lead: message,
    notes: suggestions.length ? [t("error.didYouMean", { list: t.list(suggestions, "disjunction") })] : [],
    // the models the question named, read apart from what could not be: the error is about them too
    data: { error: { code, message, suggestions }, ...(models.length ? { about: { models } } : {}) },
  });
}

export interface DispatcherDeps {
  commands: readonly Command[];
  knowledge: LiveKnowledge;
  /** per chat user; the local terminal user is not limited. null: no limit */
  limiter?: RateLimit | null;
  logger?: Logger;
  /** today as YYYY-MM-DD */
  today?: () => string;
  /** told about every answer, for metrics and the per-command log line */
  onAnswered?: (event: AnswerEvent) => void;
  /** memory of conversations for follow-ups; none: every line stands alone */
  conversations?: ConversationStore | null;
}

export interface AnswerEvent {
  command: string;
  surface: CommandInput["surface"];
  ms: number;
  /** "ok", or the error code of an error reply */
  outcome: string;
}

export interface Dispatcher {
  readonly commands: readonly Command[];
  readonly knowledge: LiveKnowledge;
  /** A command by name; null is the command free text goes to (/ask). */
  find(name: string | null): Command | undefined;
  /** Answers one input. Never throws: every failure is a localized error reply. */
  answer(input: CommandInput): Promise<Reply>;
}

/** What a line that names no command is answered by. */
const FREE_TEXT_COMMAND = "ask";

const modelWords = new WeakMap<KnowledgeSnapshot, Set<string>>();

/** A line of only model names and amounts ("gpt-5 mini", "2.5 flash", "80%", "2b") is written in no language. */
function saysNoLanguage(snapshot: KnowledgeSnapshot, text: string): boolean {
  if (/\p{Script=Han}/u.test(text) || text.length > 200) return false;
  let words = modelWords.get(snapshot);
  if (!words) {
    words = new Set(
      snapshot.knowledge.models.flatMap(
        (m) =>
          [m.id, m.name, ...m.aliases]
            .join(" ")
            .toLowerCase()
            .match(/[a-z]{2,}/g) ?? [],
      ),
    );
    modelWords.set(snapshot, words);
  }
  return (text.toLowerCase().match(/[a-z]{2,}/g) ?? []).every((word) => words.has(word));
}

/** A text longer than this is a paste: its answer lets short questions waiting beside it go first. */
const HEAVY_TEXT_CHARS = 4_096;

/** The shared dispatcher: every surface hands it a CommandInput and renders the Reply it returns. */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const byName = new Map(deps.commands.map((c) => [c.spec.name, c] as const));
  const find = (name: string | null) => byName.get((name ?? FREE_TEXT_COMMAND).toLowerCase().replace(/^[/／]/, ""));
  const today = deps.today ?? utcToday;

  async function answer(input: CommandInput): Promise<Reply> {
    const started = performance.now();
    await nextAnswerTurn(input.text.length > HEAVY_TEXT_CHARS);
    const reply = await answerOnce(input);
    const outcome = reply.ok ? "ok" : String((reply.data as { error?: { code?: string } }).error?.code ?? "error");
    deps.onAnswered?.({ command: reply.command, surface: input.surface, ms: performance.now() - started, outcome });
    return reply;
  }

  async function answerOnce(input: CommandInput): Promise<Reply> {
    const name = input.command ?? FREE_TEXT_COMMAND;
    // the whole command runs on the snapshot current when it started, even if a reload swaps in another
    const snapshot = deps.knowledge.current();
    let lang: Lang = detectLang(input.text.slice(0, 2000), input.langHint);
    // Traditional for a Traditional question until the conversation is known, so even an early error is in its script
    let script: Script = answerScript(input.text.slice(0, 2000), null, input.scriptHint);
    try {
      if (deps.limiter && input.surface !== "terminal") {
        const wait = await deps.limiter.take(`${input.surface}:${input.user.id}`);
        if (wait > 0) throw new UserError("rate_limited", "error.slowDown", { seconds: wait });
      }
      const command = find(name);
      if (!command) {
        const near = deps.commands.map((c) => `/${c.spec.name}`).filter((c) => c.includes(name.slice(0, 2)));
        throw new UserError("unknown_command", "error.unknownCommand", { name: name.slice(0, 40) }, near);
      }
      const freeText = command.spec.positional?.kind === "text";
      // model, task and feature words are read in Simplified; free text is left as typed (/estimate counts it, /ask reads it itself)
      const { args, globals } = parseCommandLine(freeText ? input.text : toSimplified(input.text), command.spec.options, freeText);
      lang = globals.lang ?? lang;
      const positional = command.spec.positional;
      if (!args.rest.trim() && positional?.required) throw new UserError("bad_input", positional.missing ?? "error.empty");
      if (command.spec.adminOnly && !input.isAdmin) throw new UserError("forbidden", "error.adminOnly", { command: name });
      const conversation = input.conversation && deps.conversations ? input.conversation : null;
      const turn = conversation ? await deps.conversations!.get(conversation) : null;
      const previous = turn?.question ?? null;
      // "gpt-5 mini" answering "which gpt?" in a Chinese conversation is answered in Chinese: the line says no language
      if (turn && name === FREE_TEXT_COMMAND && !globals.lang && turn.lang !== lang && saysNoLanguage(snapshot, input.text)) lang = turn.lang;
      script = answerScript(input.text.slice(0, 2000), turn?.lang === "zh" ? turn.script : null, input.scriptHint);
      // "in chinese pls", "english?", "繁體中文": the last answer again, in the language and script the line asks for
      const asked = turn && name === FREE_TEXT_COMMAND && !globals.lang ? languageRequestOf(input.text) : null;
      if (asked) {
        lang = asked.lang;
        script = asked.script ?? (turn?.lang === "zh" && turn.script && !/\p{Script=Han}/u.test(input.text) ? turn.script : script);
      }
      const reply = replyInScript(
        await command.run({ input, args, globals, lang, script, snapshot, knowledge: deps.knowledge, t: translator(lang), today: today(), commands: deps.commands, previous }),
        script,
      );
      // a command typed with its options is remembered as the question it answers, so a follow-up can change one thing
      const understood =
        (reply.data as { understanding?: RememberedQuestion }).understanding ?? (conversation && reply.ok ? rememberCommand(snapshot, command.spec.name, args) : null);
      if (conversation && understood && reply.ok) {
        await deps.conversations!.set(
          conversation,
          { question: understood, lang: reply.lang, ...(reply.script ? { script: reply.script } : {}), at: Date.now() },
          CONVERSATION_TTL_MS,
        );
      }
      // set on the reply itself, not a copy: a copy would render its plain text, which makeReply leaves until read
      reply.chart = globals.chart.off ? null : reply.chart;
      reply.delivery = { private: globals.private || Boolean(command.spec.private), chartPath: globals.chart.path };
      return reply;
    } catch (error) {
      const t = translator(lang);
      const conversation = input.conversation && deps.conversations ? input.conversation : null;
      if (error instanceof UserError && error.question && conversation) {
        await deps.conversations!.set(conversation, { question: error.question, lang, ...(lang === "zh" ? { script } : {}), at: Date.now() }, CONVERSATION_TTL_MS);
      }
      if (error instanceof UserError)
        return replyInScript(
          errorReply(
            t,
            name,
            error.code,
            t(error.key, error.params),
            error.suggestions,
            error.question?.models.map((m) => m.id),
          ),
          script,
        );
      deps.logger?.error({ err: error, command: name, surface: input.surface }, "command failed");
      return replyInScript(errorReply(t, name, "internal", t("error.internal")), script);
    }
  }

  return { commands: deps.commands, knowledge: deps.knowledge, find, answer };
}
