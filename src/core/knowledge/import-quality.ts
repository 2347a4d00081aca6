import type { CodingRunsFile, QualityCategory, QualityFile } from "./schema.ts";

/** An LMArena board as arena-catalog publishes it: { category: { model: { rating, rating_q025, rating_q975 } } }. */
export type ArenaBoard = Record<string, Record<string, { rating: number; rating_q025: number; rating_q975: number }>>;

/** Which board category each kept quality category is read from. */
const TEXT_CATEGORIES: Partial<Record<QualityCategory, string>> = {
  full: "full",
  coding: "coding",
  math: "math",
  chinese: "chinese",
  creative_writing: "creative_writing",
  hard_6: "hard_6",
  instruction_following: "if",
  multiturn: "multiturn",
  long_queries: "long_user",
};
const VISION_CATEGORY = "full";

/** A model's hand-made mapping to the boards, the part of a quality.yaml entry the import keeps. */
export interface Mapping {
  arena: string;
  visionArena?: string;
  note?: string;
}

export interface BoardMeta {
  source: string;
  url: string;
  asOf: string;
}

export interface QualityImport {
  file: QualityFile;
  /** mapped models a board does not list (a name to fix, or a model the board dropped) */
  missing: { id: string; arena: string; board: "text" | "vision" }[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Fresh scores for every hand-mapped model of `current` from the text board (style control) and, when given, the
 * vision board; the mapping (`arena`, `visionArena`, `note`) is kept as written. `best` records each category's top
 * score on the board, over every model it lists: the frontier the task bars are measured from.
 */
export function importArena(
  current: { models: Record<string, Mapping> },
  text: ArenaBoard,
  textMeta: BoardMeta & { scale: string },
  vision?: { board: ArenaBoard; meta: BoardMeta },
): QualityImport {
  const missing: QualityImport["missing"] = [];
  const best: QualityFile["best"] = {};
  const categories = Object.entries(TEXT_CATEGORIES) as [QualityCategory, string][];
  const boardBest = (rows: ArenaBoard[string] | undefined) => {
    const top = Object.entries(rows ?? {}).reduce<[string, number] | null>((a, [name, row]) => (!a || row.rating > a[1] ? [name, row.rating] : a), null);
    return top ? { score: round1(top[1]), arena: top[0] } : undefined;
  };
  for (const [category, boardCategory] of categories) {
    const top = boardBest(text[boardCategory]);
    if (top) best[category] = top;
  }
  const visionTop = vision && boardBest(vision.board[VISION_CATEGORY]);
  if (visionTop) best.vision = visionTop;

  const models: QualityFile["models"] = {};
  for (const [id, entry] of Object.entries(current.models)) {
    const scores: QualityFile["models"][string]["scores"] = {};
    for (const [category, boardCategory] of categories) {
      const row = text[boardCategory]?.[entry.arena];
      if (row) scores[category] = { score: round1(row.rating), ci: [round1(row.rating_q025), round1(row.rating_q975)] };
    }
    if (!text.full?.[entry.arena]) missing.push({ id, arena: entry.arena, board: "text" });
    const visionName = entry.visionArena ?? entry.arena;
    const seen = vision?.board[VISION_CATEGORY]?.[visionName];
    if (seen) scores.vision = { score: round1(seen.rating), ci: [round1(seen.rating_q025), round1(seen.rating_q975)] };
    else if (vision && entry.visionArena) missing.push({ id, arena: entry.visionArena, board: "vision" });
    models[id] = { arena: entry.arena, ...(entry.visionArena && { visionArena: entry.visionArena }), ...(entry.note && { note: entry.note }), scores };
  }
  return {
    file: { source: textMeta.source, url: textMeta.url, asOf: textMeta.asOf, scale: textMeta.scale, ...(vision && { vision: vision.meta }), best, models },
    missing,
  };
}

const HEADER = `# Quality signal per curated model, written by \`npm run knowledge:quality\` (knowledge/README.md): LMArena
# arena scores (Bradley-Terry scores from human preference votes; higher is better; ci is the 95% interval), keyed by
# model id in models.yaml. Text categories come from the text leaderboard with style control (LMArena's default view:
# the effect of answer length and markdown is regressed out); \`vision\` is the overall score of the vision leaderboard.
# \`arena\` (and \`visionArena\` when the vision board names it differently) is the leaderboard's name for the model,
# mapped by hand (nothing is matched by guessing at run time); \`note\` says why a leaderboard entry stands for our
# model when it is not the very same snapshot. Edit the mapping here; the import rewrites every score and \`best\`.
# A model with no entry has no quality signal and is never recommended for a task with a quality bar.
# \`best\` is each category's top score over every model on the board: task bars (tasks.yaml) are measured from it.
# Categories: full (overall), coding, math, chinese, creative_writing, hard_6 (hard prompts), instruction_following
# (the board's "if"), multiturn, long_queries (the board's "long_user"), vision. Scores rounded to 0.1.
`;

const q = (s: string) => JSON.stringify(s);

/** quality.yaml as text: one line per score, the mapping first, in the order of `file.models`. */
export function serializeQuality(file: QualityFile): string {
  const lines = [HEADER.trimEnd(), `source: ${q(file.source)}`, `url: ${file.url}`, `asOf: ${file.asOf}`, `scale: ${q(file.scale)}`];
  if (file.vision) lines.push("vision:", `  source: ${q(file.vision.source)}`, `  url: ${file.vision.url}`, `  asOf: ${file.vision.asOf}`);
  lines.push("best:");
  for (const [category, top] of Object.entries(file.best)) lines.push(`  ${category}: {score: ${top!.score}, arena: ${q(top!.arena)}}`);
  lines.push("models:");
  for (const [id, entry] of Object.entries(file.models)) {
    lines.push(`  ${id}:`, `    arena: ${q(entry.arena)}`);
    if (entry.visionArena) lines.push(`    visionArena: ${q(entry.visionArena)}`);
    if (entry.note) lines.push(`    note: ${q(entry.note)}`);
    lines.push("    scores:");
    for (const [category, score] of Object.entries(entry.scores)) lines.push(`      ${category}: {score: ${score!.score}, ci: [${score!.ci[0]}, ${score!.ci[1]}]}`);
  }
  return `${lines.join("\n")}\n`;
}

/** One run of Aider's polyglot_leaderboard.yml, the fields the import reads. */
export interface AiderRun {
  dirname: string;
  model: string;
  date: string | Date;
  test_cases: number;
  pass_num_2: number;
  prompt_tokens?: number;
  completion_tokens?: number;
}

export interface CodingRunsImport {
  file: CodingRunsFile;
  /** mapped runs the leaderboard no longer lists, or lists without token counts */
  missing: { id: string; run: string; reason: string }[];
}

/** Fresh numbers for every hand-mapped run of `current` (model id → the run's dirname) from Aider's leaderboard. */
export function importAiderRuns(current: { runs: Record<string, { run: string; note?: string }> }, runs: readonly AiderRun[], meta: BoardMeta): CodingRunsImport {
  const byDir = new Map(runs.map((r) => [r.dirname, r]));
  const missing: CodingRunsImport["missing"] = [];
  const out: CodingRunsFile["runs"] = {};
  for (const [id, mapped] of Object.entries(current.runs)) {
    const run = byDir.get(mapped.run);
    if (!run) {
      missing.push({ id, run: mapped.run, reason: "not on the leaderboard" });
      continue;
    }
    if (!run.prompt_tokens || !run.completion_tokens) {
      missing.push({ id, run: mapped.run, reason: "no token counts" });
      continue;
    }
    const date = run.date instanceof Date ? run.date.toISOString().slice(0, 10) : String(run.date);
    out[id] = {
      run: mapped.run,
      model: run.model,
      ...(mapped.note && { note: mapped.note }),
      date,
      testCases: run.test_cases,
      solved: run.pass_num_2,
      promptTokens: run.prompt_tokens,
      completionTokens: run.completion_tokens,
    };
  }
  return { file: { ...meta, runs: out }, missing };
}

const RUNS_HEADER = `# Measured coding runs: Aider's polyglot benchmark (225 Exercism exercises in six languages), written by
# \`npm run knowledge:quality\`. Each entry maps a model id in models.yaml to one run by hand (\`run\` is the run's
# dirname on the leaderboard; \`note\` says why that run stands for our model). A model whose run is a different
# snapshot or setting is left out rather than guessed. \`solved\` is pass_num_2 (passed after seeing the test errors
# once); the token counts are what the run actually used, reasoning included. Answers price those tokens at today's
# list prices and divide by \`solved\`: the cost per solved exercise.
`;

export function serializeCodingRuns(file: CodingRunsFile): string {
  const lines = [RUNS_HEADER.trimEnd(), `source: ${q(file.source)}`, `url: ${file.url}`, `asOf: ${file.asOf}`, "runs:"];
  for (const [id, run] of Object.entries(file.runs)) {
    lines.push(`  ${id}:`, `    run: ${q(run.run)}`, `    model: ${q(run.model)}`);
    if (run.note) lines.push(`    note: ${q(run.note)}`);
    lines.push(
      `    date: ${run.date}`,
      `    testCases: ${run.testCases}`,
      `    solved: ${run.solved}`,
      `    promptTokens: ${run.promptTokens}`,
      `    completionTokens: ${run.completionTokens}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
