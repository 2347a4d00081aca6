import Fuse from "fuse.js";
import { LRUCache } from "lru-cache";
import type { Model } from "../knowledge/schema.ts";
import { digitsOf, nameTokens, normalizeName } from "./names.ts";
import { boundedEditDistance } from "./edit-distance.ts";
import { HanNames } from "./han-names.ts";
import { mentionWindow, NAME_LIMITS, NameLimitError, type NameLimitProblem, nameLimitProblem } from "./limits.ts";
import { baseName, compareVersionsNewestFirst, IMPLIED_WORDS, isDated, looseKey, type NameParts, partsOf, spelling, typedKeyOf, typedLooseKey, versionOf } from "./name-forms.ts";
import { type CatalogEntry, catalogEntry, NameTable, namesOf, preferCatalog } from "./name-table.ts";
import { modelOfSize } from "./of-size.ts";
import { TrigramIndex, type WorkMeter } from "./trigram-index.ts";

export {
  NAME_LIMITS,
  NameLimitError,
} from "./limits.ts";
export { PROVIDER_PREFERENCE } from "./provider-rank.ts";

export type Resolution =
  /** `shorthand`: the text named the model only loosely ("gpt5 mini", "4o", "sonnet 3.5"), so an answer can say how it read it */
  | { kind: "exact"; model: Model; query: string; shorthand: boolean }
  | { kind: "fuzzy"; model: Model; query: string; shorthand: boolean }
  | { kind: "ambiguous"; query: string; candidates: Model[] }
  /** `rejected`: the text was refused before any search (too many words for one name), so there are no suggestions */
  | {
      kind: "unknown";
      query: string;
      candidates: Model[];
      rejected?: NameLimitProblem;
    };

/** Words in the longest name tried when reading a list or a sentence, and in the longest shorthand. */
const MAX_SPAN_WORDS = 6;
const MAX_LOOSE_WORDS = 4;
const SUGGESTIONS = 5;
const FAMILY_CANDIDATES = 25;
/** Names read by one family (prefix) lookup at most, so "gpt" costs the same with any catalog. */
const FAMILY_SCAN = 3_000;
/** Distinct family words looked up in one text: a sentence names a few, a list of every prefix is an attack. */
const MAX_FAMILY_WORDS = 16;
/** Names whose edit distance is computed for one typed name. */
const FUZZY_SHORTLIST = 24;
/** Edits counted at most when ranking suggestions (the band of the edit-distance computation). */
const SUGGEST_EDITS = 6;
/**
 * Edits a suggestion may be from the typed name: about two in five of its characters. Past that the nearest names
 * share little but trigrams ("reka core" → "openrouter/undi95/remm-slerp-l2-13b") and are no help.
 */
const suggestableEdits = (length: number) => Math.min(SUGGEST_EDITS, Math.max(2, Math.ceil(length * 0.4)));
/** Names fuse.js ranks in search(), and the characters of the query it sees. */
const FUSE_SHORTLIST = 16;
const FUSE_PATTERN_CHARS = 32;
/** A parameter count typed after a family word: "32b", "70B", "1.5b". */
const SIZE = /^(\d+(?:\.\d+)?)b$/i;
/** Typed model lists whose resolutions are kept: a few hundred bytes each. */
const RECENT_LISTS = 2_000;
const CATALOG_SEARCH_PENALTY = 0.1;
/** Words that join model names in a list: "gpt-5 vs claude", "gemini, deepseek", "gpt-5 和 deepseek". */
const LIST_SEPARATOR = /\s*(?:,|，|、|;|；|\+|&|\bvs\.?\b|\bversus\b|\band\b|\bor\b|\bwith\b|和|与|跟|同|對比|对比|比较|比較|还是|還是|或)\s*/iu;
const HAN = /\p{Script=Han}/u;
/** A colon that ends a clause ("for chat: gpt-5 mini", "模型：gpt-5"), not one inside an option ("model:gpt-5"). */
const CLAUSE_COLON = /:(?=\s)|：/u;
/** A word no name holds, put where a clause ended so that no name is read across it. */
const CLAUSE_END = "\u2063";

/** Edits forgiven in a typo, by length of the typed name (normalized): none in very short names. */
function editsAllowed(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : length < 15 ? 2 : 3;
}

interface Found {
  model: Model;
  shorthand: boolean;
}

/** One word of a list or sentence, split once so that every span it is part of costs only table probes. */
interface Token {
  raw: string;
  norm: string;
  parts: NameParts;
  /** every word of it occurs in some known name, so a shorthand through it is possible */
  looseOk: boolean;
  /** longer than any name: no span may include it */
  tooLong: boolean;
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
  /** every name in the table, sorted */
  private readonly allNames: string[];
  private readonly han: HanNames<Model>;
  private readonly forms: string[] = [];
  private readonly formLabels: string[] = [];
  private readonly formModels: Model[] = [];
  /** built at the first typo, not at every start: most questions name their models exactly */
  private fuzzyIndex: TrigramIndex | null = null;
  /** per catalog entry, the model it stands for (see canonical()) */
  private readonly canonicalOf = new Map<Model, Model>();
  /** version numbers read from names, as families are sorted (reading all ~2,000 up front cost a one-shot answer's start) */
  private readonly versions = new Map<Model, number[]>();
  private readonly curated: ReadonlySet<Model>;
  /** every word of every loose key, and the families shorthands imply */
  private readonly vocabulary = new Set<string>(IMPLIED_WORDS);
  /** the number sequences of every loose key ("3.5", "2.5.72"): a span with other numbers needs no key built */
  private readonly versionSequences = new Set<string>();
  private readonly recentLists = new LRUCache<string, readonly Resolution[]>({ max: RECENT_LISTS });

  constructor(
    readonly models: readonly Model[],
    readonly catalog: readonly Model[] = [],
  ) {
    const entries = catalog.map(catalogEntry);
    const names = new NameTable();
    const loose = new NameTable();
    // a key typed with its provider path ("azure/gpt-4o") means that very entry; a bare key ("gemini-2.5-flash",
    // Vertex AI's) is a name like any other, which the maker's own entry ("gemini/gemini-2.5-flash") wins
    for (const entry of entries) if (entry.depth > 0 || entry.short === null) names.claimCatalog(normalizeName(entry.model.id), entry);
    for (const entry of entries) if (entry.looseKey !== null) loose.claimCatalog(entry.looseKey, entry);
    // an undated name a reseller uses ("vertex_ai/claude-3-haiku") means the maker's entry of that model where
    // there is one ("claude-3-haiku-20240307"); a dated name means that very snapshot
    const shortNames = new NameTable();
    for (const entry of entries) {
      if (entry.short === null) continue;
      const maker = entry.dated || entry.looseKey === null ? undefined : loose.entry(entry.looseKey);
      shortNames.claimCatalog(normalizeName(entry.short), maker && maker.rank < entry.rank ? maker : entry);
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
    for (const key of loose.map.keys()) {
      const bar = key.indexOf("|");
      for (const word of key.slice(0, bar).split(" ")) if (word) this.vocabulary.add(word);
      this.versionSequences.add(key.slice(bar + 1));
    }
    for (const entry of entries) {
      const same = entry.looseKey === null ? undefined : this.byLooseKey.get(entry.looseKey);
      if (same && same !== entry.model) this.canonicalOf.set(entry.model, same);
    }
    this.curated = new Set(models);
    this.entryOf = new Map(entries.map((entry) => [entry.model, entry]));
    // families are read from model names, not provider paths ("gemini/gemma-3" is no Gemini)
    const familyNames = new Set(shortNames.map.keys());
    for (const model of models) for (const name of namesOf(model)) familyNames.add(normalizeName(name));
    this.sortedNames = [...familyNames].sort();
    this.allNames = [...this.byName.keys()].sort();
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
  }

  private get fuzzy(): TrigramIndex {
    this.fuzzyIndex ??= new TrigramIndex(this.forms);
    return this.fuzzyIndex;
  }

  private versionOfModel(model: Model): number[] {
    let known = this.versions.get(model);
    if (!known) {
      const entry = this.entryOf.get(model);
      known = this.curated.has(model) ? versionOf(model.id) : entry ? versionOf(entry.base ?? model.id) : [];
      this.versions.set(model, known);
    }
    return known;
  }

  /** The model a catalog entry stands for: a curated one of the same name, else the preferred provider's entry. */
  private canonical(model: Model): Model {
    return this.canonicalOf.get(model) ?? model;
  }

  /** Curated first, newest version first; then catalog entries, the maker's before resellers, newest first. */
  private readonly familyOrder = (a: Model, b: Model): number => {
    const entryA = this.entryOf.get(a);
    const entryB = this.entryOf.get(b);
    if (!entryA || !entryB) return Number(Boolean(entryA)) - Number(Boolean(entryB)) || compareVersionsNewestFirst(this.versionOfModel(a), this.versionOfModel(b));
    return entryA.rank - entryB.rank || compareVersionsNewestFirst(this.versionOfModel(a), this.versionOfModel(b)) || preferCatalog(entryA, entryB);
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

  /**
   * A catalog key typed with a suffix or path people copy from an API ("claude-sonnet-4-5-20250929",
   * "llama-3.3-70b-instruct", "deepseek-ai/DeepSeek-V3") names the curated model of its bare name, which carries the
   * source, quality and as-of date; a dated snapshot priced unlike today's model ("gpt-4o-2024-05-13") stays itself.
   */
  private curatedFor(typed: string, entry: Model): Model | undefined {
    // a provider path ("azure/gpt-4o") means that very entry
    if (!this.entryOf.has(entry) || /[/:]/.test(typed)) return undefined;
    const base = baseName(typed.replace(/\s+/g, "-"));
    const curated = [this.byName.get(normalizeName(base)), this.byLooseKey.get(looseKey(base))].find((m) => m && !this.entryOf.has(m));
    if (!curated) return undefined;
    const prices = (m: Model) => ("inputPer1M" in m ? `${m.inputPer1M}/${m.outputPer1M}` : "unpriced");
    const samePrice = prices(curated) === prices(entry);
    return samePrice || !isDated(typed.replace(/\s+/g, "-")) ? curated : undefined;
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

  /**
   * Nearest names for a typed text, best first (autocomplete, "did you mean"): an exact or loose match, then
   * the index's shortlist ranked by fuse.js. fuse.js sees a short list and at most 32 characters, its bitap
   * word size: beyond either its cost grows fast (measured in scripts/bench/resolve.ts).
   */
  search(query: string, limit = SUGGESTIONS): Model[] {
    if (query.length > NAME_LIMITS.maxNameChars || limit <= 0) return [];
    const seen = new Set<Model>();
    const named = this.named(query, false);
    if (named) seen.add(named.model);
    const form = normalizeName(query);
    if (form) {
      const hits = this.fuzzy.candidates(form, FUSE_SHORTLIST, this.work);
      const entries = hits.map((hit) => ({
        label: this.formLabels[hit.index]!,
        model: this.formModels[hit.index]!,
      }));
      const fuse = new Fuse(entries, {
        keys: ["label"],
        includeScore: true,
        threshold: 0.6,
        ignoreLocation: true,
      });
      // a curated model wins over a catalog entry that fuse.js scores only slightly better
      const rank = (hit: { score?: number; item: { model: Model } }) => (hit.score ?? 1) + (this.entryOf.has(hit.item.model) ? CATALOG_SEARCH_PENALTY : 0);
      const scored = fuse.search(query.slice(0, FUSE_PATTERN_CHARS)).sort((a, b) => rank(a) - rank(b) || a.refIndex - b.refIndex);
      this.work.probes += entries.length;
      // names fuse.js finds too far still come after, in the index's order
      for (const model of [...scored.map((s) => s.item.model), ...entries.map((e) => e.model)]) seen.add(model);
    }
    return [...seen].slice(0, limit);
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
    const hanLed = this.hanLed(query);
    if (hanLed) return { kind: "exact", query, model: hanLed, shorthand: true };
    const family = this.family(query);
    if (family.length > 1)
      return {
        kind: "ambiguous",
        query,
        candidates: family.slice(0, FAMILY_CANDIDATES),
      };
    if (family.length === 1) return { kind: "fuzzy", model: family[0]!, query, shorthand: false };
    if (budget.fuzzy <= 0) return { kind: "unknown", query, candidates: [] };
    budget.fuzzy--;
    return this.fuzzyResolve(query);
  }

  /**
   * A typo of a known name ("deepsek", "claude opsu 4.5"), never a different version ("gpt-6" is not GPT-5);
   * otherwise unknown, with the nearest names by edit distance as suggestions.
   */
  private fuzzyResolve(query: string): Resolution {
    const form = normalizeName(query);
    if (!form) return { kind: "unknown", query, candidates: [] };
    const allowed = editsAllowed(form.length);
    const digits = digitsOf(form);
    const hits = this.fuzzy.candidates(form, FUZZY_SHORTLIST, this.work);
    // first the cheap question, within the few edits a typo may have; the wider band only for suggestions
    let best: { index: number; distance: number } | null = null;
    if (allowed > 0) {
      for (const hit of hits) {
        const name = this.forms[hit.index]!;
        this.work.probes += Math.min(form.length, name.length) * (2 * allowed + 1);
        const distance = boundedEditDistance(form, name, allowed);
        if (distance <= allowed && (!best || distance < best.distance) && digitsOf(name) === digits) best = { index: hit.index, distance };
      }
    }
    if (best)
      return {
        kind: "fuzzy",
        model: this.formModels[best.index]!,
        query,
        shorthand: false,
      };
    // shortlist order (shared trigrams, curated first) breaks ties
    const ranked = hits
      .map((hit, order) => {
        const name = this.forms[hit.index]!;
        this.work.probes += Math.min(form.length, name.length) * (2 * SUGGEST_EDITS + 1);
        return {
          model: this.formModels[hit.index]!,
          distance: boundedEditDistance(form, name, SUGGEST_EDITS),
          order,
        };
      })
      .filter((entry) => entry.distance <= suggestableEdits(form.length))
      .sort((a, b) => a.distance - b.distance || a.order - b.order);
    return {
      kind: "unknown",
      query,
      candidates: [...new Set(ranked.map((entry) => entry.model))].slice(0, SUGGESTIONS),
    };
  }

  /** Whether some known name starts with `key` (binary search over every name, sorted). */
  private isNamePrefix(key: string): boolean {
    let low = 0;
    let high = this.allNames.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.allNames[mid]! < key) low = mid + 1;
      else high = mid;
    }
    this.work.probes++;
    return low < this.allNames.length && this.allNames[low]!.startsWith(key);
  }

  private tokensOf(words: string[]): Token[] {
    return words.map((raw) => {
      // a clause's end stops a span as a word too long to be a name does
      const tooLong = raw.length > NAME_LIMITS.maxNameChars || raw === CLAUSE_END;
      const parts = tooLong ? { words: new Set<string>(), numbers: [] } : partsOf(raw);
      this.work.probes++;
      return {
        raw,
        norm: tooLong ? "" : normalizeName(raw),
        parts,
        tooLong,
        looseOk: [...parts.words].every((word) => this.vocabulary.has(word)),
      };
    });
  }

  /** Longest run of tokens starting at `start` that names a model, exactly or as a shorthand. */
  private longestNamed(tokens: Token[], start: number, requireWord: boolean): (Found & { end: number }) | null {
    let end = start;
    let length = 0;
    // grow the span only while it could still be a name
    while (end < tokens.length && end - start < MAX_SPAN_WORDS && !tokens[end]!.tooLong && length + tokens[end]!.raw.length <= NAME_LIMITS.maxNameChars) {
      length += tokens[end++]!.raw.length + 1;
    }
    // exact names only while some name still starts with the span: most words of a sentence end it at once
    const keys: string[] = [];
    for (let i = start, key = ""; i < end; i++) {
      key += tokens[i]!.norm;
      if (!this.isNamePrefix(key)) break;
      keys.push(key);
    }
    let looseEnd = start;
    while (looseEnd < end && looseEnd - start < MAX_LOOSE_WORDS && tokens[looseEnd]!.looseOk) looseEnd++;
    for (let stop = end; stop > start; stop--) {
      const model = stop - start <= keys.length ? this.byName.get(keys[stop - start - 1]!) : undefined;
      this.work.probes++;
      if (model) {
        const text = tokens
          .slice(start, stop)
          .map((t) => t.raw)
          .join(" ");
        const curated = this.curatedFor(text, model);
        if (curated) return { model: curated, shorthand: true, end: stop };
        return { model, shorthand: !this.spelledAs(text, model), end: stop };
      }
      if (stop > looseEnd) continue;
      const span = tokens.slice(start, stop);
      const numbers = span.flatMap((t) => t.parts.numbers);
      if (!numbers.length || !this.versionSequences.has(numbers.join("."))) continue;
      const words = new Set(span.flatMap((t) => [...t.parts.words]));
      const repeated = span.some((t) => t.parts.repeated) || words.size < span.reduce((sum, t) => sum + t.parts.words.size, 0);
      const key = typedKeyOf({ words, numbers, repeated }, /^\d/.test(tokens[start]!.raw), requireWord);
      this.work.probes++;
      const loose = key === null ? undefined : this.byLooseKey.get(key);
      if (loose) return { model: loose, shorthand: true, end: stop };
    }
    return null;
  }

  /**
   * Splits a typed list ("gpt-5 vs claude opus 4.5, deepseek") into one resolution per model. The same few lists are
   * typed over and over, so recent ones are kept (this resolver lives as long as its knowledge snapshot).
   */
  resolveList(text: string): Resolution[] {
    if (text.length > NAME_LIMITS.maxListChars) throw new NameLimitError(text.length, NAME_LIMITS.maxListChars);
    let resolved = this.recentLists.get(text);
    if (!resolved) {
      resolved = Object.freeze(this.splitAndResolve(text).map((resolution) => Object.freeze(resolution)));
      this.recentLists.set(text, resolved);
    }
    return [...resolved];
  }

  private splitAndResolve(text: string): Resolution[] {
    const budget: Budget = { fuzzy: NAME_LIMITS.maxFuzzyPerList };
    const results: Resolution[] = [];
    for (const chunk of text.split(LIST_SEPARATOR)) {
      const words = nameTokens(chunk);
      const longest = words.reduce((max, word) => Math.max(max, word.length), 0);
      if (longest > NAME_LIMITS.maxNameChars) throw new NameLimitError(longest, NAME_LIMITS.maxNameChars);
      const tokens = this.tokensOf(words);
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
          const query = words.slice(i, hit.end).join(" ");
          // "qwen 32b": a family word and a parameter count name that family's model of that size
          const size = /\d/.test(query) ? null : SIZE.exec(words[hit.end] ?? "");
          const sized = size ? modelOfSize(this.models, query, size[1]!) : undefined;
          if (sized) {
            results.push({ kind: "exact", model: sized, query: `${query} ${words[hit.end]}`, shorthand: true });
            i = hit.end + 1;
            continue;
          }
          results.push({ kind: "exact", model: hit.model, query, shorthand: hit.shorthand });
          i = hit.end;
          continue;
        }
        let end = i + 1;
        while (end < tokens.length && !namedAt(end)) end++;
        results.push(...this.resolveUnknownSpan(words.slice(i, end), budget));
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

  /** A whole query of a Chinese name and the words going on after it ("月之暗面 k2"), as mentions() reads it. */
  private hanLed(query: string): Model | undefined {
    const [first, ...rest] = nameTokens(query);
    if (!first || !rest.length || !HAN.test(first) || rest.length > 3) return undefined;
    const model = this.exact(first);
    const going = model ? this.hanNameGoingOn(first, model, rest) : undefined;
    return going?.words === rest.length ? going.model : undefined;
  }

  /**
   * "通义千问 Max", "月之暗面 k2", "智谱 4.6", "千问 3 max": a Chinese name or maker's name followed by Latin words or a
   * version names the model those words name with it, or with the family of the model the Chinese name stands for.
   */
  private hanNameGoingOn(hanName: string, model: Model, after: readonly string[]): { model: Model; words: number } | undefined {
    const family = model.name.split(/[\s-]/)[0]!;
    for (let count = Math.min(3, after.length); count >= 1; count--) {
      const rest = after.slice(0, count);
      if (rest.some((word) => HAN.test(word))) continue;
      const typed = rest.join(" ");
      const named = this.exact(`${hanName} ${typed}`) ?? (/\d/.test(typed) ? this.exact(`${family} ${typed}`) : undefined);
      if (named) return { model: named, words: count };
    }
    return undefined;
  }

  /**
   * Model names mentioned anywhere in a sentence; family words ("claude") come back ambiguous, once each.
   * Reads the start and the end of a long text only (limits.ts), so a pasted document costs no more than a question.
   */
  /** A family word and a bare version ("claude 4", "gemini 2.5"), when that reads as several models of that generation. */
  private generationOf(family: string, version: string | undefined): Resolution | undefined {
    if (!version || !/^\d{1,2}(?:\.\d)?$/.test(version)) return undefined;
    const query = `${family} ${version}`;
    const found = this.resolve(query);
    if (found.kind !== "ambiguous" || found.candidates.length < 2) return undefined;
    return { kind: "ambiguous", query, candidates: found.candidates.slice(0, FAMILY_CANDIDATES) };
  }

  mentions(text: string): Resolution[] {
    // "just chat: gpt-5 mini" is no GPT-5 Chat: a name never runs on past a colon that ends a clause
    const words = mentionWindow(text)
      .split(CLAUSE_COLON)
      .flatMap((clause, k) => (k ? [CLAUSE_END, ...nameTokens(clause)] : nameTokens(clause)));
    const tokens = this.tokensOf(words);
    const found: Resolution[] = [];
    const named = new Set<Model>();
    const isNew = (model: Model) => !named.has(model) && Boolean(named.add(model));
    const queries = new Set<string>();
    const isNewQuery = (model: Model, query: string) => !queries.has(`${model.id}|${normalizeName(query)}`);
    const families = new Set<string>();
    for (let i = 0; i < tokens.length; ) {
      const named = this.longestNamed(tokens, i, true);
      const going =
        named && HAN.test(words[named.end - 1]!) ? this.hanNameGoingOn(words.slice(i, named.end).join(" "), named.model, words.slice(named.end, named.end + 3)) : undefined;
      const hit = named && going ? { model: going.model, shorthand: true, end: named.end + going.words } : named;
      if (hit) {
        // "deepseek v5 和 deepseek v3.2": the same model typed again with a version is kept, for the reader to see
        // that the first, bare word was followed by a version it lacks
        const query = words.slice(i, hit.end).join(" ");
        if (isNew(hit.model) || (/\d/.test(query) && isNewQuery(hit.model, query))) {
          queries.add(`${hit.model.id}|${normalizeName(query)}`);
          found.push({ kind: "exact", model: hit.model, query, shorthand: hit.shorthand });
        }
        i = hit.end;
        continue;
      }
      const token = words[i]!;
      // "gemini-2.5-flash-preview-05-20", "qwen3-32b-instruct": a name with a suffix copied from an API names its model
      const bare = /[a-z]/i.test(token) && !HAN.test(token) ? baseName(token) : token.toLowerCase();
      const suffixed = bare !== token.toLowerCase() && bare.length >= 3 ? this.exact(bare) : undefined;
      if (suffixed) {
        const model = this.curatedFor(token, suffixed) ?? suffixed;
        if (isNew(model)) found.push({ kind: "exact", model, query: token, shorthand: true });
        i++;
        continue;
      }
      // "GPT五": a Chinese name may start with Latin letters, split from its Han part into two words
      const after = words[i + 1];
      if (!HAN.test(token) && after && HAN.test(after)) {
        const joined = this.han.findNames(normalizeName(token + after), this.work);
        const first = joined[0];
        if (first && first.end === first.name.length && first.end > normalizeName(token).length) {
          for (const { value: model } of joined) if (isNew(model)) found.push({ kind: "exact", model, query: `${token}${after}`, shorthand: false });
          i += 2;
          continue;
        }
      }
      const run = normalizeName(token);
      const hanHits = HAN.test(token) ? this.han.findNames(run, this.work) : [];
      // "深度求索和通义千问 Max": a name ending the run may go on in the next word ("通义千问 Max" is not Qwen Plus)
      const last = hanHits.at(-1);
      const continued = last && last.end === run.length ? this.hanNameGoingOn(last.name, last.value, words.slice(i + 1, i + 4)) : undefined;
      const longer = continued?.model;
      if (longer) hanHits[hanHits.length - 1] = { ...last!, value: longer };
      // "文心跟通义千问哪个便宜" is one run of characters: the name is the part of it that matched, as typed
      const typedPart = (hit: { name: string; end: number }) => (run.length === token.length ? token.slice(hit.end - hit.name.length, hit.end) : token);
      for (const hit of hanHits)
        if (isNew(hit.value))
          found.push({
            kind: "exact",
            model: hit.value,
            query: longer && hit.value === longer ? [typedPart(hit), ...words.slice(i + 1, i + 1 + continued.words)].join(" ") : typedPart(hit),
            shorthand: false,
          });
      if (continued) i += continued.words;
      const word = token.toLowerCase();
      if (!hanHits.length && /^[a-z]{4,}$/.test(word) && word.length <= NAME_LIMITS.maxNameChars && !families.has(word) && families.size < MAX_FAMILY_WORDS) {
        families.add(word);
        // "claude 4", "gemini 3": a generation of the family asks about its members only
        const generation = this.generationOf(token, words[i + 1]);
        if (generation) {
          found.push(generation);
          i += 2;
          continue;
        }
        const family = this.family(word);
        if (family.length > 1)
          found.push({
            kind: "ambiguous",
            query: token,
            candidates: family.slice(0, FAMILY_CANDIDATES),
          });
      }
      i++;
    }
    return found;
  }
}
