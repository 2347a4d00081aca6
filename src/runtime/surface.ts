import type { IncomingMessage, ServerResponse } from "node:http";

/** A chat surface that is running: it can stop accepting new work. */
export interface RunningSurface {
  name: string;
  stop(): Promise<void>;
  /** connected to its platform (gateway session, Socket Mode socket, token checked); absent: ready once started */
  connected?(): boolean;
}

/**
 * Answers health and metrics probes (/healthz, /readyz, /metrics) on a surface's own HTTP server; returns true when
 * the request was one, so the surface handles everything else.
 */
export type ProbeHandler = (request: IncomingMessage, response: ServerResponse) => boolean;
