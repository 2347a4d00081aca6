import type { Tables } from "./tables.mjs";

/** Regex class body of the characters tiktoken treats as whitespace. */
export const WHITESPACE: string;
/** Counts a text as tiktoken's encode_ordinary would, on the calling thread. */
export type CountText = (text: string) => number;
export function createCounter(tables: Tables): CountText;
