import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KNOWLEDGE_DIR } from "./helpers.ts";
import { KnowledgeStore } from "../src/core/knowledge/store.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { knowledgeFingerprint } from "../src/core/knowledge/snapshot-cache.ts";

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
    expect(await readdir(cache)).toHaveLength(1);
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

  it("treats an unreadable cache file as a miss", async () => {
    await KnowledgeStore.open(dir, { now: NOW, cacheDir: cache });
    const [file] = await readdir(cache);
    await writeFile(join(cache, file!), "{ not json");
    const store = await KnowledgeStore.open(dir, { now: NOW, cacheDir: cache });
    expect(store.current().knowledge.models.length).toBe((await loadKnowledge(dir, NOW())).models.length);
  });
});
