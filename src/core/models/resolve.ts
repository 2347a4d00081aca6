import Fuse from "fuse.js";
import type { Model } from "../knowledge/schema.ts";
import { digitsOf, nameTokens, normalizeName } from "../names.ts";

export type Resolution =
  | { kind: "exact"; model: Model; query: string }
  | { kind: "fuzzy"; model: Model; query: string }
  | { kind: "ambiguous"; query: string; candidates: Model[] }
  | { kind: "unknown"; query: string; candidates: Model[] };

const MAX_NAME_WORDS = 6;
const FUZZY_ACCEPT_SCORE = 0.2;
const SUGGESTIONS = 5;
/** Words that join model names in a list: "gpt-5 vs claude", "gemini, deepseek", "gpt-5 和 deepseek". */
const LIST_SEPARATOR = /\s*(?:,|，|、|;|；|\+|&|\bvs\.?\b|\bversus\b|\band\b|\bor\b|\bwith\b|和|与|跟|对比|比较|还是|或)\s*/iu;

function namesOf(model: Model): string[] {
  const withoutNote = model.name.replace(/\s*\(.*\)\s*$/, "");
  return [model.id, model.name, withoutNote, ...model.aliases, ...model.aliasesZh];
}

type NameEntry = { model: Model; name: string };

function fuseOver(models: readonly Model[], names: (m: Model) => string[]): Fuse<NameEntry> {
  const entries = models.flatMap((model) => names(model).map((name) => ({ model, name })));
  return new Fuse(entries, { keys: ["name"], includeScore: true, threshold: 0.45, ignoreLocation: true });
}

/** A catalog key is also known by its last path segment ("xai/grok-3" → "grok-3") unless that name is taken. */
const shortName = (model: Model) => model.id.split("/").at(-1)!;

/** Resolves model names as people type them: exact aliases first, fuzzy search only as a fallback. */
export class ModelResolver {
  private readonly byName = new Map<string, Model>();
  /** normalized names in sorted order, for prefix (family) lookups by binary search */
  private readonly sortedNames: string[];
  private readonly hanNames: string[];
  private readonly fuse: Fuse<NameEntry>;
  private readonly catalogFuse: Fuse<NameEntry> | null;

  constructor(
    readonly models: readonly Model[],
    readonly catalog: readonly Model[] = [],
  ) {
    // full catalog keys first, then their short names where still free
    for (const model of catalog) this.byName.set(normalizeName(model.id), model);
    for (const model of catalog) {
      const short = normalizeName(shortName(model));
      if (!this.byName.has(short)) this.byName.set(short, model);
    }
    // curated names are set last, so they win over any catalog entry of the same name
    for (const model of models) for (const name of namesOf(model)) this.byName.set(normalizeName(name), model);
    this.sortedNames = [...this.byName.keys()].sort();
    this.hanNames = this.sortedNames.filter((name) => /\p{Script=Han}/u.test(name)).sort((a, b) => b.length - a.length);
    this.fuse = fuseOver(models, namesOf);
    this.catalogFuse = catalog.length ? fuseOver(catalog, (m) => [m.id]) : null;
  }

  exact(name: string): Model | undefined {
    return this.byName.get(normalizeName(name));
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
    for (let i = low; i < this.sortedNames.length && this.sortedNames[i]!.startsWith(key); i++) found.add(this.byName.get(this.sortedNames[i]!)!);
    return [...found].sort((a, b) => Number(Boolean((a as { catalog?: true }).catalog)) - Number(Boolean((b as { catalog?: true }).catalog)));
  }

  /** Nearest names by fuzzy search: the curated table first, the catalog only to fill up. */
  search(query: string, limit = SUGGESTIONS): Model[] {
    const seen = new Set<Model>();
    for (const index of [this.fuse, this.catalogFuse]) {
      if (!index || seen.size >= limit) continue;
      for (const hit of index.search(query, { limit: limit * 4 })) {
        seen.add(hit.item.model);
        if (seen.size === limit) break;
      }
    }
    return [...seen];
  }

  resolve(query: string): Resolution {
    const model = this.exact(query);
    if (model) return { kind: "exact", model, query };
    const family = this.family(query);
    if (family.length > 1) return { kind: "ambiguous", query, candidates: family.slice(0, 25) };
    if (family.length === 1) return { kind: "fuzzy", model: family[0]!, query };
    const hits = this.fuse.search(query, { limit: 20 });
    const best = hits[0];
    // Version digits are never guessed: "gpt-6" must not quietly become GPT-5.
    if (best && (best.score ?? 1) <= FUZZY_ACCEPT_SCORE && digitsOf(best.item.name) === digitsOf(query)) {
      return { kind: "fuzzy", model: best.item.model, query };
    }
    return { kind: "unknown", query, candidates: this.search(query) };
  }

  /** Longest run of tokens starting at `start` that is exactly a model name. */
  private longestExact(tokens: string[], start: number): { model: Model; end: number } | null {
    for (let end = Math.min(tokens.length, start + MAX_NAME_WORDS); end > start; end--) {
      const model = this.exact(tokens.slice(start, end).join(" "));
      if (model) return { model, end };
    }
    return null;
  }

  /** Splits a typed list ("gpt-5 vs claude opus 4.5, deepseek") into one resolution per model. */
  resolveList(text: string): Resolution[] {
    const results: Resolution[] = [];
    for (const chunk of text.split(LIST_SEPARATOR)) {
      const tokens = nameTokens(chunk);
      let i = 0;
      while (i < tokens.length) {
        const hit = this.longestExact(tokens, i);
        if (hit) {
          results.push({ kind: "exact", model: hit.model, query: tokens.slice(i, hit.end).join(" ") });
          i = hit.end;
          continue;
        }
        let end = i + 1;
        while (end < tokens.length && !this.longestExact(tokens, end)) end++;
        results.push(...this.resolveUnknownSpan(tokens.slice(i, end)));
        i = end;
      }
    }
    return results;
  }

  /** A run with no exact name: one name with a typo ("claude opsu"), or several ("gpt-6 deepsek"). */
  private resolveUnknownSpan(span: string[]): Resolution[] {
    const whole = this.resolve(span.join(" "));
    if (whole.kind === "exact" || whole.kind === "fuzzy" || span.length === 1) return [whole];
    // Version-only words ("4.5", "v3") belong to the name before them.
    const names: string[] = [];
    for (const word of span) {
      if (names.length && /^v?\d+(\.\d+)*[a-z]?$/i.test(word)) names[names.length - 1] += ` ${word}`;
      else names.push(word);
    }
    return names.length > 1 ? names.map((name) => this.resolve(name)) : [whole];
  }

  /** Model names mentioned anywhere in a sentence; family words ("claude") come back ambiguous. */
  mentions(text: string): Resolution[] {
    const tokens = nameTokens(text);
    const found: Resolution[] = [];
    for (let i = 0; i < tokens.length; ) {
      const hit = this.longestExact(tokens, i);
      if (hit) {
        if (!found.some((r) => r.kind === "exact" && r.model === hit.model)) {
          found.push({ kind: "exact", model: hit.model, query: tokens.slice(i, hit.end).join(" ") });
        }
        i = hit.end;
        continue;
      }
      const token = tokens[i]!;
      const hanHits = /\p{Script=Han}/u.test(token) ? this.hanMentions(token) : [];
      for (const model of hanHits) {
        if (!found.some((r) => r.kind === "exact" && r.model === model)) found.push({ kind: "exact", model, query: token });
      }
      if (!hanHits.length && /^[a-z]{4,}$/i.test(token)) {
        const family = this.family(token);
        if (family.length > 1) found.push({ kind: "ambiguous", query: token, candidates: family });
      }
      i++;
    }
    return found;
  }

  /** Chinese aliases inside a run of Han characters ("深度求索和通义千问哪个便宜"), longest first. */
  private hanMentions(run: string): Model[] {
    const found: Model[] = [];
    let rest = run;
    for (const name of this.hanNames) {
      if (!rest.includes(name)) continue;
      const model = this.byName.get(name)!;
      if (!found.includes(model)) found.push(model);
      rest = rest.split(name).join("\u0000");
    }
    return found;
  }
}
