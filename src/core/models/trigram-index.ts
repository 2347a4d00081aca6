/**
 * Candidate names for a fuzzy lookup without scanning every name: an inverted index from character
 * trigrams to the names containing them. A query reads the posting lists of its own trigrams, rarest
 * first, up to a fixed budget, and scores names by shared trigrams (Dice coefficient). Its cost grows with
 * the query's trigrams and the budget, never with the size of the catalog.
 */

export interface TrigramHit {
  /** index of the name in the list the index was built from */
  index: number;
  /** Dice coefficient of the two trigram sets, 0..1 */
  score: number;
}

/** A meter anyone may pass in to count the work done (posting entries read). */
export interface WorkMeter {
  probes: number;
}

const START = "\u0002";
const END = "\u0003";

function trigramsOf(text: string): string[] {
  const padded = START + text + END;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

export class TrigramIndex {
  private readonly postings = new Map<string, Int32Array>();
  private readonly gramCounts: Uint16Array;
  /** shared-trigram counts of the query being answered, reset after each query */
  private readonly shared: Uint16Array;

  /**
   * @param names normalized names (no duplicates needed, but allowed)
   * @param postingBudget posting entries one query may read at most
   */
  constructor(
    readonly names: readonly string[],
    private readonly postingBudget = 6_000,
  ) {
    const lists = new Map<string, number[]>();
    this.gramCounts = new Uint16Array(names.length);
    names.forEach((name, index) => {
      const grams = trigramsOf(name);
      this.gramCounts[index] = grams.length;
      for (const gram of grams) {
        const list = lists.get(gram);
        if (list) list.push(index);
        else lists.set(gram, [index]);
      }
    });
    for (const [gram, list] of lists) this.postings.set(gram, Int32Array.from(list));
    this.shared = new Uint16Array(names.length);
  }

  /** The `limit` names sharing most trigrams with `query` (already normalized), best first. */
  candidates(query: string, limit: number, meter?: WorkMeter): TrigramHit[] {
    const grams = trigramsOf(query);
    const lists: Int32Array[] = [];
    for (const gram of grams) {
      const list = this.postings.get(gram);
      if (list) lists.push(list);
    }
    if (meter) meter.probes += grams.length;
    // rare trigrams say most about a name, so they are read first and the budget cuts the common ones
    lists.sort((a, b) => a.length - b.length);
    const touched: number[] = [];
    let budget = this.postingBudget;
    for (const list of lists) {
      const take = Math.min(list.length, budget);
      for (let i = 0; i < take; i++) {
        const index = list[i]!;
        if (this.shared[index] === 0) touched.push(index);
        this.shared[index]!++;
      }
      budget -= take;
      if (meter) meter.probes += take;
      if (budget <= 0) break;
    }
    const best: TrigramHit[] = [];
    for (const index of touched) {
      const score = (2 * this.shared[index]!) / (grams.length + this.gramCounts[index]!);
      this.shared[index] = 0;
      if (best.length < limit) best.push({ index, score });
      else if (score > best[limit - 1]!.score || (score === best[limit - 1]!.score && index < best[limit - 1]!.index)) best[limit - 1] = { index, score };
      else continue;
      // insertion into a short sorted list; equal scores keep index order, so earlier names win ties
      for (let i = best.length - 1; i > 0 && (best[i - 1]!.score < best[i]!.score || (best[i - 1]!.score === best[i]!.score && best[i - 1]!.index > best[i]!.index)); i--) {
        [best[i - 1], best[i]] = [best[i]!, best[i - 1]!];
      }
    }
    if (meter) meter.probes += touched.length;
    return best;
  }
}
