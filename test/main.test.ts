import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { BOT_TOKEN, SIGNING_SECRET, postSigned, slashCommandBody, startFakeSlack } from "./fakes/slack.ts";
import { BOT_TOKEN as DISCORD_TOKEN, interaction, startDiscordEmulator } from "./fakes/discord.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, MODELWISE_TODAY: "2026-11-28", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, timeoutMs = 15_000) => {
    const until = Date.now() + timeoutMs;
    while (!pattern.test(stdout + stderr)) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; output:\n${stdout}${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, exited, waitFor, output: () => stdout + stderr };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("npm start with Slack settings", () => {
  it.each([
    [{ SLACK_BOT_TOKEN: "not-a-token", SLACK_SIGNING_SECRET: SIGNING_SECRET }, /SLACK_BOT_TOKEN: does not look right/],
    [{ SLACK_BOT_TOKEN: BOT_TOKEN }, /SLACK_SIGNING_SECRET: is required/],
    [{ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: "http" }, /SLACK_PORT: must be a port number/],
    [{ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: "xoxb-wrong-kind" }, /SLACK_APP_TOKEN: does not look right/],
  ])("refuses %j with one clear line naming the variable", async (env, message) => {
    const run = start(env);
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(message);
    expect(run.output()).not.toMatch(/\n\s+at /);
    expect(run.output()).not.toContain(BOT_TOKEN);
  });

  it("serves Slack, then on SIGTERM stops, finishes and exits 0", async () => {
    const fake = await startFakeSlack();
    const port = await freePort();
    const run = start({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: String(port), SLACK_API_URL: `${fake.baseUrl}/api/` });
    try {
      await run.waitFor(/Slack is listening/);
      const response = await postSigned(`http://127.0.0.1:${port}/slack/events`, slashCommandBody("compare", "gpt-5 deepseek", `${fake.baseUrl}/respond/main`));
      expect(response.status).toBe(200);
      run.child.kill("SIGTERM");
      expect(await run.exited).toBe(0);
      const posted = await fake.api.next("/respond/main", 0, 1000);
      expect(JSON.stringify(posted.json)).toContain("GPT-5");
      expect(run.output()).not.toContain(BOT_TOKEN);
      expect(run.output()).not.toContain(SIGNING_SECRET);
    } finally {
      await fake.api.close();
    }
  });

  it("a token Slack rejects is a startup error, not a crash", async () => {
    const fake = await startFakeSlack();
    const port = await freePort();
    const run = start({ SLACK_BOT_TOKEN: "xoxb-revoked-token-1", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: String(port), SLACK_API_URL: `${fake.baseUrl}/api/` });
    try {
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(/SLACK_BOT_TOKEN: Slack did not accept it \(invalid_auth\)/);
      expect(run.output()).not.toMatch(/\n\s+at /);
    } finally {
      await fake.api.close();
    }
  });
});

describe("npm start with Discord settings", () => {
  it.each([
    [{ DISCORD_TOKEN: "abc" }, /DISCORD_TOKEN: does not look like a bot token/],
    [{ DISCORD_PUBLIC_KEY: "xyz" }, /DISCORD_PUBLIC_KEY: must be the 64 hex characters/],
    [{ DISCORD_TOKEN: DISCORD_TOKEN, DISCORD_SHARDS: "many" }, /DISCORD_SHARDS: must be a positive number or auto/],
    [{ DISCORD_TOKEN: DISCORD_TOKEN, DISCORD_API_URL: "ftp://x/" }, /DISCORD_API_URL: must be an http\(s\) URL/],
  ])("refuses %j with one clear line naming the variable", async (env, message) => {
    const run = start(env);
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(message);
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it("connects to the gateway, answers, and exits 0 on SIGTERM", async () => {
    const emulator = await startDiscordEmulator();
    const run = start({ DISCORD_TOKEN, DISCORD_API_URL: emulator.apiUrl });
    try {
      await run.waitFor(/Discord gateway is connected/);
      const payload = interaction({ name: "compare", options: [{ name: "model1", type: 3, value: "gpt-5" }, { name: "model2", type: 3, value: "deepseek" }] });
      emulator.dispatch(payload);
      const callback = await emulator.rest.next(`/api/v10/interactions/${payload.id}/`);
      expect(JSON.stringify(callback.json)).toContain("GPT-5");
      run.child.kill("SIGTERM");
      expect(await run.exited).toBe(0);
      expect(run.output()).not.toContain(DISCORD_TOKEN);
    } finally {
      await emulator.close();
    }
  });

  it("runs the bot under the ShardingManager with DISCORD_SHARDS", async () => {
    const emulator = await startDiscordEmulator();
    const run = start({ DISCORD_TOKEN, DISCORD_API_URL: emulator.apiUrl, DISCORD_SHARDS: "2" });
    try {
      const until = Date.now() + 30_000;
      while (emulator.identifies.length < 2 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(emulator.identifies.map((i) => i.shard).sort()).toEqual([[0, 2], [1, 2]]);
      run.child.kill("SIGTERM");
      expect(await run.exited).toBe(0);
    } finally {
      await emulator.close();
    }
  }, 60_000);
});
