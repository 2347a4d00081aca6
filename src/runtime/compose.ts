import { commands } from "../../commands/index.ts";
import type { AppConfig } from "../config/config.ts";
import { createDispatcher, type Dispatcher, type Logger } from "../core/dispatch.ts";
import type { LiveKnowledge } from "../core/knowledge/store.ts";
import { RateLimiter } from "../core/rate-limit.ts";
import { clockFrom } from "./startup.ts";

/** The one place the command list meets the core: a dispatcher over every registered command. */
export function composeDispatcher(config: AppConfig, knowledge: LiveKnowledge, logger?: Logger, options: { limited?: boolean } = {}): Dispatcher {
  const limiter = options.limited === false ? null : new RateLimiter(config.rateLimit.burst, config.rateLimit.perMinute);
  return createDispatcher({ commands, knowledge, limiter, logger, today: clockFrom(config) });
}
