import { WorkerPool } from "../runtime/worker-pool.ts";

export type EncodingName = "o200k_base" | "cl100k_base";

type Counter = (text: string, options: { disallowedSpecial: Set<string> }) => number;

/** Inputs up to this size are counted in place (a few milliseconds); larger ones go to worker threads. */
export const INLINE_LIMIT_CHARS = 32_768;
/** Each worker gets a slice of at least this size. */
const MIN_SLICE_CHARS = 65_536;
/** Special-token text in a paste is ordinary text, as the APIs bill it (tiktoken's encode_ordinary). */
const ORDINARY = { disallowedSpecial: new Set<string>() };

const counters = new Map<EncodingName, Promise<Counter>>();

/** gpt-tokenizer's counters, loaded once on first use: identical counts to js-tiktoken, many times faster. */
function counter(encoding: EncodingName): Promise<Counter> {
  let pending = counters.get(encoding);
  if (!pending) {
    pending = (encoding === "o200k_base" ? import("gpt-tokenizer/encoding/o200k_base") : import("gpt-tokenizer/encoding/cl100k_base")).then(
      (module) => module.countTokens as Counter,
    );
    counters.set(encoding, pending);
  }
  return pending;
}

/**
 * Where a long text can be cut so that counting the pieces gives exactly the count of the whole:
 * right after a line break that is followed by a letter. The pre-tokenizer always ends a piece
 * there (no piece runs from a line break into a word), so the pieces' tokens are the whole's.
 */
export function safeCuts(text: string, parts: number): number[] {
  const cuts: number[] = [];
  const boundary = /\n(?=\p{L})/gu;
  for (let i = 1; i < parts; i++) {
    boundary.lastIndex = Math.floor((text.length * i) / parts);
    const found = boundary.exec(text);
    const cut = found ? found.index + 1 : -1;
    if (cut > (cuts.at(-1) ?? 0) && cut < text.length) cuts.push(cut);
  }
  return cuts;
}

export function splitAt(text: string, cuts: number[]): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces;
}

let pool: WorkerPool<{ text: string; encoding: EncodingName }, number> | null = null;

/** Counts tokens exactly; large texts are split at safe cuts and counted in parallel off the main thread. */
export async function countTokens(text: string, encoding: EncodingName = "o200k_base"): Promise<number> {
  if (text.length <= INLINE_LIMIT_CHARS) return (await counter(encoding))(text, ORDINARY);
  pool ??= new WorkerPool(new URL("./token-worker.mjs", import.meta.url));
  const parts = Math.max(1, Math.min(pool.size, Math.floor(text.length / MIN_SLICE_CHARS)));
  const pieces = splitAt(text, safeCuts(text, parts));
  const counts = await Promise.all(pieces.map((text) => pool!.run({ text, encoding })));
  return counts.reduce((sum, n) => sum + n, 0);
}

/** OpenAI's own models (and its open-weights gpt-oss) use o200k_base; for everyone else a count is an approximation. */
export function encodingFor(provider: string): { encoding: EncodingName; exact: boolean } {
  return { encoding: "o200k_base", exact: /^openai\b/i.test(provider) };
}
