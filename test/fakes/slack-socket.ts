import type { AddressInfo } from "node:net";
import pino from "pino";
import { WebSocketServer, type WebSocket } from "ws";
import { createSlackApp } from "../../src/adapters/slack/app.ts";
import type { SlackConfig } from "../../src/config/slack.ts";
import type { Dispatcher } from "../../src/core/dispatch/dispatch.ts";
import type { ChartSource } from "../../src/adapters/chart-delivery.ts";
import { InFlight } from "../../src/runtime/in-flight.ts";
import { BOT_TOKEN, FAST_TIMING, startFakeSlack } from "./slack.ts";

const APP_TOKEN = "xapp-1-A1-123-socketmodetesttoken";

/** The real Bolt app in Socket Mode, connected to a loopback WebSocket that plays Slack's side. */
export async function startSlackSocketUnderTest(dispatcher: Dispatcher, overrides: Partial<SlackConfig> = {}, charts?: ChartSource) {
  const socketServer = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => socketServer.once("listening", () => resolve()));
  let socket: WebSocket | null = null;
  /** what the app's acknowledgement of each envelope carried, awaited by envelope id */
  const acks = new Map<string, (payload: unknown) => void>();
  const connected = new Promise<void>((resolve) =>
    socketServer.on("connection", (ws) => {
      socket = ws;
      ws.on("message", (raw) => {
        const message = JSON.parse(raw.toString()) as { envelope_id?: string; payload?: unknown };
        if (message.envelope_id) acks.get(message.envelope_id)?.(message.payload);
      });
      ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" }, debug_info: { host: "loopback" } }));
      resolve();
    }),
  );
  const fake = await startFakeSlack(`ws://127.0.0.1:${(socketServer.address() as AddressInfo).port}/`);
  const config: SlackConfig = { botToken: BOT_TOKEN, mode: { kind: "socket", appToken: APP_TOKEN }, apiUrl: `${fake.baseUrl}/api/`, adminUserIds: [], ...overrides };
  const inFlight = new InFlight();
  // Socket Mode sets the logger's level to its own (info), so a silent level alone would not keep test output clean
  const quiet = pino({ level: "silent" }, { write: () => undefined });
  const app = createSlackApp({ config, dispatcher, logger: quiet, inFlight, timing: FAST_TIMING, charts });
  await app.start();
  await connected;
  let envelope = 0;
  return {
    fake,
    inFlight,
    /** Sends a payload in an envelope, as Slack does over the socket; resolves with what the app's acknowledgement carried. */
    send(type: "slash_commands" | "events_api", payload: unknown): Promise<unknown> {
      const envelopeId = `env-${++envelope}`;
      const acked = new Promise<unknown>((resolve) => acks.set(envelopeId, resolve));
      socket!.send(JSON.stringify({ envelope_id: envelopeId, type, accepts_response_payload: type === "slash_commands", payload }));
      return acked.finally(() => acks.delete(envelopeId));
    },
    async stop() {
      await inFlight.drain();
      await app.stop().catch(() => undefined);
      socketServer.close();
      await fake.api.close();
    },
  };
}
