import pino from "pino";

/** Structured logs on stderr, so the terminal surface keeps stdout for answers. */
export function createLogger(level: string = "info"): pino.Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
