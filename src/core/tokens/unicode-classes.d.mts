/** The Unicode version the classes below follow: the one tiktoken's pre-tokenizer uses. */
export const UNICODE_VERSION: string;
/** Character class bodies (no brackets, for the u flag): letters, marks, numbers. */
export const L: string;
export const M: string;
export const N: string;
/** [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}] and [\p{Ll}\p{Lm}\p{Lo}\p{M}]: what may open and what may close a word. */
export const upperWord: string;
export const lowerWord: string;
