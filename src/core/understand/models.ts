import { modelOfSize } from "../models/of-size.ts";
import type { Model } from "../knowledge/schema.ts";
import type { KnowledgeSnapshot } from "../knowledge/snapshot.ts";
import { nameTokens, normalizeName } from "../models/names.ts";
import { isEverydayWord } from "./list-items.ts";
import type { MentionedModel, Understanding } from "./types.ts";
import { kept } from "../kept.ts";

/** Words that never name a model on their own, however the resolver's families look. */
const NOT_NAMES = new Set([
  "dev",
  "devs",
  "cost",
  "price",
  "model",
  "models",
  "token",
  "tokens",
  "cheap",
  "best",
  "which",
  "what",
  "about",
  "with",
  "open",
  "fast",
  "chat",
  "code",
  "coding",
  "free",
  "mini",
  "pro",
  "plus",
  "max",
  "turbo",
  "lite",
  "flash",
  "batch",
  "reasoning",
  "vision",
  "tools",
  "context",
  "month",
  "input",
  "output",
  "cached",
  "cache",
]);

/**
 * Words for a whole family of models: a question naming only these gets a question back with choices.
 * Chinese and company names point at the family prefix the resolver knows.
 */
const FAMILY_WORDS: Record<string, string> = {
  claude: "claude",
  克劳德: "claude",
  anthropic: "claude",
  gemini: "gemini",
  双子座: "gemini",
  google: "gemini",
  谷歌: "gemini",
  gpt: "gpt",
  openai: "gpt",
  chatgpt: "gpt",
  llama: "llama",
  羊驼: "llama",
  meta: "llama",
  qwen: "qwen",
  千问: "qwen",
  通义: "qwen",
  阿里: "qwen",
  grok: "grok",
  xai: "grok",
  mistral: "mistral",
  kimi: "kimi",
  月之暗面: "kimi",
  glm: "glm",
  智谱: "glm",
  flash: "flash",
  "flash-lite": "flashlite",
  "flash lite": "flashlite",
  flashlite: "flashlite",
  pro: "pro",
  mini: "mini",
  nano: "nano",
  sonnet: "sonnet",
  opus: "opus",
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const AMOUNT = /^\d+(?:\.\d+)?\s?(?:k|m|b|mm|bn|万|亿|千)?$/iu;

const HAN_FAMILY_WORDS = Object.keys(FAMILY_WORDS).filter((word) => /\p{Script=Han}/u.test(word));
const families = new WeakMap<KnowledgeSnapshot, Map<string, Model[]>>();
const newFamilies = (): Map<string, Model[]> => new Map();

/** Every curated model a family word ("claude", "双子座", "gpt") could mean, unlike the six a question back offers. */
export function familyModels(snapshot: KnowledgeSnapshot, word: string): Model[] {
  // "claude 4", "gemini 2.5": the family's models of that generation (the first version in the name: 4, 4.5 …)
  const generation = /^(\S+)\s(\d{1,2}(?:\.\d)?)$/u.exec(word.trim());
  if (generation) {
    const version = generation[2]!;
    const ofGeneration = (m: Model) => {
      const own = /(?<![\d.])\d+(?:\.\d+)?/u.exec(m.name)?.[0];
      return own === version || Boolean(own?.startsWith(`${version}.`));
    };
    return familyModels(snapshot, generation[1]!).filter(ofGeneration);
  }
  const family = FAMILY_WORDS[word.toLowerCase()] ?? normalizeName(word);
  return family ? snapshot.knowledge.models.filter((m) => normalizeName(`${m.name} ${m.id}`).includes(family)) : [];
}

/** The curated models of a family, at most six, looked up once per snapshot. */
function familyMembers(snapshot: KnowledgeSnapshot, family: string): Model[] {
  const known = kept(families, snapshot, newFamilies);
  let members = known.get(family);
  if (!members) {
    members = snapshot.knowledge.models.filter((m) => normalizeName(`${m.name} ${m.id}`).includes(family)).slice(0, 6);
    known.set(family, members);
  }
  return members;
}

/** A model hub's or router's owner before a model ("deepseek-ai/DeepSeek-V3", "Qwen/Qwen3-32B"): a path, no model. */
const HUB_OWNER =
  /(?<![\p{L}\p{N}-])(?:deepseek-ai|qwen|meta-llama|mistralai|google|openai|moonshotai|zai-org|thudm|minimaxai|anthropic|x-ai|xai|nvidia|microsoft|01-ai|openrouter|together|fireworks|groq)\/(?=[\p{L}\p{N}])/gu;

/** "4o/4o mini", "gpt-5/deepseek": a slash between two names is a list separator. */
function splitSlashes(typed: string): string {
  const text = typed.replace(HUB_OWNER, (owner) => " ".repeat(owner.length));
  return text.replace(/([\p{L}\p{N}.)\]])\s?\/\s?(?=[\p{L}\p{N}])/gu, (whole, left: string, offset: number, all: string) =>
    /https?:$|\/\/$/.test(all.slice(Math.max(0, offset - 6), offset + 1)) ? whole : `${left} / `,
  );
}

/**
 * "qwen 32b", "deepseek 70b": a family word followed by a parameter count names that family's model of that size
 * (models/of-size.ts), not the family's flagship the word alone stands for; "deepseek 2b tokens" is a volume.
 */
function withSize(snapshot: KnowledgeSnapshot, text: string, query: string, matched: Model): MentionedModel | undefined {
  if (/\d/.test(query)) return undefined;
  const at = text.toLowerCase().indexOf(query.toLowerCase());
  const size = at >= 0 ? /^[\s-]?(\d+(?:\.\d+)?)\s?b\b(?!\s?(?:tokens?|toks?|requests?|calls?|一个月|每月|\/))/iu.exec(text.slice(at + query.length)) : null;
  if (!size) return undefined;
  // with no model of that size the family's model stays, shown as read from the whole phrase; the size is no volume
  return { model: modelOfSize(snapshot.knowledge.models, query, size[1]!) ?? matched, query: `${query} ${size[0]!.trim()}`, shorthand: true };
}

/** A count with no unit right after a name, then the end or a list word: "llama3 70 vs qwq", "qwen2.5 72, 还是 …". */
const BARE_SIZE = /^[\s-](\d{1,3})(?=\s*(?:$|[,，、;；?？)]|\b(?:vs\.?|versus|or|and|for|at)\b|和|与|跟|还是|或|对比|每|\d))/iu;

/**
 * "llama3 70": a versioned name followed by a bare number is that name at that many billion parameters where the
 * knowledge has such a model ("llama3 70b"); the number is never dropped for the size-less name. Each place the
 * name is typed is read ("llama3.1 70 vs llama3.1 8").
 */
function withBareSizes(snapshot: KnowledgeSnapshot, text: string, query: string, matched: Model): MentionedModel[] {
  if (!/\d/.test(query)) return [];
  const sized: MentionedModel[] = [];
  let unsized = false;
  const lower = text.toLowerCase();
  const word = query.toLowerCase();
  for (let at = lower.indexOf(word), tries = 0; at >= 0 && tries < MAX_VERSION_TRIES; at = lower.indexOf(word, at + word.length), tries++) {
    const size = BARE_SIZE.exec(text.slice(at + query.length));
    const resolution = size ? snapshot.resolver.resolve(`${query} ${size[1]}b`) : undefined;
    if (size && resolution?.kind === "exact" && resolution.model !== matched) sized.push({ model: resolution.model, query: `${query} ${size[1]}`, shorthand: true });
    else unsized = true;
  }
  // "llama3.1 vs llama3.1 8": the name typed without a size is still the name
  return sized.length && unsized ? [...sized, { model: matched, query, shorthand: false }] : sized;
}

/** A name typed as an item of a comparison ("… vs command r+", "command-r 和 …"), with its version, as typed. */
function listedName(text: string, word: string): string | undefined {
  const at = text.toLowerCase().indexOf(word.toLowerCase());
  if (at < 0 || isEverydayWord(word)) return undefined;
  const SEPARATOR = /(?:\bvs\.?|\bversus|\bor|和|与|跟|还是|对比|,|，)/u;
  // a version goes with the name ("command r+", "nova 2"), another word does not ("together cheaper")
  const rest = /^[\s-]?(?=[a-z]?[\d+])[a-z0-9.+]{1,8}(?![\p{L}\p{N}])/u.exec(text.slice(at + word.length));
  const name = `${text.slice(at, at + word.length)}${rest && !/^\s?\d+(?:\.\d+)?\s?[kmb万亿]?$/u.test(rest[0]) ? rest[0] : ""}`;
  const listed = new RegExp(`${SEPARATOR.source}\\s*$`, "u").test(text.slice(0, at)) || new RegExp(`^\\s*${SEPARATOR.source}`, "u").test(text.slice(at + name.length));
  return listed ? name.trim() : undefined;
}

const AMOUNT_WORD_AFTER = /^(?:in|out|input|output|tokens?|toks?|requests?|calls?|per|each|a|an|k|m|b|输入|输出|个|次)$/iu;

/** "4o vs 4.1 vs o3": a bare version between the words of a comparison is a model's name, not an amount. */
function versusName(text: string, query: string): boolean {
  if (!/^\d+\.\d+$/.test(query.trim())) return false;
  const at = text.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0) return false;
  const VERSUS = /(?:\bvs\.?|\bversus|\bor|对比|还是|跟|和|与)/u;
  return new RegExp(`${VERSUS.source}\\s*$`, "u").test(text.slice(0, at)) || new RegExp(`^\\s*${VERSUS.source}`, "u").test(text.slice(at + query.length));
}

/** Places one name is looked at for a version after it: a sentence names a model a few times at most. */
const MAX_VERSION_TRIES = 8;
/** A version right after a name: not an amount, a size or a count ("grok 5", not "grok 50m tokens", "llama 70b"). */
const VERSION_AFTER =
  /^[\s-]?((?:v|k|r|m)?\d+(?:\.\d+)*(?:\s\d+(?:\.\d+)?b(?![a-z]))?)(?![\d.]|\s?(?:k|m|b|bn|t|mil|万|亿|千|tokens?|toks?|%|x|requests?|calls?|gpus?|张|块|卡|个|次)(?![a-z]))/u;

/**
 * "grok 5" where "grok" alone stands for Grok 4.5: a version typed after a versionless name names another model,
 * and one the knowledge does not have is unknown (named back), never the model the bare word stands for.
 */
function withVersion(snapshot: KnowledgeSnapshot, text: string, query: string): Understanding["unknown"][number] | undefined {
  if (/\d/.test(query)) return undefined;
  const lower = text.toLowerCase();
  const word = query.toLowerCase();
  // every place the word is typed: "llama 3.3 70b vs llama 5" names Llama 3.3 at the first and nothing known at the second
  for (let at = lower.indexOf(word), tries = 0; at >= 0 && tries < MAX_VERSION_TRIES; at = lower.indexOf(word, at + word.length), tries++) {
    const version = VERSION_AFTER.exec(text.slice(at + word.length));
    if (!version) continue;
    const typed = `${query} ${version[1]}`;
    const resolution = snapshot.resolver.resolve(typed);
    // "deepseek v2", "minimax m1": a version no curated name has is that version, never the bare word's model; a
    // reseller's entry found by a typo search or several to pick from are offered, not guessed
    if (resolution.kind === "unknown" || resolution.kind === "ambiguous") return { query: typed, candidates: resolution.candidates.slice(0, 3) };
    if (resolution.kind === "fuzzy") return { query: typed, candidates: [resolution.model] };
  }
  return undefined;
}

/** Where a family word turned out to name an unknown version, the same model named by another of its names in the line. */
function otherNameOf(snapshot: KnowledgeSnapshot, text: string, familyWord: string, model: Model): MentionedModel | undefined {
  const escaped = familyWord.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const rest = text.replace(new RegExp(escaped, "giu"), (word) => " ".repeat(word.length));
  const found = snapshot.resolver.mentions(rest).find((m) => (m.kind === "exact" || m.kind === "fuzzy") && m.model === model);
  if (!found || (found.kind !== "exact" && found.kind !== "fuzzy")) return undefined;
  const shorthand = found.kind === "fuzzy" || ![model.id, model.name].some((n) => normalizeName(n) === normalizeName(found.query));
  return { model: found.model, query: found.query, shorthand };
}

/** The first words of a model's name up to and including its version ("GPT-5 mini" → "GPT-5"), for "gpt5 mini vs nano". */
function familyStem(model: Model): string | null {
  const words = model.name.replace(/\s*\(.*\)\s*$/, "").split(/\s+/);
  const version = words.findIndex((w) => /\d/.test(w));
  return version >= 0 ? words.slice(0, version + 1).join(" ") : null;
}

/** Model names in a question, in the order typed, with family words that stay ambiguous and names that match nothing. */
export function mentionedModels(snapshot: KnowledgeSnapshot, text: string): Pick<Understanding, "models" | "ambiguous" | "unknown"> {
  const resolver = snapshot.resolver;
  const spaced = splitSlashes(text);
  const models: MentionedModel[] = [];
  const ambiguous: Understanding["ambiguous"] = [];
  const unknown: Understanding["unknown"] = [];
  for (const found of resolver.mentions(spaced)) {
    // an amount ("8k", "128k", "1m") is never a model, whatever a catalog key ends with
    if (AMOUNT.test(found.query.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").trim()) && !versusName(spaced, found.query)) continue;
    if (found.kind === "exact" || found.kind === "fuzzy") {
      // "grok 5": a family word's own model is not what a version typed after it names
      const versioned = withVersion(snapshot, spaced, found.query);
      if (versioned) {
        unknown.push(versioned);
        // "llama 5 vs maverick": the model the family word stood for may be named again by another of its names
        const again = otherNameOf(snapshot, spaced, found.query, found.model);
        if (again && !models.some((m) => m.model === again.model)) models.push(again);
        continue;
      }
      const bareSized = withBareSizes(snapshot, spaced, found.query, found.model);
      if (bareSized.length) {
        for (const sized of bareSized) if (!models.some((m) => m.model === sized.model)) models.push(sized);
        continue;
      }
      const sized = withSize(snapshot, spaced, found.query, found.model);
      if (sized) {
        if (!models.some((m) => m.model === sized.model)) models.push(sized);
        continue;
      }
      if (models.some((m) => m.model === found.model)) continue;
      const typed = normalizeName(found.query.replace(/[^\p{L}\p{N}.\-\s]/gu, ""));
      const shorthand = found.kind === "fuzzy" || ![found.model.id, found.model.name].some((n) => normalizeName(n) === typed);
      models.push({ model: found.model, query: found.query, shorthand });
    } else if (found.kind === "ambiguous" && !NOT_NAMES.has(found.query.toLowerCase()) && found.candidates.filter((m) => !("catalog" in m && m.catalog)).length >= 2) {
      ambiguous.push({ query: found.query, candidates: found.candidates.slice(0, 6) });
    } else if (found.kind === "ambiguous" && !NOT_NAMES.has(found.query.toLowerCase())) {
      // "llama 405b vs command r+": a family only resellers list, named in a comparison, is named back, never dropped
      const listed = listedName(spaced, found.query);
      if (listed) unknown.push({ query: listed, candidates: found.candidates.slice(0, 3) });
    }
  }
  // "gpt5 mini vs nano", "gemini 1.5 pro 和 2.5 pro": words after a list separator that name a model only with the
  // family named before them
  const tokens = nameTokens(spaced);
  for (let i = 1; i < tokens.length; i++) {
    if (!/^(?:vs\.?|versus|and|or|\/|和|与|跟|还是|或|对比)$/i.test(tokens[i - 1]!)) continue;
    const previous = models.at(-1);
    if (!previous) continue;
    for (let length = Math.min(3, tokens.length - i); length >= 1; length--) {
      const words = tokens.slice(i, i + length).join(" ");
      if (resolver.exact(words)) break;
      // "150 in and 5 out": a bare number followed by a side or a unit is an amount, never a version
      if (/^\d+(?:\.\d+)?$/u.test(words) && AMOUNT_WORD_AFTER.test(tokens[i + length] ?? "")) continue;
      const prefix = /\d/.test(words) ? previous.model.name.split(/\s+/)[0] : familyStem(previous.model);
      // "sonnet 4.5 and 3.7": a version alone takes the place of the one the name before it ends with
      const lastVersion = /^(.+\s)\d+(?:\.\d+)*$/u.exec(previous.model.name);
      const model =
        (prefix ? resolver.exact(`${prefix} ${words}`) : undefined) ?? (lastVersion && /^\d+(?:\.\d+)*$/u.test(words) ? resolver.exact(`${lastVersion[1]}${words}`) : undefined);
      if (model && !models.some((m) => m.model === model)) {
        models.push({ model, query: words, shorthand: true });
        for (const word of words.split(" ")) {
          const index = ambiguous.findIndex((a) => a.query.toLowerCase() === word.toLowerCase());
          if (index >= 0) ambiguous.splice(index, 1);
        }
        break;
      }
    }
  }
  // family words alone ("claude", "gpt", "克劳德", "flash vs pro") are a question back, unless one of their models is named
  const namedKeys = models.map((m) => normalizeName(`${m.model.name} ${m.model.id} ${m.model.provider}`));
  for (const [index, typed] of tokens.entries()) {
    // "flash lite" is one tier word, as "flash-lite" is
    const token = /^flash$/i.test(typed) && /^lite$/i.test(tokens[index + 1] ?? "") ? `${typed} ${tokens[index + 1]}` : typed;
    const word = FAMILY_WORDS[token.toLowerCase()] ? token : /\p{Script=Han}/u.test(token) ? HAN_FAMILY_WORDS.find((w) => token.includes(w)) : undefined;
    const family = word ? FAMILY_WORDS[word.toLowerCase()] : undefined;
    // "谷歌的 gemini": two words for one family are one question
    if (!word || !family) continue;
    // "claude 4" asked already asks about "claude"
    const asked = (a: { query: string }) =>
      [a.query.toLowerCase(), a.query.toLowerCase().split(/\s+/)[0], FAMILY_WORDS[a.query.toLowerCase()]].some((w) => w === word.toLowerCase() || w === family);
    if (namedKeys.some((key) => key.includes(family)) || resolver.exact(word) || ambiguous.some(asked)) continue;
    const candidates = familyMembers(snapshot, family);
    if (candidates.length >= 2) ambiguous.push({ query: word, candidates });
  }
  // "gpt-5 nano … or should we pay for mini?": a line's word alone is that line of a model named in the sentence
  for (const a of [...ambiguous]) {
    if (!LINE_WORDS.has(a.query.toLowerCase())) continue;
    // the named model's own line word swapped for this one ("GPT-5 nano" → "GPT-5 mini"), never the family's flagship
    const sibling = models
      .map((m) => LINE_WORD_LAST.exec(m.model.name)?.[1])
      .map((stem) => (stem ? resolver.exact(`${stem} ${a.query}`) : undefined))
      .find((model) => model && !models.some((m) => m.model === model));
    if (!sibling) continue;
    models.push({ model: sibling, query: a.query, shorthand: true });
    ambiguous.splice(ambiguous.indexOf(a), 1);
  }
  // a family word next to one of its own models ("claude opus 4.5") is no question
  // and a misspelt family word right before one of its models ("claud haiku 4.5") is part of that name
  const lower = spaced.toLowerCase();
  // or a maker's name beside its model ("anthropic's haiku 4.5", "Claude Haiku 4.5 (Anthropic)", "阿里的 qwen max")
  const before = (a: { query: string }, m: MentionedModel) => {
    const family = FAMILY_WORDS[a.query.toLowerCase()] ?? normalizeName(a.query);
    if (!normalizeName(`${m.model.name} ${m.model.id}`).includes(family)) return false;
    const word = escapeRegExp(a.query.toLowerCase());
    const name = escapeRegExp(m.query.toLowerCase());
    return new RegExp(`${word}(?:'s|’s|的)?[\\s-]?${name}|${name}\\s?[(（]${word}[)）]`, "u").test(lower);
  };
  const kept = ambiguous.filter((a) => !models.some((m) => a.candidates.includes(m.model) || before(a, m)));
  // "gpt-5 pro" where the knowledge has GPT-5 but no GPT-5 Pro: another product, named back whole, never GPT-5 and no
  // question about "pro"
  for (const a of [...kept]) {
    if (!LINE_WORDS.has(a.query.toLowerCase())) continue;
    const base = models.find((m) => new RegExp(`${escapeRegExp(m.query.toLowerCase())}[\\s-]${escapeRegExp(a.query.toLowerCase())}(?![\\p{L}\\p{N}])`, "u").test(lower));
    if (!base || resolver.exact(`${base.query} ${a.query}`)) continue;
    kept.splice(kept.indexOf(a), 1);
    unknown.push({ query: `${base.query} ${a.query}`, candidates: [base.model] });
    const once = lower.split(base.query.toLowerCase()).length === 2;
    if (once) models.splice(models.indexOf(base), 1);
  }
  return { models, ambiguous: kept, unknown };
}

/** A product line's word after a model's name makes another model ("gpt-5 pro", "o3 mini"). */
const LINE_WORDS = new Set(["pro", "max", "mini", "nano", "plus", "ultra", "turbo", "lite", "flash"]);
/** A model's name ending in a line's word ("GPT-5 nano"), and what comes before it. */
const LINE_WORD_LAST = new RegExp(`^(.+)\\s(?:${[...LINE_WORDS].join("|")})$`, "iu");
