import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KNOWLEDGE_FILE_LIMITS } from "../src/core/knowledge/file-limits.ts";
import { formatProblem, KnowledgeInvalidError } from "../src/core/knowledge/problems.ts";
import { KnowledgeStore } from "../src/core/knowledge/store.ts";
import { KNOWLEDGE_DIR } from "./helpers.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "modelwise-bounds-"));
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const NOW = () => new Date("2026-11-28T12:00:00Z");
const problemsOf = async (open: Promise<unknown>) => {
  const error = await open.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KnowledgeInvalidError);
  return (error as KnowledgeInvalidError).problems.map(formatProblem);
};
const models = () => join(dir, "models.yaml");

describe("knowledge files are bounded before they are parsed", () => {
  it("refuses a models.yaml over its size limit, naming it, even when it is valid YAML", async () => {
    // valid YAML: the real file and a long comment, so only the size can be the reason
    const padding = `# ${"x".repeat(1000)}\n`.repeat(Math.ceil(KNOWLEDGE_FILE_LIMITS.yaml / 1000));
    await writeFile(models(), (await readFile(models(), "utf8")) + padding);
    expect(await problemsOf(KnowledgeStore.open(dir, { now: NOW }))).toEqual([
      expect.stringMatching(/^knowledge\/models\.yaml: file, field "size": is 4\.\d MB, over the 4\.0 MB limit; not read$/),
    ]);
  });

  it.each([
    ["a price of 1e308", "inputPer1M: 1.25\n", "inputPer1M: 1e308\n", /inputPer1M": must be at most 10000 \(USD per 1M tokens\)/],
    ["a price of $20,000 per 1M tokens", "inputPer1M: 1.25\n", "inputPer1M: 20000\n", /inputPer1M": must be at most 10000/],
  ])("refuses %s per unit, instead of quoting it", async (_name, from, to, message) => {
    const text = await readFile(models(), "utf8");
    expect(text).toContain(from);
    await writeFile(models(), text.replace(from, to));
    expect((await problemsOf(KnowledgeStore.open(dir, { now: NOW }))).join("\n")).toMatch(message);
  });

  it("refuses an exchange rate of 1e308 and a GPU at 1e308 dollars an hour", async () => {
    const currency = join(dir, "currency.yaml");
    await writeFile(currency, (await readFile(currency, "utf8")).replace(/rate: [\d.]+/, "rate: 1e308"));
    const serving = join(dir, "serving.yaml");
    await writeFile(serving, (await readFile(serving, "utf8")).replace(/typical: [\d.]+/, "typical: 1e308"));
    const problems = (await problemsOf(KnowledgeStore.open(dir, { now: NOW }))).join("\n");
    expect(problems).toMatch(/currency\.yaml.*rate": must be at most 100 \(CNY per USD\)/);
    expect(problems).toMatch(/serving\.yaml.*typical": must be at most 1000 \(USD per GPU-hour\)/);
  });

  it("leaves out a catalog entry priced above $1 a token (1e302 would quote as 1e308 per 1M)", async () => {
    const map = join(dir, "extra-map.json");
    const entry = (price: number) => ({ mode: "chat", litellm_provider: "planted", input_cost_per_token: price, output_cost_per_token: price, max_input_tokens: 1000 });
    await writeFile(map, JSON.stringify({ "planted/absurd": entry(1e302), "planted/sane": entry(1e-6) }));
    const ids = (await KnowledgeStore.open(dir, { now: NOW, catalogPath: map })).current().knowledge.catalog.map((m) => m.id);
    expect(ids).toContain("planted/sane");
    expect(ids).not.toContain("planted/absurd");
  });
});

describe("a reload reads and validates on a thread of its own", () => {
  it("serves the edit", async () => {
    // the edit is the newest price of gpt-5 only without the second source's later-dated figure beside it
    await rm(join(dir, "genai-prices.yaml"));
    const store = await KnowledgeStore.open(dir, { now: NOW, parseOffThread: true });
    const text = await readFile(models(), "utf8");
    await writeFile(models(), text.replace("inputPer1M: 1.25\n", "inputPer1M: 3.5\n"));
    expect(await store.reload()).toMatchObject({ ok: true, changed: true });
    expect((store.current().knowledge.models.find((m) => m.id === "gpt-5") as { inputPer1M: number }).inputPer1M).toBe(3.5);
  });

  it("reports a bad edit with the same problems as on the main thread, and keeps serving the last good version", async () => {
    const store = await KnowledgeStore.open(dir, { now: NOW, parseOffThread: true });
    await writeFile(models(), (await readFile(models(), "utf8")).replace("inputPer1M: 1.25\n", "inputPer1M: 1e308\n"));
    const outcome = await store.reload();
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/must be at most 10000/);
    expect(store.current().version).toBe(outcome.version);
  });
});
