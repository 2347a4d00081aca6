import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { KNOWLEDGE_DIR, testDispatcher } from "./helpers.ts";
import { KnowledgeStore } from "../src/core/knowledge/store.ts";
import { formatProblem, type KnowledgeProblem } from "../src/core/knowledge/problems.ts";
import type { Reply } from "../src/core/reply/reply.ts";
import { BROKEN_EDITS } from "./broken-edits.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const SNAPSHOT = join(root, "..", "shared", "data", "litellm-model-prices.json");
const NOW = () => new Date("2026-11-28T12:00:00Z");
const dirs: string[] = [];
const stores: KnowledgeStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) store.close();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function knowledgeCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "modelwise-ops-"));
  dirs.push(dir);
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
  // these edits change a price without its date: the newer-dated second source would win (test/price-sources.test.ts)
  await rm(join(dir, "genai-prices.yaml"), { force: true });
  return dir;
}

async function openStore(dir: string): Promise<KnowledgeStore> {
  const store = await KnowledgeStore.open(dir, { now: NOW });
  stores.push(store);
  return store;
}

const ask = (store: KnowledgeStore, line: string, isAdmin = false): Promise<Reply> => {
  const [command, ...rest] = line.replace(/^\//, "").split(" ");
  return testDispatcher(store).answer({ command: command!, text: rest.join(" "), user: { id: "u" }, isAdmin, surface: "test" });
};
const gpt5Input = (reply: Reply) => (reply.data as { models: { id: string; inputPer1M: number }[] }).models.find((m) => m.id === "gpt-5")!.inputPer1M;

describe("a broken edit never replaces the last good knowledge", () => {
  describe("one store, each broken edit in turn, then the file put back", () => {
    // a rejected reload leaves the store on the good version, so the cases can share one store (one load each)
    let dir: string;
    let store: KnowledgeStore;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "modelwise-ops-"));
      await cp(KNOWLEDGE_DIR, dir, { recursive: true });
      await rm(join(dir, "genai-prices.yaml"), { force: true });
      store = await KnowledgeStore.open(dir, { now: NOW });
    });
    afterAll(async () => {
      store?.close();
      await rm(dir, { recursive: true, force: true });
    });

    it.each(BROKEN_EDITS)("%s: precise error, and the bot keeps answering from the previous version", async (_name, file, edit, expected) => {
      const before = store.current().version;
      const answerBefore = (await ask(store, "/compare gpt-5 deepseek")).text;
      const path = join(dir, file);
      const good = await readFile(path, "utf8");
      const broken = edit(good);
      expect(broken, "the edit must change the file").not.toBe(good);
      await writeFile(path, broken);
      try {
        const outcome = await store.reload();
        expect(outcome.ok).toBe(false);
        // the problem names the file, the entry, the field and the line (this is the loader's test too)
        const match = outcome.problems.find((p) => Object.entries(expected).every(([key, value]) => p[key as keyof KnowledgeProblem] === value));
        expect(match, `expected a problem like ${JSON.stringify(expected)} in:\n${outcome.problems.map(formatProblem).join("\n")}`).toBeDefined();
        expect(match!.file).toBe(`knowledge/${file}`);
        expect(match!.line).toBeGreaterThan(0);
        expect(outcome.problems.some((p) => p.file === `knowledge/${file}` && Object.entries(expected).every(([k, v]) => p[k as keyof typeof p] === v))).toBe(true);
        expect(store.current().version).toBe(before);
        expect((await ask(store, "/compare gpt-5 deepseek")).text).toBe(answerBefore);
        const status = await ask(store, "/status", true);
        expect(status.text).toContain("rejected, still serving the last good version");
      } finally {
        await writeFile(path, good);
      }
    });
  });

  it("serves a good edit after the swap, found by watching the folder (saved by rename, as editors do)", async () => {
    const dir = await knowledgeCopy();
    const store = await openStore(dir);
    store.watch();
    const path = join(dir, "models.yaml");
    const edited = (await readFile(path, "utf8")).replace("inputPer1M: 1.25\n", "inputPer1M: 1.5\n");
    await writeFile(`${path}.swp`, edited);
    await rename(`${path}.swp`, path);
    const until = Date.now() + 10_000;
    while (gpt5Input(await ask(store, "/compare gpt-5")) !== 1.5 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(gpt5Input(await ask(store, "/compare gpt-5"))).toBe(1.5);
    expect(store.status().lastReload?.ok).toBe(true);
  });

  it("never lets a query see a half-loaded snapshot while a reload races with it", async () => {
    const dir = await knowledgeCopy();
    const store = await openStore(dir);
    const path = join(dir, "models.yaml");
    const original = await readFile(path, "utf8");
    const edited = original.replace("inputPer1M: 1.25\n", "inputPer1M: 9.99\n").replace("inputTokens: 10000000", "inputTokens: 20000000");
    // old → new, new → old, twice: a query starts on every turn of the event loop while the reload reads, parses and
    // swaps, so queries are in flight when the snapshot is swapped, and answers come from both versions
    for (const next of [edited, original, edited, original]) {
      await writeFile(path, next);
      let reloaded = false;
      const reload = store.reload().finally(() => (reloaded = true));
      const replies: Promise<Reply>[] = [];
      while (!reloaded) {
        replies.push(ask(store, "/compare gpt-5 deepseek"));
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect((await reload).ok).toBe(true);
      const after = ask(store, "/compare gpt-5 deepseek");
      replies.push(after);
      const seen = new Set<number>();
      for (const reply of await Promise.all(replies)) {
        const data = reply.data as { workload: { inputTokens: number }; models: { id: string; inputPer1M: number; cost: number }[] };
        const gpt5 = data.models.find((m) => m.id === "gpt-5")!;
        // old snapshot: 1.25 with 10M input; new: 9.99 with 20M input; never a mix
        const pair = [gpt5.inputPer1M, data.workload.inputTokens];
        expect([
          [1.25, 10_000_000],
          [9.99, 20_000_000],
        ]).toContainEqual(pair);
        expect(gpt5.cost).toBeCloseTo((data.workload.inputTokens * gpt5.inputPer1M + 2_000_000 * 10) / 1e6);
        seen.add(gpt5.inputPer1M);
      }
      // those that read the snapshot before the swap got the old version, the later ones the new
      expect([...seen].sort()).toEqual([1.25, 9.99]);
      expect(gpt5Input(await after)).toBe(next === edited ? 9.99 : 1.25);
    }
  });
});

describe("/status and /reload are for admins", () => {
  it("refuses everyone else politely, in their language", async () => {
    const store = await openStore(await knowledgeCopy());
    for (const [line, words] of [
      ["/reload", "for the bot's admins"],
      ["/status lang:zh", "仅供机器人管理员使用"],
    ] as const) {
      const reply = await ask(store, line);
      expect(reply.ok).toBe(false);
      expect((reply.data as { error: { code: string } }).error.code).toBe("forbidden");
      expect(reply.text).toContain(words);
    }
  });

  it("reports version, counts, price age and the last reload to admins", async () => {
    const store = await openStore(await knowledgeCopy());
    await ask(store, "/reload", true);
    const reply = await ask(store, "/status", true);
    expect(reply.ok).toBe(true);
    const knowledge = store.current().knowledge;
    expect(reply.data).toMatchObject({
      version: store.current().version,
      models: knowledge.models.length,
      articles: 1,
      oldestPriceAsOf: "2026-07-24",
      priceAgeDays: 127,
      lastReload: { ok: true },
    });
    expect(knowledge.models.length).toBeGreaterThan(100);
    expect(reply.text).toContain("older than 90 days");
  });
});

describe("npm run knowledge:import", () => {
  const run = (dir: string, ...args: string[]) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/knowledge-import.ts", ...args], {
      cwd: root,
      env: { ...process.env, MODELWISE_KNOWLEDGE_DIR: dir, MODELWISE_TODAY: "2026-11-28" },
    });
  const check = (dir: string) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/knowledge-check.ts", dir], { cwd: root, env: { ...process.env, MODELWISE_TODAY: "2026-11-28" } });

  async function newerMap(dir: string): Promise<string> {
    const map = JSON.parse(await readFile(SNAPSHOT, "utf8"));
    map.last_updated = "2026-11-20T00:00:00+00:00";
    map["gpt-5"].input_cost_per_token = 1.1e-6;
    map["gpt-5"].max_input_tokens = 400000;
    delete map["deepseek-v4-pro"];
    const path = join(dir, "newer-map.json");
    await writeFile(path, JSON.stringify(map));
    return path;
  }

  it("against the shared snapshot: the curated table is up to date", async () => {
    const dir = await knowledgeCopy();
    const { stdout } = await run(dir, SNAPSHOT, "--dry-run");
    expect(stdout).toContain("changed (0)");
    expect(stdout).toContain("missing (0)");
    const curated = (await openStore(dir)).current().knowledge.models.filter((m) => !("unpriced" in m)).length;
    expect(stdout).toContain(`unchanged (${curated})`);
  });

  it("dry run lists changes and writes nothing", async () => {
    const dir = await knowledgeCopy();
    const before = await readFile(join(dir, "models.yaml"), "utf8");
    const { stdout } = await run(dir, await newerMap(dir), "--dry-run");
    expect(stdout).toContain("gpt-5: inputPer1M 1.25 → 1.1; contextWindow 272000 → 400000");
    expect(stdout).toMatch(/missing \(1\): deepseek-v4-pro \(not in the map: deepseek-v4-pro\)/);
    expect(await readFile(join(dir, "models.yaml"), "utf8")).toBe(before);
  });

  it("a real run keeps comments and curated fields, records history, and passes the check", async () => {
    const dir = await knowledgeCopy();
    const path = join(dir, "models.yaml");
    await writeFile(path, (await readFile(path, "utf8")).replace("  - id: gpt-5\n", "  # admins: keep GPT-5 first\n  - id: gpt-5\n"));
    await run(dir, await newerMap(dir));
    const after = await readFile(path, "utf8");
    expect(after).toContain("# admins: keep GPT-5 first");
    expect(after).toContain("# The price table.");
    expect(after).toContain('aliasesZh: ["GPT五"]');
    expect(after).toMatch(/history:\n\s+- \{inputPer1M: 1.25, outputPer1M: 10, cachedInputPer1M: 0.125, asOf: 2026-07-24\}/);
    const { stdout } = await check(dir);
    expect(stdout).toContain("knowledge OK");
    expect(stdout).toContain('model "deepseek-v4-pro": was missing from the last import (2026-11-28)');
    const store = await openStore(dir);
    const reply = await ask(store, "/compare gpt-5");
    expect(reply.text).toContain("GPT-5 input went from $1.25 to $1.10 on 2026-11-20");
    expect(gpt5Input(reply)).toBe(1.1);
  });
});

describe("the extended catalog", () => {
  it("compares any LiteLLM model, labelled as catalog, while curated names still win", async () => {
    const store = await KnowledgeStore.open(await knowledgeCopy(), { now: NOW, catalogPath: SNAPSHOT });
    stores.push(store);
    expect(store.current().knowledge.catalog.length).toBeGreaterThan(2000);
    const reply = await ask(store, "/compare gpt5 xai/grok-2-vision-1212");
    const models = (reply.data as { models: { id: string; tier: string | null }[] }).models;
    expect(models).toEqual([expect.objectContaining({ id: "gpt-5", tier: "premium" }), expect.objectContaining({ id: "xai/grok-2-vision-1212" })]);
    expect(reply.text).toContain("from the full LiteLLM catalog");
    expect(store.current().resolver.exact("gemini-2.0-flash")?.id).toBe("gemini-2.0-flash");
  });
});
