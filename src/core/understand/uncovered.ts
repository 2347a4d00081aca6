/** Kinds of model the knowledge does not cover: it is about text (chat) models only. */
export type Uncovered = "imageGeneration" | "embeddings" | "speech";

const UNCOVERED: [RegExp, Uncovered][] = [
  [
    /image[-\s]?generat|generat(?:e|es|ing|ion of) (?:an? |the )?(?:images?|pictures?|photos?|art|artwork|logos?|illustrations?)|text[-\s]?to[-\s]?image|\bimage gen\b|dall[-\s·]?e|midjourney|stable diffusion|文生图|生成图片|生成图像|图片生成|图像生成|画图|绘图|ai\s?绘画|作图|出图/u,
    "imageGeneration",
  ],
  [/\bembeddings?\b|embedding model|向量化|嵌入模型|向量模型|矢量模型|文本嵌入|embedding/u, "embeddings"],
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
