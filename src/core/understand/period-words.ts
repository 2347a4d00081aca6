// How a period is said around an amount ("a day", "每小时", "一年", "20k daily requests") and what it makes of the
// amount: quantities.ts reads every volume and request count as a 30-day month.

import { findNumbers } from "./numbers.ts";

/** Volumes and request counts given per day (or every night: a nightly batch runs daily) are read as a 30-day month. */
export const PER_DAY =
  /^\s?(?:(?:tokens?|toks?|token|requests?|calls?|次(?:请求)?)\s?)?(?:(?:of\s)?(?:input|output|in|out)\s)?(?:a|per|each|\/|every)\s?(?:(?:work(?:ing)?|business)\s?)?(?:day|night)\b|^\s?(?:tokens?|token)?\s?(?:\/\s?天|每天|一天|每晚|每夜)|^[^,，。.;；\d]{0,24}?(?:\b(?:a|per|each|every)\s|\/\s?)(?:(?:work(?:ing)?|business)\s?)?(?:day|night)\b/u;
/** "20k daily requests": the period said between the number and its noun. */
export const PERIOD_WORD: [RegExp, Period][] = [
  [/^\s?(?:daily|nightly)\b/u, "day"],
  [/^\s?weekly\b/u, "week"],
  [/^\s?hourly\b/u, "hour"],
];
export const DAILY_BEFORE =
  /(?:(?:每天|每日)(?:用\s?[a-z]+\s?)?(?:出|写|做|生成|问|发|处理|回答|批改|翻译|总结)\s?(?:大概|大约|约)?\s?$)|(?:每天(?:晚上|夜里)?|每日|每晚|每个?(?:工作[日天]|上班日))[\p{Script=Han}\sa-z]{1,28}$|(?:(?:每天(?:晚上|夜里)?|每日|一天|每晚|每夜|日均|daily|nightly|a day|per day|a night|per night|every night)\s?(?:大概|大约|约|有|要|会)?\s?(?:请求|调用|处理|对话|输入|输出|input|output|提问|问|发送|发|聊|用|调|跑|烧|消耗|翻|翻译|审|审查|咨询|涨到|增加到|增长到|提高到|降到|减少到|变成|变为|达到|到)?(?:量|次数|数)?|日(?:token\s?)?(?:用量|调用量|消耗|调用|请求|消息))\s?(?:大概|约|有|是)?\s?[:：]?\s?$/u;
/**
 * "每晚跑一次批处理：2 万张发票", "每天晚上跑一次摘要，大约 1 万篇", "nightly job: ~20k", "every night we summarize ~30k
 * tickets": a daily job named first, each run's count after.
 */
const DAILY_JOB_BEFORE =
  /(?:(?:每晚|每夜|每天(?:晚上|夜里)?|每日|nightly|every (?:night|day)|daily)(?:[^\d,，。;；:：]{0,16}[:：]|[^\d,，。;；:：]{0,4}(?:跑|运行|执行|做)一次[^\d,，。;；:：]{0,12}[,，])|\b(?:every|each) (?:night|day|evening|morning),?\s(?:we|i|they|it|the (?:bot|job|pipeline|agent|system))\b|(?:每晚|每夜|每天(?:晚上|夜里)|每日)(?:我们|我|团队|系统))[^\d,，。;；]{0,24}$/u;
export const MONTH_DAYS = 30;
/** Volumes given per hour ("20M tokens per hour", "每小时 500 万 token") are read as a 30-day month of hours. */
const TOKENS_PER_HOUR = /^\s?(?:tokens?|toks?|个?\s?token)?\s?(?:(?:of\s)?(?:input|output|in|out)\s)?(?:(?:an?|per|each|every)\s?hour\b|\/\s?(?:h|hr|hour)\b|每小时|\/\s?小时)/u;
const TOKENS_HOURLY_BEFORE = /(?:每小时|hourly|an hour|per hour)\s?(?:大概|约|有|要|会)?\s?(?:输入|输出|input|output)?\s?(?:大概|约|有)?\s?$/u;
/** Volumes given per week or per year are read as the month's share: "70M tokens a week", "一年 12 亿 token". */
const PER_WEEK = /^[^,，。.;；\d]{0,24}?(?:\b(?:a|per|each|every)\s|\/\s?)(?:week|wk)\b|^\s?(?:tokens?|token)?\s?(?:\/\s?周|每周|一周)/u;
const WEEKLY_BEFORE = /(?:每周|每星期|一周|weekly|a week|per week)\s?(?:大概|约|有|要|会)?\s?(?:请求|调用|处理)?\s?(?:大概|约|有)?\s?$|(?:每周|每星期)[\p{Script=Han}\s]{1,8}$/u;
const PER_YEAR = /^[^,，。.;；\d]{0,24}?(?:\b(?:a|per|each|every)\s|\/\s?)(?:year|yr)\b|^\s?(?:tokens?|token)?\s?(?:\/\s?年|每年|一年)/u;
const YEARLY_BEFORE =
  /(?:(?:每年|一年|全年|年均|yearly|annually|a year|per year)\s?(?:大概|约|有|要|会)?\s?(?:请求|调用|处理)?|(?:年|年度|全年)(?:token\s?)?(?:用量|总量|调用量|消耗)|\bannual (?:usage|volume)(?: of| is)?)\s?(?:大概|约|有|是)?\s?[:：]?\s?$/u;
const WEEK_MONTHS = MONTH_DAYS / 7;

type Period = "hour" | "day" | "week" | "year" | "month";

/** How many of `period` a month holds, at the hours a day and days a month the line runs. */
export function perMonthOf(period: Period, active: ActiveMonth = FULL_MONTH): number {
  if (period === "hour") return active.hours * active.days;
  if (period === "day") return active.days;
  if (period === "week") return WEEK_MONTHS;
  return period === "year" ? 1 / 12 : 1;
}

/** `value` said with `left` before it and `right` after it, as a month's amount. */
export function asMonthly(value: number, left: string, right: string, active: ActiveMonth = FULL_MONTH): number {
  return value * perMonthOf(periodOf(left, right), active);
}

function periodOf(left: string, right: string): Period {
  if (TOKENS_PER_HOUR.test(right) || TOKENS_HOURLY_BEFORE.test(left)) return "hour";
  if (PER_DAY.test(right) || DAILY_BEFORE.test(left) || DAILY_JOB_BEFORE.test(left)) return "day";
  // "10M a month (about 2.5M a week)": the month said first is this amount's period
  if ((PER_WEEK.test(right) && !/^[^,，。;；]*?(?:month|月)[^,，。;；]*?(?:week|周)/u.test(right)) || WEEKLY_BEFORE.test(left)) return "week";
  if ((PER_YEAR.test(right) && !/^[^,，。;；]*?(?:month|月)[^,，。;；]*?(?:year|年)/u.test(right)) || YEARLY_BEFORE.test(left)) return "year";
  return "month";
}

/** "8 hours a day", "一天大概 8 小时在用", "during an 8h workday": the hours a day the line's rates run, when not all 24. */
const HOURS_A_DAY =
  /\b(\d{1,2})\s?-?\s?(?:h|hrs?|hours?)\s?(?:a|per|each|\/)\s?(?:work)?day\b|\b(\d{1,2})\s?-?\s?h(?:our)?\s?(?:work)?day\b|(?:一天|每天|白天)(?:大概|大约|约|只|就)?\s?(?:用|开|跑|在线)?\s?[（(]?\s?(\d{1,2})\s?个?小时|(\d{1,2})\s?个?小时(?:的)?工作日|\b(\d{1,2})\s?(?:h|hrs?|hours?) (?:a|per) day\b/u;
/** "9-5", "business hours", "朝九晚五": a working day's 8 hours. */
const BUSINESS_HOURS = /\b9\s?(?:am)?\s?(?:-|–|to)\s?5\s?(?:pm)?\b(?!\s?(?:[kmb]\b|tokens?|requests?|%|:))|\b(?:business|office|working) hours\b|朝九晚五|工作时间内?|上班时间/u;
const BUSINESS_DAY_HOURS = 8;
/** "22 workdays a month", "每月 22 个工作日", "一个月算 22 个工作天": the days a month its daily and hourly amounts run, when not all 30. */
const DAYS_A_MONTH =
  /\b(\d{1,2})\s?(?:work(?:ing)?\s?days?|business days?)\b(?!\s?(?:a|per|each|every|\/)\s?week)|\b(?:weekdays|workdays|business days|working days)\b[^\d,;]{0,12}?~?(\d{1,2})\s?(?:\/\s?mo(?:nth)?|a month|per month)\b|(?:每月|一个月)\s?(?:按|算|有|只算)?\s?(\d{1,2})\s?(?:个|天)?工作[日天]|(?:上班日|工作日|工作天)[^。；;\d]{0,12}(?:每月|一个月)\s?(?:按|算|有)?\s?(\d{1,2})\s?天|(\d{1,2})\s?个工作[日天]/u;

/** "5 workdays a week", "每周 5 天", "weekdays only": the days a week it runs, a month's share of its 30 days. */
const DAYS_A_WEEK =
  /\b([1-7])\s?-?\s?(?:(?:work(?:ing)?|business)\s?)?days?\s?(?:a|per|each|every|\/)\s?(?:work)?week\b|(?:每周|每星期|一周)(?:只)?(?:工作|上班|跑|用|运行|开)?\s?([1-7一二三四五六七])\s?天/u;
const WEEKDAYS_ONLY =
  /\b(?:(?:weekdays|workdays|work days|business days|working days) only|only (?:on )?(?:weekdays|workdays|business days|working days)|on weekdays|(?:mon(?:day)?|m)\s?[-–]\s?(?:fri(?:day)?|f)\b)|(?:只|仅)在?工作日|周一到周五/u;
/** "5", "五", "两": the count a run or day word was said with, read as every other number is. */
const countOf = (said: string) => findNumbers(said)[0]?.value ?? Number.NaN;

function daysAWeek(text: string): number | undefined {
  const said = DAYS_A_WEEK.exec(text)?.slice(1).find(Boolean);
  if (said !== undefined) return countOf(said);
  return WEEKDAYS_ONLY.test(text) ? 5 : undefined;
}
/** How often a job runs, as [pattern, runs a day of its count (or of 1)]: "3 runs a day", "一天跑 3 次", "hourly cron job", "每周一晚上…跑一遍". */
const JOB_RUNS: [RegExp, (count: number) => number][] = [
  [
    /\b(\d{1,2})\s?(?:runs?|times|x|batches)\s?(?:a|per|each|every|\/)\s?day\b|(?:一天|每天|每日)(?:跑|运行|执行|处理|触发)\s?(\d{1,2}|[一两二三四五六七八九十])\s?(?:次|轮|批)/u,
    (n) => n,
  ],
  [/\bevery (\d{1,3}) min(?:ute)?s\b|每\s?(\d{1,3})\s?分钟(?:跑|运行|执行)一次/u, (n) => 1440 / n],
  [/\bhourly (?:cron )?(?:job|run|batch|task|sync|pipeline)|\b(?:job|cron|pipeline|batch) (?:that )?runs? (?:every hour|hourly)\b|每小时(?:跑|运行|执行|同步)一次/u, () => 24],
  [
    /\bweekly (?:cron )?(?:job|run|batch|report|pipeline)|\b(?:job|cron|pipeline|batch) (?:that )?runs? (?:every (?:week|monday|sunday)|weekly)\b|\b(?:every (?:week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|once a week)(?: (?:night|morning|evening))?,? (?:we )?(?:run|re-?run|process|push|send)\b|每(?:周|星期)[一二三四五六日天]?[^，。,；;\d]{0,24}?(?:跑|运行|执行|生成|做|过)一(?:次|遍|轮)/u,
    () => 1 / 7,
  ],
];

/** "a call every 10 seconds", "每 30 秒调用一次": one request each interval, as a rate an hour. */
const ONE_EVERY =
  /\b(?:a|one) (?:call|request|query|message|prompt)s? every (\d{1,4}) (sec(?:ond)?s?|min(?:ute)?s?)\b|(?:every|each) (\d{1,4}) (sec(?:ond)?s?|min(?:ute)?s?),? (?:a|one) (?:call|request|query)\b|每\s?(\d{1,4})\s?(秒|分钟)(?:钟)?(?:调用|请求|发|跑|问)?一次/u;

export function oneEvery(text: string): { perHour: number; from: number; to: number } | undefined {
  const match = ONE_EVERY.exec(text);
  if (!match) return undefined;
  const [every, unit] = match[1] ? [match[1], match[2]!] : match[3] ? [match[3], match[4]!] : [match[5]!, match[6]!];
  const seconds = Number(every) * (/^(?:min|分)/u.test(unit) ? 60 : 1);
  return seconds >= 1 ? { perHour: 3600 / seconds, from: match.index, to: match.index + match[0].length } : undefined;
}

/**
 * The runs a month of a job the line describes ("一天跑 3 次，每次 2000 份": 90), when it says how often; a count with no
 * period of its own is then each run's. A nightly job is read as daily where its count is said (DAILY_JOB_BEFORE).
 */
export function jobRuns(text: string): { perMonth: number; from: number; to: number } | undefined {
  for (const [pattern, perDay] of JOB_RUNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const said = match.slice(1).find(Boolean);
    const count = said === undefined ? 1 : countOf(said);
    if (count >= 1) return { perMonth: perDay(count) * MONTH_DAYS, from: match.index, to: match.index + match[0].length };
  }
  return undefined;
}

/** The hours a day and days a month a line's amounts run: all 24 and 30 unless it says fewer. */
export interface ActiveMonth {
  hours: number;
  days: number;
}
const FULL_MONTH: ActiveMonth = { hours: 24, days: 30 };

export function activeMonth(text: string): ActiveMonth {
  const hours = HOURS_A_DAY.exec(text)?.slice(1).find(Boolean);
  const days = DAYS_A_MONTH.exec(text)?.slice(1).find(Boolean);
  const within = (value: string | undefined, max: number, all: number) => (value !== undefined && Number(value) >= 1 && Number(value) <= max ? Number(value) : all);
  const weekly = daysAWeek(text);
  const monthDays = days === undefined && weekly !== undefined ? (MONTH_DAYS * weekly) / 7 : within(days, 31, FULL_MONTH.days);
  const dayHours = hours === undefined && BUSINESS_HOURS.test(text) ? BUSINESS_DAY_HOURS : within(hours, 24, FULL_MONTH.hours);
  return { hours: dayHours, days: monthDays };
}
