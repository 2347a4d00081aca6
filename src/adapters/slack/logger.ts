import type { LogLevel, Logger } from "@slack/bolt";
import type pino from "pino";

/** Longest text a Bolt or Socket Mode debug line keeps; payloads are summarized, never written out. */
const MAX_DEBUG_TEXT = 300;

/**
 * At debug level Bolt and the Socket Mode client log every envelope whole ("Received a message on the WebSocket: {…}"):
 * response_url, verification tokens, pastes of megabytes. Keep the words, drop the payload.
 */
function withoutPayload(text: string): string {
  const start = text.search(/[{[]/);
  const kept = start === -1 ? text : `${text.slice(0, start)}[payload of ${text.length - start} characters omitted]`;
  return kept.length <= MAX_DEBUG_TEXT ? kept : `${kept.slice(0, MAX_DEBUG_TEXT)}… [${kept.length - MAX_DEBUG_TEXT} characters omitted]`;
}

/** Bolt's Logger interface on pino, with every known secret scrubbed and, at debug, every payload left out. */
export function boltLogger(base: pino.Logger, secrets: string[]): Logger {
  const hidden = secrets.filter((s) => s.length >= 8);
  const scrub = (text: string) => hidden.reduce((out, secret) => out.split(secret).join("[redacted]"), text);
  const asText = (value: unknown): string => {
    if (typeof value === "string") return value;
    if (value instanceof Error) return value.stack ?? value.message;
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return "[unserializable]";
    }
  };
  let logger = base;
  const write =
    (level: "debug" | "info" | "warn" | "error") =>
    (...msg: unknown[]) => {
      if (!logger.isLevelEnabled(level)) return;
      const text = msg.map(asText).join(" ");
      logger[level](scrub(level === "debug" ? withoutPayload(text) : text));
    };
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
