import type { IncomingMessage, ServerResponse } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_INTERACTION_BYTES } from "../src/adapters/discord/http-interactions.ts";
import { MAX_FORM_BODY_BYTES, MAX_JSON_BODY_BYTES } from "../src/adapters/slack/http-receiver.ts";
import { createBoundedServer, HTTP_BOUNDS, readBoundedBody } from "../src/runtime/http-bounds.ts";
import { interaction, signDiscord } from "./fakes/discord.ts";
import { startDiscordHttpUnderTest } from "./fakes/discord-http.ts";
import { postSigned, postSignedJson, signSlack, slashCommandBody, startFakeSlack, startSlackUnderTest } from "./fakes/slack.ts";
import { stubDispatcher } from "./fakes/stub-dispatcher.ts";

let fake: Awaited<ReturnType<typeof startFakeSlack>>;
let slack: Awaited<ReturnType<typeof startSlackUnderTest>>;
let discord: Awaited<ReturnType<typeof startDiscordHttpUnderTest>>;
let stub: ReturnType<typeof stubDispatcher>;

beforeAll(async () => {
  fake = await startFakeSlack();
  stub = stubDispatcher();
  slack = await startSlackUnderTest(null as never, fake.baseUrl, {}, { dispatcher: stub.dispatcher });
  discord = await startDiscordHttpUnderTest(null, { dispatcher: stub.dispatcher });
});
afterAll(async () => {
  await slack?.stop();
  await discord?.stop();
  await fake?.api.close();
});

const now = () => Math.floor(Date.now() / 1000);
const portOf = (url: string) => Number(new URL(url).port);

/** A raw connection that sends `text` and then nothing more; resolves once the server closes it. */
function halfSent(url: string, text: string): { socket: Socket; closed: Promise<{ ms: number; answer: string }> } {
  const started = performance.now();
  const socket = connect(portOf(url), "127.0.0.1", () => socket.write(text));
  let answer = "";
  socket.on("data", (chunk) => (answer += chunk));
  socket.on("error", () => undefined);
  const closed = new Promise<{ ms: number; answer: string }>((resolve) => socket.on("close", () => resolve({ ms: performance.now() - started, answer })));
  return { socket, closed };
}

describe("a signed body that is not an object gets 400, which Slack does not retry", () => {
  it.each(["null", "42", '"text"', "[1]", "{broken"])("Slack event body %s", async (body) => {
    const answered = stub.inputs.length;
    expect((await postSignedJson(slack.url, body)).status).toBe(400);
    expect(stub.inputs.length).toBe(answered);
  });

  it.each(["null", "[1]", "{broken"])("Discord interaction body %s", async (body) => {
    const timestamp = String(now());
    const response = await fetch(discord.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-signature-ed25519": signDiscord(discord.keys.privateKey, timestamp, body), "x-signature-timestamp": timestamp },
      body,
    });
    expect(response.status).toBe(400);
  });
});

describe("before a request is authenticated, only what a real platform request needs is read", () => {
  it("a signed slash command over 64 KB gets 413 and runs nothing", async () => {
    const answered = stub.inputs.length;
    const body = slashCommandBody("compare", "x".repeat(MAX_FORM_BODY_BYTES), `${fake.baseUrl}/respond/big`);
    expect((await postSigned(slack.url, body)).status).toBe(413);
    expect(stub.inputs.length).toBe(answered);
  });

  it("a signed event over 256 KB gets 413, declared or streamed", async () => {
    const body = JSON.stringify({ type: "event_callback", event_id: "EvBig", padding: "x".repeat(MAX_JSON_BODY_BYTES) });
    const timestamp = now();
    const headers = { "content-type": "application/json", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signSlack(body, timestamp) };
    const declared = await fetch(slack.url, { method: "POST", headers, body });
    const streamed = await fetch(slack.url, { method: "POST", headers, body: new Blob([body]).stream(), duplex: "half" } as RequestInit);
    expect([declared.status, streamed.status]).toEqual([413, 413]);
  });

  it("a signed Discord interaction over 64 KB gets 413 and runs nothing", async () => {
    const answered = stub.inputs.length;
    const response = await discord.post({ ...interaction({ name: "compare" }), padding: "x".repeat(MAX_INTERACTION_BYTES) });
    expect(response.status).toBe(413);
    expect(stub.inputs.length).toBe(answered);
  });

  it("a client that stops sending its headers or its body is cut off after the timeout", async () => {
    // the surfaces' servers carry the bounds; the cut-off is shown on a bounded server with 1 s instead of 10 s
    for (const server of [slack.server, discord.server]) {
      expect([server.headersTimeout, server.requestTimeout]).toEqual([HTTP_BOUNDS.headersTimeoutMs, HTTP_BOUNDS.requestTimeoutMs]);
    }
    const timeouts = { headersTimeoutMs: 1_000, requestTimeoutMs: 1_000 };
    // reads the body as the surfaces do; a client cut off mid-body rejects the read
    const reply = (request: IncomingMessage, response: ServerResponse) => readBoundedBody(request, MAX_INTERACTION_BYTES).then(() => response.end());
    const server = createBoundedServer((request, response) => void reply(request, response).catch(() => undefined), timeouts);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const headers = halfSent(url, "POST /slack/events HTTP/1.1\r\nhost: x\r\n");
      const body = halfSent(url, `POST /interactions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 60000\r\n\r\n{"type":`);
      const [cutHeaders, cutBody] = await Promise.all([headers.closed, body.closed]);
      for (const cut of [cutHeaders, cutBody]) {
        expect(cut.ms).toBeGreaterThanOrEqual(timeouts.headersTimeoutMs - 500);
        // Node checks the timeouts every second
        expect(cut.ms).toBeLessThan(timeouts.requestTimeoutMs + 3_000);
      }
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 20_000);

  it(`holds at most ${HTTP_BOUNDS.maxConnections} connections; more are closed at once`, async () => {
    const open = Array.from({ length: HTTP_BOUNDS.maxConnections }, () => halfSent(slack.url, "POST /slack/events HTTP/1.1\r\n"));
    await Promise.all(open.map(({ socket }) => new Promise((resolve) => (socket.writable && !socket.connecting ? resolve(null) : socket.once("connect", resolve)))));
    // the server counts a connection once it has accepted it: wait until the last one is counted
    const counted = (discordOrSlack: string) => fetch(`${discordOrSlack.replace("/slack/events", "")}/healthz`).catch(() => null);
    await counted(slack.url);
    const extra = Array.from({ length: 5 }, () => halfSent(slack.url, "POST /slack/events HTTP/1.1\r\n"));
    const cut = await Promise.all(extra.map((c) => c.closed));
    expect(cut.every((c) => c.ms < 2_000)).toBe(true);
    for (const { socket } of open) socket.destroy();
    await Promise.all(open.map((c) => c.closed));
  }, 20_000);

  it("holds at most 16 MB of unauthenticated bodies in all: beyond, 503 with Retry-After", async () => {
    const part = 250 * 1024;
    const many = Math.ceil(HTTP_BOUNDS.unauthenticatedBytes / part) + 4;
    const head = `POST /slack/events HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${MAX_JSON_BODY_BYTES}\r\n\r\n`;
    const clients = Array.from({ length: many }, () => halfSent(slack.url, head + "x".repeat(part)));
    const refused = await Promise.race([
      Promise.any(clients.map((c) => c.closed.then((cut) => (cut.answer.startsWith("HTTP/1.1 503") ? cut : Promise.reject(new Error("not 503")))))),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000)),
    ]);
    expect(refused?.answer).toMatch(/retry-after: 1/i);
    for (const { socket } of clients) socket.destroy();
    await Promise.all(clients.map((c) => c.closed));
  }, 20_000);
});
