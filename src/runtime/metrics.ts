import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { AnswerEvent } from "../core/dispatch/dispatch.ts";
import type { LiveKnowledge } from "../core/knowledge/store.ts";

export interface BotMetrics {
  registry: Registry;
  /** counts one answer; give it every AnswerEvent */
  onAnswered(event: AnswerEvent): void;
}

/** Seconds: most answers take milliseconds, charts and large pastes up to a few seconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Prometheus metrics of one process: commands by name, surface and outcome, their latency, rate-limit refusals,
 * and the knowledge being served (version, age of the snapshot, date of the oldest price).
 * Command names outside `knownCommands` are counted as "unknown", so typed junk cannot grow the label set.
 */
export function createMetrics(knowledge: LiveKnowledge, knownCommands: readonly string[], now: () => number = Date.now): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const known = new Set(knownCommands);
  const commands = new Counter({
    name: "modelwise_commands_total",
    help: "Commands answered, by command, surface and outcome (ok or the error code)",
    labelNames: ["command", "surface", "outcome"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "modelwise_command_duration_seconds",
    help: "Time from receiving a command to its reply being ready, by command and surface",
    labelNames: ["command", "surface"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const refusals = new Counter({
    name: "modelwise_rate_limit_refusals_total",
    help: "Commands refused because the user's rate limit was exhausted, by surface",
    labelNames: ["surface"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "modelwise_knowledge_info",
    help: "The knowledge version being served (always 1; the version is the label)",
    labelNames: ["version"] as const,
    registers: [registry],
    collect() {
      this.reset();
      this.set({ version: knowledge.status().version }, 1);
    },
  });
  new Gauge({
    name: "modelwise_knowledge_age_seconds",
    help: "Seconds since the knowledge being served was loaded",
    registers: [registry],
    collect() {
      this.set((now() - knowledge.status().loadedAt.getTime()) / 1000);
    },
  });
  new Gauge({
    name: "modelwise_knowledge_oldest_price_timestamp_seconds",
    help: "The as-of date of the oldest curated price, as a Unix time (alert when time() minus this grows too large)",
    registers: [registry],
    collect() {
      const oldest = knowledge.status().oldestPriceAsOf;
      this.set(oldest ? Date.parse(`${oldest}T00:00:00Z`) / 1000 : 0);
    },
  });

  return {
    registry,
    onAnswered(event) {
      const command = known.has(event.command) ? event.command : "unknown";
      commands.inc({ command, surface: event.surface, outcome: event.outcome });
      latency.observe({ command, surface: event.surface }, event.ms / 1000);
      if (event.outcome === "rate_limited") refusals.inc({ surface: event.surface });
    },
  };
}
