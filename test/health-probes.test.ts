import type { AddressInfo } from "node:net";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createProbeHandler, startHealthServer } from "../src/runtime/health.ts";

const logger = { debug: () => undefined };
const TOKEN = "t".repeat(40);

async function serving(scope: "health" | "public") {
  const registry = new Registry();
  let renderings = 0;
  const render = registry.metrics.bind(registry);
  registry.metrics = () => {
    renderings++;
    return render();
  };
  const probe = createProbeHandler({ checks: () => ({ knowledge: true }), details: () => ({ redis: "slow" }), metrics: registry, logger, scope, token: TOKEN });
  const server = await startHealthServer(probe, 0, "127.0.0.1");
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, renderings: () => renderings, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe("probes and metrics", () => {
  it("200 concurrent scrapes cost one rendering of the metrics, not 200", async () => {
    const health = await serving("health");
    try {
      const statuses = await Promise.all(Array.from({ length: 200 }, () => fetch(`${health.base}/metrics`).then((r) => r.status)));
      expect(statuses.every((status) => status === 200)).toBe(true);
      expect(health.renderings()).toBeLessThanOrEqual(2);
    } finally {
      await health.close();
    }
  });

  it("readiness shows Redis beside the checks without deciding it", async () => {
    const health = await serving("health");
    try {
      const response = await fetch(`${health.base}/readyz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ready: true, checks: { knowledge: true }, redis: "slow" });
    } finally {
      await health.close();
    }
  });

  it("on a public port: /healthz to anyone, /readyz and /metrics only with the token", async () => {
    const open = await serving("public");
    try {
      expect((await fetch(`${open.base}/healthz`)).status).toBe(200);
      for (const path of ["/readyz", "/metrics"]) {
        expect((await fetch(`${open.base}${path}`)).status).toBe(404);
        expect((await fetch(`${open.base}${path}`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(404);
        expect((await fetch(`${open.base}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
      }
    } finally {
      await open.close();
    }
  });
});
