import { COUNT_AFTER, GPU_AFTER, GPU_BEFORE, GPU_NAMED } from "./gpu-words.ts";
import {
  CNY_MARK,
  FOREIGN_MONEY_AFTER,
  FOREIGN_MONEY_BEFORE,
  HOURLY,
  HOURLY_BEFORE,
  PER_KWH,
  PER_KWH_BEFORE,
  BUDGET_BEFORE,
  GPUS_BOUGHT,
  HAVE_A_MONTH,
  ONE_CARD_THEN_PERIOD,
  OPS_AFTER,
  OPS_BEFORE,
  PRICE_BEFORE_ONE_CARD,
  SET_ASIDE_AFTER,
  PER_CARD_AFTER,
  PER_CARD_BEFORE,
  WRITE_OFF,
  MONEY_AFTER,
  MONEY_BEFORE,
  MONTHLY_PER_CARD,
  MONTHLY_PER_CARD_BEFORE,
  PER_MILLION,
  PER_MILLION_BEFORE,
  PRICE_CAP_BEFORE,
  PRICE_CAP_AFTER,
  OUTPUT_PRICE,
  SPENT_BEFORE,
  SPENT_BEFORE_ZH,
  UNIT_BEFORE,
  USD_MARK,
} from "./money-words.ts";
import { type MixPart, requestMix } from "./request-mix.ts";
import { monthOfRequestSize, PER_REQUEST_BELOW } from "./request-size.ts";
import { speedKind, TPUT_AFTER, TPUT_BEFORE } from "./speed-words.ts";
import { REASONING_TOKENS_AFTER } from "./reasoning-output.ts";
import { CACHE_WORDS, PERCENT_AFTER, PERCENT_BEFORE, SHARE_INPUT, SHARE_INPUT_BEFORE, SHARE_OUTPUT, SHARE_OUTPUT_BEFORE, tenthsOf, UTIL_WORDS } from "./share-words.ts";
import { findNumbers, type FoundNumber } from "./numbers.ts";
// the bounds of the in:/out:/requests:/prompt: options, for the same amounts typed in words
import { MAX_MONTHLY_REQUESTS, MAX_MONTHLY_TOKENS, MAX_PROMPT_TOKENS } from "../pricing/workload.ts";
import type { Unreadable, Volume } from "./types.ts";
import {
  CALLS_AFTER,
  CALLS_EACH_AFTER,
  CONVERSATIONS,
  MAX_TURNS,
  PEAK_AFTER,
  PEAK_BEFORE,
  PER_UNIT_BEFORE,
  PER_USER,
  SENT_TO_PEOPLE_BEFORE,
  MESSAGE_PERIOD_BEFORE,
  RATE_BEFORE,
  RATE_COUNT,
  RATES,
  REQUESTS_AFTER,
  REQUESTS_BEFORE,
  TURNS_AFTER,
  PER_PERSON_AFTER,
  USERS_AFTER,
  USERS_BEFORE,
  LANGUAGES_AFTER,
  TRANSLATED,
  AVERAGE_AFTER,
  CONCURRENT_AFTER,
  CONCURRENT_BEFORE,
  ONE_REQUEST,
} from "./request-words.ts";
import { activeMonth, asMonthly, DAILY_BEFORE, jobRuns, MONTH_DAYS, oneEvery, PER_DAY, PERIOD_WORD, perMonthOf } from "./period-words.ts";
import {
  CACHED_PART,
  CACHED_PART_OF,
  CACHE_VERB_BEFORE,
  CACHED_PART_OF_ZH,
  INCLUDED_PART_BEFORE,
  CHUNK_SIZE_BEFORE,
  CHUNKS_AFTER,
  CHUNKS_BEFORE,
  CHUNKS_EACH_AFTER,
  CHUNKS_TIMES_AFTER,
  EACH_WAY_AFTER,
  EACH_WAY_BEFORE,
  PER_REQUEST_LATER,
  PLUS_BEFORE,
  USER_PART_AFTER,
  USER_PART_BEFORE,
} from "./prompt-words.ts";
import {
  AVERAGE_BEFORE,
  CONTEXT_AFTER,
  CONTEXT_BEFORE,
  INPUT_AFTER,
  INPUT_BEFORE,
  LABEL_THEN_NUMBER,
  OUTPUT_AFTER,
  OUTPUT_BEFORE,
  PER_REQUEST_AFTER,
  PER_REQUEST_BEFORE,
  PER_REQUEST_CLAUSE,
  PER_REQUEST_CLAUSE_CONTINUED,
  REQUEST_CARRIES,
  SIDE_PER_REQUEST,
  SIDE_THEN_PER_REQUEST,
  SIDE_TOKENS,
  SIDE_TOKENS_AFTER,
  TOKENS_BESIDE,
  TOKENS_WORD,
} from "./side-words.ts";

/** The numeric facts of a question: volumes, cache share, prompt size, GPUs, prices, utilization, budget. */
export interface Quantities {
  volume?: Volume;
  cachedPercent?: number;
  /**
   * A cached amount with no whole beside it to be a share of: of a monthly total ("1B tokens a month, 200M cached"),
   * or, in a follow-up, of the prompt asked about before ("其中 3000 是命中缓存的")
   */
  cachedTokens?: number;
  promptTokens?: number;
  requests?: number;
  /** the only request rate given was the peak's ("peak of 50 rps"): priced as if it ran all month */
  requestsAtPeak?: true;
  /** no count was said, only a request's size: priced for a thousand requests (request-size.ts), which the answer says */
  requestsAssumed?: true;
  /** requests of several sizes in stated shares, priced as their weighted average */
  mix?: MixPart[];
  /** "1.2 万通对话，每通 5 轮": the requests each counted conversation makes, which a follow-up's new count makes too */
  requestsPerItem?: number;
  /** "200 concurrent users", "并发 200": users served at once, which size a self-hosted deployment */
  concurrentUsers?: number;
  /** "at 30 tok/s each": the decode speed each of them is to see */
  perUserTokensPerSec?: number;
  minContext?: number;
  gpuCount?: number;
  gpuHourly?: { amount: number; currency: "usd" | "cny"; perMonth?: true };
  utilization?: number;
  budget?: { amount: number; currency: "usd" | "cny" };
  /** the budget was a spend said with no currency ("每月花 2 万"): where it was typed, for a script that may mean other money */
  budgetUnsigned?: { text: string; from: number; to: number };
  /** "under $1 per million input": the most a model's input (or output) may cost per 1M tokens */
  priceCap?: { amount: number; currency: "usd" | "cny"; side: "input" | "output" };
  /** "每张 9 万元" after "我们买了 8 张": what each owned GPU cost */
  gpuPurchase?: { amount: number; currency: "usd" | "cny" };
  /** "按 3 年摊", "amortized over 36 months": the months owned GPUs are written off over */
  amortizationMonths?: number;
  /** "plus 3k/mo ops", "运维每月 2 万": a deployment's running cost a month besides its GPUs */
  opsPerMonth?: { amount: number; currency: "usd" | "cny" };
  /** "power costs 0.15 per kWh", "电费一度 0.6 元": electricity for GPUs the asker runs */
  powerPerKwh?: { amount: number; currency: "usd" | "cny" };
  /** "200 developers, each ~2M tokens a month": the people the usage is for */
  people?: number;
  /** "1k visible out plus ~4k reasoning tokens": each request's reasoning, billed as output beside its reply */
  reasoningTokens?: number;
  /** "to serve deepseek v3 at 2000 tokens/s": a throughput the deployment is sized for */
  targetTokensPerSec?: number;
  /** "our box does 2500 tokens/s": a deployment's throughput, measured by the asker */
  tokensPerSecond?: number;
  /** "75% input, 25% output", "输入占 80%": the input:output ratio as shares */
  ratio?: { input: number; output: number };
  /** a number that can be no amount (negative, or beyond the bounds the command options keep), as typed */
  unreadable?: Unreadable;
}

const WINDOW = 28;
/** Below this, "context" is a request's size: every chat model's window is larger. */
const SHORT_CONTEXT = 16_000;
/** "1000 per month", "500 a month" with no unit: a count of requests when a request's size is stated. */
const BARE_PER_MONTH_BEFORE = /(?:每月|每个月|一个月|月均)\s?(?:大概|约|有)?\s?$/u;
const BARE_PER_MONTH = /^\s?(?:(?:per|a|each|every|\/)\s?(?:month|mo)\b|monthly|每月|一个月|\/\s?月)/u;
/** Volumes counted in words, characters, pages or bytes: not tokens, so never priced as if they were. */
const OTHER_UNIT_AFTER =
  /^\s?(?:words?\b|characters?\b|chars\b|pages?\b|(?:[kmgt]b|kilobytes?|megabytes?|gigabytes?|terabytes?)\s?(?:of\s)?(?:text|data|logs?|documents?|files?)\b|(?:[kmgt]b|kilobytes?|megabytes?|gigabytes?|terabytes?)\s?(?:的|of)\s?(?:tokens?|token)|个?(?:汉)?字(?![节母段])|字符|页|个?(?:单|英文)?词(?![表典组汇]))/u;

/** The money an amount is in: its own sign or word, else the asker's (yuan in Chinese, dollars in English). */
function currencyOf(left: string, right: string, text: string): "usd" | "cny" {
  if (USD_MARK.test(right.slice(0, 8)) || USD_MARK.test(left)) return "usd";
  if (CNY_MARK.test(`${left.slice(-3)}${right.slice(0, 5)}`)) return "cny";
  return /\p{Script=Han}/u.test(text) ? "cny" : "usd";
}

// the words around a number, read with other numbers' digit-group commas left out: "a call is 1,200 in / 120 out" is one clause
function after(text: string, n: FoundNumber): string {
  return withoutGroupCommas(text.slice(n.end, n.end + WINDOW));
}
function before(text: string, n: FoundNumber): string {
  return withoutGroupCommas(text.slice(Math.max(0, n.start - WINDOW), n.start));
}
const SIDE_THEN_SLASH = /(?:\bin|\binput|\bprompt|输入)\s?\/$/u;
const withoutGroupCommas = (words: string) => words.replace(/(?<=\d),(?=\d{3}(?!\d))/gu, "");

/** "unlimited tokens", "a gazillion tokens", "无限 token": words where an amount should be, which price nothing. */
const NO_AMOUNT =
  /\b(?:unlimited|infinite|infinity|endless)\s(?:tokens?|requests?|calls?)\b|\b(?:a\s)?(?:ga|ba|bajo|ka|squa)?(?:z|j)illions?\s(?:of\s)?(?:tokens?|requests?|calls?)\b|(?:无限|无穷|无上限|不限量?)\s?(?:的\s?)?(?:token|次|请求)/u;
const MADE_UP_MAGNITUDE = /(?<![\p{L}\p{N}.])\d+(?:\.\d+)?\s?(?!(?:m|b|tr|quadr)illions?\b)[a-z]*illions?\b/u;
/** Phrases that say half of the input is cached. */
const HALF_CACHED =
  /(?:缓存(?:命中)?(?:率)?\s?(?:有|是|约|大概)?\s?一半|一半(?:的)?(?:输入|请求|prompt)?\s?(?:都)?(?:能|会|可以)?(?:命中|走|用|读|打到|吃到|有)?(?:了)?\s?(?:缓存|cache|快取)|half (?:of )?(?:(?:it|input|the input|the prompts?|our (?:input|prompts?)|the (?:tokens|context|requests)) )?(?:is |are |gets? |will be |would be |should be )?(?:cached|cache hits?|a cache hit|hits? (?:the )?(?:prompt )?cache)|50\/50 cache)/u;

/** Usage field names as dashboards and API responses print them: OpenAI's, Anthropic's and Gemini's, quoted or not. */
const USAGE_INPUT_FIELD = /["']?\b(?:(?:input|prompt)[_-]?tokens?(?:[_-]?count)?|prompt[_-]?token[_-]?count)\b["']?/gu;
const USAGE_OUTPUT_FIELD = /["']?\b(?:output|completion|candidates)[_-]?tokens?(?:[_-]?count)?\b["']?/gu;

/** "a couple (of) million tokens": two of them, said as "2 million" (lengths kept). */
const A_COUPLE = /\ba couple (?:of )?(?=(?:thousand|million|billion)\b)/gu;
export function coupleAsTwo(text: string): string {
  return text.replace(A_COUPLE, (words) => "2 ".padStart(words.length));
}

/**
 * "input_tokens: 52,400,000", '"completion_tokens": 9100000', "promptTokenCount=…": the field names read as the sides
 * they are. Lengths are kept (the side word ends where the field did), so spans found later still point at the text typed.
 */
export function usageFieldsAsSides(text: string): string {
  const as = (side: string) => (field: string) => side.padStart(field.length);
  return text.replace(USAGE_INPUT_FIELD, as("input")).replace(USAGE_OUTPUT_FIELD, as("output"));
}

/** Reads every number in a normalized line by the words around it. */
export function readQuantities(text: string): Quantities {
  const q: Quantities = {};
  const volume: Volume = {};
  const perRequest: { input?: number; output?: number } = {};
  const numbers = findNumbers(text);
  const paired = inputOutputPairs(text, numbers);
  const mix = requestMix(text, numbers);
  // "50-100M tokens", "5000万到1亿": a range is no one amount to price, and never silently one of its ends
  const range = rangeOf(text, numbers);
  if (range) q.unreadable = range;
  let bareCount: number | undefined;
  let bareTotal: number | undefined;
  let users: number | undefined;
  let languages: number | undefined;
  let peakRequests: number | undefined;
  const active = activeMonth(text);
  const runs = jobRuns(text);
  const interval = oneEvery(text);
  /**
   * the users were said per day or week ("每天约 5000 位客户", "每周给 1.5 万名订阅者"): a count each of them makes with no
   * period of its own is that period's, this many times a month
   */
  let usersPerMonth = 1;
  /** people a message goes to, each of them, a month ("we email 15k subscribers once a week") */
  let sentToEach: number | undefined;
  let requestsPeriodless = false;
  /** a month's requests per one of the peak rate's units ("1k QPS peak"): an average said after it in no unit is of the same */
  let peakPerEach: number | undefined;
  let turns: number | undefined;
  /** the turns were said per day ("每人每天聊 20 轮"): with users and no other count, they are the requests */
  let turnsDaily = false;
  const shares: { input?: number; output?: number } = {};
  let cachedPart: number | undefined;
  let chunks: number | undefined;
  const stated: { side: keyof Volume; factor: number; monthSaid: boolean }[] = [];
  for (const found of numbers) {
    if (mix?.numbers.has(found)) continue;
    const right = after(text, found);
    const left = before(text, found);
    const n = found;
    const perMonth = (value: number) => asMonthly(value, left, right, active);
    const putVolume = (side: keyof Volume, value: number) => {
      if (volume[side] !== undefined) return;
      volume[side] = perMonth(value);
      stated.push({ side, factor: volume[side] / value, monthSaid: MONTH_SAID.test(`${left.slice(-8)} ${right.slice(0, 12)}`) });
    };
    // "910b" is Ascend's GPU, not 910 billion tokens
    if (n.scaled && GPU_NAMED.test(text.slice(n.start))) continue;
    if (/(?:昇腾|ascend|huawei)\s?$/u.test(left)) continue;
    // "rtx 4090", "gpu:4090": the number names the GPU and counts none
    if (!n.scaled && /(?:rtx|geforce|\bgpu\s?[:=：])\s?$/u.test(left)) continue;
    // "gpus:4": the count option, typed into a question
    if (!n.scaled && /\bgpus\s?[:=：]\s?$/u.test(left) && Number.isInteger(n.value) && n.value >= 1 && n.value <= 4096) {
      q.gpuCount ??= n.value;
      continue;
    }
    // "1k visible out plus ~4k reasoning tokens": each request's reasoning, a multiple of its reply (understand.ts)
    if (REASONING_TOKENS_AFTER.test(right)) {
      q.reasoningTokens ??= n.value;
      continue;
    }
    // "0.10 美金一百萬 token", "$0.10 per 1M": the million a price is quoted per, no volume
    if (n.value === 1_000_000 && /(?:美金|美元|元|块|刀|usd|\$\s?\d[\d.]*)\s?(?:每|一|per|a|\/)?\s?$/u.test(left)) continue;
    // "plus 3k/mo ops", "运维每月 2 万": what the deployment costs to run besides its GPUs, in the asker's money
    if (OPS_AFTER.test(right) || OPS_BEFORE.test(left)) {
      q.opsPerMonth ??= { amount: n.value, currency: currencyOf(left, right, text) };
      continue;
    }
    // "三成", "7成": tenths, read with 成 below
    if (/^成/u.test(right)) continue;
    const percent = PERCENT_AFTER.test(right) || PERCENT_BEFORE.test(left);
    const refuse = (kind: Unreadable["kind"] = "amount") => {
      // "€2": the currency's sign before the number is part of what is named back
      const from = n.from - (kind === "currency" ? (FOREIGN_MONEY_BEFORE.exec(left)?.[0].length ?? 0) : 0);
      const sign =
        kind === "percent"
          ? (/^[%％]/u.exec(right)?.[0] ?? "")
          : kind === "unit"
            ? (OTHER_UNIT_AFTER.exec(right)?.[0] ?? "")
            : kind === "currency"
              ? (FOREIGN_MONEY_AFTER.exec(right)?.[0] ?? "")
              : "";
      // a unit is read after the number's end, which may lie past a space the number's text leaves out ("5000 港币")
      const to = sign ? n.end + sign.length : n.from + n.raw.length;
      q.unreadable ??= { text: text.slice(from, to), kind, from, to };
    };
    if (n.negative) {
      refuse(percent ? "percent" : "amount");
      continue;
    }
    // "0 tokens", "0 requests": nothing to price is no amount either
    if (n.value === 0 && (TOKENS_WORD.test(right) || REQUESTS_AFTER.test(right))) {
      refuse();
      continue;
    }
    if (OTHER_UNIT_AFTER.test(right) && !PERCENT_AFTER.test(right)) {
      if (TOKENS_BESIDE.test(right.replace(OTHER_UNIT_AFTER, ""))) continue;
      refuse("unit");
      continue;
    }
    if (n.value > MAX_MONTHLY_TOKENS || perMonth(n.value) > MAX_MONTHLY_TOKENS) {
      refuse();
      continue;
    }
    if (percent) {
      const around = `${left} ${right}`;
      if (n.value > 100) {
        if (UTIL_WORDS.test(around) || CACHE_WORDS.test(around)) refuse("percent");
        continue;
      }
      if (UTIL_WORDS.test(around)) q.utilization ??= n.value;
      else if (CACHE_WORDS.test(around)) q.cachedPercent ??= n.value;
      else {
        const share = SHARE_INPUT.test(right) || SHARE_INPUT_BEFORE.test(left) ? "input" : SHARE_OUTPUT.test(right) || SHARE_OUTPUT_BEFORE.test(left) ? "output" : null;
        if (share && n.value > 0 && n.value < 100) shares[share] ??= n.value;
      }
      continue;
    }
    // "prompt 8k，其中 6k 是命中缓存的", "6k of it cached": the cached part of each prompt, nothing else
    const partOfPrompt = /其中\s?$/u.test(left)
      ? CACHED_PART_OF_ZH.test(right)
      : CACHED_PART.test(right) && (/^\s?of (?:it|them|that|those|which)\b/u.test(right) || INCLUDED_PART_BEFORE.test(left));
    if (partOfPrompt || CACHED_PART_OF.test(text.slice(n.end, n.end + 100)) || CACHE_VERB_BEFORE.test(left)) {
      cachedPart ??= n.value;
      continue;
    }
    // "4 块 H200" counts cards: 块 is also spoken yuan, but not before a GPU's name
    const cardsNotYuan = /^\s?块(?!钱)/u.test(right) && GPU_AFTER.test(right);
    // "每張 6 萬台幣先不管": money the asker sets aside is no figure to price, nor one to refuse
    if ((FOREIGN_MONEY_AFTER.test(right) || FOREIGN_MONEY_BEFORE.test(left)) && SET_ASIDE_AFTER.test(right.replace(FOREIGN_MONEY_AFTER, ""))) continue;
    // NT$, 台币, €, £, 日元: money the knowledge has no exchange rate for, never a token count or dollars
    if (FOREIGN_MONEY_AFTER.test(right) || FOREIGN_MONEY_BEFORE.test(left)) {
      refuse("currency");
      continue;
    }
    // "power costs 0.15 per kWh", "电费一度 0.6 元": what the asker's own GPUs pay for electricity
    // (the 一 of 一度 is no price)
    if ((PER_KWH.test(right) || PER_KWH_BEFORE.test(left)) && !/^\s?度/u.test(right)) {
      q.powerPerKwh ??= { amount: n.value, currency: currencyOf(left, right, text) };
      continue;
    }
    // "8x h200 we own, bought 35k each": a price per card with no sign, in the asker's money
    if (GPUS_BOUGHT.test(text) && /^\s?(?:each|apiece|a card|per (?:card|gpu))\b/u.test(right) && n.value >= 500 && !TOKENS_WORD.test(right)) {
      q.gpuPurchase ??= { amount: n.value, currency: currencyOf(left, right, text) };
      continue;
    }
    // "we're spending like 12k a month on openai": an amount spent is money, with or without its sign
    const spentYuan = SPENT_BEFORE_ZH.test(left);
    // "we burn 150M input tokens": tokens burnt are no money
    const spent =
      (SPENT_BEFORE.test(left) || spentYuan || BUDGET_BEFORE.test(left) || (HAVE_A_MONTH.before.test(left) && HAVE_A_MONTH.after.test(right))) &&
      !TOKENS_WORD.test(right) &&
      !REQUESTS_AFTER.test(right) &&
      !/^\s?(?:input|output|prompt|completion)?\s?(?:tokens?|toks?)\b/u.test(right);
    const money = !cardsNotYuan && (MONEY_BEFORE.test(left) || MONEY_AFTER.test(right) || spent);
    if (money) {
      // an amount spent with no sign is in the asker's money: "每月花 2 万" is yuan
      const currency =
        USD_MARK.test(right.slice(0, 8)) || USD_MARK.test(left) ? "usd" : (spent && spentYuan) || CNY_MARK.test(`${left.slice(-3)}${right.slice(0, 5)}`) ? "cny" : "usd";
      const leftWords = left.replace(MONEY_BEFORE, "");
      const perMillion = PER_MILLION.test(right) || PER_MILLION_BEFORE.test(leftWords.replace(PRICE_CAP_BEFORE, ""));
      // "coding under $1 per million input": the most a pick may cost, not a price to read
      if (perMillion && (PRICE_CAP_BEFORE.test(leftWords) || PRICE_CAP_AFTER.test(right.replace(PER_MILLION, "")))) {
        q.priceCap ??= { amount: n.value, currency, side: OUTPUT_PRICE.test(right) || OUTPUT_PRICE.test(left) ? "output" : "input" };
      }
      if (perMillion) continue;
      if (MONTHLY_PER_CARD.test(right) || MONTHLY_PER_CARD_BEFORE.test(left)) q.gpuHourly ??= { amount: n.value, currency, perMonth: true };
      else if (HOURLY.test(right) || HOURLY_BEFORE.test(left)) q.gpuHourly ??= { amount: n.value, currency };
      // "我们自己买了 8 张 H20，每张 9 万元", "bought 4 H100s at $25k each": what each GPU cost to buy
      else if (GPUS_BOUGHT.test(text) && (PER_CARD_BEFORE.test(left) || PER_CARD_AFTER.test(right))) q.gpuPurchase ??= { amount: n.value, currency };
      else if (!q.budget) {
        q.budget = { amount: perMonth(n.value), currency };
        if (spent && !MONEY_BEFORE.test(left) && !MONEY_AFTER.test(right)) q.budgetUnsigned = { text: n.raw, from: n.from, to: n.from + n.raw.length };
      }
      continue;
    }
    if (HOURLY.test(right) && n.value < 100 && !n.scaled) {
      q.gpuHourly ??= { amount: n.value, currency: "usd" };
      continue;
    }
    if (TPUT_AFTER.test(right) || (TPUT_BEFORE.test(left) && TOKENS_WORD.test(right))) {
      const speed = speedKind(text, left, right);
      if (speed === "perUser") q.perUserTokensPerSec ??= n.value;
      else if (speed === "target") q.targetTokensPerSec ??= n.value;
      else q.tokensPerSecond ??= n.value;
      continue;
    }
    // "每小时 2 美元一张", "租一张一小时 2.5 块": a price per card, no count of cards
    if (n.raw === "一" && (PRICE_BEFORE_ONE_CARD.test(left) || ONE_CARD_THEN_PERIOD.test(right))) continue;
    if (
      // "2000 张工单" counts tickets: a card's classifier before another thing counted is no GPU count
      (GPU_AFTER.test(right) || (((GPU_BEFORE.test(left) && (COUNT_AFTER.test(right) || /[x×*]\s?$/u.test(left))) || COUNT_AFTER.test(right)) && !REQUESTS_AFTER.test(right))) &&
      !n.scaled &&
      Number.isInteger(n.value) &&
      n.value >= 1 &&
      n.value <= 4096
    ) {
      q.gpuCount ??= n.value;
      continue;
    }
    // "each about 8 turns", "每次对话平均 6 轮": turns per conversation, which multiply the conversations counted
    const callsPerUnit = CALLS_EACH_AFTER.test(right) || (CALLS_AFTER.test(right) && PER_UNIT_BEFORE.test(left));
    if ((TURNS_AFTER.test(right) || callsPerUnit) && !n.scaled && Number.isInteger(n.value) && n.value >= 2 && n.value <= MAX_TURNS) {
      if (turns === undefined) turnsDaily = DAILY_BEFORE.test(left) || PER_DAY.test(right.replace(TURNS_AFTER, ""));
      turns ??= n.value;
      continue;
    }
    if (LANGUAGES_AFTER.test(right) && !n.scaled && Number.isInteger(n.value) && n.value >= 2 && n.value <= 200) {
      languages ??= n.value;
      continue;
    }
    // "一天跑 3 次", "a call every 10 seconds": how often counts no request
    if (runs && n.start >= runs.from && n.end <= runs.to) continue;
    if (interval && n.start >= interval.from && n.end <= interval.to) continue;
    const rate = RATES.find(([afterRate, beforeRate]) => afterRate.test(right.replace(REQUESTS_AFTER, "")) || beforeRate.test(left));
    // "completion=1k requests=100k": a label followed by its own number is that number's
    const counted =
      (REQUESTS_AFTER.test(right) && !/^\s?[\p{L}]+\s?[:：=]\s?\d/u.test(right)) ||
      RATE_COUNT.test(right) ||
      (RATE_BEFORE.test(left) && !TOKENS_WORD.test(right)) ||
      (REQUESTS_BEFORE.test(left) && !TOKENS_WORD.test(right) && !SIDE_TOKENS.test(right));
    // "one request of 2k in": a single request is counted too, said as one
    const oneRequest = n.value === 1 && /^\s?(?:request|call|query|prompt)\b/u.test(right);
    if (counted && (n.scaled || n.value >= 10 || rate || oneRequest || (users !== undefined && PER_USER.test(text)))) {
      const period = PERIOD_WORD.find(([pattern]) => pattern.test(right))?.[1];
      // "每分钟 20 次，一天 8 小时", "22 workdays a month": rates and daily counts run only the hours and days the line says
      // "150 support calls per agent per day": the period after the noun and whose count it is
      const periodAfter = text
        .slice(n.end, n.end + 2 * WINDOW)
        .replace(REQUESTS_AFTER, "")
        .replace(PER_PERSON_AFTER, "");
      // "nightly batch: extract fields from 40k invoices": a job's period may stand further back than a clause's words
      const periodBefore = withoutGroupCommas(text.slice(Math.max(0, n.start - 2 * WINDOW), n.start));
      const said = rate ? n.value * rate[2] * perMonthOf("hour", active) : period ? n.value * perMonthOf(period, active) : asMonthly(n.value, periodBefore, periodAfter, active);
      // "一天跑 3 次，每次处理 2000 份", "hourly cron job, ~200 docs each run": a count with no period is each run's
      const periodless = said === n.value;
      const monthly = periodless && runs ? n.value * runs.perMonth : said;
      if (monthly > MAX_MONTHLY_REQUESTS) refuse();
      // "10 rps peak but 2 on average": a bill runs at the average, the peak only when it is all there is
      else if (PEAK_AFTER.test(right) || PEAK_BEFORE.test(left)) {
        peakRequests ??= monthly;
        peakPerEach ??= monthly / n.value;
      } else if (q.requests === undefined) {
        q.requests = monthly;
        requestsPeriodless = periodless && !runs;
      }
      continue;
    }
    // users at once are users too: "500 concurrent users, each sends 20 messages a day" still counts them
    if ((CONCURRENT_AFTER.test(right) || CONCURRENT_BEFORE.test(left)) && Number.isInteger(n.value) && n.value >= 1 && !n.scaled) q.concurrentUsers ??= n.value;
    // "1k QPS peak, maybe 200 avg": the average, at the peak's rate unit, is what runs all month
    if (peakPerEach !== undefined && q.requests === undefined && (AVERAGE_AFTER.test(right) || AVERAGE_BEFORE.test(left)) && !TOKENS_WORD.test(right)) {
      q.requests = n.value * peakPerEach;
      continue;
    }
    if ((USERS_AFTER.test(right) || USERS_BEFORE.test(left)) && Number.isInteger(n.value) && n.value >= 2) {
      if (users === undefined) usersPerMonth = asMonthly(1, left, right.replace(USERS_AFTER, ""), active);
      // "we email 15k subscribers once a week": a message to each of them is a request, as often as the line says
      if (users === undefined && SENT_TO_PEOPLE_BEFORE.test(left)) {
        const afterPeople = right.replace(USERS_AFTER, "");
        // "15k subscribers weekly", or the message's own period: "a weekly digest to 40k users"
        const periodWord = (said: string) => PERIOD_WORD.find(([word]) => word.test(said))?.[1];
        const word = periodWord(afterPeople) ?? periodWord(MESSAGE_PERIOD_BEFORE.exec(left)?.[1] ?? "");
        sentToEach = word ? n.value * perMonthOf(word, active) : asMonthly(n.value, left, afterPeople, active);
      }
      users ??= n.value;
      continue;
    }
    const pair = paired.get(found);
    if (pair) {
      if (pair.perRequest) perRequest[pair.side] ??= n.value;
      else putVolume(pair.side, n.value);
      continue;
    }
    // "$2/1M" divides by the number; "300M in/100M out" only separates the sides
    if (UNIT_BEFORE.test(left) && !/每(?:个)?月|每天|每日/u.test(left.slice(-3)) && !SIDE_THEN_SLASH.test(left)) continue;
    const tokensy = n.scaled || TOKENS_WORD.test(right);
    // "context 200k per request" is the prompt's size, not a context window asked for
    if (CONTEXT_AFTER.test(right) || (tokensy && CONTEXT_BEFORE.test(left) && !PER_REQUEST_AFTER.test(right))) {
      if (REQUEST_CARRIES.test(left) || PER_REQUEST_AFTER.test(text.slice(n.end, n.end + 2 * WINDOW).replace(CONTEXT_AFTER, ""))) {
        if (n.value > MAX_PROMPT_TOKENS) refuse();
        else q.promptTokens ??= n.value;
      }
      // "2k context, 400 answer": a context no model falls short of is what each request carries, not a window asked for
      else if (n.value >= 1000 && n.value < SHORT_CONTEXT) q.promptTokens ??= n.value;
      else if (n.value >= 1000) q.minContext ??= n.value;
      continue;
    }
    // "4000 of them cached", "其中 4000 是命中缓存的": the cached part of each prompt, as a share of it below
    // read past the window: "a 6k system prompt that's identical (cached)"
    const cachedAfter = CACHED_PART.test(text.slice(n.end, n.end + 2 * WINDOW));
    if (cachedAfter && !n.scaled && n.value >= 100) cachedPart ??= n.value;
    else if (cachedAfter && n.scaled) cachedPart ??= n.value;
    if (EACH_WAY_AFTER.test(right) || EACH_WAY_BEFORE.test(left)) {
      if (n.value >= 1_000_000) for (const side of ["input", "output"] as const) putVolume(side, n.value);
      else if (n.value >= 10) for (const side of ["input", "output"] as const) perRequest[side] ??= n.value;
      continue;
    }
    // "20 chunks of 500 tokens", "20 段、每段 500 token": a request's prompt made of pieces of one size
    if (
      !n.scaled &&
      Number.isInteger(n.value) &&
      CHUNKS_AFTER.test(right) &&
      (PER_REQUEST_CLAUSE.test(left) ||
        CHUNKS_BEFORE.test(left) ||
        CHUNKS_EACH_AFTER.test(right) ||
        CHUNKS_TIMES_AFTER.test(right) ||
        PER_REQUEST_LATER.test(text.slice(n.end, n.end + 2 * WINDOW)))
    ) {
      chunks = n.value;
      continue;
    }
    if (chunks !== undefined && tokensy && CHUNK_SIZE_BEFORE.test(left)) {
      q.promptTokens ??= chunks * n.value;
      chunks = undefined;
      continue;
    }
    // "每则 1200 token 输入……系统提示 800 token 有快取": a smaller cached part of the input already said is its share, not the prompt
    const inputSaid = perRequest.input ?? q.promptTokens;
    if (cachedAfter && inputSaid !== undefined && n.value < inputSaid) {
      // "12 chunks x 400 tok + 600 tok system prompt (cached)": a cached part added to the prompt said before it
      if (PLUS_BEFORE.test(left) && q.promptTokens !== undefined) q.promptTokens += n.value;
      continue;
    }
    // "用户每次再输入 300 token", "plus 1k of user text": the asker's part of a prompt whose fixed part was said
    const userPart = USER_PART_BEFORE.test(left) || USER_PART_AFTER.test(right);
    if (q.promptTokens !== undefined && userPart) {
      q.promptTokens += n.value;
      continue;
    }
    // "每人每日 … 200 萬 token input": a size said per day is a day's volume, whatever words follow it
    if ((PER_REQUEST_AFTER.test(right) || PER_REQUEST_BEFORE.test(left)) && perMonth(n.value) === n.value) {
      const labelled = SIDE_THEN_PER_REQUEST.exec(left)?.[1];
      // "output 500 tokens/request": a side named before a size said per request
      const sideBefore = PER_REQUEST_AFTER.test(right) ? (OUTPUT_BEFORE.test(left) ? "output" : INPUT_BEFORE.test(left) ? "input" : null) : null;
      if (labelled || sideBefore === "output") {
        perRequest[labelled ? (/^(?:in|prompt|输入)/u.test(labelled) ? "input" : "output") : "output"] ??= n.value;
        continue;
      }
      // "10 chunks of 800 tokens plus a 500-token question": one more part of the same prompt
      if (q.promptTokens !== undefined && PLUS_BEFORE.test(left)) q.promptTokens += n.value;
      else if (n.value > MAX_PROMPT_TOKENS) refuse();
      // "grows to ~20k by the end (avg 10k per step)": the average is what each request carries
      else if (n.value >= 100 && AVERAGE_BEFORE.test(left)) q.promptTokens = n.value;
      else if (n.value >= 100) q.promptTokens ??= n.value;
      // "4 million titles, ~40 tokens each": a small size said in tokens after a request count is still each one's
      else if (q.requests !== undefined && TOKENS_WORD.test(right)) perRequest.input ??= n.value;
      continue;
    }
    // the label right after a number wins over one before it: "200M in, 50M out" reads "in" once, for 200M
    const rightSide = INPUT_AFTER.test(right) ? "input" : OUTPUT_AFTER.test(right) ? "output" : null;
    const leftSide = INPUT_BEFORE.test(left) ? "input" : OUTPUT_BEFORE.test(left) ? "output" : null;
    const side = rightSide && (!LABEL_THEN_NUMBER.test(right) || !leftSide) ? rightSide : (leftSide ?? rightSide);
    if (side) {
      const inputSized = perRequest.input !== undefined || q.promptTokens !== undefined;
      if (PER_REQUEST_CLAUSE.test(left) || SIDE_PER_REQUEST.test(right) || (side === "output" && inputSized && PER_REQUEST_CLAUSE_CONTINUED.test(left)))
        perRequest[side] ??= n.value;
      else if (n.value >= 1000) putVolume(side, n.value);
      // "800 tokens in and 300 out": under a thousand tokens is a request's size, never a month's; "2 output tokens"
      // after a request count: a label's size
      else if (tokensy || n.value >= 10 || (q.requests !== undefined && SIDE_TOKENS_AFTER.test(right))) perRequest[side] ??= n.value;
      continue;
    }
    // "3k-token system prompt (cached) plus a 1k-token question": the parts of one prompt add up
    const plusPart = (tokensy || /^\s?-\s?tokens?\b/u.test(right)) && PLUS_BEFORE.test(left) && q.requests === undefined;
    if (q.promptTokens !== undefined && plusPart) {
      q.promptTokens += n.value;
      continue;
    }
    // "8k retrieved tokens + 200 token question": a size said with no period and the part added to it are one prompt
    const sizeSaid = volume.total !== undefined && volume.total < PER_REQUEST_BELOW && stated.some((s) => s.side === "total" && s.factor === 1 && !s.monthSaid);
    if (q.promptTokens === undefined && plusPart && sizeSaid && perMonth(n.value) === n.value && !MONTH_SAID.test(right)) {
      q.promptTokens = volume.total! + n.value;
      delete volume.total;
      continue;
    }
    // the fixed part said as each request's input ("3k-token system prompt"): the asker's part adds to it
    if (q.promptTokens === undefined && perRequest.input !== undefined && userPart) {
      perRequest.input += n.value;
      continue;
    }
    // "1.2M emails a month, avg 600 tokens, output a label (5 tokens)": a small token count after a request count is
    // each request's size, on the side its clause names
    if (tokensy && n.value < 1000 && q.requests !== undefined) {
      const clause = left.split(/[,，;；。]/u).at(-1)!;
      perRequest[/\b(?:output|out|repl(?:y|ies)|answers?|labels?|extract(?:s|ed|ing)?|json|summar(?:y|ies))\b|输出|回复|回答|标签|提取|摘要/u.test(clause) ? "output" : "input"] ??=
        n.value;
      continue;
    }
    // "500k/mo", "每月 10 万" with no word for what: a request count where a request's size is stated, else tokens
    const bare = !TOKENS_WORD.test(right) && Number.isInteger(n.value) && n.value >= 10 && (BARE_PER_MONTH.test(right) || BARE_PER_MONTH_BEFORE.test(left));
    if (tokensy && n.value >= 1000) {
      putVolume("total", n.value);
      if (bare && volume.total === n.value) bareTotal ??= n.value;
    } else if (!tokensy && bare) bareCount ??= n.value;
  }
  samePeriodForAll(volume, stated);
  if (q.requests === undefined && peakRequests !== undefined) {
    q.requests = peakRequests;
    q.requestsAtPeak = true;
  }
  const sized = q.promptTokens !== undefined || perRequest.input !== undefined || perRequest.output !== undefined;
  if (q.requests === undefined && sized && (bareCount ?? bareTotal) !== undefined) {
    q.requests = (bareCount ?? bareTotal)!;
    if (bareCount === undefined && volume.total === bareTotal) delete volume.total;
  }
  // "50 bazillion tokens": a magnitude word no one can price is named back, not read as 50
  const madeUp = MADE_UP_MAGNITUDE.exec(text) ?? NO_AMOUNT.exec(text);
  if (madeUp) q.unreadable ??= { text: madeUp[0], kind: "amount", from: madeUp.index, to: madeUp.index + madeUp[0].length };
  if (q.cachedPercent === undefined && HALF_CACHED.test(text)) q.cachedPercent = 50;
  for (const tenth of tenthsOf(text)) {
    if (tenth.of === "utilization") q.utilization ??= tenth.percent;
    else if (tenth.of === "cache") q.cachedPercent ??= tenth.percent;
    else shares[tenth.of] ??= tenth.percent;
  }
  if (q.requests === undefined && interval) q.requests = interval.perHour * perMonthOf("hour", active);
  if (q.requests === undefined && turns === undefined && sentToEach !== undefined && !PER_USER.test(text)) q.requests = sentToEach;
  // "日活 5000，每人每天聊 20 轮": each user's turns are that user's requests
  if (q.requests === undefined && users !== undefined && turns !== undefined && PER_USER.test(text)) q.requests = turns * (turnsDaily ? MONTH_DAYS : usersPerMonth);
  else if (q.requests !== undefined && users !== undefined && requestsPeriodless && PER_USER.test(text)) q.requests *= usersPerMonth;
  if (q.requests !== undefined && users !== undefined && PER_USER.test(text)) q.requests *= users;
  // "translate 40k listings into 6 languages": one request per item and language
  if (q.requests !== undefined && languages !== undefined && TRANSLATED.test(text)) q.requests *= languages;
  // "12 devs, each burns ~3M tokens a day", "30 人，每人每天 50 万 token": what each one uses, times the people
  if (q.requests === undefined && users !== undefined && PER_USER.test(text)) {
    for (const side of ["total", "input", "output"] as const) if (volume[side] !== undefined && volume[side] * users <= MAX_MONTHLY_TOKENS) volume[side] *= users;
  }
  if (q.requests !== undefined && turns !== undefined && CONVERSATIONS.test(text)) {
    q.requests *= turns;
    q.requestsPerItem = turns;
  }
  const inputShare = shares.input ?? (shares.output !== undefined ? 100 - shares.output : undefined);
  if (inputShare !== undefined) q.ratio = { input: inputShare, output: 100 - inputShare };
  if (mix) {
    perRequest.input ??= mix.input;
    perRequest.output ??= mix.output;
    q.mix = mix.parts;
  }
  monthOfRequestSize(q, volume, perRequest, { single: ONE_REQUEST.test(text), people: users !== undefined });
  if (cachedPart !== undefined && q.promptTokens !== undefined && cachedPart < q.promptTokens && q.cachedPercent === undefined) {
    q.cachedPercent = (cachedPart / q.promptTokens) * 100;
  }
  // "100M input a month, 60M of them cached": a cached part of the month's input, when no prompt size holds it
  const monthlyInput = volume.input;
  if (cachedPart !== undefined && q.cachedPercent === undefined && q.promptTokens === undefined && monthlyInput !== undefined && cachedPart < monthlyInput) {
    q.cachedPercent = (cachedPart / monthlyInput) * 100;
  }
  // a share of a whole said elsewhere: a monthly total's input (understand.ts), or the last question's (follow-up.ts)
  if (
    cachedPart !== undefined &&
    q.cachedPercent === undefined &&
    q.promptTokens === undefined &&
    volume.input === undefined &&
    cachedPart < (volume.total ?? Number.POSITIVE_INFINITY)
  ) {
    q.cachedTokens = cachedPart;
  }
  if (volume.input !== undefined || volume.output !== undefined) delete volume.total;
  if (Object.keys(volume).length) q.volume = volume;
  const writeOff = WRITE_OFF.exec(text);
  const years = writeOff?.[1] ?? writeOff?.[3] ?? writeOff?.[5];
  const writeOffMonths = years !== undefined ? (findNumbers(years)[0]?.value ?? Number.NaN) * 12 : Number(writeOff?.[2] ?? writeOff?.[4] ?? writeOff?.[6]);
  if (writeOff && writeOffMonths >= 1) q.amortizationMonths = writeOffMonths;
  // "200 developers", "全校 3000 个学生": the people the usage is for (not users served at once)
  if (users !== undefined && q.concurrentUsers === undefined) q.people = users;
  return q;
}

/** A month said beside an amount: it keeps its own period when another amount of the line is per day or per week. */
const MONTH_SAID = /month|\bmo\b|\/mo|月/u;
/** "每天100万输入 20万输出", "2M a day (1.6M in, 0.4M out)": a period said once holds for the amounts said without one. */
function samePeriodForAll(volume: Volume, stated: readonly { side: keyof Volume; factor: number; monthSaid: boolean }[]): void {
  const periods = new Set(stated.filter((s) => s.factor !== 1).map((s) => s.factor));
  if (periods.size !== 1) return;
  const [factor] = periods as Set<number>;
  for (const s of stated) if (s.factor === 1 && !s.monthSaid && volume[s.side]! * factor! <= MAX_MONTHLY_TOKENS) volume[s.side]! *= factor!;
}

/**
 * Two amounts joined by a dash, "to", 到 or ~ where the second has a magnitude, or joined by a word before a count's
 * noun ("5000到8000次请求"): a range, as typed.
 */
const RANGE_JOIN = /^\s?(?:-|–|~|～|to|到|至)\s?$/u;
const RANGE_WORD = /^\s?(?:~|～|to|到|至)\s?$/u;
function rangeOf(text: string, numbers: FoundNumber[]): Unreadable | undefined {
  for (let i = 0; i + 1 < numbers.length; i++) {
    const [a, b] = [numbers[i]!, numbers[i + 1]!];
    const join = text.slice(a.end, b.start);
    const counted = RANGE_WORD.test(join) && a.value >= 10 && a.value < b.value && (TOKENS_WORD.test(after(text, b)) || REQUESTS_AFTER.test(after(text, b)));
    if (!(b.scaled || counted) || a.negative || !RANGE_JOIN.test(join) || /\bfrom\s?$|从\s?$/u.test(before(text, a))) continue;
    if (a.scaled && a.value >= b.value) continue;
    if (!TOKENS_WORD.test(after(text, b)) && !REQUESTS_AFTER.test(after(text, b)) && !a.scaled && !/[万亿]/u.test(b.raw)) continue;
    const typed = text.slice(a.from, b.end).trimEnd();
    return { text: typed, kind: "range", from: a.from, to: a.from + typed.length };
  }
  // "50-100M", "5-10 亿": digits joined by a dash are read as one name-like word, so the range is looked for whole
  const dashed = DASHED_RANGE.exec(text);
  return dashed ? { text: dashed[0].trim(), kind: "range", from: dashed.index, to: dashed.index + dashed[0].length } : undefined;
}
const DASHED_RANGE =
  /(?<![\p{L}\d.-])\d+(?:\.\d+)?\s?[-–]\s?\d+(?:\.\d+)?\s?(?:[kmb]|bn|million|billion|万|亿|千万)(?![a-z])(?=\s?(?:tokens?|toks?|token|requests?|calls?|次|个?请求|\/|a\s|per\s|每|$|[,，。]))/u;

/** "5M/1M", "in/out 200m/40m": two token amounts joined by a slash are the input and the output side, in that order. */
function inputOutputPairs(text: string, numbers: FoundNumber[]): Map<FoundNumber, { side: "input" | "output"; perRequest: boolean }> {
  const sides = new Map<FoundNumber, { side: "input" | "output"; perRequest: boolean }>();
  for (let i = 0; i + 1 < numbers.length; i++) {
    const [a, b] = [numbers[i]!, numbers[i + 1]!];
    // "5M/1M", "3k/500 tokens": token amounts, never a fraction ("3/4") or a date
    const amounts = (a.scaled || a.value >= 100) && (b.scaled || TOKENS_WORD.test(after(text, b)));
    if (!amounts || a.negative || b.negative || !/^\s?\/\s?$/u.test(text.slice(a.end, b.from))) continue;
    // "$2/1M" is a price, "5M/day" a rate
    if (MONEY_BEFORE.test(before(text, a)) || PER_DAY.test(after(text, b))) continue;
    // "per call 3k/500 tokens", "2M/1M tokens per request": a request's sides
    const perRequest = PER_REQUEST_AFTER.test(after(text, b)) || PER_REQUEST_CLAUSE.test(before(text, a));
    sides.set(a, { side: "input", perRequest });
    sides.set(b, { side: "output", perRequest });
  }
  return sides;
}
