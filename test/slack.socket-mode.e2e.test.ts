import type { AddressInfo } from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocketServer, type WebSocket } from "ws";
import { createSlackApp } from "../src/adapters/slack/app.ts";
import type { SlackConfig } from "../src/config/slack.ts";
import { InFlight } from "../src/runtime/in-flight.ts";
import { BOT_TOKEN, FAST_TIMING, LogSink, startFakeSlack } from "./fakes/slack.ts";
import { realSnapshot, testDispatcher } from "./helpers.ts";

const APP_TOKEN = "xapp-1-A1-123-socketmodetesttoken";

let fake: Awaited<ReturnType<typeof startFakeSlack>>;
let socketServer: WebSocketServer;
let socket: WebSocket | null = null;
type FromApp = { envelope_id?: string; payload?: unknown };
const fromApp: FromApp[] = [];
/** Resolves with the app's acknowledgement of an envelope, whenever it comes. */
const ackOf = (envelopeId: string) =>
  new Promise<FromApp>((resolve) => {
    const found = () => fromApp.find((m) => m.envelope_id === envelopeId);
    const seen = found();
    if (seen) return resolve(seen);
    const check = () => {
      const m = found();
      if (!m) return;
      socket!.off("message", check);
      resolve(m);
    };
    socket!.on("message", check);
  });
let app: ReturnType<typeof createSlackApp>;
const logs = new LogSink();

beforeAll(async () => {
  socketServer = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => socketServer.once("listening", () => resolve()));
  const wsUrl = `ws://127.0.0.1:${(socketServer.address() as AddressInfo).port}/`;
  socketServer.on("connection", (ws) => {
    socket = ws;
    ws.on("message", (raw) => fromApp.push(JSON.parse(raw.toString())));
    ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" }, debug_info: { host: "loopback" } }));
  });
  fake = await startFakeSlack(wsUrl);
  const config: SlackConfig = { botToken: BOT_TOKEN, mode: { kind: "socket", appToken: APP_TOKEN }, apiUrl: `${fake.baseUrl}/api/`, adminUserIds: [] };
  app = createSlackApp({
    config,
    dispatcher: testDispatcher(await realSnapshot()),
    logger: pino({ level: "debug" }, { write: (line: string) => logs.push(line) }),
    inFlight: new InFlight(),
    timing: FAST_TIMING,
  });
  await app.start();
});

afterAll(async () => {
  await app?.stop().catch(() => undefined);
  socketServer?.close();
  await fake?.api.close();
});

describe("Slack Socket Mode", () => {
  it("opens the connection with the app token, acknowledges a slash command envelope and answers it", async () => {
    const open = fake.api.requests.find((r) => r.path === "/api/apps.connections.open");
    expect(open?.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    const responseUrl = `${fake.baseUrl}/respond/socket-1`;
    socket!.send(
      JSON.stringify({
        envelope_id: "env-1",
        type: "slash_commands",
        accepts_response_payload: true,
        payload: { command: "/modelwise", text: "compare gpt-5 和 deepseek", user_id: "U1", channel_id: "C1", team_id: "T1", response_url: responseUrl, trigger_id: "t" },
      }),
    );
    // the answer is the acknowledgement's payload, as Slack lets a slash command envelope be answered
    const ack = await ackOf("env-1");
    expect(ack.payload).toMatchObject({ response_type: "in_channel" });
    expect(JSON.stringify(ack.payload)).toContain("价格对比");
    expect(fake.api.requests.some((r) => r.path === "/respond/socket-1")).toBe(false);
  });

  it("at debug level logs that envelopes arrived, never their payloads (response_url, tokens, pastes)", async () => {
    const responseUrl = `${fake.baseUrl}/respond/socket-paste`;
    const paste = "机密粘贴".repeat(500_000);
    socket!.send(
      JSON.stringify({
        envelope_id: "env-2",
        type: "slash_commands",
        accepts_response_payload: true,
        payload: {
          token: "legacy-verification-token",
          command: "/compare",
          text: `gpt-5 deepseek ${paste}`,
          user_id: "U1",
          channel_id: "C1",
          team_id: "T1",
          response_url: responseUrl,
          trigger_id: "t",
        },
      }),
    );
    await ackOf("env-2");
    await logs.next(/Received a message on the WebSocket/);
    const written = logs.lines.join("\n");
    expect(written).toMatch(/payload of \d+ characters omitted/);
    expect(written).not.toContain("/respond/socket-paste");
    expect(written).not.toContain("legacy-verification-token");
    expect(written).not.toContain("机密粘贴");
    expect(Math.max(...logs.lines.map((l) => l.length))).toBeLessThan(2000);
  });

  it("answers an event Slack sends again (a retry, same event id) once", async () => {
    const event = (envelope: string, retry: number) =>
      JSON.stringify({
        envelope_id: envelope,
        type: "events_api",
        accepts_response_payload: false,
        retry_attempt: retry,
        retry_reason: retry ? "timeout" : "",
        payload: {
          type: "event_callback",
          event_id: "EvSocketRetry",
          team_id: "T1",
          api_app_id: "A1",
          authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
          event: { type: "app_mention", user: "U1", text: "<@UBOT> compare gpt-5 deepseek", ts: "1700000777.000100", channel: "C1", event_ts: "1700000777.000100" },
        },
      });
    const before = fake.api.requests.length;
    socket!.send(event("env-retry-1", 0));
    await fake.api.next("/api/chat.postMessage", before);
    // the retry is acknowledged like any envelope; once it is, an answer would already be under way
    const acked = new Promise<void>((resolve) =>
      socket!.on("message", (raw) => {
        if ((JSON.parse(raw.toString()) as { envelope_id?: string }).envelope_id === "env-retry-2") resolve();
      }),
    );
    socket!.send(event("env-retry-2", 1));
    await acked;
    // a later, different mention is answered: the retry, handled before it, was not
    const after = fake.api.requests.length;
    socket!.send(event("env-later", 0).replace("EvSocketRetry", "EvSocketLater").replaceAll("1700000777", "1700000778"));
    await fake.api.next("/api/chat.postMessage", after, 10_000, (r) => (r.json as { thread_ts?: string }).thread_ts === "1700000778.000100");
    const answers = fake.api.requests.slice(before).filter((r) => r.path === "/api/chat.postMessage");
    expect(answers.map((r) => (r.json as { thread_ts?: string }).thread_ts)).toEqual(["1700000777.000100", "1700000778.000100"]);
  });
});
