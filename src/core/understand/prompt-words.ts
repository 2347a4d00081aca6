// How the parts of one request's prompt are said around their sizes (quantities.ts reads them): pieces counted and
// their size, a cached part, the user's part added to a fixed one, the same amount each way.

/** "20 chunks of 400 tokens + a question per request": the clause says per request after the pieces. */
export const PER_REQUEST_LATER = /^[^,，;；。\n]*?(?:\b(?:per|each|every|a) (?:request|call|query)\b|每次|每个请求)/u;
export const CHUNKS_AFTER = /^\s?(?:(?:retrieved|relevant|context|search|top[-\s]?k)\s)?(?:chunks?|passages?|snippets?|docs?|documents?|results?|pages?|段|块|个片段|个文档|篇)/u;
/** "8 retrieved chunks x 600 tok": pieces times their size, said as a product. */
export const CHUNKS_TIMES_AFTER = /^\s?(?:(?:retrieved|relevant|context|search|top[-\s]?k)\s)?(?:chunks?|passages?|snippets?|docs?|documents?|results?)\s?(?:x|×|\*|@)\s?~?\d/u;
export const CHUNK_SIZE_BEFORE = /(?:\bof|\bx|×|\*|@|each|\bat|每段|每块|每篇|每个|每页)\s?(?:about|around|~|约|大概)?\s?$/u;
/** "each pulls 8 chunks x 400 tokens", "every query retrieves 5 passages": the pieces each request carries. */
export const CHUNKS_BEFORE =
  /\b(?:each|every (?:query|request|call|question)) (?:pulls|retrieves|fetches|gets|uses|includes|adds|sends|has)\s(?:in\s)?(?:about|around|~)?\s?$|(?:每个|每次|每条)(?:问题|请求|查询|提问)?(?:会|都|要)?\s?(?:检索|召回|取|带上?|拼接|塞进?)(?:出|回)?\s?(?:约|大约|大概)?\s?$/u;
/** "20 pages each", "10 chunks per request": the pieces each request is made of. */
export const CHUNKS_EACH_AFTER = /^\s?\S+\s(?:each|apiece|per (?:pdf|doc(?:ument)?|file|request|call|query))\b/u;
/** Words right after a size that make it the cached part of a prompt. */
export const CACHED_PART =
  /^[^,，。;；\d]{0,45}?(?:\(cached\)|\bcached\b|\bcache hits?\b|\b(?:we|we'll|we can|that we|which we)\s(?:will\s|can\s)?cache\b|(?:命中|是|可以?|能够?|走|有|会被|被)\s?(?:开启?|开了|打开)?\s?(?:缓存|快取|cache\b)|(?:开启?|开了|打开)\s?(?:缓存|快取))/u;
/** "其中 1000 是固定的系统提示，能命中缓存": after 其中 the part's clause runs on past a comma, to its bracket or sentence's end. */
export const CACHED_PART_OF_ZH = /^[^。;；\d)）]{0,45}?(?:命中|是|可以?|能够?|走|有|会被|被)\s?(?:吃到|用到|打到|读到)?\s?(?:缓存|快取|cache\b)/u;
/** "3k in (incl 2k system prompt we cache)": a part the prompt is said to include. */
export const INCLUDED_PART_BEFORE = /\b(?:incl\.?|including|includes|inc\.)\s(?:a |the |our )?(?:~|about|around)?\s?$/u;
/** "3k of that is the system prompt which is cached": a part said to be of the prompt may name what it is first. */
export const CACHED_PART_OF = /^\s?of (?:it|them|that|those|which)\b[^,，。;；\d]{0,72}?(?:\(cached\)|\bcached\b|\bcache hits?\b)/u;
export const PLUS_BEFORE = /(?:\bplus|\+|加上?|再加)\s?(?:an?\s)?(?:(?:(?:用户|使用者)的?)?(?:问题|提问|指令|内容|系统提示词?)\s?)?(?:about|around|~|约|大约|大概)?\s?$/u;
/** "用户问题加上下文大概 2000", "1k of user text", "users add about 500": the asker's part of a prompt whose fixed part was said before it. */
export const USER_PART_BEFORE =
  /(?:用户|使用者)(?:的)?(?:每次|每条)?(?:再|另外|额外)?(?:问题|消息|讯息|输入|提问|内容|文本|资料)[^,，。;；\d]{0,10}$|\buser(?:'s)? (?:text|message|question|input|query)s?\s?(?:is|of|~|about|around)?\s?$|\busers? (?:add|type|send|paste|write)s? (?:about|around|~)?\s?$/u;
export const USER_PART_AFTER = /^\s?(?:-?\s?tokens?\s)?(?:of\s)?(?:the\s)?user(?:'s)?\s(?:text|message|question|input|query)/u;
/** "3k tokens each way", "输入输出各 3000": the same amount in and out. */
export const EACH_WAY_AFTER = /^\s?(?:(?:tokens?|toks?)\s?)?(?:each way|both ways|in and out each|in\/out each|进出各)/u;
export const EACH_WAY_BEFORE = /(?:输入|input|in)\s?(?:和|与|跟|\/|、|and)?\s?(?:输出|output|out)\s?(?:都是|各|each)\s?(?:约|大概|about|~)?\s?$/u;
/** "if we cache the 4k system prompt": the verb before the size makes it the cached part of each prompt. */
export const CACHE_VERB_BEFORE = /\b(?:cache|caching)\s(?:the|our|its|a|that)?\s?(?:~|about|around)?\s?$/u;
