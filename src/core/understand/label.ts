import type { RememberedQuestion, Understanding } from "./types.ts";

/** An understanding as the labelled corpus writes it (eval/questions.yaml): ids, numbers and only stated slots. */
export interface UnderstandingLabel {
  command: string;
  models?: string[];
  ambiguous?: string[];
  volume?: { input?: number; output?: number; total?: number };
  cachedPercent?: number;
  promptTokens?: number;
  batch?: true;
  requests?: number;
  constraints?: Record<string, number | boolean>;
  tasks?: string[];
  gpu?: { id?: string; count?: number };
  gpuHourlyUsd?: number;
  utilization?: number;
  budget?: { amount: number; currency: "usd" | "cny" };
  fact?: string;
  text?: string;
}

export function toLabel(u: Understanding): UnderstandingLabel {
  const label: UnderstandingLabel = { command: u.intent };
  if (u.models.length && u.intent !== "clarify") label.models = u.models.map((m) => m.model.id);
  if (u.intent === "clarify") {
    if (u.models.length) label.models = u.models.map((m) => m.model.id);
    label.ambiguous = u.ambiguous.map((a) => a.query);
  }
  if (u.volume) label.volume = u.volume;
  for (const key of ["cachedPercent", "promptTokens", "batch", "requests", "gpuHourlyUsd", "utilization", "budget", "fact", "text"] as const) {
    if (u[key] !== undefined) (label as unknown as Record<string, unknown>)[key] = u[key];
  }
  if (Object.keys(u.constraints).length) label.constraints = { ...u.constraints };
  if (u.tasks.length) label.tasks = u.tasks.map((t) => t.id);
  if (u.gpu) label.gpu = u.gpu;
  return label;
}

/** A label back as what a conversation remembers (to score a follow-up against the expected earlier turn). */
export function labelToRemembered(label: UnderstandingLabel): RememberedQuestion {
  return {
    intent: label.command as RememberedQuestion["intent"],
    models: (label.models ?? []).map((id) => ({ id, query: id, shorthand: false })),
    constraints: (label.constraints ?? {}) as RememberedQuestion["constraints"],
    tasks: label.tasks ?? [],
    ...(label.volume ? { volume: label.volume } : {}),
    ...(label.cachedPercent !== undefined ? { cachedPercent: label.cachedPercent } : {}),
    ...(label.promptTokens !== undefined ? { promptTokens: label.promptTokens } : {}),
    ...(label.batch ? { batch: true as const } : {}),
    ...(label.requests !== undefined ? { requests: label.requests } : {}),
    ...(label.gpu ? { gpu: label.gpu } : {}),
    ...(label.gpuHourlyUsd !== undefined ? { gpuHourlyUsd: label.gpuHourlyUsd } : {}),
    ...(label.utilization !== undefined ? { utilization: label.utilization } : {}),
    ...(label.budget ? { budget: label.budget } : {}),
    ...(label.fact ? { fact: label.fact as RememberedQuestion["fact"] } : {}),
    ...(label.text ? { text: label.text } : {}),
  };
}
