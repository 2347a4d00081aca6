/**
 * Scores an understander against the labelled corpus (eval/questions.yaml), slot by slot.
 * Pure functions only: no file access, no knowledge, no clock.
 */
import type { Constraints, Volume } from "../src/core/understand/types.ts";

export const COMMANDS = ["compare", "cheapest", "selfhost", "estimate", "budget", "facts", "article", "providers", "models", "clarify", "out_of_scope"] as const;
type Command = (typeof COMMANDS)[number];

export const TASKS = [
  "coding",
  "math",
  "rag",
  "summarization",
  "realtime",
  "video",
  "creative-writing",
  "reasoning",
  "chinese",
  "translation",
  "customer-support",
  "extraction",
  "agents",
  "long-documents",
] as const;
type Task = (typeof TASKS)[number];

export const GPU_IDS = ["a100", "h100", "h100-pcie", "h200", "b200", "l40s", "mi300x", "rtx-4090", "rtx-5090"] as const;
type GpuId = (typeof GPU_IDS)[number];

export const FACTS = ["context", "maxOutput", "vision", "reasoning", "tools", "deprecated", "openWeights", "price", "provider"] as const;
type Fact = (typeof FACTS)[number];

export const CURRENCIES = ["usd", "cny"] as const;
type Currency = (typeof CURRENCIES)[number];

interface Gpu {
  id?: GpuId;
  count?: number;
}

interface Budget {
  amount: number;
  currency: Currency;
}

/**
 * What a question asks, as the user typed it: the command and only the slots the user stated.
 * Defaults (default workload, default input:output split, default GPU price) are applied later by the
 * command, never here, so a stated value and a default can always be told apart.
 */
export interface Understanding {
  command: Command;
  /** model ids in the order typed; a family shorthand becomes the current model it means */
  models?: string[];
  /** the words that could mean several models, for command "clarify" */
  ambiguous?: string[];
  volume?: Volume;
  /** share of input tokens served from cache, 0..100 */
  cachedPercent?: number;
  /** tokens in one request's prompt */
  promptTokens?: number;
  /** batch pricing asked for; labels only ever say true, and false scores the same as absent */
  batch?: boolean;
  /** requests a month */
  requests?: number;
  constraints?: Constraints;
  tasks?: Task[];
  gpu?: Gpu;
  /** rental price of one GPU, USD per hour */
  gpuHourlyUsd?: number;
  /** share of each hour the GPUs do useful work, 0..100 */
  utilization?: number;
  budget?: Budget;
  fact?: Fact;
  /** the pasted text to count, for command "estimate", exactly as pasted */
  text?: string;
}

export const SLOTS = [
  "command",
  "models",
  "ambiguous",
  "volume",
  "cachedPercent",
  "promptTokens",
  "batch",
  "requests",
  "constraints",
  "tasks",
  "gpu",
  "gpuHourlyUsd",
  "utilization",
  "budget",
  "fact",
  "text",
] as const satisfies readonly (keyof Understanding)[];
type Slot = (typeof SLOTS)[number];

interface SlotScore {
  ok: boolean;
  /** the slot is in the label or in the answer; a slot in neither is right by definition and not counted */
  stated: boolean;
  expected: unknown;
  actual: unknown;
}

export interface QuestionScore {
  id: string;
  q?: string;
  fullyRight: boolean;
  slots: Record<Slot, SlotScore>;
}

interface SlotAccuracy {
  /** questions where the label or the answer has this slot */
  stated: number;
  right: number;
  /** right / stated, or null when no question states the slot */
  accuracy: number | null;
}

interface Miss {
  id: string;
  q?: string;
  slot: Slot;
  expected: unknown;
  actual: unknown;
}

export interface Summary {
  questions: number;
  fullyRight: number;
  /** share of questions with every slot right, 0..1 */
  fullyRightShare: number;
  slots: Record<Slot, SlotAccuracy>;
  misses: Miss[];
}

const wholeNumber = (value: number | undefined) => (value === undefined ? undefined : Math.round(value));
/** Prices and percents: equal to a millionth, so 0.1 + 0.2 and 0.3 agree. */
const fine = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * 1e6) / 1e6);
const word = (value: string) => value.normalize("NFKC").trim().toLowerCase();

/** Drops undefined fields; an object left empty counts as not stated. */
function compact<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}

const nonEmpty = <T>(list: T[] | undefined) => (list?.length ? list : undefined);

/** The canonical form of each slot: equal canonical forms mean the same understanding. */
const CANONICAL: { [S in Slot]: (u: Understanding) => unknown } = {
  command: (u) => u.command,
  models: (u) => nonEmpty(u.models?.map(word)),
  ambiguous: (u) => nonEmpty([...new Set(u.ambiguous?.map(word))].sort()),
  volume: (u) => u.volume && compact({ input: wholeNumber(u.volume.input), output: wholeNumber(u.volume.output), total: wholeNumber(u.volume.total) }),
  cachedPercent: (u) => fine(u.cachedPercent),
  promptTokens: (u) => wholeNumber(u.promptTokens),
  batch: (u) => (u.batch ? true : undefined),
  requests: (u) => wholeNumber(u.requests),
  constraints: (u) =>
    u.constraints &&
    compact({
      minContext: wholeNumber(u.constraints.minContext),
      vision: u.constraints.vision,
      reasoning: u.constraints.reasoning,
      tools: u.constraints.tools,
      openWeights: u.constraints.openWeights,
      chinese: u.constraints.chinese,
    }),
  tasks: (u) => nonEmpty([...new Set(u.tasks)].sort()),
  gpu: (u) => u.gpu && compact({ id: u.gpu.id, count: wholeNumber(u.gpu.count) }),
  gpuHourlyUsd: (u) => fine(u.gpuHourlyUsd),
  utilization: (u) => fine(u.utilization),
  budget: (u) => u.budget && { amount: fine(u.budget.amount), currency: u.budget.currency },
  fact: (u) => u.fact,
  // pasted text is compared exactly, apart from the whitespace around it and Windows line ends
  text: (u) => (u.text === undefined ? undefined : u.text.replace(/\r\n/g, "\n").trim() || undefined),
};

/** Compares an answer with its label slot by slot: a slot the label lacks must be absent from the answer too. */
export function scoreQuestion(expected: Understanding, actual: Understanding, about: { id?: string; q?: string } = {}): QuestionScore {
  const slots = {} as Record<Slot, SlotScore>;
  for (const slot of SLOTS) {
    const want = CANONICAL[slot](expected);
    const got = CANONICAL[slot](actual);
    slots[slot] = {
      ok: JSON.stringify(want) === JSON.stringify(got),
      stated: want !== undefined || got !== undefined,
      expected: want,
      actual: got,
    };
  }
  const fullyRight = SLOTS.every((slot) => slots[slot].ok);
  return { id: about.id ?? "", ...(about.q === undefined ? {} : { q: about.q }), fullyRight, slots };
}

/** Accuracy per slot, the share of questions fully right, and every miss. */
export function summarize(results: readonly QuestionScore[]): Summary {
  const slots = {} as Record<Slot, SlotAccuracy>;
  const misses: Miss[] = [];
  for (const slot of SLOTS) {
    let stated = 0;
    let right = 0;
    for (const result of results) {
      const score = result.slots[slot];
      if (!score.stated) continue;
      stated++;
      if (score.ok) right++;
    }
    slots[slot] = { stated, right, accuracy: stated ? right / stated : null };
  }
  for (const result of results) {
    for (const slot of SLOTS) {
      const score = result.slots[slot];
      if (!score.ok) misses.push({ id: result.id, ...(result.q === undefined ? {} : { q: result.q }), slot, expected: score.expected, actual: score.actual });
    }
  }
  const fullyRight = results.filter((result) => result.fullyRight).length;
  return { questions: results.length, fullyRight, fullyRightShare: results.length ? fullyRight / results.length : 0, slots, misses };
}

const percent = (share: number | null) => (share === null ? "—" : `${(share * 100).toFixed(1)}%`);
const shown = (value: unknown) => (value === undefined ? "(none)" : JSON.stringify(value));

/** A plain-text report: the overall figure, one line per slot, then the misses. */
export function formatSummary(summary: Summary, maxMisses = Number.POSITIVE_INFINITY): string {
  const lines = [`fully right: ${summary.fullyRight}/${summary.questions} (${percent(summary.questions ? summary.fullyRightShare : null)})`, ""];
  lines.push("slot           right/stated  accuracy");
  for (const slot of SLOTS) {
    const { right, stated, accuracy } = summary.slots[slot];
    lines.push(`${slot.padEnd(14)} ${`${right}/${stated}`.padStart(12)}  ${percent(accuracy).padStart(8)}`);
  }
  if (summary.misses.length) {
    lines.push("", `misses (${summary.misses.length}):`);
    for (const miss of summary.misses.slice(0, maxMisses)) {
      lines.push(`  ${miss.id} ${miss.slot}: expected ${shown(miss.expected)}, got ${shown(miss.actual)}${miss.q === undefined ? "" : `  — ${JSON.stringify(miss.q)}`}`);
    }
    if (summary.misses.length > maxMisses) lines.push(`  … ${summary.misses.length - maxMisses} more`);
  }
  return lines.join("\n");
}
