import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { KnowledgeInvalidError, type KnowledgeProblem } from "../src/core/knowledge/problems.ts";
import { KNOWLEDGE_DIR } from "./helpers.ts";
import { inGpt5 } from "./broken-edits.ts";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function brokenCopy(file: string, edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "modelwise-knowledge-"));
  dirs.push(dir);
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const before = await readFile(path, "utf8");
  const after = edit(before);
  expect(after, "the edit must change the file").not.toBe(before);
  await writeFile(path, after);
  return dir;
}

async function problemsOf(dir: string): Promise<KnowledgeProblem[]> {
  try {
    await loadKnowledge(dir, new Date("2026-11-28T00:00:00Z"));
  } catch (error) {
    if (error instanceof KnowledgeInvalidError) return error.problems;
    throw error;
  }
  throw new Error("the broken knowledge loaded without complaint");
}

describe("a broken edit names the file, the entry and the field", () => {
  // Each of BROKEN_EDITS is checked through the store in test/knowledge-ops.test.ts, with this file's assertions
  // (the entry, the field, the file and a line) and that the bot keeps answering: one load per edit, not two.

  it("reports every problem at once, each on its line", async () => {
    const dir = await brokenCopy("models.yaml", (t) => inGpt5("tier: premium", "tier: luxury")(t).replace("inputPer1M: 0.25\n", "inputPer1M: -0.25\n"));
    const problems = await problemsOf(dir);
    expect(problems.map((p) => p.field).sort()).toEqual(["inputPer1M", "tier"]);
    const text = await readFile(join(dir, "models.yaml"), "utf8");
    const lineOf = (needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;
    expect(problems.find((p) => p.field === "tier")!.line).toBe(lineOf("tier: luxury"));
  });

  it("loads the real knowledge folder cleanly", async () => {
    const knowledge = await loadKnowledge(KNOWLEDGE_DIR, new Date("2026-11-28T00:00:00Z"));
    expect(knowledge.models.length).toBeGreaterThanOrEqual(41);
    expect(knowledge.serving.gpus.map((g) => g.id)).toEqual(expect.arrayContaining(["a100", "h100", "h200", "b200", "l40s", "mi300x"]));
  });

  it("indexes articles dropped into the folder", async () => {
    const dir = await brokenCopy("tasks.yaml", (t) => `${t}\n`);
    await writeFile(
      join(dir, "articles", "batch-api.md"),
      '---\ntitle: "Batch APIs"\npubDate: "2026-03-01"\n---\n\n# Batch APIs / 批处理API\n\n## Batch discounts / 批处理折扣\n\nBatch endpoints halve the price of overnight jobs.\n\n批处理接口可将夜间任务的价格减半。\n',
    );
    const knowledge = await loadKnowledge(dir, new Date("2026-11-28T00:00:00Z"));
    expect(knowledge.articles.map((a) => a.id)).toContain("batch-api");
  });
});
