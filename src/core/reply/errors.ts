import type { MessageKey } from "../i18n/catalog.ts";
import type { RememberedQuestion } from "../understand/types.ts";

export type ErrorCode = "unknown_model" | "ambiguous_model" | "bad_input" | "unknown_command" | "forbidden" | "rate_limited" | "internal";

/** An error meant for the person who asked: its message is a translation key, never a stack trace. */
export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly suggestions: string[] = [],
  ) {
    super(key);
    this.name = "UserError";
  }

  /** the question as understood apart from what was wrong with it: a conversation goes on from it ("sorry, 5M") */
  question?: RememberedQuestion;
}
