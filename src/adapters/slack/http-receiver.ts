import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { ListenOptions } from "node:net";
import { parse as parseQuery } from "node:querystring";
import type { App, Receiver } from "@slack/bolt";
import { createBoundedServer, readBoundedBody } from "../../runtime/http-bounds.ts";
import type { ProbeHandler } from "../../runtime/surface.ts";
import { localSeenOnce, type SeenOnce } from "../../runtime/seen-once.ts";
import { staleTimestamp } from "./replay-guard.ts";

/**
 * The most read of a request before its signature is checked. Slash commands and interactivity come as forms, far
 * below 64 KB; events come as JSON, where a 40,000-character message (Slack's limit) appears twice (text and blocks),
 * up to ~250 KB in CJK. A bigger body is refused with 413 before it is read.
 */
export const MAX_FORM_BODY_BYTES = 64 * 1024;
export const MAX_JSON_BODY_BYTES = 256 * 1024;
/** Slack waits 3 s for the acknowledgement; answer by then even if a listener never acks. */
const ACK_DEADLINE_MS = 2500;

interface ReceiverLogger {
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  logger: ReceiverLogger;
  probe?: ProbeHandler;
  path?: string;
  now?: () => number;
  /** signatures and event ids already accepted; shared through Redis when there is one */
  seen?: SeenOnce;
}

const refuse = (response: ServerResponse, status: number) => {
  response.writeHead(status, { connection: "close", ...(status === 503 ? { "retry-after": "1" } : {}) }).end();
};

/**
 * Bolt's Receiver for Slack's HTTP requests, in place of Bolt's HTTPReceiver because that one checks only that a
 * timestamp is not too old, accepts exact replays and reads 4 MB bodies. Here: probes first; the body bounded
 * (http-bounds.ts) before its HMAC is checked; timestamps too old or in the future, and replayed signatures (on any
 * instance, with Redis), refused with 401; every request acknowledged once, whatever its listener does later.
 */
export class SlackHttpReceiver implements Receiver {
  private app: App | null = null;
  private server: Server | null = null;
  private readonly seen: SeenOnce;
  private readonly now: () => number;

  constructor(private readonly options: SlackHttpReceiverOptions) {
    this.now = options.now ?? Date.now;
    this.seen = options.seen ?? localSeenOnce(this.now);
  }

  init(app: App): void {
    this.app = app;
  }

  async start(listen: ListenOptions): Promise<Server> {
    const server = createBoundedServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(listen, resolve));
    this.server = server;
    return server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      if (this.options.probe?.(request, response)) return;
      const path = (request.url ?? "").split("?")[0];
      if (path !== (this.options.path ?? "/slack/events")) return refuse(response, 404);
      if (request.method !== "POST") return refuse(response, 405);
      await this.handleEvent(request, response);
    } catch (error) {
      this.options.logger.error({ surface: "slack", err: error }, "request failed");
      if (!response.headersSent) refuse(response, 500);
    }
  }

  private async handleEvent(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = isForm(request);
    const read = await readBoundedBody(request, form ? MAX_FORM_BODY_BYTES : MAX_JSON_BODY_BYTES);
    if (!read.ok) return refuse(response, read.status);
    const raw = read.body;
    const timestamp = header(request, "x-slack-request-timestamp");
    const signature = header(request, "x-slack-signature");
    const hmac = createHmac("sha256", this.options.signingSecret)
      .update(`v0:${timestamp ?? ""}:`)
      .update(raw);
    // Slack's certificate check carries no signature and asks for nothing but a 200
    if (form && raw.length < 512 && parseQuery(raw.toString()).ssl_check === "1") return refuse(response, 200);

    const stale = staleTimestamp(timestamp, this.now());
    if (stale || !signature || !sameSignature(signature, `v0=${hmac.digest("hex")}`)) {
      this.options.logger.warn({ surface: "slack", reason: stale ?? "bad signature" }, "refused an unsigned or stale request");
      return refuse(response, 401);
    }
    if (!(await this.seen.firstSignature(signature, Number(timestamp)))) {
      this.options.logger.warn({ surface: "slack", reason: "replayed signature" }, "refused a replayed request");
      return refuse(response, 401);
    }

    const body = parseBody(raw, form);
    // signed but not an object (null, a number, broken JSON): nothing Slack sends, and nothing to retry
    if (!body) return refuse(response, 400);
    if (body.type === "url_verification") {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ challenge: body.challenge }));
      return;
    }
    // Slack retries an event it thinks was missed with a new signature; answer each event once
    if (typeof body.event_id === "string" && !(await this.seen.firstEvent(body.event_id))) return refuse(response, 200);
    await this.dispatch(request, response, body);
  }

  private async dispatch(request: IncomingMessage, response: ServerResponse, body: Record<string, unknown>): Promise<void> {
    let acked = false;
    const ack = async (answer?: unknown) => {
      if (acked || response.headersSent) return;
      acked = true;
      if (answer === undefined || answer === "") response.writeHead(200).end();
      else if (typeof answer === "string") response.writeHead(200).end(answer);
      else response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
    };
    const deadline = setTimeout(() => void ack(), ACK_DEADLINE_MS);
    try {
      await this.app!.processEvent({
        body,
        ack,
        retryNum: Number(header(request, "x-slack-retry-num") ?? "") || undefined,
        retryReason: header(request, "x-slack-retry-reason"),
      });
    } catch (error) {
      this.options.logger.error({ surface: "slack", err: error }, "slack listener failed");
    } finally {
      clearTimeout(deadline);
      await ack();
    }
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}

function isForm(request: IncomingMessage): boolean {
  return (request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
}

function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseBody(raw: Buffer, form: boolean): Record<string, unknown> | null {
  try {
    const text = raw.toString("utf8");
    const fields = form ? parseQuery(text) : null;
    const parsed: unknown = !fields ? JSON.parse(text) : typeof fields.payload === "string" ? JSON.parse(fields.payload) : fields;
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
