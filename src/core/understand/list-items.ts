/**
 * The items of a comparison typed in a line ("gpt-4o vs reka core, 10M tokens", "书生 和 deepseek 哪个便宜"): an item
 * that names nothing the reader found (no model, family or unknown name) is a name it cannot read, to be named back
 * as typed rather than left out of a verdict without a word.
 */

/** Words that join the items of a comparison. */
const SEPARATOR = /\s(?:vs\.?|versus|or)\s|\s?(?:和|跟|与|还是|对比)\s?/gu;
/** Commas and "and" between the items of a list of three or more ("compare reka core, mistral large and haiku 4.5"). */
const LIST_JOIN = /(?<!\d)\s?[,，、]\s?(?!\d)|\sand\s|\s?以及\s?/gu;
const JOIN_FIRST = new RegExp(`^(?:${LIST_JOIN.source})`, "u");
/** A join that closes a list ("…, y and z"), unlike a plain comma, which also ends a clause ("gpt-5 mini, thanks!"). */
const CLOSING_JOIN = /^(?:\sand\s|\s?以及\s?|\s?、\s?)$/u;
const JOIN_BEFORE = new RegExp(`(?:${LIST_JOIN.source})$`, "u");
/** What may follow a list's last item: the end of the question or the words that go on after a list. */
const LIST_ENDS = /^\s*(?:$|[?？.!！。]|(?:for|at|with|on|in|per|which|what|who)\b|每|一个月|哪|谁)/u;
/** An amount with its unit ("36M in"), which no name holds. */
const HAS_AMOUNT = /\d(?:[\d.,]*)\s?(?:k|m|b|bn|万|亿|千|tokens?|%)(?![a-z])/iu;
/** Where an item after a separator ends: punctuation, a number, or the words of the question around the list. */
const ITEM_END =
  /[,，。;；?？!！:：()（）、]|\.(?=\s|$)|\s(?:vs\.?|versus|or|and|for|at|with|on|in|per|cost|costs|price|prices|pricing|which|what|is|are|using|when|if|monthly|to|from|who|whose|model|models|cheaper|dearer|better|faster|more|less)\b|和|跟|与|还是|对比|哪|每|一个月|的|比较|比|便宜|贵|价格|多少|用|在|划算|怎么|谁|(?:\s|(?<=\p{Script=Han}))\d+(?:\.\d+)?\s?(?:k|m|b|bn|万|亿|千|tokens?|%)(?![a-z])/u;
/** Words that open a question before its first item ("compare x vs y", "比较 x 和 y"). */
const ITEM_OPENER = /^.*(?:\b(?:compare|comparing|between|price of|cost of|is|which|what|how|about|for|and|of|me|use|using|pick|choose)\s+|比较|对比|请问|问下|看看|用)/u;
const PUNCTUATION = /[,，。;；?？!！:：()（）、]/u;
/** Items that are no model: the other side of a choice people weigh against a model. */
const NOT_A_MODEL =
  /^(?:the\s)?(?:api|apis|self[-\s]?host(?:ing|ed)?|selfhost|local(?:ly)?|on[-\s]?prem(?:ise)?|cloud|open[-\s]?source|batch|flex|priority|it|them|this|that|both|others?|anything|something|the rest|cheaper|cheapest|(?:cost |price )?(?:per|a|each) (?:seat|head|user|person|developer|dev|engineer|month)|(?:monthly )?total|人均|每人|自建|本地(?:部署)?|私有化(?:部署)?|私有部署|开源|闭源|国产|国外|其他|别的|它们?|这个|那个|价格|质量|速度|效果|性能|成本|费用|用api|调用api|(?:直接)?打\s?api|(?:直接)?(?:call|hit)\s(?:the\s)?api)$/iu;
/** Everyday words found around "vs" and "or" in these questions; an item made only of them names no model. */
const COMMON_WORDS = new Set(
  (
    "a an the it its it's is are was be been do does did doing should would could can will we i you us me my our your their they them whats what's " +
    "write writing written off amortize amortized amortise amortised depreciate depreciated over rest stays remains remaining " +
    "how many much cards card interactive " +
    "this that these those both either neither none nothing else other others something anything all any some every each just only " +
    "also too really actually maybe probably instead rather worth cheaper cheap cheapest better best worse worst faster fastest slower " +
    "more less expensive dearer good bad ok okay enough fine api apis self host hosting hosted selfhost own server servers hardware gpu gpus " +
    "cloud local locally prem on-prem price prices pricing cost costs quality speed latency performance accuracy context tokens token money " +
    "budget buy buying rent renting pay paying per month monthly year yearly hour hourly use using run running build building keep stay " +
    "switch switching stick go with without option options plan plans tier tiers batch realtime real-time streaming fine-tune finetune " +
    "fine-tuning finetuning rag agent agents chat coding code translation summarization open source closed weights model models provider " +
    "providers vendor vendors managed serverless dedicated reserved spot on-demand instance instances now later today smart smarter " +
    "bigger smaller large small medium fast slow alternative alternatives stuff thing things free paid subscription plan team teams " +
    "groq together fireworks deepinfra openrouter bedrock azure vertex replicate anyscale lambda novita hyperbolic cerebras sambanova " +
    "nebius baseten modal runpod vast lepton siliconflow host hosts openai anthropic google meta microsoft amazon aws alibaba xai " +
    "openai's anthropic's google's meta's microsoft's amazon's alibaba's"
  ).split(" "),
);
/** Chinese words around 和/还是 that name no model. */
const COMMON_HAN =
  /^(?:(?:阿里巴巴|阿里|字节跳动|字节|百度|腾讯|谷歌|微软|亚马逊|硅基流动|阿里云|百炼|火山引擎|火山|腾讯云|百度智能云|划算|值得|合适|更好|好|便宜|贵|哪个|自建|自己部署|部署|私有|本地|云|云端|租|租用|买|购买|用|调用|调|直接|官方|第三方|国内|国外|国产|开源|闭源|模型|接口|服务|方案|价格|质量|速度|效果|性能|成本|费用|延迟|稳定性?|中文|英文|编程|写作|翻译|的|还|是|更|都|也)\s?)+$/u;
/** Words of a workload, never of a name: "每月大约处理两千万 token 的输入 和 五百万的输出". */
const WORKLOAD_WORDS = /\btokens?\b|\b(?:input|output)\b|输入|输出|每月|每天|每个月/iu;
const MAX_ITEM_CHARS = 30;

/** A word people use around comparisons that names no model ("together", "worth", "api"). */
export function isEverydayWord(word: string): boolean {
  return COMMON_WORDS.has(word.toLowerCase());
}
const MAX_ITEM_WORDS = 3;

/** "直接调 API", "自己部署 GPU": Chinese and English everyday words mixed in one item name no model either. */
function isEverydayMix(item: string): boolean {
  const han = item.replace(/[^\p{Script=Han}]/gu, "");
  const latin = item.toLowerCase().match(/[a-z][a-z0-9'-]*/gu) ?? [];
  return Boolean(han) && COMMON_HAN.test(han) && latin.every((word) => COMMON_WORDS.has(word));
}

export interface ListItem {
  text: string;
  from: number;
  to: number;
}

/** A comparison's items (lower-cased line) that no span in `read` covers, as typed spans of the line. */
export function unreadItems(line: string, read: readonly { from: number; to: number }[]): ListItem[] {
  const items: ListItem[] = [];
  const covered = (from: number, to: number) => read.some((span) => from < span.to && to > span.from);
  const spanOf = (from: number, text: string) => {
    const trimmed = text.trim();
    const start = from + text.indexOf(trimmed);
    return Boolean(trimmed) && covered(start, start + trimmed.length);
  };
  const add = (from: number, text: string, otherSideRead: boolean) => {
    const trimmed = text.trim();
    const start = from + text.indexOf(trimmed);
    const han = /^[\p{Script=Han}\s]+$/u.test(trimmed);
    // "现在还是这个价吗": a Chinese word beside 还是/和 is an item only when the other side is a name read
    if (han && !otherSideRead) return;
    if (!trimmed || trimmed.length > MAX_ITEM_CHARS || trimmed.split(/\s+/).length > MAX_ITEM_WORDS) return;
    if (!/[\p{L}]/u.test(trimmed) || NOT_A_MODEL.test(trimmed) || WORKLOAD_WORDS.test(trimmed) || (han && (trimmed.length > 6 || COMMON_HAN.test(trimmed)))) return;
    const words = trimmed.toLowerCase().split(/[\s,]+/);
    if (!han && words.every((word) => COMMON_WORDS.has(word.replace(/[?!.]+$/u, "")))) return;
    if (!han && isEverydayMix(trimmed)) return;
    if (covered(start, start + trimmed.length) || items.some((i) => i.from === start)) return;
    items.push({ text: trimmed, from: start, to: start + trimmed.length });
  };
  const sides = (at: number, length: number) => {
    const after = at + length;
    const rest = line.slice(after);
    const end = ITEM_END.exec(rest);
    const right = rest.slice(0, end ? end.index : rest.length);
    const head = line.slice(0, at).split(PUNCTUATION).at(-1)!;
    return { after, right, head, left: head.replace(ITEM_OPENER, "") };
  };
  // in a list of three or more joined by commas and "and", an item is named back between two items read, first after
  // "compare …", or last after "and"; two items and a comma are a clause ("gpt-5 mini, thanks!"), not a list
  for (const join of line.matchAll(LIST_JOIN)) {
    const { after, right, head, left } = sides(join.index, join[0].length);
    const leftFrom = join.index - left.length;
    const leftRead = spanOf(leftFrom, left);
    const rightRead = spanOf(after, right);
    const next = line.slice(after + right.length);
    const nextJoin = JOIN_FIRST.exec(next);
    const nextRead = nextJoin ? spanOf(after + right.length + nextJoin[0].length, sides(after + right.length, nextJoin[0].length).right) : false;
    const lastAfterList = CLOSING_JOIN.test(join[0]) && JOIN_BEFORE.test(line.slice(0, leftFrom)) && LIST_ENDS.test(next);
    // 、 joins nothing but a list's items: one beside a name read is an item wherever the list starts ("TAIDE、gpt-5 nano 跟 …")
    const enumerated = join[0].includes("、");
    if (rightRead && !leftRead && (left !== head || enumerated) && (nextRead || enumerated) && !HAS_AMOUNT.test(left)) add(leftFrom, left, true);
    if (leftRead && !rightRead && !HAS_AMOUNT.test(right) && (nextRead || lastAfterList || enumerated)) add(after, right, true);
  }
  for (const separator of line.matchAll(SEPARATOR)) {
    const { after, right, left } = sides(separator.index, separator[0].length);
    add(after, right, spanOf(separator.index - left.length, left));
    add(separator.index - left.length, left, spanOf(after, right));
  }
  return items;
}
