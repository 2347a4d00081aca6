import { GPU_WORDS } from "./gpu-words.ts";

// How money is said around an amount (quantities.ts reads it): currency marks, a GPU's rent by the hour or the month,
// and a price's unit ("per 1M"), which makes the number a price rather than a volume.

export const MONEY_BEFORE = /(?:[$¥￥]|\busd\s?|\bus\$|\brmb\s?|\bcny\s?)$/u;
export const MONEY_AFTER = /^\s?(?:元|块钱?|美元|美金|刀|人民币|dollars?|bucks|usd|rmb|cny|yuan|\$)/u;
export const FOREIGN_MONEY_AFTER =
  /^\s?(?:元|块)?\s?(?:新?台[币幣]|twd\b|ntd\b|港[币幣]|港元|蚊|hkd\b|日元|日[圆圓]|円|jpy\b|欧元|歐元|eur(?:os?)?\b|€|英[镑鎊]|gbp\b|£|pounds?\b)/u;
export const FOREIGN_MONEY_BEFORE = /(?:nt\$|hk\$|€|£)\s?$/u;
export const CNY_MARK = /[¥￥]|rmb|cny|元|块|人民币|yuan/u;
export const HOURLY =
  /^\s?(?:[$¥]|usd|美元|元|dollars?)?\s?(?:\/\s?(?:gpu\s?\/\s?|gpu[-\s]?|card\s?\/\s?)?(?:h|hr|hour)\b|per\s(?:gpu[-\s]?)?(?:hour|hr)|per gpu per hour|an hour|a hour|\/小时|每小时|一小时|每个钟(?:头)?|一个钟(?:头)?|per gpu)/u;
export const HOURLY_BEFORE =
  /(?:(?:每|一|一个|每个|1)(?:小时|个钟头?)(?:每(?:张|块|卡))?|每(?:张|块|卡)(?:每|一|一个)(?:小时|个钟头?)|(?:一|每)(?:张|块)(?:卡)?(?:每|一)小时|hourly|per hour|租金|rent(?:al)?(?: price)?(?: of| at| is)?)\s?[:：]?\s?[$¥]?$/u;
export const USD_MARK = /^\s?(?:美元|美金|刀|dollars?|bucks|usd)|(?:\$|usd\s?|us\$)$/u;
/** A GPU's rent by the month: "$1,500 a month per h100", "$2k/gpu/month", "每张每月租金 1 万元". */
const CARD_WORD = `(?:gpus?|cards?|${GPU_WORDS})`;
export const MONTHLY_PER_CARD = new RegExp(
  `^\\s?(?:[$¥]|usd|dollars?|美元|元|块)?\\s?(?:(?:a|per|\\/)\\s?(?:month|mo)\\b\\s?(?:(?:per|\\/|for each|each|a|an)\\s?${CARD_WORD}|each\\b|apiece\\b)|(?:per|\\/|a|an)\\s?${CARD_WORD}\\s?(?:per|\\/|a)\\s?(?:month|mo)\\b)`,
  "u",
);
export const MONTHLY_PER_CARD_BEFORE = /(?:每(?:张|块|卡)(?:卡)?(?:每|一个?)月|(?:每|一个?)月每(?:张|块)(?:卡)?)(?:的)?(?:租金|租|费用)?\s?[:：]?\s?[$¥]?$/u;
/** "per 1M", "/1M", "每100万", "多少钱一百万": a price unit, not a volume. */
export const UNIT_BEFORE = /(?:\bper\s|\/|每|钱)$/u;
export const PER_MILLION = /^\s?(?:[$¥])?\s?(?:\/|per|每)\s?(?:1m|m\b|million|百万|100万|1百万|mtok)/u;
/** "每百万 token 不超过 1 美元", "input per million under $1": the per-million said before the price. */
export const PER_MILLION_BEFORE = /(?:每百万|每100万|per (?:1m|million)|\/\s?(?:1m|mtok))[^\d,，。;；]{0,16}$/u;
/** "under $1 per million", "不超过 1 美元", "$1/M 以下": a price said to be the most a model may cost. */
export const PRICE_CAP_BEFORE =
  /(?:\bunder|\bbelow|less than|at most|no more than|\bmax(?:imum)?|up to|within|cheaper than|[<≤]=?|低于|不超过|不高于|小于|少于|最多|不到)\s?(?:~|about|around|约)?\s?$/u;
export const PRICE_CAP_AFTER = /^[^,，。;；\d]{0,24}?(?:以下|以内|or (?:less|under|cheaper)|\bmax\b|tops\b)/u;
/** "$2 per million output", "输出每百万…": a cap said of the output side; any other is the input's. */
export const OUTPUT_PRICE = /^[^,，。;；\d]{0,24}?(?:\boutput|\bout\b|输出)|(?:\boutput|输出)[^,，。;；\d]{0,16}$/u;
/** "spending like", "we pay about", "每月花": the words before an amount of money spent; in Chinese, an amount of yuan. */
export const SPENT_BEFORE = /\b(?:spend(?:s|ing)?|spent|pay(?:s|ing)?|paid|burn(?:s|ing)?|burnt)\s(?:like\s|about\s|around\s|roughly\s|over\s|almost\s|nearly\s)?~?\s?$/u;
/** "budget is 8k/mo": the amount said to be the budget is money, with or without its sign. */
export const BUDGET_BEFORE = /\bbudget(?:\s(?:is|of)|\s?[=:])?\s(?:about\s|around\s|roughly\s|~\s?)?$/u;
/** "we have 2k/mo": an amount a month the team has, with no unit of its own, is its budget. */
export const HAVE_A_MONTH = {
  before: /\bwe(?: have| got|'ve got| have got)\s(?:about\s|around\s|roughly\s|~\s?)?$/u,
  after: /^\s?(?:\/\s?mo(?:nth)?\b|a month\b|per month\b|monthly\b)/u,
};
export const SPENT_BEFORE_ZH = /(?:花|花费|花了|支出)\s?(?:大概|大约|约|差不多)?\s?$/u;
/** "0.15 per kWh", "$0.12/kWh", "0.6 元一度": an electricity price, after the number. */
export const PER_KWH = /^\s?(?:[$¥]|usd|美元|元|块|dollars?)?\s?(?:\/\s?kwh\b|per\s?kwh\b|a\s?kwh\b|\/\s?度|每度|一度)/u;
/** "power costs 0.15", "electricity is $0.12", "电费一度 0.6", "每度电 0.8": an electricity price, before the number. */
export const PER_KWH_BEFORE =
  /(?:\b(?:power|electricity)(?: (?:costs?|price|rate|is|at|of))*|电费|电价|(?:每|一)度电?(?:费|价)?)\s?(?:(?:每|一)度电?)?\s?(?:是|为|大概|大约|约|要|about|around|~)?\s?[:：]?\s?[$¥]?$/u;
/** GPUs the asker bought, and a price said per card: "买了 8 张 … 每张 9 万元", "bought 4 H100s at $25k each". */
export const GPUS_BOUGHT = /买了|购买|购入|采购|自己买|bought|purchased|we (?:own|paid)/u;
export const PER_CARD_BEFORE = /每[张块台](?:卡)?\s?(?:要|是|花了?|约|大概)?\s?[$¥]?\s?$|\b(?:at|for)\s?[$¥]?\s?$/u;
export const PER_CARD_AFTER = /^\s?(?:k\s?)?(?:元|块|美元|美金|dollars?)?\s?(?:each|apiece|a card|per (?:card|gpu)|一张|一块)/u;
/**
 * "按 3 年摊", "摊 24 个月", "分 36 个月摊", "amortized over 3 years", "write off over 36 months", "bought 35k each, 4y":
 * years in the odd groups, months in the even ones.
 */
export const WRITE_OFF =
  /(?:按|分|摊销|摊)\s?(?:(\d{1,2}|[一二两三四五六七八九十])\s?年|(\d{1,3})\s?个?月)|(?:amorti[sz]ed?|written off|write (?:it |them )?off|depreciat(?:e|ed|ion))\s(?:over\s)?(?:(\d{1,2})\s?(?:years?|yrs?)|(\d{1,3})\s?months?)|\b(?:each|apiece|per (?:card|gpu)),?\s(?:over\s)?(?:(\d{1,2})\s?(?:y|yrs?|years?)|(\d{1,3})\s?(?:mo|months?))\b/u;
/** "每張 6 萬台幣先不管": money the asker sets aside, neither priced nor refused. */
export const SET_ASIDE_AFTER = /^\s?(?:的?(?:部分|钱)?\s?)?(?:先不管|先不算|不管|不算|先不考虑|不用管|先别管|(?:aside|ignored?|skip(?:ped)?)\b|\(ignore)/u;
/** "plus 3k/mo ops", "运维每月 2 万": what a deployment costs to run besides its GPUs, after or before the amount. */
export const OPS_AFTER =
  /^\s?(?:k\s?)?(?:[$¥]|usd|dollars?|美元|元)?\s?(?:\/\s?mo(?:nth)?|a month|per month|monthly|每月|一个月)?\s?(?:for\s|in\s|of\s)?(?:ops|operations|devops|sre|staff(?:ing)?|运维|人力)\b/u;
export const OPS_BEFORE =
  /(?:\bops|\boperations|运维(?:成本|费用)?|人力成本)\s?(?:cost|costs|of|is|at|每月|一个月|per month|a month)?\s?(?:about|around|~|约|大概)?\s?[:：]?\s?[$¥]?$/u;
/** "每小时 2 美元一张", "租一张一小时 2.5 块": 一张 beside a rent is per card, no count of cards. */
export const PRICE_BEFORE_ONE_CARD = /(?:美元|美金|元|块钱?|刀|usd|rmb|\$\s?\d[\d.]*)\s?$/u;
export const ONE_CARD_THEN_PERIOD = /^\s?[张块台](?:卡)?\s?(?:每|一)?\s?(?:个)?(?:小时|钟头|月|天)/u;
