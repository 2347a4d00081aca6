import { createHmac } from "node:crypto";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { createSlackApp, startSlackApp } from "../../src/adapters/slack/app.ts";
import type { SlackConfig } from "../../src/config/slack.ts";
import type { KnowledgeSnapshot } from "../../src/core/knowledge/snapshot.ts";
import type { LiveKnowledge } from "../../src/core/knowledge/store.ts";
import { testDispatcher } from "../helpers.ts";
import { InFlight } from "../../src/runtime/in-flight.ts";
import { RecordingServer, sendJson } from "./recorder.ts";

export const SIGNING_SECRET = "8f742231b10e8888abcd990000085a5f";
export const BOT_TOKEN = "xoxb-1234-5678-testtokenvalue";

export function signSlack(body: string, timestamp: number, secret = SIGNING_SECRET, version = "v0"): string {
  return `${version}=${createHmac("sha256", secret).update(`${version}:${timestamp}:${body}`).digest("hex")}`;
}

export function slashCommandBody(command: string, text: string, responseUrl: string, userId = "U123"): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: "T1",
    team_domain: "acme",
    channel_id: "C1",
    channel_name: "general",
    user_id: userId,
    user_name: "ada",
    command: `/${command}`,
    text,
    api_app_id: "A1",
    response_url: responseUrl,
    trigger_id: "1.2.3",
  }).toString();
}

/**
 * A Slack stand-in on loopback: the Web API (auth.test, chat.postMessage, file uploads), response_url
 * endpoints, and for Socket Mode apps.connections.open handing out `socketUrl`.
 */
export async function startFakeSlack(socketUrl?: string) {
  const api = new RecordingServer((request, response) => {
    if (request.path === "/api/apps.connections.open" && socketUrl) return sendJson(response, 200, { ok: true, url: socketUrl });
    if (request.path === "/api/auth.test") {
      if (request.headers.authorization !== `Bearer ${BOT_TOKEN}`) return sendJson(response, 200, { ok: false, error: "invalid_auth" });
      return sendJson(response, 200, { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" });
    }
    if (request.path === "/api/chat.postMessage") return sendJson(response, 200, { ok: true, ts: "1700000000.000200" });
    if (request.path === "/api/files.getUploadURLExternal") {
      return sendJson(response, 200, { ok: true, upload_url: `http://${request.headers.host}/upload/F123`, file_id: "F123" });
    }
    if (request.path === "/upload/F123") return sendJson(response, 200, { ok: true });
    if (request.path === "/api/files.completeUploadExternal") return sendJson(response, 200, { ok: true, files: [{ id: "F123" }] });
    if (request.path.startsWith("/respond/")) return sendJson(response, 200, { ok: true });
    return sendJson(response, 404, { ok: false, error: "unknown_method" });
  });
  const baseUrl = await api.listen();
  return { api, baseUrl };
}

/** The real Bolt app on a free loopback port, its Web API pointed at the fake. */
export async function startSlackUnderTest(kb: KnowledgeSnapshot | LiveKnowledge, apiBaseUrl: string, overrides: Partial<SlackConfig> = {}) {
  const logs: string[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void logs.push(line) });
  const config: SlackConfig = {
    botToken: BOT_TOKEN,
    mode: { kind: "http", signingSecret: SIGNING_SECRET, port: 0 },
    apiUrl: `${apiBaseUrl}/api/`,
    adminUserIds: [],
    ...overrides,
  };
  const inFlight = new InFlight();
  const app = createSlackApp({ config, dispatcher: testDispatcher(kb), logger, inFlight });
  const server = await startSlackApp(app, config, { port: 0, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/slack/events`;
  return { app, url, logs, inFlight, stop: () => app.stop() };
}

export async function postSigned(url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signSlack(body, timestamp),
      ...headers,
    },
    body,
  });
}
