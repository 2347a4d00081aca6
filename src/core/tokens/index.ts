/**
 * Exact token counts for o200k_base and cl100k_base, identical to tiktoken's encode_ordinary.
 *   tables.mjs        rank tables from data/<encoding>.bin (written by data/generate.ts) in one SharedArrayBuffer
 *   ascii-pieces.mjs  tiktoken's pre-tokenizer for ASCII pieces, without the regex
 *   counter.mjs       pre-tokenize (regex for the rest), one hash lookup per piece, a cache for merged pieces
 *   bpe.mjs           byte-pair merging in O(n log n), so a 100,000-character Chinese run is no longer quadratic
 *   safe-cuts.ts      where a text can be split across workers without changing the count
 *   worker.mjs        the worker thread, on the same shared tables
 * The engine is plain JavaScript so worker threads run it without a TypeScript loader.
 */
import { WorkerPool } from "../workers/pool.ts";
import { createCounter, type CountText } from "./counter.mjs";
import { safeCuts, splitAt } from "./safe-cuts.ts";
import { describe, loadTables, type EncodingName, type TablesDescription } from "./tables.mjs";

export type { EncodingName } from "./tables.mjs";
export { isSafeCut, safeCuts, splitAt } from "./safe-cuts.ts";

/**
 * Texts up to this size are counted in place: at most a few milliseconds even as one unbroken run of Chinese
 * (the worst case, byte-pair merging in O(n log n)). Larger texts go to a worker thread.
 */
export const INLINE_LIMIT_CHARS = 4_096;
/** A large text is split across workers only if each gets at least this much; below, one worker is faster. */
export const MIN_SLICE_CHARS = 131_072;

interface Engine {
  tables: TablesDescription;
  count: CountText;
}

const engines = new Map<EncodingName, Engine>();

/** Rank tables load on first use (about 30 ms for o200k_base) into shared memory the workers read too. */
function engine(encoding: EncodingName): Engine {
  let found = engines.get(encoding);
  if (!found) {
    const tables = loadTables(encoding);
    found = { tables: describe(tables), count: createCounter(tables) };
    engines.set(encoding, found);
  }
  return found;
}

let pool: WorkerPool<{ text: string; tables: TablesDescription }, number> | null = null;

/**
 * Counts tokens exactly as tiktoken's encode_ordinary (special-token text counts as plain text). Large texts are
 * counted off the main thread, split at safe cuts across workers when large enough to gain from it.
 */
export async function countTokens(text: string, encoding: EncodingName = "o200k_base"): Promise<number> {
  const { tables, count } = engine(encoding);
  if (text.length <= INLINE_LIMIT_CHARS) return count(text);
  pool ??= new WorkerPool(new URL("./worker.mjs", import.meta.url));
  const parts = Math.max(1, Math.min(pool.size, Math.floor(text.length / MIN_SLICE_CHARS)));
  const counts = await Promise.all(splitAt(text, safeCuts(text, parts)).map((part) => pool!.run({ text: part, tables })));
  return counts.reduce((sum, n) => sum + n, 0);
}

/** Stops the worker threads (tests, shutdown); a later large count starts them again. */
export async function closeTokenWorkers(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.close();
}

/** OpenAI's own models (and its open-weights gpt-oss) use o200k_base; for everyone else a count is an approximation. */
export function encodingFor(provider: string): { encoding: EncodingName; exact: boolean } {
  return { encoding: "o200k_base", exact: /^openai\b/i.test(provider) };
}
