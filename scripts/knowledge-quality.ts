import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { readConfigOrExit } from "../src/config/read-or-exit.ts";
import { importAiderRuns, importArena, serializeCodingRuns, serializeQuality, type AiderRun, type ArenaBoard, type Mapping } from "../src/core/knowledge/import-quality.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { KnowledgeInvalidError, formatProblem } from "../src/core/knowledge/problems.ts";

/**
 * npm run knowledge:quality -- --text=<leaderboard-text-style-control.json> --text-as-of=YYYY-MM-DD
 *   [--vision=<leaderboard-vision.json> --vision-as-of=YYYY-MM-DD] [--aider=<polyglot_leaderboard.yml> --aider-as-of=YYYY-MM-DD] [--dry-run]
 * Rewrites quality.yaml's scores and `best` (keeping the hand-made mapping) and coding-runs.yaml's numbers (keeping
 * which run stands for which model); restores both if the result does not validate. The boards carry no date, so the
 * date of each file (its last commit, see its SOURCE) is given by hand.
 */
const config = readConfigOrExit();
const today = config.today ?? new Date().toISOString().slice(0, 10);
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [key, ...value] = a.replace(/^--/, "").split("=");
    return [key!, value.join("=")] as const;
  }),
);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const usage = () => {
  console.error(
    "usage: npm run knowledge:quality -- --text=<leaderboard-text-style-control.json> --text-as-of=YYYY-MM-DD [--vision=<file> --vision-as-of=YYYY-MM-DD] [--aider=<polyglot_leaderboard.yml> --aider-as-of=YYYY-MM-DD] [--dry-run]",
  );
  process.exit(64);
};
for (const board of ["text", "vision", "aider"]) if (args.has(board) && !DATE.test(args.get(`${board}-as-of`) ?? "")) usage();
if (!args.has("text") && !args.has("aider")) usage();
const dryRun = args.has("dry-run");
const dir = config.knowledgeDir;
const qualityPath = join(dir, "quality.yaml");
const runsPath = join(dir, "coding-runs.yaml");
const qualityBefore = await readFile(qualityPath, "utf8");
const runsBefore = await readFile(runsPath, "utf8").catch(() => null);
const json = async (path: string) => JSON.parse(await readFile(path, "utf8")) as ArenaBoard;
const writes: [string, string][] = [];

if (args.has("text")) {
  const current = parse(qualityBefore) as { models: Record<string, Mapping>; scale: string };
  const vision = args.has("vision")
    ? {
        board: await json(args.get("vision")!),
        meta: {
          source: "LMArena vision leaderboard (lmarena/arena-catalog)",
          url: "https://github.com/lmarena/arena-catalog/blob/main/data/leaderboard-vision.json",
          asOf: args.get("vision-as-of")!,
        },
      }
    : undefined;
  const { file, missing } = importArena(
    current,
    await json(args.get("text")!),
    {
      source: "LMArena text leaderboard, style control (lmarena/arena-catalog)",
      url: "https://github.com/lmarena/arena-catalog/blob/main/data/leaderboard-text-style-control.json",
      asOf: args.get("text-as-of")!,
      scale: current.scale,
    },
    vision,
  );
  console.log(
    `quality.yaml: ${Object.keys(file.models).length} models; best per category: ${Object.entries(file.best)
      .map(([c, b]) => `${c} ${b!.score} (${b!.arena})`)
      .join(", ")}`,
  );
  console.log(`not on the board (${missing.length}): ${missing.map((m) => `${m.id} as "${m.arena}" (${m.board})`).join(", ") || "none"}`);
  writes.push([qualityPath, serializeQuality(file)]);
}
if (args.has("aider")) {
  const current = (runsBefore ? parse(runsBefore) : { runs: {} }) as { runs: Record<string, { run: string; note?: string }> };
  const runs = parse(await readFile(args.get("aider")!, "utf8")) as AiderRun[];
  const { file, missing } = importAiderRuns(current, runs, {
    source: "Aider polyglot leaderboard (Aider-AI/aider)",
    url: "https://github.com/Aider-AI/aider/blob/main/aider/website/_data/polyglot_leaderboard.yml",
    asOf: args.get("aider-as-of")!,
  });
  console.log(`coding-runs.yaml: ${Object.keys(file.runs).length} mapped runs of ${runs.length}`);
  console.log(`missing (${missing.length}): ${missing.map((m) => `${m.id} (${m.run}: ${m.reason})`).join(", ") || "none"}`);
  writes.push([runsPath, serializeCodingRuns(file)]);
}
if (dryRun) process.exit(0);
for (const [path, text] of writes) await writeFile(path, text);
try {
  await loadKnowledge(dir, new Date(`${today}T12:00:00Z`));
  console.log(`wrote ${writes.map(([p]) => p).join(" and ")}; knowledge:check passes.`);
} catch (error) {
  await writeFile(qualityPath, qualityBefore);
  if (runsBefore !== null) await writeFile(runsPath, runsBefore);
  else await rm(runsPath, { force: true });
  const problems = error instanceof KnowledgeInvalidError ? error.problems.map(formatProblem) : [(error as Error).message];
  console.error(`the result did not validate, so the files were restored:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
