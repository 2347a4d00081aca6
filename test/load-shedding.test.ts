import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_IN_FLIGHT } from "../src/runtime/in-flight.ts";
import { interaction } from "./fakes/discord.ts";
import { startDiscordHttpUnderTest } from "./fakes/discord-http.ts";
import { postSigned, slashAnswer, slashCommandBody, startFakeSlack, startSlackUnderTest } from "./fakes/slack.ts";
import { realSnapshot } from "./helpers.ts";

/** Fills a server's answers in flight to the cap with work that finishes when `release` is called. */
function fill(inFlight: { track(work: Promise<unknown>): unknown }) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // each its own promise: the same one tracked twice counts once
  for (let i = 0; i < MAX_IN_FLIGHT; i++) inFlight.track(held.then(() => undefined));
  return release;
}

describe("a flooded server turns new questions away at once instead of buffering them", () => {
  let fake: Awaited<ReturnType<typeof startFakeSlack>>;
  let slack: Awaited<ReturnType<typeof startSlackUnderTest>>;
  let discord: Awaited<ReturnType<typeof startDiscordHttpUnderTest>>;
  beforeAll(async () => {
    const kb = await realSnapshot();
    fake = await startFakeSlack();
    slack = await startSlackUnderTest(kb, fake.baseUrl);
    discord = await startDiscordHttpUnderTest(kb);
  });
  afterAll(async () => {
    await slack?.stop();
    await fake?.api.close();
    await discord?.stop();
  });

  it("Slack: the acknowledgement itself tells only the asker, in their language, and nothing is posted later", async () => {
    const release = fill(slack.inFlight);
    try {
      const before = fake.api.requests.length;
      const english = await postSigned(slack.url, slashCommandBody("compare", "gpt-5 deepseek", `${fake.baseUrl}/respond/shed-en`));
      expect(english.status).toBe(200);
      expect(await english.json()).toEqual({ response_type: "ephemeral", text: expect.stringContaining("ask again in a few seconds") });
      const chinese = await postSigned(slack.url, slashCommandBody("compare", "gpt-5 和 深度求索 哪个便宜", `${fake.baseUrl}/respond/shed-zh`));
      expect(((await chinese.json()) as { text: string }).text).toContain("请过几秒再问一次");
      expect(fake.api.requests.slice(before).filter((r) => r.path.startsWith("/respond/shed"))).toEqual([]);
    } finally {
      release();
    }
  });

  it("Slack: once the backlog clears, questions are answered again", async () => {
    const response = await postSigned(slack.url, slashCommandBody("compare", "gpt-5 deepseek", `${fake.baseUrl}/respond/after-shed`));
    const answer = await slashAnswer(fake.api, response, "/respond/after-shed");
    expect(answer.json).toMatchObject({ response_type: "in_channel" });
    expect(JSON.stringify(answer.json)).toContain("GPT-5");
  });

  it("Discord: an ephemeral message in the asker's client language, answered at once", async () => {
    const release = fill(discord.inFlight);
    try {
      const response = await discord.post(interaction({ name: "compare", locale: "zh-TW", options: [{ name: "model1", type: 3, value: "gpt-5" }] }));
      expect(response.status).toBe(200);
      const body = (await response.json()) as { type: number; data: { content: string; flags: number } };
      expect(body.type).toBe(4);
      expect(body.data.flags).toBe(64);
      expect(body.data.content).toContain("請過幾秒再問一次");
    } finally {
      release();
    }
  });
});
