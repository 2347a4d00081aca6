import { describe, expect, it } from "vitest";
import { readConfig } from "../src/config/config.ts";
import { ConfigError } from "../src/config/env-error.ts";
import { instanceSecret } from "../src/runtime/shared-state.ts";

const SLACK_TOKEN = "xoxb-1234-5678-testtokenvalue";
const SECRET = "8f742231b10e8888abcd990000085a5f";
const DISCORD_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB";
const PUBLIC_KEY = "a".repeat(64);

/** The message readConfig refuses `env` with ("" when it accepts it). */
function refusal(env: Record<string, string>): string {
  try {
    readConfig(env);
    return "";
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
}

describe("readConfig refuses a wrong setting with one message naming the variable", () => {
  it.each([
    [{ SLACK_BOT_TOKEN: "not-a-token", SLACK_SIGNING_SECRET: SECRET }, /^SLACK_BOT_TOKEN: does not look right/],
    [{ SLACK_BOT_TOKEN: SLACK_TOKEN }, /^SLACK_SIGNING_SECRET: is required/],
    [{ SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: "xyz" }, /^SLACK_SIGNING_SECRET: does not look right/],
    [{ SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_PORT: "http" }, /^SLACK_PORT: must be a port number/],
    [{ SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_PORT: "70000" }, /^SLACK_PORT: must be a port number/],
    [{ SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_APP_TOKEN: "xoxb-wrong-kind" }, /^SLACK_APP_TOKEN: does not look right/],
    [{ SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: "https://slack.com/api" }, /^SLACK_API_URL: must be an http\(s\) URL ending in \//],
    [{ DISCORD_TOKEN: "abc" }, /^DISCORD_TOKEN: does not look like a bot token/],
    [{ DISCORD_PUBLIC_KEY: "xyz" }, /^DISCORD_PUBLIC_KEY: must be the 64 hex characters/],
    [{ DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_INTERACTIONS_PORT: "-1" }, /^DISCORD_INTERACTIONS_PORT: must be a port number/],
    [{ DISCORD_TOKEN, DISCORD_SHARDS: "many" }, /^DISCORD_SHARDS: must be a positive number or auto/],
    [{ DISCORD_TOKEN, DISCORD_SHARDS: "0" }, /^DISCORD_SHARDS: must be a positive number or auto/],
    [{ DISCORD_TOKEN, DISCORD_API_URL: "ftp://x/" }, /^DISCORD_API_URL: must be an http\(s\) URL/],
    [{ LOG_LEVEL: "loud" }, /^LOG_LEVEL: must be one of/],
    [{ MODELWISE_RATE_LIMIT: "20" }, /^MODELWISE_RATE_LIMIT: must be "burst\/perMinute"/],
    [{ MODELWISE_RATE_LIMIT: "0/30" }, /^MODELWISE_RATE_LIMIT: needs at least 1\/1/],
    [{ MODELWISE_TODAY: "28/11/2026" }, /^MODELWISE_TODAY: must be a date/],
    [{ MODELWISE_WATCH: "maybe" }, /^MODELWISE_WATCH: must be on or off/],
    [{ HOST: "not a host" }, /^HOST: must be an IP address or a host name/],
    [{ HOST: "-bad.example" }, /^HOST: must be an IP address or a host name/],
    [{ HEALTH_PORT: "eighty" }, /^HEALTH_PORT: must be a port number/],
    [{ HEALTH_PORT: "65536" }, /^HEALTH_PORT: must be a port number from 0 to 65535/],
    [{ REDIS_URL: "localhost:6379" }, /^REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/],
    [{ REDIS_URL: "http://redis:6379" }, /^REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/],
    [{ INSTANCE_ID: "bot a" }, /^INSTANCE_ID: must be 1 to 64 letters/],
    [{ SHUTDOWN_TIMEOUT_SECONDS: "soon" }, /^SHUTDOWN_TIMEOUT_SECONDS: must be a number of seconds/],
    [{ SHUTDOWN_TIMEOUT_SECONDS: "0" }, /^SHUTDOWN_TIMEOUT_SECONDS: must be between 0.1 and 3600/],
    [{ PRICE_DIGEST_SLACK_CHANNEL: "#general" }, /^PRICE_DIGEST_SLACK_CHANNEL: must be a Slack channel id/],
    [{ PRICE_DIGEST_DISCORD_CHANNEL_ID: "general" }, /^PRICE_DIGEST_DISCORD_CHANNEL_ID: must be a Discord channel id/],
    [{ PRICE_DIGEST_LANG: "fr" }, /^PRICE_DIGEST_LANG: must be en or zh/],
    [{ HEALTH_HOST: "not a host" }, /^HEALTH_HOST: must be an IP address or a host name/],
    [{ METRICS_TOKEN: "short" }, /^METRICS_TOKEN: must be at least 32 characters/],
    [{ MODELWISE_SHARED_SECRET: "short" }, /^MODELWISE_SHARED_SECRET: must be at least 32 characters/],
    [{ MODELWISE_CACHE_KEY: "short" }, /^MODELWISE_CACHE_KEY: must be at least 32 characters/],
  ])("%j", (env, message) => {
    expect(refusal(env)).toMatch(message);
  });

  it("never repeats a secret in the message", () => {
    expect(refusal({ METRICS_TOKEN: "short-but-secret" })).not.toContain("short-but-secret");
    expect(refusal({ REDIS_URL: "http://user:s3cret-pass@redis:6379" })).not.toContain("s3cret-pass");
    expect(refusal({ SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_PORT: "x" })).not.toContain(SLACK_TOKEN);
  });
});

describe("the secret instances sign their Redis messages with", () => {
  it("is MODELWISE_SHARED_SECRET, else derived from the platform secrets, else a refusal naming the variable", () => {
    const shared = "s".repeat(32);
    expect(instanceSecret(readConfig({ DISCORD_PUBLIC_KEY: PUBLIC_KEY, REDIS_URL: "redis://r:6379", MODELWISE_SHARED_SECRET: shared })).toString()).toBe(shared);
    const slack = { SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: SECRET, REDIS_URL: "redis://r:6379" };
    expect(instanceSecret(readConfig(slack))).toEqual(instanceSecret(readConfig(slack)));
    expect(instanceSecret(readConfig(slack)).toString("hex")).not.toContain(Buffer.from(SECRET).toString("hex"));
    expect(() => instanceSecret(readConfig({ DISCORD_PUBLIC_KEY: PUBLIC_KEY, REDIS_URL: "redis://r:6379" }))).toThrow(/^MODELWISE_SHARED_SECRET: is needed with REDIS_URL/);
  });
});

describe("readConfig accepts", () => {
  it("nothing at all: the terminal, in memory, every interface, an 8 s drain", () => {
    const config = readConfig({});
    expect(config).toMatchObject({ slack: null, discord: null, host: null, healthPort: null, redisUrl: null, watchKnowledge: true, shutdownTimeoutMs: 8000 });
    // metrics and probes stay on this machine unless told otherwise; no token opens them on the public ports
    expect(config).toMatchObject({ healthHost: "127.0.0.1", metricsToken: null, sharedSecret: null, cacheKey: null });
    expect(config.knowledgeDir).toMatch(/knowledge\/$/);
    expect(config.instanceId).toMatch(/-\d+$/);
  });

  it("the deployment settings", () => {
    const config = readConfig({
      HOST: "0.0.0.0",
      HEALTH_PORT: "8080",
      REDIS_URL: "rediss://:pw@redis.internal:6380/2",
      INSTANCE_ID: "bot-1",
      SHUTDOWN_TIMEOUT_SECONDS: "25",
      MODELWISE_WATCH: "off",
    });
    expect(config).toMatchObject({
      host: "0.0.0.0",
      healthPort: 8080,
      redisUrl: "rediss://:pw@redis.internal:6380/2",
      instanceId: "bot-1",
      shutdownTimeoutMs: 25_000,
      watchKnowledge: false,
    });
  });

  it.each(["::", "127.0.0.1", "::1", "localhost", "bot.example.com"])("HOST=%s", (host) => {
    expect(readConfig({ HOST: host }).host).toBe(host);
  });

  it("no price digest unless a channel is set, in English by default", () => {
    expect(readConfig({}).priceDigest).toEqual({ slackChannel: null, discordChannelId: null, lang: "en" });
    expect(readConfig({ PRICE_DIGEST_SLACK_CHANNEL: "C0123456789", PRICE_DIGEST_DISCORD_CHANNEL_ID: "123456789012345678", PRICE_DIGEST_LANG: "zh" }).priceDigest).toEqual({
      slackChannel: "C0123456789",
      discordChannelId: "123456789012345678",
      lang: "zh",
    });
  });

  it("empty variables as unset", () => {
    expect(readConfig({ REDIS_URL: "", HEALTH_PORT: " " })).toMatchObject({ redisUrl: null, healthPort: null });
  });
});
