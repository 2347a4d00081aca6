import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Benchmark and test texts. Every call with a new seed gives text the counter has never seen (sentences, lines or
 * words reshuffled), so a per-piece cache cannot make a repeated run look faster than a user's first paste.
 */
const root = new URL("../../", import.meta.url).pathname;

function filesUnder(dir: string, pattern: RegExp, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  // dot folders (node_modules/.cache holds build scratch and test clones) and links are not the packages' own text
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith(".")) filesUnder(path, pattern, out);
    else if (entry.isFile() && pattern.test(entry.name)) out.push(path);
  }
  return out;
}

/** A seeded pseudo-random source in [0, 1) (mulberry32), so a seed names one exact text. */
function seeded(seed: number): () => number {
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

let cachedSources: { english: string[]; chinese: string[]; code: string[] } | null = null;

/**
 * Text the counter was not tuned on (its speed was tuned on the first 400 Markdown files of node_modules, the
 * repository's own Chinese, the knowledge article and discord.js): English from the packages' CHANGELOG, HISTORY and
 * LICENSE files and the Markdown files past those 400, Chinese from the packages' Chinese READMEs (Biome's and
 * opencc-js's, Simplified and Traditional), code from undici's sources.
 */
function sources() {
  if (cachedSources) return cachedSources;
  const modules = join(root, "node_modules");
  const tunedOn = new Set(filesUnder(modules, /\.md$/i).slice(0, 400));
  const docs = filesUnder(modules, /^(changelog|history|license)|\.md$/i).filter((f) => !tunedOn.has(f));
  const english = docs
    .map((f) => readFileSync(f, "utf8"))
    .join("\n")
    .split(/(?<=[.!?])\s+|\n{2,}/)
    .filter((s) => s.length > 20 && /^[\x20-\x7e\s]+$/.test(s));
  const chinese = filesUnder(modules, /^readme[.-]zh/i)
    .map((f) => readFileSync(f, "utf8"))
    .join("\n")
    .split(/(?<=[。！？；\n])/)
    .filter((s) => (s.match(/\p{Script=Han}/gu)?.length ?? 0) >= s.length / 3);
  const code = filesUnder(join(modules, "undici/lib"), /\.js$/)
    .map((f) => readFileSync(f, "utf8"))
    .join("\n")
    .split("\n");
  cachedSources = { english, chinese, code };
  return cachedSources;
}

/** The 400 most frequent Han letters of this repository's Chinese text (2026-11-28), most frequent first. Fixed here so a seed names the same text forever. */
const FREQUENT_HAN =
  "的模型价文数用本问理要量能格成与提通千编是中码不智义写开和大章推务分算档求任度有供商作美适最视重比计行时高场创意谱个需力仅每如表为变面级景源上按复据版在元方频关决策或代宜权排多索输助名一同可自月结了端性体批实手杂便放程下小深次这出件目其规地建态年析应低学处原键于克图各位以较请入化超新对吞吐电零生经定正合来万均衡之暗具调词摘及并百把知称选报贵没匹配标示费预过到加载管利率言语服主进片极媲使但而总邮给劳德谷歌双子座羊驼英题你觉解像工窗口帮我话翻号何所令列例都相他日期检运该维护从员立即秒显卡部状识库效榜归竞赛局发天覆已随着速式将者降集群快前然里值张始得越再博士留真罗稀宇认说哪限满足估段译逗隔命道筛条共只想找另见回基础系才会微蒸馏签等带查点质全精免环境依倍单错误社区块租金亿署果消耗引曾今种宗品飞升呈断崖跌探讨现参动些趋势火荼混专家架构投机制芯领跑继续侵略颠市针优们西派树济准巨达廉企业首沿虽仍也历无伦";

/**
 * Chinese without punctuation, spaces, digits or line breaks: one single pre-tokenizer piece, the worst case for
 * byte-pair merging. Characters drawn from FREQUENT_HAN with Zipf weights (the k-th most frequent with weight 1/k).
 */
export function unpunctuatedChinese(size: number, seed: number): string {
  const chars = [...FREQUENT_HAN];
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 1; k <= chars.length; k++) {
    total += 1 / k;
    cumulative.push(total);
  }
  const random = seeded(seed);
  let text = "";
  for (let i = 0; i < size; i++) {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    text += chars[low];
  }
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
  const { english, chinese, code } = sources();
  return [
    { name: "English prose (package changelogs, licences)", text: draw(english, size, random, " ") },
    { name: "Chinese prose (Chinese READMEs)", text: draw(chinese, Math.round(800_000 * scale), random) },
    { name: "mixed (Chinese and English sentences)", text: draw([...chinese, ...english.slice(0, chinese.length)], size, random, "\n") },
    { name: "code (undici lines)", text: draw(code, size, random, "\n") },
  ];
}

/** Unpunctuated Chinese of 8K, 32K and 100K characters. */
export function cjkRuns(seed: number): Corpus[] {
  return [8_000, 32_000, 100_000].map((size) => ({ name: `unpunctuated Chinese ${size / 1000}K`, text: unpunctuatedChinese(size, seed) }));
}
