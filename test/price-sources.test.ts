import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { waitForUpdate } from "@pydantic/genai-prices";
import { afterEach, describe, expect, it } from "vitest";
import { genaiPricesFor, type GenaiProvider } from "../src/core/knowledge/genai-prices.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import type { PricedModel } from "../src/core/knowledge/schema.ts";
import { disagreementLines, reconcile, type SecondSourceFile } from "../src/core/knowledge/second-source.ts";
import { knowledgeCopy, loopbackServer, type Cleanups } from "./fakes/loopback.ts";
import { ask, realSnapshot, TODAY } from "./helpers.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
const bundled = (await waitForUpdate()) as unknown as GenaiProvider[];

const curated = async (id: string) => (await realSnapshot()).knowledge.models.find((m) => m.id === id) as PricedModel;

describe("genai-prices as a second source", () => {
  it("reads the package's bundled data for the curated models, with DeepSeek's daily windows and xAI's long-context tier", async () => {
    const models = (await realSnapshot()).knowledge.models;
    const entries = genaiPricesFor(bundled, models, "2026-09-23");
    expect(entries["gemini-3.6-flash"]).toMatchObject({ provider: "google", inputPer1M: 0.75, outputPer1M: 3.75 });
    // peak 01:00–04:00 and 06:00–10:00 UTC from 2026-08-17: the rest of the day is off-peak at half price
    expect(entries["deepseek-v4-pro"]).toMatchObject({ inputPer1M: 1.32, outputPer1M: 3.96 });
    expect(entries["deepseek-v4-pro"]!.offPeak).toEqual([
      { fromUtc: "04:00", toUtc: "06:00", prices: { inputPer1M: 0.66, outputPer1M: 1.98, cachedInputPer1M: 0.022 } },
      { fromUtc: "10:00", toUtc: "01:00", prices: { inputPer1M: 0.66, outputPer1M: 1.98, cachedInputPer1M: 0.022 } },
    ]);
    expect(entries["grok-4.20"]!.longContext).toEqual([{ aboveTokens: 200000, inputPer1M: 2.5, outputPer1M: 5, cachedInputPer1M: 0.4 }]);
    // a longer sibling's entry is never taken for a model genai-prices does not list
    expect(entries["gpt-5.6"]?.model ?? "gpt-5.6").toBe("gpt-5.6");
    // names that differ are mapped by hand (price-review.yaml genaiIds)
    expect(entries["mistral-small-3.2"]).toBeUndefined();
    const mapped = genaiPricesFor(bundled, models, "2026-09-23", { "mistral-small-3.2": "mistral/mistral-small-3.2-24b-instruct" });
    expect(mapped["mistral-small-3.2"]).toMatchObject({ model: "mistral-small-3.2-24b-instruct", inputPer1M: 0.075, outputPer1M: 0.2 });
  });

  it("uses the newer-dated source where the two differ by more than 5%, and the pinned one where an admin pinned it", async () => {
    const flash = await curated("gemini-3.6-flash");
    expect(flash.inputPer1M).toBe(0.75);
    expect(flash.secondSource).toMatchObject({ used: "genai-prices", pinned: false, litellm: { asOf: "2026-07-24" }, genai: { asOf: "2026-09-23" } });
    expect(flash.secondSource!.disagreements.find((d) => d.price === "inputPer1M")).toEqual({ price: "inputPer1M", litellm: 1.5, genai: 0.75 });
    // the tier follows the price rule on the price used: GPT-5.6 Luna's 80% cut makes it ultra-low
    expect(await curated("gpt-5.6-luna")).toMatchObject({ inputPer1M: 0.2, outputPer1M: 1.2, tier: "ultra-low" });
    // genai-prices still lists V3's $1.10 for deepseek-chat: price-review.yaml pins LiteLLM's $0.42
    const deepseek = await curated("deepseek-chat");
    expect(deepseek.outputPer1M).toBe(0.42);
    expect(deepseek.secondSource).toMatchObject({ used: "litellm", pinned: true });
    expect(deepseek.offPeak).toBeUndefined();
    // within 5%: LiteLLM's price and source stay
    const gpt5 = await curated("gpt-5");
    expect(gpt5.secondSource?.disagreements).toEqual([]);
    expect(gpt5.source).toMatch(/litellm/i);
  });

  it("keeps LiteLLM's price when it is the newer one", () => {
    const model = { id: "x", name: "X", inputPer1M: 1, outputPer1M: 2, source: "litellm", asOf: "2026-10-01" } as PricedModel;
    const file: SecondSourceFile = { source: "g", url: "u", asOf: "2026-09-23", basis: "b", models: { x: { provider: "p", model: "x", inputPer1M: 2, outputPer1M: 2 } } };
    const checked = reconcile(model, file, null);
    expect(checked.inputPer1M).toBe(1);
    expect(checked.secondSource?.used).toBe("litellm");
  });

  it("takes a price only the newer source lists, bills cached tokens at it and says where it came from", async () => {
    const devstral = await curated("devstral-2");
    expect(devstral).toMatchObject({ inputPer1M: 0.4, outputPer1M: 2, cachedInputPer1M: 0.04 });
    expect(devstral.secondSource).toMatchObject({ used: "genai-prices", disagreements: [], filled: ["cachedInputPer1M"] });
    // 50M uncached × $0.40 + 50M cached × $0.04 + 20M out × $2.00: the cached half no longer bills at the input price
    const en = await ask("/compare devstral 2 codestral 100M in 20M out cached:50%");
    expect(en.text).toMatch(/Devstral 2 +Balanced +\$0\.40 +\$2\.00 +\$0\.04 .*\$62\.00/);
    expect(en.sources.map((s) => s.title)).toContain("LiteLLM community price map · Devstral 2 (genai-prices agrees within 5% as of 2026-09-23 and gives its cached-input price)");
    const zh = await ask("/compare devstral 2 codestral 100M in 20M out cached:50% lang:zh");
    expect(zh.sources.map((s) => s.title)).toContain("LiteLLM 社区维护价目表 · Devstral 2（genai-prices 截至 2026-09-23 的价格与之相差不超过 5%，缓存输入价格取自 genai-prices）");
    // only when the source that lists it is the one used
    const model = { id: "x", name: "X", inputPer1M: 1, outputPer1M: 2, source: "litellm", asOf: "2026-10-01" } as PricedModel;
    const file: SecondSourceFile = {
      source: "g",
      url: "u",
      asOf: "2026-09-23",
      basis: "b",
      models: { x: { provider: "p", model: "x", inputPer1M: 1, outputPer1M: 2, cachedInputPer1M: 0.1 } },
    };
    expect(reconcile(model, file, null).cachedInputPer1M).toBeUndefined();
    expect(reconcile({ ...model, asOf: "2026-07-24" }, file, null).cachedInputPer1M).toBe(0.1);
  });

  it("shows both prices with their dates in answers, and names the source of every price, in both languages", async () => {
    const en = await ask("/compare gemini 3.6 flash gpt-5");
    expect(en.text).toContain("the two price sources differ by more than 5%: input $1.50 in LiteLLM's map (as of 2026-07-24) vs $0.75 in genai-prices (as of 2026-09-23)");
    expect(en.text).toContain("This answer uses genai-prices (the newer of the two)");
    expect(en.sources.map((s) => s.title)).toEqual(
      expect.arrayContaining(["genai-prices (Pydantic) price data · Gemini 3.6 Flash", "LiteLLM community price map · GPT-5 (genai-prices agrees within 5% as of 2026-09-23)"]),
    );
    // GPT-5's price is vouched for by the newer source, Gemini 3.6 Flash's comes from it: neither is 127 days old
    expect(en.text).toContain("Prices as of 2026-09-23 (66 days old).");
    expect((await ask("/compare gpt-5 deepseek-chat")).text).toContain("⚠ These prices are 127 days old (as of 2026-07-24)");
    const zh = await ask("/compare gemini 3.6 flash gpt-5 lang:zh");
    expect(zh.text).toContain("两个价格来源相差超过 5%：输入：LiteLLM 价目表 $1.50（截至 2026-07-24），genai-prices $0.75（截至 2026-09-23）");
    expect(zh.text).toContain("本回答采用genai-prices（两者中较新的一个）");
    // genai-prices' daily windows come with its prices
    expect((await ask("/compare deepseek v4 pro gpt-5")).text).toContain(
      "DeepSeek V4 Pro: off-peak 04:00–06:00 and 10:00–01:00 UTC at $0.66 input / $1.98 output per 1M (https://api-docs.deepseek.com/quick_start/pricing, as of 2026-09-23); the prices above are the peak ones.",
    );
    expect((await ask("/model deepseek v4 pro lang:zh")).text).toContain("UTC 04:00–06:00和10:00–01:00 为错峰时段");
    const pinned = await ask("/model deepseek-chat");
    expect(pinned.text).toContain("This answer uses LiteLLM's map (an admin pinned it in knowledge/price-review.yaml)");
  });

  it("lists every disagreement for knowledge:check", async () => {
    const lines = disagreementLines((await realSnapshot()).knowledge.models.filter(isPriced));
    expect(lines).toContain("gemini-3.6-flash inputPer1M: LiteLLM $1.5 (2026-07-24), genai-prices $0.75 (2026-09-23); answers use genai-prices (the newer)");
    expect(lines.some((l) => l.startsWith("deepseek-chat outputPer1M") && l.endsWith("(pinned in price-review.yaml)"))).toBe(true);
    expect(lines).toContain("devstral-2 cachedInputPer1M: only genai-prices lists it, $0.04 (2026-09-23); answers use it");
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/knowledge-check.ts"], {
      cwd: root,
      env: { ...process.env, MODELWISE_TODAY: TODAY },
    });
    expect(stdout).toMatch(/\d+ price\(s\) differ by more than 5% between LiteLLM and @pydantic\/genai-prices 0\.1\.8/);
    expect(stdout).toContain("grok-4.20 inputPer1M: LiteLLM $2 (2026-07-24), genai-prices $1.25");
  });
});

describe("importing genai-prices' data file by URL", () => {
  const serve = async (body: string, status = 200) =>
    `${await loopbackServer((_req, res) => res.writeHead(status, { "content-type": "application/json" }).end(body), cleanups)}/data.json`;
  const run = (dir: string, ...args: string[]) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/knowledge-import.ts", ...args], {
      cwd: root,
      env: { ...process.env, MODELWISE_KNOWLEDGE_DIR: dir, MODELWISE_TODAY: TODAY },
    });

  it("writes a sourced, dated file the bot answers from", async () => {
    const data = structuredClone(bundled);
    const gpt4o = data.find((p) => p.id === "openai")!.models.find((m) => m.id === "gpt-4o")!;
    gpt4o.prices = { input_mtok: 2, output_mtok: 10 };
    const url = await serve(JSON.stringify(data));
    const dir = await knowledgeCopy(cleanups);
    const { stdout } = await run(dir, `--genai-prices=${url}`);
    expect(stdout).toContain("curated models priced; wrote genai-prices.yaml");
    expect(stdout).toContain("gpt-4o inputPer1M: LiteLLM $2.5 (2026-07-24), genai-prices $2 (2026-11-28); answers use genai-prices (the newer)");
    const text = await readFile(join(dir, "genai-prices.yaml"), "utf8");
    expect(text).toContain(`source: ${url}`);
    expect(text).toContain("asOf: 2026-11-28");
    const knowledge = await loadKnowledge(dir, new Date(`${TODAY}T12:00:00Z`));
    expect(knowledge.models.find((m) => m.id === "gpt-4o")).toMatchObject({ inputPer1M: 2, outputPer1M: 10, asOf: "2026-11-28" });
  });

  it("changes nothing when the server fails or sends something else", async () => {
    const dir = await knowledgeCopy(cleanups);
    const before = await readFile(join(dir, "genai-prices.yaml"), "utf8");
    await expect(run(dir, `--genai-prices=${await serve("oops", 500)}`)).rejects.toMatchObject({ stderr: expect.stringContaining("the server answered 500") });
    await expect(run(dir, `--genai-prices=${await serve('{"gpt-4": {}}')}`)).rejects.toMatchObject({ stderr: expect.stringContaining("not genai-prices data") });
    expect(await readFile(join(dir, "genai-prices.yaml"), "utf8")).toBe(before);
  });
});
