import type { ParsedArgs } from "../dispatch/grammar.ts";
import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import { normalizeName } from "../models/names.ts";
import type { Intent, RememberedQuestion, Understanding } from "./types.ts";
import { remember } from "./follow-up.ts";
import { understand } from "./understand.ts";

/** The intent each command answers, as a question in words asking the same would be understood. */
const INTENT_OF_COMMAND: Partial<Record<string, Intent>> = { compare: "compare", cheapest: "cheapest", selfhost: "selfhost", model: "facts", providers: "providers" };

/**
 * What a conversation remembers of a command typed with its options ("/compare gpt-5 deepseek in:30M out:6M"): the
 * words read as a question would be, the options as the slots they set. The next line ("80% cached", "and claude?")
 * then follows a command up the way it follows up a question in words. Null for commands that ask nothing to follow.
 */
export function rememberCommand(snapshot: KnowledgeSnapshot, command: string, args: ParsedArgs): RememberedQuestion | null {
  const intent = INTENT_OF_COMMAND[command];
  if (!intent) return null;
  const options = new Map(args.entries());
  const count = (name: string) => {
    const value = options.get(name);
    return typeof value === "number" ? value : undefined;
  };
  const read = understand(snapshot, args.rest);
  const u: Understanding = { ...read, intent, ambiguous: [], unknown: [], followUp: false };
  const [input, output, total] = [count("in"), count("out"), count("tokens")];
  if (input !== undefined || output !== undefined) u.volume = { ...(input !== undefined ? { input } : {}), ...(output !== undefined ? { output } : {}) };
  else if (total !== undefined) u.volume = { total };
  const slots = { cachedPercent: count("cached"), promptTokens: count("prompt"), requests: count("requests"), utilization: count("util"), gpuHourlyUsd: count("price") };
  for (const [key, value] of Object.entries(slots)) if (value !== undefined) (u as unknown as Record<string, unknown>)[key] = value;
  const context = count("context");
  if (context !== undefined) u.constraints = { ...u.constraints, minContext: context };
  if (/^(yes|true|1|on|是|要)$/i.test(String(options.get("batch") ?? ""))) u.batch = true;
  const gpuName = options.get("gpu");
  const gpu =
    typeof gpuName === "string" ? snapshot.knowledge.serving.gpus.find((g) => [g.id, g.name, ...g.aliases].some((n) => normalizeName(n) === normalizeName(gpuName))) : undefined;
  const gpus = count("gpus");
  if (gpu || gpus !== undefined) u.gpu = { ...(gpu ? { id: gpu.id } : {}), ...(gpus !== undefined ? { count: gpus } : {}) };
  if (intent === "facts") u.fact = read.fact ?? "price";
  return remember(u);
}
