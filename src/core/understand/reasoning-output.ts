// Reasoning tokens said as a multiple of the visible reply: billed as output, so the month's output is the reply and them.

import type { Workload } from "../knowledge/schema.ts";
import type { Volume } from "./types.ts";

/** "assume reasoning tokens are 3x the visible output", "thinking ~2× the answer", "推理 token 大约是输出的 3 倍". */
const REASONING_TIMES =
  /\b(?:reasoning|thinking)(?: tokens?)?(?: (?:are|is|runs?|at|of|=|~))?(?: (?:about|around|roughly|approx(?:imately)?|maybe|probably|likely|typically|usually|say))?\s?~?\s?(\d{1,2}(?:\.\d+)?)\s?(?:x|×|times)\s(?:the\s)?(?:(?:visible|actual|final)\b(?:\s(?:output|reply|replies|answers?|responses?|completions?)\b)?|(?:output|reply|replies|answers?|responses?|completions?)\b)|(?:推理|思考)\s?(?:token)?\s?(?:数|量)?\s?(?:大概|大约|约)?\s?(?:是|为|约为)?\s?(?:可见)?(?:输出|回复|回答)(?:的)?\s?(\d{1,2}(?:\.\d+)?)\s?倍/u;

/** "1k visible out plus ~4k reasoning tokens": each request's reasoning said in tokens, after its number. */
export const REASONING_TOKENS_AFTER =
  /^\s?(?:hidden\s)?(?:reasoning|thinking)\s(?:tokens?|toks?)\b(?!\s?(?:a|per|each|every|\/)\s?(?:month|mo|day)\b)|^\s?(?:tokens?\s)?(?:of\s)?(?:hidden\s)?(?:reasoning|thinking)\b(?!\s?(?:model|models|ability))/u;

export function reasoningTimesOf(question: string): number | undefined {
  const match = REASONING_TIMES.exec(question);
  const times = Number(match?.[1] ?? match?.[2]);
  return match && times > 0 ? times : undefined;
}

/** The line with its reasoning multiple blanked: "reasoning 3x the output" asks for no reasoning model. */
export function withoutReasoningTimes(text: string): string {
  return text.replace(REASONING_TIMES, (m) => " ".repeat(m.length));
}

interface WithVolume {
  volume?: Volume;
  reasoningTimes?: number;
  /** the input:output ratio said for a total ("4:1") */
  ratio?: { input: number; output: number };
}

/**
 * The question with its reasoning in the output volume: the reasoning said in this line (or, for a volume said anew
 * in a follow-up, the one said before) added to the visible output of the volume this line said, of the one before it
 * (its own reasoning taken out first), or of the default workload.
 */
export function withReasoningSaid<U extends WithVolume>(understood: U, line: WithVolume, before: WithVolume | undefined, defaults: Workload): U {
  const volumeSaid = line.volume !== undefined;
  const times = line.reasoningTimes ?? (volumeSaid ? before?.reasoningTimes : undefined);
  if (times === undefined) return understood;
  const volume = understood.volume;
  const visible = !volumeSaid && volume?.output !== undefined && before?.reasoningTimes ? { ...volume, output: volume.output / (1 + before.reasoningTimes) } : volume;
  const split = understood.ratio ?? { input: defaults.inputTokens, output: defaults.outputTokens };
  return { ...understood, volume: withReasoning(visible, times, split, defaults), reasoningTimes: times };
}

/** A total is split at the ratio said (or the default one) first, and no volume at all is the default workload's. */
function withReasoning(volume: Volume | undefined, times: number, split: { input: number; output: number }, defaults: Workload): Volume {
  const perOutput = 1 + times;
  if (volume?.output !== undefined) return { ...volume, output: volume.output * perOutput };
  const total = volume?.total;
  const input = volume?.input ?? (total !== undefined ? (total * split.input) / (split.input + split.output) : defaults.inputTokens);
  const output = total !== undefined ? total - input : (input * split.output) / split.input;
  return { input, output: output * perOutput };
}
