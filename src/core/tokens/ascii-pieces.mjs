// Where tiktoken's pre-tokenizer ends the piece starting at p, decided without the regular expression when every
// character the decision depends on is ASCII (most English and code); -1 sends the caller to the regex (counter.mjs),
// which is exact for everything. Each branch follows the pattern's alternatives in order, as the regex engine tries them.
// test/tokens.test.ts checks the result against js-tiktoken and tiktoken on arbitrary text.

const END = 0;
const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;
const SPACE = 4; // " "
const NEWLINE = 5; // \r \n
const BLANK = 6; // \t \v \f: whitespace that, like a space, may open a word
const PUNCT = 7; // any other ASCII character: neither \s nor \p{L} nor \p{N}
const UNKNOWN = 8; // not ASCII

const CLASS = new Uint8Array(128).fill(PUNCT);
for (let c = 65; c <= 90; c++) CLASS[c] = UPPER;
for (let c = 97; c <= 122; c++) CLASS[c] = LOWER;
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;
CLASS[32] = SPACE;
CLASS[10] = NEWLINE;
CLASS[13] = NEWLINE;
CLASS[9] = BLANK;
CLASS[11] = BLANK;
CLASS[12] = BLANK;

function classAt(text, i) {
  if (i >= text.length) return END;
  const c = text.charCodeAt(i);
  return c < 128 ? CLASS[c] : UNKNOWN;
}

const isLetter = (k) => k === UPPER || k === LOWER;
const isWhitespace = (k) => k === SPACE || k === NEWLINE || k === BLANK;

/** End of the contraction 's 't 're 've 'm 'll 'd (any case, and 'ſ: see counter.mjs) at i, or i if there is none. */
function contractionEnd(text, i) {
  if (text.charCodeAt(i) !== 39) return i;
  if (text.charCodeAt(i + 1) === 0x17f) return i + 2;
  const a = text.charCodeAt(i + 1) | 0x20;
  if (a === 115 || a === 116 || a === 109 || a === 100) return i + 2; // s t m d
  const b = text.charCodeAt(i + 2) | 0x20;
  if ((a === 114 && b === 101) || (a === 118 && b === 101) || (a === 108 && b === 108)) return i + 3; // re ve ll
  return i;
}

/** A punctuation run from i, then trailing line breaks (and "/" in o200k_base); -1 if a non-ASCII character decides. */
function punctuationEnd(text, i, slash) {
  let k = classAt(text, i);
  while (k === PUNCT) k = classAt(text, ++i);
  if (k === UNKNOWN) return -1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || (slash && c === 47)) i++;
    else return i;
  }
}

/** `\s*[\r\n]+ | \s+(?!\S) | \s+` from p, a whitespace character. */
function whitespaceEnd(text, p) {
  let end = p;
  let lastBreak = -1;
  let k = classAt(text, end);
  while (isWhitespace(k)) {
    if (k === NEWLINE) lastBreak = end;
    k = classAt(text, ++end);
  }
  if (k === UNKNOWN) return -1;
  if (lastBreak >= 0) return lastBreak + 1;
  if (k === END || end - 1 === p) return end;
  return end - 1;
}

/** `\p{N}{1,3}` from p, a digit. */
function digitsEnd(text, p) {
  let end = p + 1;
  while (end < p + 3) {
    const k = classAt(text, end);
    if (k === UNKNOWN) return -1;
    if (k !== DIGIT) break;
    end++;
  }
  return end;
}

export function o200kPieceEnd(text, p) {
  const first = classAt(text, p);
  let start = p;
  if (first === PUNCT || first === SPACE || first === BLANK) {
    const next = classAt(text, p + 1);
    if (next === UNKNOWN) return -1;
    if (isLetter(next)) start = p + 1;
  }
  const letter = classAt(text, start);
  if (isLetter(letter)) {
    // [Lu…]*[Ll…]+ if the capitals are followed by small letters, else [Lu…]+[Ll…]*: ASCII capitals are never [Ll…]
    let end = start;
    let k = classAt(text, end);
    while (k === UPPER) k = classAt(text, ++end);
    while (k === LOWER) k = classAt(text, ++end);
    if (k === UNKNOWN) return -1;
    return contractionEnd(text, end);
  }
  if (first === DIGIT) return digitsEnd(text, p);
  if (first === SPACE) {
    const next = classAt(text, p + 1);
    if (next === PUNCT) return punctuationEnd(text, p + 1, true);
  }
  if (first === PUNCT) return punctuationEnd(text, p, true);
  if (isWhitespace(first)) return whitespaceEnd(text, p);
  return -1;
}

export function cl100kPieceEnd(text, p) {
  const first = classAt(text, p);
  if (first === PUNCT) {
    const contraction = contractionEnd(text, p);
    if (contraction > p) return contraction;
  }
  let start = p;
  if (first === PUNCT || first === SPACE || first === BLANK) {
    const next = classAt(text, p + 1);
    if (next === UNKNOWN) return -1;
    if (isLetter(next)) start = p + 1;
  }
  if (isLetter(classAt(text, start))) {
    let end = start;
    let k = classAt(text, end);
    while (isLetter(k)) k = classAt(text, ++end);
    return k === UNKNOWN ? -1 : end;
  }
  if (first === DIGIT) return digitsEnd(text, p);
  if (first === SPACE) {
    const next = classAt(text, p + 1);
    if (next === PUNCT) return punctuationEnd(text, p + 1, false);
  }
  if (first === PUNCT) return punctuationEnd(text, p, false);
  if (isWhitespace(first)) return whitespaceEnd(text, p);
  return -1;
}
