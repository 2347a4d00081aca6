/** Answer-level accuracy per split, class, language and origin, and the failures with their reasons. Pure. */
import { CLASSES, LANGS, ORIGINS, SPLITS } from "./answer-corpus.ts";
import type { ItemResult } from "./answer-run.ts";

interface Score {
  right: number;
  items: number;
  /** right / items, null when there are none */
  accuracy: number | null;
}

export interface AnswerSummary {
  overall: Score;
  bySplit: Record<string, Score>;
  /** per class, over all items and per split */
  byClass: Record<string, Record<"all" | (typeof SPLITS)[number], Score>>;
  byLang: Record<string, Record<"all" | (typeof SPLITS)[number], Score>>;
  byOrigin: Record<string, Record<"all" | (typeof SPLITS)[number], Score>>;
}

function score(results: readonly ItemResult[]): Score {
  const right = results.filter((r) => r.right).length;
  return { right, items: results.length, accuracy: results.length ? right / results.length : null };
}

function perSplit(results: readonly ItemResult[]): Record<"all" | (typeof SPLITS)[number], Score> {
  return { all: score(results), dev: score(results.filter((r) => r.item.split === "dev")), heldout: score(results.filter((r) => r.item.split === "heldout")) };
}

export function summarizeAnswers(results: readonly ItemResult[]): AnswerSummary {
  const by = <K extends string>(keys: readonly K[], pick: (r: ItemResult) => readonly string[]) =>
    Object.fromEntries(keys.map((key) => [key, perSplit(results.filter((r) => pick(r).includes(key)))]));
  return {
    overall: score(results),
    bySplit: Object.fromEntries(SPLITS.map((split) => [split, score(results.filter((r) => r.item.split === split))])),
    byClass: by(CLASSES, (r) => r.item.classes),
    byLang: by(LANGS, (r) => [r.item.lang]),
    byOrigin: by(ORIGINS, (r) => [r.item.origin]),
  };
}

const percent = (s: Score) => (s.accuracy === null ? "—" : `${(s.accuracy * 100).toFixed(1)}%`);
const cell = (s: Score) => (s.items ? `${`${s.right}/${s.items}`.padStart(9)} ${percent(s).padStart(6)}` : `${"—".padStart(9)} ${"".padStart(6)}`);

function table(title: string, rows: Record<string, Record<"all" | "dev" | "heldout", Score>>): string[] {
  const lines = [`${title.padEnd(14)} ${"all".padStart(16)} ${"dev".padStart(16)} ${"heldout".padStart(16)}`];
  for (const [key, s] of Object.entries(rows)) if (s.all.items) lines.push(`${key.padEnd(14)} ${cell(s.all)} ${cell(s.dev)} ${cell(s.heldout)}`);
  return lines;
}

export interface ReportOptions {
  /** list held-out failures one by one (default: counts per class, so tuning on dev does not read them) */
  showHeldout?: boolean;
}

export function formatAnswerReport(results: readonly ItemResult[], options: ReportOptions = {}): string {
  const s = summarizeAnswers(results);
  const lines = [
    "ANSWER-LEVEL ACCURACY (an item is right when every check on its final reply passes)",
    "",
    `overall        ${cell(s.overall)}`,
    ...SPLITS.map((split) => `${split.padEnd(14)} ${cell(s.bySplit[split]!)}`),
    "",
    ...table("class", s.byClass),
    "",
    ...table("language", s.byLang),
    "",
    ...table("origin", s.byOrigin),
  ];
  const failed = results.filter((r) => !r.right);
  const dev = failed.filter((r) => r.item.split === "dev" || options.showHeldout);
  if (dev.length) {
    lines.push("", `failures${options.showHeldout ? "" : " (dev)"} (${dev.length}):`);
    for (const r of dev)
      lines.push(`  ${r.item.id} [${r.item.split} ${r.item.lang} ${r.item.classes.join(",")}] ${JSON.stringify(r.item.q)}`, ...r.reasons.map((reason) => `      - ${reason}`));
  }
  const heldout = failed.filter((r) => r.item.split === "heldout");
  if (heldout.length && !options.showHeldout) {
    const perClass = CLASSES.map((c) => [c, heldout.filter((r) => r.item.classes.includes(c)).length] as const).filter(([, n]) => n > 0);
    lines.push("", `held-out failures: ${heldout.length} (${perClass.map(([c, n]) => `${c} ${n}`).join(", ")}); --show-heldout lists them`);
  }
  return lines.join("\n");
}

/** The machine-readable report: the summary, dev failures, and held-out failures only when asked for. */
export function answerReportJson(results: readonly ItemResult[], options: ReportOptions = {}): Record<string, unknown> {
  const failed = results.filter((r) => !r.right);
  const listed = failed.filter((r) => r.item.split === "dev" || options.showHeldout);
  const heldout = failed.filter((r) => r.item.split === "heldout");
  return {
    summary: summarizeAnswers(results),
    failures: listed.map((r) => ({
      id: r.item.id,
      file: r.item.file,
      split: r.item.split,
      lang: r.item.lang,
      classes: r.item.classes,
      q: r.item.q,
      answered: r.kind,
      reasons: r.reasons,
    })),
    heldoutFailuresPerClass: Object.fromEntries(CLASSES.map((c) => [c, heldout.filter((r) => r.item.classes.includes(c)).length])),
  };
}
