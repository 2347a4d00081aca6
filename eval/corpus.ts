/** Reads and checks the labelled corpus (eval/questions.yaml); the schema is documented in eval/README.md. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import { COMMANDS, CURRENCIES, FACTS, GPU_IDS, SLOTS, TASKS, type Understanding } from "./score.ts";

export const CORPUS_PATH = fileURLToPath(new URL("./questions.yaml", import.meta.url));

/** Older models the table is to carry (issue 10); labels may use these ids besides those in knowledge/models.yaml. */
export const LEGACY_MODEL_IDS = [
  "gpt-4o",
  "gpt-4o-mini",
  "gpt-4.1",
  "o1",
  "o3-mini",
  "claude-3.5-sonnet",
  "gemini-1.5-pro",
  "llama-3.1-70b",
  "llama-3.1-405b",
  "qwen2.5-72b",
  "mixtral-8x7b",
  "glm-4.6",
  "minimax-m2",
  "deepseek-r1",
  "kimi-k2",
] as const;

const tokens = z.number().int().positive();
const percent = z.number().min(0).max(100);

const understandingSchema = z.strictObject({
  command: z.enum(COMMANDS),
  models: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "a model id: lowercase letters, digits, dots and dashes"))
    .min(1)
    .optional(),
  ambiguous: z.array(z.string().min(1)).min(1).optional(),
  volume: z
    .strictObject({ input: tokens.optional(), output: tokens.optional(), total: tokens.optional() })
    .refine((v) => v.input !== undefined || v.output !== undefined || v.total !== undefined, "a volume states input, output or total")
    .refine((v) => v.total === undefined || (v.input === undefined && v.output === undefined), "a total is labelled alone, not beside input/output")
    .optional(),
  cachedPercent: percent.optional(),
  promptTokens: tokens.optional(),
  batch: z.literal(true).optional(),
  requests: tokens.optional(),
  constraints: z
    .strictObject({
      minContext: tokens.optional(),
      vision: z.boolean().optional(),
      reasoning: z.boolean().optional(),
      tools: z.boolean().optional(),
      openWeights: z.boolean().optional(),
      chinese: z.boolean().optional(),
    })
    .refine((c) => Object.keys(c).length > 0, "constraints state at least one constraint")
    .optional(),
  tasks: z.array(z.enum(TASKS)).min(1).optional(),
  gpu: z
    .strictObject({ id: z.enum(GPU_IDS).optional(), count: tokens.optional() })
    .refine((g) => g.id !== undefined || g.count !== undefined, "a gpu states its id or count")
    .optional(),
  gpuHourlyUsd: z.number().positive().optional(),
  utilization: percent.optional(),
  budget: z.strictObject({ amount: z.number().positive(), currency: z.enum(CURRENCIES) }).optional(),
  fact: z.enum(FACTS).optional(),
  text: z.string().min(1).optional(),
});

const labelledQuestionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    q: z.string().min(1),
    lang: z.enum(["en", "zh"]),
    conversation: z.string().min(1).optional(),
    turn: z.number().int().positive().optional(),
    ...understandingSchema.shape,
  })
  .refine((q) => (q.conversation === undefined) === (q.turn === undefined), "conversation and turn come together")
  .refine((q) => (q.command === "clarify") === (q.ambiguous !== undefined), "ambiguous words belong to command clarify, and clarify needs them")
  .refine((q) => (q.command === "facts") === (q.fact !== undefined), "fact belongs to command facts, and facts needs one")
  .refine((q) => q.command !== "estimate" || q.text !== undefined, "estimate needs the pasted text");

const corpusSchema = z.strictObject({ questions: z.array(labelledQuestionSchema) });

export type LabelledQuestion = z.infer<typeof labelledQuestionSchema>;

/** The label of a question as the Understanding the scorer compares against. */
export function expectedOf(question: LabelledQuestion): Understanding {
  const expected: Record<string, unknown> = {};
  for (const slot of SLOTS) if (question[slot] !== undefined) expected[slot] = question[slot];
  return expected as unknown as Understanding;
}

export function parseCorpus(text: string): LabelledQuestion[] {
  return corpusSchema.parse(parse(text)).questions;
}

export function loadCorpus(path = CORPUS_PATH): LabelledQuestion[] {
  return parseCorpus(readFileSync(path, "utf8"));
}

/** Follow-up conversations by name, turns in order; single questions are not included. */
export function conversationsOf(questions: readonly LabelledQuestion[]): Map<string, LabelledQuestion[]> {
  const conversations = new Map<string, LabelledQuestion[]>();
  for (const question of questions) {
    if (question.conversation === undefined) continue;
    const turns = conversations.get(question.conversation) ?? [];
    turns.push(question);
    conversations.set(question.conversation, turns);
  }
  for (const turns of conversations.values()) turns.sort((a, b) => a.turn! - b.turn!);
  return conversations;
}
