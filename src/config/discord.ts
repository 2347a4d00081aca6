import { ConfigError } from "./env-error.ts";

export interface DiscordConfig {
  mode: { kind: "gateway"; token: string; shards: number | "auto" | null } | { kind: "http"; publicKey: string; port: number; host?: string; token: string | null };
  apiUrl?: string;
  adminRoleIds: string[];
}

const DISCORD_VARIABLES = ["DISCORD_TOKEN", "DISCORD_PUBLIC_KEY"];
const TOKEN = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/;

function token(env: NodeJS.ProcessEnv, required: boolean): string | null {
  const value = env.DISCORD_TOKEN?.trim();
  if (!value) {
    if (required) throw new ConfigError("DISCORD_TOKEN", "is required to run the Discord bot (Bot page → Reset Token)");
    return null;
  }
  if (!TOKEN.test(value)) throw new ConfigError("DISCORD_TOKEN", "does not look like a bot token (three dot-separated parts)");
  return value;
}

/** Discord settings from the environment: null when none are set, a ConfigError naming the variable when one is wrong. */
export function readDiscordConfig(env: NodeJS.ProcessEnv): DiscordConfig | null {
  if (!DISCORD_VARIABLES.some((name) => env[name]?.trim())) return null;
  const apiUrl = env.DISCORD_API_URL?.trim() || undefined;
  if (apiUrl && !/^https?:\/\/\S+[^/]$/.test(apiUrl)) throw new ConfigError("DISCORD_API_URL", "must be an http(s) URL without a trailing /, e.g. https://discord.com/api");
  const adminRoleIds = (env.DISCORD_ADMIN_ROLE_IDS ?? "").split(/[\s,]+/).filter(Boolean);
  const publicKey = env.DISCORD_PUBLIC_KEY?.trim();
  if (publicKey) {
    if (!/^[0-9a-f]{64}$/i.test(publicKey)) throw new ConfigError("DISCORD_PUBLIC_KEY", "must be the 64 hex characters of the application's public key");
    const portText = env.DISCORD_INTERACTIONS_PORT?.trim() || "3001";
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError("DISCORD_INTERACTIONS_PORT", `must be a port number, not "${portText}"`);
    const host = env.HOST?.trim() || undefined;
    return { mode: { kind: "http", publicKey, port, ...(host ? { host } : {}), token: token(env, false) }, apiUrl, adminRoleIds };
  }
  const shardsText = env.DISCORD_SHARDS?.trim();
  let shards: number | "auto" | null = null;
  if (shardsText) {
    shards = shardsText === "auto" ? "auto" : Number(shardsText);
    if (shards !== "auto" && (!Number.isInteger(shards) || shards < 1)) throw new ConfigError("DISCORD_SHARDS", `must be a positive number or auto, not "${shardsText}"`);
  }
  return { mode: { kind: "gateway", token: token(env, true)!, shards }, apiUrl, adminRoleIds };
}
