import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import { ask, pricedModel, realSnapshot } from "./helpers.ts";
import { formatUsd } from "../src/core/reply/format.ts";

/**
 * General reading rules of free text (issue 21, second round), each checked on the final answer with phrasings of
 * its own: how a request count, a request's size and a monthly volume may be written, which amounts are no amounts,
 * and which typed names are models the knowledge has or names to give back. Costs are computed here from the
 * knowledge, never copied from a reply.
 */
let kb: KnowledgeSnapshot;
beforeAll(async () => {
  kb = await realSnapshot();
});

interface AnswerData {
  workload: { inputTokens: number; outputTokens: number; promptTokensPerRequest?: number };
  models: { id: string; cost: number | null }[];
  cheapest: string | null;
  unknown?: { name: string }[];
  error?: { code: string };
  intent?: string;
}
const dataOf = (reply: { data: Record<string, unknown> }) => reply.data as unknown as AnswerData;
const model = (id: string) => pricedModel(kb, id);

describe("a request count is read whatever it is called and however often it is given", () => {
  it.each([
    // nouns for a request
    ["each time we hit the api it's roughly 4000 tokens prompt + 600 completion, about 1M times a month. deepseek vs qwen plus", 4000, 600, 1e6],
    ["deepseek, 300k tokens per prompt, 100 prompts a month", 300_000, 60_000, 100],
    ["50k tickets/month, each ticket ~1200 tokens, reply ~300 tokens. gpt-4o mini or claude haiku 4.5?", 1200, 300, 50_000],
    ["一个月处理 1 万篇文档，每篇 8000 token，摘要 500 token，用 gemini 2.5 flash 多少钱", 8000, 500, 10_000],
    // the count's noun before it
    ["claude haiku 4.5：单次输入4k，输出800，月调用量50万", 4000, 800, 500_000],
    ["单次调用 5k tokens 输入 + 1k tokens 输出，月请求 20 万，deepseek 和 gpt-4o-mini 哪个便宜", 5000, 1000, 200_000],
    // a period other than the month
    ["Our bot handles 5000 conversations a day, each about 3k tokens input and 500 output. gpt-5 mini vs claude haiku 4.5?", 3000, 500, 5000 * 30],
    ["each of our 20k daily requests has a 3k prompt and a 400 token answer. deepseek?", 3000, 400, 20_000 * 30],
    ["每条请求平均输入2k输出500，日均请求量3万，claude haiku 4.5 一个月多少钱", 2000, 500, 30_000 * 30],
    ["we get about 5 requests per second, ~1k tokens in and 200 out each. gpt-4.1 nano monthly?", 1000, 200, 5 * 86_400 * 30],
    ["QPS 大概 10，每次请求 2000 token 输入 500 输出，deepseek 一个月多少钱", 2000, 500, 10 * 86_400 * 30],
    ["60 requests a minute, 2k tokens per request, claude haiku 4.5 monthly", 2000, 400, 60 * 1440 * 30],
    ["每次请求约 3k 输入、600 输出，每小时 5000 次，qwen plus 一个月多少钱", 3000, 600, 5000 * 24 * 30],
    // per user × users
    ["1000 users, each sends 50 messages a day, ~800 tokens in and 200 out per message. gpt-4o-mini cost per month?", 800, 200, 1000 * 50 * 30],
    ["1000 个用户，每人每天 20 次请求，每次输入 1000 token 输出 300 token，gpt-4o-mini 一个月多少钱", 1000, 300, 1000 * 20 * 30],
    // a word that says what kind of ticket or document it is
    ["gpt-4o mini or haiku 3.5 for classifying 2M support tickets a month, ~600 tokens each, 20 tokens out", 600, 20, 2_000_000],
    ["summarizing 30k legal documents a month, 9000 tokens each, 700 out: gemini 2.5 flash?", 9000, 700, 30_000],
    ["每天 2 萬張工單，每張 800 token，回覆 150，gpt-4o mini 一個月多少錢", 800, 150, 20_000 * 30],
    ["about 8k customer emails a day, 900 tokens in and 200 out per email, gpt-4.1 mini", 900, 200, 8000 * 30],
    // the things a request was just said to be, counted
    ["each call is a 20k-token report, 500 of them a month, 2k tokens out, claude haiku 4.5", 20_000, 2000, 500],
    // a classifier and an English noun
    ["我哋每日大概 2 万个 call，每个 prompt 大约 500 token、回复 100，gpt-4o mini", 500, 100, 20_000 * 30],
    // each user's turns a day are that user's requests
    ["月活 2000，每人每天问 10 轮，每轮输入 600 token、输出 200，deepseek", 600, 200, 2000 * 10 * 30],
    ["日活跃用户 4 千人，每人每天问 15 个问题，每次 prompt 约 1k、回复 200，gpt-5 mini", 1000, 200, 4000 * 15 * 30],
    // model calls per unit of work multiply the units
    ["our coding agent: each task = ~5 tool-calling steps, every step ~3k tokens in and 200 out, around 2k tasks/day. gpt-5 mini?", 3000, 200, 2000 * 5 * 30],
    ["support bot, ~2,000 conversations/day, 3 messages each, each message ~1k tokens in + 150 out. gpt-4.1 mini?", 1000, 150, 2000 * 3 * 30],
    ["工单机器人，每天大概 2000 个工单，每个工单平均来回 4 轮，每轮输入 1000 token 左右，回复 200，gpt-5 mini", 1000, 200, 2000 * 4 * 30],
    ["我们的智能体每个任务平均调用 6 次模型，每次输入 3000 token 左右，输出 200，每天 1000 个任务，gpt-5 mini", 3000, 200, 1000 * 6 * 30],
    ["代码审查机器人，每个 PR 大概 8000 token 输入，输出 1000，每月 5000 个 PR，claude sonnet 4.5", 8000, 1000, 5000],
    ["我們每天大概 5000 通客服對話，每通平均 3 則訊息，每則輸入 1000 token、回覆 200，gpt-4.1 mini 要多少錢", 1000, 200, 5000 * 3 * 30],
    // a card's classifier before tickets counts tickets, not GPUs
    ["每天大概 2000 張工單，每張平均來回 3 輪，每輪輸入 1000 token，回覆 200，gpt-5 mini 要多少錢", 1000, 200, 2000 * 3 * 30],
    ["翻译任务每天要翻 3000 篇，每篇输入 1500 token 左右，输出也是 1500 左右，gemini 2.5 flash", 1500, 1500, 3000 * 30],
  ])("%s", async (line, prompt, out, requests) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(true);
    expect(dataOf(reply).workload).toMatchObject({ inputTokens: prompt * requests, outputTokens: out * requests, promptTokensPerRequest: prompt });
  });
});

describe("a request's size is read wherever its per-request words stand", () => {
  it.each([
    ["10 million requests per month at 500 tokens each on gpt-4.1 nano", 500, 100, 10e6],
    // retrieved chunks times their size plus the question; a visible reply's size
    ["rag bot: 8 retrieved chunks x 600 tok + 400 tok question/sys, answer ~350 tok. 25k queries/day. cheapest decent model?", 8 * 600 + 400, 350, 25_000 * 30],
    // the average rate is the bill's, the peak is not
    [
      "voice assistant peaks at ~40 QPS, avg maybe 12 QPS around the clock. each turn ~900 in 80 out. gemini 2.0 flash vs 4o mini vs gpt-5 nano, monthly cost?",
      900,
      80,
      12 * 86_400 * 30,
    ],
    ["input per request 6k, output per request 800, 50k requests. haiku 4.5", 6000, 800, 50_000],
    ["gemini 2.5 pro, 300k tokens in per request, 200 requests monthly, 5k tokens out per request", 300_000, 5000, 200],
    ["输入 8k/次，输出 1k/次，20 万次/月，gpt-5 mini 多少钱", 8000, 1000, 200_000],
    ["每次 8000 tokens 进，1000 tokens 出，每月 20 万次，gpt-5 和 claude sonnet 4.5 对比一下", 8000, 1000, 200_000],
    ["with 4k prompts and 1k completions, 100k calls, gpt-5 vs claude sonnet 4.5", 4000, 1000, 100_000],
    ["claude sonnet 4.5, 150k-token prompts, 1000 per month, 2k out", 150_000, 2000, 1000],
    ["每小時 2000 次，每次 prompt 3k、回 500 token，gpt-4.1 mini 跟 deepseek 比", 3000, 500, 2000 * 24 * 30],
    // "each" alone after the count: each of the things counted carries that context
    ["we run a RAG bot: 40k queries a month, each 6k tokens of context + 300 out. claude haiku 4.5 vs gpt-4.1 mini?", 6000, 300, 40_000],
    // a nightly job runs every day; "大约" between the rate and its count
    ["nightly job: we summarize ~20k support tickets every night, ~1,800 tokens in and 250 out per ticket. gpt-4.1 mini vs gemini 3.1 flash-lite?", 1800, 250, 20_000 * 30],
    ["20k nightly requests, 2k tokens in and 300 out each, gpt-5 mini", 2000, 300, 20_000 * 30],
    ["每晚跑 2 万篇文章的摘要，每篇输入 1500 token 输出 200，用 deepseek 多少钱", 1500, 200, 20_000 * 30],
    ["我们每晚跑一次批处理：2 万张发票，每张输入 1200 token、输出 80，gemini 2.5 flash-lite 和 gpt-5 nano 哪个便宜", 1200, 80, 20_000 * 30],
    ["monthly report: 20k tickets, 1.8k in 250 out each, gpt-4.1 mini", 1800, 250, 20_000],
    ["every night we summarize ~30k support tickets, avg ticket is 2.5k tokens and the summary ~200 tokens. gpt-4.1 mini vs gemini 3.1 flash lite", 2500, 200, 30_000 * 30],
    ["每天晚上我们要总结大约 3 万张工单，每张 2500 token，摘要 200 token，gpt-4.1 mini 多少钱", 2500, 200, 30_000 * 30],
    ["我們每天晚上跑一次批次摘要，大約 1 萬篇文章，每篇 2000 token，摘要 150 token，gpt-4.1 mini 跟 gemini 2.0 flash 哪個便宜？", 2000, 150, 10_000 * 30],
    // daily active users × questions each a day; a small size after a count is each one's
    ["我们 app 有 5 万日活，人均每天问 3 个问题，每个问题连上下文约 2000 token，回答 500 token，用 deepseek 一个月多少钱", 2000, 500, 50_000 * 3 * 30],
    ["email triage: 1.2M emails/month, avg 600 tokens, output is a label (5 tokens). gpt-5 nano vs gemini 2.5 flash-lite?", 600, 5, 1_200_000],
    // a rate runs only the hours a day and the days a month the line says
    ["一天大概 8 小时在用，每分钟 20 次调用，每次输入 1k 输出 200，gpt-4.1 mini 多少钱", 1000, 200, 20 * 60 * 8 * 30],
    ["50 requests per minute during an 8h workday, 22 workdays a month, 1k in 200 out, gpt-5 mini", 1000, 200, 50 * 60 * 8 * 22],
    ["20k requests a day, 22 workdays a month, 1k in 200 out, gemini 2.5 flash", 1000, 200, 20_000 * 22],
    ["每月 22 个工作日，每天 2 万次请求，每次输入 1k 输出 200，gemini 2.5 flash 多少钱", 1000, 200, 20_000 * 22],
    // daytime hours and a working day's 8 hours
    ["每秒大概 5 个请求，白天 12 小时，每次输入 600 输出 100，gemini 2.5 flash-lite 一个月多少", 600, 100, 5 * 3600 * (12 * 30)],
    ["1.5k requests/hour on weekdays 9-5, 2k in 300 out, gpt-5 mini", 2000, 300, 1500 * (8 * ((30 * 5) / 7))],
    ["40 requests a minute during business hours, 1k in 200 out, gpt-5 nano", 1000, 200, 40 * 60 * (8 * 30)],
    // a count per person per day: the period after whose count it is
    ["summarizing 150 support calls per agent per day, 30 agents, transcripts 6k tokens, summaries 300 tokens. haiku 4.5", 6000, 300, 150 * 30 * 30],
    // days a week are that share of the month's 30 days
    ["10 requests per minute, 5 workdays a week, 1k in 200 out, gpt-5 mini", 1000, 200, 10 * 60 * (24 * ((30 * 5) / 7))],
    ["we run 20k requests a day, 5 workdays a week, 2k in 500 out each. sonnet 4.5 cost?", 2000, 500, 20_000 * ((30 * 5) / 7)],
    ["support bot, weekdays only: 3k chats a day, 1k in 200 out each, gemini 2.5 flash", 1000, 200, 3000 * ((30 * 5) / 7)],
    // the workdays a month said beside "weekdays only" win over five sevenths of thirty
    ["code review bot, 300 PRs/day on weekdays only (~22/mo), 20k tok diff+context in, 2k out. opus 4.5 vs gpt-5 w/ batch api", 20_000, 2000, 300 * 22],
    // a nightly job's count, its period said further back than the clause's own words
    ["nightly batch: extract fields from 40k invoices, ~2.5k tok in / 300 out each, batch api ok. gpt-4.1 mini vs gemini 2.5 flash", 2500, 300, 40_000 * 30],
    ["客服一周 5 天在线，每天 3 万条消息，每条输入 800 输出 200 token，gpt-5 mini 一个月多少钱", 800, 200, 30_000 * ((30 * 5) / 7)],
    // people × what each of them asks an hour or a day
    ["200 engineers, each about 40 completions an hour during an 8h workday, ~1500 tokens in, 300 out. gpt-5 mini vs haiku 4.5?", 1500, 300, 200 * 40 * 8 * 30],
    ["200 个工程师，每人每小时大约 40 次补全，一天 8 小时，每次输入 1500 输出 300 token，gpt-5 mini 和 haiku 4.5 哪个便宜", 1500, 300, 200 * 40 * 8 * 30],
    ["50 個工程師，每人每天大概問 30 次，每次 2000 token 輸入、500 輸出，claude sonnet 4.5 一個月多少", 2000, 500, 50 * 30 * 30],
    // the people said per week or day: what each of them gets with no period of its own is that period's
    ["每周给 1.5 万名订阅者每人发 1 封邮件，每封输入 1000 输出 300，gpt-5 mini 多少钱", 1000, 300, 15_000 * (30 / 7)],
    // checks are requests; 一个月 22 天 after 上班日 is the month's days; 产出 is the output side
    ["our moderation pipeline runs ~900 checks an hour around the clock. each is ~1.1k tokens in, ~40 out. 4.1 nano vs 4o-mini", 1100, 40, 900 * 24 * 30],
    ["我們客服一天大概 6000 通對話（只算上班日，一個月 22 天），每通輸入 2500 token、輸出 400，haiku4.5 跟 gpt-5 mini 哪個便宜？", 2500, 400, 6000 * 22],
    ["每月处理 2000 份合同，每份输入 5 万 token，每份产出约 2000 token 的摘要，gpt-5 mini 多少钱", 50_000, 2000, 2000],
    // "per request" after the output side holds for the input said just before it
    ["1.5k in 300 out per request, gpt-5 mini", 1500, 300, 1000],
    // a word saying which customers they are keeps them people
    ["we have 250 paying customers, each runs about 40 reports a month, ~6k in 1.5k out per report. sonnet 4.5 vs gpt-5?", 6000, 1500, 250 * 40],
    // 一天大约 is a day; hours in brackets after 白天 are the day's
    ["對話機器人一天大約 8 萬則訊息，每則 800 token 進、150 出，gemini 2.5 flash 一個月多少？", 800, 150, 80_000 * 30],
    ["每小时 3000 次请求，只在工作日白天（10 小时）跑，每次 1k 输入 200 输出，gpt-5 nano", 1000, 200, 3000 * 10 * ((30 * 5) / 7)],
    // requests of several sizes in shares: their weighted average request
    [
      "support bot, 20k chats a day: 70% are simple (800 in, 150 out), 30% need retrieval (3k in, 400 out). gpt-5 mini vs haiku 4.5",
      0.7 * 800 + 0.3 * 3000,
      0.7 * 150 + 0.3 * 400,
      20_000 * 30,
    ],
    [
      "對話機器人一天大約 8 萬則訊息，其中七成是簡單問答（800 token 進、150 出），三成要查資料（3000 進、400 出），gemini 2.5 flash 一個月多少？",
      0.7 * 800 + 0.3 * 3000,
      0.7 * 150 + 0.3 * 400,
      80_000 * 30,
    ],
    // retrieved pieces said in Chinese, plus the question: one prompt
    [
      "我们做知识库问答，每个问题会检索 5 段、每段 600 token，加上问题大约 100 token，回答 300 token，每天 2 万个问题，用 deepseek 和 qwen plus 分别多少钱？",
      5 * 600 + 100,
      300,
      20_000 * 30,
    ],
    // an average said after a peak rate, in no unit of its own, is at the peak's unit
    ["1k QPS peak, maybe 200 avg, tiny prompts (~150 tok) and 20 tok out, gpt-5 nano", 150, 20, 200 * 3600 * 24 * 30],
    // people × what each does
    ["deepseek r1 vs o4-mini for math homework help, maybe 300 students x 20 questions/week, 500 in 1500 out", 500, 1500, 300 * 20 * (30 / 7)],
    // a draft is the output side
    ["we have ~1,200 support tickets/day; each gets an auto-draft reply: ticket+history ~2.5k tokens, draft ~350 tokens. gpt-4.1-mini vs claude-haiku-4-5", 2500, 350, 1200 * 30],
    // a small count in words counts as digits do
    ["15k subscribers, one email each per week, 1k in 300 out, gpt-5 mini", 1000, 300, 15_000 * (30 / 7)],
    ["500 users ask three questions a day each, 800 in 200 out, gpt-5 nano", 800, 200, 500 * 3 * 30],
    // one request, said as one, is what it costs
    ["one request of 2k in 500 out on sonnet 4.5?", 2000, 500, 1],
    ["單次請求輸入 3000、輸出 800，gpt-5 多少錢", 3000, 800, 1],
    // a report sent to each client is a request of its size, however large
    ["we send a monthly report to 200 clients, 5k in 1k out, gpt-4.1 mini", 5000, 1000, 200],
    // whoever the people are, "each does" or 每人 after them makes them the people counted; a workday is a day
    ["we've got 45 paralegals, each does ~60 clause lookups per workday (22 workdays/mo). ~3k tokens in, 400 out per lookup. haiku 4.5 or gpt-5 mini?", 3000, 400, 45 * 60 * 22],
    ["30 nurses each handle 40 chart summaries a day, 1500 in 200 out, gpt-4.1 mini", 1500, 200, 30 * 40 * 30],
    ["公司 200 个销售，每人每天让 AI 写 15 条客户跟进消息，每条输入 1200 token 输出 400，一个月按 22 个工作日算，gpt-5 mini 和 claude haiku 4.5 选哪个", 1200, 400, 200 * 15 * 22],
    ["我們有 120 位業務，每人每天大概問 30 次，每次輸入 800 token、回覆 300，一個月算 22 個工作天，gemini 2.5 flash 跟 gpt-5 mini 各要多少錢", 800, 300, 120 * 30 * 22],
    [
      "agent loop: each task ~15 steps, context grows to ~20k tokens by the end (avg 10k per step), 300 out per step, 2k tasks/month. claude sonnet 4.5 vs gpt-5",
      10_000,
      300,
      15 * 2000,
    ],
    ["客服機器人每小時大約 2000 則訊息，每則輸入 1600 token，輸出 200。gpt-4.1 mini 跟 gemini 2.5 flash 哪個划算？", 1600, 200, 2000 * 24 * 30],
    // what is reviewed, described or counted is the request; a peak rate is not what runs all month
    ["code review agent: ~200 PRs a day, each diff about 12k tokens, review comments ~1.5k. sonnet 4.5 vs gpt-5", 12_000, 1500, 200 * 30],
    ["batch job: 2M product descriptions a month, 300 tokens in, 80 out each. gpt-5 nano vs gemini 2.5 flash-lite", 300, 80, 2_000_000],
    ["10 rps peak but average 2 rps, 1k in 100 out, gpt-4o mini or gemini 2.0 flash", 1000, 100, 2 * 86_400 * 30],
    ["峰值 100 QPS，平均 20 QPS，每次 1k 输入 100 输出，deepseek 要多少", 1000, 100, 20 * 86_400 * 30],
    ["代码审查机器人每周 210 个 PR，每个 diff 1 万 token 左右，评审意见 1500 token，sonnet 4.5 和 gpt-5 哪个划算", 10_000, 1500, 900],
    ["作文批改：每篇输入 1200 token，每天 3000 篇，批改意见 500 token，deepseek 一个月多少钱", 1200, 500, 3000 * 30],
    ["RAG 每次检索 6 段、每段 500 token，加上问题 100 token，回答 300 token，每月 3 万次查询，haiku 4.5 要多少钱", 3100, 300, 30_000],
    // a job's runs a day, an hour or a week times what each run handles; daily people times what each of them asks
    ["一天跑 3 次，每次处理 2000 份简历，每份 1500 token，输出 200，qwen plus 多少钱", 1500, 200, 2000 * (3 * 30)],
    ["每周一跑一次周报生成，500 份，每份 8000 token 输入 1000 输出，claude sonnet 4.5 一个月多少", 8000, 1000, 500 * ((1 / 7) * 30)],
    ["hourly cron job summarizing ~200 new docs each run, 2k in 150 out per doc, gemini 2.5 flash-lite", 2000, 150, 200 * (24 * 30)],
    ["我們公司每天約 5000 位客戶來問問題，平均每人 4 輪對話，每輪 700 token 進、200 token 出，用 gpt-4o mini 一個月多少錢？", 700, 200, 4 * 30 * 5000],
    ["we process 5k PDFs a week, ~20 pages each at ~500 tokens/page, and extract 300 tokens of JSON per PDF. gpt-4.1 mini", 10_000, 300, 5000 * (30 / 7)],
    ["each of our 8 agents runs ~500 llm calls a day at 3k in / 400 out. sonnet 4.5 vs gpt-5 vs gemini 2.5 pro", 3000, 400, 500 * 30 * 8],
    ["每个客服坐席每天处理 120 个工单，我们有 25 个坐席，每个工单调用 3 次模型，每次输入 2000 输出 300，用 deepseek 一个月多少钱", 2000, 300, 120 * 30 * 25 * 3],
    ["我们有 4 个业务线，每个每天 1 万次请求，每次输入 1500 输出 300，gpt-4.1 mini 一个月多少", 1500, 300, 4 * 10_000 * 30],
    // subscribers, students or readers are people like users; an email is a request, one at a time or many
    ["15k subscribers, 1 email each per week, 800 in 300 out, gpt-5 nano", 800, 300, 15_000 * (30 / 7)],
    ["15k subscribers, 2 emails each a day, 800 in 300 out, gpt-5 nano", 800, 300, 15_000 * 2 * 30],
    ["每月发 3 万封邮件，每封输入 800 输出 300，gpt-5 nano", 800, 300, 30_000],
    // a message to each of the people counted is a request, as often as the line says
    ["we email 15k subscribers once a week, 800 in 300 out, gpt-5 nano", 800, 300, 15_000 * (30 / 7)],
    ["send a personalized newsletter to 15k subscribers weekly, 800 in 300 out, gpt-5 nano", 800, 300, 15_000 * (30 / 7)],
    ["we message 2000 customers daily, 500 in 100 out, gpt-5 nano", 500, 100, 2000 * 30],
    ["a weekly digest to 40k users, 2k in 400 out, gpt-4.1 mini", 2000, 400, 40_000 * (30 / 7)],
    ["we send daily reminders to 3000 patients, 300 in 80 out, gpt-5 nano", 300, 80, 3000 * 30],
    ["每天给 8000 名学员推送学习报告，每份输入 1500 token、输出 400，qwen plus 和 deepseek 哪个便宜", 1500, 400, 8000 * 30],
    ["每週給 2 萬名會員寄 1 封個人化電子報，每封輸入 1000 輸出 350，gpt-5 mini 多少錢", 1000, 350, 20_000 * (30 / 7)],
    // 每天 or 每周 opens the clause its count is in, with words between them ("每天给客户发 3 万封")
    ["每天给客户发 3 万封邮件，每封输入 800 输出 300，gpt-5 nano", 800, 300, 30_000 * 30],
    ["每天要回复 2 万条评论，每条输入 500 输出 100，gpt-5 nano", 500, 100, 20_000 * 30],
    ["每週給訂閱者發 3 萬封郵件，每封輸入 800 輸出 300，gpt-5 nano", 800, 300, 30_000 * (30 / 7)],
    ["我们每天晚上用 batch API 跑 5 万条评论分类，每条 500 token，输出 30 token，gpt-4.1 nano 多少钱", 500, 30, 50_000 * 30],
    // one request every so often is a rate
    ["cost of running 20 parallel agents 24/7, each making a call every 10 seconds with 4k context and 500 out, on sonnet 4.5", 4000, 500, 20 * (360 * (24 * 30))],
    ["一个监控脚本每 30 秒调用一次，每次输入 2000 输出 100，gpt-5 nano 一个月多少钱", 2000, 100, 120 * (24 * 30)],
    ["our IDE plugin has 1,500 devs, roughly 200 completions per dev per day, 1.2k in 60 out. codestral vs gpt-4.1 nano", 1200, 60, 200 * 30 * 1500],
    ["預計每月 50 萬名用戶，每人每月問 10 題，每題 800 token 輸入 300 輸出，Gemini 2.5 Flash 要多少？", 800, 300, 10 * 500_000],
    ["we embed then answer: 3k queries/day, each pulls 8 chunks x 400 tokens plus the question, 350 out. gpt-5 mini", 8 * 400, 350, 3000 * 30],
    ["客服系统：日均咨询 8000 次，平均每次对话 5 轮，每轮输入 1200 输出 250 token，比较 deepseek、qwen plus 和 gpt-4o mini", 1200, 250, 8000 * 30 * 5],
    ["batch classify 4 million product titles once, ~40 tokens each, 2 output tokens, gpt-4.1 nano with batch api", 40, 2, 4_000_000],
    ["每位老师每天用 AI 出 20 道题，全校 120 位老师，每次输入 600 输出 800 token，gpt-4o mini 和 deepseek 哪个便宜", 600, 800, 20 * 30 * 120],
    // products or bots, each doing their own count
    ["we have 3 products each doing ~100k requests a month at 1k in / 200 out, gemini 2.0 flash vs gpt-4o mini", 1000, 200, 3 * 100_000],
    ["2 bots, each 5k conversations a day, 6 turns per conversation, 800 in 150 out per turn. haiku 4.5", 800, 150, 2 * 5000 * 30 * 6],
    // calls or messages per task or conversation multiply the tasks or conversations counted
    ["our agent makes ~12 tool calls per task and handles 3k tasks a day, each call ~4k in 300 out. o4-mini vs gpt-5 mini", 4000, 300, 12 * 3000 * 30],
    ["support bot: 8 messages per conversation, 20k conversations a month, 600 in 150 out per message, haiku 4.5", 600, 150, 8 * 20_000],
    // each item translated into each language is a request of its own; languages spoken are no multiplier
    ["translate 40k product listings into 6 languages, ~300 tokens in and 350 out per listing per language, gpt-4.1 mini", 300, 350, 40_000 * 6],
    ["每月把 2 万篇文章翻译成 5 种语言，每篇输入 1500 输出 1800 token，deepseek 多少钱", 1500, 1800, 20_000 * 5],
    ["our bot answers in 3 languages, 10k chats a day, 1k in 200 out, gpt-5 mini", 1000, 200, 10_000 * 30],
    // images, receipts and scans are counted like documents
    ["gpt-5 mini to classify 50k images a month, ~1,500 tokens per image, 50 tokens out", 1500, 50, 50_000],
    ["每月 5 万張發票，每張圖輸入 1500 token、輸出 100，gpt-5 mini 多少錢", 1500, 100, 50_000],
    // people counted by a task's word, and a workday said as 每個工作天
    [
      "our support team is 35 agents, each closes ~40 tickets a day and we want the model to draft every reply. ~2,500 tokens in, ~350 out. gpt-4.1 mini vs haiku 4.5",
      2500,
      350,
      35 * 40 * 30,
    ],
    ["公司有 120 位業務，每人每個工作天大概用 AI 寫 15 封客戶信，每封輸入 700 token、輸出 400，一個月算 22 個工作天，gpt-4.1 要多少", 700, 400, 120 * 15 * 22],
    // a month's total split into requests of the size "a (typical) call is" says, with its thousands separators
    ["we burn roughly 660M tokens a month on a doc-routing pipeline, a typical call is 1,200 in / 120 out. 4o mini or 4.1 nano", 1200, 120, 500_000],
    ["we use 660M tokens a month, a call is 1200 in / 120 out. 4o mini vs 4.1 nano", 1200, 120, 500_000],
    // a size said with no period and the part added to it are one prompt; "everyone" is each of the people counted
    ["our RAG app: 8k retrieved tokens + 200 token question per query, 400 token answers, 1.5M queries/month. gemini 2.5 flash", 8200, 400, 1_500_000],
    ["we're a 12-person startup, everyone uses chatgpt-style chat ~50 messages a day, avg 1.5k in / 500 out. gpt-5 mini", 1500, 500, 12 * 50 * 30],
    // calls already turned into text are a text model's work: each one's transcript in, its summary out
    ["客服每月 20 万通电话，每通录音转成文字大概 3000 token，要总结成 200 token，用 qwen 还是 deepseek 便宜", 3000, 200, 200_000],
    // counts in words: hundreds before a magnitude, "a couple hundred"
    ["a couple hundred thousand documents a month, ~3k tokens in and ~3.3k out each, deepseek", 3000, 3300, 200_000],
    ["two hundred fifty thousand requests a month, 1k in 200 out, gpt-5 mini", 1000, 200, 250_000],
    // an output said in a format ("tokens of JSON out"), answers that "run around" a size
    ["invoice extraction: two million invoices a month, each about 1,800 tokens in and 250 tokens of JSON out. gpt-4.1 nano", 1800, 250, 2_000_000],
    ["each query stuffs 20 chunks of 400 tokens plus a 300-token question, answers run around 350 tokens, 100k queries a month, gpt-5 mini", 8300, 350, 100_000],
    // 道 counts questions, with or without 题
    ["用 deepseek r1 做数学题批改，一天一万道，每道题输入 300 输出 2000，多少钱", 300, 2000, 10_000 * 30],
    // "each calls", 每人 after "50 个 developers", "workdays only": each of the people, on workdays
    ["50 developers, each calls the API 100 times a day, 3k in 500 out, claude sonnet 4.5 monthly cost?", 3000, 500, 50 * 100 * 30],
    ["我们有 50 个 developers，每人每天 call 100 次 API，each 3k in 500 out，用 claude sonnet 4.5 一个月多少钱", 3000, 500, 50 * 100 * 30],
    ["200 sales reps each send ~40 emails/day through the bot, 900 tokens in 250 out per email, workdays only. gpt-5 nano", 900, 250, 200 * 40 * ((30 * 5) / 7)],
    // each of the people "fires" requests of a kind ("copilot-style requests"); 60 個 sales, 每人每日; 人均多少 asks a share
    [
      "ok so we're ~35 engineers, each fires maybe 120 copilot-style requests per workday (22 workdays/mo), avg prompt 6k tokens of which 4k is cached repo context, replies ~400 tokens. claude sonnet 4.5 vs gpt-5.4 — monthly total and per seat?",
      6000,
      400,
      35 * 120 * 22,
    ],
    ["我哋 team 有 60 個 sales，每人每日問 AI 30 次，每次 prompt 大概 1.2k tokens，reply 300，用 gpt-4o mini 一個月幾錢？per seat 又幾多？", 1200, 300, 60 * 30 * 30],
    [
      "我们是个 12 人的小团队做合同审核，每天大概处理 80 份合同，每份 3 万 token，每份输出摘要 1500 token，一个月按 22 个工作日算。claude sonnet 4.5 多少？人均多少？",
      30_000,
      1500,
      80 * 22,
    ],
    // a job run every Monday night over everything it holds
    ["每周一晚上用 batch 接口把全部商品评论跑一遍，大概 70 万条，每条输入 300 token、输出 50，4o mini 和 4.1 nano 哪个便宜？", 300, 50, 700_000 * (30 / 7)],
    ["every monday night we run all 700k product reviews through the batch api, 300 in 50 out each, gpt-4.1 nano", 300, 50, 700_000 * (30 / 7)],
  ])("%s", async (line, prompt, out, requests) => {
    const data = dataOf(await ask(line));
    // a month of 5-day weeks holds a fraction of a request; its tokens are whole
    expect(data.workload).toMatchObject({ inputTokens: Math.round(prompt * requests), outputTokens: Math.round(out * requests), promptTokensPerRequest: prompt });
  });

  // a month's total with a request's size is that many requests of that size: split as the request is, not 5:1
  it.each([
    ["2M tokens a month, 800 tokens in and 300 out per request, gpt-5 nano", 2_000_000, 800, 300],
    ["每月 1 亿 token，每次输入 1500 输出 500，deepseek 多少钱", 100_000_000, 1500, 500],
  ])("%s", async (line, total, prompt, out) => {
    const data = dataOf(await ask(line));
    const requests = total / (prompt + out);
    expect(data.workload).toMatchObject({ inputTokens: Math.round(prompt * requests), outputTokens: Math.round(out * requests), promptTokensPerRequest: prompt });
  });

  // a request's size with no count and no month is priced for a thousand such requests, and the answer says so
  it.each([
    ["800 in 300 out, gpt-5 nano, how much per request?", "gpt-5-nano", 800, 300, "priced for 1K requests (no count said: tell me how many a month)"],
    ["每次输入 1500 token 输出 400，deepseek 多少钱", "deepseek-chat", 1500, 400, "按 1000 次请求计价（没有说次数：请告诉我每月多少次）"],
  ])("%s", async (line, id, prompt, out, said) => {
    const reply = await ask(line);
    expect(dataOf(reply).workload).toMatchObject({ inputTokens: prompt * 1000, outputTokens: out * 1000, promptTokensPerRequest: prompt });
    expect(reply.text).toContain(said);
    expect(reply.text).not.toMatch(/default workload|默认工作负载/u);
    const m = model(id);
    expect(dataOf(reply).models[0]!.cost).toBeCloseTo((prompt * 1000 * m.inputPer1M + out * 1000 * m.outputPer1M) / 1e6, 10);
  });

  // a mix is said as read, so the asker sees the average is of what they typed
  it("says the mix it priced", async () => {
    const reply = await ask("support bot, 20k chats a day: 70% are simple (800 in, 150 out), 30% need retrieval (3k in, 400 out). gpt-5 mini");
    expect(reply.text).toContain("a mix of 70% at 800 in + 150 out and 30% at 3K in + 400 out, priced as their average request");
  });

  it("'35 agents, each closes ~40 tickets' counts people, not the agents task", async () => {
    const reply = await ask("our support team is 35 agents, each closes ~40 tickets a day, 2,500 in 350 out. gpt-4.1 mini vs haiku 4.5");
    expect(reply.data.understanding).toMatchObject({ tasks: [] });
    expect(reply.text).not.toMatch(/for agents/u);
  });

  // a size in brackets after "prompts" is each prompt's, never a month of 50K tokens
  it("'long prompts (~50k tokens)' is the prompt's size", async () => {
    const data = dataOf(await ask("is claude haiku 4.5 cheaper than gpt-5 mini for long prompts (~50k tokens) with short answers?"));
    expect(data.workload.promptTokensPerRequest).toBe(50_000);
    expect(data.workload.inputTokens).toBe(kb.knowledge.defaultWorkload.inputTokens);
  });

  // a colon ends a clause: the word before it runs into no name after it
  it("'just chat: gpt-5 mini' is GPT-5 mini, not GPT-5 Chat", async () => {
    const reply = await ask("just chat: gpt-5 mini vs haiku 4.5, 10M tokens");
    expect(dataOf(reply).models.map((m) => m.id)).toEqual(["gpt-5-mini", "claude-haiku-4-5"]);
  });

  // a job said to be one-off is priced once, and the answer says the figures are the whole run's
  it.each([
    ["one-off: summarize 20k old tickets, 2k in 200 out each, gpt-5 mini", "run once"],
    ["我们要一次性把 20 万条历史工单做摘要，每条 2000 token 输出 200，gpt-5 mini 多少钱", "只跑一次"],
  ])("%s", async (line, said) => {
    expect((await ask(line)).text).toContain(said);
  });

  // a size under a thousand tokens is a request's, said in tokens or not: never a month of 800 tokens
  it.each([
    ["~800 tokens in and 300 out. gpt-5 nano?", /800-token prompts/u],
    ["800 in 300 out, gpt-5 nano", /800-token prompts/u],
    ["输入 800 token，输出 300 token，gpt-5 nano 多少钱", /每次提示 800 Token/u],
  ])("%s", async (line, prompt) => {
    const reply = await ask(line);
    expect(reply.lead).toMatch(prompt);
    expect(reply.lead).not.toMatch(/\b800 input tokens a month|每月输入 800 Token/u);
    expect(dataOf(reply).workload.promptTokensPerRequest).toBe(800);
  });

  // a system prompt is each request's fixed part; what the user adds comes on top, and a cached system prompt is that share
  it.each([
    ["3k-token system prompt (cached) plus 1k of user text per call, 200 tokens out, 20k calls a day. gpt-5 mini vs haiku 4.5?", 4000, 200, 20_000 * 30, 75],
    ["2k system prompt + 500 tokens of user input, 300 out, 1M requests a month, gpt-4.1 mini", 2500, 300, 1_000_000, 0],
    ["a 2k system prompt, users type ~300 tokens, 400 tokens back, 5k calls a day. deepseek or gpt-5 nano", 2300, 400, 5000 * 30, 0],
    [
      "every request has a 6k system prompt that's identical (cached) plus ~500 tokens of chat history, 120 tokens out. 1M req/month. deepseek vs gpt-5 mini",
      6500,
      120,
      1_000_000,
      (6000 / 6500) * 100,
    ],
    [
      "code review bot: ~900 PR reviews a day. each review prompt is ~12k tokens, 9k of that is the same system prompt + repo guidelines so it's cached. output ~1.5k per review. sonnet 4.5 or gpt-5.4 mini?",
      12_000,
      1500,
      900 * 30,
      75,
    ],
    ["我们的系统提示词 4000 token 有缓存，用户每次再输入 300 token 左右，输出 200，每天 5 万次调用，gemini 2.5 flash 多少钱", 4300, 200, 50_000 * 30, (4000 / 4300) * 100],
    ["每小時平均 3000 則訊息，每則 1200 token 輸入、150 輸出，系統提示 800 token 有快取，deepseek 和 gpt-5 nano 比較", 1200, 150, 3000 * 24 * 30, (800 / 1200) * 100],
    // after 其中 the cached part's clause runs on past a comma
    ["每次输入 2000 token（其中 1500 是固定的系统提示，能命中缓存），回复 200 token，每天 1 万次，gpt-5 mini 多少钱", 2000, 200, 10_000 * 30, 75],
    // 可以缓存, 能够缓存: what may be cached is cached
    ["每天 1.2 万次对话，每轮输入 1500 token（其中 1000 是系统提示可以缓存）输出 200，deepseek 多少钱", 1500, 200, 12_000 * 30, (1000 / 1500) * 100],
  ])("%s", async (line, prompt, out, requests, cachedPercent) => {
    const data = dataOf(await ask(line));
    expect(data.workload).toMatchObject({ inputTokens: prompt * requests, outputTokens: out * requests, promptTokensPerRequest: prompt, cachedPercent });
  });

  it("a context each request carries is its prompt: priced × requests, or 'does not fit' past the model's context", async () => {
    const sonnet = dataOf(await ask("cost of claude sonnet 4.5 if every request carries 150k tokens of context and we make 2000 requests a month with 1k output"));
    expect(sonnet.workload).toMatchObject({ inputTokens: 150_000 * 2000, outputTokens: 1000 * 2000, promptTokensPerRequest: 150_000 });
    const reply = await ask("一次请求带 30 万 token 上下文，每月 1000 次，输出 2000，deepseek 要多少");
    expect(dataOf(reply).workload.promptTokensPerRequest).toBe(300_000);
    expect(model("deepseek-chat").contextWindow).toBeLessThan(300_000);
    expect(dataOf(reply).models.find((m) => m.id === "deepseek-chat")?.cost ?? null).toBeNull();
  });
});

describe("the cached part of each prompt is that share of the input, priced at the cached rate", () => {
  it.each([["prompt 8k，其中 6k 是命中缓存的，每月 50万次请求，回复 600，gpt-5 vs o4-mini"], ["prompt 8k, 6k of it cached, 500k requests a month, 600 out, gpt-5 vs o4-mini"]])(
    "%s",
    async (line) => {
      const data = dataOf(await ask(line));
      expect(data.workload).toMatchObject({ inputTokens: 8000 * 500_000, outputTokens: 600 * 500_000 });
      for (const id of ["gpt-5", "o4-mini"]) {
        const m = model(id);
        const input = 4e9 * (0.25 * m.inputPer1M + 0.75 * m.cachedInputPer1M!);
        expect(data.models.find((priced) => priced.id === id)?.cost).toBeCloseTo((input + 3e8 * m.outputPer1M) / 1e6, 6);
      }
    },
  );
});

describe("a cached part of the month's input is that share of it", () => {
  it.each([["gpt-5 at 100M input tokens a month, 60M of them cached, 10M out"], ["每月输入 1 亿 token，其中 6000 万命中缓存，输出 1000 万，gpt-5"]])("%s", async (line) => {
    const data = dataOf(await ask(line));
    const m = model("gpt-5");
    const input = 1e8 * (0.4 * m.inputPer1M + 0.6 * m.cachedInputPer1M!);
    expect(data.models.find((priced) => priced.id === "gpt-5")?.cost).toBeCloseTo((input + 1e7 * m.outputPer1M) / 1e6, 6);
  });
});

describe("a cached part of a monthly total is that share of the total's input, split at the ratio the answer states", () => {
  it.each([["1B tokens a month, 200M cached, gpt-5"], ["每月 10 亿 token，其中 2 亿命中缓存，gpt-5 多少钱"], ["每月 10 億 token，其中 2 億命中快取，gpt-5 要多少錢"]])(
    "%s",
    async (line) => {
      const reply = await ask(line);
      const m = model("gpt-5");
      const defaults = kb.knowledge.defaultWorkload;
      const input = Math.round(1e9 / (1 + defaults.outputTokens / defaults.inputTokens));
      const cached = Math.round(input * 0.24);
      const expected = ((input - cached) * m.inputPer1M + cached * m.cachedInputPer1M! + (1e9 - input) * m.outputPer1M) / 1e6;
      expect(dataOf(reply).models.find((priced) => priced.id === "gpt-5")?.cost).toBeCloseTo(expected, 6);
      expect(reply.text).toMatch(/24% of input cached|24% 的?输入命中缓存|24% 的?輸入命中快取/);
    },
  );

  it("takes a stated input:output ratio for the split", async () => {
    const data = dataOf(await ask("gpt-5, 1B tokens a month at 3:1, 150M of them cached"));
    const m = model("gpt-5");
    expect(data.models.find((priced) => priced.id === "gpt-5")?.cost).toBeCloseTo((600e6 * m.inputPer1M + 150e6 * m.cachedInputPer1M! + 250e6 * m.outputPer1M) / 1e6, 6);
  });
});

describe("a self-hosting question weighed against the API, with a volume and no model, is the self-hosting overview", () => {
  it.each([
    ["一个月 30 亿 token，自建开源模型会比 API 便宜吗"],
    ["一個月 30 億 token，自架開源模型會比 API 便宜嗎"],
    ["at 3B tokens a month, would self-hosting an open model be cheaper than the API?"],
  ])("%s", async (line) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(true);
    expect(reply.command).toBe("selfhost");
    expect(reply.text).toMatch(/30亿|30億|3B tokens/);
  });

  it("says the overview does not choose by a need it names ('an open vision model')", async () => {
    const reply = await ask("would self-hosting an open vision model beat the API at 3B tokens a month?");
    expect(reply.command).toBe("selfhost");
    expect(reply.text).toContain("needs vision");
    expect(reply.text).toContain("does not choose them by the needs above");
    const plain = await ask("at 3B tokens a month, would self-hosting an open model be cheaper than the API?");
    expect(plain.text).not.toContain("does not choose them");
  });
});

describe("a cached part said to be of the prompt may name what it is first", () => {
  it("'3k of that is the system prompt which is cached'", async () => {
    const reply = await ask("each call is ~5k tokens in, 4k of that is the system prompt which is cached, answer ~200 tokens, 10k calls a day, gpt-4.1 mini");
    const { workload } = reply.data as unknown as { workload: AnswerData["workload"] & { cachedPercent?: number } };
    expect(workload).toMatchObject({ inputTokens: 5000 * 300_000, outputTokens: 200 * 300_000, promptTokensPerRequest: 5000, cachedPercent: 80 });
  });
});

describe("a fixed, cached system prompt and the asker's part of each prompt add up", () => {
  it.each([
    ["系统提示词 5000 token 是固定的（走缓存），用户问题加上下文大概 1000，输出 300，每天 2 万次，gpt-4.1 mini", 6000, 300, 500 / 6],
    ["系統提示詞 3000 token 都有快取，加上使用者訊息約 1000，輸出 200，每天 1 萬次，gpt-4.1 mini", 4000, 200, 75],
    ["system prompt of 5k tokens (cached) + user message ~1k, 300 out, 20k calls a day, gpt-4.1 mini", 6000, 300, 500 / 6],
    ["每次调用都带一段 6000 token 的固定系统提示（能命中缓存），再加用户内容大约 2000 token，回复 400。每天２万次，gpt-5 mini", 8000, 400, 75],
    ["每次請求都有 3,000 token 是固定的系統提示（有開快取），再加使用者內容大約 1,000，回覆 250。每天 1 萬次，gpt-4.1 mini", 4000, 250, 75],
    [
      "every request carries the same 12k-token instruction block (prompt cached) plus ~4k tokens of the actual clause, ~800 tokens back, 20k requests a day, gpt-5",
      16_000,
      800,
      75,
    ],
  ])("%s", async (line, prompt, out, cached) => {
    const { workload } = (await ask(line)).data as unknown as { workload: AnswerData["workload"] & { cachedPercent?: number } };
    const requests = workload.inputTokens / prompt;
    // the share unrounded: a cost computed from it matches one computed from the tokens themselves
    expect(workload).toMatchObject({ promptTokensPerRequest: prompt, outputTokens: out * requests, cachedPercent: expect.closeTo(cached, 9) });
    expect([20_000 * 30, 10_000 * 30]).toContain(requests);
  });
});

describe("reasoning said as a multiple of the visible reply is billed as output, and said so", () => {
  it.each([
    [
      "o3 vs o4-mini for a reasoning-heavy agent, 2M requests/mo, 3k in 2k out, and assume reasoning tokens are 3x the visible output",
      2_000_000 * 2000 * 4,
      "output counted with reasoning at 3× the visible reply",
    ],
    ["o3 和 o4-mini，每月 200 万次请求，每次输入 3000 输出 2000，推理 token 大约是输出的 3 倍", 2_000_000 * 2000 * 4, "输出含推理 Token（可见回复的 3 倍）"],
    // a total split at the ratio said, then the reasoning added to its output
    ["每月 3千万 token，输入输出比 4比1，推理 token 大约是输出的 2 倍，o3 和 o4-mini 哪个便宜", 6e6 * 3, "输出含推理 Token（可见回复的 2 倍）"],
    // no volume said: the default workload's output and its reasoning
    ["o4-mini, reasoning 3x the output", null, "output counted with reasoning at 3× the visible reply"],
    [
      "math tutor app: 200k questions/mo, ~500 tok in, ~300 visible out, reasoning maybe 5x the answer. ds r1 vs o4-mini vs gemini 2.5 flash?",
      200_000 * 300 * 6,
      "output counted with reasoning at 5× the visible reply",
    ],
  ])("%s", async (line, output, said) => {
    const reply = await ask(line);
    expect(reply.command).toBe("compare");
    expect(dataOf(reply).workload.outputTokens).toBe(output ?? kb.knowledge.defaultWorkload.outputTokens * 4);
    expect(reply.text).toContain(said);
    // the reasoning is counted, so the cost is no floor
    expect(reply.text).not.toMatch(/treat (?:its|their) costs? as a floor|请把费用视为下限/u);
    expect(reply.text).toMatch(/visible reply is in the output above|已按你给的可见回复的/u);
  });
});

describe("an electricity price is what owned GPUs pay for power; money with no rate is named back", () => {
  it.each([
    ["we run llama 3.3 70b on our own 4 A100s, 30M tokens a day, power costs 0.15 per kWh", 0.15, "electricity $0.15/kWh"],
    ["llama 3.3 70b on 4 A100s we bought, 30M tokens a day, electricity $0.12/kWh", 0.12, "electricity $0.12/kWh"],
    // in yuan: at the knowledge's rate, however many decimals that makes
    ["我们自己有 4 张 A100 跑 llama 3.3 70b，每天 3000 万 token，电费一度 0.8 元", { yuan: 0.8 }, "电价每度"],
    ["四张 A100 跑 llama 3.3 70b，电费一度 0.6 元，卡是自己的，每月 9 亿 token", { yuan: 0.6 }, "电价每度"],
  ])("%s", async (line, price, said) => {
    const usdPerKwh = typeof price === "number" ? price : price.yuan / kb.knowledge.currency.usdToCny.rate;
    const reply = await ask(line);
    expect(reply.command).toBe("selfhost");
    const costs = reply.data.costs as { electricityUsdPerMonth: number; rentalUsdPerMonth: number };
    // an A100 SXM's 400 W board power, four of them, all month
    expect(costs.electricityUsdPerMonth).toBeCloseTo(4 * 0.4 * kb.knowledge.serving.hoursPerMonth * usdPerKwh, 6);
    expect(costs.rentalUsdPerMonth).toBe(0);
    expect(reply.text).toContain(said);
  });

  it("电費一度 3 元台幣 is named back: no rate for NT$", async () => {
    const reply = await ask("我們想在公司內部用 4 張 A100 跑 llama 3.3 70b，每天大概 3000 萬 token，電費一度 3 元台幣");
    expect(reply.ok).toBe(false);
    expect(reply.text).toContain("“3 元台幣”");
  });
});

describe("the people a usage is for get each one's share of a comparison's month", () => {
  it.each([
    ["per seat cost for 200 developers using claude sonnet 4.5 in the IDE, each ~2M tokens a month", 200, "Per person (200 people): Claude Sonnet 4.5 $10.00 a month."],
    ["每个学生每天问 10 个问题，全校 3000 个学生，每个问题 500 token 输入，回答 800 token，deepseek 和 gpt-4o mini 哪个便宜", 3000, "人均（3,000 人）每月："],
  ])("%s", async (line, people, said) => {
    const reply = await ask(line);
    const models = reply.data.models as { name: string; cost: number | null }[];
    expect(reply.text).toContain(said);
    // each model's month over the people, as the money is shown
    for (const m of models) expect(reply.text).toContain(`${m.name} ${formatUsd(m.cost! / people)}`);
  });

  it("counts the requests of every student: 3000 students × 10 questions a day", async () => {
    const data = dataOf(await ask("每个学生每天问 10 个问题，全校 3000 个学生，每个问题 500 token 输入，回答 800 token，deepseek 多少钱"));
    expect(data.workload).toMatchObject({ inputTokens: 3000 * 10 * 30 * 500, outputTokens: 3000 * 10 * 30 * 800 });
  });
});

describe("a cached part the prompt is said to include, in English or in Hong Kong's words", () => {
  it.each([
    ["support copilot: 400 agents, each ~60 tickets/day, ~3k tokens in (incl 2k system prompt we cache) and 250 out. 4.1 mini vs haiku", 3000, 250, 400 * 60 * 30],
    ["客服機器人每天 3000 個客人，每人平均 6 輪對話，每輪輸入 1500 token（其中 1000 係 system prompt 有 cache），輸出 250，用 haiku 4.5 一個月幾錢", 1500, 250, 3000 * 6 * 30],
  ])("%s", async (line, prompt, out, requests) => {
    const reply = await ask(line);
    expect(dataOf(reply).workload).toMatchObject({
      promptTokensPerRequest: prompt,
      inputTokens: prompt * requests,
      outputTokens: out * requests,
      cachedPercent: expect.closeTo(200 / 3, 9),
    });
    // the support copilot is customer support, not a coding assistant
    expect(reply.text).not.toMatch(/for coding|用於程式/u);
  });
});

describe("a cache share said in 成 or in Hong Kong's words", () => {
  it.each([
    ["claude opus 4.7 走 batch 接口，每月 5亿 输入 5000万 输出，其中三成输入能命中缓存，要多少钱", 30],
    ["我哋公司每個月大概用 3 億 token，七成係 input，一半有 cache，用 claude haiku 4.5 定 gpt-5 mini 平啲？", 50],
    ["kimi k2.5 vs glm 4.6 for 2B tokens a month, 90% input, about half the input hits cache", 50],
  ])("%s", async (line, cached) => {
    expect(dataOf(await ask(line)).workload).toMatchObject({ cachedPercent: cached });
  });
});

describe("Chinese ability said in Hong Kong's words, or by translating to or from Chinese", () => {
  it.each([
    ["做中英互譯，邊個模型最平？要識中文，每個月大概 2 億 token，七成係 input"],
    ["做中英互譯，邊個模型最平？每個月大概 2 億 token"],
    ["哪個模型做翻譯最便宜？每個月 1.5億 token，中文要夠好（繁體）"],
  ])("%s", async (line) => {
    const u = (await ask(line)).data.understanding as { constraints: { chinese?: boolean }; tasks: string[] };
    expect(u.constraints.chinese).toBe(true);
    expect(u.tasks).toContain("translation");
  });
});

describe("what owned GPUs cost to buy and the months they are written off over", () => {
  it.each([
    ["电费一度 0.6 元，我们自己买了 8 张 H20 跑 deepseek v3，每张 9 万元，按 3 年摊，每月 20亿 token 值不值", 8, { yuan: 90_000 }, 36],
    ["we bought 4 h100s at $25k each, amortized over 36 months, to run llama 3.3 70b at 1B tokens a month", 4, 25_000, 36],
    ["我们自己买了 2 张 H100 跑 llama 3.3 70b，每张 20 万元，按两年摊，每月 5 亿 token", 2, { yuan: 200_000 }, 24],
    // the price per card with no sign, the years after it as "4y"; the month's 15B is the volume, not the 35k
    ["self host deepseek r1 on 8x h200 we own, bought 35k each, 4y, power 0.10 kwh, ~15B tok/mo mostly batch", 8, 35_000, 48],
    ["我想自己買 2 張 H100 跑 gpt-oss-120b，每張 3 萬美金，攤 24 個月，電費每度 0.15 美元，每月 3 億 token，跟 API 比起來怎樣", 2, 30_000, 24],
  ])("%s", async (line, gpus, price, months) => {
    const reply = await ask(line);
    expect(reply.command).toBe("selfhost");
    const usd = typeof price === "number" ? price : price.yuan / kb.knowledge.currency.usdToCny.rate;
    const costs = reply.data.costs as { amortizationUsdPerMonth: number };
    expect(costs.amortizationUsdPerMonth).toBeCloseTo((gpus * usd) / months, 2);
  });
});

describe("a share of the volume said in 成 is that side's", () => {
  it.each([["gpt-4o 跟 gpt-4.1 誰比較貴？一個月 3 億 token，七成輸入"], ["gpt-4o 和 gpt-4.1，每月 3 亿 token，输出占三成"]])("%s", async (line) => {
    expect(dataOf(await ask(line)).workload).toMatchObject({ inputTokens: 210_000_000, outputTokens: 90_000_000 });
  });
});

describe("a cache turned on says what the month costs with nothing cached", () => {
  it.each([
    ["if we cache the 4k system prompt, how much does gpt-5 save on 1M requests of 5k in 500 out?", "With nothing cached: GPT-5 "],
    ["gpt-5 每月 100 万次请求，每次输入 5000 输出 500，其中 4000 是命中缓存的", "不计缓存时：GPT-5 "],
  ])("%s", async (line, said) => {
    const reply = await ask(line);
    const data = dataOf(reply);
    expect(data.workload).toMatchObject({ inputTokens: 5_000_000_000, outputTokens: 500_000_000, promptTokensPerRequest: 5000, cachedPercent: 80 });
    const gpt5 = model("gpt-5");
    // the cached 80% of the input at the input price instead of the cached one
    const uncached = data.models[0]!.cost! + (5_000_000_000 * 0.8 * (gpt5.inputPer1M - gpt5.cachedInputPer1M!)) / 1e6;
    expect(reply.text).toContain(`${said}${formatUsd(uncached)}`);
  });
});

describe("a cached share is kept unrounded, so the cost is the tokens' own", () => {
  it("2k cached of a 3k prompt prices 2/3 of the input at the cached rate, exactly", async () => {
    const reply = await ask("we run a RAG bot, ~30k queries a day, each ~3k tokens in (2k of it a cached system prompt) and 250 out. gpt-4.1 mini?");
    const m = model("gpt-4.1-mini");
    const requests = 30_000 * 30;
    const expected = (requests * (1000 * m.inputPer1M + 2000 * m.cachedInputPer1M! + 250 * m.outputPer1M)) / 1e6;
    expect(dataOf(reply).models.find((x) => x.id === "gpt-4.1-mini")?.cost).toBeCloseTo(expected, 6);
    expect(reply.text).toContain("66.7% of input cached");
  });
});

describe("a range of counts is one error naming it, never one of its ends", () => {
  it.each([["每天 5000到8000次请求，每次 1k 输入 300 输出，gpt-5 mini"], ["between 200 to 300 requests a day, 2k in 300 out, gpt-5 mini"]])("%s", async (line) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(false);
    expect(reply.text).toMatch(/“5000到8000”|"200 to 300"/);
  });
});

describe("a volume a day is thirty of them a month, whatever the verb", () => {
  it.each([["每天大概烧 300 万 token，gpt-5 mini"], ["每天大概跑 300 萬 token，gpt-5 mini 要多少錢"]])("%s", async (line) => {
    const { workload } = dataOf(await ask(line));
    expect(workload.inputTokens + workload.outputTokens).toBe(3e6 * 30);
  });
});

describe("money in a currency with no rate is named back with its unit, as typed", () => {
  it.each([["每月有 8000 蚊預算，用 gpt-5.4 同 kimi k2.5 各可以用幾多 token？", "“8000 蚊”"]])("%s: Hong Kong's 蚊", async (line, named) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(false);
    expect(reply.text).toContain(named);
  });

  it("每月預算 3000 港幣", async () => {
    const reply = await ask("每月預算 3000 港幣，gpt-5 mini 能用多少 token？");
    expect(reply.ok).toBe(false);
    expect(reply.text).toContain("“3000 港幣”");
  });
});

describe("a monthly volume is read in the shorthands of team chats", () => {
  it.each([
    ["每月 6000w token 用 deepseek 要多少钱", 50e6, 10e6],
    ["claude opus 4.1，月输入 3kw token，输出 500w", 30e6, 5e6],
    ["每月大约处理两千万 token 的输入和五百万的输出，用 claude sonnet 4.5 要花多少", 20e6, 5e6],
    ["输入token每月约三亿，输出约五千万，glm 4.7 多少钱", 300e6, 50e6],
    ["sonnet vs haiku vs 4o-mini, 5M/1M", 5e6, 1e6],
    ["monthly: 250M prompt tokens, 25M completion tokens. o4-mini vs gpt-4.1", 250e6, 25e6],
    ["we expect 1.2B tokens a year on claude haiku 4.5, how much per month?", 1e9 / 12, 0.2e9 / 12],
    ["一年 12 亿 token 用 deepseek 大概多少钱", 1e9 / 12, 0.2e9 / 12],
    ["gpt-4.1 nano, 70 million tokens a week", (70e6 * 30 * 5) / 42, (70e6 * 30) / 42],
    // a slash after a side separates the sides, never "per"
    ["grok 4 vs mistral large 3 for 300M in/100M out", 300e6, 100e6],
    // Hong Kong's 係 ("is") before a side
    ["我哋公司每個月大概用 3 億 token，七成係 input，一半有 cache，用 claude haiku 4.5 定 gpt-5 mini 平啲？", 210e6, 90e6],
    // hundreds in words before a magnitude, and tokens burnt are no money
    ["our analytics copilot will burn one hundred fifty million input tokens and thirty million output tokens a month — o4-mini vs o3", 150e6, 30e6],
    ["a hundred and fifty million in, thirty million out, gpt-5", 150e6, 30e6],
    // a month's prompts, not one prompt of that size
    ["每月 600 万 token 的提示词，gpt-5", 5e6, 1e6],
  ])("%s", async (line, input, output) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(true);
    const { workload } = dataOf(reply);
    expect(workload.inputTokens).toBeCloseTo(input, -1);
    expect(workload.outputTokens).toBeCloseTo(output, -1);
  });
});

describe("an amount that is no amount is an error naming it, never priced", () => {
  it.each([
    ["gpt-5 mini for negative 5 million tokens a month", "negative 5 million"],
    ["deepseek vs gpt-4o for minus 10M tokens per month", "minus 10M"],
    ["price of gpt-5 nano at 3 trillion trillion tokens", "3 trillion trillion"],
    ["claude sonnet 4.5 每月十的二十次方 token 要多少钱", "十的二十次方"],
    ["we process 2 million words a month, gpt-4o mini vs haiku 4.5", "2 million words"],
    ["每月处理 500 万字，deepseek 和 qwen plus 哪个便宜", "500 万字"],
    ["我想用 gpt-5 做英文作文批改，每篇 800 词左右，每天 500 篇，大概多少钱？", "800 词"],
    ["每月 5 GB 的 token 用 gpt-4o 要多少錢", "5 GB 的 token"],
  ])("%s", async (line, named) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(false);
    expect(dataOf(reply).error?.code).toBe("bad_input");
    expect(reply.text).toContain(named);
  });
});

describe("a name copied from an API or a hub is the model the knowledge has; a name it lacks is named back, never dropped", () => {
  it.each([
    ["claude-sonnet-4-5-20250929 vs gpt-5-2025-08-07 for 10M in / 2M out", ["claude-sonnet-4-5", "gpt-5"]],
    ["qwen2.5-72b-instruct vs llama-3.3-70b-instruct, 100M tokens", ["qwen2.5-72b", "llama-3.3-70b"]],
    ["gemini-2.5-flash-preview-05-20 vs gpt-4o-mini, 10M tokens", ["gemini-2.5-flash", "gpt-4o-mini"]],
    ["deepseek-ai/DeepSeek-V3 vs Qwen/Qwen3-235B-A22B for 50M in 10M out", ["deepseek-chat", "qwen3-235b-a22b"]],
    ["claude 4.5 sonnet vs gemini 2.5 pro, 20M in 4M out", ["claude-sonnet-4-5", "gemini-2.5-pro"]],
    ["4o vs 4.1 vs o3, 10M in 2M out", ["gpt-4o", "gpt-4.1", "o3"]],
    ["haiku vs 4.1-mini vs flash 2.5, 20M", ["claude-haiku-4-5", "gpt-4.1-mini", "gemini-2.5-flash"]],
  ])("%s", async (line, ids) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(true);
    expect(dataOf(reply).models.map((m) => m.id)).toEqual(ids);
  });

  // OpenAI's Responses-API-only models are in the price map as mode "responses"; "Command R+" is command-r-plus
  it.each([
    ["o3-pro vs o3, 5M in 1M out", "o3-pro", 5 * 20 + 1 * 80],
    ["gpt-5 pro 和 gpt-5 哪个便宜，输入 5M 输出 1M", "gpt-5-pro", 5 * 15 + 1 * 120],
    ["mistral medium vs command r+ vs llama 4 maverick, 5M in 1M out", "command-r-plus", 5 * 2.5 + 1 * 10],
  ])("%s prices %s beside the others", async (line, id, usd) => {
    const data = dataOf(await ask(line));
    expect(data.unknown ?? []).toEqual([]);
    expect(data.models.find((m) => m.id === id)?.cost).toBeCloseTo(usd, 6);
  });

  it("a dated snapshot priced unlike today's model stays that snapshot", async () => {
    const ids = dataOf(await ask("gpt-4o-2024-05-13 vs gpt-4o for 10M tokens")).models.map((m) => m.id);
    expect(ids).toContain("gpt-4o");
    expect(ids).not.toEqual(["gpt-4o"]);
  });

  it.each([
    ["字节的豆包 pro 32k 和 gpt-4o-mini 比，每月2000万 token", "豆包 pro 32k", 20e6],
    ["阶跃星辰 step-2 和 kimi 哪个便宜", "阶跃星辰 step-2", null],
    ["llama 3.1 405b vs mistral large vs reka core, 10M", "reka core", 10e6],
    ["o3-ultra vs o3, 5M in 5M out", "o3-ultra", 10e6],
    ["通义千问2.5-Max 和 gpt-4o 每月3000万token", "通义千问2.5-Max", 30e6],
    ["grok 4 heavy vs grok 4, 10M tokens", "grok 4 heavy", 10e6],
    ["盤古大模型 跟 智譜 比價，一個月 1.2億", "盤古大模型", 1.2e8],
  ])("%s", async (line, name, total) => {
    const reply = await ask(line);
    const data = dataOf(reply);
    expect(data.unknown?.map((u) => u.name)).toEqual([name]);
    expect(reply.lead).toContain(name);
    // the name's own numbers ("32k") are no volume
    if (total !== null) expect(data.workload.inputTokens + data.workload.outputTokens).toBeCloseTo(total, -1);
    // and the name is not priced as another model it starts with
    if (name.startsWith("通义千问")) expect(data.models.map((m) => m.id)).toEqual(["gpt-4o"]);
  });
});

describe("two words for one family are one question", () => {
  it("谷歌的 gemini vs a model every Gemini is cheaper than: answered, not asked back", async () => {
    const reply = await ask("谷歌的 gemini 和 claude opus 4.5 哪个贵");
    expect(reply.ok).toBe(true);
    expect(dataOf(reply).intent).not.toBe("clarify");
    expect(dataOf(reply).models.map((m) => m.id)).toContain("claude-opus-4-5");
  });
});

describe("an input:output split is read however it is written", () => {
  it.each([
    ["gpt-5 vs claude sonnet 4.5 at 80M tokens, 80/20 input/output", 64e6, 16e6],
    ["gpt-4.1 vs o4-mini, 50M tokens, 75% input 25% output", 37.5e6, 12.5e6],
    ["gpt-5 和 claude sonnet 4.5，每月 8000 万 token，输入输出 4比1", 64e6, 16e6],
    ["deepseek 和 gpt-5 mini 每月 3000 万 token，输入占 80%", 24e6, 6e6],
  ])("%s", async (line, input, output) => {
    const { workload } = dataOf(await ask(line));
    expect(workload.inputTokens).toBeCloseTo(input, -1);
    expect(workload.outputTokens).toBeCloseTo(output, -1);
  });
});

describe("an accelerator the knowledge has no specs for is named back, not left out", () => {
  it("a TPU turns the question into a self-hosting one that names it", async () => {
    const reply = await ask("gpt-oss-120b on a TPU v5e, cheaper than the api?");
    expect(reply.text.toLowerCase()).toContain("tpu v5e");
    expect(dataOf(reply).models?.some((m) => m.cost !== null) ?? false).toBe(false);
  });

  it.each([["昇腾910c 八卡跑 deepseek 自建多少钱"], ["昇騰910C 八卡自架 deepseek 要多少錢"]])("%s: named whole, brand and all", async (line) => {
    const reply = await ask(line);
    expect(reply.text).toMatch(/“昇腾910c”|“昇騰910C”/);
  });
});

describe("every item of a comparison is priced or named back: none is dropped or swapped for another model", () => {
  it.each([
    ["gpt-4o vs reka core, 10M tokens", "reka core", ["gpt-4o"]],
    ["yi-lightning vs deepseek for 20M tokens a month", "yi-lightning", ["deepseek-chat"]],
    ["书生 和 deepseek 哪个便宜", "书生", ["deepseek-chat"]],
    ["gpt-4o vs glm-z1 vs claude haiku 4.5, 50M tokens", "glm-z1", ["gpt-4o", "claude-haiku-4-5"]],
    // a version the knowledge lacks is that version, not the family's current model
    ["deepseek v2 vs gpt-4o mini, 10M tokens", "deepseek v2", ["gpt-4o-mini"]],
    ["minimax m1 和 kimi k2 每月 5000 万 token", "minimax m1", ["kimi-k2"]],
    // a list joined by commas and "and", the name first or in the middle
    ["compare reka core, mistral large and haiku 4.5 for 36M in / 6M out", "reka core", ["mistral-large-3", "claude-haiku-4-5"]],
    ["compare mistral large, reka core and haiku 4.5 at 10M tokens", "reka core", ["mistral-large-3", "claude-haiku-4-5"]],
  ])("%s", async (line, name, ids) => {
    const reply = await ask(line);
    const data = dataOf(reply);
    expect(data.unknown?.map((u) => u.name)).toEqual([name]);
    expect(reply.lead).toContain(name);
    expect(data.models.map((m) => m.id)).toEqual(ids);
  });

  it.each([
    ["is gpt-5 mini cheaper than self-hosting or the api for 10M tokens", ["gpt-5-mini"]],
    ["gpt-4o vs claude sonnet 4.5 for coding or writing, 20M tokens", ["gpt-4o", "claude-sonnet-4-5"]],
    ["hi team, gpt-5 or deepseek for 10M tokens?", ["gpt-5", "deepseek-chat"]],
    ["gpt-5 mini, thanks!", ["gpt-5-mini"]],
    ["what does gpt-5 mini cost, right?", ["gpt-5-mini"]],
    ["price of haiku 4.5 and friends", ["claude-haiku-4-5"]],
    ["gpt-5 mini 和 deepseek 哪个便宜，谢谢", ["gpt-5-mini", "deepseek-chat"]],
    ["gpt-5 mini cost at 1,000 requests a day of 2k in, 500 out", ["gpt-5-mini"]],
    ["gpt-5, deepseek and claude haiku 4.5, 50M tokens, which is cheapest", ["gpt-5", "deepseek-chat", "claude-haiku-4-5"]],
  ])("words that are no model are not named back: %s", async (line) => {
    const data = dataOf(await ask(line));
    expect(data.unknown ?? []).toEqual([]);
  });
});

describe("a request's prompt is read from its parts, and the users who send the requests count", () => {
  it.each([
    ["each request has a 3k-token system prompt (cached) plus 1k of user text, 500 out, 100k requests/month, claude sonnet 4.5", 4000, 500, 100_000, 75],
    ["每次请求 5000 token，其中 4000 是命中缓存的系统提示词，输出 300，每月 50 万次，deepseek", 5000, 300, 500_000, 80],
    ["input 2k tokens/request; output 500 tokens/request; volume: 1.5M requests/month; gpt-5 nano", 2000, 500, 1.5e6, 0],
    ["40k daily active users, each making ~5 requests a day of 1k tokens, gpt-4.1 nano", 1000, 200, 40_000 * 5 * 30, 0],
    ["日活 1 万，人均每天 10 次对话，每次 2000 token，gpt-4o-mini 每月多少钱", 2000, 400, 10_000 * 10 * 30, 0],
  ])("%s", async (line, prompt, out, requests, cached) => {
    const reply = await ask(line);
    const data = reply.data as unknown as AnswerData & { workload: { cachedPercent?: number } };
    expect(data.workload).toMatchObject({ inputTokens: prompt * requests, outputTokens: out * requests, promptTokensPerRequest: prompt });
    expect(data.workload.cachedPercent ?? 0).toBe(cached);
  });
});

describe("a request's size is read from the pieces it is made of and the words for an input", () => {
  it.each([
    ["RAG: each query stuffs 20 chunks of 500 tokens, 10k queries a month, gpt-4o mini", 10_000, 2000, 10_000],
    ["RAG 每次检索 20 段、每段 500 token，每月 1 万次查询，gpt-4o mini 多少钱", 10_000, 2000, 10_000],
    ["we send 240k tokens of context with every call, 500 calls a month. gpt-5 or gpt-4.1?", 240_000, 48_000, 500],
    ["gpt-4.1 mini for 700k-token inputs, 40 runs per month", 700_000, 140_000, 40],
    ["每次输入长度 8000，输出长度 1000，月调用 10 万次，gpt-5 mini 和 deepseek 哪个划算", 8000, 1000, 100_000],
  ])("%s", async (line, prompt, out, requests) => {
    const data = dataOf(await ask(line));
    expect(data.workload).toMatchObject({ inputTokens: prompt * requests, outputTokens: out * requests, promptTokensPerRequest: prompt });
  });

  it("a prompt put in at once past the model's context does not fit", async () => {
    const reply = await ask("gpt-4o 一次塞 20 万 token 进去，每月 100 次");
    expect(dataOf(reply).workload.promptTokensPerRequest).toBe(200_000);
    expect(model("gpt-4o").contextWindow).toBeLessThan(200_000);
    expect(dataOf(reply).models.find((m) => m.id === "gpt-4o")?.cost ?? null).toBeNull();
  });

  it("a model that does not fit shows its list prices and no long-context pricing said to be used", async () => {
    // past Claude Sonnet 4.5's 1M beta window too
    const reply = await ask("per request: a 1.2M token prompt with 2k out, 30 requests a month. claude sonnet 4.5 vs gpt-4.1");
    const sonnet = model("claude-sonnet-4-5");
    const row = reply.table!.rows.find((r) => r[0] === sonnet.name)!;
    expect(row.at(-1)).toBe("does not fit");
    expect(row.slice(2, 4)).toEqual([formatUsd(sonnet.inputPer1M), formatUsd(sonnet.outputPer1M)]);
    expect(reply.text).not.toMatch(/Claude Sonnet 4\.5: prompts above .* long-context prices, used here/u);
  });
});

describe("nothing, everything or a made-up amount is an error naming it", () => {
  it.each([
    ["gpt-5 for 0 tokens a month", "0"],
    ["gpt-5 mini 0 requests a month, 2k tokens each", "0"],
    ["gpt-5 with unlimited tokens", "unlimited tokens"],
    ["deepseek 每月无限 token 多少钱", "无限 token"],
    ["gpt-5 for a gazillion tokens", "a gazillion tokens"],
    ["budget of -$100 a month, cheapest model", "-$100"],
  ])("%s", async (line, named) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(false);
    expect(dataOf(reply).error?.code).toBe("bad_input");
    expect(reply.text).toContain(`${named}`);
  });
});

describe("shorthands of the table's models are those models", () => {
  it.each([
    ["gpt-4o vs deepseek 3.2 vs claude haiku 4.5, 10M tokens", ["gpt-4o", "deepseek-chat", "claude-haiku-4-5"]],
    ["dpsk vs gpt-4o mini, 10M tokens", ["deepseek-chat", "gpt-4o-mini"]],
    ["2.5 pro vs 2.5 flash for 20M tokens", ["gemini-2.5-pro", "gemini-2.5-flash"]],
    // one model typed in two forms is one model, and no name to give back
    ["haiku-4.5 vs gpt-4o, or is claude haiku 4.5 too dear? 10M tokens", ["claude-haiku-4-5", "gpt-4o"]],
  ])("%s", async (line, ids) => {
    const data = dataOf(await ask(line));
    expect(data.models.map((m) => m.id)).toEqual(ids);
    expect(data.unknown ?? []).toEqual([]);
  });
});

describe("a comparison item a typo or two away from a model's name is that model, said so", () => {
  it.each([
    ["claude sonet 4.5 vs gpt5, 20M in / 5M out", ["claude-sonnet-4-5", "gpt-5"], "claude sonet 4.5"],
    ["gpt-4o vs claud haiku 4.5, 10M tokens", ["gpt-4o", "claude-haiku-4-5"], "haiku 4.5"],
  ])("%s", async (line, ids, typed) => {
    const reply = await ask(line);
    expect(dataOf(reply).models.map((m) => m.id)).toEqual(ids);
    // the answer says which words it read as the model
    expect(reply.lead).toContain(typed);
  });
});

describe("everyday words beside 'vs' are no model; accelerators people rent are named back", () => {
  it.each([
    "self-host llama 3.3 70b on 2 H100s, worth it vs the api?",
    "we own 4 L40S (paid ~8k each, write off over 3 yrs), power 0.12/kWh. qwen 3 32b for ~800M tok/mo — cheaper than api?",
    "how many h100s to serve ds v3 at ~3000 tok/s for our agent fleet, rented? and whats the monthly vs api at 5B tok/mo",
  ])("a self-hosting question weighed against the api names nothing back: %s", async (line) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(true);
    expect((reply.data as { unknown?: unknown[] }).unknown ?? []).toEqual([]);
  });

  it.each([
    ["self-host llama 3.3 70b on a P40, worth it vs the api?", "p40"],
    ["用 RTX PRO 6000 自建 qwen3 32b 划算吗", "rtx pro 6000"],
  ])("%s", async (line, gpu) => {
    const reply = await ask(line);
    expect(reply.text.toLowerCase()).toContain(gpu);
  });
});

describe("hosts and everyday Chinese words beside 'or'/'还是' are no model names", () => {
  it.each(["is groq or together cheaper for llama 70b", "文章里说 deepseek 多少钱？现在还是这个价吗"])("%s", async (line) => {
    const reply = await ask(line);
    expect((reply.data as { unknown?: unknown[] }).unknown ?? []).toEqual([]);
  });
});

describe("Chinese numbers made of several magnitudes are read whole", () => {
  it.each([
    ["gpt-5 每月 一亿五千万 token 多少钱", 150e6],
    ["gpt-5 每月 1亿5千万 token 多少钱", 150e6],
    ["deepseek 每月 2亿3000万 token", 230e6],
    ["gpt-5 每月 1億5千萬 token 要多少錢", 150e6],
  ])("%s", async (line, total) => {
    const { workload } = dataOf(await ask(line));
    expect(workload.inputTokens + workload.outputTokens).toBeCloseTo(total, -1);
  });
});

describe("a request's sides and count in the shortest forms", () => {
  it.each([
    ["gpt-4.1 mini: per call 3k/500 tokens, 200k calls/month", 3000, 500, 200_000],
    ["gpt-4.1 mini, avg request 2k tokens input, 400 output; 500k/mo", 2000, 400, 500_000],
    ["gpt-4.1 mini prompt=4k completion=1k requests=100k", 4000, 1000, 100_000],
    ["gpt-4.1 mini 每个请求 5k/800 token，每月 10 万", 5000, 800, 100_000],
  ])("%s", async (line, prompt, out, requests) => {
    const data = dataOf(await ask(line));
    expect(data.workload).toMatchObject({ inputTokens: prompt * requests, outputTokens: out * requests, promptTokensPerRequest: prompt });
  });

  it("a bare monthly amount with no request size is still a token volume", async () => {
    const data = dataOf(await ask("gpt-5 每月 5000万，多少钱"));
    expect(data.workload.inputTokens + data.workload.outputTokens).toBe(50e6);
  });
});

describe("a workload given per request stays per request through follow-ups", () => {
  it("a new prompt size, then a new request count, re-derive the month; a new model keeps them", async () => {
    const { answerLine } = await import("../src/adapters/cli/session.ts");
    const { composeDispatcher } = await import("../src/runtime/compose.ts");
    const { readConfig } = await import("../src/config/config.ts");
    const { fixedKnowledge } = await import("../src/core/knowledge/store.ts");
    const dispatcher = composeDispatcher(readConfig({}), fixedKnowledge(kb), undefined, { limited: false });
    const turn = async (line: string) => dataOf(await answerLine(dispatcher, line, "per-request-follow-ups")).workload;
    expect(await turn("deepseek，每次请求输入 3000 token，输出 500，每月 20 万次")).toMatchObject({ inputTokens: 600e6, outputTokens: 100e6 });
    expect(await turn("如果每次输入 6000 呢")).toMatchObject({ inputTokens: 1200e6, outputTokens: 100e6, promptTokensPerRequest: 6000 });
    expect(await turn("每月 50 万次呢")).toMatchObject({ inputTokens: 3000e6, outputTokens: 250e6 });
    expect(await turn("换成 gpt-5 mini")).toMatchObject({ inputTokens: 3000e6, outputTokens: 250e6 });
  });
});

describe("a range is named back, never priced at one of its ends without a word", () => {
  it.each([
    ["gpt-5 for 50-100M tokens a month", "50-100M"],
    ["gpt-5 for 50 to 100M tokens", "50 to 100M"],
    ["deepseek 每月 5000万到1亿 token 多少钱", "5000万到1亿"],
  ])("%s", async (line, named) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(false);
    expect(dataOf(reply).error?.code).toBe("bad_input");
    expect(reply.text).toContain(named);
  });
});

describe("amounts written the ways people write them are read, never dropped for the default", () => {
  it.each([
    ["gpt-5 for 50 mn tokens", 50e6],
    ["gpt-5 for 1.2 bil tokens", 1.2e9],
    ["gpt-5 for 50MTok a month", 50e6],
    ["gpt-5 for 50.000.000 tokens", 50e6],
    ["gpt-5 for 50 000 000 tokens", 50e6],
    ["gpt-5 for 1,5 Mio tokens", 1.5e6],
    ["gpt-5 for fifty million tokens", 50e6],
    ["gpt-5 for half a billion tokens", 500e6],
    ["gpt-5 for twenty-five million tokens", 25e6],
    ["gpt-5 每月 半亿 token", 50e6],
  ])("%s", async (line, total) => {
    const { workload } = dataOf(await ask(line));
    expect(workload.inputTokens + workload.outputTokens).toBeCloseTo(total, -1);
  });
});

describe("a maker or host named beside its model qualifies it, and is no model or question of its own", () => {
  it.each([
    ["gpt-4o vs anthropic's haiku 4.5, 10M tokens", ["gpt-4o", "claude-haiku-4-5"]],
    ["gpt-4o vs Claude Haiku 4.5 (Anthropic), 10M tokens", ["gpt-4o", "claude-haiku-4-5"]],
    ["gpt-4o 和 阿里的 qwen max 每月 1000 万 token", ["gpt-4o", "qwen-max"]],
  ])("%s", async (line, ids) => {
    const reply = await ask(line);
    expect(reply.command).toBe("compare");
    expect(dataOf(reply).models.map((m) => m.id)).toEqual(ids);
    expect(dataOf(reply).unknown ?? []).toEqual([]);
  });

  it("a host beside several models is a comparison, not a question of who hosts", async () => {
    const reply = await ask("azure gpt-4o vs claude haiku 4.5 for 10M tokens");
    expect(reply.command).toBe("compare");
  });
});

describe("names typed the way teams shorten them resolve, with every word of them kept (issue 21, class 1)", () => {
  it.each([
    // one-letter tiers beside their family
    ["gpt5m vs 4.1-mini for 20M tokens", ["gpt-5-mini", "gpt-4.1-mini"]],
    ["gpt-5n vs g2.5p vs g2.5fl 10M", ["gpt-5-nano", "gemini-2.5-pro", "gemini-2.5-flash-lite"]],
    ["g2.5f 和 gpt5m 每月2000万", ["gemini-2.5-flash", "gpt-5-mini"]],
    ["g2.5 flash vs 4o mini 20M", ["gemini-2.5-flash", "gpt-4o-mini"]],
    // a bare size after a versioned name, at every place it is typed and before an amount
    ["llama3.1 70 vs llama3.1 8 20M", ["llama-3.1-70b", "llama-3.1-8b"]],
    ["gpt-4o vs llama3.1 8 20M", ["gpt-4o", "llama-3.1-8b"]],
    // a Chinese maker's or product name before a version names that version of its family
    ["月之暗面 k2 跟 智谱 4.6 每月1亿", ["kimi-k2", "glm-4.6"]],
    ["月之暗面 k2 與 智譜 4.6 哪個便宜，每月一億 token", ["kimi-k2", "glm-4.6"]],
    ["深度求索 v4 pro 和 通义千问 3.5 plus 每月1亿", ["deepseek-v4-pro", "qwen3.5-plus"]],
    ["千问 2.5 72b 和 deepseek 每月1亿", ["qwen2.5-72b", "deepseek-chat"]],
  ])("%s", async (line, ids) => {
    const reply = await ask(line);
    expect(reply.command).toBe("compare");
    expect(dataOf(reply).models.map((m) => m.id)).toEqual(ids);
    expect(dataOf(reply).unknown ?? []).toEqual([]);
  });

  it("the cheaper of two sizes is found from the knowledge's prices ('llama3.1 70 vs llama3.1 8')", async () => {
    const { models, cheapest, workload } = dataOf(await ask("llama3.1 70 vs llama3.1 8 20M"));
    const small = model("llama-3.1-8b");
    const cost = (workload.inputTokens * small.inputPer1M + workload.outputTokens * small.outputPer1M) / 1e6;
    expect(cheapest).toBe("llama-3.1-8b");
    expect(models.find((m) => m.id === "llama-3.1-8b")?.cost).toBeCloseTo(cost, 2);
  });

  it.each([
    ["deepseek v5 和 deepseek v3.2 每月1亿", "deepseek v5"],
    ["deepseek v5 vs deepseek v3.2 100M", "deepseek v5"],
  ])("a known version after an unknown one of the same family is priced, the unknown named back: %s", async (line, unknownName) => {
    const reply = await ask(line);
    expect(reply.command).toBe("compare");
    expect(dataOf(reply).models.map((m) => m.id)).toEqual(["deepseek-chat"]);
    expect(dataOf(reply).unknown?.map((u) => u.name)).toEqual([unknownName]);
  });

  it("a Chinese name inside a run of characters is said back as the name alone, not the whole run", async () => {
    const reply = await ask("文心跟通義千問哪個便宜 每月一億");
    expect(reply.text).toContain("（來自“通義千問”）");
    expect(reply.text).not.toContain("來自“文心跟");
  });

  it("a size inside a name named back is that name's, not the month's volume", async () => {
    const reply = await ask("seed-oss 36b vs qwen3 32b 10M");
    const { workload, unknown } = dataOf(reply);
    expect(workload.inputTokens + workload.outputTokens).toBeCloseTo(10e6, -1);
    expect(unknown?.map((u) => u.name)).toEqual(["seed-oss 36b"]);
  });

  it("a workload phrase beside 和 is no model to name back", async () => {
    const { workload, unknown } = dataOf(await ask("每月大约处理两千万 token 的输入和五百万的输出，用 claude sonnet 4.5 要花多少"));
    expect(unknown ?? []).toEqual([]);
    expect([workload.inputTokens, workload.outputTokens]).toEqual([20e6, 5e6]);
  });

  it("an input:output ratio in Chinese numerals splits the volume ('输入输出三比一')", async () => {
    const { workload } = dataOf(await ask("每月 5 千万 token，gpt-5 跟 ds 哪个划算，输入输出三比一"));
    expect([workload.inputTokens, workload.outputTokens]).toEqual([37.5e6, 12.5e6]);
  });

  it.each([
    ["batch job: 2M product descriptions, 300 tokens in, 80 out each, one-time run. gpt-5 nano vs gemini 2.5 flash-lite", "run once (the month's figures are the whole run's)"],
    ["一次性跑 200 万条商品描述，每条输入 300 输出 80，gpt-5 nano 和 gemini 2.5 flash-lite 比", "只跑一次"],
    ["月底要跑一次历史数据回填，总共 300 万条记录，每条 500 token 输入 50 输出，用 gpt-5 nano 大概多少钱", "只跑一次"],
    ["peak of 50 requests per second, 800 tokens in 200 out, gpt-4.1 mini", "at the peak rate all month (an upper bound)"],
  ])("'%s' says how its volume was read: %s", async (line, said) => {
    const reply = await ask(line);
    expect(reply.text).toContain(said);
    expect(dataOf(reply).workload.inputTokens).toBeGreaterThan(0);
  });

  it.each([
    ["gpt-5 mini vs gemini 2.5 flash to read 50k receipts a month", "50K requests a month, but not how many tokens each"],
    ["gpt-5 mini 和 gemini 2.5 flash 每月识别 5 万张收据", "给了每月 5万 次请求，但没说每次多少 Token"],
  ])("a count with no size per item ('%s') is priced at the default workload and says what is missing", async (line, said) => {
    const reply = await ask(line);
    expect(reply.text).toContain(said);
    expect(dataOf(reply).workload.inputTokens).toBe(10_000_000);
  });

  it("a volume a day runs the workdays a month the line says, as request counts do", async () => {
    const { workload } = dataOf(await ask("2M tokens a day, 22 workdays a month, gpt-5 mini, 4:1"));
    expect(workload.inputTokens + workload.outputTokens).toBe(2_000_000 * 22);
  });

  it.each(["we run it once a day: 20k tickets, 1.8k in 250 out each, gpt-4.1 mini", "quick one-off question: gpt-5 vs deepseek for 10M tokens a month"])(
    "'%s' is no one-time run",
    async (line) => {
      expect((await ask(line)).text).not.toContain("run once");
    },
  );

  it.each(["翻译流水线每月 3000 万 token，输入输出差不多一半一半，deepseek 跟 qwen 比一下", "30M tokens a month, half in, half out. deepseek vs qwen"])(
    "an even split of the volume ('%s') prices as much output as input",
    async (line) => {
      const { workload } = dataOf(await ask(line));
      expect([workload.inputTokens, workload.outputTokens]).toEqual([15e6, 15e6]);
    },
  );

  it("'flash-lite' without a version asks which Flash-Lite, offering only Flash-Lite models", async () => {
    const reply = await ask("which is cheaper: 4o-mini, 4.1-nano, or flash-lite? 100M");
    expect(reply.command).toBe("ask");
    expect(reply.text).toContain("Gemini 2.5 Flash-Lite");
    expect(reply.text).not.toContain("Gemini 2.5 Flash,");
    expect(reply.text).not.toMatch(/can't price "flash-lite"/);
  });
});

describe("small talk gets a word back and what the bot does, not 'not covered'", () => {
  it.each([
    ["hey thanks, that was super helpful 🙏", "You're welcome!"],
    ["你好，你是谁？能干嘛", "你好！我是 modelwise"],
    ["早晨！你今日好嗎？", "你好！我是 modelwise"],
    ["多謝！", "不客氣！"],
  ])("%s", async (line, said) => {
    const reply = await ask(line);
    expect(reply.text).toContain(said);
    expect(reply.text).toMatch(/\/compare/u);
    expect(reply.text).not.toMatch(/isn't covered|没有涵盖|沒有涵蓋/u);
  });

  it("a question outside the knowledge is still 'not covered'", async () => {
    expect((await ask("what's the weather in paris?")).text).toContain("That isn't covered by my knowledge");
  });
});

describe("what a team chat says around its numbers, read as it means", () => {
  type Check = (reply: Awaited<ReturnType<typeof ask>>) => void;
  const workload = (reply: Awaited<ReturnType<typeof ask>>) => dataOf(reply).workload as AnswerData["workload"] & { cachedPercent?: number };
  const understanding = (reply: Awaited<ReturnType<typeof ask>>) =>
    reply.data.understanding as {
      constraints: Record<string, unknown>;
      tasks: string[];
      unknown?: unknown[];
      gpuHourlyUsd?: number;
      targetTokensPerSec?: number;
      volume?: unknown;
    };
  it.each<[string, Check]>([
    // a cached part "吃到快取"; a RAG 程式 is a program, not a coding task
    [
      "我們的 RAG 程式每次請求送 6000 token，其中 4000 是固定的 system prompt 可以吃到快取，輸出 400 token，一個月 50 萬次請求。claude sonnet 4.5、gpt-5、gemini 2.5 pro 三個比一下",
      (r) => {
        expect(workload(r)).toMatchObject({ promptTokensPerRequest: 6000, cachedPercent: expect.closeTo(200 / 3, 9) });
        expect(understanding(r).tasks).not.toContain("coding");
      },
    ],
    // Cantonese 每個鐘: per hour
    ["用 2 張 A100 租嚟跑 llama 3.3 70b，每張每個鐘 1.8 美金，每日大概 5000 萬 token，抵唔抵過用 API？", (r) => expect(understanding(r).gpuHourlyUsd).toBe(1.8)],
    // a throughput said before its number
    ["如果要用 H200 自架 qwen3 235b，要支撐每秒 3000 token，需要幾張顯示卡？一個月租金大概多少？", (r) => expect(understanding(r).targetTokensPerSec).toBe(3000)],
    // "tool calls" is a need every pick meets, with coding beside the agent task
    [
      "cheapest model that's good at coding and supports tool calls, for an agent doing ~40M input and 8M output a month? we're fine with open weights",
      (r) => {
        expect(r.text).toContain("Only models with: tools and open weights.");
        const picks = (r.data as { recommendations: { id?: string }[] }).recommendations.flatMap((pick) => (pick.id ? [pick.id] : []));
        expect(picks.length).toBeGreaterThan(0);
        for (const id of picks) expect(model(id).capabilities).toContain("tools");
      },
    ],
    // reasoning as a multiple of the "visible" reply
    [
      "o4-mini vs gpt-5 mini vs deepseek reasoner: 600k requests/mo, 1.5k in, 300 visible out, reasoning ~5x visible. flex tier where available",
      (r) => expect(workload(r)).toMatchObject({ inputTokens: 600_000 * 1500, outputTokens: 600_000 * 300 * 6 }),
    ],
    // "直接打 API" is the other side of the choice, not a model
    ["租 8 張 H100 每張每小時 2.5 美金跑 deepseek v3，要支撐 200 個同時在線的使用者，每月成本多少？跟直接打 API 比？", (r) => expect(understanding(r).unknown ?? []).toEqual([])],
    // the million a quoted price is per is no volume
    ["篇文章對 DeepSeek 嘅評價係點？話佢 0.10 美金一百萬 token，而家仲係咪咁平？", (r) => expect(understanding(r).volume).toBeUndefined()],
    // "一份大概 50 萬 token": each document's size
    [
      "我們要做中文長文件摘要，一份大概 50 萬 token，需要長上下文而且中文要好，哪個模型最便宜？一個月大概 300 份，每份輸出 3000 token",
      (r) => expect(workload(r)).toMatchObject({ promptTokensPerRequest: 500_000, inputTokens: 300 * 500_000, outputTokens: 300 * 3000 }),
    ],
    // "budget is 8k/mo" is money; "diff+context 22k tok" is each prompt, not a context window asked for
    [
      "budget is 8k/mo. code review bot: ~1.8k PRs a week, diff+context 22k tok, review ~1.2k out. which of sonnet 4.5, gpt-5, gemini 2.5 pro fit?",
      (r) => {
        expect(r.command).toBe("budget");
        expect((r.data as { budgetUsdPerMonth: number }).budgetUsdPerMonth).toBe(8000);
        expect(workload(r)).toMatchObject({ promptTokensPerRequest: 22_000, inputTokens: expect.closeTo((1800 * 30 * 22_000) / 7, 0) });
      },
    ],
    // a cached system prompt added to the chunks
    [
      "RAG bot, 15 QPS avg, each call 12 chunks x 400 tok + 600 tok system prompt (cached), 350 out. claude haiku 4.5 vs gemini 2.5 flash vs gpt-4.1 mini, monthly?",
      (r) => expect(workload(r)).toMatchObject({ promptTokensPerRequest: 5400, cachedPercent: expect.closeTo(100 / 9, 9) }),
    ],
    // each developer's day, in Hong Kong's words, on the workdays said
    [
      "我哋 15 個 developer 每人每日用 coding assistant 大概 200 萬 token input、10 萬 output，用 claude sonnet 4.5 同 gpt-5 每人每月幾錢？一個月按 22 個工作天計",
      (r) => expect(workload(r)).toMatchObject({ inputTokens: 15 * 22 * 2_000_000, outputTokens: 15 * 22 * 100_000 }),
    ],
    // completions a day each, for each of the engineers, on the workdays said
    [
      "per-seat cost: 350 engineers on a copilot-style tool, ~120 completions/day each on workdays (21/mo), 1.8k in 90 out, codestral vs gpt-4.1 mini vs qwen3 coder flash",
      (r) => expect(workload(r)).toMatchObject({ inputTokens: 350 * 120 * 21 * 1800, outputTokens: 350 * 120 * 21 * 90 }),
    ],
  ])("%s", async (line, check) => {
    check(await ask(line));
  });
});
