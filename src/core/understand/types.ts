import type { Model, Task } from "../knowledge/schema.ts";
import type { PagesRead } from "./pages.ts";

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

/** Monthly tokens as plain integers. Only the sides the user stated; a bare total stays a total. */
export interface Volume {
  input?: number;
  output?: number;
  total?: number;
}

export interface Constraints {
  /** smallest context window the user asked for, in tokens ("1M" → 1000000, "400k" → 400000) */
  minContext?: number;
  vision?: boolean;
  reasoning?: boolean;
  tools?: boolean;
  openWeights?: boolean;
  chinese?: boolean;
  /** "under $1 per million input": the most a pick's list price may be per 1M tokens, USD */
  maxInputPer1M?: number;
  maxOutputPer1M?: number;
}

/** The facts a question states beyond its models and tasks: what an understanding holds and a conversation remembers. */
interface StatedSlots {
  /** "what would the same usage cost on gpt-4.1?": a budget's volume on its first model, priced on the others */
  sameUsage?: true;
  /** the GPUs the last self-hosting answer planned where the question named no count: what a follow-up's "double" changes */
  answeredGpus?: number;
  /** "switch half the traffic to gpt-4.1 mini": the share of that usage moved to the others, in percent */
  movedPercent?: number;
  volume?: Volume;
  cachedPercent?: number;
  promptTokens?: number;
  batch?: true;
  /** the GPUs are the asker's own ("we own 4 H100s", "自有显卡"): self-hosting costs amortization and power, not rent */
  ownedGpus?: true;
  serviceTier?: "flex" | "priority";
  requests?: number;
  /** the request count is a peak rate's, as if it ran all month: an upper bound */
  requestsAtPeak?: true;
  /** reasoning tokens said as a multiple of the visible reply ("reasoning is 3x the output"), already in the output volume */
  reasoningTimes?: number;
  /** the requests each counted conversation makes ("每通 5 轮"): a new count of conversations in a follow-up makes as many */
  requestsPerItem?: number;
  /** no count was said, only a request's size: the requests are a thousand, priced as an example */
  requestsAssumed?: true;
  /** the people the usage is for ("200 developers, each …"): a comparison says what it costs each of them */
  people?: number;
  /** users served at once ("200 concurrent users"): a self-hosted deployment is sized for them */
  concurrentUsers?: number;
  /** "at 30 tok/s each": the decode speed each user asked for */
  perUserTokensPerSec?: number;
  /** "our vllm box does 2500 tokens/s": the asker's own measured throughput of a deployment */
  measuredTokensPerSec?: number;
  /** "how many H100s to serve it at 2000 tokens/s": the throughput a self-hosted deployment is sized for */
  targetTokensPerSec?: number;
  /** requests of several sizes in stated shares ("70% 800 in 150 out, 30% 3k in 400 out"), priced as their average */
  mix?: { share: number; input: number; output: number }[];
  /** the volume is one run's ("a one-time job"), not a month's */
  oneRun?: true;
  /** input:output ratio stated for the side not given ("3:1" → { input: 3, output: 1 }) */
  ratio?: { input: number; output: number };
  constraints: Constraints;
  gpu?: { id?: string; count?: number };
  gpuHourlyUsd?: number;
  /** what each owned GPU cost to buy ("每张 9 万元"), in dollars */
  gpuPurchaseUsd?: number;
  /** the months owned GPUs are written off over ("按 3 年摊") */
  amortizationMonths?: number;
  /** what running the deployment costs a month besides GPUs ("plus 3k/mo ops", "运维每月 2 万"), in dollars */
  opsUsdPerMonth?: number;
  /** electricity per kWh for owned GPUs ("power costs 0.15 per kWh", "电费一度 0.6 元"), in dollars */
  powerUsdPerKwh?: number;
  utilization?: number;
  /** the weights' precision named for self-hosting ("at fp8", "int4 量化", "4-bit") */
  precision?: "bf16" | "fp8" | "fp4" | "mxfp4" | "int4";
  budget?: { amount: number; currency: "usd" | "cny" };
  fact?: Fact;
  /** the pasted text to count (estimate), exactly as pasted */
  text?: string;
  /** for a question back (clarify): what to answer once the choice is made */
  resume?: Intent;
  /** for a question back (clarify): the family words still to choose, which the next turn's model names fill */
  pending?: PendingChoice[];
}

/** A family word asked back about: its members' ids, and how many named models came before it (where the choice goes). */
export interface PendingChoice {
  query: string;
  candidates: string[];
  at: number;
}

/** A number typed where an amount goes that no amount can be (negative, or beyond the options' bounds). */
export interface Unreadable {
  /** as typed */
  text: string;
  /**
   * "unit": counted in something other than tokens ("2 million words", "500万字"); "currency": money in a currency the
   * knowledge has no exchange rate for ("6 萬台幣", "€2/h"); "noCurrency": money said with no currency where yuan cannot be
   * assumed ("每個月花 3 萬" in Traditional: Taiwan's and Hong Kong's dollars are not yuan)
   */
  kind: "amount" | "percent" | "unit" | "range" | "currency" | "noCurrency";
  /** where in the normalized line */
  from: number;
  to: number;
}

export interface Understanding extends StatedSlots {
  intent: Intent;
  models: MentionedModel[];
  /** words that could mean several models */
  ambiguous: { query: string; candidates: Model[] }[];
  /** names that match no model */
  unknown: { query: string; candidates: Model[] }[];
  tasks: Task[];
  /** true when this line only changed some slots of the conversation's previous question */
  followUp: boolean;
  /** an amount that cannot be used: the answer is an error naming it, never a default in its place */
  unreadable?: Unreadable;
  /** sizes given in pages, read as tokens at the knowledge's figure per page: the answer says it estimated them */
  pages?: PagesRead[];
  /** a cached amount the line gives no whole for ("其中 3000 是命中缓存的"): a share of the prompt it follows up */
  cachedTokens?: number;
  /** "换成 H100 呢" after "A100 每张 8 元/小时": the price said for the GPU before, which the other GPU does not take */
  hourlyDropped?: { gpu: string; usd: number };
}

/** What a conversation remembers of a turn: ids and numbers, never message text. */
export interface RememberedQuestion extends StatedSlots {
  intent: Intent;
  models: { id: string; query: string; shorthand: boolean }[];
  tasks: string[];
  /** how many names the question had that it could not read ("gpt-5 vs 豆包"): "换成 deepseek" then takes their place */
  unreadNames?: number;
}
