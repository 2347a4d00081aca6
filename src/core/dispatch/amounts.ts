/** Parses amounts the way people type them: 1500, 1.5k, 10M, 2B, 1万, 3亿 (or 3億), 1,000,000. */
const SUFFIX: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  千: 1e3,
  m: 1e6,
  mm: 1e6,
  million: 1e6,
  百万: 1e6,
  千万: 1e7,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  trillion: 1e12,
  万: 1e4,
  亿: 1e8,
  万亿: 1e12,
  // Traditional characters
  萬: 1e4,
  億: 1e8,
  千萬: 1e7,
  萬億: 1e12,
  百萬: 1e6,
};

const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;

/** NFKC (full-width digits and letters made plain), skipped for plain ASCII, which it leaves as it is. */
const nfkc = (text: string) => (PLAIN_ASCII.test(text) ? text : text.normalize("NFKC"));

export function parseTokenAmount(text: string): number | null {
  // "1.5e9" is written as engineers write it: a power of ten, with no unit after it
  const match = /^\s*(\d+(?:[.,]\d+)*)(?:e\+?(\d{1,2})|\s*([a-z]+|[千万亿百萬億]+))?\s*(?:tokens?|tok|个?token|词元)?\s*$/iu.exec(nfkc(text));
  if (!match) return null;
  const digits = match[1]!;
  // "1,000,000" uses commas for thousands; "1,5" is not a thing we guess at.
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits) ? digits.replace(/,/g, "") : digits;
  if (plain.includes(",")) return null;
  const value = Number(plain);
  const suffix = match[3]?.toLowerCase();
  const scale = match[2] !== undefined ? 10 ** Number(match[2]) : suffix ? SUFFIX[suffix] : 1;
  if (!Number.isFinite(value) || scale === undefined) return null;
  const amount = Math.round(value * scale);
  // checked after the suffix: "<300 nines>T" is no amount, not Infinity
  return Number.isSafeInteger(amount) ? amount : null;
}

/** "50%", "50" and "0.5" are all one half; returns percent in 0..100. */
export function parsePercent(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(%|％)?\s*$/.exec(nfkc(text));
  if (!match) return null;
  const value = Number(match[1]);
  const percent = match[2] || !match[1]!.includes(".") || value >= 1 ? value : value * 100;
  return percent >= 0 && percent <= 100 ? percent : null;
}

/** A plain positive number such as a price ("2.5", "$2.50"). */
export function parseNumber(text: string): number | null {
  const match = /^\s*[$¥]?\s*(\d{1,15}(?:\.\d{1,10})?)\s*$/.exec(nfkc(text));
  return match ? Number(match[1]) : null;
}
