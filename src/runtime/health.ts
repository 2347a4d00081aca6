import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Registry } from "prom-client";
import { createBoundedServer } from "./http-bounds.ts";
import type { ProbeHandler } from "./surface.ts";

/** What /readyz reports: each check by name, ready only when all pass. */
type ReadinessChecks = () => Record<string, boolean>;

interface DebugLogger {
  debug(details: Record<string, unknown>, message: string): void;
}

/** A scrape renders every metric; scrapes within this long of one another share one rendering. */
const METRICS_REUSE_MS = 1_000;

export interface ProbeOptions {
  checks: ReadinessChecks;
  /** shown beside the checks without deciding readiness (e.g. Redis, which answers can do without) */
  details?: () => Record<string, string>;
  metrics: Registry | null;
  logger: DebugLogger;
  /**
   * "health": the health port (loopback by default), every probe. "public": a chat surface's port, open to the
   * internet: /healthz only, and /readyz and /metrics to `Authorization: Bearer <token>` when a token is set.
   */
  scope: "health" | "public";
  token?: string | null;
}

function bearerMatches(request: IncomingMessage, token: string | null | undefined): boolean {
  if (!token) return false;
  const given = Buffer.from(request.headers.authorization ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Renders the registry at most once a second, however many scrapes arrive. */
function sharedRendering(registry: Registry): () => Promise<string> {
  let last: { at: number; text: Promise<string> } | null = null;
  return () => {
    const now = Date.now();
    if (!last || now - last.at > METRICS_REUSE_MS) {
      const text = registry.metrics();
      last = { at: now, text };
      text.catch(() => (last = null));
    }
    return last.text;
  };
}

/**
 * /healthz (the process answers), /readyz (knowledge loaded, platforms connected, not shutting down) and /metrics
 * (Prometheus). Probes come every few seconds, so they are logged at debug only.
 */
export function createProbeHandler(options: ProbeOptions): ProbeHandler {
  const render = options.metrics ? sharedRendering(options.metrics) : null;
  return (request, response) => {
    const path = (request.url ?? "").split("?")[0];
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    const allowed = path === "/healthz" || options.scope === "health" || bearerMatches(request, options.token);
    if (!allowed) return false;
    if (path === "/healthz") {
      response.writeHead(200, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }).end("ok\n");
    } else if (path === "/readyz") {
      const checks = options.checks();
      const ready = Object.values(checks).every(Boolean);
      const body = { ready, checks, ...options.details?.() };
      response.writeHead(ready ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" }).end(`${JSON.stringify(body)}\n`);
    } else if (path === "/metrics" && render && options.metrics) {
      const contentType = options.metrics.contentType;
      render().then(
        (text) => response.writeHead(200, { "content-type": contentType, "cache-control": "no-store" }).end(text),
        () => response.writeHead(500).end(),
      );
    } else {
      return false;
    }
    options.logger.debug({ path, status: response.statusCode }, "probe");
    return true;
  };
}

/** The health port: probes only, 404 otherwise; bound to loopback unless HEALTH_HOST says otherwise. */
export async function startHealthServer(probe: ProbeHandler, port: number, host: string | null): Promise<Server> {
  const server = createBoundedServer((request, response) => {
    if (!probe(request, response)) response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(host ? { port, host } : { port }, resolve));
  return server;
}
