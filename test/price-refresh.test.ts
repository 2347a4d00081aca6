import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { waitForUpdate } from "@pydantic/genai-prices";
import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "../src/config/config.ts";
import type { PricedModel } from "../src/core/knowledge/schema.ts";
import { KnowledgeStore, type PriceRefreshStatus } from "../src/core/knowledge/store.ts";
import { announcePriceChanges } from "../src/runtime/price-digest.ts";
import { startPriceRefresh } from "../src/runtime/price-refresh.ts";
import { knowledgeCopy, loopbackServer, type Cleanups } from "./fakes/loopback.ts";
import { KNOWLEDGE_DIR, TODAY, testDispatcher } from "./helpers.ts";

const NOW = new Date(`${TODAY}T12:00:00Z`);
const SNAPSHOT = await readFile(join(KNOWLEDGE_DIR, "..", "..", "shared", "data", "litellm-model-prices.json"), "utf8");
const BUNDLED = JSON.stringify(await waitForUpdate());
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const cleanups: Cleanups = [];
afterEach(async () => {
  // last made, first undone: a store is closed before its folder is removed
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A loopback server for both sources; each answer is whatever the test sets at the time of the request. */
async function sources(answers: { litellm: () => [number, string]; genai: () => [number, string] }) {
  const base = await loopbackServer((req, res) => {
    const [status, body] = req.url === "/litellm.json" ? answers.litellm() : answers.genai();
    res.writeHead(status, { "content-type": "application/json" });
    res.end(body);
  }, cleanups);
  return { litellm: `${base}/litellm.json`, genaiPrices: `${base}/genai.json` };
}

async function store(): Promise<KnowledgeStore> {
  const dir = await knowledgeCopy(cleanups);
  const opened = await KnowledgeStore.open(dir, { now: () => NOW });
  cleanups.push(() => opened.close());
  return opened;
}

/** GPT-5's input at $1.10 in both sources, the map dated 2026-11-20. */
function cheaperGpt5(): { litellm: string; genai: string } {
  const map = JSON.parse(SNAPSHOT);
  map.last_updated = "2026-11-20T00:00:00+00:00";
  map["gpt-5"].input_cost_per_token = 1.1e-6;
  const genai = JSON.parse(BUNDLED) as { id: string; models: { id: string; prices: unknown }[] }[];
  genai.find((p) => p.id === "openai")!.models.find((m) => m.id === "gpt-5")!.prices = { input_mtok: 1.1, output_mtok: 10, cache_read_mtok: 0.125 };
  return { litellm: JSON.stringify(map), genai: JSON.stringify(genai) };
}

const gpt5 = (s: KnowledgeStore) => s.current().knowledge.models.find((m) => m.id === "gpt-5") as PricedModel;
const statusText = async (s: KnowledgeStore, lang = "") =>
  (await testDispatcher(s).answer({ command: "status", text: lang, user: { id: "admin" }, isAdmin: true, surface: "test" })).text;

describe("MODELWISE_REFRESH", () => {
  it("is off by default and reads a period", () => {
    expect(readConfig({}).priceRefresh.everyMs).toBeNull();
    expect(readConfig({ MODELWISE_REFRESH: "24h" }).priceRefresh).toMatchObject({
      everyMs: 86_400_000,
      litellmUrl: expect.stringMatching(/^https:\/\/raw\.githubusercontent\.com\/BerriAI/),
    });
    expect(() => readConfig({ MODELWISE_REFRESH: "daily" })).toThrow(/MODELWISE_REFRESH.*24h/);
    expect(() => readConfig({ MODELWISE_REFRESH: "24h", MODELWISE_REFRESH_GENAI_PRICES_URL: "http://example.com/data.json" })).toThrow(/https/);
    expect(readConfig({ MODELWISE_REFRESH_GENAI_PRICES_URL: "off" }).priceRefresh.genaiPricesUrl).toBeNull();
  });
});

describe("the scheduled price refresh", () => {
  it("imports both sources, swaps them in, posts the digest and says so in /status", async () => {
    const fresh = cheaperGpt5();
    const urls = await sources({ litellm: () => [200, fresh.litellm], genai: () => [200, fresh.genai] });
    const live = await store();
    const posted = new Promise<string>((resolve) => announcePriceChanges(live, [{ surface: "test", post: async (text) => resolve(text) }], "en", quiet));
    const refresher = startPriceRefresh(live, { everyMs: 86_400_000, sources: urls, today: () => TODAY, now: () => NOW, logger: quiet });
    cleanups.push(() => refresher.stop());
    expect(await statusText(live)).toContain("not run yet");
    const status = await refresher.runOnce();
    expect(status.last).toEqual({ ok: true, at: NOW, error: null });
    expect(gpt5(live)).toMatchObject({ inputPer1M: 1.1, asOf: "2026-11-20" });
    expect(await posted).toContain("• GPT-5 input: $1.25 → $1.10");
    expect(await readFile(join(live.dir, "genai-prices.yaml"), "utf8")).toContain(`source: ${urls.genaiPrices}`);
    expect(await statusText(live)).toContain(`Price refresh: every 24 h from ${urls.litellm}, ${urls.genaiPrices}`);
    expect(await statusText(live)).toContain(`last run ${NOW.toISOString()}: imported, validated and swapped in`);
  });

  it("keeps the last good version on any failure, and /status says what failed, in both languages", async () => {
    const fresh = cheaperGpt5();
    let litellm: [number, string] = [200, fresh.litellm];
    let genai: [number, string] = [200, fresh.genai];
    const urls = await sources({ litellm: () => litellm, genai: () => genai });
    const live = await store();
    const refresher = startPriceRefresh(live, { everyMs: null, sources: urls, today: () => TODAY, now: () => NOW, logger: quiet });
    expect((await refresher.runOnce()).last?.ok).toBe(true);
    const files = async () => Promise.all(["models.yaml", "genai-prices.yaml", "import-log.yaml", "catalog/litellm-chat.json"].map((f) => readFile(join(live.dir, f), "utf8")));
    const good = await files();
    const version = live.current().version;
    const broken = JSON.parse(fresh.genai) as { id: string; models: { id: string; prices: unknown }[] }[];
    broken.find((p) => p.id === "openai")!.models.find((m) => m.id === "gpt-5")!.prices = { input_mtok: -1, output_mtok: 10 };
    const failures: { litellm: [number, string]; genai: [number, string]; expected: string }[] = [
      { litellm: [500, "down"], genai, expected: "the server answered 500" },
      { litellm: [200, "<html>"], genai, expected: "JSON" },
      { litellm: [200, fresh.litellm], genai: [200, JSON.stringify(broken)], expected: "did not validate" },
    ];
    for (const failure of failures) {
      litellm = failure.litellm;
      genai = failure.genai;
      const expected = failure.expected;
      const status: PriceRefreshStatus = await refresher.runOnce();
      expect(status.last).toMatchObject({ ok: false, error: expect.stringContaining(expected) });
      expect(status.lastGood?.at).toEqual(NOW);
      expect(await files()).toEqual(good);
      expect(live.current().version).toBe(version);
    }
    expect(await statusText(live)).toMatch(/last run \S+ FAILED: .*did not validate.*still serving the last good prices \(last good import /);
    expect(await statusText(live, "lang:zh")).toContain("失败");
    expect(await statusText(live, "lang:zh")).toContain("仍在使用上一版有效价格");
  });

  it("runs on its timer", async () => {
    const fresh = cheaperGpt5();
    const urls = await sources({ litellm: () => [200, fresh.litellm], genai: () => [200, fresh.genai] });
    const live = await store();
    const ran = new Promise<PriceRefreshStatus>((resolve) => {
      const refresher = startPriceRefresh(live, {
        everyMs: 5,
        sources: urls,
        today: () => TODAY,
        logger: quiet,
        onRun: (status) => {
          refresher.stop();
          resolve(status);
        },
      });
    });
    expect((await ran).last?.ok).toBe(true);
    expect(gpt5(live).inputPer1M).toBe(1.1);
  });
});
