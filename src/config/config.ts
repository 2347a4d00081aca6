import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ConfigError } from "./env-error.ts";
import { readDiscordConfig, type DiscordConfig } from "./discord.ts";
import { readSlackConfig, type SlackConfig } from "./slack.ts";

/** Everything the bot reads from the environment, parsed once here and passed down; nothing else reads process.env. */
export interface AppConfig {
  knowledgeDir: string;
  /** an extra LiteLLM map to load beside the shipped catalog */
  catalogPath: string | undefined;
  cacheDir: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  rateLimit: { burst: number; perMinute: number };
  /** pinned "today" (YYYY-MM-DD) for reproducible answers; null: the real date */
  today: string | null;
  slack: SlackConfig | null;
  discord: DiscordConfig | null;
}

const DEFAULT_KNOWLEDGE = fileURLToPath(new URL("../../knowledge/", import.meta.url));

const schema = z.object({
  MODELWISE_KNOWLEDGE_DIR: z.string().trim().min(1).optional(),
  MODELWISE_CATALOG: z.string().trim().min(1).optional(),
  MODELWISE_CACHE_DIR: z.string().trim().min(1).optional(),
  XDG_CACHE_HOME: z.string().trim().min(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "must be one of fatal, error, warn, info, debug, trace, silent").default("info"),
  MODELWISE_RATE_LIMIT: z
    .string()
    .trim()
    .regex(/^\d+\/\d+$/, 'must be "burst/perMinute", e.g. 20/30')
    .transform((text) => {
      const [burst, perMinute] = text.split("/").map(Number);
      return { burst: burst!, perMinute: perMinute! };
    })
    .refine((limit) => limit.burst >= 1 && limit.perMinute >= 1, "needs at least 1/1")
    .default({ burst: 20, perMinute: 30 }),
  MODELWISE_TODAY: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD").optional(),
});

/** Empty variables count as unset, as in most .env tooling. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== ""));
}

/** Reads and checks the whole configuration; a ConfigError names the first variable that is wrong and why. */
export function readConfig(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = schema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? "environment"), issue.message);
  }
  const vars = parsed.data;
  return {
    knowledgeDir: vars.MODELWISE_KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE,
    catalogPath: vars.MODELWISE_CATALOG,
    cacheDir: vars.MODELWISE_CACHE_DIR ?? join(vars.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "modelwise"),
    logLevel: vars.LOG_LEVEL,
    rateLimit: vars.MODELWISE_RATE_LIMIT,
    today: vars.MODELWISE_TODAY ?? null,
    slack: readSlackConfig(env),
    discord: readDiscordConfig(env),
  };
}
