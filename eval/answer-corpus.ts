/** Reads and checks the answer-level corpus (eval/answers/**.yaml); the format is documented in eval/ANSWERS.md. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";

export const ANSWERS_DIR = fileURLToPath(new URL("./answers/", import.meta.url));

export const SPLITS = ["dev", "heldout"] as const;
export const ORIGINS = ["blind", "authored", "converted"] as const;
export const LANGS = ["en", "zh-Hans", "zh-Hant"] as const;
export const CLASSES = ["basic", "drops", "per-request", "bounds", "followup", "article", "tasks", "tiers", "traditional", "selfhost", "clarify-same"] as const;
const ANSWER_KINDS = ["compare", "cheapest", "selfhost", "budget", "model", "article", "providers", "estimate", "models", "clarify", "not_covered", "error"] as const;
const ERROR_CODES = ["unknown_model", "ambiguous_model", "bad_input"] as const;
const CAPABILITIES = ["vision", "reasoning", "tools", "open"] as const;

export type AnswerLang = (typeof LANGS)[number];
export type ItemClass = (typeof CLASSES)[number];
export type AnswerKind = (typeof ANSWER_KINDS)[number];

const modelId = z.string().regex(/^[a-z0-9][a-z0-9./-]*$/, "a knowledge model id: lowercase letters, digits, dots, slashes and dashes");
const tokens = z.number().int().nonnegative();

const workloadSchema = z.strictObject({
  input: tokens,
  output: tokens,
  cachedPercent: z.number().min(0).max(100).optional(),
  batch: z.boolean().optional(),
  promptTokens: z.number().int().positive().optional(),
});

const expectSchema = z
  .strictObject({
    answer: z.enum(ANSWER_KINDS).optional(),
    models: z.array(modelId).min(1).optional(),
    exactModels: z.boolean().optional(),
    namedBack: z.array(z.string().min(1)).min(1).optional(),
    workload: workloadSchema.optional(),
    cheapest: modelId.optional(),
    error: z.enum(ERROR_CODES).optional(),
    tierOrder: z.boolean().optional(),
    task: z.string().min(1).optional(),
    requires: z.array(z.enum(CAPABILITIES)).min(1).optional(),
    minContext: z.number().int().positive().optional(),
    fits: z.boolean().optional(),
    gpu: z.string().min(1).optional(),
    /** extension: selfhost: how many GPUs the answer is about (as the user stated) */
    gpus: z.number().int().positive().optional(),
    /** extension: selfhost: the API price per 1M tokens (at the answer's input:output mix) the break-even is against */
    apiPer1M: z.number().nonnegative().optional(),
    contains: z.array(z.string().min(1)).min(1).optional(),
    notContains: z.array(z.string().min(1)).min(1).optional(),
  })
  .refine((e) => e.error === undefined || e.answer === undefined || e.answer === "error", "`error` goes with answer: error")
  .refine((e) => !e.exactModels || e.models !== undefined, "`exactModels` needs `models`");

const answerItemSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "letters, digits, dots, dashes and underscores"),
    split: z.enum(SPLITS),
    origin: z.enum(ORIGINS),
    classes: z.array(z.enum(CLASSES)).min(1),
    lang: z.enum(LANGS),
    conversation: z.string().min(1).optional(),
    turn: z.number().int().positive().optional(),
    q: z.string().min(1),
    expect: expectSchema,
    /** extension: why a careful human expects this, for reviewers; never graded */
    note: z.string().optional(),
  })
  .refine((item) => (item.conversation === undefined) === (item.turn === undefined), "conversation and turn come together");

const answerFileSchema = z.strictObject({ items: z.array(answerItemSchema) });

export type AnswerItem = z.infer<typeof answerItemSchema>;
type Expectation = AnswerItem["expect"];
export type ExpectedWorkload = NonNullable<Expectation["workload"]>;

/** An item with the file it came from, relative to the corpus folder. */
export interface LoadedItem extends AnswerItem {
  file: string;
}

export class AnswerCorpusError extends Error {
  constructor(public readonly problems: string[]) {
    super(`the answer corpus has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "AnswerCorpusError";
  }
}

function yamlFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** "items.3.expect.workload.input" → where in the file, naming the item by id when it has one. */
function where(file: string, raw: unknown, path: readonly PropertyKey[]): string {
  if (path[0] === "items" && typeof path[1] === "number") {
    const item = (raw as { items?: { id?: unknown }[] }).items?.[path[1]];
    const id = typeof item?.id === "string" ? item.id : `#${path[1] + 1}`;
    const rest = path.slice(2).join(".");
    return `${file} ${id}${rest ? ` (${rest})` : ""}`;
  }
  return `${file}${path.length ? ` (${path.join(".")})` : ""}`;
}

/** Parses one file's text; problems name the file and the item id. */
export function parseAnswerFile(text: string, file: string): { items: LoadedItem[]; problems: string[] } {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    return { items: [], problems: [`${file}: not valid YAML: ${(error as Error).message.split("\n")[0]}`] };
  }
  const parsed = answerFileSchema.safeParse(raw);
  if (!parsed.success) return { items: [], problems: parsed.error.issues.map((issue) => `${where(file, raw, issue.path)}: ${issue.message}`) };
  return { items: parsed.data.items.map((item) => ({ ...item, file })), problems: [] };
}

/** Checks across files: unique ids, conversations within one file with turns 1, 2, … in file order. */
export function crossCheck(items: readonly LoadedItem[]): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  for (const item of items) {
    const first = ids.get(item.id);
    if (first !== undefined) problems.push(`${item.file} ${item.id}: id already used in ${first}`);
    else ids.set(item.id, item.file);
  }
  for (const [name, turns] of conversationsOf(items)) {
    const files = new Set(turns.map((t) => t.file));
    if (files.size > 1) problems.push(`conversation ${name}: spans ${[...files].join(" and ")}; keep a conversation in one file`);
    turns.forEach((turn, i) => {
      if (turn.turn !== i + 1) problems.push(`${turn.file} ${turn.id}: conversation ${name} turn ${turn.turn} where turn ${i + 1} comes next in file order`);
    });
  }
  return problems;
}

/** Every item under the folder (sub-folders included, files in name order); throws with every problem found. */
export function loadAnswerCorpus(dir = ANSWERS_DIR): LoadedItem[] {
  const items: LoadedItem[] = [];
  const problems: string[] = [];
  for (const path of yamlFiles(dir)) {
    const result = parseAnswerFile(readFileSync(path, "utf8"), relative(dir, path));
    items.push(...result.items);
    problems.push(...result.problems);
  }
  problems.push(...crossCheck(items));
  if (problems.length) throw new AnswerCorpusError(problems);
  return items;
}

/** Conversations by name, turns in file order; single questions are not included. */
export function conversationsOf<T extends Pick<AnswerItem, "conversation">>(items: readonly T[]): Map<string, T[]> {
  const conversations = new Map<string, T[]>();
  for (const item of items) {
    if (item.conversation === undefined) continue;
    const turns = conversations.get(item.conversation) ?? [];
    turns.push(item);
    conversations.set(item.conversation, turns);
  }
  return conversations;
}
