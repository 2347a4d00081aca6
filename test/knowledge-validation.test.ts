import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { KnowledgeInvalidError, formatProblem, type KnowledgeProblem } from "../src/core/knowledge/problems.ts";
import { knowledgeDir } from "../src/core/knowledge-dir.ts";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function brokenCopy(file: string, edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "modelwise-knowledge-"));
  dirs.push(dir);
  await cp(knowledgeDir(), dir, { recursive: true });
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

const GPT5 = /( {2}- id: gpt-5\n(?: {4}.*\n)*)/;
const inGpt5 = (find: RegExp | string, replace: string) => (text: string) =>
  text.replace(GPT5, (entry) => entry.replace(find, replace));

describe("a broken edit names the file, the entry and the field", () => {
  it.each<[string, string, (text: string) => string, Partial<KnowledgeProblem>]>([
    ["a negative price", "models.yaml", inGpt5("inputPer1M: 1.25", "inputPer1M: -1.25"), { entry: 'model "gpt-5"', field: "inputPer1M" }],
    ["a price that is not a number", "models.yaml", inGpt5("outputPer1M: 10", "outputPer1M: ten"), { entry: 'model "gpt-5"', field: "outputPer1M" }],
    ["an unknown tier", "models.yaml", inGpt5("tier: premium", "tier: luxury"), { entry: 'model "gpt-5"', field: "tier" }],
    ["a missing source", "models.yaml", inGpt5(/ {4}source: .*\n/, ""), { entry: 'model "gpt-5"', field: "source" }],
    ["a missing as-of date", "models.yaml", inGpt5(/ {4}asOf: .*\n/, ""), { entry: 'model "gpt-5"', field: "asOf" }],
    ["a malformed date", "models.yaml", inGpt5("asOf: 2026-07-24", "asOf: last July"), { entry: 'model "gpt-5"', field: "asOf" }],
    ["an as-of date in the future", "models.yaml", inGpt5("asOf: 2026-07-24", "asOf: 2027-01-01"), { entry: 'model "gpt-5"', field: "asOf" }],
    ["an unknown field", "models.yaml", inGpt5("tier: premium", "tier: premium\n    teir: balanced"), { entry: 'model "gpt-5"', field: "teir" }],
    ["an unknown capability", "models.yaml", inGpt5("capabilities: [vision, reasoning, tools]", "capabilities: [vision, telepathy]"), { entry: 'model "gpt-5"', field: "capabilities.1" }],
    ["a duplicate id", "models.yaml", (t) => t.replace("- id: gpt-5-mini\n", "- id: gpt-5\n"), { entry: 'model "gpt-5"', field: "id" }],
    ["one alias claimed by two models", "models.yaml", (t) => t.replace('aliases: ["gpt5", "openai gpt-5"]', 'aliases: ["gpt5", "deepseek"]'), { field: "aliases" }],
    ["a cached price above the input price", "models.yaml", inGpt5("cachedInputPer1M: 0.125", "cachedInputPer1M: 12.5"), { entry: 'model "gpt-5"', field: "cachedInputPer1M" }],
    ["an article claim pointing at no section", "models.yaml", inGpt5("section: the-premium-frontier", "section: the-luxury-frontier"), { entry: 'model "gpt-5"', field: "articleClaim.section" }],
    ["malformed YAML", "models.yaml", (t) => t.replace("models:\n", "models:\n  - id: [unclosed\n"), { field: "(YAML syntax)" }],
    ["a GPU price range upside down", "selfhost.yaml", (t) => t.replace("low: 1.99, typical: 3.00", "low: 3.99, typical: 3.00"), { field: "gpus.1.hourlyUsd" }],
    ["throughput for a model that does not exist", "selfhost.yaml", (t) => t.replace("model: gpt-oss-20b", "model: gpt-oss-30b"), { entry: "throughput #3", field: "model" }],
    ["throughput for a closed model", "selfhost.yaml", (t) => t.replace("model: gpt-oss-20b", "model: gpt-5"), { entry: "throughput #3", field: "model" }],
    ["a task with an unknown tier", "tasks.yaml", (t) => t.replace("suggestedTier: premium", "suggestedTier: gold"), { field: "tasks.6.suggestedTier" }],
    ["an article without front matter", "articles/2026-llm-token-cost-ranking.md", (t) => t.replace(/^---[\s\S]*?---\n/, ""), { field: "front matter" }],
    ["an article section missing its Chinese half", "articles/2026-llm-token-cost-ranking.md", (t) => t.replace(/随着硬件变得越来越强大[^\n]*\n/, "").replace(/\*   \*\*API\*\*: 零维护[^\n]*\n\*   \*\*自建\*\*[^\n]*\n/, ""), { entry: 'section "Self-Hosted vs. API: The 2026 Equation"', field: "zh" }],
  ])("%s", async (_name, file, edit, expected) => {
    const problems = await problemsOf(await brokenCopy(file, edit));
    expect(problems.length).toBeGreaterThan(0);
    const match = problems.find((p) => Object.entries(expected).every(([key, value]) => p[key as keyof KnowledgeProblem] === value));
    expect(match, `expected a problem like ${JSON.stringify(expected)} in:\n${problems.map(formatProblem).join("\n")}`).toBeDefined();
    expect(match!.file).toBe(`knowledge/${file}`);
    expect(match!.line).toBeGreaterThan(0);
  });

  it("reports every problem at once, each on its line", async () => {
    const dir = await brokenCopy("models.yaml", (t) => inGpt5("tier: premium", "tier: luxury")(t).replace("inputPer1M: 0.25\n", "inputPer1M: -0.25\n"));
    const problems = await problemsOf(dir);
    expect(problems.map((p) => p.field).sort()).toEqual(["inputPer1M", "tier"]);
    const text = await readFile(join(dir, "models.yaml"), "utf8");
    const lineOf = (needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;
    expect(problems.find((p) => p.field === "tier")!.line).toBe(lineOf("tier: luxury"));
  });

  it("loads the real knowledge folder cleanly", async () => {
    const knowledge = await loadKnowledge(knowledgeDir(), new Date("2026-11-28T00:00:00Z"));
    expect(knowledge.models.length).toBeGreaterThanOrEqual(41);
    expect(knowledge.selfhost.gpus.map((g) => g.id)).toEqual(expect.arrayContaining(["a100", "h100", "h200", "b200"]));
  });

  it("indexes articles dropped into the folder", async () => {
    const dir = await brokenCopy("tasks.yaml", (t) => t + "\n");
    await writeFile(
      join(dir, "articles", "batch-api.md"),
      '---\ntitle: "Batch APIs"\npubDate: "2026-03-01"\n---\n\n# Batch APIs / 批处理API\n\n## Batch discounts / 批处理折扣\n\nBatch endpoints halve the price of overnight jobs.\n\n批处理接口可将夜间任务的价格减半。\n',
    );
    const knowledge = await loadKnowledge(dir, new Date("2026-11-28T00:00:00Z"));
    expect(knowledge.articles.map((a) => a.id)).toContain("batch-api");
  });
});
