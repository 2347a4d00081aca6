import pino from "pino";
import { redactLogLine } from "./redact.ts";

/**
 * Structured logs on stderr, so the terminal surface keeps stdout for answers; every line is written without
 * interaction tokens, webhook or response URLs.
 */
export function createLogger(level: string = "info", destination: pino.DestinationStream = pino.destination(2)): pino.Logger {
  return pino({ level, base: undefined, hooks: { streamWrite: redactLogLine } }, destination);
}
