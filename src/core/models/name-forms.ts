/**
 * The forms a model name takes besides its exact spelling: the bare model name inside a provider's key
 * ("bedrock/us-east-1/anthropic.claude-3-5-sonnet-20240620-v1:0" → "claude-3-5-sonnet") and a loose key that
 * ignores word order and spacing ("sonnet 3.5" ≡ "claude-3-5-sonnet", "qwen2p5-72b" ≡ "qwen 2.5 72b").
 */

/** Prefixes before the model in a key's last segment: regions and vendors ("us.", "apac.", "anthropic.", "meta."). */
const VENDOR_PREFIX = /^(?:[a-z]+\.)+(?=[a-z])/;

/** Suffixes people never type, removed from the end until none is left. */
const UNTYPED_SUFFIX = new RegExp(
  `(?:${[
    "@.*", // Vertex AI's "@20240620", "@default"
    "-v\\d+:\\d+", // Bedrock's "-v1:0"
    ":\\d+",
    "-instruct-v\\d+(?:\\.\\d+)*", // "Mixtral-8x7B-Instruct-v0.1"
    "-\\d{4}-\\d{2}-\\d{2}", // dates: 2024-08-06, 20240620, 251104, 09-2025, 0709 / 2507
    "-\\d{8}",
    "-\\d{6}",
    "-\\d{2}-\\d{4}",
    "-(?:preview|exp)-\\d{2}-\\d{2}", // Gemini's "-preview-05-20"
    "-\\d{4}",
    "-00\\d", // Gemini's "-001"
    "-(?:instruct|it|hf|latest|preview|exp|fp8|fp16|bf16|int4|int8|awq|gguf)",
    "(?<!-non)-reasoning", // xAI's "grok-4-fast-reasoning" is what "grok 4 fast" means, before a reseller's "xai.grok-4-fast"
  ]
    .map((part) => `(?:${part})`)
    .join("|")})$`,
);
/** A trailing "-v1" is a revision after a versioned name ("claude-opus-4-6-v1"), but the version in "deepseek-v3". */
const REVISION = /-v\d+$/;
/** Words that say nothing about which model it is. */
const NOISE_WORDS = new Set(["instruct", "it", "hf", "latest", "preview", "exp", "meta", "fp", "bf", "int", "awq", "gguf", "models", "open"]);
/** Quantization tags, removed whole before splitting so their digits do not read as a version. */
const QUANTIZATION = /(?:^|[\s\-_.])(?:fp8|fp16|bf16|int4|int8)(?=$|[\s\-_.])/g;

/** The model part of a catalog key, without provider path, region, vendor, date or version suffix. */
export function baseName(id: string): string {
  const lower = id.toLowerCase();
  const key = lower.slice(lower.lastIndexOf("/") + 1);
  const vendor = VENDOR_PREFIX.exec(key)?.[0] ?? "";
  let name = key.slice(vendor.length);
  for (;;) {
    let next = name.replace(UNTYPED_SUFFIX, "");
    const revision = REVISION.exec(next);
    if (revision && /\d/.test(next.slice(0, revision.index))) next = next.slice(0, revision.index);
    if (next === name || !next.length) break;
    name = next;
  }
  // "deepseek.v3-v1:0" is DeepSeek's v3: a bare version keeps the vendor's name, or "v3" alone would name it
  return BARE_VERSION.test(name) && vendor ? `${vendor.slice(0, -1).split(".").at(-1)}-${name}` : name;
}

const BARE_VERSION = /^v?\d+(?:[.-]\d+)*$/;

/** Whether a key carries a date or snapshot suffix ("gpt-4o-2024-08-06"): the undated key is preferred. */
export function isDated(id: string): boolean {
  return /(?:-\d{4}-\d{2}-\d{2}|-\d{6,8}|-\d{2}-\d{4}|-\d{4}|@\d{8})(?:-v\d+(?::\d+)?)?$/.test(id);
}

/** Family words implied by a shorthand when its family is not named: "sonnet 3.5", "r1", "k2", "4o mini". */
const FAMILIES = new Set(["gpt", "chatgpt", "claude", "gemini", "gemma", "llama", "qwen", "qwq", "deepseek", "kimi", "moonshot", "grok", "mistral", "mixtral", "glm", "minimax"]);
const IMPLIED: readonly {
  when: (words: Set<string>) => boolean;
  family: string;
}[] = [
  {
    when: (w) => w.has("sonnet") || w.has("opus") || w.has("haiku"),
    family: "claude",
  },
  { when: (w) => w.size === 1 && w.has("r"), family: "deepseek" },
  // "flash 2.5", "flash-lite 2.0": only Gemini's lines are called Flash without their family's name
  { when: (w) => w.has("flash") && [...w].every((word) => ["flash", "lite"].includes(word)), family: "gemini" },
  { when: (w) => w.size === 1 && w.has("pro"), family: "gemini" },
  // "oss 20b", "oss-120b": OpenAI's open-weights line, called by its own word
  { when: (w) => w.has("oss") && [...w].every((word) => ["oss", "b"].includes(word)), family: "gpt" },
  {
    when: (w) => w.has("k") && [...w].every((word) => ["k", "thinking", "turbo"].includes(word)),
    family: "kimi",
  },
];

/**
 * One-letter tier shorthands teams type after a version ("gpt5m", "gpt-5n", "g2.5p", "g2.5fl"): the letter stands
 * for the tier word only beside its family, so "minimax m2" keeps its "m".
 */
const LETTER_TIERS: readonly { family: string; letters: Record<string, string[]> }[] = [
  { family: "gpt", letters: { m: ["mini"], n: ["nano"] } },
  { family: "g", letters: { p: ["pro"], f: ["flash"], fl: ["flash", "lite"] } },
];
/** Whole tier words after a one-letter family ("g2.5 flash", "g2.5 flash lite"). */
const SHORT_FAMILY_TIERS: Record<string, readonly string[]> = { g: ["pro", "flash", "lite"] };
const SHORT_FAMILIES: Record<string, string> = { g: "gemini" };

function expandLetterTiers(found: NameParts): NameParts {
  for (const [family, tiers] of Object.entries(SHORT_FAMILY_TIERS)) {
    const rest = [...found.words].filter((word) => word !== family);
    if (found.words.has(family) && rest.length && rest.every((word) => tiers.includes(word))) return { ...found, words: new Set([SHORT_FAMILIES[family]!, ...rest]) };
  }
  for (const { family, letters } of LETTER_TIERS) {
    if (!found.words.has(family) || found.words.size !== 2) continue;
    const letter = [...found.words].find((word) => word !== family)!;
    const tier = letters[letter];
    if (!tier) continue;
    return { ...found, words: new Set([SHORT_FAMILIES[family] ?? family, ...tier]) };
  }
  return found;
}

/** A name's words (noise removed) and its numbers in order. */
export interface NameParts {
  words: Set<string>;
  numbers: string[];
  /** a word came twice ("gpt-5 gpt-6"): two names, never one loose name */
  repeated?: boolean;
}

const ASCII = /^[ -~\t\n\r]*$/;

export function partsOf(text: string): NameParts {
  const ascii = ASCII.test(text);
  const lower = (ascii ? text : text.normalize("NFKC"))
    .toLowerCase()
    .replace(QUANTIZATION, " ")
    .replace(/(\d)p(\d)/g, "$1.$2"); // Fireworks spells 2.5 as "2p5"
  const words = new Set<string>();
  const numbers: string[] = [];
  let repeated = false;
  for (const [token] of lower.matchAll(ascii ? /[a-z]+|[0-9]+/g : /\p{L}+|\p{N}+/gu)) {
    if (/^\p{N}/u.test(token)) numbers.push(/^\d+$/.test(token) ? token.replace(/^0+(?=\d)/, "") : token);
    else if (!NOISE_WORDS.has(token)) {
      repeated ||= words.has(token);
      words.add(token);
    }
  }
  return { words, numbers, repeated };
}

function keyOf({ words, numbers }: NameParts): string {
  return `${[...words].sort().join(" ")}|${numbers.join(".")}`;
}

/** The loose key of a known name: its words in any order, its numbers in order. */
export function looseKey(name: string): string {
  return keyOf(partsOf(name));
}

/**
 * The loose key of what someone typed, with its family added where a shorthand leaves it out;
 * null where a loose match would be a guess (no version number, or nothing but numbers in free text).
 */
export function typedLooseKey(typed: string, options: { requireWord: boolean }): string | null {
  return typedKeyOf(partsOf(typed), /^\s*\d/.test(typed.normalize("NFKC")), options.requireWord);
}

/** typedLooseKey() from parts already split, for reading many spans of one text. */
export function typedKeyOf(typedParts: NameParts, startsWithNumber: boolean, requireWord: boolean): string | null {
  if (!typedParts.numbers.length || typedParts.repeated) return null;
  const found = expandLetterTiers(typedParts);
  if (requireWord && !found.words.size) return null;
  if ([...found.words].some((word) => FAMILIES.has(word))) return keyOf(found);
  const words = new Set(found.words);
  const implied = IMPLIED.find((rule) => rule.when(found.words))?.family;
  if (implied) words.add(implied);
  // OpenAI's are the names written as a bare version: "4o", "4.1 mini", "3.5 turbo"
  else if (startsWithNumber) words.add("gpt");
  return keyOf({ words, numbers: found.numbers });
}

/** Words a loose key can contain besides those of known names: the families shorthands imply. */
export const IMPLIED_WORDS: readonly string[] = [...IMPLIED.map((rule) => rule.family), "gpt", ...LETTER_TIERS.flatMap(({ family, letters }) => [family, ...Object.keys(letters)])];

/** A name as spelled, ignoring only case and the choice of space, dash or underscore between words. */
export function spelling(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .trim()
    .replace(/[\s_-]+/g, "-");
}

/** The version numbers in a name, for newest-first order: "claude-opus-4-7" → [4, 7]. */
export function versionOf(name: string): number[] {
  return (baseName(name).match(/\d+/g) ?? []).slice(0, 4).map(Number);
}

/** Newer (higher) versions first; a name without numbers last. */
export function compareVersionsNewestFirst(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (b[i] ?? -1) - (a[i] ?? -1);
    if (difference) return difference;
  }
  return 0;
}
