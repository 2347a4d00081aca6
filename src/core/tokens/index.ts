/**
 * Exact token counts for o200k_base and cl100k_base, identical to tiktoken's encode_ordinary.
 *   tables.mjs           rank tables from data/<encoding>.bin (written by data/generate.ts) in one SharedArrayBuffer
 *   unicode-classes.mjs  the letter, mark and number classes of tiktoken's Unicode version (data/generate-unicode-classes.ts)
 *   ascii-pieces.mjs     tiktoken's pre-tokenizer for ASCII pieces, without the regex
 *   counter.mjs          pre-tokenize (regex for the rest), one hash lookup per piece, a cache for merged pieces
 *   bpe.mjs              byte-pair merging in O(n log n), so a 100,000-character Chinese run is no longer quadratic
 *   worker.mjs           the worker thread that counts long pieces, on the same shared tables
 * The engine is plain JavaScript so worker threads run it without a TypeScript loader.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { WorkerPool } from "../workers/pool.ts";
import { type Counter, createCounter } from "./counter.mjs";
import { describe, type EncodingName, loadTables, type TablesDescription } from "./tables.mjs";

export type { EncodingName } from "./tables.mjs";

/**
 * A text is counted on the main thread, in steps of this many characters, handing the event loop back once a
 * slice has taken SLICE_MS: the same work as counting it in one go (a worker would add start-up, copying the text
 * and a second cache, and on a busy 2-core machine loses to counting in place), yet no other user waits long.
 */
const STEP_CHARS = 8_192;
const SLICE_MS = 6;
/**
 * A piece longer than this (a run of Chinese without punctuation is one piece) is byte-pair merged on a worker:
 * one merge cannot be cut into slices, and 100,000 characters take tens of milliseconds.
 */
export const LONG_PIECE_CHARS = 2_048;

interface Engine {
  tables: TablesDescription;
  counter: Counter;
}

const engines = new Map<EncodingName, Promise<Engine>>();

/** Rank tables load on first use, in slices (about 30 ms of work for o200k_base), into memory the workers share. */
function engine(encoding: EncodingName): Promise<Engine> {
  let found = engines.get(encoding);
  if (!found) {
    found = loadTables(encoding).then(async (tables) => {
      // compiling the pre-tokenizer's pattern (about 8 ms) gets an event-loop turn of its own, apart from any slice
      await nextTurn();
      return { tables: describe(tables), counter: createCounter(tables) };
    });
    found.catch(() => engines.delete(encoding));
    engines.set(encoding, found);
  }
  return found;
}

let pool: WorkerPool<{ text: string; tables: TablesDescription }, number> | null = null;

/**
 * Counts tokens exactly as tiktoken's encode_ordinary (special-token text counts as plain text), without holding the
 * event loop for more than a slice of about SLICE_MS at a time.
 */
export async function countTokens(text: string, encoding: EncodingName = "o200k_base"): Promise<number> {
  const { tables, counter } = await engine(encoding);
  let total = 0;
  let sliceStart = performance.now();
  for (let at = 0; at < text.length; ) {
    const { tokens, end, longPieceEnd } = counter.countSpan(text, at, Math.min(text.length, at + STEP_CHARS), LONG_PIECE_CHARS);
    total += tokens;
    at = end;
    if (longPieceEnd > at) {
      pool ??= new WorkerPool(new URL("./worker.mjs", import.meta.url));
      total += await pool.run({ text: text.slice(at, longPieceEnd), tables });
      at = longPieceEnd;
      sliceStart = performance.now();
    } else if (at < text.length && performance.now() - sliceStart > SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return total;
}

/** Stops the worker threads (tests, shutdown); a later long piece starts them again. */
export async function closeTokenWorkers(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.close();
}

/** OpenAI's own models (and its open-weights gpt-oss) use o200k_base; for everyone else a count is an approximation. */
export function encodingFor(provider: string): { encoding: EncodingName; exact: boolean } {
  return { encoding: "o200k_base", exact: /^openai\b/i.test(provider) };
}
