import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { checkSlackToken } from "../src/adapters/slack/identity.ts";
import { chartedReply, errorReply, privateReply, stubDispatcher } from "./fakes/stub-dispatcher.ts";
import { ACK_FIRST_TIMING, BOT_TOKEN, mentionBody, postSigned, postSignedJson, slashAnswer, slashCommandBody, startFakeSlack, startSlackUnderTest } from "./fakes/slack.ts";
import type { CommandInput } from "../src/core/dispatch/command.ts";

/** Each test's answer: what the stub dispatcher gives, chosen by the text. */
function byText(input: CommandInput) {
  if (input.text.includes("fail")) return errorReply(input);
  if (input.text.includes("secret")) return privateReply(input);
  return chartedReply(input);
}

let fake: Awaited<ReturnType<typeof startFakeSlack>>;
let slack: Awaited<ReturnType<typeof startSlackUnderTest>>;
/** the same bot acknowledging every slash command first, so its answers go to the response_url (as slow ones do) */
let ackFirst: Awaited<ReturnType<typeof startSlackUnderTest>>;
let stub: ReturnType<typeof stubDispatcher>;
let id = 0;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  fake = await startFakeSlack();
  stub = stubDispatcher(byText);
  slack = await startSlackUnderTest(null as never, fake.baseUrl, {}, { dispatcher: stub.dispatcher });
  ackFirst = await startSlackUnderTest(null as never, fake.baseUrl, {}, { dispatcher: stub.dispatcher, timing: ACK_FIRST_TIMING });
});
afterAll(async () => {
  await slack?.stop();
  await ackFirst?.stop();
  await fake?.api.close();
  process.off("unhandledRejection", onRejection);
});
beforeEach(() => {
  rejections.length = 0;
});
afterEach(async () => {
  // every delivery (answers, retries, chart uploads) finished, so the next test's faults meet only its own calls
  await slack.inFlight.drain();
  await ackFirst.inFlight.drain();
  fake.clearFaults();
  expect(rejections).toEqual([]);
});

async function slash(text: string, responsePath = `/respond/faults-${++id}`, bot = slack) {
  const response = await postSigned(bot.url, slashCommandBody("compare", text, `${fake.baseUrl}${responsePath}`));
  return { status: response.status, responsePath, response };
}

const countTo = (path: string, after = 0) => fake.api.requests.slice(after).filter((r) => r.path.startsWith(path)).length;

describe("slash commands never depend on the Web API", () => {
  it("checks the token once at start, then never again, however many commands arrive", async () => {
    const before = fake.api.requests.length;
    const asked = await Promise.all(Array.from({ length: 25 }, (_, i) => slash(`gpt-5 deepseek ${i}`)));
    const answers = await Promise.all(asked.map((a) => slashAnswer(fake.api, a.response, a.responsePath)));
    expect(asked.every((a) => a.status === 200)).toBe(true);
    expect(answers.every((a) => JSON.stringify(a.json).includes("$32.50"))).toBe(true);
    // one check by each of the two bots started above, none since
    expect(countTo("/api/auth.test")).toBe(2);
    expect(countTo("/api/auth.test", before)).toBe(0);
  });

  it.each([
    ["in the acknowledgement", () => slack],
    ["through response_url when acknowledged first", () => ackFirst],
  ])("answers %s while every Web API call fails with 500, and logs the lost chart with Slack's code", async (_name, bot) => {
    fake.fail("/api/", ...Array.from({ length: 8 }, () => ({ status: 500 })));
    const { status, responsePath, response } = await slash("gpt-5 deepseek while the API is down", undefined, bot());
    expect(status).toBe(200);
    const posted = await slashAnswer(fake.api, response, responsePath);
    expect(posted.inAck).toBe(bot() === slack);
    expect(JSON.stringify(posted.json)).toContain("$32.50");
    const line = await bot().sink.next(/chart upload failed/);
    expect(line).toMatch(/"code":"http_500"/);
  });
});

describe("Web API calls are retried, honouring Retry-After", () => {
  it("answers a mention after a 429 with Retry-After: 1, waiting at least that long", async () => {
    fake.fail("/api/chat.postMessage", { status: 429, retryAfterS: 1 });
    const before = fake.api.requests.length;
    expect((await postSignedJson(slack.url, mentionBody("compare gpt-5 deepseek"))).status).toBe(200);
    await fake.api.next("/api/chat.postMessage", before);
    const first = Date.now();
    const delivered = await fake.api.next("/api/chat.postMessage", fake.api.requests.length);
    expect(Date.now() - first).toBeGreaterThanOrEqual(950);
    expect(JSON.stringify(delivered.json)).toContain("32.50");
  });

  it("waits no longer than its cap when Slack says Retry-After: 100000 (27.8 hours)", async () => {
    fake.fail("/api/chat.postMessage", { status: 429, retryAfterS: 100_000 });
    const before = fake.api.requests.length;
    expect((await postSignedJson(slack.url, mentionBody("compare gpt-5 deepseek"))).status).toBe(200);
    await fake.api.next("/api/chat.postMessage", before);
    const delivered = await fake.api.next("/api/chat.postMessage", fake.api.requests.length, 5_000);
    expect(JSON.stringify(delivered.json)).toContain("32.50");
  });

  it("and the same on a response_url", async () => {
    const responsePath = "/respond/long-retry-after";
    fake.fail(responsePath, { status: 429, retryAfterS: 100_000 });
    const before = fake.api.requests.length;
    await slash("gpt-5 deepseek after a long Retry-After", responsePath, ackFirst);
    await fake.api.next(responsePath, before);
    const delivered = await fake.api.next(responsePath, fake.api.requests.length, 5_000);
    expect(JSON.stringify(delivered.json)).toContain("32.50");
  });

  it.each([
    ["a 500", { status: 500 }],
    ["a reset connection", { reset: true as const }],
    ["an answer slower than the timeout", { delayMs: 1500 }],
  ])("answers a mention after %s", async (_name, fault) => {
    fake.fail("/api/chat.postMessage", fault);
    const before = fake.api.requests.length;
    await postSignedJson(slack.url, mentionBody("compare gpt-5 deepseek"));
    const ok = async () => {
      for (;;) {
        const seen = fake.api.requests.length;
        await fake.api.next("/api/chat.postMessage", seen);
        if (countTo("/api/chat.postMessage", before) >= 2) return;
      }
    };
    await ok();
    expect(countTo("/api/chat.postMessage", before)).toBeGreaterThanOrEqual(2);
    await slack.inFlight.drain();
    expect(slack.logs.join("\n")).not.toMatch(/answer to a mention could not be delivered/);
  });
});

describe("nothing is lost silently", () => {
  it("acknowledges a command whose answer is not ready within a second, and delivers the answer to its response_url once ready", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const late = stubDispatcher(async (input) => {
      await gate;
      return chartedReply(input);
    });
    const lateSlack = await startSlackUnderTest(null as never, fake.baseUrl, {}, { dispatcher: late.dispatcher });
    try {
      const path = `/respond/late-${++id}`;
      const response = await postSigned(lateSlack.url, slashCommandBody("compare", "gpt-5 deepseek", `${fake.baseUrl}${path}`));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("");
      release();
      const posted = await fake.api.next(path);
      expect(JSON.stringify(posted.json)).toContain("$32.50");
      await lateSlack.inFlight.drain();
      expect(lateSlack.logs.join("\n")).not.toMatch(/ERR_HTTP_HEADERS_SENT|could not be delivered/);
    } finally {
      await lateSlack.stop();
    }
  });

  it("logs an answer whose response_url is gone (404) once, without retrying it", async () => {
    const { responsePath } = await slash("gpt-5 deepseek", `/respond/gone-${++id}`, ackFirst);
    await fake.api.next(responsePath);
    await ackFirst.inFlight.drain();
    expect(countTo(responsePath)).toBe(1);
    expect(ackFirst.logs.filter((l) => l.includes("could not be delivered") && l.includes("HTTP 404"))).toHaveLength(1);
  });

  it("retries a response_url that answers 500, and delivers", async () => {
    const path = `/respond/flaky-${++id}`;
    fake.fail(path, { status: 500 });
    await slash("gpt-5 deepseek", path, ackFirst);
    await ackFirst.inFlight.drain();
    expect(countTo(path)).toBe(2);
  });
});

describe("errors and private answers to a mention go to the asker alone", () => {
  it.each([
    ["an error", "fail please"],
    ["a private answer", "secret please"],
  ])("%s is posted with chat.postEphemeral to the asker, in the thread", async (_name, text) => {
    const before = fake.api.requests.length;
    await postSignedJson(slack.url, mentionBody(text, { user: "U777" }));
    const posted = (await fake.api.next("/api/chat.postEphemeral", before)).json as Record<string, string>;
    expect(posted).toMatchObject({ user: "U777", channel: "C1", thread_ts: "1700000000.000100" });
    await slack.inFlight.drain();
    expect(countTo("/api/chat.postMessage", before)).toBe(0);
  });
});

describe("start-up says in one line why Slack cannot be used", () => {
  it("names SLACK_BOT_TOKEN when Slack refuses the token", async () => {
    await expect(checkSlackToken("xoxb-wrong", `${fake.baseUrl}/api/`, 1000)).rejects.toThrow(/^SLACK_BOT_TOKEN: Slack did not accept it \(invalid_auth\)$/);
  });

  it("names the URL when nothing listens there, at once", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(checkSlackToken(BOT_TOKEN, `http://127.0.0.1:${port}/api/`, 1000)).rejects.toThrow(
      `SLACK_API_URL: cannot check the token: Slack's API at http://127.0.0.1:${port}/api/ is unreachable (ECONNREFUSED)`,
    );
  });

  it.each([
    ["a user name and password", (port: number) => `http://ada:s3cret-pass@127.0.0.1:${port}/api/`],
    ["a token in the query", (port: number) => `http://127.0.0.1:${port}/api/?token=s3cret-pass&x=/`],
  ])("never repeats credentials written into SLACK_API_URL (%s)", async (_name, urlAt) => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await checkSlackToken(BOT_TOKEN, urlAt(port), 1000).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(new RegExp(`^SLACK_API_URL: cannot check the token: Slack's API at http://127\\.0\\.0\\.1:${port}/api/ is unreachable \\(`));
    expect(error?.message).not.toContain("s3cret");
  });

  it("gives up after its timeout when the API accepts but never answers", async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const started = Date.now();
    try {
      await expect(checkSlackToken(BOT_TOKEN, `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api/`, 300)).rejects.toThrow(/is unreachable \(no answer within 0.3 s\)/);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      silent.close();
    }
  });
});
