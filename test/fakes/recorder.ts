import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  raw: Buffer;
  json: unknown;
}

/** The JSON part of a multipart upload (Discord sends files with a payload_json part). */
function multipartJson(raw: Buffer, contentType: string): unknown {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) return null;
  for (const part of raw.toString("latin1").split(`--${boundary}`)) {
    if (/name="payload_json"/.test(part)) return JSON.parse(Buffer.from(part.split("\r\n\r\n").slice(1).join("\r\n\r\n").replace(/\r\n$/, ""), "latin1").toString("utf8"));
  }
  return null;
}

type Route = (request: Recorded, response: ServerResponse) => void | Promise<void>;

/** A loopback HTTP server that records every request and answers through a route function. */
export class RecordingServer {
  readonly requests: Recorded[] = [];
  private waiters: { match: (r: Recorded) => boolean; resolve: (r: Recorded) => void }[] = [];
  private readonly server: Server;

  constructor(private readonly route: Route) {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of req) chunks.push(chunk as Buffer);
      } catch {
        // the sender went away mid-request (a bot stopped by the test): a real platform never sees such a request either
        return;
      }
      const raw = Buffer.concat(chunks);
      const body = raw.toString("utf8");
      const contentType = req.headers["content-type"] ?? "";
      let json: unknown = null;
      if (contentType.startsWith("multipart/form-data")) json = multipartJson(raw, contentType);
      else {
        try {
          json = body ? JSON.parse(body) : null;
        } catch {
          json = Object.fromEntries(new URLSearchParams(body));
        }
      }
      const recorded: Recorded = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body, raw, json };
      this.requests.push(recorded);
      for (const waiter of this.waiters.filter((w) => w.match(recorded))) {
        waiter.resolve(recorded);
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
      }
      await this.route(recorded, res);
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next request (already received or still to come) whose path starts with `prefix` (and that `also` accepts). */
  next(prefix: string, after = 0, timeoutMs = 30_000, also: (r: Recorded) => boolean = () => true): Promise<Recorded> {
    const match = (r: Recorded) => r.path.startsWith(prefix) && also(r);
    const seen = this.requests.slice(after).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no request to ${prefix} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
    });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}
