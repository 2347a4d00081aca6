import type { Tables } from "./tables.mjs";

export interface Counter {
  /** Counts a text as tiktoken's encode_ordinary would, on the calling thread. */
  count(text: string): number;
  /**
   * Counts the pieces that start in [from, until), stopping before any piece longer than `longPiece` characters;
   * `end` is where counting stopped, `longPieceEnd` the end of that long piece (-1 if none).
   */
  countSpan(text: string, from: number, until: number, longPiece: number): { tokens: number; end: number; longPieceEnd: number };
}
export function createCounter(tables: Tables): Counter;
