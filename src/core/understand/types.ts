import type { Model, Task } from "../knowledge/schema.ts";

/** What a free-text line (or a command's words and options) asks, as typed: never defaults, only stated facts. */
export type Intent = "compare" | "cheapest" | "selfhost" | "estimate" | "budget" | "facts" | "article" | "providers" | "models" | "clarify" | "out_of_scope";

export type Fact = "context" | "maxOutput" | "vision" | "reasoning" | "tools" | "deprecated" | "openWeights" | "price" | "provider";

export interface MentionedModel {
  model: Model;
  /** the words typed */
  query: string;
  /** typed as a shorthand or another spelling ("gpt5 mini", "sonnet", "4o"): answers say how they read it */
  shorthand: boolean;
}

export interface Volume {
  input?: number;
  output?: number;
  total?: number;
}

export interface Constraints {
  minContext?: number;
  vision?: boolean;
  reasoning?: boolean;
  tools?: boolean;
  openWeights?: boolean;
  chinese?: boolean;
}

export interface Understanding {
  intent: Intent;
  models: MentionedModel[];
  /** words that could mean several models */
  ambiguous: { query: string; candidates: Model[] }[];
  /** names that match no model */
  unknown: { query: string; candidates: Model[] }[];
  volume?: Volume;
  cachedPercent?: number;
  promptTokens?: number;
  batch?: true;
  serviceTier?: "flex" | "priority";
  requests?: number;
  constraints: Constraints;
  tasks: Task[];
  gpu?: { id?: string; count?: number };
  gpuHourlyUsd?: number;
  utilization?: number;
  budget?: { amount: number; currency: "usd" | "cny" };
  fact?: Fact;
  /** the pasted text to count (estimate), exactly as pasted */
  text?: string;
  /** true when this line only changed some slots of the conversation's previous question */
  followUp: boolean;
  /** for a question back (clarify): what to answer once the choice is made */
  resume?: Intent;
}

/** What a conversation remembers of a turn: ids and numbers, never message text. */
export interface RememberedQuestion {
  intent: Intent;
  models: { id: string; query: string; shorthand: boolean }[];
  volume?: Volume;
  cachedPercent?: number;
  promptTokens?: number;
  batch?: true;
  serviceTier?: "flex" | "priority";
  requests?: number;
  constraints: Constraints;
  tasks: string[];
  gpu?: { id?: string; count?: number };
  gpuHourlyUsd?: number;
  utilization?: number;
  budget?: { amount: number; currency: "usd" | "cny" };
  fact?: Fact;
  text?: string;
  resume?: Intent;
}
