import type autocannon from "autocannon";
import type { OpenLoopResult } from "./open-loop.ts";

/** What a load client measured in one turn on one server, whichever client it was. */
export interface ClientMeasure {
  perSecond: number;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
}

export function fromAutocannon(r: autocannon.Result): ClientMeasure {
  return {
    perSecond: r.requests.total / r.duration,
    requests: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

export function fromOpenLoop(r: OpenLoopResult): ClientMeasure {
  return { perSecond: r.rate, requests: r.sent, p50: r.p50, p99: r.p99, max: r.max, errors: r.errors };
}
