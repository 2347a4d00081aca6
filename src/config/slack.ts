import { ConfigError } from "./env-error.ts";

export interface SlackConfig {
  botToken: string;
  mode: { kind: "http"; signingSecret: string; port: number } | { kind: "socket"; appToken: string; signingSecret?: string };
  apiUrl?: string;
  adminUserIds: string[];
}

const SLACK_VARIABLES = ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"];

function required(env: NodeJS.ProcessEnv, name: string, pattern: RegExp, hint: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(name, `is required to run the Slack app (${hint})`);
  if (!pattern.test(value)) throw new ConfigError(name, `does not look right: ${hint}`);
  return value;
}

/** Slack settings from the environment: null when none are set, a ConfigError naming the variable when one is wrong. */
export function readSlackConfig(env: NodeJS.ProcessEnv): SlackConfig | null {
  if (!SLACK_VARIABLES.some((name) => env[name]?.trim())) return null;
  const botToken = required(env, "SLACK_BOT_TOKEN", /^xoxb-[\w-]+$/, "the bot token starts with xoxb-");
  const adminUserIds = (env.SLACK_ADMIN_USER_IDS ?? "").split(/[\s,]+/).filter(Boolean);
  const apiUrl = env.SLACK_API_URL?.trim() || undefined;
  if (apiUrl && !/^https?:\/\/\S+\/$/.test(apiUrl)) {
    throw new ConfigError("SLACK_API_URL", "must be an http(s) URL ending in /, e.g. https://slack.com/api/");
  }
  if (env.SLACK_APP_TOKEN?.trim()) {
    const appToken = required(env, "SLACK_APP_TOKEN", /^xapp-[\w-]+$/, "the app-level token starts with xapp-");
    return { botToken, mode: { kind: "socket", appToken, signingSecret: env.SLACK_SIGNING_SECRET?.trim() || undefined }, apiUrl, adminUserIds };
  }
  const signingSecret = required(env, "SLACK_SIGNING_SECRET", /^[0-9a-f]{16,}$/i, "the signing secret is a hex string from Basic Information");
  const portText = env.SLACK_PORT?.trim() || "3000";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError("SLACK_PORT", `must be a port number, not "${portText}"`);
  return { botToken, mode: { kind: "http", signingSecret, port }, apiUrl, adminUserIds };
}
