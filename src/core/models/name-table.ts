import type { Model } from "../knowledge/schema.ts";
import { baseName, isDated, looseKey } from "./name-forms.ts";
import { providerRank } from "./provider-rank.ts";

/**
 * The tables behind exact and loose lookups: which model a name means when curated names and several
 * catalog entries (the same model at many providers) claim it.
 */

/** Every name a curated model answers to. */
export function namesOf(model: Model): string[] {
  const withoutNote = model.name.replace(/\s*\(.*\)\s*$/, "");
  return [model.id, model.name, withoutNote, ...model.aliases, ...model.aliasesZh];
}

/** What ranking and indexing need of one catalog entry, computed once per entry. */
export interface CatalogEntry {
  model: Model;
  /** the last path segment ("xai/grok-3" → "grok-3"), null for fine-tunes ("ft:…"), which go by their full key only */
  short: string | null;
  base: string | null;
  looseKey: string | null;
  rank: number;
  dated: boolean;
  depth: number;
}

export function catalogEntry(model: Model): CatalogEntry {
  const short = model.id.startsWith("ft:") ? null : model.id.slice(model.id.lastIndexOf("/") + 1);
  const base = short === null ? null : baseName(short);
  let depth = 0;
  for (const char of model.id) if (char === "/") depth++;
  return {
    model,
    short,
    base,
    looseKey: base === null ? null : looseKey(base),
    rank: providerRank(model.provider),
    dated: isDated(model.id),
    depth,
  };
}

const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Which of two catalog entries a shared name means: the maker's own, then undated, unprefixed, newest, shortest key. */
export function preferCatalog(a: CatalogEntry, b: CatalogEntry): number {
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
export class NameTable {
  readonly map = new Map<string, Model>();
  private readonly entries = new Map<string, CatalogEntry>();
  /** the catalog entry holding `key`, if no curated name does */
  entry(key: string): CatalogEntry | undefined {
    return this.entries.get(key);
  }
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
