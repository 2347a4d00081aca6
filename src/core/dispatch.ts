import { commands, findCommand } from "../../commands/index.ts";
import { parseArgs } from "./args.ts";
import type { CommandInput } from "./command.ts";
import { UserError, type ErrorCode } from "./errors.ts";
import { translator, type Translator } from "./i18n/translate.ts";
import type { KnowledgeSource } from "./knowledge-store.ts";
import { detectLang, type Lang } from "./lang.ts";
import { makeReply, type Reply } from "./reply.ts";
import { rateLimiterFromEnv, type RateLimiter } from "./rate-limit.ts";

export interface Logger {
  error(details: Record<string, unknown>, message: string): void;
}

/** "/compare gpt-5 deepseek" → compare + "gpt-5 deepseek"; any other line is a question for /ask. */
export function parseLine(line: string): { command: string | null; text: string } {
  const match = /^\s*[/／](\S+)\s*([\s\S]*)$/u.exec(line);
  if (!match) return { command: null, text: line.trim() };
  return { command: match[1]!.toLowerCase(), text: match[2]!.trim() };
}

function errorReply(t: Translator, command: string, code: ErrorCode, message: string, suggestions: string[] = []): Reply {
  return makeReply({
    ok: false,
    command,
    lang: t.lang,
    title: t("error.title"),
    lead: message,
    notes: suggestions.length ? [t("error.didYouMean", { list: suggestions.join(t.lang === "zh" ? "、" : ", ") })] : [],
    data: { error: { code, message, suggestions } },
  });
}

const sharedLimiter = rateLimiterFromEnv();

/**
 * The shared dispatcher: every surface hands it a CommandInput and renders the Reply it returns. Never throws.
 * Chat users are rate-limited per user (the local terminal user is not); pass `limiter: null` to turn it off.
 */
export async function answer(source: KnowledgeSource, input: CommandInput, logger?: Logger, limiter: RateLimiter | null = sharedLimiter): Promise<Reply> {
  const name = input.command ?? "ask";
  // the whole command runs on the snapshot current when it started, even if a reload swaps in another
  const kb = source.current();
  let lang: Lang = detectLang(input.text, input.langHint);
  try {
    const wait = limiter && input.surface !== "terminal" ? limiter.take(`${input.surface}:${input.user.id}`) : 0;
    if (wait > 0) throw new UserError("rate_limited", "error.slowDown", { seconds: wait });
    const command = findCommand(name);
    if (!command) throw new UserError("unknown_command", "error.unknownCommand", { name }, commands.map((c) => `/${c.spec.name}`).filter((c) => c.includes(name.slice(0, 2))));
    // in free text (a question, a pasted prompt) a stray "word:" is part of the text, not an unknown option
    const args = parseArgs(input.text, command.spec.options, command.spec.positional?.kind === "text");
    lang = args.lang ?? lang;
    const positional = command.spec.positional;
    if (!args.rest.trim() && positional?.required) throw new UserError("bad_input", positional.missing ?? "error.empty");
    if (command.spec.adminOnly && !input.isAdmin) throw new UserError("forbidden", "error.adminOnly", { command: name });
    const reply = await command.run({ input, args, lang, kb, knowledge: source, t: translator(lang) });
    return /^(off|no|none|关|关闭)$/i.test(String(args.options.get("chart") ?? "")) ? { ...reply, chart: null } : reply;
  } catch (error) {
    const t = translator(lang);
    if (error instanceof UserError) return errorReply(t, name, error.code, t(error.key, error.params), error.suggestions);
    logger?.error({ err: error, command: name, surface: input.surface }, "command failed");
    return errorReply(t, name, "internal", t("error.internal"));
  }
}
