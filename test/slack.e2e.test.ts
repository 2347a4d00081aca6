import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import {
  BOT_TOKEN,
  mentionBody,
  postSigned,
  postSignedJson,
  SIGNING_SECRET,
  signSlack,
  slashAnswer,
  slashCommandBody,
  startFakeSlack,
  startSlackUnderTest,
} from "./fakes/slack.ts";
import { realSnapshot, testDispatcher } from "./helpers.ts";
import { countingDispatcher } from "./fakes/counting.ts";
import { DEFAULT_COMMAND_PREFIX, DEFAULT_SHORT_COMMANDS } from "../src/config/slack.ts";
import { decodePng } from "./png.ts";

let kb: KnowledgeSnapshot;
let fake: Awaited<ReturnType<typeof startFakeSlack>>;
let slack: Awaited<ReturnType<typeof startSlackUnderTest>>;
let nextId = 0;
let answered: () => number;

beforeAll(async () => {
  kb = await realSnapshot();
  fake = await startFakeSlack();
  const counting = countingDispatcher(testDispatcher(kb));
  answered = counting.count;
  slack = await startSlackUnderTest(kb, fake.baseUrl, { adminUserIds: ["UADMIN"] }, { dispatcher: counting.dispatcher });
});
afterAll(async () => {
  await slack?.stop();
  await fake?.api.close();
});

interface Posted {
  response_type: string;
  text: string;
  blocks: { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] }[];
}

/** Typed the way a user would: the short command where one is installed, else under /modelwise. */
async function slashCommand(command: string, text: string, userId = "U123", appUrl?: string) {
  const responsePath = `/respond/${++nextId}`;
  const [slash, line] = DEFAULT_SHORT_COMMANDS.includes(command) ? [command, text] : [DEFAULT_COMMAND_PREFIX, `${command} ${text}`];
  const body = slashCommandBody(slash, line, `${fake.baseUrl}${responsePath}`, userId);
  const started = Date.now();
  const response = await postSigned(appUrl ?? slack.url, body);
  const ackMs = Date.now() - started;
  const answer = await slashAnswer(fake.api, response, responsePath);
  return { status: response.status, ackBody: answer.ackBody, inAck: answer.inAck, ackMs, posted: answer.json as Posted };
}

const blockText = (posted: Posted) =>
  posted.blocks.map((b) => [b.text?.text, ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => e.text)].join("\n")).join("\n");

describe("Slack slash commands through Bolt's real HTTP receiver", () => {
  it("answers with a Block Kit comparison for the channel in the acknowledgement itself", async () => {
    const before = fake.api.requests.length;
    const { status, inAck, posted } = await slashCommand("compare", "gpt-5 deepseek");
    expect(status).toBe(200);
    expect(inAck).toBe(true);
    expect(fake.api.requests.slice(before).filter((r) => r.path.startsWith("/respond/"))).toEqual([]);
    expect(posted.response_type).toBe("in_channel");
    expect(posted.blocks[0]).toMatchObject({ type: "header", text: { text: expect.stringContaining("GPT-5 vs DeepSeek") } });
    const text = blockText(posted);
    expect(text).toContain("$32.50");
    expect(text).toContain("```");
    expect(posted.blocks.at(-1)).toMatchObject({ type: "context" });
    expect(text).toMatch(/as of 2026-07-24/);
    expect(posted.text).toContain("GPT-5");
  });

  it("answers a short question in the acknowledgement, and a pasted document after an empty one, at response_url", async () => {
    const short = await slashCommand("estimate", "Summarize this email for me");
    expect(short.inAck).toBe(true);
    expect(blockText(short.posted)).toContain("tokens in your text");
    const paste = await slashCommand("estimate", "Summarize this email for me. ".repeat(200));
    expect(paste.inAck).toBe(false);
    expect(paste.ackBody).toBe("");
    expect(blockText(paste.posted)).toContain("tokens in your text");
  });

  it("acknowledges first a document pasted under /modelwise with no command word, as /ask does", async () => {
    const paste = await slashCommand("modelwise", `how much would this cost on gpt-5: ${"Summarize this email for me. ".repeat(200)}`);
    expect(paste.inAck).toBe(false);
    expect(paste.ackBody).toBe("");
    expect(blockText(paste.posted)).toContain("tokens in your text");
  });

  it("says the chart was skipped when the render queue is full, and still answers", async () => {
    // a renderer whose queue is full for as long as the test needs: the real queue's refusal is tested in charts.test.ts
    let drawn = 0;
    const full = {
      canTake: () => false,
      render: async () => {
        drawn++;
        return Buffer.alloc(0);
      },
    };
    const held = await startSlackUnderTest(kb, fake.baseUrl, {}, { charts: full });
    try {
      const { posted } = await slashCommand("compare", "gpt-5 deepseek in:7M", "U123", held.url);
      expect(blockText(posted)).toContain("Chart skipped: many answers are being drawn right now. Ask again for it.");
      expect(blockText(posted)).toContain("GPT-5");
      expect(drawn).toBe(0);
    } finally {
      await held.stop();
    }
  });

  it("uploads the chart to the channel with files.uploadV2, with alt text", async () => {
    const before = fake.api.requests.length;
    await slashCommand("compare", "gpt-5 deepseek");
    const asked = await fake.api.next("/api/files.getUploadURLExternal", before);
    expect(asked.json).toMatchObject({ filename: "modelwise-chart.png", alt_text: expect.stringContaining("GPT-5 vs DeepSeek") });
    const upload = await fake.api.next("/upload/F123", before);
    expect(decodePng(upload.raw.subarray(upload.raw.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47])))).width).toBeGreaterThanOrEqual(900);
    const complete = await fake.api.next("/api/files.completeUploadExternal", before);
    expect(complete.json).toMatchObject({ channel_id: "C1" });
  });

  it("answers a Chinese question in Chinese", async () => {
    const { posted } = await slashCommand("cheapest", "编程 context:200k");
    expect(posted.blocks[0]!.text!.text).toContain("各档位最便宜的模型");
    expect(blockText(posted)).toContain("超低成本");
  });

  it("sends errors and /help back privately, with suggestions", async () => {
    const error = await slashCommand("compare", "gpt-5, gpt-6");
    expect(error.posted.response_type).toBe("ephemeral");
    expect(blockText(error.posted)).toContain("gpt-6");
    expect(blockText(error.posted)).toContain("Did you mean");
    const help = await slashCommand("help", "");
    expect(help.posted.response_type).toBe("ephemeral");
  });

  it("answers privately when asked with private:yes", async () => {
    const { posted } = await slashCommand("compare", "gpt-5 deepseek private:yes");
    expect(posted.response_type).toBe("ephemeral");
    expect(posted.blocks[0]!.text!.text).toContain("GPT-5");
  });

  it("never lets echoed text ping anyone", async () => {
    const { posted } = await slashCommand("models", "<!channel> <@U999>");
    // the header is plain_text, which Slack never parses for mentions; everything parsed as mrkdwn is escaped
    expect(posted.blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text" } });
    const mrkdwn = JSON.stringify({ text: posted.text, blocks: posted.blocks.slice(1) });
    expect(mrkdwn).not.toMatch(/<!channel>|<@U999>/);
    expect(mrkdwn).toContain("&lt;!channel&gt;");
  });

  it("answers an @mention in its thread", async () => {
    const before = fake.api.requests.length;
    const body = JSON.stringify({
      token: "t",
      team_id: "T1",
      api_app_id: "A1",
      type: "event_callback",
      event_id: "Ev1",
      event_time: 1700000000,
      authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
      event: { type: "app_mention", user: "U123", text: "<@UBOT> is deepseek cheaper than gpt-5?", ts: "1700000000.000100", channel: "C1", event_ts: "1700000000.000100" },
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(slack.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signSlack(body, timestamp) },
      body,
    });
    expect(response.status).toBe(200);
    const posted = await fake.api.next("/api/chat.postMessage", before);
    const form = posted.json as Record<string, string>;
    const message = { ...form, blocks: JSON.parse(form.blocks!) } as Posted & { thread_ts: string; channel: string };
    expect(message.thread_ts).toBe("1700000000.000100");
    expect(message.channel).toBe("C1");
    expect(blockText(message)).toContain("DeepSeek");
    expect(posted.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it("tells the asker in the thread, privately, when Slack refuses a mention's chart", async () => {
    // earlier answers' charts still uploading must not meet the refusal meant for this one
    await slack.inFlight.drain();
    fake.fail("/api/files.getUploadURLExternal", { slackError: "not_in_channel" });
    const before = fake.api.requests.length;
    await postSignedJson(slack.url, mentionBody("/compare gpt-5 deepseek", { user: "U77", ts: "1700000300.000100", eventId: "EvChartRefused" }));
    const answer = await fake.api.next("/api/chat.postMessage", before);
    const note = await fake.api.next("/api/chat.postEphemeral", before);
    expect(fake.api.requests.indexOf(note)).toBeGreaterThan(fake.api.requests.indexOf(answer));
    expect(note.json).toMatchObject({ user: "U77", channel: "C1", thread_ts: "1700000300.000100", text: expect.stringContaining("not in this channel") });
  });

  it("keeps /status and /reload for the admins in SLACK_ADMIN_USER_IDS", async () => {
    const refused = await slashCommand("status", "", "U123");
    expect(refused.posted.response_type).toBe("ephemeral");
    expect(blockText(refused.posted)).toContain("for the bot's admins");
    const allowed = await slashCommand("status", "", "UADMIN");
    expect(allowed.posted.blocks[0]!.text!.text).toBe("Knowledge status");
    const reload = await slashCommand("reload", "", "UADMIN");
    expect(reload.posted.blocks[0]!.text!.text).toContain("Knowledge reloaded");
  });

  it("never logs the bot token or the signing secret", async () => {
    await slashCommand("compare", "gpt-5 deepseek");
    const logs = slack.logs.join("\n");
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(BOT_TOKEN);
    expect(logs).not.toContain(SIGNING_SECRET);
  });
});

describe("requests Slack did not sign are refused with 401 and run nothing", () => {
  const body = () => slashCommandBody("compare", "gpt-5 deepseek", `${fake.baseUrl}/respond/never`);
  const now = () => Math.floor(Date.now() / 1000);

  it.each<[string, () => Record<string, string>, (b: string) => string]>([
    ["a wrong signature", () => ({ "x-slack-request-timestamp": String(now()), "x-slack-signature": signSlack("other", now(), "0".repeat(32)) }), (b) => b],
    ["a body changed after signing", () => ({ "x-slack-request-timestamp": String(now()), "x-slack-signature": signSlack(body(), now()) }), (b) => b.replace("deepseek", "claude")],
    ["a timestamp older than 5 minutes", () => ({ "x-slack-request-timestamp": String(now() - 301), "x-slack-signature": signSlack(body(), now() - 301) }), (b) => b],
    ["missing headers", () => ({}), (b) => b],
    ["a wrong version prefix", () => ({ "x-slack-request-timestamp": String(now()), "x-slack-signature": signSlack(body(), now(), SIGNING_SECRET, "v1") }), (b) => b],
  ])("%s", async (_name, headers, tamper) => {
    const before = fake.api.requests.length;
    const answeredBefore = answered();
    const response = await fetch(slack.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers() },
      body: tamper(body()),
    });
    expect(response.status).toBe(401);
    // a 401 is sent before any listener could run, so nothing can have been answered by now
    expect(answered()).toBe(answeredBefore);
    expect(fake.api.requests.slice(before).filter((r) => r.path.startsWith("/respond/"))).toEqual([]);
  });
});
