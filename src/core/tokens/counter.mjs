// Counts the tokens of a text: pre-tokenize with tiktoken's pattern, then one token per piece that is itself a token
// (the common case, a hash lookup with no string built), else byte-pair merge it (bpe.mjs).
import { cl100kPieceEnd, o200kPieceEnd } from "./ascii-pieces.mjs";
import { countMerged } from "./bpe.mjs";
import { rankOf, step } from "./tables.mjs";
import { L, lowerWord, N, upperWord } from "./unicode-classes.mjs";

/**
 * The contraction alternatives tiktoken writes as (?i:'s|'t|'re|'ve|'m|'ll|'d), spelled out for JavaScript. Rust's
 * (?i) folds case by Unicode, where the long s "ſ" (U+017F) is an "s": it is the only other letter these match.
 */
const CONTRACTIONS = "'(?:[sSſ]|[tT]|[rR][eE]|[vV][eE]|[mM]|[lL][lL]|[dD])";

/**
 * What tiktoken's `\s` matches: Rust's regex crate uses Unicode White_Space, which has U+0085 and lacks U+FEFF
 * (https://docs.rs/crate/regex-syntax/latest/source/src/unicode_tables/perl_space.rs, read 2026-11-28), unlike
 * JavaScript's `\s`; js-tiktoken, using `\s`, miscounts texts with either character (test/tokens.test.ts).
 */
const WHITESPACE = "\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const S = `[${WHITESPACE}]`;
const NOT_S = `[^${WHITESPACE}]`;

/**
 * tiktoken's pre-tokenizer patterns (https://github.com/openai/tiktoken/blob/main/tiktoken_ext/openai_public.py,
 * read 2026-11-28; o200k_base as shipped in js-tiktoken 1.0.21's ranks), in JavaScript syntax. The character classes
 * are spelled out from the Unicode version tiktoken uses (unicode-classes.mjs): \p{L} and the like would follow the
 * running Node's ICU, so a letter that a newer Unicode added would be counted differently on each Node.
 */
const PATTERNS = {
  o200k_base: [
    `[^\\r\\n${L}${N}]?[${upperWord}]*[${lowerWord}]+(?:${CONTRACTIONS})?`,
    `[^\\r\\n${L}${N}]?[${upperWord}]+[${lowerWord}]*(?:${CONTRACTIONS})?`,
    `[${N}]{1,3}`,
    ` ?[^${WHITESPACE}${L}${N}]+[\\r\\n/]*`,
    `${S}*[\\r\\n]+`,
    `${S}+(?!${NOT_S})`,
    `${S}+`,
  ].join("|"),
  cl100k_base: [CONTRACTIONS, `[^\\r\\n${L}${N}]?[${L}]+`, `[${N}]{1,3}`, ` ?[^${WHITESPACE}${L}${N}]+[\\r\\n]*`, `${S}*[\\r\\n]+`, `${S}+(?!${NOT_S})`, `${S}+`].join("|"),
};

/** Pieces up to this many characters that need merging are remembered (by text) with their token count. */
const CACHED_PIECE_CHARS = 64;
const CACHE_ENTRIES = 50_000;
// ignoreBOM keeps a leading U+FEFF in the key (by default TextDecoder drops it, and "\ufeffabc" would pose as "abc").
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** A counter over one encoding's tables; keeps its own scratch buffer and cache, so one per thread. */
export function createCounter(tables) {
  // Sticky: every piece starts where the last ended, so `test` (no match object built) tells us each piece's end.
  // Most ASCII pieces are found without it (ascii-pieces.mjs).
  const pieces = new RegExp(PATTERNS[tables.encoding], "yu");
  // V8 compiles a pattern on its first use: now, rather than in the middle of someone's count
  pieces.test("\u00e9");
  const asciiPieceEnd = tables.encoding === "o200k_base" ? o200kPieceEnd : cl100kPieceEnd;
  const cache = new Map();
  let bytes = new Uint8Array(4096);

  function countPiece(text, start, end) {
    if (bytes.length < 3 * (end - start)) bytes = new Uint8Array(2 ** Math.ceil(Math.log2(3 * (end - start))));
    let n = 0;
    let hash = 0;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        bytes[n++] = c;
        hash = step(hash, c);
        continue;
      }
      if (c < 0x800) {
        const b0 = 0xc0 | (c >> 6);
        const b1 = 0x80 | (c & 0x3f);
        bytes[n++] = b0;
        bytes[n++] = b1;
        hash = step(step(hash, b0), b1);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const low = i + 1 < end ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
          i++;
          const cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          const b0 = 0xf0 | (cp >> 18);
          const b1 = 0x80 | ((cp >> 12) & 0x3f);
          const b2 = 0x80 | ((cp >> 6) & 0x3f);
          const b3 = 0x80 | (cp & 0x3f);
          bytes[n++] = b0;
          bytes[n++] = b1;
          bytes[n++] = b2;
          bytes[n++] = b3;
          hash = step(step(step(step(hash, b0), b1), b2), b3);
          continue;
        }
        c = 0xfffd; // a lone surrogate is encoded as U+FFFD, as TextEncoder does
      }
      const b0 = 0xe0 | (c >> 12);
      const b1 = 0x80 | ((c >> 6) & 0x3f);
      const b2 = 0x80 | (c & 0x3f);
      bytes[n++] = b0;
      bytes[n++] = b1;
      bytes[n++] = b2;
      hash = step(step(step(hash, b0), b1), b2);
    }
    if (n <= tables.maxLength && rankOf(tables, hash, bytes, 0, n) >= 0) return 1;
    if (end - start > CACHED_PIECE_CHARS) return countMerged(tables, bytes, n);
    const cached = cache.get(text.slice(start, end));
    if (cached !== undefined) return cached;
    const count = countMerged(tables, bytes, n);
    if (cache.size >= CACHE_ENTRIES) cache.clear();
    // Keyed by a fresh copy: a slice of the text would keep the whole (maybe megabytes long) text alive.
    cache.set(utf8.decode(bytes.subarray(0, n)), count);
    return count;
  }

  /** End of the piece starting at `start`. */
  function pieceEnd(text, start) {
    const end = asciiPieceEnd(text, start);
    if (end >= 0) return end;
    pieces.lastIndex = start;
    if (!pieces.test(text)) throw new Error(`no token pattern matches at ${start}`);
    return pieces.lastIndex;
  }

  return {
    /** Tokens in text, as tiktoken's encode_ordinary counts them (special-token text is plain text). */
    count(text) {
      let total = 0;
      for (let start = 0; start < text.length; ) {
        const end = pieceEnd(text, start);
        total += countPiece(text, start, end);
        start = end;
      }
      return total;
    },

    /**
     * Counts the pieces that start in [from, until) (the last may end past `until`), stopping before a piece longer
     * than `longPiece` characters, whose byte-pair merge could take long: the caller counts that one elsewhere (as a
     * text of its own: alone, a piece is still one piece).
     */
    countSpan(text, from, until, longPiece) {
      let tokens = 0;
      let start = from;
      while (start < until) {
        const end = pieceEnd(text, start);
        if (end - start > longPiece) return { tokens, end: start, longPieceEnd: end };
        tokens += countPiece(text, start, end);
        start = end;
      }
      return { tokens, end: start, longPieceEnd: -1 };
    },
  };
}
