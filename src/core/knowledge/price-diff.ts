import { isPriced } from "./kinds.ts";
import type { PricedModel } from "./schema.ts";
import type { KnowledgeSnapshot } from "./snapshot.ts";

const DIGEST_PRICES = ["inputPer1M", "outputPer1M", "cachedInputPer1M"] as const;
export type DigestPrice = (typeof DIGEST_PRICES)[number];

interface PriceMove {
  model: string;
  price: DigestPrice;
  /** undefined: the model had no such price before (or has none now) */
  from: number | undefined;
  to: number | undefined;
  /** the as-of date of the price source the new figure comes from */
  asOf: string;
}

export interface PriceDiff {
  moves: PriceMove[];
  added: { model: string; asOf: string }[];
  removed: { model: string }[];
}

function curatedPrices(snapshot: KnowledgeSnapshot): Map<string, PricedModel> {
  return new Map(snapshot.knowledge.models.filter(isPriced).map((model) => [model.id, model]));
}

/** The curated prices that differ between two snapshots; null when none moved and no priced model came or went. */
export function diffPrices(previous: KnowledgeSnapshot, next: KnowledgeSnapshot): PriceDiff | null {
  const before = curatedPrices(previous);
  const after = curatedPrices(next);
  const diff: PriceDiff = { moves: [], added: [], removed: [] };
  for (const [id, model] of after) {
    const old = before.get(id);
    if (!old) {
      diff.added.push({ model: model.name, asOf: model.asOf });
      continue;
    }
    for (const price of DIGEST_PRICES) {
      if (old[price] !== model[price]) diff.moves.push({ model: model.name, price, from: old[price], to: model[price], asOf: model.asOf });
    }
  }
  for (const [id, model] of before) if (!after.has(id)) diff.removed.push({ model: model.name });
  return diff.moves.length || diff.added.length || diff.removed.length ? diff : null;
}
