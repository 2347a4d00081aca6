// How a number's side (input or output) and a request's size are said around it: quantities.ts reads them.

/** "2 output tokens", "5 tokens out": a side's size said in tokens. */
export const SIDE_TOKENS_AFTER = /^\s?(?:(?:output|input|out|in)\s)?tokens?\b/u;

export const TOKENS_WORD = /^\s?(?:tokens?|toks?|tk|个?\s?token|词元)/u;
/** "1,800 prompt tokens", "220 completion tokens": a side's tokens, never a count of requests. */
export const SIDE_TOKENS = /^\s?(?:prompt|input|output|completion|context|system)\s?(?:tokens?|toks?)/u;
/** "3 pages (~2k tokens)", "500字（约700 token）": the same amount in tokens beside the other unit, which is read instead. */
export const TOKENS_BESIDE =
  /^[^,，。;；()（）\d]{0,20}[(（=≈~]\s?(?:~|≈|about|around|roughly|approx\.?|约|大概|大约)?\s?\d[\d,.]*\s?(?:k|m|万|千)?\s?(?:tokens?|toks?|个?\s?token)/u;
const COUNTED = String.raw`^\s?(?:-?(?:tokens?|toks?|个?\s?token)\s?)?(?:of\s(?:(?:json|xml|yaml|csv|markdown|structured|plain|code)\s)?|的\s?|个\s?)?`;
/** "out:10M" is an option's label for the number after it; "250 out: which is cheaper?" is not */
const NO_COLON = String.raw`(?!\s?[:：=]\s*[\d一二两三四五六七八九十])`;
export const INPUT_AFTER = new RegExp(
  `${COUNTED}(?:(?:input|prompt tokens|in\\b(?!\\s(?:a|an|the|total|one|my|our|your|it|all|this|that)\\b))${NO_COLON}|输入|入\\b|进(?![行一]))`,
  "u",
);
export const OUTPUT_AFTER = new RegExp(
  `${COUNTED}(?:visible\\s)?(?:(?:output|completions?|generated|out\\b|back\\b|answers?\\b|responses?\\b|repl(?:y|ies)\\b|summar(?:y|ies)\\b|labels?\\b|in (?:the )?(?:response|reply|answer))${NO_COLON}|输出|生成|出(?![现来去])|回复|回答|答复)`,
  "u",
);
/** A label followed by another number belongs to that number ("输入2000万 输出400万", "in:50M out:10M"). */
export const LABEL_THEN_NUMBER =
  /^\s?(?:(?:tokens?|toks?|个?\s?token)\s?)?(?:of\s)?(?:input|output|in|out|repl(?:y|ies)|responses?|answers?|completions?|输入|输出|入|生成|回复|回答|答复)\s?[:：=]?\s*(?:\d|[一二两三四五六七八九十])/u;
export const INPUT_BEFORE =
  /(?:input|inputs|prompt|\bin|输入|入参)\s?(?:长度|大小|length|size)?\s?(?:tokens?)?\s?(?:每月|每个月|一个月|月|monthly|per month|a month)?\s?(?:of|is|are|≈|~|约|大概|大约|是|为|按|算)?\s?(?:actually|about|around|roughly|only)?\s?[:：=]?\s*~?$/u;
export const OUTPUT_BEFORE =
  /(?:output|outputs|completions?|\bout|responses?|repl(?:y|ies)|answers?|drafts?|summar(?:y|ies)|(?:review )?comments|feedback|评审意见|审查意见|批改意见|修改意见|评语|批注|评论|点评|输出|产出|生成|回复|回答|答复|响应|摘要|返回|(?:总结|摘要|压缩|缩)(?:成|为|到)|(?:每次|每条|每个请求|[、，,])\s?回)\s?(?:长度|大小|length|size)?\s?(?:tokens?)?\s?(?:每月|每个月|一个月|月|monthly|per month|a month)?\s?(?:of|is|are|run|runs|come to|average|averaging|≈|~|约|大概|大约|是|为|也是|也|按|算)?\s?(?:actually|about|around|roughly|only)?\s?[:：=]?\s*~?$/u;
export const CONTEXT_AFTER = /^\s?(?:(?:tokens?|toks?|token)\s?)?(?:of\s|的\s?)?(?:context|ctx|window|上下文|窗口|长上下文)/u;
/** "avg 10k per step", "平均每次 1 万": an average, which wins over a peak or final size said before it. */
export const AVERAGE_BEFORE = /(?:\bavg|\baverage|\baveraging|\bon average|平均)\.?\s?(?:of\s)?(?:(?:about|around|maybe|roughly|~)\s?)?$/u;
/**
 * "each request carries 150k tokens of context", "一次请求带 30 万 token 上下文", "40k queries a month, each 6k tokens of
 * context": a prompt's size.
 */
export const REQUEST_CARRIES =
  /(?:(?:per|each|every|a|one|single) (?:request|call|query|prompt|step|iteration)|每次(?:请求|调用)?|每个(?:请求|问题|提问)|单次(?:请求|调用)?|一次(?:请求|调用))[^,，;；。\n]*$|[,，;；]\s?each\s(?:about\s|around\s|roughly\s|~\s?)?$/u;
export const CONTEXT_BEFORE =
  /(?<![+&]\s?|\band\s)(?:context(?: window)?|ctx|window|上下文(?:窗口)?|上下文长度)\s?(?:of|at least|≥|>=|>|above|over|超过|至少|大于|要|需要|:|：)?\s?(?:at least\s)?$/u;
export const PER_REQUEST_AFTER =
  /^\s?-?\s?tokens?\s(?:(?:system|sys) )?(?:prompts?|inputs?|contexts?|instructions?(?: block)?|preambles?|documents?|docs|queries|messages|conversations|contracts?|files?|reports?|books?|pdfs?|transcripts?|codebases?|papers?|manuals?)\b|^\s?(?:-?\s?(?:tokens?|toks?|token)\s?)?(?:(?:with|in|for|on)\s)?(?:per|each|a|every|\/)\s?(?:request|call|prompt|query|req|message|msg|conversation|step|iteration|turn|image|photo|picture|screenshot|receipt|scan)|^\s?(?:tokens?|toks?)\s(?:each|apiece)\b(?!\s(?:month|day|week|year))|^\s?-?\s?token (?:(?:system|sys) )?prompts?|^\s?(?:tokens?\s)?(?:(?:system|sys) )?prompts?\b(?!\s?(?:tokens?|toks?))|^\s?(?:token\s?)?(?:每次|每个请求|一次请求)|^\s?(?:tokens?\s?)?的\s?(?:固定的?\s?(?:系统)?提示词?|系统提示词?|指令)/u;
export const PER_REQUEST_BEFORE =
  /(?:(?:each|every|a|per) (?:(?:typical|average|avg|usual|normal) )?(?:request|call|prompt|step|iteration)\s?(?:is|has|uses|takes|sends|carries|=|:)(?: an?)?|requests? (?:are|is)|每次(?:请求|调用)?(?:都)?(?:塞|放|喂|传|带|发|丢|扔)?(?:进去|进)?(?:一段|一份|一个|一条|一篇)?|每个请求|单次(?:请求)?|每条(?:请求)?|[每单一]篇|[每单一]份|每张|[每单]个\s?(?:文档|文件|工单|会话|对话|pr|任务|问题|提问)|(?:each|per|every) (?:doc(?:ument)?|ticket|pr|pull request|message|email|page|conversation|contract|report|file|pdf|book|transcript|turn|round) (?:is|has)?|每轮|每回合|prompts? (?:of|are|is|average|averaging|around)|requests? (?:(?:a|per) (?:month|day|week) )?(?:of|at)|per request|each request|prompt size|prompt length|prompts? ~|prompts?\s?[(（]|prompts?(?=\s?(?:平均|大概|大约|约|长度|都))|提示词?)\s?(?:平均|长度|都|大概|大约|约|是|有|about|around|~|≈)?\s?~?$/u;
/** "每次请求输入250k", "per request: 300k in": the clause says per request, whatever the size. */
export const PER_REQUEST_CLAUSE =
  /(?:每次|每个请求|每条请求|单次|一次(?!性)|每篇|每份|一份|一篇|每张|每则|每封|每笔|每条|每轮|每回合|每通|每道|每个\s?pr|\b(?:per|each|every|a) (?:(?:typical|average|avg|usual|normal) )?(?:request|call|query|doc(?:ument)?|ticket|message|step|iteration|turn|round|pr|pull request|image|photo|picture|screenshot|receipt|scan|row|item|record|entry|email|review|comment|file|page|article|chat|task|sample)\b|\beach(?: one)? (?:is|was|would be|were)\b|\b(?:requests?|calls?|quer(?:y|ies)|prompts?) of\b)[^,，;；。\n]*$/u;
/** "each call ~2k in, 1k out": the output said after a comma in the clause that sized each request's input. */
export const PER_REQUEST_CLAUSE_CONTINUED = new RegExp(`${PER_REQUEST_CLAUSE.source.replace(/\$$/u, "")}[,，]\\s?(?:and\\s)?(?:about\\s|around\\s|~)?$`, "u");
/** "300k tokens in per request", "5k tokens out each": a side's size per request, said after it. */
export const SIDE_PER_REQUEST =
  /^\s?(?:tokens?\s?)?(?:in|out|input|output|输入|输出)\s?(?:tokens?\s?)?(?:(?:[,/]|and)?\s?~?\d[\d.,]*\s?k?\s?(?:tokens?\s?)?(?:out|output)\s?(?:tokens?\s?)?)?(?:(?:per|each|every|a|\/)\s?(?:request|call|query|req|message|msg|prompt|doc(?:ument)?|ticket|image|photo|picture|screenshot|receipt|scan|row|item|record|entry|email|review|comment|file|page|article|chat|task|sample|turn|round|convo|conversation|session|question|run|pr)\b|each\b|每次|每个请求)/u;
/** "output per request 800", "completion tokens per call: 300": the side is named before "per request". */
export const SIDE_THEN_PER_REQUEST =
  /(input|prompt|in|output|completion|response|reply|answer|out|输入|输出|回复)s?\s?(?:tokens?\s?)?(?:per|each|every|\/|a)\s?(?:request|call|query|req)\s?(?:is|of|[:：=~≈])?\s?(?:about|around|~)?\s?$/u;
