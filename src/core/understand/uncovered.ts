/** Kinds of model the knowledge does not cover: it is about text (chat) models only. */
export type Uncovered = "imageGeneration" | "embeddings" | "speech";

const UNCOVERED: [RegExp, Uncovered][] = [
  [
    /(?:image|video)[-\s]?generat|generat(?:e|es|ing|ion of) (?:[a-z]+ ){0,2}(?:images?|pictures?|photos?|art|artwork|logos?|illustrations?|videos?)|text[-\s]?to[-\s]?(?:image|video)|\b(?:image|video) gen\b|dall[-\s·]?e|midjourney|stable diffusion|\bsora\b|文生图|文生视频|生成图片|生成图像|生成视频|图片生成|图像生成|视频生成|画图|绘图|ai\s?绘画|作图|出图/u,
    "imageGeneration",
  ],
  [/\bembeddings?\b|embedding model|\brerank(?:ing|er)?\b|向量化|嵌入模型|向量模型|矢量模型|文本嵌入|重排序?模型|embedding/u, "embeddings"],
  [
    /text[-\s]?to[-\s]?speech|speech[-\s]?to[-\s]?text|\btts\b|\bstt\b|\basr\b|\bspeech\b|\baudio\b|transcri(?:be|bing|ption|ptions)|voice[-\s]?(?:cloning|synthesis|generation|over)|语音|转写|转录|配音|朗读|听写/u,
    "speech",
  ],
];

/** The kind of model a question asks for that the knowledge does not cover (image generation, embeddings, speech), if any. */
export function uncoveredOf(text: string): Uncovered | undefined {
  const lower = text.toLowerCase();
  return UNCOVERED.find(([pattern]) => pattern.test(lower))?.[1];
}
