import { createHmac } from "node:crypto";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { createSlackApp, type SlackTiming } from "../../src/adapters/slack/app.ts";
import type { ProbeHandler } from "../../src/runtime/surface.ts";
import type { ChartSource } from "../../src/adapters/chart-delivery.ts";
import type { SlackConfig } from "../../src/config/slack.ts";
import type { KnowledgeSnapshot } from "../../src/core/knowledge/snapshot.ts";
import type { LiveKnowledge } from "../../src/core/knowledge/store.ts";
import type { Dispatcher } from "../../src/core/dispatch/dispatch.ts";
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

/** What the fake does instead of answering: an HTTP error (with Retry-After), a slow answer, or a reset connection. */
export type Fault = { status: number; retryAfterS?: number } | { delayMs: number } | { reset: true } | { slackError: string };

/**
 * A Slack stand-in on loopback: the Web API (auth.test, chat.postMessage, chat.postEphemeral, file uploads),
 * response_url endpoints (/respond/gone… answers 404, as an expired one does), and for Socket Mode
 * apps.connections.open handing out `socketUrl`. `fail(prefix, …faults)` makes the next requests to a path fail.
 */
export async function startFakeSlack(socketUrl?: string) {
  const faults: { prefix: string; fault: Fault }[] = [];
  const fail = (prefix: string, ...list: Fault[]) => faults.push(...list.map((fault) => ({ prefix, fault })));
  const api = new RecordingServer(async (request, response) => {
    const at = faults.findIndex((f) => request.path.startsWith(f.prefix));
    if (at !== -1) {
      const { fault } = faults.splice(at, 1)[0]!;
      if ("reset" in fault) return void response.socket?.destroy();
      if ("slackError" in fault) return sendJson(response, 200, { ok: false, error: fault.slackError });
      if ("status" in fault) {
        response.writeHead(fault.status, fault.retryAfterS === undefined ? {} : { "retry-after": String(fault.retryAfterS) });
        return void response.end(JSON.stringify({ ok: false, error: fault.status === 429 ? "ratelimited" : "fatal_error" }));
      }
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    }
    if (request.path.startsWith("/respond/gone")) return sendJson(response, 404, { ok: false, error: "expired_url" });
    if (request.path === "/api/apps.connections.open" && socketUrl) return sendJson(response, 200, { ok: true, url: socketUrl });
    if (request.path === "/api/auth.test") {
      if (request.headers.authorization !== `Bearer ${BOT_TOKEN}`) return sendJson(response, 200, { ok: false, error: "invalid_auth" });
      return sendJson(response, 200, { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" });
    }
    if (request.path === "/api/chat.postMessage") return sendJson(response, 200, { ok: true, ts: "1700000000.000200" });
    if (request.path === "/api/chat.postEphemeral") return sendJson(response, 200, { ok: true, message_ts: "1700000000.000300" });
    if (request.path === "/api/files.getUploadURLExternal") {
      return sendJson(response, 200, { ok: true, upload_url: `http://${request.headers.host}/upload/F123`, file_id: "F123" });
    }
    if (request.path === "/upload/F123") return sendJson(response, 200, { ok: true });
    if (request.path === "/api/files.completeUploadExternal") return sendJson(response, 200, { ok: true, files: [{ id: "F123" }] });
    if (request.path.startsWith("/respond/")) return sendJson(response, 200, { ok: true });
    return sendJson(response, 404, { ok: false, error: "unknown_method" });
  });
  const baseUrl = await api.listen();
  /** Forgets faults no request has met yet. */
  const clearFaults = () => void faults.splice(0);
  return { api, baseUrl, fail, clearFaults };
}

/** Retries short enough for a test, with the same shape as production's. */
export const FAST_TIMING: Partial<SlackTiming> = {
  webApiRetries: { retries: 3, factor: 2, minTimeout: 20, maxTimeout: 200, randomize: false },
  webApiTimeoutMs: 1000,
  tokenCheckTimeoutMs: 1000,
  responseUrl: { attempts: 3, baseDelayMs: 20, timeoutMs: 1000, maxRetryAfterMs: 1000 },
  maxRetryAfterS: 1,
};

/** FAST_TIMING with every slash command acknowledged before its answer, which then goes to the response_url. */
export const ACK_FIRST_TIMING: Partial<SlackTiming> = { ...FAST_TIMING, answerInAckMs: 0 };

/**
 * A slash command's answer wherever it went: in the acknowledgement (a JSON body with a response_type), or else
 * posted to its response_url on the fake API.
 */
/** The answer an acknowledgement carried (a message with a response_type), or null for an empty or other ack. */
export function answerInAck(ackBody: string): { response_type: string } | null {
  return ackBody.includes('"response_type"') ? (JSON.parse(ackBody) as { response_type: string }) : null;
}

export async function slashAnswer(
  api: { next(path: string, after?: number): Promise<{ json: unknown }> },
  ack: Response,
  responsePath: string,
): Promise<{ inAck: boolean; ackBody: string; json: unknown }> {
  const ackBody = await ack.text();
  const inAck = answerInAck(ackBody);
  return inAck ? { inAck: true, ackBody, json: inAck } : { inAck: false, ackBody, json: (await api.next(responsePath)).json };
}

export interface SlackUnderTestOptions {
  dispatcher?: Dispatcher;
  probe?: ProbeHandler;
  timing?: Partial<SlackTiming>;
  charts?: ChartSource;
}

/** The real Bolt app on a free loopback port, its Web API pointed at the fake. */
export async function startSlackUnderTest(kb: KnowledgeSnapshot | LiveKnowledge, apiBaseUrl: string, overrides: Partial<SlackConfig> = {}, options: SlackUnderTestOptions = {}) {
  const sink = new LogSink();
  const logs = sink.lines;
  const logger = pino({ level: "debug" }, { write: (line: string) => sink.push(line) });
  const config: SlackConfig = {
    botToken: BOT_TOKEN,
    mode: { kind: "http", signingSecret: SIGNING_SECRET, port: 0 },
    apiUrl: `${apiBaseUrl}/api/`,
    adminUserIds: [],
    ...overrides,
  };
  const inFlight = new InFlight();
  const app = createSlackApp({
    config,
    dispatcher: options.dispatcher ?? testDispatcher(kb),
    logger,
    inFlight,
    probe: options.probe,
    timing: options.timing ?? FAST_TIMING,
    charts: options.charts,
  });
  const server = await app.start({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  return { app, server: server!, url: `${base}/slack/events`, base, logs, sink, inFlight, stop: () => app.stop() };
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

let eventCounter = 0;

/** An app_mention event as the Events API sends it; `threadTs` makes it a reply in that thread. */
export function mentionBody(text: string, options: { user?: string; eventId?: string; channel?: string; ts?: string; threadTs?: string } = {}): string {
  return JSON.stringify({
    token: "t",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: options.eventId ?? `Ev${++eventCounter}`,
    event_time: 1700000000,
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event: {
      type: "app_mention",
      user: options.user ?? "U123",
      text: `<@UBOT> ${text}`,
      ts: options.ts ?? "1700000000.000100",
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
      channel: options.channel ?? "C1",
      event_ts: options.ts ?? "1700000000.000100",
    },
  });
}

/** A direct message to the bot (message.im) as the Events API sends it. */
export function directMessageBody(text: string, options: { user?: string; channel?: string; ts?: string } = {}): string {
  return JSON.stringify({
    token: "t",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: `Ev${++eventCounter}`,
    event_time: 1700000000,
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event: {
      type: "message",
      channel_type: "im",
      user: options.user ?? "U123",
      text,
      ts: options.ts ?? `17000000${eventCounter}.000100`,
      channel: options.channel ?? "D1",
      event_ts: "1700000000.000100",
    },
  });
}

/** A signed JSON (Events API) request; `timestamp` overrides the signing time in seconds. */
export function postSignedJson(url: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signSlack(body, timestamp) },
    body,
  });
}

/** Log lines as pino writes them, and a way to await one. */
export class LogSink {
  readonly lines: string[] = [];
  private waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];

  push(line: string): void {
    this.lines.push(line);
    for (const waiter of this.waiters.filter((w) => w.pattern.test(line))) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  }

  /** The first line matching `pattern`, already written or still to come. */
  next(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const seen = this.lines.find((l) => pattern.test(l));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no log line matching ${pattern} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        pattern,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  }
}
