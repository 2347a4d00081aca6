import { existsSync } from "node:fs";
import { isIP } from "node:net";
import { homedir, hostname } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Lang } from "../core/i18n/lang.ts";
import { ConfigError } from "./env-error.ts";
import { readDiscordConfig, type DiscordConfig } from "./discord.ts";
import { readSlackConfig, type SlackConfig } from "./slack.ts";

/** Everything the bot reads from the environment, parsed once here and passed down; nothing else reads process.env. */
export interface AppConfig {
  knowledgeDir: string;
  /** an extra LiteLLM map to load beside the shipped catalog */
  catalogPath: string | undefined;
  cacheDir: string;
  /** the secret cached snapshots are signed with; null: a key file created in cacheDir */
  cacheKey: string | null;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  rateLimit: { burst: number; perMinute: number };
  /** pinned "today" (YYYY-MM-DD) for reproducible answers; null: the real date */
  today: string | null;
  /** reload knowledge when its files change; off where file events do not arrive (network volumes) */
  watchKnowledge: boolean;
  /** the address HTTP servers bind (Slack HTTP, Discord interactions, health); null: every interface */
  host: string | null;
  /** a port for /healthz, /readyz and /metrics of their own; null: none */
  healthPort: number | null;
  /** the address the health port binds (default loopback: metrics are not for the public) */
  healthHost: string;
  /** with it, /readyz and /metrics are also answered on the public ports to `Authorization: Bearer <token>` */
  metricsToken: string | null;
  /** signs the messages instances exchange through Redis (reloads, heartbeats) */
  sharedSecret: string | null;
  /** shared state for several instances (rate limits, conversations, /reload); null: in this process */
  redisUrl: string | null;
  /** this process's name in logs, metrics and /status */
  instanceId: string;
  /** on SIGTERM, how long answers in flight may take to finish before the process exits anyway */
  shutdownTimeoutMs: number;
  slack: SlackConfig | null;
  discord: DiscordConfig | null;
  /** where a reload that changed prices is announced; both null: nowhere */
  priceDigest: { slackChannel: string | null; discordChannelId: string | null; lang: Lang };
  /** MODELWISE_REFRESH: import prices from these URLs every `everyMs`; null: off (the default). A null URL: that source is not refreshed */
  priceRefresh: { everyMs: number | null; litellmUrl: string | null; genaiPricesUrl: string | null };
}

const DEFAULT_LITELLM_URL = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json";
const DEFAULT_GENAI_PRICES_URL = "https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/new_data/v2/data.json";

const refreshUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine((text) => {
      if (text === "off") return true;
      try {
        const url = new URL(text);
        return url.protocol === "https:" || (url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname));
      } catch {
        return false;
      }
    }, `must be an https:// URL (http:// only on localhost) of ${name}, or off`);

/** The package root (where package.json is), found by walking up, so the default works from src/ and from dist/src/. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const DEFAULT_KNOWLEDGE = join(packageRoot(), "knowledge/");

const port = (example: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, `must be a port number, e.g. ${example}`)
    .transform(Number)
    .refine((n) => n <= 65535, "must be a port number from 0 to 65535");

/** A secret of our own choosing: long enough that it cannot be guessed. */
const secret = (example: string) => z.string().trim().min(32, `must be at least 32 characters, e.g. the output of ${example}`);

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

const schema = z.object({
  MODELWISE_KNOWLEDGE_DIR: z.string().trim().min(1).optional(),
  MODELWISE_CATALOG: z.string().trim().min(1).optional(),
  MODELWISE_CACHE_DIR: z.string().trim().min(1).optional(),
  MODELWISE_CACHE_KEY: secret("openssl rand -hex 32").optional(),
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
  MODELWISE_TODAY: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
    .optional(),
  MODELWISE_WATCH: z.enum(["on", "off"], "must be on or off").default("on"),
  HOST: z
    .string()
    .trim()
    .refine((host) => isIP(host) !== 0 || HOSTNAME.test(host), "must be an IP address or a host name, e.g. 0.0.0.0 or 127.0.0.1")
    .optional(),
  HEALTH_PORT: port("8080").optional(),
  HEALTH_HOST: z
    .string()
    .trim()
    .refine((host) => isIP(host) !== 0 || HOSTNAME.test(host), "must be an IP address or a host name, e.g. 127.0.0.1 or 0.0.0.0")
    .default("127.0.0.1"),
  METRICS_TOKEN: secret("openssl rand -hex 32").optional(),
  MODELWISE_SHARED_SECRET: secret("openssl rand -hex 32").optional(),
  REDIS_URL: z
    .string()
    .trim()
    .refine((text) => {
      try {
        const url = new URL(text);
        return (url.protocol === "redis:" || url.protocol === "rediss:") && url.hostname !== "";
      } catch {
        return false;
      }
    }, "must be a redis:// or rediss:// URL with a host, e.g. redis://redis:6379")
    .optional(),
  INSTANCE_ID: z
    .string()
    .trim()
    .regex(/^[\w.-]{1,64}$/, "must be 1 to 64 letters, digits, dots, dashes or underscores")
    .optional(),
  SHUTDOWN_TIMEOUT_SECONDS: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, "must be a number of seconds, e.g. 8")
    .transform(Number)
    .refine((seconds) => seconds >= 0.1 && seconds <= 3600, "must be between 0.1 and 3600 seconds")
    .default(8),
  PRICE_DIGEST_SLACK_CHANNEL: z
    .string()
    .trim()
    .regex(/^[CG][A-Z0-9]{8,}$/, "must be a Slack channel id, e.g. C0123456789 (channel details → About)")
    .optional(),
  PRICE_DIGEST_DISCORD_CHANNEL_ID: z
    .string()
    .trim()
    .regex(/^\d{17,20}$/, "must be a Discord channel id, e.g. 123456789012345678 (Developer Mode → Copy Channel ID)")
    .optional(),
  PRICE_DIGEST_LANG: z.enum(["en", "zh"], "must be en or zh").default("en"),
  MODELWISE_REFRESH: z
    .string()
    .trim()
    .regex(/^(off|\d+\s*[hm])$/, "must be a period like 24h or 90m, or off")
    .transform((text) => (text === "off" ? null : Number.parseInt(text, 10) * (text.endsWith("h") ? 3_600_000 : 60_000)))
    .refine((ms) => ms === null || ms >= 60_000, "must be at least 1m")
    .optional(),
  MODELWISE_REFRESH_LITELLM_URL: refreshUrl("LiteLLM's model_prices_and_context_window.json").optional(),
  MODELWISE_REFRESH_GENAI_PRICES_URL: refreshUrl("genai-prices' data.json").optional(),
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
    cacheKey: vars.MODELWISE_CACHE_KEY ?? null,
    logLevel: vars.LOG_LEVEL,
    rateLimit: vars.MODELWISE_RATE_LIMIT,
    today: vars.MODELWISE_TODAY ?? null,
    watchKnowledge: vars.MODELWISE_WATCH === "on",
    host: vars.HOST ?? null,
    healthPort: vars.HEALTH_PORT ?? null,
    healthHost: vars.HEALTH_HOST,
    metricsToken: vars.METRICS_TOKEN ?? null,
    sharedSecret: vars.MODELWISE_SHARED_SECRET ?? null,
    redisUrl: vars.REDIS_URL ?? null,
    instanceId: vars.INSTANCE_ID ?? `${hostname()}-${process.pid}`,
    shutdownTimeoutMs: Math.round(vars.SHUTDOWN_TIMEOUT_SECONDS * 1000),
    slack: readSlackConfig(env),
    discord: readDiscordConfig(env),
    priceDigest: {
      slackChannel: vars.PRICE_DIGEST_SLACK_CHANNEL ?? null,
      discordChannelId: vars.PRICE_DIGEST_DISCORD_CHANNEL_ID ?? null,
      lang: vars.PRICE_DIGEST_LANG,
    },
    priceRefresh: {
      everyMs: vars.MODELWISE_REFRESH ?? null,
      litellmUrl: vars.MODELWISE_REFRESH_LITELLM_URL === "off" ? null : (vars.MODELWISE_REFRESH_LITELLM_URL ?? DEFAULT_LITELLM_URL),
      genaiPricesUrl: vars.MODELWISE_REFRESH_GENAI_PRICES_URL === "off" ? null : (vars.MODELWISE_REFRESH_GENAI_PRICES_URL ?? DEFAULT_GENAI_PRICES_URL),
    },
  };
}
