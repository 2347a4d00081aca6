import { createHash } from "node:crypto";
import { chmod, cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KNOWLEDGE_DIR } from "./helpers.ts";
import { KnowledgeStore } from "../src/core/knowledge/store.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { codeIdentity, knowledgeFingerprint } from "../src/core/knowledge/snapshot-cache.ts";

let dir: string;
let cache: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "modelwise-kn-"));
  cache = await mkdtemp(join(tmpdir(), "modelwise-cache-"));
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
});
afterEach(async () => {
  await Promise.all([dir, cache].map((d) => rm(d, { recursive: true, force: true })));
});

const NOW = () => new Date("2026-11-28T12:00:00Z");

describe("the validated-snapshot cache behind fast restarts", () => {
  it("restores exactly what validation produced", async () => {
    const first = await KnowledgeStore.open(dir, { now: NOW, cacheDir: cache });
    expect((await readdir(cache)).filter((name) => name.endsWith(".json"))).toHaveLength(1);
    const second = await KnowledgeStore.open(dir, { now: NOW, cacheDir: cache });
    const { loadedAt: _a, ...restored } = second.current().knowledge;
    const { loadedAt: _b, ...validated } = await loadKnowledge(dir, NOW());
    expect(restored).toEqual(JSON.parse(JSON.stringify(validated)));
    expect(second.current().version).toBe(first.current().version);
  });

  it("is keyed by the files' contents: any edit means a fresh validation", async () => {
    const before = await knowledgeFingerprint(dir);
    const path = join(dir, "models.yaml");
    await writeFile(path, (await readFile(path, "utf8")).replace("inputPer1M: 1.25\n", "inputPer1M: -1\n"));
    expect(await knowledgeFingerprint(dir)).not.toBe(before);
    await expect(KnowledgeStore.open(dir, { now: NOW, cacheDir: cache })).rejects.toThrow(/inputPer1M/);
  });

  it("is keyed by the loader's code: an upgrade that reads the same files differently validates them afresh", async () => {
    expect(await knowledgeFingerprint(dir, undefined, Promise.resolve("loader a"))).not.toBe(await knowledgeFingerprint(dir, undefined, Promise.resolve("loader b")));
    const code = await mkdtemp(join(tmpdir(), "modelwise-code-"));
    try {
      await writeFile(join(code, "load.js"), "export const rule = 1;");
      const before = await codeIdentity(code);
      await writeFile(join(code, "load.js"), "export const rule = 2 + 1;");
      expect(await codeIdentity(code)).not.toBe(before);
    } finally {
      await rm(code, { recursive: true, force: true });
    }
  });

  it("treats an unreadable cache file as a miss", async () => {
    await KnowledgeStore.open(dir, { now: NOW, cacheDir: cache });
    const file = (await readdir(cache)).find((name) => name.endsWith(".json"));
    await writeFile(join(cache, file!), "{ not json");
    const store = await KnowledgeStore.open(dir, { now: NOW, cacheDir: cache });
    expect(store.current().knowledge.models.length).toBe((await loadKnowledge(dir, NOW())).models.length);
  });
});

describe("the cache trusts nothing another local user could have written", () => {
  const warnings: string[] = [];
  const logger = { info: () => undefined, error: () => undefined, warn: (_: unknown, message: string) => void warnings.push(message) };
  beforeEach(() => void warnings.splice(0));

  /** The snapshot a restart would serve, with one price changed the way an attacker would. */
  async function forgeCachedPrice(file: string, forge: (payload: string) => string): Promise<void> {
    const cached = JSON.parse(await readFile(file, "utf8")) as { payload: string };
    cached.payload = forge(cached.payload);
    await writeFile(file, JSON.stringify({ ...cached, digest: createHash("sha256").update(cached.payload).digest("hex") }));
  }
  const gpt5Input = (store: KnowledgeStore) => (store.current().knowledge.models.find((m) => m.id === "gpt-5") as { inputPer1M: number }).inputPer1M;

  it("refuses, in one line, a cache folder others can write, and validates the files instead", async () => {
    await chmod(cache, 0o777);
    const store = await KnowledgeStore.open(dir, { now: NOW, cacheDir: cache, logger });
    expect(warnings).toEqual([expect.stringMatching(/^snapshot cache .* is writable by other users \(mode 777\); not using it: chmod 700 it$/)]);
    expect(await readdir(cache)).toEqual([]);
    expect((await stat(cache)).mode & 0o777).toBe(0o777);
    expect(store.current().knowledge.models.length).toBeGreaterThan(0);
  });

  it("serves no snapshot whose signature was not made with this install's key, even with a correct SHA-256", async () => {
    const honest = await KnowledgeStore.open(dir, { now: NOW, cacheDir: cache, logger });
    const file = join(cache, (await readdir(cache)).find((name) => name.endsWith(".json"))!);
    await forgeCachedPrice(file, (payload) => {
      const knowledge = JSON.parse(payload) as { models: { id: string; inputPer1M?: number }[] };
      knowledge.models.find((m) => m.id === "gpt-5")!.inputPer1M = 0.0001;
      return JSON.stringify(knowledge);
    });
    const restarted = await KnowledgeStore.open(dir, { now: NOW, cacheDir: cache, logger });
    expect(gpt5Input(restarted)).toBe(gpt5Input(honest));
  });

  it("keeps its key in a 0600 file of the cache folder, or takes it from the configuration", async () => {
    await KnowledgeStore.open(dir, { now: NOW, cacheDir: cache });
    expect((await stat(join(cache, "key"))).mode & 0o777).toBe(0o600);
    const keyed = await mkdtemp(join(tmpdir(), "modelwise-cache-"));
    try {
      await KnowledgeStore.open(dir, { now: NOW, cacheDir: keyed, cacheKey: "k".repeat(40) });
      expect(await readdir(keyed)).not.toContain("key");
      // a snapshot signed with another key is a miss, not an error
      const other = await KnowledgeStore.open(dir, { now: NOW, cacheDir: keyed, cacheKey: "j".repeat(40), logger });
      expect(other.current().knowledge.models.length).toBeGreaterThan(0);
    } finally {
      await rm(keyed, { recursive: true, force: true });
    }
  });

  it("does not read a cached snapshot others may write", async () => {
    const honest = await KnowledgeStore.open(dir, { now: NOW, cacheDir: cache, logger });
    const file = join(cache, (await readdir(cache)).find((name) => name.endsWith(".json"))!);
    await chmod(file, 0o666);
    await KnowledgeStore.open(dir, { now: NOW, cacheDir: cache, logger });
    expect(warnings[0]).toMatch(/may be changed by other users; not reading it$/);
    expect(honest.current().version).toBeTruthy();
  });
});
