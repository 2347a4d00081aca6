/** Numbers as people type them in English and Chinese: 1500, 1.5k, 50M, 2 billion, 5000万, 3千万, 十亿, 两. */

const DIGITS: Record<string, number> = { 半: 0.5, 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十亿 → 1e9, 三千万 → 3e7, 两 → 2, 二十五 → 25; null when the text is not a Chinese numeral. */
function parseChineseNumeral(text: string): number | null {
  if (!text || !/^[零〇一二两俩三四五六七八九十百千万亿半]+$/.test(text) || text === "半") return null;
  // 一亿五千万 = 1亿 + 5千万: each 亿 closes what came before it, each 万 only the part below 亿
  let total = 0;
  let wan = 0;
  let section = 0;
  let digit: number | null = null;
  for (const char of text) {
    if (char in DIGITS) digit = DIGITS[char]!;
    else if (char in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[char]!;
      digit = null;
    } else if (char === "万") {
      // 万万: the part so far is multiplied again
      wan = section + (digit ?? 0) ? wan + (section + (digit ?? 0)) * 1e4 : (wan || 1) * 1e4;
      section = 0;
      digit = null;
    } else {
      const below = wan + section + (digit ?? 0);
      // 亿亿, 万亿: what came before is multiplied again
      total = below ? (total + below) * 1e8 : (total || 1) * 1e8;
      wan = 0;
      section = 0;
      digit = null;
    }
  }
  return total + wan + section + (digit ?? 0);
}

const SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  千: 1e3,
  m: 1e6,
  mm: 1e6,
  mil: 1e6,
  mio: 1e6,
  million: 1e6,
  millions: 1e6,
  百万: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  t: 1e12,
  trillion: 1e12,
  // "50 mn", "1.2 bil", "50MTok", German "Mrd"
  mn: 1e6,
  bil: 1e9,
  bill: 1e9,
  mrd: 1e9,
  mtok: 1e6,
  mtoks: 1e6,
  ktok: 1e3,
  ktoks: 1e3,
  btok: 1e9,
  btoks: 1e9,
  trillions: 1e12,
  // "6000w", "3kw": 万 and 千万 as Chinese chats write them
  w: 1e4,
  kw: 1e7,
  quadrillion: 1e15,
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
  // "megatokens", "20 gigatokens"
  kilo: 1e3,
  mega: 1e6,
  giga: 1e9,
  tera: 1e12,
  十万: 1e5,
  万: 1e4,
  千万: 1e7,
  亿: 1e8,
  十亿: 1e9,
  百亿: 1e10,
  千亿: 1e11,
  万亿: 1e12,
};

/** One number found in a text: where, its value, and how it was written. */
export interface FoundNumber {
  start: number;
  end: number;
  value: number;
  /** a magnitude word or letter was part of it (50M, 2亿, 1.5k) */
  scaled: boolean;
  /** typed with a minus sign or 负 before it: never a volume, a count or a share */
  negative: boolean;
  /** as typed, with its sign */
  raw: string;
  /** where `raw` starts: at the sign when there is one */
  from: number;
}

/**
 * Every number in `text` (already lower-cased and NFKC-normalized), in order. One pass with one regular expression
 * that has no nested quantifiers, so the cost is linear in the length of the text.
 */
const NUMBER =
  /(\d+(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}(?![\d.])|\d{1,3}(?: \d{3}){2,}(?![\d])|\d+,\d{1,2}(?=\s?(?:mio|mrd|million|billion|[mkb]\b))|\d+(?:\.\d+)?|[零〇一二两俩三四五六七八九十百千万亿半]+)(?:e\+?(\d{1,4})(?![\p{L}\d])|\s?(?:\^|\*\*|的(?=\s?(?:\d{1,4}|[一二两三四五六七八九十百]+)\s?次方))\s?(\d{1,4}|[一二两三四五六七八九十百]+(?=\s?次方))(?:\s?次方)?|\s?[x×*]\s?10\s?\^\s?(\d{1,4}))?\s?(thousand|millions?|billions?|trillion|quadrillion|lakhs?|crores?|(?:kilo|mega|giga|tera)(?=-?toks?|-?tokens?)|mtoks?|ktoks?|btoks?|mn|bil|bill|mil|mio|mrd|mm|bn|(?<=\d)kw(?![a-z/])|[kmbt](?![a-z\d])|(?<=\d)w(?![a-z/])|(?:千万|百万|十万|十亿|百亿|千亿|万亿|万|亿|千)+)?/gu;
const CHINESE_UNITS = Object.keys(SCALE)
  .filter((unit) => /\p{Script=Han}/u.test(unit))
  .sort((a, b) => b.length - a.length);
const MINUS = /[-−﹣－负負]/u;
/** "negative 5 million", "minus 10M": a sign in words. */
const MINUS_WORD = /\b(?:negative|minus)\s?$/u;
/** "-$100", "－¥500": a sign before the currency. */
const MINUS_MONEY = /[-−﹣－]\s?[$¥￥]$/u;
/** "3 trillion trillion", "a million billion": each further magnitude word multiplies, as 亿亿 does. */
const MORE_SCALE = /^\s?(thousand|millions?|billions?|trillions?|quadrillion)\b/u;

/** 万亿 → 1e12, 亿亿 → 1e16: each unit typed multiplies, the longest unit read first. */
function chineseScale(units: string): number {
  let scale = 1;
  for (let rest = units; rest; ) {
    const unit = CHINESE_UNITS.find((u) => rest.startsWith(u))!;
    scale *= SCALE[unit]!;
    rest = rest.slice(unit.length);
  }
  return scale;
}

/** "50,000,000", "50.000.000", "50 000 000" group thousands; "1,5" before a magnitude is a decimal comma. */
function plainNumber(digits: string): number {
  if (/^\d+,\d{1,2}$/.test(digits)) return Number(digits.replace(",", "."));
  if (/^\d{1,3}(?:[. ]\d{3}){2,}$/.test(digits)) return Number(digits.replace(/[. ]/g, ""));
  return Number(digits.replace(/,/g, ""));
}

/** "fifty million", "two billion", "a million", "half a billion", "one email": amounts written in English words. */
const WORD_DIGITS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  half: 0.5,
  "half a": 0.5,
};
const WORD_AMOUNT =
  /(?<![\p{L}\d])(?:(a couple(?: of)?|an?|one|two|three|four|five|six|seven|eight|nine)\shundred(?:\sand)?)?(?:\s?(?<![a-z])(?:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](one|two|three|four|five|six|seven|eight|nine))?|(half a|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))(\shundred)?)?\s(thousand|million|billion|trillion)s?(?![\p{L}])/gu;
/** "a couple hundred thousand": two of the hundreds */
const HUNDREDS: Record<string, number> = { "a couple": 2, "a couple of": 2, a: 1, an: 1 };

/** "one email each", "three questions a day", "a dozen tickets": a small count in words, before what it counts. */
const WORD_COUNT =
  /(?<![\p{L}\d])(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a dozen)(?=\s(?:[a-z-]+\s)?(?:e-?mails?|messages?|requests?|calls?|questions?|queries|prompts?|chats?|conversations?|tickets?|documents?|docs|reports?|summaries|replies|turns|rounds|steps)\b)/gu;
const DOZEN = 12;

function wordAmounts(text: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  for (const match of text.matchAll(WORD_COUNT)) {
    const typed = match[0];
    found.push({
      start: match.index,
      end: match.index + typed.length,
      value: typed === "a dozen" ? DOZEN : WORD_DIGITS[typed]!,
      scaled: false,
      negative: false,
      raw: typed,
      from: match.index,
    });
  }
  for (const match of text.matchAll(WORD_AMOUNT)) {
    // "one hundred fifty million", "a hundred and fifty million", "two hundred fifty thousand", "fifty million"
    const [typed, hundreds, tens, ones, small, hundred, scale] = match;
    if (!hundreds && !tens && !small) continue;
    const rest = tens ? WORD_DIGITS[tens]! + (ones ? WORD_DIGITS[ones]! : 0) : small ? WORD_DIGITS[small]! : 0;
    const value = ((hundreds ? (HUNDREDS[hundreds] ?? WORD_DIGITS[hundreds]!) * 100 : 0) + rest) * (hundred ? 100 : 1) * SCALE[scale!]!;
    const start = match.index;
    found.push({ start, end: start + typed.length, value, scaled: true, negative: false, raw: typed, from: start });
  }
  // "two hundred fifty thousand requests" is one amount, not also "fifty" requests
  const amounts = found.filter((n) => n.scaled);
  return found.filter((n) => n.scaled || !amounts.some((a) => n.start >= a.start && n.end <= a.end)).sort((a, b) => a.start - b.start);
}

export function findNumbers(text: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const [typed, digits, exponent, power, timesPower, unit] = match;
    const start = match.index;
    // a letter right before the digits makes them part of a name (gpt-5, o3, qwen3, h100), not an amount
    const before = text[start - 1] ?? "";
    if (/^\d/.test(digits!) && (/[a-z]/.test(before) || (/[-_.]/.test(before) && /[a-z0-9]/.test(text[start - 2] ?? "")))) continue;
    let value = /^\d/.test(digits!) ? plainNumber(digits!) : parseChineseNumeral(digits!);
    if (value === null || !Number.isFinite(value)) continue;
    let scaled = false;
    // 1e30, 10^30, 10的30次方, 2×10^9: written as powers of ten, read as such (and so bounded like any other amount)
    if (exponent !== undefined) value *= 10 ** Number(exponent);
    else if (power !== undefined) value **= /^\d/.test(power) ? Number(power) : (parseChineseNumeral(power) ?? 1);
    else if (timesPower !== undefined) value *= 10 ** Number(timesPower);
    if (exponent !== undefined || power !== undefined || timesPower !== undefined) scaled = true;
    let end = start + typed.length;
    if (unit) {
      // a lone Chinese numeral's own 万/亿 was already read by parseChineseNumeral
      value *= SCALE[unit] ?? chineseScale(unit);
      scaled = true;
      for (let more = MORE_SCALE.exec(text.slice(end)); more && /[a-z]/.test(unit); more = MORE_SCALE.exec(text.slice(end))) {
        value *= SCALE[more[1]!]!;
        end += more[0].length;
      }
    } else if (/[万亿千百十]/.test(digits!)) scaled = value >= 1e4;
    // 负 may stand apart from its number ("负 3000 万"); a dash may not ("- 50M" is a list item, "--" a dash between words)
    const word = MINUS_WORD.exec(text.slice(Math.max(0, start - 9), start)) ?? MINUS_MONEY.exec(text.slice(Math.max(0, start - 3), start));
    const sign = word ? word[0].length : /[负負]\s$/u.test(text.slice(Math.max(0, start - 2), start)) ? 2 : MINUS.test(before) && !MINUS.test(text[start - 2] ?? "") ? 1 : 0;
    const negative = sign > 0;
    const from = start - sign;
    found.push({ start, end, value, scaled, negative, raw: text.slice(from, end).trim(), from });
  }
  // amounts in words fill the places no digits were read at
  const words = wordAmounts(text).filter((w) => !found.some((n) => n.start < w.end && n.end > w.start));
  const all = words.length ? [...found, ...words].sort((a, b) => a.start - b.start) : found;
  return joinedMagnitudes(text, all);
}

/** "1亿5千万", "2亿3000万": a number with a smaller Chinese magnitude typed right after one with 亿 or 万 is its rest. */
function joinedMagnitudes(text: string, found: FoundNumber[]): FoundNumber[] {
  const joined: FoundNumber[] = [];
  for (const number of found) {
    const last = joined.at(-1);
    const bigUnit = last && /[亿万]$/u.test(last.raw) ? (last.raw.endsWith("亿") ? 1e8 : 1e4) : 0;
    if (last && bigUnit && number.start === last.end && !number.negative && /[万千百]$/u.test(number.raw) && number.value < bigUnit) {
      joined[joined.length - 1] = { ...last, end: number.end, value: last.value + number.value, raw: text.slice(last.from, number.end) };
      continue;
    }
    joined.push(number);
  }
  return joined;
}
