import Fuse from "fuse.js";
import type { Model } from "../knowledge/schema.ts";
import { digitsOf, nameTokens, normalizeName } from "../names.ts";
import { boundedEditDistance } from "./edit-distance.ts";
import { HanNames } from "./han-names.ts";
import { NAME_LIMITS, NameLimitError, nameLimitProblem, type NameLimitProblem } from "./limits.ts";
import { compareVersionsNewestFirst, isDated, looseKey, spelling, typedLooseKey, versionOf, baseName } from "./name-forms.ts";
import { providerRank } from "./provider-rank.ts";
import { TrigramIndex, type WorkMeter } from "./trigram-index.ts";

export { NAME_LIMITS, NameLimitError, nameLimitProblem, type NameLimitProblem } from "./limits.ts";
export { PROVIDER_PREFERENCE } from "./provider-rank.ts";

export type Resolution =
  /** `shorthand`: the text named the model only loosely ("gpt5 mini", "4o", "sonnet 3.5"), so an answer can say how it read it */
  | { kind: "exact"; model: Model; query: string; shorthand: boolean }
  | { kind: "fuzzy"; model: Model; query: string; shorthand: boolean }
  | { kind: "ambiguous"; query: string; candidates: Model[] }
  /** `rejected`: the text was refused before any search (too many words for one name), so there are no suggestions */
  | { kind: "unknown"; query: string; candidates: Model[]; rejected?: NameLimitProblem };

/** Words in the longest name tried when reading a list or a sentence. */
const MAX_SPAN_WORDS = 6;
const SUGGESTIONS = 5;
const FAMILY_CANDIDATES = 25;
/** Names read by one family (prefix) lookup at most, so "gpt" costs the same with any catalog. */
const FAMILY_SCAN = 3_000;
/** Names whose edit distance is computed, and names fuse.js ranks for suggestions. */
const FUZZY_SHORTLIST = 24;
const SEARCH_SHORTLIST = 50;
/** Words that join model names in a list: "gpt-5 vs claude", "gemini, deepseek", "gpt-5 和 deepseek". */
const LIST_SEPARATOR = /\s*(?:,|，|、|;|；|\+|&|\bvs\.?\b|\bversus\b|\band\b|\bor\b|\bwith\b|和|与|跟|对比|比较|还是|或)\s*/iu;
const HAN = /\p{Script=Han}/u;

/** Edits forgiven in a typo, by length of the typed name (normalized): none in very short names. */
function editsAllowed(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : length < 15 ? 2 : 3;
}

const isCatalog = (model: Model) => Boolean((model as { catalog?: true }).catalog);

function namesOf(model: Model): string[] {
  const withoutNote = model.name.replace(/\s*\(.*\)\s*$/, "");
  return [model.id, model.name, withoutNote, ...model.aliases, ...model.aliasesZh];
}

/** What ranking and indexing need of one catalog entry, computed once per entry. */
interface CatalogEntry {
  model: Model;
  /** the last path segment ("xai/grok-3" → "grok-3"), null for fine-tunes ("ft:…"), which go by their full key only */
  short: string | null;
  base: string | null;
  looseKey: string | null;
  rank: number;
  dated: boolean;
  depth: number;
}

function catalogEntry(model: Model): CatalogEntry {
  const short = model.id.startsWith("ft:") ? null : model.id.slice(model.id.lastIndexOf("/") + 1);
  const base = short === null ? null : baseName(short);
  let depth = 0;
  for (const char of model.id) if (char === "/") depth++;
  return { model, short, base, looseKey: base === null ? null : looseKey(base), rank: providerRank(model.provider), dated: isDated(model.id), depth };
}

const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Which of two catalog entries a shared name means: the maker's own, then undated, unprefixed, newest, shortest key. */
function preferCatalog(a: CatalogEntry, b: CatalogEntry): number {
  return (
    a.rank - b.rank ||
    byText(a.model.provider, b.model.provider) ||
    Number(a.dated) - Number(b.dated) ||
    a.depth - b.depth ||
    (a.dated ? byText(b.model.id, a.model.id) : 0) ||
    a.model.id.length - b.model.id.length ||
    byText(a.model.id, b.model.id)
  );
}

/**
 * One name → model table. Curated names always win (a later curated name overrides an earlier one, as in
 * models.yaml order); catalog names go to the preferred entry.
 */
class NameTable {
  readonly map = new Map<string, Model>();
  private readonly entries = new Map<string, CatalogEntry>();
  claimCurated(key: string, model: Model): void {
    if (!key) return;
    this.map.set(key, model);
    this.entries.delete(key);
  }
  claimCatalog(key: string, entry: CatalogEntry): void {
    if (!key) return;
    const current = this.entries.get(key);
    if (this.map.has(key) && !current) return; // curated
    if (!current || preferCatalog(entry, current) < 0) {
      this.map.set(key, entry.model);
      this.entries.set(key, entry);
    }
  }
}

interface Found {
  model: Model;
  shorthand: boolean;
}

/** Fuzzy searches left for one request. */
interface Budget {
  fuzzy: number;
}

/**
 * Resolves model names as people type them: exact names and aliases first, then loose shorthands
 * ("4o", "sonnet 3.5"), then family words (ambiguous), then a bounded fuzzy search for typos. Every step
 * costs work bounded by the length limits (limits.ts), never by the size of the catalog.
 */
export class ModelResolver {
  /** work done so far, counted in table probes and index entries read; tests bound it by input length */
  readonly work: WorkMeter = { probes: 0 };
  private readonly byName: Map<string, Model>;
  private readonly byLooseKey: Map<string, Model>;
  private readonly entryOf: Map<Model, CatalogEntry>;
  /** normalized names in sorted order, for prefix (family) lookups by binary search */
  private readonly sortedNames: string[];
  private readonly han: HanNames<Model>;
  private readonly forms: string[] = [];
  private readonly formLabels: string[] = [];
  private readonly formModels: Model[] = [];
  private readonly fuzzy: TrigramIndex;
  /** per catalog entry, the model it stands for (see canonical()) */
  private readonly canonicalOf = new Map<Model, Model>();
  private readonly versions = new Map<Model, number[]>();

  constructor(
    readonly models: readonly Model[],
    readonly catalog: readonly Model[] = [],
  ) {
    const entries = catalog.map(catalogEntry);
    const names = new NameTable();
    const loose = new NameTable();
    // full keys first: a key typed in full ("azure/gpt-4o", "gpt-4o-2024-05-13") means that very entry
    for (const entry of entries) names.claimCatalog(normalizeName(entry.model.id), entry);
    const shortNames = new NameTable();
    for (const entry of entries) {
      if (entry.short !== null) shortNames.claimCatalog(normalizeName(entry.short), entry);
      if (entry.looseKey !== null) loose.claimCatalog(entry.looseKey, entry);
    }
    for (const [key, model] of shortNames.map) if (!names.map.has(key)) names.map.set(key, model);
    for (const model of models) {
      for (const name of namesOf(model)) {
        names.claimCurated(normalizeName(name), model);
        loose.claimCurated(looseKey(name), model);
      }
    }
    this.byName = names.map;
    this.byLooseKey = loose.map;
    for (const entry of entries) {
      const same = entry.looseKey === null ? undefined : this.byLooseKey.get(entry.looseKey);
      if (same && same !== entry.model) this.canonicalOf.set(entry.model, same);
      this.versions.set(entry.model, versionOf(entry.base ?? entry.model.id));
    }
    for (const model of models) this.versions.set(model, versionOf(model.id));
    this.entryOf = new Map(entries.map((entry) => [entry.model, entry]));
    // families are read from model names, not provider paths ("gemini/gemma-3" is no Gemini)
    const familyNames = new Set(shortNames.map.keys());
    for (const model of models) for (const name of namesOf(model)) familyNames.add(normalizeName(name));
    this.sortedNames = [...familyNames].sort();
    this.han = new HanNames([...this.byName].filter(([name]) => HAN.test(name)));

    // fuzzy forms: curated names first (so they win ties), then each catalog model by its bare name
    const formIndex = new Set<string>();
    const addForm = (label: string, model: Model) => {
      const form = normalizeName(label);
      if (!form || formIndex.has(form)) return;
      formIndex.add(form);
      this.forms.push(form);
      this.formLabels.push(label);
      this.formModels.push(this.canonical(model));
    };
    for (const model of models) for (const name of namesOf(model)) addForm(name, model);
    for (const entry of entries) if (entry.base !== null) addForm(entry.base, entry.model);
    this.fuzzy = new TrigramIndex(this.forms);
  }

  /** The model a catalog entry stands for: a curated one of the same name, else the preferred provider's entry. */
  private canonical(model: Model): Model {
    return this.canonicalOf.get(model) ?? model;
  }

  /** Curated first, newest version first; then catalog entries, the maker's before resellers, newest first. */
  private readonly familyOrder = (a: Model, b: Model): number => {
    const entryA = this.entryOf.get(a);
    const entryB = this.entryOf.get(b);
    if (!entryA || !entryB) return Number(Boolean(entryA)) - Number(Boolean(entryB)) || compareVersionsNewestFirst(this.versions.get(a) ?? [], this.versions.get(b) ?? []);
    return entryA.rank - entryB.rank || compareVersionsNewestFirst(this.versions.get(a) ?? [], this.versions.get(b) ?? []) || preferCatalog(entryA, entryB);
  };

  exact(name: string): Model | undefined {
    if (name.length > NAME_LIMITS.maxNameChars) return undefined;
    this.work.probes++;
    return this.byName.get(normalizeName(name));
  }

  /** An exact name, else a loose one ("4o", "sonnet 3.5", "qwen2.5 72b"); null when neither. */
  private named(text: string, requireWord: boolean): Found | null {
    const model = this.exact(text);
    if (model) return { model, shorthand: !this.spelledAs(text, model) };
    const key = typedLooseKey(text, { requireWord });
    if (key === null) return null;
    this.work.probes++;
    const loose = this.byLooseKey.get(key);
    return loose ? { model: loose, shorthand: true } : null;
  }

  /** Whether `typed` is one of the model's names, up to case and the choice of space, dash or underscore. */
  private spelledAs(typed: string, model: Model): boolean {
    const wanted = spelling(typed);
    const short = this.entryOf.get(model)?.short;
    return [...namesOf(model), ...(short ? [short] : [])].some((name) => spelling(name) === wanted);
  }

  /** Models that have a name starting with `prefix` (a family word such as "claude" or "gemini"), curated ones first. */
  private family(prefix: string): Model[] {
    const key = normalizeName(prefix);
    if (key.length < 3) return [];
    let low = 0;
    let high = this.sortedNames.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sortedNames[mid]! < key) low = mid + 1;
      else high = mid;
    }
    const found = new Set<Model>();
    const stop = Math.min(this.sortedNames.length, low + FAMILY_SCAN);
    for (let i = low; i < stop && this.sortedNames[i]!.startsWith(key); i++) found.add(this.canonical(this.byName.get(this.sortedNames[i]!)!));
    this.work.probes += found.size + 1;
    return [...found].sort(this.familyOrder);
  }

  /** Nearest names for a typed text, best first: exact or loose match, then fuse.js over the index's shortlist. */
  search(query: string, limit = SUGGESTIONS): Model[] {
    if (query.length > NAME_LIMITS.maxNameChars || limit <= 0) return [];
    const seen = new Set<Model>();
    const named = this.named(query, false);
    if (named) seen.add(named.model);
    for (const model of this.ranked(query, SEARCH_SHORTLIST)) {
      if (seen.size >= limit) break;
      seen.add(model);
    }
    return [...seen].slice(0, limit);
  }

  /** The index's shortlist for `query`, ranked by fuse.js (curated first among equal scores). */
  private ranked(query: string, shortlist: number): Model[] {
    const form = normalizeName(query);
    if (!form) return [];
    const hits = this.fuzzy.candidates(form, shortlist, this.work);
    if (!hits.length) return [];
    const entries = hits.map((hit) => ({ label: this.formLabels[hit.index]!, model: this.formModels[hit.index]! }));
    const fuse = new Fuse(entries, { keys: ["label"], includeScore: true, threshold: 0.6, ignoreLocation: true });
    const scored = fuse.search(query).sort((a, b) => (a.score ?? 1) - (b.score ?? 1) || Number(isCatalog(a.item.model)) - Number(isCatalog(b.item.model)));
    this.work.probes += entries.length;
    // names fuse.js finds too far still come after, in the index's order, so a suggestion list is never empty
    return [...new Set([...scored.map((s) => s.item.model), ...entries.map((e) => e.model)])];
  }

  resolve(query: string): Resolution {
    const problem = nameLimitProblem(query);
    if (problem?.kind === "too_long") throw new NameLimitError(problem.size, problem.max);
    return this.resolveWithin(query, { fuzzy: 1 });
  }

  /** resolve() for text already within the length limit; fuzzy search only while the budget lasts. */
  private resolveWithin(query: string, budget: Budget): Resolution {
    const problem = nameLimitProblem(query);
    if (problem) return { kind: "unknown", query, candidates: [], rejected: problem };
    const named = this.named(query, false);
    if (named) return { kind: "exact", query, ...named };
    const family = this.family(query);
    if (family.length > 1) return { kind: "ambiguous", query, candidates: family.slice(0, FAMILY_CANDIDATES) };
    if (family.length === 1) return { kind: "fuzzy", model: family[0]!, query, shorthand: false };
    if (budget.fuzzy <= 0) return { kind: "unknown", query, candidates: [] };
    budget.fuzzy--;
    return this.fuzzyResolve(query);
  }

  /** A typo of a known name ("deepsek", "claude opsu 4.5"), never a different version ("gpt-6" is not GPT-5). */
  private fuzzyResolve(query: string): Resolution {
    const form = normalizeName(query);
    const allowed = editsAllowed(form.length);
    let best: { index: number; distance: number } | null = null;
    if (allowed > 0) {
      for (const hit of this.fuzzy.candidates(form, FUZZY_SHORTLIST, this.work)) {
        const name = this.forms[hit.index]!;
        this.work.probes += Math.min(form.length, name.length);
        const distance = boundedEditDistance(form, name, allowed);
        if (distance <= allowed && (!best || distance < best.distance) && digitsOf(name) === digitsOf(form)) best = { index: hit.index, distance };
      }
    }
    if (best) return { kind: "fuzzy", model: this.formModels[best.index]!, query, shorthand: false };
    return { kind: "unknown", query, candidates: this.ranked(query, SEARCH_SHORTLIST).slice(0, SUGGESTIONS) };
  }

  /** Longest run of tokens starting at `start` that names a model, exactly or as a shorthand. */
  private longestNamed(tokens: string[], start: number, requireWord: boolean): (Found & { end: number }) | null {
    let end = start;
    let length = 0;
    // grow the span only while it could still be a name
    while (end < tokens.length && end - start < MAX_SPAN_WORDS && length + tokens[end]!.length <= NAME_LIMITS.maxNameChars) length += tokens[end++]!.length + 1;
    for (; end > start; end--) {
      const found = this.named(tokens.slice(start, end).join(" "), requireWord);
      if (found) return { ...found, end };
    }
    return null;
  }

  /** Splits a typed list ("gpt-5 vs claude opus 4.5, deepseek") into one resolution per model. */
  resolveList(text: string): Resolution[] {
    if (text.length > NAME_LIMITS.maxListChars) throw new NameLimitError(text.length, NAME_LIMITS.maxListChars);
    const budget: Budget = { fuzzy: NAME_LIMITS.maxFuzzyPerList };
    const results: Resolution[] = [];
    for (const chunk of text.split(LIST_SEPARATOR)) {
      const tokens = nameTokens(chunk);
      const longest = tokens.reduce((max, token) => Math.max(max, token.length), 0);
      if (longest > NAME_LIMITS.maxNameChars) throw new NameLimitError(longest, NAME_LIMITS.maxNameChars);
      // the name found at each position, computed once: the scan below asks for most positions twice
      const at = new Map<number, ReturnType<ModelResolver["longestNamed"]>>();
      const namedAt = (i: number) => {
        if (!at.has(i)) at.set(i, this.longestNamed(tokens, i, false));
        return at.get(i)!;
      };
      let i = 0;
      while (i < tokens.length) {
        const hit = namedAt(i);
        if (hit) {
          results.push({ kind: "exact", model: hit.model, query: tokens.slice(i, hit.end).join(" "), shorthand: hit.shorthand });
          i = hit.end;
          continue;
        }
        let end = i + 1;
        while (end < tokens.length && !namedAt(end)) end++;
        results.push(...this.resolveUnknownSpan(tokens.slice(i, end), budget));
        i = end;
      }
    }
    return results;
  }

  /** A run with no known name: one name with a typo ("claude opsu"), or several ("gpt-6 deepsek"). */
  private resolveUnknownSpan(span: string[], budget: Budget): Resolution[] {
    const whole = span.length <= NAME_LIMITS.maxNameWords ? this.resolveWithin(span.join(" "), budget) : null;
    if (whole && (whole.kind === "exact" || whole.kind === "fuzzy" || span.length === 1)) return [whole];
    // Version-only words ("4.5", "v3") belong to the name before them.
    const names: string[] = [];
    for (const word of span) {
      if (names.length && /^v?\d+(\.\d+)*[a-z]?$/i.test(word)) names[names.length - 1] += ` ${word}`;
      else names.push(word);
    }
    return names.length > 1 || !whole ? names.map((name) => this.resolveWithin(name, budget)) : [whole];
  }

  /**
   * Model names mentioned anywhere in a sentence; family words ("claude") come back ambiguous, once each.
   * Reads the start and the end of a long text only (limits.ts), so a pasted document costs no more than a question.
   */
  mentions(text: string): Resolution[] {
    const tokens = nameTokens(mentionWindow(text));
    const found: Resolution[] = [];
    const has = (model: Model) => found.some((r) => (r.kind === "exact" || r.kind === "fuzzy") && r.model === model);
    const families = new Set<string>();
    for (let i = 0; i < tokens.length; ) {
      const hit = this.longestNamed(tokens, i, true);
      if (hit) {
        if (!has(hit.model)) found.push({ kind: "exact", model: hit.model, query: tokens.slice(i, hit.end).join(" "), shorthand: hit.shorthand });
        i = hit.end;
        continue;
      }
      const token = tokens[i]!;
      const hanHits = HAN.test(token) ? this.han.find(normalizeName(token), this.work) : [];
      for (const model of hanHits) if (!has(model)) found.push({ kind: "exact", model, query: token, shorthand: false });
      const word = token.toLowerCase();
      if (!hanHits.length && /^[a-z]{4,}$/.test(word) && word.length <= NAME_LIMITS.maxNameChars && !families.has(word)) {
        families.add(word);
        const family = this.family(word);
        if (family.length > 1) found.push({ kind: "ambiguous", query: token, candidates: family.slice(0, FAMILY_CANDIDATES) });
      }
      i++;
    }
    return found;
  }
}

/** The start and the end of a long text, each cut at a space so no word is read half. */
function mentionWindow(text: string): string {
  const { mentionHeadChars: head, mentionTailChars: tail } = NAME_LIMITS;
  if (text.length <= head + tail) return text;
  const start = text.slice(0, head);
  const end = text.slice(-tail);
  const headCut = start.search(/\s\S*$/u);
  const tailCut = end.search(/\s/u);
  return `${headCut > 0 ? start.slice(0, headCut) : ""} ${tailCut >= 0 ? end.slice(tailCut) : ""}`;
}
