import type { Server } from "node:http";
import { createBoundedServer } from "./http-bounds.ts";
import type { Registry } from "prom-client";
import type { ProbeHandler } from "./surface.ts";

/** What /readyz reports: each check by name, ready only when all pass. */
export type ReadinessChecks = () => Record<string, boolean>;

interface DebugLogger {
  debug(details: Record<string, unknown>, message: string): void;
}

/**
 * /healthz (the process answers), /readyz (knowledge loaded, platforms connected, shared state reachable, not
 * shutting down) and /metrics (Prometheus). Probes come every few seconds, so they are logged at debug only.
 */
export function createProbeHandler(options: { checks: ReadinessChecks; metrics: Registry | null; logger: DebugLogger }): ProbeHandler {
  return (request, response) => {
    const path = (request.url ?? "").split("?")[0];
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    if (path === "/healthz") {
      response.writeHead(200, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }).end("ok\n");
    } else if (path === "/readyz") {
      const checks = options.checks();
      const ready = Object.values(checks).every(Boolean);
      response.writeHead(ready ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" }).end(`${JSON.stringify({ ready, checks })}\n`);
    } else if (path === "/metrics" && options.metrics) {
      const registry = options.metrics;
      registry.metrics().then(
        (text) => response.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" }).end(text),
        () => response.writeHead(500).end(),
      );
    } else {
      return false;
    }
    options.logger.debug({ path, status: response.statusCode }, "probe");
    return true;
  };
}

/** The health port of gateway and Socket Mode, which have no HTTP server of their own: probes only, 404 otherwise. */
export async function startHealthServer(probe: ProbeHandler, port: number, host: string | null): Promise<Server> {
  const server = createBoundedServer((request, response) => {
    if (!probe(request, response)) response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(host ? { port, host } : { port }, resolve));
  return server;
}
