import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BOT_TOKEN as DISCORD_TOKEN, interaction, startDiscordEmulator } from "./fakes/discord.ts";
import { BOT_TOKEN, SIGNING_SECRET, postSigned, slashAnswer, slashCommandBody, startFakeSlack } from "./fakes/slack.ts";
import { ensureBuilt, freePort, killBots, loggedPort, startBuiltBot } from "./production-bot.ts";

// Every wrong setting is refused by readConfig (test/config.test.ts); these start the built bot as production does.
beforeAll(() => ensureBuilt(), 120_000);
afterEach(() => killBots());

describe("the built bot with Slack settings", () => {
  it("refuses a wrong setting with one clear line naming the variable, and no secret", async () => {
    const bot = startBuiltBot({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: "http" });
    expect((await bot.exited).code).toBe(1);
    expect(bot.output()).toMatch(/^modelwise: SLACK_PORT: must be a port number, not "http"\. See \.env\.example\.\n$/);
    expect(bot.output()).not.toContain(BOT_TOKEN);
  });

  it("serves Slack, then on SIGTERM stops, finishes and exits 0", async () => {
    const fake = await startFakeSlack();
    const port = await freePort();
    const bot = startBuiltBot({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: String(port), SLACK_API_URL: `${fake.baseUrl}/api/` });
    try {
      await bot.waitFor(/Slack is listening/);
      const response = await postSigned(`http://127.0.0.1:${port}/slack/events`, slashCommandBody("compare", "gpt-5 deepseek", `${fake.baseUrl}/respond/main`));
      expect(response.status).toBe(200);
      const posted = await slashAnswer(fake.api, response, "/respond/main");
      bot.child.kill("SIGTERM");
      expect((await bot.exited).code).toBe(0);
      expect(JSON.stringify(posted.json)).toContain("GPT-5");
      expect(bot.output()).not.toContain(BOT_TOKEN);
      expect(bot.output()).not.toContain(SIGNING_SECRET);
    } finally {
      await fake.api.close();
    }
  });

  it("a token Slack rejects is a startup error, not a crash", async () => {
    const fake = await startFakeSlack();
    const bot = startBuiltBot({
      SLACK_BOT_TOKEN: "xoxb-revoked-token-1",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_PORT: String(await freePort()),
      SLACK_API_URL: `${fake.baseUrl}/api/`,
    });
    try {
      expect((await bot.exited).code).toBe(1);
      expect(bot.output()).toMatch(/SLACK_BOT_TOKEN: Slack did not accept it \(invalid_auth\)/);
      expect(bot.output()).not.toMatch(/\n\s+at /);
    } finally {
      await fake.api.close();
    }
  });
});

describe("the built bot with Discord settings", () => {
  it("connects to the gateway, answers, serves its health port, and exits 0 on SIGTERM", async () => {
    const emulator = await startDiscordEmulator();
    const bot = startBuiltBot({ DISCORD_TOKEN, DISCORD_API_URL: emulator.apiUrl, HEALTH_PORT: "0", HOST: "127.0.0.1" });
    try {
      await bot.waitFor(/Discord gateway is connected/);
      const health = `http://127.0.0.1:${loggedPort(bot, /health endpoint is listening/)}`;
      await bot.waitFor(/"msg":"ready"/);
      expect((await fetch(`${health}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${health}/readyz`)).json()).toMatchObject({ ready: true, checks: { discord: true } });
      expect((await fetch(`${health}/slack/events`)).status).toBe(404);
      const payload = interaction({
        name: "compare",
        options: [
          { name: "model1", type: 3, value: "gpt-5" },
          { name: "model2", type: 3, value: "deepseek" },
        ],
      });
      emulator.dispatch(payload);
      const callback = await emulator.rest.next(`/api/v10/interactions/${payload.id}/`);
      expect(JSON.stringify(callback.json)).toContain("GPT-5");
      expect(await (await fetch(`${health}/metrics`)).text()).toMatch(/^modelwise_commands_total\{command="compare",surface="discord",outcome="ok"\} 1$/m);
      bot.child.kill("SIGTERM");
      expect((await bot.exited).code).toBe(0);
      expect(bot.output()).not.toContain(DISCORD_TOKEN);
    } finally {
      await emulator.close();
    }
  });

  it("runs the built shards under the ShardingManager with DISCORD_SHARDS", async () => {
    const emulator = await startDiscordEmulator();
    const bot = startBuiltBot({ DISCORD_TOKEN, DISCORD_API_URL: emulator.apiUrl, DISCORD_SHARDS: "2" });
    try {
      const until = Date.now() + 30_000;
      while (emulator.identifies.length < 2 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(emulator.identifies.map((i) => i.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      bot.child.kill("SIGTERM");
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      expect(bot.output()).not.toMatch(/tsx/);
    } finally {
      await emulator.close();
    }
  }, 60_000);
});
