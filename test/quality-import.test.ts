import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { importAiderRuns, importArena, serializeCodingRuns, serializeQuality, type AiderRun, type ArenaBoard, type Mapping } from "../src/core/knowledge/import-quality.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { knowledgeWarnings } from "../src/core/knowledge/warnings.ts";
import { KNOWLEDGE_DIR, TODAY, SHARED_DATA } from "./helpers.ts";

const json = async (name: string) => JSON.parse(await readFile(join(SHARED_DATA, name), "utf8")) as ArenaBoard;

describe("npm run knowledge:quality", () => {
  it("writes exactly the shipped quality.yaml from the style-control and vision boards, keeping the hand-made mapping", async () => {
    const shipped = await readFile(join(KNOWLEDGE_DIR, "quality.yaml"), "utf8");
    const current = parse(shipped) as { models: Record<string, Mapping>; scale: string };
    const { file, missing } = importArena(
      current,
      await json("lmarena-leaderboard-text-style-control.json"),
      {
        source: "LMArena text leaderboard, style control (lmarena/arena-catalog)",
        url: "https://github.com/lmarena/arena-catalog/blob/main/data/leaderboard-text-style-control.json",
        asOf: "2025-12-17",
        scale: current.scale,
      },
      {
        board: await json("lmarena-leaderboard-vision.json"),
        meta: {
          source: "LMArena vision leaderboard (lmarena/arena-catalog)",
          url: "https://github.com/lmarena/arena-catalog/blob/main/data/leaderboard-vision.json",
          asOf: "2025-12-11",
        },
      },
    );
    expect(missing).toEqual([]);
    expect(serializeQuality(file)).toBe(shipped);
  });

  it("names a mapped model the board does not list instead of dropping it silently", async () => {
    const { file, missing } = importArena({ models: { "gpt-5": { arena: "gpt-5-typo" } } }, await json("lmarena-leaderboard-text-style-control.json"), {
      source: "s",
      url: "u",
      asOf: "2025-12-17",
      scale: "x",
    });
    expect(missing).toEqual([{ id: "gpt-5", arena: "gpt-5-typo", board: "text" }]);
    expect(file.models["gpt-5"]!.scores).toEqual({});
  });

  it("writes exactly the shipped coding-runs.yaml from Aider's leaderboard, and names runs it cannot use", async () => {
    const shipped = await readFile(join(KNOWLEDGE_DIR, "coding-runs.yaml"), "utf8");
    const runs = parse(await readFile(join(SHARED_DATA, "aider-polyglot-leaderboard.yml"), "utf8")) as AiderRun[];
    const meta = {
      source: "Aider polyglot leaderboard (Aider-AI/aider)",
      url: "https://github.com/Aider-AI/aider/blob/main/aider/website/_data/polyglot_leaderboard.yml",
      asOf: "2025-10-04",
    };
    const { file, missing } = importAiderRuns(parse(shipped), runs, meta);
    expect(missing).toEqual([]);
    expect(serializeCodingRuns(file)).toBe(shipped);
    // a run without token counts cannot give a cost per solved task
    const noTokens = importAiderRuns({ runs: { "gpt-4o-mini": { run: "2024-12-21-18-41-18--polyglot-gpt-4o-mini" } } }, runs, meta);
    expect(noTokens.missing).toEqual([{ id: "gpt-4o-mini", run: "2024-12-21-18-41-18--polyglot-gpt-4o-mini", reason: "no token counts" }]);
  });
});

describe("knowledge:check on quality bars", () => {
  it("warns about a task bar written as a fixed score, and not about bars measured from the frontier", async () => {
    const knowledge = await loadKnowledge(KNOWLEDGE_DIR, new Date(`${TODAY}T12:00:00Z`));
    const barWarnings = (k: typeof knowledge) => knowledgeWarnings(k, TODAY).filter((w) => w.file === "knowledge/tasks.yaml");
    expect(barWarnings(knowledge)).toEqual([]);
    const fixed = { ...knowledge, tasks: knowledge.tasks.map((t) => (t.id === "coding" ? { ...t, minQuality: { category: "coding" as const, score: 1300 } } : t)) };
    expect(barWarnings(fixed)).toEqual([{ file: "knowledge/tasks.yaml", entry: 'task "coding"', message: expect.stringContaining("belowBest") }]);
  });
});
