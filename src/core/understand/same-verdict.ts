import { isPriced } from "../knowledge/kinds.ts";
import type { Model } from "../knowledge/schema.ts";
import { type CostWorkload, type PricedEntry, workloadCost } from "../pricing/pricing.ts";

/** Costs closer than this share are a tie: a verdict resting on one is no verdict to assume. */
const TIE = 0.005;

/** Where the family's models stand among the models named, the same for every one of them. */
export interface SameVerdict {
  /** the member priced in the answer: the first the question back would have offered */
  member: Model;
  /** every priced model of the family, and the cheapest and dearest of their costs */
  members: Model[];
  lowUsd: number;
  highUsd: number;
  /** named models cheaper than every member, and dearer than every member */
  cheaper: Model[];
  dearer: Model[];
}

/**
 * "Which is dearer, Gemini or GPT-5?": when every model a family word could mean stands in the same place among the
 * models named (all cheaper than GPT-5, say), the answer does not depend on which was meant, so there is nothing to
 * ask back. Null when a member does not fit the prompt, or ties or swaps places with a named model.
 */
export function sameVerdict(offered: Model, family: readonly Model[], named: readonly Model[], workload: CostWorkload): SameVerdict | null {
  // a retired model with no price is no longer one the word could mean
  const members: Model[] = family.filter(isPriced);
  if (members.length < 2 || !members.includes(offered) || !named.length || !named.every(isPriced)) return null;
  const costOf = (model: Model) => {
    const cost = workloadCost(model as PricedEntry, workload);
    return cost.promptExceedsContext ? null : cost.totalUsd;
  };
  const namedCosts = named.map((model) => ({ model, cost: costOf(model) }));
  if (namedCosts.some((n) => n.cost === null)) return null;
  let cheaper: Model[] | null = null;
  const costs: number[] = [];
  for (const member of members) {
    const cost = costOf(member);
    if (cost === null) return null;
    costs.push(cost);
    if (namedCosts.some((n) => Math.abs(n.cost! - cost) <= TIE * Math.max(n.cost!, cost))) return null;
    const below = namedCosts.filter((n) => n.cost! < cost).map((n) => n.model);
    if (cheaper && (below.length !== cheaper.length || below.some((m, i) => m !== cheaper![i]))) return null;
    cheaper = below;
  }
  return {
    member: offered,
    members,
    lowUsd: Math.min(...costs),
    highUsd: Math.max(...costs),
    cheaper: cheaper!,
    dearer: named.filter((m) => !cheaper!.includes(m)),
  };
}
