/** Kinds of model the knowledge does not cover: it is about text (chat) models only. */
export type Uncovered = "imageGeneration" | "embeddings" | "speech";

const UNCOVERED: [RegExp, Uncovered][] = [
  [
    /(?:image|video)[-\s]?generat|generat(?:e|es|ing|ion of) (?:[a-z]+ ){0,2}(?:images?|pictures?|photos?|art|artwork|logos?|illustrations?|videos?)|text[-\s]?to[-\s]?(?:image|video)|\b(?:image|video) gen\b|dall[-\s·]?e|midjourney|stable diffusion|\bsora\b|文生图|文生视频|生成图片|生成图像|生成视频|图片生成|图像生成|视频生成|影像生成|生成影像|生成影片|影片生成|生图|生成(?:一张|几张|张)?(?:图(?![表示])|插画|海报|头像)|画图|绘图|画画|ai\s?(?:绘画|画图|作画)|作图|出图|\b(?:draw|make|create|generate|design)s? (?:me )?(?:an? |some |our )?(?:(?!(?:sense|use|out|of|from|with|on|in)\b)[a-z]+ ){0,2}(?:images?|pictures?|logos?|illustrations?|drawings?|thumbnails?|posters?|banners?|icons?|avatars?|product (?:photos?|shots?))\b|(?:做|设计|生成|画)(?:一张|张)?(?:海报|logo|图标|头像|插画|缩图|封面图)|(?:生成|制作|设计|画)(?:一张|几张|张|一些|些)?(?!关于|有关)[\p{Script=Han}a-z]{1,4}?(?:图片|图像|照片|插画|海报|主图|效果图|宣传图)(?!理解|识别|分析|描述|分类|审核|里|中|内容|的(?:描述|文字|说明|标题|内容|摘要))/u,
    "imageGeneration",
  ],
  [/\bembeddings?\b|embedding model|\brerank(?:ing|er)?\b|向量化|嵌入模型|向量模型|矢量模型|文本嵌入|重排序?模型|embedding/u, "embeddings"],
  [
    /text[-\s]?to[-\s]?speech|speech[-\s]?to[-\s]?text|\btts\b|\bstt\b|\basr\b|\bspeech\b|\baudio\b|transcri(?:be|bing|ption|ptions)|voice[-\s]?(?:cloning|synthesis|generation|over)|\bsubtitles?\b|\b(?:podcasts?|recordings?|voice (?:notes?|memos?)|audio files?|phone calls?) (?:in)?to text\b|语音|字幕|录音|转写|转录|配音|朗读|听写/u,
    "speech",
  ],
];

/** "no transcription needed", "transcribing isn't needed", "已经转写好了": a kind said not to be wanted. */
const NEGATED_BEFORE =
  /(?:\b(?:no|without|skip(?:ping)?|(?:do|does|did)(?:n['’]t| not) (?:need|want|do)(?: any| the)?|no need (?:for|to))\s(?:[a-z]+\s)?|(?:不需要|不需|不用|无需|無需|不必|(?<!有)[没沒]有|不要|不做|不涉及|已经|已經|已)[^，。,；;]{0,6})$/u;
const NEGATED_AFTER =
  /^[^.,;!?，。；]{0,16}?(?:\b(?:(?:is|are)n['’]t|(?:is|are) not) (?:needed|required|necessary|part of it|involved)\b|\bnot (?:needed|required)\b|\bunnecessary\b|\b(?:is|are) (?:already )?done\b|已经?(?:完成|做好|好了)|好了|不需要|不用)/u;

/** "每通录音转成文字大概 3000 token，要总结成 200": speech already turned into text, which a text model then works on. */
const TEXT_FROM_SPEECH_AFTER = /^[^，。,；;\d]{0,8}?(?:转(?:成|为|换成)?(?:的)?文字|的?文字稿|逐字稿)/u;
const TEXT_TASK = /总结|摘要|分类|提取|分析|问答|summar|classif|extract|analy/u;

/** The kind of model a question asks for that the knowledge does not cover (image generation, embeddings, speech), if any. */
export function uncoveredOf(text: string): Uncovered | undefined {
  const lower = text.toLowerCase();
  const textTask = TEXT_TASK.test(lower);
  const wanted = (pattern: RegExp) =>
    [...lower.matchAll(new RegExp(pattern.source, "gu"))].some((m) => {
      const after = lower.slice(m.index + m[0].length);
      return !NEGATED_BEFORE.test(lower.slice(0, m.index)) && !NEGATED_AFTER.test(after) && !(textTask && TEXT_FROM_SPEECH_AFTER.test(after));
    });
  return UNCOVERED.find(([pattern]) => wanted(pattern))?.[1];
}
