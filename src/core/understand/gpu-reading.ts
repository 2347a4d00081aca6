import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import { normalizeName } from "../models/names.ts";
import { GPU_VARIANT, GPU_WORDS } from "./gpu-words.ts";

/** Which GPU a question names, and how many of it, in the words and forms people write them. */

const GPU_NAME = `(?:nvidia\\s|rtx\\s?)?(?:${GPU_WORDS}|gpus?)`;
const WORD_COUNTS: [RegExp, number][] = [
  [new RegExp(`\\b(?:single|one|an?|1)\\s${GPU_NAME}|[单單](?:卡|张|張)|(?:一[张張]|一[块塊])\\s?${GPU_NAME}`, "u"), 1],
  [new RegExp(`\\b(?:two|a pair of|pair of|a couple of|couple of|dual|2x)\\s${GPU_NAME}`, "u"), 2],
  [new RegExp(`\\b(?:four|quad)\\s${GPU_NAME}`, "u"), 4],
  [new RegExp(`\\bthree\\s${GPU_NAME}`, "u"), 3],
  [new RegExp(`\\bsix\\s${GPU_NAME}`, "u"), 6],
  [new RegExp(`\\beight\\s${GPU_NAME}`, "u"), 8],
  [new RegExp(`\\b(?:twelve|a dozen|one dozen)\\s${GPU_NAME}`, "u"), 12],
  [new RegExp(`\\bsixteen\\s${GPU_NAME}`, "u"), 16],
];
const SMALL_NUMBERS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 十: 10, one: 1, a: 1, an: 1, two: 2, three: 3, four: 4 };
const numberOf = (word: string) => SMALL_NUMBERS[word] ?? Number(word);
/** Servers of 8 GPUs: "one DGX H100", "2 HGX H200 nodes", "两台8卡 H100", "2 nodes of 8 h100s". */
const SERVERS =
  /\b(\d+|one|a|an|two|three|four)?\s?(?:x\s?)?[dh]gx\b|(\d+|[一两二三四五六七八十])\s?(?:台|个节点|个机器|台机器|台服务器)\s?(\d+|[一两二三四五六七八])\s?(?:卡|张卡|块卡|张|块)|\b(\d+|one|two|three|four)\s(?:nodes?|servers?|boxes|machines?)\s(?:of|with)\s(\d+)|\b(\d+|one|two|three|four)\s?x\s?(\d+)[-\s]?gpu\s(?:nodes?|servers?|boxes)/u;
function serverGpus(text: string): number | undefined {
  const m = SERVERS.exec(text);
  if (!m) return undefined;
  if (m[0].includes("gx")) return numberOf(m[1] ?? "1") * 8;
  const [servers, each] = m[2] ? [m[2], m[3]!] : m[4] ? [m[4], m[5]!] : [m[6]!, m[7]!];
  const count = numberOf(servers) * numberOf(each);
  return Number.isInteger(count) && count > 0 && count <= 1024 ? count : undefined;
}

const CARD_NAME = "(?:h\\d{3}|a\\d{2,3}|b\\d{3}|l40s?|l4|mi\\d{3}x?|rtx\\s?\\d{4}|\\d{4})";
/**
 * "8xH100", "8 × H100", "2*H100", "H100×8", "a100 x4", "2x 80GB A100s", "8-way H100", "双卡4090", "四卡": the GPU count
 * written against the name.
 */
const GLUED_COUNTS: RegExp[] = [
  new RegExp(`(?<![\\d.])(\\d{1,3})\\s?[x×*]?\\s\\d{2,3}\\s?gb\\s${CARD_NAME}s?\\b`, "u"),
  new RegExp(`(?<![\\d.])(\\d{1,2})[-\\s]way\\s${CARD_NAME}s?\\b`, "u"),
  new RegExp(`(?<![\\d.])(\\d{1,3})\\s?[x×*]\\s?${CARD_NAME}\\b`, "u"),
  new RegExp(`\\b${CARD_NAME}s?\\s?[x×*]\\s?(\\d{1,3})(?![\\d.])`, "u"),
];
const CARDS_IN_WORDS: [RegExp, number][] = [
  [/[双两]卡|双路/u, 2],
  [/四卡/u, 4],
  [/八卡/u, 8],
];
function gluedGpuCount(text: string): number | undefined {
  for (const pattern of GLUED_COUNTS) {
    const n = Number(pattern.exec(text)?.[1]);
    if (Number.isInteger(n) && n > 0 && n <= 512) return n;
  }
  return CARDS_IN_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A pattern that finds a name as a whole word, with or without spaces or dashes inside ("rtx 4090", "h100-pcie"). */
function wordPattern(name: string): RegExp {
  const key = normalizeName(name);
  return new RegExp(`(?<![a-z0-9])${[...key].map(escapeRegExp).join("[\\s\\-_]?")}(?:s|es)?(?![a-z0-9])`, "u");
}

const gpuPatterns = new WeakMap<KnowledgeSnapshot, { id: string; pattern: RegExp }[]>();

/**
 * The GPU named in the question, by any of the names knowledge gives it, longest name first (patterns built once per
 * snapshot); `typed` instead when the name goes on to another card the knowledge lacks ("H100 NVL", "A100 40GB").
 */
export function gpuOf(snapshot: KnowledgeSnapshot, text: string): { id: string } | { typed: string; from: number } | undefined {
  let patterns = gpuPatterns.get(snapshot);
  if (!patterns) {
    patterns = snapshot.knowledge.serving.gpus
      .flatMap((gpu) => [gpu.id, gpu.name, ...gpu.aliases].map((name) => ({ id: gpu.id, name })))
      .filter((n) => normalizeName(n.name).length >= 4)
      .sort((a, b) => normalizeName(b.name).length - normalizeName(a.name).length)
      .map((n) => ({ id: n.id, pattern: wordPattern(n.name) }));
    gpuPatterns.set(snapshot, patterns);
  }
  for (const { id, pattern } of patterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    const variant = GPU_VARIANT.exec(text.slice(match.index + match[0].length));
    if (!variant) return { id };
    // "H100 SXM5", "A100 80GB": words of its own name; "H100 80GB PCIe": the PCIe card the knowledge also has
    const word = variant[1]!.replace(/\s/g, "").replace(/^(\d+)gb?$/, "$1gb");
    const gpus = snapshot.knowledge.serving.gpus;
    const wordsOf = (gpu: (typeof gpus)[number]) => [gpu.name, ...gpu.aliases].flatMap((name) => name.toLowerCase().split(/[\s\-_]+/)).map((w) => w.replace(/^(\d+)g$/, "$1gb"));
    // "sxm4" is the A100's SXM, "sxm5" the H100's: the knowledge names them "SXM" or "SXM5"
    const own = (gpu: (typeof gpus)[number]) => wordsOf(gpu).some((w) => w === word || (word.startsWith("sxm") && w.startsWith("sxm")));
    const self = gpus.find((g) => g.id === id);
    if (self && own(self)) return { id };
    const sibling = gpus.find((g) => g.id !== id && g.id.startsWith(id) && own(g));
    if (sibling) return { id: sibling.id };
    return { typed: `${match[0]}${variant[0]}`.trim(), from: match.index };
  }
  return undefined;
}

/**
 * A GPU named (gpu-words.ts) that the knowledge has no specs or prices for ("5090", "h800"), as typed: passed on, so
 * the answer says it does not know it instead of planning on another GPU without saying so. Never a count of things.
 */
const OTHER_GPU = new RegExp(`(?<![a-z0-9.])(${GPU_WORDS})s?(?![a-z0-9])(?!\\s?(?:requests?|tokens?|calls?|users?|queries|a (?:day|month)|per\\b|次|个|条))`, "iu");

export function otherGpuOf(text: string): { typed: string; from: number } | undefined {
  const match = OTHER_GPU.exec(text);
  return match ? { typed: match[1]!, from: match.index } : undefined;
}

/** The GPU count a question gives: servers of 8, a count written against the name, else `stated`, else one in words ("a pair of"). */
export function gpuCountOf(text: string, stated: number | undefined): number | undefined {
  return serverGpus(text) ?? gluedGpuCount(text) ?? stated ?? WORD_COUNTS.find(([pattern]) => pattern.test(text))?.[1];
}
