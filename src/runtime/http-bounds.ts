import { createServer, type IncomingMessage, type RequestListener, type Server } from "node:http";

/**
 * What an HTTP server of the bot gives a client before it has proven who it is: how long it may take to send its
 * headers and its whole request, how many connections may be open at once, how much of all unauthenticated bodies
 * may be held in memory together.
 */
export const HTTP_BOUNDS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 10_000,
  /** idle keep-alive connections are closed after this */
  keepAliveTimeoutMs: 5_000,
  maxConnections: 256,
  /** bodies being read before their signature is checked, all connections together */
  unauthenticatedBytes: 16 * 1024 * 1024,
} as const;

/**
 * A server with HTTP_BOUNDS applied: timeouts checked every second, connections over the cap dropped. `timeouts`
 * other than HTTP_BOUNDS' are for tests, which cut a silent client off in a second instead of waiting ten.
 */
export function createBoundedServer(listener: RequestListener, timeouts: { headersTimeoutMs: number; requestTimeoutMs: number } = HTTP_BOUNDS): Server {
  const server = createServer(
    {
      headersTimeout: timeouts.headersTimeoutMs,
      requestTimeout: timeouts.requestTimeoutMs,
      keepAliveTimeout: HTTP_BOUNDS.keepAliveTimeoutMs,
      // Node checks the two timeouts every 30 s by default: a slow client would hold its connection that long
      connectionsCheckingInterval: 1_000,
    },
    listener,
  );
  server.maxConnections = HTTP_BOUNDS.maxConnections;
  return server;
}

/** The bytes of unauthenticated bodies held in memory right now, shared by every server of the process. */
class UnauthenticatedBytes {
  private held = 0;

  constructor(private readonly limit: number) {}

  take(bytes: number): boolean {
    if (this.held + bytes > this.limit) return false;
    this.held += bytes;
    return true;
  }

  give(bytes: number): void {
    this.held = Math.max(0, this.held - bytes);
  }
}

const unauthenticated = new UnauthenticatedBytes(HTTP_BOUNDS.unauthenticatedBytes);

/** A body read before its signature is checked, or why it was not: larger than `maxBytes`, or the server is full. */
export type BoundedBody = { ok: true; body: Buffer } | { ok: false; status: 413 | 503 };

/**
 * Reads a request body of at most `maxBytes`, refusing a larger declared length before reading a byte, and counting
 * what it holds against the process-wide budget until it returns. A refused body is left unread: answer with
 * `connection: close`.
 */
export function readBoundedBody(request: IncomingMessage, maxBytes: number): Promise<BoundedBody> {
  if (Number(request.headers["content-length"] ?? 0) > maxBytes) return Promise.resolve({ ok: false, status: 413 });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: BoundedBody | Error) => {
      request.off("data", collect).off("end", end).off("error", finish);
      unauthenticated.give(size);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const collect = (chunk: Buffer) => {
      if (size + chunk.length > maxBytes) return finish({ ok: false, status: 413 });
      if (!unauthenticated.take(chunk.length)) return finish({ ok: false, status: 503 });
      size += chunk.length;
      chunks.push(chunk);
    };
    const end = () => finish({ ok: true, body: Buffer.concat(chunks, size) });
    request.on("data", collect).on("end", end).on("error", finish);
  });
}
