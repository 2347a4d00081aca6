import pino from "pino";

/** Structured logs on stderr, so the terminal surface keeps stdout for answers. */
export function createLogger(): pino.Logger {
  return pino({ level: process.env.LOG_LEVEL ?? "info", base: undefined }, pino.destination(2));
}
