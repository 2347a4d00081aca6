import type { EncodingName, Tables } from "./tables.mjs";

export const PATTERNS: Record<EncodingName, string>;
/** Counts a text as tiktoken's encode_ordinary would, on the calling thread. */
export type CountText = (text: string) => number;
export function createCounter(tables: Tables): CountText;
