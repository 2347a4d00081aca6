import { ConfigError } from "./env-error.ts";

/** How the bot's slash commands are named in a workspace (see src/adapters/slack/command-names.ts). */
export interface SlackCommandNaming {
  /** the umbrella command, without the slash: `/modelwise <command> …` reaches every command */
  prefix: string;
  /** commands also installed under their own short name (`/compare`), for the ones a team types every day */
  shortNames: string[];
}

export interface SlackConfig {
  botToken: string;
  mode: { kind: "http"; signingSecret: string; port: number; host?: string } | { kind: "socket"; appToken: string; signingSecret?: string };
  apiUrl?: string;
  adminUserIds: string[];
  /** default: /modelwise plus the default short commands */
  naming?: SlackCommandNaming;
}

const SLACK_VARIABLES = ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"];
/** Slack's rule for a command name: lowercase letters, digits, dash and underscore, at most 32 characters. */
const COMMAND_NAME = /^[a-z0-9_-]{1,32}$/;
export const DEFAULT_COMMAND_PREFIX = "modelwise";
/** The three commands the team types every day; everything else (and every admin command) lives under the prefix. */
export const DEFAULT_SHORT_COMMANDS = ["compare", "cheapest", "selfhost"];
export const DEFAULT_NAMING: SlackCommandNaming = { prefix: DEFAULT_COMMAND_PREFIX, shortNames: DEFAULT_SHORT_COMMANDS };

function required(env: NodeJS.ProcessEnv, name: string, pattern: RegExp, hint: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(name, `is required to run the Slack app (${hint})`);
  if (!pattern.test(value)) throw new ConfigError(name, `does not look right: ${hint}`);
  return value;
}

/**
 * The slash-command names to install, from SLACK_COMMAND_PREFIX and SLACK_SHORT_COMMANDS ("none" for only the
 * prefix). Read apart from the tokens so the manifest can be generated without any.
 */
export function readSlackCommandNaming(env: NodeJS.ProcessEnv): SlackCommandNaming {
  const prefix = (env.SLACK_COMMAND_PREFIX?.trim() || DEFAULT_COMMAND_PREFIX).replace(/^\//, "").toLowerCase();
  if (!COMMAND_NAME.test(prefix)) throw new ConfigError("SLACK_COMMAND_PREFIX", `must be 1–32 lowercase letters, digits, - or _, not "${prefix}"`);
  const listed = env.SLACK_SHORT_COMMANDS?.trim();
  const shortNames = !listed
    ? DEFAULT_SHORT_COMMANDS
    : listed === "none"
      ? []
      : listed
          .split(/[\s,]+/)
          .map((n) => n.replace(/^\//, "").toLowerCase())
          .filter(Boolean);
  const bad = shortNames.find((name) => !COMMAND_NAME.test(name));
  if (bad !== undefined) throw new ConfigError("SLACK_SHORT_COMMANDS", `"${bad}" is not a Slack command name`);
  return { prefix, shortNames: [...new Set(shortNames)] };
}

function port(env: NodeJS.ProcessEnv): number {
  const portText = env.SLACK_PORT?.trim() || "3000";
  const value = Number(portText);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new ConfigError("SLACK_PORT", `must be a port number, not "${portText}"`);
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
  const naming = readSlackCommandNaming(env);
  if (env.SLACK_APP_TOKEN?.trim()) {
    const appToken = required(env, "SLACK_APP_TOKEN", /^xapp-[\w-]+$/, "the app-level token starts with xapp-");
    return { botToken, mode: { kind: "socket", appToken, signingSecret: env.SLACK_SIGNING_SECRET?.trim() || undefined }, apiUrl, adminUserIds, naming };
  }
  const signingSecret = required(env, "SLACK_SIGNING_SECRET", /^[0-9a-f]{16,}$/i, "the signing secret is a hex string from Basic Information");
  const host = env.HOST?.trim() || undefined;
  return { botToken, mode: { kind: "http", signingSecret, port: port(env), ...(host ? { host } : {}) }, apiUrl, adminUserIds, naming };
}
