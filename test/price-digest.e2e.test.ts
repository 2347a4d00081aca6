import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { BOT_TOKEN as DISCORD_BOT_TOKEN, ed25519Keys, startDiscordEmulator } from "./fakes/discord.ts";
import { BOT_TOKEN, SIGNING_SECRET, startFakeSlack } from "./fakes/slack.ts";
import { ROOT, ensureBuilt, freePort, killBots, startBuiltBot } from "./production-bot.ts";

const SLACK_CHANNEL = "C0PRICEDIGEST";
const DISCORD_CHANNEL = "123456789012345678";

let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let discord: Awaited<ReturnType<typeof startDiscordEmulator>>;
let knowledgeDir: string;

beforeAll(async () => {
  ensureBuilt();
  slack = await startFakeSlack();
  discord = await startDiscordEmulator();
  knowledgeDir = mkdtempSync(join(tmpdir(), "modelwise-digest-"));
  cpSync(join(ROOT, "knowledge"), knowledgeDir, { recursive: true });
}, 120_000);
afterAll(async () => {
  await slack?.api.close();
  await discord?.close();
  rmSync(knowledgeDir, { recursive: true, force: true });
});
afterEach(() => killBots());

it("posts the changed price to the Slack and Discord digest channels after an edit of models.yaml", async () => {
  const bot = startBuiltBot({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_PORT: String(await freePort()),
    SLACK_API_URL: `${slack.baseUrl}/api/`,
    DISCORD_PUBLIC_KEY: ed25519Keys().publicKeyHex,
    DISCORD_TOKEN: DISCORD_BOT_TOKEN,
    DISCORD_INTERACTIONS_PORT: String(await freePort()),
    DISCORD_API_URL: discord.apiUrl,
    HOST: "127.0.0.1",
    MODELWISE_KNOWLEDGE_DIR: knowledgeDir,
    PRICE_DIGEST_SLACK_CHANNEL: SLACK_CHANNEL,
    PRICE_DIGEST_DISCORD_CHANNEL_ID: DISCORD_CHANNEL,
  });
  await bot.waitFor(/"msg":"ready"/);
  const slackSeen = slack.api.requests.length;
  const discordSeen = discord.rest.requests.length;

  const models = join(knowledgeDir, "models.yaml");
  const yaml = readFileSync(models, "utf8");
  // a new price with its date, as knowledge/README.md asks: newer than the second source's, so it is the one used
  const edited = yaml
    .replace(/(- id: gpt-5\n(?:[ \t]+.*\n)*?[ \t]+inputPer1M: )1\.25\n/, "$11.5\n")
    .replace(/(- id: gpt-5\n(?:[ \t]+.*\n)*?[ \t]+asOf: )2026-07-24\n/, "$12026-11-27\n");
  expect(edited).not.toBe(yaml);
  writeFileSync(models, edited);

  const posted = await slack.api.next("/api/chat.postMessage", slackSeen, 20_000);
  const message = posted.json as { channel: string; text: string };
  expect(message.channel).toBe(SLACK_CHANNEL);
  expect(message.text).toContain("Prices changed");
  expect(message.text).toMatch(/GPT-5 input: \$1\.25 → \$1\.50/);
  expect(posted.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);

  const sent = await discord.rest.next(`/api/v10/channels/${DISCORD_CHANNEL}/messages`, discordSeen, 20_000);
  expect((sent.json as { content: string }).content).toMatch(/GPT-5 input: \$1\.25 → \$1\.50/);
  expect(bot.output()).not.toContain(BOT_TOKEN);
}, 60_000);
