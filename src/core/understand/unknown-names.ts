import type { Model } from "../knowledge/schema.ts";
import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import type { Resolution } from "../models/resolve.ts";

/**
 * Model names people type that the curated knowledge has no model for: Chinese products (豆包, 混元, 文心 …) and
 * their romanizations. An answer names them back as typed rather than leaving them out without a word. Read on the
 * lower-cased, Simplified line.
 */
const BRANDS = [
  "腾讯混元",
  "混元",
  "hunyuan",
  "豆包",
  "doubao",
  "文心一言",
  "文心",
  "ernie",
  "腾讯元宝",
  "元宝",
  "yuanbao",
  "讯飞星火",
  "星火",
  "百川",
  "baichuan",
  "盘古",
  "pangu",
  "海螺",
  "零一万物",
  "阶跃星辰",
  "阶跃",
  "日日新",
  "sensenova",
  "天工",
  "skywork",
  "紫东太初",
];
/** The rest of a word a brand's name starts: joined to it by a hyphen, underscore or dot, or by nothing, in Latin letters. */
const WORD_RUNS_ON = /^(?:[-_.]?[a-z0-9]+)+(?![\p{L}\p{N}])/u;
/** The romanized names the price map's resellers list some of these under, for "did you mean". */
const ROMANIZED: Record<string, string> = { 腾讯混元: "hunyuan", 混元: "hunyuan", 豆包: "doubao", 文心一言: "ernie", 文心: "ernie", 百川: "baichuan", 盘古: "pangu" };
/**
 * Families only resellers' entries in the price map carry ("nova" → amazon-nova/nova-pro-v1, …): no curated model
 * answers to the bare word, so it is named back with those entries to pick from, never dropped.
 */
const CATALOG_FAMILIES = ["nova", "jamba", "sonar", "granite", "nemotron", "phi", "falcon", "dbrx", "palmyra", "olmo"];
/** Families the knowledge has, followed by a version it may not have ("gpt-6", "claude 9", "gemini 4 pro"). */
const FAMILIES = ["gpt", "claude", "gemini", "gemma", "llama", "qwen", "deepseek", "grok", "kimi", "glm", "mistral", "mixtral", "phi", "sonnet", "opus", "haiku", "yi"];
const SUFFIX = String.raw`(?:[\s-]?(?:pro|flash|mini|nano|max|plus|turbo|lite|ultra|instruct|chat|preview|thinking|seed|large|vl|speed|coder))*`;
/** A version, never an amount: "gpt 50m tokens" is a volume after a family word. */
const VERSION = String.raw`[vkrm]?\d+(?:\.\d+)*(?![\d.])(?!\s?(?:k|m|b|bn|t|mil|万|亿|千|tokens?|toks?|requests?|calls?|gpus?|张|块|卡|%|x)(?![\p{L}\d]))[a-z]{0,2}`;
const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}])`;
/** "豆包 pro 32k", "moonshot-v1-8k": a context size ends a product's name; it is no volume. */
const CONTEXT_SUFFIX = String.raw`(?:[\s-]?\d{1,3}k(?![\p{L}\d]))?`;
/** "阶跃星辰 step-2", "文心 ernie 4.5": the product's own Latin name after the brand, never a name the knowledge has. */
const PRODUCT_AFTER = String.raw`(?:\s?(?!(?:gpt|claude|gemini|gemma|llama|qwen|deepseek|grok|kimi|glm|mistral|o\d)\b)[a-z]+[\s-]?\d+(?:\.\d+)*[a-z]{0,2}(?![\p{L}\d]))?`;
/** "盘古大模型", "混元模型": the product word people add after a brand is part of the name named back. */
const MODEL_WORD = String.raw`(?:\s?大?模型)?`;
const BRAND_NAME = new RegExp(
  `(?:${BRANDS.map((b) => (/\p{Script=Han}/u.test(b) ? b : `${EDGE_BEFORE}${b}`)).join("|")})(?:[\\s-]?${VERSION})?${PRODUCT_AFTER}${SUFFIX}${CONTEXT_SUFFIX}${MODEL_WORD}(?![a-z0-9])`,
  "gu",
);
/** "falcon 180b", "phi 3.5 14b": a parameter count is part of the name; "180b tokens" is a volume. */
const PARAMETERS = String.raw`(?:[\s-]?\d{1,4}(?:\.\d)?b(?![\p{L}\d])(?!\s?(?:tokens?|toks?|input|output|in|out)\b))?`;
const CATALOG_FAMILY = new RegExp(`${EDGE_BEFORE}(?:${CATALOG_FAMILIES.join("|")})(?:[\\s-]?${VERSION})?${PARAMETERS}${SUFFIX}${EDGE_AFTER}`, "gu");
/** "mistral large 4", "claude opus 6": a family, perhaps a line's word, then a version. */
const LINES = "large|medium|small|pro|flash|max|plus|mini|nano|opus|sonnet|haiku|coder|turbo";
const LINE_AFTER = new RegExp(`^[\\s-](?:${LINES})${EDGE_AFTER}`, "u");
const VERSIONED = new RegExp(`${EDGE_BEFORE}(?:(?:${FAMILIES.join("|")})(?:[\\s-](?:${LINES}))?[\\s-]?${VERSION}|o[1-9])${SUFFIX}${EDGE_AFTER}`, "gu");

/** "通义千问2.5-Max", "克劳德 3": a Chinese family name with a version the knowledge may not have. */
const HAN_FAMILIES = ["通义千问", "千问", "深度求索", "月之暗面", "智谱", "克劳德", "双子座", "羊驼", "格罗克", "米斯特拉尔"];
const HAN_VERSIONED = new RegExp(`(?:${HAN_FAMILIES.join("|")})\\s?${VERSION}${SUFFIX}${EDGE_AFTER}`, "gu");
/** "grok 4 heavy", "gpt-5 ultra", "gemini ultra": a variant word after a name the knowledge has makes another product. */
const VARIANT = new RegExp(`${EDGE_BEFORE}(?:${FAMILIES.join("|")})(?:[\\s-]?${VERSION})?(?:[\\s-](?:${LINES}))?[\\s-](?:heavy|codex|deep research|ultra)${EDGE_AFTER}`, "gu");

/** Lookups in the resolver for one line, and the longest text looked up (longer is no name). */
const MAX_LOOKUPS = 8;
const MAX_NAME_CHARS = 40;

export interface UnknownName {
  /** where in the line, to name it back exactly as typed */
  from: number;
  to: number;
  text: string;
  /** the nearest names the knowledge has, for "did you mean" */
  candidates: Model[];
}

/**
 * Names in a line that no model answers to (versions of known families are looked for with the line's model names
 * blanked). A brand the knowledge lacks is unknown even where the price map's resellers list a model of it: their ids
 * are no answer to "豆包" (they are suggested).
 */
export function unknownNames(snapshot: KnowledgeSnapshot, question: string, unnamed: string): UnknownName[] {
  const found: UnknownName[] = [];
  // a sentence names a few models; a line of hundreds of names costs no more than a few lookups
  const looked = new Map<string, Resolution | null>();
  const resolve = (text: string): Resolution | null => {
    if (!looked.has(text)) looked.set(text, text.length <= MAX_NAME_CHARS && looked.size < MAX_LOOKUPS ? snapshot.resolver.resolve(text) : null);
    return looked.get(text)!;
  };
  const taken = (from: number, to: number) => found.some((f) => from < f.to && to > f.from);
  const add = (from: number, text: string, candidates: Model[]) => {
    const trimmed = text.trim();
    if (!taken(from, from + trimmed.length)) found.push({ from, to: from + trimmed.length, text: trimmed, candidates });
  };
  // brands on the whole line: a Chinese name is read from a run of characters that may also hold a brand ("文心一言和通义千问")
  for (const match of question.matchAll(BRAND_NAME)) {
    const brand = BRANDS.find((b) => match[0].startsWith(b))!;
    const roman = ROMANIZED[brand];
    const resolution = resolve((roman ? `${roman} ${match[0].slice(brand.length)}` : match[0]).trim());
    if (!resolution) continue;
    // a name the curated knowledge has (exactly) is no unknown; a reseller's id found by a typo search is
    if (resolution.kind === "exact" && !("catalog" in resolution.model && resolution.model.catalog)) continue;
    // only a family's own members are worth suggesting: a typo search's nearest names for "hunyuan" are noise
    const candidates = resolution.kind === "ambiguous" ? resolution.candidates : resolution.kind === "unknown" ? [] : [resolution.model];
    // "hunyuan-turbos", "doubao-seed-1.6": the name runs on to the end of the word typed, and is named back whole
    const rest = WORD_RUNS_ON.exec(question.slice(match.index + match[0].length))?.[0] ?? "";
    add(match.index, match[0] + rest, candidates.slice(0, 3));
  }
  for (const pattern of [HAN_VERSIONED, VARIANT]) {
    for (const match of question.matchAll(pattern)) {
      const resolution = resolve(match[0].trim());
      if (resolution && resolution.kind !== "exact")
        add(match.index, match[0], resolution.kind === "unknown" || resolution.kind === "ambiguous" ? resolution.candidates.slice(0, 3) : [resolution.model]);
    }
  }
  for (const match of unnamed.matchAll(CATALOG_FAMILY)) {
    const resolution = resolve(match[0].trim());
    if (resolution && (resolution.kind === "ambiguous" || resolution.kind === "unknown")) add(match.index, match[0], resolution.candidates.slice(0, 3));
  }
  for (const match of unnamed.matchAll(VERSIONED)) {
    const text = match[0].trim();
    const resolution = resolve(text);
    if (resolution?.kind !== "unknown") continue;
    // "claude 6 opus": a line's word after the unknown version is part of its name, not a model of its own
    const line = LINE_AFTER.exec(question.slice(match.index + text.length))?.[0] ?? "";
    add(match.index, text + line, resolution.candidates.slice(0, 3));
  }
  return found.sort((a, b) => a.from - b.from);
}
