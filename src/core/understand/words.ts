/** The phrases that say what a question asks, in English and Chinese. Each is tested on the normalized line. */

export const ESTIMATE =
  /how many tokens|how many toks?\b|estimate (?:the )?tokens?|tokens? (?:in|for) (?:this|that|the following)|how much (?:would|will|does|is) (?:this|that|the following|my) (?:prompt|text|message|paste|doc|document|email)|估一?下.{0,8}(?:token|词元)|count (?:the |my )?tokens|token count|tokens? (?:is|in|are there in) (?:this|that|the following|my|it)|tokeni[sz]e|(?:多少|几)个?\s?(?:token|词元|令牌)|token\s?(?:数|数量|个数)|估算.{0,16}(?:token|词元|费用|多少钱|成本)|算一?下.{0,12}(?:token|词元)|数一?下.{0,8}token|多少token|这段.{0,10}(?:多少|几个)/u;
export const SELFHOST =
  /self[-\s]?host|on[-\s]?prem|(?:our |my )?own (?:gpus?|hardware|servers?|cluster|infra)|run (?:it |them |this )?(?:myself|ourselves|locally|in-house)|host (?:it|them) (?:ourselves|myself)|deploy (?:it |them )?(?:ourselves|myself|on)|自建|自架|架设|地端|自托管|私有化|本地部署|自己部署|自部署|自己跑|本地跑|自己搭|搭建|部署|租(?:卡|gpu|显卡)|买(?:卡|gpu|显卡)|(?:跑|部署).{0,6}(?:划算|值得|多少钱|成本)|\bserve (?:it|them)\b|vllm|sglang/u;
export const PROVIDERS =
  /who (?:provides|hosts|serves|offers|sells)\b.{0,40}\b(?:cheap|cheapest|lowest|fastest)|(?:cheapest|fastest) (?:providers?|hosts?|apis?) (?:for|of)|\bproviders?\s?[?？]?$|(?<!self[-\s]?)\bhosts?\s?[?？]?$|which (?:provider|host|api|vendor|platform|cloud)|(?:groq|together|fireworks|deepinfra|openrouter|cerebras|bedrock|azure|vertex)\b.{0,20}(?:cheaper|vs|or)|有哪些(?:供应商|服务商|平台|渠道)|哪些(?:云|平台)|在哪(?:些|里|儿)?(?:云|平台)?(?:上)?(?:能|可以)?(?:调用|用|买|跑)|哪里买|渠道|比官方便宜|cheapest (?:provider|host|api|place|way to (?:run|get|use))|providers? (?:for|of)|who (?:hosts|serves|offers|sells)|where (?:can (?:i|we)|to|should (?:i|we)) (?:run|get|buy|use|host|find)|哪家|哪个(?:平台|厂商|服务商|供应商|云)|(?:供应商|服务商|平台)(?:最便宜|哪个|有哪些)|在哪(?:里|儿)?(?:买|用|跑)/u;
export const BUDGET =
  /budget|afford|what (?:can|could|does|will|would) .{0,24}(?:buy|get)|how (?:many|much) tokens? (?:can|could|does|will|would)|how far (?:does|will|would|can)|spend (?:up to|at most)|预算|能买|能用多少|够用|够不够|能跑多少|买得起|可以用多少|能跑什么|能用什么/u;
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
export const FACT_QUESTION = /\?|？|吗|呢|多大|多少|多长|是不是|哪家|谁|does|is|are|can|what|which|who|how|whats|what's/u;
export const ARTICLE = /article|\bblog\b|\bpost\b|the author|the (?:writer|piece|write-?up)|文章|博客|这篇|作者|原文|文中|报告里|它怎么说|怎么说的/u;
export const MODELS_LIST =
  /^(?:list|show|all)(?: me)?(?: all| the)?.{0,24}\bmodels\b|^(?:which|what) models (?:support|have|can|are|do|handle|accept)|哪些模型(?:能|支持|可以|有|是)|what models (?:do you|can you|are)|which models (?:do you|are|can)|models (?:do you|you) (?:know|support|have)|有哪些模型|支持哪些模型|模型列表|都有什么模型|知道哪些模型|列出.{0,6}模型/u;
export const CHEAPEST =
  /cheapest|cheaper option|cheap(?:est)?\b|lowest[-\s]?(?:price|cost)|least expensive|most affordable|budget (?:model|option|pick)|best (?:value|bang)|\brecommend|which model (?:should|to|for|is best|would)|what model (?:should|to|for|is best|would)|best model for|good (?:model )?for|最便宜|便宜|省钱|性价比|最低|推荐|用什么模型|用哪个模型|选哪个|哪个模型|什么模型|有没有.{0,8}模型|适合/u;
export const COMPARE =
  /\bvs\.?\b|versus|compar|cheaper than|more expensive than|pricier than|difference|\bdiff\b|how much more|how much less|对比|比较|相比|差多少|差距|哪个(?:更)?(?:便宜|贵|好|划算|省钱)|比.{0,16}(?:便宜|贵|省)|还是|\bor\b|\bthan\b/u;
export const PRICE = /\bprice|\bcost|how much|pricing|spend|bill|expensive|贵|价格|多少钱|费用|收费|定价|价钱|成本|花多少|花费|账单/u;
export const WORTH = /worth it|worth|划算|值得|值不值|合算|省不省|省钱吗/u;
export const BATCH = /\bbatch(?:es|ed)?\s?(?:api|mode|pricing|price|discount|job|jobs|endpoint|tier)?\b|批处理|批量(?:接口|模式|api|价格|调用)|离线批量|\bw\/ batch/u;
/** GPUs the asker already has: "we own 4 H100s", "our own H100s", "自有的 8 张卡", "已经买了显卡". */
export const OWNED_GPUS =
  /\b(?:we|i) (?:already )?(?:own|have bought|bought|purchased)\b|\bown(?:ed)? (?:\d+\s?)?(?:h\d{3}|a100|b200|l40s?|gpus?|cards?|hardware)|(?:自有|自己的|已有|现有|手上有|手头有).{0,8}(?:卡|gpu|显卡|h\d{3}|a100|b200|l40)|(?:已经)?买了.{0,8}(?:卡|gpu|显卡|h\d{3}|a100|b200|l40)/u;
/** A size stated per document: "400k tokens each", "per contract", "每份约40万token". */
export const PER_DOCUMENT = /tokens? (?:each|apiece|per (?:doc|document|file|contract|report|pdf|book))\b|每(?:份|篇|本|个文档|个文件)/u;
export const FLEX = /\bflex(?: tier| processing| pricing)?\b|弹性/u;
export const PRIORITY = /\bpriority(?: tier| processing| pricing)?\b|优先级/u;
export const CHINESE_ABILITY =
  /(?:good|great|strong|best|better|decent) chinese|繁体中文|简体中文|支援中文|中文支援|(?:good|great|strong|best|better) (?:at|in|with) chinese|支持中文|中文支持|chinese (?:docs|documents|text|content|support|customers|users|speakers)|中文(?:要好|模型|的模型|文档|内容|客服)|chinese[-\s](?:ability|language|support|quality|capable|skills?|fluency)|speaks? chinese|handles? chinese|in chinese|chinese (?:text|content|customers|users)|中文(?:能力|好|强|不错|水平|表现|效果|理解|写作|场景|支持)|中文好|懂中文|会中文|说中文|中文.{0,3}(?:好的|强的)/u;
export const OUT_OF_SCOPE =
  /weather|天气|joke|笑话|recipe|菜谱|stock price|股价|write (?:me )?(?:a|an) (?:poem|haiku|story|email|essay|song)|translate (?:this|the following)|reset (?:my|the) .{0,20}password|who won|movie|电影|歌曲|帮我写|写一(?:首|封|篇)|翻译一下/u;

/** A line that only changes the last question: "and for 1B tokens?", "what about X?", "用H200呢", "换成缓存80%". */
export const FOLLOW_UP =
  /^(?:and|what about|how about|what if|now|then|also|instead|same (?:for|with|but)|ok (?:and|what about)|but|with|if|at|for|那|那么|那如果|如果|换成|换|改成|改为|改|用|再|还有|加上|要是|假如|并且|另外|同样)|(?:呢|呢？|呢\?)$|instead\??$|^(?:\d|[一二两三四五六七八九十])/u;
export const REPLACE = /instead|switch (?:to|it)|replace|swap|\bsame (?:thing |question |again )?(?:but )?(?:for|with)\b|换成|换|改成|改为|改用|替换|同样的问题|一样的问题/u;
export const ADD = /^(?:and|also|plus|add|with|加上|还有|再加|另外|并且)\b|add (?:in )?|加上|还有/u;
