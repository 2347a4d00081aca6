import { commands } from "../../commands/index.ts";
import type { AppConfig } from "../config/config.ts";
import { MemoryConversations, type ConversationStore } from "../core/conversation/conversation.ts";
import { createDispatcher, type AnswerEvent, type Dispatcher, type Logger } from "../core/dispatch/dispatch.ts";
import type { LiveKnowledge } from "../core/knowledge/store.ts";
import { MemoryRateLimit, type RateLimit } from "../core/conversation/rate-limit.ts";
import { clockFrom } from "./startup.ts";

export interface ComposeOptions {
  /** false: no rate limit (the local terminal user) */
  limited?: boolean;
  /** the shared limiter; default: one in this process from MODELWISE_RATE_LIMIT */
  limiter?: RateLimit;
  /** told about every answer (metrics, the per-command log line) */
  onAnswered?: (event: AnswerEvent) => void;
  /** where follow-ups are remembered (Redis for several instances); default: in this process */
  conversations?: ConversationStore;
}

/** The names of every registered command, for metrics labels. */
export const commandNames: readonly string[] = commands.map((command) => command.spec.name);

/** The one place the command list meets the core: a dispatcher over every registered command. */
export function composeDispatcher(config: AppConfig, knowledge: LiveKnowledge, logger?: Logger, options: ComposeOptions = {}): Dispatcher {
  const limiter = options.limited === false ? null : (options.limiter ?? new MemoryRateLimit(config.rateLimit.burst, config.rateLimit.perMinute));
  return createDispatcher({
    commands,
    knowledge,
    limiter,
    logger,
    today: clockFrom(config),
    onAnswered: options.onAnswered,
    conversations: options.conversations ?? new MemoryConversations(),
  });
}
