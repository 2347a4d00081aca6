import type { AnswerEvent } from "../core/dispatch/dispatch.ts";

interface InfoLogger {
  info(details: Record<string, unknown>, message: string): void;
}

/** One structured line per command at info: what ran where, how long it took, how it ended, on which instance. */
export function logEachAnswer(logger: InfoLogger, instance: string): (event: AnswerEvent) => void {
  return (event) => logger.info({ surface: event.surface, command: event.command.slice(0, 40), ms: Math.round(event.ms), outcome: event.outcome, instance }, "answered");
}
