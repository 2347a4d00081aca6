import type { AddressInfo } from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocketServer, type WebSocket } from "ws";
import { createSlackApp, startSlackApp } from "../src/adapters/slack/app.ts";
import type { SlackConfig } from "../src/config/slack.ts";
import { InFlight } from "../src/runtime/in-flight.ts";
import { RecordingServer } from "./fakes/recorder.ts";
import { BOT_TOKEN, startFakeSlack } from "./fakes/slack.ts";
import { realSnapshot, testDispatcher } from "./helpers.ts";

const APP_TOKEN = "xapp-1-A1-123-socketmodetesttoken";

let fake: { api: RecordingServer; baseUrl: string };
let socketServer: WebSocketServer;
let socket: WebSocket | null = null;
const fromApp: { envelope_id?: string; payload?: unknown }[] = [];
let app: ReturnType<typeof createSlackApp>;

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
  app = createSlackApp({ config, dispatcher: testDispatcher(await realSnapshot()), logger: pino({ level: "silent" }), inFlight: new InFlight() });
  // Bolt offers no API URL option for its Socket Mode client; point that one client at loopback too
  (app as unknown as { receiver: { client: { webClient: { slackApiUrl: string } } } }).receiver.client.webClient.slackApiUrl = `${fake.baseUrl}/api/`;
  await startSlackApp(app, config);
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
        payload: { command: "/compare", text: "gpt-5 和 deepseek", user_id: "U1", channel_id: "C1", team_id: "T1", response_url: responseUrl, trigger_id: "t" },
      }),
    );
    const posted = await fake.api.next("/respond/socket-1");
    expect(fromApp.some((m) => m.envelope_id === "env-1")).toBe(true);
    expect(JSON.stringify(posted.json)).toContain("价格对比");
  });
});
