import { LogLevel, type Logger } from "@slack/bolt";
import pino from "pino";

/** Bolt's Logger interface on pino, with every known secret scrubbed from what is logged. */
export function boltLogger(base: pino.Logger, secrets: string[]): Logger {
  const hidden = secrets.filter((s) => s.length >= 8);
  const scrub = (value: unknown): unknown => {
    if (typeof value === "string") return hidden.reduce((text, secret) => text.split(secret).join("[redacted]"), value);
    if (value instanceof Error) return scrub(value.stack ?? value.message);
    if (value && typeof value === "object") {
      try {
        return JSON.parse(scrub(JSON.stringify(value)) as string);
      } catch {
        return "[unserializable]";
      }
    }
    return value;
  };
  let logger = base;
  const write = (level: "debug" | "info" | "warn" | "error") => (...msg: unknown[]) =>
    logger[level](msg.map(scrub).map((m) => (typeof m === "string" ? m : JSON.stringify(m))).join(" "));
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    setLevel: (level: LogLevel) => {
      logger.level = level;
    },
    getLevel: () => logger.level as LogLevel,
    setName: (name: string) => {
      logger = logger.child({ name });
    },
  };
}
