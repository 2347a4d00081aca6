// How a period is said around an amount ("a day", "每小时", "一年", "20k daily requests") and what it makes of the
// amount: quantities.ts reads every volume and request count as a 30-day month.

/** Volumes and request counts given per day (or every night: a nightly batch runs daily) are read as a 30-day month. */
export const PER_DAY =
  /^\s?(?:(?:tokens?|toks?|token|requests?|calls?|次(?:请求)?)\s?)?(?:(?:of\s)?(?:input|output|in|out)\s)?(?:a|per|each|\/|every)\s?(?:day|night)\b|^\s?(?:tokens?|token)?\s?(?:\/\s?天|每天|一天|每晚|每夜)|^[^,，。.;；\d]{0,24}?(?:\b(?:a|per|each|every)\s|\/\s?)(?:day|night)\b/u;
/** "20k daily requests": the period said between the number and its noun. */
export const PERIOD_WORD: [RegExp, number][] = [
  [/^\s?(?:daily|nightly)\b/u, 30],
  [/^\s?weekly\b/u, 30 / 7],
  [/^\s?hourly\b/u, 24 * 30],
];
export const DAILY_BEFORE =
  /(?:(?:每天(?:晚上|夜里)?|每日|一天|每晚|每夜|日均|daily|nightly|a day|per day|a night|per night|every night)\s?(?:大概|约|有|要|会)?\s?(?:请求|调用|处理|对话|输入|输出|input|output|提问|问|发送|发|聊|用|调|跑|烧|消耗|翻|翻译|审|审查)?(?:量|次数|数)?|日(?:token\s?)?(?:用量|调用量|消耗|调用|请求|消息))\s?(?:大概|约|有|是)?\s?[:：]?\s?$/u;
/** "每晚跑一次批处理：2 万张发票", "每天晚上跑一次摘要，大约 1 万篇", "nightly job: ~20k": a daily job named first, each run's count after. */
const DAILY_JOB_BEFORE =
  /(?:每晚|每夜|每天(?:晚上|夜里)?|每日|nightly|every (?:night|day)|daily)(?:[^\d,，。;；:：]{0,16}[:：]|[^\d,，。;；:：]{0,4}(?:跑|运行|执行|做)一次[^\d,，。;；:：]{0,12}[,，])[^\d,，。;；]{0,24}$/u;
export const MONTH_DAYS = 30;
/** Volumes given per hour ("20M tokens per hour", "每小时 500 万 token") are read as a 30-day month of hours. */
const TOKENS_PER_HOUR = /^\s?(?:tokens?|toks?|个?\s?token)?\s?(?:(?:of\s)?(?:input|output|in|out)\s)?(?:(?:an?|per|each|every)\s?hour\b|\/\s?(?:h|hr|hour)\b|每小时|\/\s?小时)/u;
const TOKENS_HOURLY_BEFORE = /(?:每小时|hourly|an hour|per hour)\s?(?:大概|约|有|要|会)?\s?(?:输入|输出|input|output)?\s?(?:大概|约|有)?\s?$/u;
const MONTH_HOURS = 24 * MONTH_DAYS;
/** Volumes given per week or per year are read as the month's share: "70M tokens a week", "一年 12 亿 token". */
const PER_WEEK = /^[^,，。.;；\d]{0,24}?(?:\b(?:a|per|each|every)\s|\/\s?)(?:week|wk)\b|^\s?(?:tokens?|token)?\s?(?:\/\s?周|每周|一周)/u;
const WEEKLY_BEFORE = /(?:每周|每星期|一周|weekly|a week|per week)\s?(?:大概|约|有|要|会)?\s?(?:请求|调用|处理)?\s?(?:大概|约|有)?\s?$/u;
const PER_YEAR = /^[^,，。.;；\d]{0,24}?(?:\b(?:a|per|each|every)\s|\/\s?)(?:year|yr)\b|^\s?(?:tokens?|token)?\s?(?:\/\s?年|每年|一年)/u;
const YEARLY_BEFORE =
  /(?:(?:每年|一年|全年|年均|yearly|annually|a year|per year)\s?(?:大概|约|有|要|会)?\s?(?:请求|调用|处理)?|(?:年|年度|全年)(?:token\s?)?(?:用量|总量|调用量|消耗)|\bannual (?:usage|volume)(?: of| is)?)\s?(?:大概|约|有|是)?\s?[:：]?\s?$/u;
const WEEK_MONTHS = MONTH_DAYS / 7;

/** `value` said with `left` before it and `right` after it, as a month's amount. */
export function asMonthly(value: number, left: string, right: string): number {
  if (TOKENS_PER_HOUR.test(right) || TOKENS_HOURLY_BEFORE.test(left)) return value * MONTH_HOURS;
  if (PER_DAY.test(right) || DAILY_BEFORE.test(left) || DAILY_JOB_BEFORE.test(left)) return value * MONTH_DAYS;
  // "10M a month (about 2.5M a week)": the month said first is this amount's period
  if ((PER_WEEK.test(right) && !/^[^,，。;；]*?(?:month|月)[^,，。;；]*?(?:week|周)/u.test(right)) || WEEKLY_BEFORE.test(left)) return value * WEEK_MONTHS;
  if ((PER_YEAR.test(right) && !/^[^,，。;；]*?(?:month|月)[^,，。;；]*?(?:year|年)/u.test(right)) || YEARLY_BEFORE.test(left)) return value / 12;
  return value;
}
