import type { ParsedArgs, GlobalOptions } from "./grammar.ts";
import type { Translator } from "../i18n/translate.ts";
import type { MessageKey } from "../i18n/catalog.ts";
import type { Lang } from "../i18n/lang.ts";
import type { Script } from "../i18n/script.ts";
import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import type { LiveKnowledge } from "../knowledge/store.ts";
import type { Reply } from "../reply/reply.ts";
import type { RememberedQuestion, Understanding } from "../understand/types.ts";

type Surface = "terminal" | "slack" | "discord" | "test";

/** What every surface turns its payload into. */
export interface CommandInput {
  /** command name without the slash; null for a free-text line */
  command: string | null;
  /** the argument text, in the shared grammar: words plus key:value options */
  text: string;
  /** the surface's language hint (user locale); the question's own script wins over it */
  langHint?: Lang | null;
  /** the surface's script hint for Chinese (zh-TW → Traditional); the question's own characters win over it */
  scriptHint?: Script | null;
  user: { id: string; name?: string };
  isAdmin: boolean;
  surface: Surface;
  /** where follow-ups belong (a Slack thread or DM, a Discord reply chain or DM, a REPL session); none: no memory */
  conversation?: string | null;
}

export type OptionKind = "tokens" | "percent" | "number" | "count" | "text";

/** Where a surface with completion (Discord autocomplete) finds choices for an option. */
export type CompletionSource = "models" | "gpus" | "tasks";

export interface OptionSpec {
  name: string;
  /** other spellings, including Chinese ones (上下文, 输入 …) */
  aliases?: string[];
  kind: OptionKind;
  description: Record<Lang, string>;
  complete?: CompletionSource;
  /** bounds for number kinds, checked when parsed */
  min?: number;
  max?: number;
  /** the only values a text option takes: surfaces with pickers (Discord) offer exactly these */
  choices?: readonly string[];
  /** a yes/no text option: a boolean where the surface has one (Discord) */
  yesNo?: boolean;
  /** rarely typed: a surface short of fields (Discord's 25 options) folds these into one key:value text field */
  rare?: boolean;
}

/** What the positional words are: surfaces with structured options (Discord) build their fields from it. */
export type PositionalKind = "models" | "model" | "text" | "words";

export interface FlagSpec {
  /** a bare word that switches something on, e.g. "vision" */
  name: string;
  aliases?: string[];
  description: Record<Lang, string>;
}

export interface CommandSpec {
  name: string;
  /** the command's own name in other languages, for surfaces that localize command names */
  localName: Partial<Record<Lang, string>>;
  description: Record<Lang, string>;
  usage: Record<Lang, string>;
  examples: string[];
  options: OptionSpec[];
  /** what the positional words are, for help and for platforms with structured options */
  positional?: {
    name: string;
    kind: PositionalKind;
    description: Record<Lang, string>;
    required: boolean;
    /** what to say when a required positional is missing */
    missing?: MessageKey;
    /** most items a "models" positional takes */
    max?: number;
    complete?: CompletionSource;
  };
  flags?: FlagSpec[];
  /** answers that can take over a second on large inputs: surfaces acknowledge those first (acknowledgeFirst) */
  slow?: boolean;
  /** only admins may run it; everyone else gets a polite refusal */
  adminOnly?: boolean;
  /** answers only the asker sees, whatever they ask for (help) */
  private?: boolean;
  /** answers show prices or costs: the currency: option applies (surfaces list it only here) */
  showsMoney?: boolean;
}

export interface CommandContext {
  input: CommandInput;
  args: ParsedArgs;
  globals: GlobalOptions;
  lang: Lang;
  /** the script a Chinese answer is written in (the dispatcher turns the reply Traditional; questions are read with it) */
  script?: Script;
  snapshot: KnowledgeSnapshot;
  /** the live knowledge, for admin commands that report on it or reload it */
  knowledge: LiveKnowledge;
  t: Translator;
  /** today as YYYY-MM-DD, from the composition root's clock */
  today: string;
  /** every registered command, for /help and for routing a question */
  commands: readonly Command[];
  /** how a free-text question was understood, when the command runs for one */
  question?: Understanding;
  /** a command's key:value options when its words are answered as a question: they win over what the words say */
  typedOptions?: ParsedArgs;
  /** the conversation's previous question, for follow-ups (free text in threads, DMs, the REPL) */
  previous?: RememberedQuestion | null;
}

export interface Command {
  spec: CommandSpec;
  run(ctx: CommandContext): Reply | Promise<Reply>;
}

/** Input up to this long is answered in milliseconds even by a `slow` command (a question, not a pasted document). */
const SLOW_INPUT_CHARS = 4_000;

/**
 * Whether a surface should acknowledge a command before answering it: a `slow` command given a long input. Anything
 * else is answered at once, and a surface still acknowledges first any answer that is not ready within its window.
 */
export function acknowledgeFirst(spec: CommandSpec | undefined, inputChars: number): boolean {
  return Boolean(spec?.slow) && inputChars > SLOW_INPUT_CHARS;
}
