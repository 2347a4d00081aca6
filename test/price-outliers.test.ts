import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { buildSnapshot } from "../src/core/knowledge/snapshot.ts";
import type { PricedEntry } from "../src/core/pricing/pricing.ts";
import { cheapestHost, providersOf } from "../src/core/pricing/providers.ts";
import { ask, KNOWLEDGE_DIR, realSnapshot, TODAY } from "./helpers.ts";

const WORKLOAD = { inputTokens: 10_000_000, outputTokens: 2_000_000, cachedPercent: 0 };
const HYPERBOLIC_405B = "hyperbolic/meta-llama/Meta-Llama-3.1-405B-Instruct";

describe("price outliers", () => {
  it("flags Hyperbolic's Llama 3.1 405B, listed at its 70B's price, and never names it cheapest", async () => {
    const { priced } = await realSnapshot();
    const offers = providersOf(priced, "llama 3.1 405b", WORKLOAD).providers;
    const hyperbolic = offers.find((o) => o.id === HYPERBOLIC_405B)!;
    expect(offers[0]!.id).toBe(HYPERBOLIC_405B);
    expect(hyperbolic.lowOutlier).toEqual({ kind: "sibling-price", sibling: "hyperbolic/meta-llama/Meta-Llama-3.1-70B-Instruct" });
    expect(cheapestHost(priced, "llama 3.1 405b", WORKLOAD).offer!.id).not.toBe(HYPERBOLIC_405B);
    // the 70B itself is not flagged against the 405B: only a smaller sibling's price counts
    const seventy = providersOf(priced, "llama 3.1 70b", WORKLOAD).providers.find((o) => o.id === "hyperbolic/meta-llama/Meta-Llama-3.1-70B-Instruct")!;
    expect(seventy.lowOutlier?.kind === "sibling-price" && seventy.lowOutlier.sibling).not.toContain("405B");
  });

  it("leaves a wide market's real cheap hosts alone: Llama 3.3 70B from $0.12 to $0.85 input", async () => {
    const offers = providersOf((await realSnapshot()).priced, "llama 3.3 70b", WORKLOAD).providers;
    expect(offers.length).toBeGreaterThan(20);
    expect(offers.filter((o) => o.lowOutlier?.kind === "below-median").map((o) => o.id)).toEqual([]);
  });

  it("flags a host under 30% of the other hosts' median that no other host comes near", () => {
    const host = (provider: string, input: number): PricedEntry =>
      ({
        id: `${provider}/acme-9b`,
        name: "acme-9b",
        provider,
        litellmKey: `${provider}/acme-9b`,
        catalog: true,
        inputPer1M: input,
        outputPer1M: input,
        contextWindow: 1,
        maxOutput: 1,
      }) as PricedEntry;
    const catalog = [host("a", 1), host("b", 1.2), host("c", 0.9), host("d", 0.2)];
    const offers = providersOf(catalog, "acme 9b", WORKLOAD).providers;
    expect(offers.find((o) => o.provider === "d")!.lowOutlier).toMatchObject({ kind: "below-median" });
    expect(offers.filter((o) => o.lowOutlier)).toHaveLength(1);
    expect(cheapestHost(catalog, "acme 9b", WORKLOAD).offer!.provider).toBe("c");
    // once an admin confirms the price (price-review.yaml), it is an ordinary offer again
    const confirmed = catalog.map((m) => (m.provider === "d" ? { ...m, priceConfirmed: true as const } : m));
    expect(cheapestHost(confirmed, "acme 9b", WORKLOAD).offer!.provider).toBe("d");
  });

  it("is never the cheapest host in /compare's note or on /selfhost's API side", async () => {
    const compared = (await ask("/compare llama 3.1 405b gpt-5")).text;
    expect(compared).toMatch(/Llama 3\.1 405B is open: its cheapest host in the price map is \S+/);
    expect(compared).not.toContain("cheapest host in the price map is hyperbolic");
    const selfhosted = (await ask("/selfhost llama 3.1 405b")).text;
    expect(selfhosted).toMatch(/API price: \$[\d.]+ per 1M tokens at \S+, the cheapest of \d+ paid hosts of Llama 3\.1 405B/);
    expect(selfhosted).not.toMatch(/at hyperbolic/);
  });

  it("warns in /providers, in both languages, and leads with a host it can plan on", async () => {
    const en = await ask("/providers llama 3.1 405b");
    expect(en.lead).not.toContain("cheapest hyperbolic");
    expect(en.text).toContain(
      `⚠ Prices too low to trust, never named cheapest until an admin confirms them in knowledge/price-review.yaml: ${HYPERBOLIC_405B} (exactly the price of the smaller hyperbolic/meta-llama/Meta-Llama-3.1-70B-Instruct at the same host)`,
    );
    expect(en.table!.rows.find((row) => row[1]!.includes(HYPERBOLIC_405B))![1]).toMatch(/^⚠ /);
    expect(en.data.cheapest).not.toBe(HYPERBOLIC_405B);
    const zh = await ask("/providers llama 3.1 405b lang:zh");
    expect(zh.text).toContain(`⚠ 价格低得可疑，在管理员于 knowledge/price-review.yaml 中确认之前不会被列为最便宜：${HYPERBOLIC_405B}（与同一提供商更小的`);
  });

  it("names the host cheapest again once an admin confirms its price in knowledge/price-review.yaml", async () => {
    const dir = await mkdtemp(join(tmpdir(), "modelwise-outliers-"));
    try {
      await cp(KNOWLEDGE_DIR, dir, { recursive: true });
      const review = await readFile(join(dir, "price-review.yaml"), "utf8");
      const entry = `confirmedPrices:\n  - {key: "${HYPERBOLIC_405B}", reason: "checked on hyperbolic.xyz/pricing", asOf: ${TODAY}}\n`;
      await writeFile(join(dir, "price-review.yaml"), review.replace("confirmedPrices: []\n", entry));
      const { priced } = buildSnapshot(await loadKnowledge(dir, new Date(`${TODAY}T12:00:00Z`)));
      expect(cheapestHost(priced, "llama 3.1 405b", WORKLOAD).offer!.id).toBe(HYPERBOLIC_405B);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
