/** The phrases that say what a question asks, in English and Chinese. Each is tested on the normalized line. */

export const ESTIMATE =
  /how many tokens|how many toks?\b|estimate (?:the )?tokens?|tokens? (?:in|for) (?:this|that|the following)|how much (?:would|will|does|is) (?:this|that|the following|my) (?:prompt|text|message|paste|doc|document|email)|估一?下.{0,8}(?:token|词元)|count (?:the |my )?tokens|token count|tokens? (?:is|in|are there in) (?:this|that|the following|my|it)|tokeni[sz]e|(?:多少|几)个?\s?(?:token|词元|令牌)|token\s?(?:数|数量|个数)|估算.{0,16}(?:token|词元|费用|多少钱|成本)|算一?下.{0,12}(?:token|词元)|数一?下.{0,8}token|多少token|这段.{0,10}(?:多少|几个)/u;
export const SELFHOST =
  /self[-\s]?host|on[-\s]?prem|(?:our |my )?own (?:gpus?|hardware|servers?|cluster|infra)|run (?:it |them |this )?(?:myself|ourselves|locally|in-house)|host (?:it|them) (?:ourselves|myself)|\b(?:host|hosting|run|running|serve|serving|deploy|deploying)\b.{0,40}\b(?:ourselves|myself|in[-\s]house|on our own (?:gpus?|hardware|servers?|boxes|cluster))|deploy (?:it |them )?(?:ourselves|myself|on)|自建|自架|架设|地端|自托管|私有化|本地部署|自己部署|自部署|自己跑|本地跑|(?:用|在)(?:自己的|自家的?|公司的?)?(?:服务器|机器|机房|显卡)(?:上)?(?:跑|部署|运行)|自己搭|搭建|部署|租(?:卡|gpu|显卡)|买(?:卡|gpu|显卡)|(?:跑|部署).{0,6}(?:划算|值得|多少钱|成本)|\bserve (?:it|them)\b|vllm|sglang|\bbuy(?:ing)? (?:our own |some |the |\d+ )?(?:gpus?|cards|hardware|servers|h\d{2,3}s?|a100s?)\b|\b(?:gpus?|hardware) (?:or|vs\.?|versus) (?:the |an? )?apis?\b/u;
export const PROVIDERS =
  /who (?:provides|hosts|serves|offers|sells)\b.{0,40}\b(?:cheap|cheapest|lowest|fastest)|(?:cheapest|fastest) (?:providers?|hosts?|apis?) (?:for|of)|\bproviders?\s?[?？]?$|(?<!self[-\s]?)\bhosts?\s?[?？]?$|which (?:provider|host|api|vendor|platform|cloud)|(?:groq|together|fireworks|deepinfra|openrouter|cerebras|bedrock|azure|vertex)\b.{0,20}(?:cheaper|vs|or)|有哪些(?:供应商|服务商|平台|渠道)|哪些(?:云|平台)|在哪(?:些|里|儿)?(?:云|平台)?(?:上)?(?:能|可以)?(?:调用|用|买|跑)|哪里买|渠道|比官方便宜|cheapest (?:provider|host|api|place|way to (?:run|get|use))|providers? (?:for|of)|who (?:hosts|serves|offers|sells)|where (?:can (?:i|we)|to|should (?:i|we)) (?:run|get|buy|use|host|find)|哪家|谁家|\bwho (?:has|offers|sells|serves) (?:the )?(?:cheapest|lowest[-\s]priced)\b|\bwhose \S+(?: \S+){0,4} (?:api )?is (?:the )?cheapest\b|哪个(?:平台|厂商|服务商|供应商|云)|(?:供应商|服务商|平台)(?:最便宜|哪个|有哪些)|在哪(?:里|儿)?(?:买|用|跑)/u;
export const BUDGET =
  /budget|afford|what (?:can|could|does|will|would) .{0,24}(?:buy|get)|how (?:many|much) tokens? (?:can|could|does|will|would)|how many (?:requests|calls|queries|messages|chats|tickets|emails|documents)\b[^?？.。]{0,40}?\b(?:can|could|will|would|does)\b|how far (?:does|will|would|can)|spend (?:up to|at most)|预算|能买|能用多少|够用|够不够|能跑多少|买得起|可以用多少|能跑什么|能用什么/u;
export const FACT_WORDS: [RegExp, "context" | "maxOutput" | "vision" | "reasoning" | "tools" | "deprecated" | "openWeights" | "price" | "provider"][] = [
  [/max(?:imum)?\s?(?:output|completion|generation)|output (?:limit|length|tokens? limit)|max tokens|最大输出|输出(?:上限|长度|限制)|最多(?:能)?输出/u, "maxOutput"],
  [
    /支持多(?:大|长|少)的?上下文|上下文支持多|context (?:window|length|size|limit)|\bctx (?:window|size)|window size|how (?:long|big|large) (?:is )?(?:the |its )?context|上下文(?:窗口|长度|多大|多长|是多少|有多少|多少)|上下文.{0,4}(?:多大|多长|多少)|多长的上下文|窗口多大/u,
    "context",
  ],
  [/deprecat|retire|sunset|(?:still|be) (?:supported|available|around)|going away|end of life|\beol\b|shut ?down|弃用|下线|停用|淘汰|还能用|还支持|退役|停止服务/u, "deprecated"],
  [
    /open[-\s]?(?:source|weights?)|download (?:the )?weights|weights (?:available|public|released)|can i download|开源吗|是开源|开源的吗|开放权重|能下载|权重.{0,4}(?:公开|开放|下载)/u,
    "openWeights",
  ],
  [/(?:see|read|understand|handle|take|accept) (?:images?|pictures?|photos?|screenshots?)|vision|multimodal|image input|看图|图片|图像|视觉|多模态|识图/u, "vision"],
  [/tool (?:use|calling)|function[-\s]?calling|call (?:tools|functions)|\btools?\b|工具调用|函数调用|调用工具|function call/u, "tools"],
  [/reasoning model|a reasoner|does .{0,20}(?:reason|think)|thinking model|推理模型|会推理|能推理|支持推理|思考模式/u, "reasoning"],
  [
    /who (?:makes|made|built|provides|is behind|owns)|which (?:company|lab|vendor)|what company|made by|哪家公司|是哪家的|哪家的(?:模型)?[?？]?$|谁家的|谁(?:做|开发|出)的|哪个公司|出品/u,
    "provider",
  ],
  [
    /per (?:million|1m|mtok|token)|\/\s?(?:1m|mtok|m\b)|price per|pricing|price of|how much (?:is|does|do) .{0,30}(?:cost|charge|per)|每百万|每100万|单价|价格是|多少钱一|定价/u,
    "price",
  ],
];

/** The fact a line asks about a model (context, price, vision …), if any. */
export const factOf = (text: string): (typeof FACT_WORDS)[number][1] | undefined => FACT_WORDS.find(([pattern]) => pattern.test(text))?.[1];
export const FACT_QUESTION = /\?|？|吗|呢|多大|多少|多长|是不是|哪家|谁|does|is|are|can|what|which|who|how|whats|what's/u;
const ARTICLE = /article|\bblog\b|\bpost\b|the author|the (?:writer|piece|write-?up)|文章|博客|这篇|作者|原文|文中|报告里|它怎么说|怎么说的/u;
/** "5,000 articles a month", "每篇文章约 3000 字", "1 万篇文章": the asker's own articles, the work to price, not the article. */
const OWN_ARTICLES = /(?:\d[\d,.]*\s?(?:k|m|万|千|百)?|每|each|per|every|几|多少)\s?(?:篇|份)?\s?(?:blog\s|news\s|long\s|short\s)?(?:articles?|posts?|文章|博客)/gu;
/** Whether a line asks about the article, once the asker's own articles are set aside. */
export const asksArticle = (text: string): boolean => ARTICLE.test(text.replace(OWN_ARTICLES, " "));
export const MODELS_LIST =
  /^(?:list|show|all)(?: me)?(?: all| the)?.{0,24}\bmodels\b|^(?:which|what) models (?:support|have|can|are|do|handle|accept)|哪些模型(?:能|支持|可以|有|是)|what models (?:do you|can you|are)|which models (?:do you|are|can)|models (?:do you|you) (?:know|support|have)|有哪些模型|支持哪些模型|模型列表|都有什么模型|知道哪些模型|列出.{0,6}模型/u;
/** Weighed against buying the model through an API: "比 API 便宜吗", "跟 API 比", "还是用 API", "cheaper than the API". */
export const AGAINST_API =
  /(?:比|跟|和|与|还是)\s*(?:直接)?\s*(?:用|调用|调)?\s*api|cheaper than (?:the |an |using (?:an |the )?)?apis?\b|(?:vs\.?|versus|or) (?:the |an |using (?:an |the )?)?apis?\b/iu;
/** Words that point a line back at the last answer, whatever else it states: "and …", "what about …", "那 …", "… 呢". */
export const POINTS_BACK =
  /^(?:and|what about|how about|what if|also|instead|same (?:for|with|but)|ok (?:and|what about)|那|那么|那如果|换成|换|改成|改为|再|还有|加上|同样)|(?:呢|呢？|呢\?)$|\binstead\b/u;
export const CHEAPEST =
  /cheapest|cheaper option|cheap(?:est)?\b|lowest[-\s]?(?:price|cost)|least expensive|most affordable|budget (?:model|option|pick)|best (?:value|bang)|\brecommend|which model (?:should|to|for|is best|would)|what model (?:should|to|for|is best|would)|best model for|good (?:model )?for|最便宜|便宜|省钱|性价比|最低|推荐|用什么模型|用哪个模型|选哪个|哪个模型|什么模型|有没有.{0,8}模型|适合/u;
/** Words for a low price alone, which make a list of models a question about the cheapest of them. */
export const CHEAP = /\bcheap|affordable|inexpensive|low[-\s]?cost|lowest[-\s]?(?:price|cost)|便宜|省钱|性价比|划算|低价|低成本/u;
export const COMPARE =
  /\bvs\.?\b|versus|compar|cheaper than|more expensive than|pricier than|difference|\bdiff\b|how much more|how much less|对比|比较|相比|差多少|差距|哪个(?:更)?(?:便宜|贵|好|划算|省钱)|比.{0,16}(?:便宜|贵|省)|还是|\bor\b|\bthan\b/u;
/** Another model weighed against the one being discussed: "cheaper than 4o mini", "跟 gpt-5 比呢", "和 o3 相比". */
export const WEIGHED_AGAINST =
  /\bvs\.?\b|versus|\bthan\b|compared? (?:(?:it|that|this|them) )?(?:to|with|w\/)|\bagainst\b|(?:跟|和|与|同).{1,30}?(?:比|相比|对比)|比一?下|对比|比较/u;
export const PRICE = /\bprice|\bcost|how much|pricing|spend|bill|expensive|贵|价格|多少钱|费用|收费|定价|价钱|成本|花多少|花费|账单/u;
export const WORTH = /worth it|worth|划算|值得|值不值|合算|省不省|省钱吗/u;
export const BATCH =
  /\bbatch(?:es|ed)?\s?(?:api|mode|pricing|price|discount|job|jobs|endpoint|tier)?\b|批处理|批次处理|批[量次]\s?(?:接口|模式|api|价格|定价|调用|折扣)|离线批量|(?:改用|用|走|换成|改成|切到|切成|转成)批[量次](?:处理)?(?!数据|资料)|\bw\/ batch/u;
/**
 * Taiwan's "批次處理" is the batch API, read before the line becomes Simplified (where it turns into 批量处理, bulk
 * work); data after it ("批次處理資料") is bulk data processing.
 */
export const BATCH_TAIWAN = /批次(?:處理|处理)(?!\s?(?:資料|资料|數據|数据))/u;
/** GPUs the asker already has: "we own 4 H100s", "our own H100s", "自有的 8 张卡", "已经买了显卡". */
export const OWNED_GPUS =
  /\b(?:we|i) (?:already )?(?:own|have bought|bought|purchased)\b|\b(?:we|i)(?: already)?(?: have|['’]ve(?: got)?| have got| got) (?:\d+\s?(?:x\s?)?)?(?:h\d{3}|a100|b200|l40s?|rtx|4090|5090|gpus?)|\bour (?:own )?(?:\d+\s?)?(?:h\d{3}|a100|b200|l40s?|gpus?|cards?|hardware)\b|(?:我们|我|公司|团队)(?:手上|手里|已经|自己|机房里?)?有.{0,6}(?:卡|gpu|显卡|h\d{2,3}|a[18]00|b200|l40|[2-5]0[6-9]0)|\b(?:h\d{3}|a100|b200|l40s?|gpus?|cards?|4090|5090)s? (?:\(?owned\)?|(?:that )?we (?:already )?own)\b|\bown(?:ed)? (?:\d+\s?)?(?:h\d{3}|a100|b200|l40s?|gpus?|cards?|hardware)|(?:自有|自己的|已有|现有|手上有|手头有).{0,8}(?:卡|gpu|显卡|h\d{2,3}|a[18]00|b200|l40)|(?:已经)?买了.{0,8}(?:卡|gpu|显卡|h\d{2,3}|a[18]00|b200|l40)|(?:卡|gpu|显卡)(?:是|都是)?(?:我们|我|公司)?自己(?:买|购买|采购|出钱买)?的|自己买(?:的)?(?:卡|gpu|显卡)|\bwe bought (?:them|the (?:gpus|cards))\b/u;
/** GPUs rented rather than owned: "rent 8 h100s", "租 4 张卡", "on-demand". */
export const RENTED_GPUS = /\b(?:rent|rents|rented|renting|rental|lease|leased|leasing|on[-\s]demand)\b|租|按需/u;
/** A follow-up that takes the cache share or the batch API back out: "actually no cache", "不用缓存", "不算缓存", "without batch". */
export const NO_CACHE =
  /\bno (?:cache|caching|cached input|prompt cach)|\bwithout (?:any )?(?:cache|caching)|\b(?:un|not |non[-\s]?)cached\b|\bcache off\b|\b0\s?% cach|\b(?:not counting|ignoring|excluding|leaving out|leave out|minus)(?: the| any)? (?:cache|caching|cached|prompt cach)|(?:不|没|无|别|不要|不用|没有|去掉|关掉|取消)(?:用|走|开|命中|有|算|计|考虑|计算)?缓存/u;
/** A job run once, not every month: "one-time run", "a one-off backfill", "one-off: summarize …", "一次性跑完", "一次性把…". */
export const ONE_RUN =
  /\bone[- ]?(?:time|off|shot)\s(?:run|job|batch|backfill|migration|import|export|pass|processing|load|conversion|translation|labell?ing|task)\b|\bone[- ](?:off|time|shot)\b(?=\s?[:：—–-]|\s(?:to|we|i|summar|translat|classif|label|process|embed|convert|migrat|import|backfill|re-?process))|\b(?:run|do|process) (?:it |this |them |the (?:job|batch) )?(?:just )?once\b(?!\s(?:a|per|every|each)\b)|一次性(?:把|将|跑|处理|导入|迁移|回填|生成|翻译|标注|转换|完成|做)|(?:跑|做|执行)一次[^，。,；;\d]{0,10}(?:回填|迁移|导入|补跑|全量处理|初始化)|只(?:跑|做|处理)一次(?!\s?[/／]|每)/u;
export const NO_BATCH =
  /\bno batch|\bwithout (?:the )?batch|\bnot? (?:using |use )?batch|\bbatch off\b|\b(?:skip|skipping|drop|dropping|forget|ditch) (?:the )?batch|\b(?:normal|regular|standard|sync(?:hronous)?|real-?time) (?:api|endpoint|pricing|prices)\b|普通\s?(?:api|接口)|标准(?:价格|价)|实时\s?(?:api|接口)|(?:不|没|别|不要|不用|去掉|取消)(?:用|走)?批(?:量|处理|次)/u;
/** GPUs kept busy all the time, or idle half of it: utilization said in words. */
export const FULL_LOAD =
  /\b(?:at |on )?(?:full (?:load|utili[sz]ation|capacity|tilt|throttle)|fully (?:utili[sz]ed|loaded|saturated|busy)|maxed out|flat out|at (?:max|maximum) (?:load|capacity)|(?:100|hundred) ?percent busy|saturated)\b|满负荷|满负载|满载|跑满|打满|全负荷|满功率|一直满|全速跑/u;
export const HALF_IDLE =
  /\bidle half (?:the|of the) time\b|\bhalf (?:the|of the) time idle\b|\bbusy half (?:the|of the) time\b|一半(?:的)?时间(?:闲|空闲|闲置|闲着|在跑|跑)|闲(?:置|着)?一半(?:时间)?/u;
/** Half of the input cached, said in words: "cache 一半", "half cached", "一半命中缓存". */
export const CACHE_HALF =
  /\b(?:cache|caching|cached)\s?(?:hit(?:s| rate)?\s?(?:of\s)?)?(?:is\s)?(?:一半|half)|\bhalf (?:(?:of )?(?:it|the input|input|the prompts?|prompts|the requests|requests) )?(?:is |are |gets? |will )?(?:cached|hits? (?:the )?(?:prompt )?cache)|(?:缓存|命中)(?:率)?\s?(?:一半|50%)|一半(?:的)?(?:输入|请求|prompt)?\s?(?:都)?(?:能|会|可以)?(?:命中|走|用|读|打到|吃到)?(?:了)?缓存/u;
/** A line about the cache, utilization or one side of the volume: its "half" or "double" is not the month's volume. */
export const NOT_THE_VOLUME = /\bcach|缓存|命中|utili[sz]ation|利用率|\b(?:input|output)\b|输入|输出|gpus?\b|显卡|卡/u;
/** A weight precision named in words: "at fp8", "bf16", "fp16" (as wide as bf16), "4-bit" / "int4 量化", "mxfp4". */
export const PRECISION = /(?<![a-z0-9])(bf16|fp16|fp8|mxfp4|fp4|int4|4[-\s]?bits?|16[-\s]?bits?|半精度)(?![a-z0-9])/u;
/** A size stated per document: "400k tokens each", "per contract", "每份约40万token". */
export const PER_DOCUMENT = /tokens? (?:each|apiece|per (?:doc|document|file|contract|report|pdf|book))\b|[每单一](?:份|篇|本|个文档|个文件)/u;
/** A follow-up correcting a name of the last question: "ah i meant gpt-5.5", "我是说 gpt-5.5". */
export const CORRECTION = /\b(?:i|we) (?:meant|mean)\b|^(?:ah|oh|sorry|oops)?[,，\s]*meant\b|我(?:是说|的意思是|指的是|说的是)|打错了|写错了|\btypo\b/u;
/** Documents a prompt is made of, in the words teams use for them. */
export const DOCUMENTS = /\b(?:contracts?|documents?|docs|pdfs?|books?|reports?|files|papers|transcripts?|codebases?|manuals?)\b|合同|文档|文件|报告|论文|书|代码库|手册/u;
export const FLEX = /\bflex(?: tier| processing| pricing)?\b|弹性/u;
export const PRIORITY = /\bpriority(?: tier| processing| pricing)?\b|优先级/u;
export const CHINESE_ABILITY =
  /(?:good|great|strong|best|better|decent) chinese|繁体中文|简体中文|支援中文|中文支援|(?:good|great|strong|best|better) (?:at|in|with) chinese|支持中文|中文支持|chinese (?:docs|documents|text|content|support|customers|users|speakers)|中文(?:要好|模型|的模型|文档|内容|客服)|chinese[-\s](?:ability|language|support|quality|capable|skills?|fluency)|speaks? chinese|handles? chinese|in chinese|chinese (?:text|content|customers|users)|中文(?:能力|好|强|不错|水平|表现|效果|理解|写作|场景|支持)|中文(?:水平|能力)?(?:比较|更|最|很|挺|还|较)(?:好|强|高|不错|流畅|地道)|中文好|中文(?:要|得|需要|必须)(?:够|足够)?(?:好|强)|懂中文|会中文|识中文|说中文|中文.{0,3}(?:好的|强的)/u;
/** "中英互译", "翻成中文": translating to or from Chinese needs Chinese ability (and is still the translation task). */
export const CHINESE_PAIR = /中英(?:互译|翻译|对译)|英中(?:互译|翻译)|(?:翻|译|翻译)成中文/u;
export const OUT_OF_SCOPE =
  /weather|天气|joke|笑话|recipe|菜谱|stock price|股价|write (?:me )?(?:a|an) (?:poem|haiku|story|email|essay|song)|translate (?:this|the following)|reset (?:my|the) .{0,20}password|who won|movie|电影|歌曲|帮我写|写一(?:首|封|篇)|翻译一下/u;

/** A line that goes on from the last answer: "and for 1B tokens?", "what about X?", "用H200呢", "换成缓存80%", "5M?". */
export const FOLLOW_UP =
  /^(?:and|what about|how about|what if|now|then|also|instead|same (?:for|with|but)|ok (?:and|what about)|but|with|if|at|for|那|那么|那如果|如果|换成|换|改成|改为|改|用|再|还有|加上|要是|假如|并且|另外|同样)|(?:呢|呢？|呢\?)$|instead\??$|^(?:\d|[一二两三四五六七八九十])/u;
/** A line naming several models that asks the last question again of them: "same but for X and Y", "换成 X 和 Y". */
export const OTHER_MODELS =
  /^(?:ok[,，]?\s*)?(?:same (?:thing |question |again )?(?:but )?(?:for|with)|(?:and|now) (?:for|with)|what about|how about|now (?:try|do)|try|instead[,:]?|switch to|swap (?:to|in)|redo (?:it |that )?(?:for|with))\b|^(?:那|那么)?(?:同样|一样)|^(?:那)?(?:换成|改成|换|改用|再看看|看看)|(?:呢|呢？|呢\?)$|\binstead\s*[?？.!]*$|\bfor (?:that|this|it|the same(?: [a-z]+)?)\s*[?？.!]*$|\bat (?:that|this|the same) (?:volume|workload|usage)\b|(?:这个|那个|同样的|一样的)(?:量|用量|工作量)/u;
export const REPLACE =
  /instead|switch (?:to|it)|replace|swap|\bsame (?:thing |question |again )?(?:but )?(?:for|with)\b|换成|换|改成|改为|改用|替换|改做|转做|转用|同样的问题|一样的问题/u;
/** A line that opens by adding models ("再加 o3 跟 ds r1", "also add X and Y"): several models joining the last question. */
export const ADD_LEADING = /^(?:also add|add|plus|also|throw in|and also)\b|^(?:再加|加上|也加|多加|加个|加一个|再比|顺便加)/u;
export const ADD =
  /^(?:and|also|plus|add|with|include|throw in|what about adding)\b|add (?:in )?|\b(?:too|as well|also)\s*[?？.!]*$|加上|还有|再加|也加|多加|加个|加一个|加入|加进|加返|加埋|^加\s?|顺便(?:比|看|算)|也(?:比|看|算)(?:一下|下)?|一起(?:比|看|算)|以及/u;
/** "half the traffic", "30% of our volume", "一半的流量", "三成用量": the share of a usage moved to another model. */
const MOVED_SHARE =
  /\b(half|a third|a quarter|(\d{1,2}(?:\.\d)?)\s?%)\s(?:of\s)?(?:the\s|our\s|its\s|that\s|it\s)?(?:traffic|volume|usage|requests|load|calls|queries)?\s?(?=(?:moves?|goes|switch(?:es)?|shifts?)\s(?:over\s)?to\b)|\b(half|a third|a quarter|(\d{1,2}(?:\.\d)?)\s?%)\s(?:of\s)?(?:the\s|our\s|its\s|that\s)?(?:traffic|volume|usage|requests|load|calls|queries)\b|(一半|一成|两成|三成|四成|六成|七成|八成|九成|(\d{1,2}(?:\.\d)?)\s?%)\s?的?(?:流量|用量|请求|调用|量)/u;
const MOVED_WORDS: Record<string, number> = {
  half: 50,
  "a third": 100 / 3,
  "a quarter": 25,
  一半: 50,
  一成: 10,
  两成: 20,
  三成: 30,
  四成: 40,
  六成: 60,
  七成: 70,
  八成: 80,
  九成: 90,
};

/** The share of a usage the line moves to another model, in percent; undefined when it moves all of it. */
export function movedPercentOf(text: string): number | undefined {
  const match = MOVED_SHARE.exec(text);
  if (!match) return undefined;
  const number = match[2] ?? match[4] ?? match[6];
  const percent = number !== undefined ? Number(number) : MOVED_WORDS[match[1] ?? match[3] ?? match[5] ?? ""];
  return percent !== undefined && percent > 0 && percent < 100 ? percent : undefined;
}

/** "we spend $4k on gpt-4o, what would the same usage cost on gpt-4.1?": the first model's volume priced on the others */
export const SAME_USAGE =
  /\b(?:same|that|this|equivalent|equal) (?:usage|volume|workload|traffic|amount|load|tokens)\b|\b(?:switch(?:ing|ed|es)?|mov(?:e|es|ed|ing))\s(?:(?:half|a third|a quarter|\d{1,2}(?:\.\d)?\s?%)\s(?:of\s)?(?:the\s|our\s|its\s|that\s)?(?:traffic|volume|usage|requests|load|calls|queries)\s)?(?:over\s)?to\b|换成|改用|切换到|換成|切換到|同样的?(?:用量|使用量|量|流量|调用量)|一样的?(?:用量|量)|相同的?(?:用量|量)|同樣的?(?:用量|使用量|量|流量)|一樣的?(?:用量|量)/u;
