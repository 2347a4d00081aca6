import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Benchmark and test texts. Every call with a new seed gives text the counter has never seen (sentences, lines or
 * words reshuffled), so a per-piece cache cannot make a repeated run look faster than a user's first paste.
 */
const root = new URL("../../", import.meta.url).pathname;

function filesUnder(dir: string, pattern: RegExp, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, pattern, out);
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

/** A seeded pseudo-random source in [0, 1) (mulberry32), so a seed names one exact text. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws units at random (with repetition) and joins them until the text is `size` characters long. */
function draw(units: readonly string[], size: number, random: () => number, joiner = ""): string {
  const out: string[] = [];
  let length = 0;
  while (length < size) {
    const unit = units[Math.floor(random() * units.length)]!;
    out.push(unit);
    length += unit.length + joiner.length;
  }
  return out.join(joiner).slice(0, size);
}

let cachedSources: { english: string[]; chineseWords: string[]; han: string; article: string[]; code: string[] } | null = null;

function sources() {
  if (cachedSources) return cachedSources;
  const docs = filesUnder(join(root, "node_modules"), /\.md$/i).slice(0, 400).map((f) => readFileSync(f, "utf8"));
  const english = docs.join("\n").split(/(?<=[.!?])\s+|\n{2,}/).filter((s) => s.length > 20 && /^[\x20-\x7e\s]+$/.test(s));
  const zhFiles = [...filesUnder(join(root, "knowledge"), /\.(md|yaml)$/), ...filesUnder(join(root, "commands"), /\.ts$/), ...filesUnder(join(root, "src"), /\.ts$/)];
  const zhText = zhFiles.map((f) => readFileSync(f, "utf8")).join("\n");
  const hanRuns = zhText.match(/[\p{Script=Han}，。、：；（）“”]+/gu) ?? [];
  const chineseWords = [...new Intl.Segmenter("zh", { granularity: "word" }).segment(hanRuns.join(""))].map((s) => s.segment).filter((w) => /\p{Script=Han}/u.test(w));
  const han = (zhText.match(/\p{Script=Han}/gu) ?? []).join("");
  const article = readFileSync(join(root, "knowledge/articles/2026-llm-token-cost-ranking.md"), "utf8").split(/(?<=[.!?。！？\n])/);
  const code = filesUnder(join(root, "node_modules/discord.js/src"), /\.js$/).map((f) => readFileSync(f, "utf8")).join("\n").split("\n");
  cachedSources = { english, chineseWords, han, article, code };
  return cachedSources;
}

/** Chinese prose: words of the repository's Chinese text recombined into sentences, with punctuation and paragraphs. */
function chineseProse(size: number, random: () => number): string {
  const { chineseWords } = sources();
  let text = "";
  while (text.length < size) {
    const length = 6 + Math.floor(random() * 14);
    for (let i = 0; i < length; i++) text += chineseWords[Math.floor(random() * chineseWords.length)];
    text += random() < 0.15 ? "。\n" : random() < 0.5 ? "，" : "。";
  }
  return text.slice(0, size);
}

/**
 * Chinese without punctuation, spaces or line breaks: one single pre-tokenizer piece, the worst case for byte-pair
 * merging. Characters drawn with their frequency in the repository's Chinese text.
 */
export function unpunctuatedChinese(size: number, seed: number): string {
  const { han } = sources();
  const random = seeded(seed);
  let text = "";
  for (let i = 0; i < size; i++) text += han[Math.floor(random() * han.length)];
  return text;
}

export interface Corpus {
  name: string;
  text: string;
}

/** The prose and code corpora (≈ 900K characters at scale 1), new text for each seed. */
export function corpora(scale: number, seed: number): Corpus[] {
  const size = Math.round(900_000 * scale);
  const random = seeded(seed);
  const { english, article, code } = sources();
  return [
    { name: "English prose", text: draw(english, size, random, " ") },
    { name: "Chinese prose", text: chineseProse(Math.round(800_000 * scale), random) },
    { name: "mixed (article sentences)", text: draw(article, size, random) },
    { name: "code (discord.js lines)", text: draw(code, size, random, "\n") },
  ];
}

/** Unpunctuated Chinese of 8K, 32K and 100K characters. */
export function cjkRuns(seed: number): Corpus[] {
  return [8_000, 32_000, 100_000].map((size) => ({ name: `unpunctuated Chinese ${size / 1000}K`, text: unpunctuatedChinese(size, seed + size) }));
}
