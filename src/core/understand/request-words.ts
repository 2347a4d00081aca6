// How a count of requests is said around its number (quantities.ts reads it): its nouns, its rate, and the users,
// turns and calls per unit of work that multiply it.

/** Request counts given per second, minute or hour ("5 requests per second", "QPS 10", "每小时 5000 次"), and how many an hour each makes. */
export const RATES: [after: RegExp, before: RegExp, perHour: number][] = [
  [
    /^[^,，。;；\d]{0,24}?(?:\b(?:a|per|each|every)\s|\/\s?)(?:second|sec|s)\b|^\s?(?:qps|rps)\b|^\s?次?\s?\/\s?秒/u,
    /(?:每秒(?:钟)?|qps|rps)\s?(?:大概|大约|约|平均|差不多|有|是|为)?\s?(?:请求|调用)?\s?$/u,
    3_600,
  ],
  [
    /^[^,，。;；\d]{0,24}?(?:\b(?:a|per|each|every)\s|\/\s?)(?:minute|min)\b|^\s?(?:rpm)\b|^\s?次?\s?\/\s?分钟?/u,
    /(?:每分钟?|rpm)\s?(?:大概|大约|约|平均|差不多|有|是|为)?\s?(?:请求|调用)?\s?$/u,
    60,
  ],
  [
    /^[^,，。;；\d]{0,24}?(?:\b(?:an?|per|each|every)\s|\/\s?)(?:hour|hr|h)\b|^\s?次?\s?\/\s?(?:小时|时)/u,
    /(?:每小时|每个小时)\s?(?:大概|大约|约|平均|差不多|有|是|为)?\s?(?:请求|调用)?\s?$/u,
    1,
  ],
];
export const RATE_COUNT = /^\s?(?:qps|rps|rpm)\b/u;
export const RATE_BEFORE = /(?:qps|rps|rpm)\s?(?:大概|约|有|是|为|of|is|~|≈)?\s?$/u;
/** "1000 users, each sends 50 messages a day", "1000 个用户，每人每天 20 次": requests per user × users. */
export const USERS_BEFORE =
  /(?:[日月]活(?:跃)?(?:用户)?(?:数)?|\bdau|\bmau|用户数|用户量|\b(?:team|company|org|staff|headcount) of)\s?(?:约|大概|有|是|为|of|~|about|around)?\s?$/u;
export const USERS_AFTER = new RegExp(
  String.raw`^\s?(?:-\s?(?:person|people|member|seat)\b|[个名位]\s?(?:developer|engineer|employee|user|member|analyst|student|teacher|customer|dev|rep)\b|(?:[个名位]\s?)?(?:(?:daily|monthly)\s)?(?:(?:active|parallel|concurrent|paying|paid|registered|enterprise|internal|beta|premium|pro|trial)\s)?(?:users?|dau\b|mau\b|people|employees|engineers|developers|devs\b|analysts|seats|customers|agents|subscribers|recipients|students|readers|patients|players|visitors|members|followers|(?:(?:sales|support|legal|medical|customer)\s)?(?:paralegals|lawyers|attorneys|nurses|doctors|teachers|tutors|reps|salespeople|recruiters|writers|editors|translators|marketers|designers|accountants|researchers|consultants|moderators|interns|clinicians|reviewers|annotators|advisors)|clients|sales(?=\s?[，,]|\s(?:each|every one)\b)|(?:products|apps|bots|services|tenants|teams|sites|stores)(?=,?\s(?:each|every one)\b)|` +
    // "45 paralegals, each does ~60 lookups", "200 个销售，每人…": whoever they are, each of them is one of the people counted
    String.raw`[a-z]{3,}s(?=,?\s(?:each|every one)\s(?:does|makes|sends|asks|runs|handles|writes|processes|submits|generates|creates|reviews|triggers|uses|drafts|answers|has|closes|resolves|fields|takes|reads|replies|translates|summari[sz]es|completes|works)\b)|` +
    String.raw`[个名]?(?:付费|活跃|注册|企业|内部|核心|种子|测试|个人)?用户|名?员工|位用户|位[\p{Script=Han}]{1,4}|(?:个|名|位)?(?:工程师|开发者|开发人员|程序员|研发人员|分析师|坐席)|(?:个|名|位)?(?:销售|业务员|律师|医生|护士|老师|教师|编辑|设计师|运营|顾问|助理)|(?:个|名|位)?[\p{Script=Han}]{1,4}(?=[，,]?\s?(?:每人|每个人|每位|每名|人均))|(?:个|名|位)?(?:客户|顾客|访客|会员|学员|学生|患者|读者|玩家|订阅者|订阅用户|粉丝|收件人)(?!工单|邮件|消息|咨询|请求|对话|评论)|(?:个|条)?(?:业务线|产品|应用|机器人|租户|门店|站点)(?=[，,]?\s?每个)|[日月]活(?:跃)?(?:用户)?|人(?![民工])))`,
  "u",
);
/** "we email", "send a newsletter to", "a digest to", "notify", "给 N 名用户发": a message to each of the people counted next. */
export const SENT_TO_PEOPLE_BEFORE =
  /\b(?:e-?mail(?:s|ing)?|mail(?:s|ing)?|messag(?:e|es|ing)|notif(?:y|ies|ying)|text(?:s|ing)?|send(?:s|ing)?(?:\s[a-z-]+){0,3}\sto|(?:newsletters?|e-?mails?|messages?|digests?|notifications?|reminders?|updates?|alerts?)\s(?:out\s)?to)\s(?:(?:our|all|the|all of our|each of our|about|around|roughly|~)\s?)*~?\s?$|给\s?(?:约|大约|大概|全部|所有)?\s?$/u;
/** "a weekly digest to", "daily reminders to": how often the message to each of the people counted next goes out. */
export const MESSAGE_PERIOD_BEFORE =
  /\b(daily|weekly|monthly|nightly)\s(?:[a-z-]+\s)?(?:newsletters?|e-?mails?|messages?|digests?|notifications?|reminders?|updates?|alerts?|reports?)\s(?:out\s)?to\s[^,，。.;；\d]{0,24}$/u;
/** Words for one of the people (or agents) a count is each of: "each user", "per dev", "per agent". */
const PERSON = String.raw`(?:user|person|employee|engineer|developer|dev|member|teammate|analyst|seat|customer|agent|rep|subscriber|recipient|student|reader|patient|player|visitor|paralegal|lawyer|nurse|doctor|teacher|tutor|recruiter|writer|editor|translator|marketer|designer|accountant|researcher|consultant|moderator|intern|clinician|reviewer|annotator|advisor)`;
export const PER_USER = new RegExp(
  String.raw`\b(?:users?|dau|mau|students|employees|engineers|developers|devs|agents|customers|people|members|seats|reps|subscribers|patients|teachers)\s?[×x*]\s?\d|\b(?:queries|requests|messages|msgs|questions|calls|chats|prompts|conversations|completions|emails?)(?:\s?\/\s?(?:day|d|month|mo|week)|\s(?:a|per) (?:day|month|week))? (?:each|apiece)\b|` +
    String.raw`\b(?:each|per) ${PERSON}\b|\b(?:everyone|everybody)\b|\b(?:each|every) (?:(?:of them|one) )?(?:sends?|sending|makes?|making|does|doing|asks?|asking|runs?|running|has|having|uses?|using|burns?|burning|consumes?|spends?|generates?|handles?|writes?|processes|submits?|drafts?|reviews?|answers?|closes|resolves|fields|takes|reads|replies|translates|summari[sz]es|creates|triggers|completes|works|calls|calling|queries|querying|hits|pings|fires|firing)\b|` +
    String.raw`\beach of (?:our|the|my|their|these|those) \d|\beach (?:(?:about|around|roughly|approx(?:imately)?)\s)?~?\s?\d[\d,.]*\s?k?\s(?:completions|requests|queries|questions|messages|msgs|calls|prompts|chats|conversations|sessions|tickets|tasks|documents|docs|emails|jobs)\b|` +
    "每(?:个|位|名)?(?:客服)?(?:坐席|工程师|员工|开发者|开发|程序员|客户|用户|成员|学生|学员|老师|教师|销售|业务|律师|医生|护士|患者|病人|会员|店员|编辑|读者|玩家|订阅者)|每个(?=每天|每月|每小时|每周|都)|每人|每位|每名|每个人|人均(?!多少|几|是多少|成本|费用|花费|要多少)",
  "u",
);

/** "into 6 languages", "翻译成 5 种语言": the languages each item is translated into. */
export const LANGUAGES_AFTER = /^\s?(?:(?:other|more|target|different|foreign)\s)?languages\b|^\s?(?:种|個|个|種)?\s?(?:外语|外語|语言|語言|语种|語種)/u;
export const TRANSLATED = /translat|locali[sz]|翻译|翻譯|译成|譯成|本地化/u;

/** "per agent", "each user": whose count it is, said between a count's noun and its period. */
export const PER_PERSON_AFTER = new RegExp(String.raw`^\s?(?:per|each|a|every)\s${PERSON}\b`, "u");
/** A conversation's turns ("8 turns", "6 轮", "4 rounds"): each turn is one request. */
export const TURNS_AFTER = /^\s?(?:turns?\b|rounds?\b|exchanges\b|back[-\s]and[-\s]forths?\b|轮(?!对话)|回合)/u;
export const MAX_TURNS = 200;
/** "4 messages each", "6 tool-calling steps" after "each task =", "调用 8 次" after "每个任务": model calls per unit counted, like turns. */
export const CALLS_EACH_AFTER =
  /^\s?(?:messages?|steps?|calls?|turns?)\s(?:each|apiece)\b|^\s?(?:(?:tool|llm|model|api|function)[-\s])?(?:steps?|calls?|turns?|messages?)\s(?:per|each|a|every)\s(?:task|ticket|conversation|chat|session|job|run|pr|question|user query)\b/u;
export const CALLS_AFTER = /^\s?(?:(?:[a-z-]+\s)?(?:steps?|calls?|messages?|requests?)\b|次(?:模型)?(?:调用)?|步|[则条](?:讯息|消息)?)/u;
export const PER_UNIT_BEFORE =
  /(?:\b(?:each|every|per|a) (?:task|ticket|conversation|chat|session|job|run|pr|pull request)\b[^,，.。;；\d]{0,24}|每(?:个|张|条|次)?\s?(?:任务|工单|对话|会话|pr)[^,，。;；\d]{0,12}|每通[^,，。;；\d]{0,12})$/u;
export const CONVERSATIONS = /conversations?|\bchats?\b|sessions?|dialogues?|threads?|\btasks?\b|\btickets?\b|\bjobs?\b|\bprs?\b|pull requests?|对话|会话|聊天|工单|任务/u;
/** "support chats", "customer emails": a word saying what kind, between a count and its noun (never a unit or a side). */
const KIND_WORD = String.raw`(?:(?!(?:tokens?|toks?|input|output|prompts?|completions?|in|out|of|a|an|per|each|every|the|and|or)\b)[a-z][a-z-]{1,14} )?`;
export const REQUESTS_AFTER = new RegExp(
  String.raw`^\s?(?:(?:daily |nightly |monthly |weekly |hourly )?(?:api |llm |model )?(?:requests?|reqs?|calls?)|times|prompts(?=\s?(?:a|per|each|every|\/)\s?(?:month|mo|day|week|year)\b|\s?monthly|\s?daily)|` +
    // "2,000 of them a month": the things a request was just said to be, counted
    String.raw`of (?:them|those)(?=\s?(?:a|per|each|every|\/)\s?(?:month|mo|day|week)\b|\s?monthly|\s?daily)|` +
    // "40 completions an hour" counts requests; "1k completions" beside "4k prompts" is a size
    String.raw`completions(?=(?:\s(?:per|each|a)\s${PERSON})?(?:\s?(?:an?|per|each|every|\/)\s?(?:month|mo|day|week|hour|hr|minute|min|second|sec)\b|\s?(?:monthly|daily|hourly)))|` +
    `${KIND_WORD}(?:requests|queries|lookups|searches|checks|classifications|moderations|evaluations|predictions|translations|calls|conversations|convos|chats|messages|msgs|tickets|documents|docs|emails?|sessions|jobs|runs|invocations|generations|steps|iterations|invoices|receipts|contracts|reports|files|pdfs|articles|posts|chapters|listings|reviews|comments|descriptions|items|records|rows|entries|images|photos|pictures|screenshots|receipts|scans|transcripts|notes|summaries|memos|letters|leads|titles|headlines|captions|tweets|sentences|paragraphs|questions|tasks|prs|pull requests)|` +
    String.raw`次(?:请求|调用|对话|会话)?|道(?:题(?![目型库]))?|题(?![目型库])|条(?:请求|消息|对话)?|个\s?(?:请求|对话|会话|文档|工单|任务|问题|提问|pr|requests?|calls?|queries|prompts)|轮对话|通(?:\p{Script=Han}{1,4})?(?:对话|会话|电话)|篇(?:文档|文章)?|份(?:文档|文件|合同)?|张(?:工单|收据|发票|票据|图片?|照片|截图|扫描件)|封(?:邮件|信|电邮)?|则(?:消息|讯息)?|笔(?:请求|调用|交易)?)`,
  "u",
);
/** "月调用量50万", "requests per month: 200k": the count's noun before it. */
export const REQUESTS_BEFORE =
  /(?:(?:调用|请求|对话|会话|消息|提问)(?:量|次数|数)|(?:月|每月|一个月|日|每日|每天)(?:请求|调用|消息)|(?<!(?:each|every|per|a|one|avg|average|typical|mean)\s)(?:requests?|calls?|queries)(?: per month| a month| monthly| \/ ?mo(?:nth)?)?\s?[:：=])\s?(?:约|大概|大约|是|为|有|~|≈)?\s?$/u;
/** A request rate said to be the peak ("10 rps at peak", "峰值 100 QPS"), not what runs all month. */
export const PEAK_AFTER = /^\s?(?:(?:rps|qps|rpm|requests?|reqs?|calls?)\s?(?:(?:a|per|\/)\s?(?:second|sec|s|minute|min|hour)\b)?\s?)?(?:at |in |during )?(?:the )?peak\b/u;
export const PEAK_BEFORE =
  /(?:\bpeak(?:s|ing)?(?: of| at| is| load| traffic)?|峰值|高峰期?|最高)\s?(?:qps|rps)?\s?(?:是|为|有|约|大概|达到|能到|at|of|is)?\s?[:：]?\s?(?:about|around|roughly|~)?\s?$/u;
/** "200 avg", "300 on average": an average said after its number. */
export const AVERAGE_AFTER = /^\s?(?:avg|average|on average|平均)\b/u;
/** "200 concurrent users", "50 simultaneous sessions", "200 并发", "200 人同时在线": users served at once. */
export const CONCURRENT_AFTER = /^\s?(?:concurrent|simultaneous|parallel)\s(?:users?|requests?|sessions?|streams?|connections?|chats?)\b|^\s?(?:个|路|人)?\s?(?:并发|同时在线)/u;
export const CONCURRENT_BEFORE = /(?:并发|同时在线)(?:用户|请求|人数|数)?\s?(?:约|大概|有|是|为|要|达到)?\s?$|\bconcurrency (?:of\s)?$/u;
/** A single request said in Chinese, opening its clause: its size is what one request costs. */
export const ONE_REQUEST = /(?:^|[，,。；;\s])(?:一次|单次|一个)(?:请求|调用)/u;
