import { LRUCache } from "lru-cache";
import { referenceCost } from "../knowledge/catalog.ts";
import { workloadCost, workloadTotalUsd, type CostWorkload, type PricedEntry, type WorkloadCost } from "./pricing.ts";

/**
 * The same open model at every provider of the price map.
 *
 * Matching rule (a model name → its base-model identity):
 * 1. Take the model part of the key: the last "/" segment (`together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo` →
 *    `Llama-3.3-70B-Instruct-Turbo`), lower-cased, without Bedrock's `-v1:0` / `-1:0` suffix.
 * 2. Fireworks writes versions with "p" (`v3p1`): read as `v3.1`. A dot between digits is a version ("3.3");
 *    any other dot, dash, underscore, colon, "@" or space separates words (`meta.llama-3.3` → meta, llama, 3.3),
 *    and letters are split from the digits that follow them (`llama3.3` → llama, 3.3; `qwen3` → qwen, 3).
 * 3. Words that say nothing about the weights are dropped: organisation and region prefixes (meta, openai, us …),
 *    hosts that prefix their own name to other labs' models (databricks-, snowflake-), "instruct"/"it" role words, Groq's "versatile"/"instant",
 *    the "v" of "v3", and active-parameter counts ("a22b": the total size already names the model).
 * 4. Words that name a build or a variant become labels, not identity: "turbo", "fast", "tput", "free", "chat",
 *    quantizations (fp8, fp4, int4, awq, gguf, mxfp …), dated checkpoints (0324, 2507, 251201), "exp", "preview".
 * 5. Everything left is the identity, compared as a set: two names match when their sets are equal. Sizes stay in
 *    it, so an 8B never matches a 70B; unknown words stay in it, so a distilled or fine-tuned model
 *    (`deepseek-llama3.3-70b`, `v3.2-speciale`) never passes for its base; "thinking" stays in it because a
 *    thinking release has its own weights and scores.
 * A query's labels narrow the rows: "llama 3.3 70b turbo" lists only Turbo builds.
 */

const DROPPED = new Set([
  // organisations and regions that prefix model names
  "meta",
  "openai",
  "mistralai",
  "us",
  "eu",
  "apac",
  "global",
  "jp",
  "au",
  // hosts that put their own name before other labs' models (databricks-gpt-oss-120b, snowflake-llama-3.3-70b)
  "databricks",
  "snowflake",
  // roles and provider naming that do not change the weights
  "instruct",
  "it",
  "hf",
  "versatile",
  "instant",
  "maas",
  "cloud",
  "model",
  "v",
]);
// "chat" is a label, not noise: gpt-5-chat is another model than gpt-5, deepseek-chat-v3-0324 the same as deepseek-v3-0324
const LABELS = new Set(["chat", "turbo", "fast", "tput", "free", "exp", "preview", "latest", "dynamic", "terminus", "speed", "lightning"]);
const QUANTIZATION = /^(fp|bf|int|q|mxfp|nvfp)\d+$|^(awq|gptq|gguf|mxfp|bnb|nf4)$/;
const DATE = /^(\d{4}|\d{6}|\d{8})$/;
const ACTIVE_PARAMETERS = /^a\d+(\.\d+)?b$/;
/**
 * Keys whose model part is an API alias, not a model name: DeepSeek's own API serves V3.2 as "deepseek-chat"
 * (non-thinking) and "deepseek-reasoner" (thinking), https://api-docs.deepseek.com/quick_start/pricing, the source
 * LiteLLM's entry cites (map as of 2026-07-24, where deepseek-chat carries V3.2's $0.28 / $0.42).
 */
const ALIASES: Record<string, string> = {
  "deepseek-chat": "deepseek-v3.2",
  "deepseek/deepseek-chat": "deepseek-v3.2",
  "deepseek-reasoner": "deepseek-v3.2-thinking",
  "deepseek/deepseek-reasoner": "deepseek-v3.2-thinking",
};

export interface ModelIdentity {
  /** the words that name the weights, sorted: equal identities are the same model */
  base: string;
  /** builds of the same weights: turbo, fp8, a dated checkpoint … */
  labels: string[];
}

/** Words that are kept whole: sizes (70b, 128e), active parameters (a22b), quantizations, dates. */
const WHOLE = /^\d+(\.\d+)?[bmke]$|^a\d+(\.\d+)?b$|^(fp|bf|int|q|mxfp|nvfp)\d+$|^\d+$/;

function words(name: string): string[] {
  const part = (name.split("/").at(-1) ?? name).toLowerCase().replace(/-v?\d+:\d+$/, "");
  return part
    .replace(/(\d)p(\d)/g, "$1.$2")
    .split(/[\s\-_:@]+|\.(?!\d)|(?<!\d)\./)
    .filter(Boolean)
    .flatMap((word) => (WHOLE.test(word) ? [word] : word.replace(/([a-z])(\d)/g, "$1 $2").split(" ")));
}

/** The identity of a model name or price-map key (see the matching rule above). */
export function modelIdentity(name: string): ModelIdentity {
  // an own key only: "__proto__" typed as a model is a name, not the object's prototype
  const aliased = Object.hasOwn(ALIASES, name.toLowerCase()) ? ALIASES[name.toLowerCase()]! : name;
  const base = new Set<string>();
  const labels = new Set<string>();
  for (const word of words(aliased)) {
    if (DROPPED.has(word) || ACTIVE_PARAMETERS.test(word)) continue;
    if (LABELS.has(word) || QUANTIZATION.test(word) || DATE.test(word)) labels.add(word);
    else base.add(word);
  }
  return { base: [...base].sort().join(" "), labels: [...labels].sort() };
}

export interface ProviderOffer {
  /** the provider as the price map names it (litellm_provider), with a region when the key has one */
  provider: string;
  region: string | null;
  /** the price-map key (or curated id) */
  id: string;
  inputPer1M: number;
  outputPer1M: number;
  cachedInputPer1M: number | null;
  /** null where the price map does not say */
  contextWindow: number | null;
  maxOutput: number | null;
  /** USD for the workload, unrounded, through pricing.ts */
  cost: number;
  breakdown: WorkloadCost;
  labels: string[];
  /** listed at $0 in and out: a free tier or a local runtime, not a price to plan on */
  zeroPrice: boolean;
  /** input or output price more than 20 times the group's median: likely a unit error in the source */
  suspectPrice: boolean;
  /**
   * a price too low to trust until an admin confirms it (price-review.yaml): under 30% of the median of the model's
   * other hosts, or exactly the price of a smaller sibling at the same host (a size copied from another entry)
   */
  lowOutlier: LowOutlier | null;
  /** other keys of the same provider with the same prices and limits */
  alsoAs: string[];
  model: PricedEntry;
}

type LowOutlier = { kind: "below-median"; medianUsd: number } | { kind: "sibling-price"; sibling: string };

/**
 * Below this share of the other hosts' median reference cost (10M in + 2M out), with at least two others, and with
 * every other host at more than ISOLATION_FACTOR times its price, a host's price is flagged.
 */
export const LOW_OUTLIER_SHARE = 0.3;
const ISOLATION_FACTOR = 2;

export interface ProvidersResult {
  /** the identity matched, e.g. "3.3 70b llama" */
  identity: ModelIdentity;
  /** ascending by workload cost, then input price, then provider */
  providers: ProviderOffer[];
}

const identities = new WeakMap<PricedEntry, ModelIdentity>();

function identityOf(model: PricedEntry): ModelIdentity {
  let known = identities.get(model);
  if (!known) {
    known = modelIdentity(model.litellmKey ?? model.id);
    identities.set(model, known);
  }
  return known;
}

const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/** The provider as the price map names it: a curated entry's key prefix ("groq/…" → groq), else its provider. */
function providerOf(model: PricedEntry): string {
  const key = model.litellmKey ?? model.id;
  return !model.catalog && key.includes("/") ? key.split("/")[0]! : model.provider;
}

function regionOf(model: PricedEntry): string | null {
  return (model.litellmKey ?? model.id).split("/").find((segment) => REGION.test(segment)) ?? null;
}

const known = (value: number) => (value > 1 ? value : null);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const SUSPECT_FACTOR = 20;

const SIZE = /^\d+(\.\d+)?b$/;
const sizeOf = (identity: ModelIdentity) => identity.base.split(" ").find((w) => SIZE.test(w));
const sizeless = (identity: ModelIdentity) =>
  identity.base
    .split(" ")
    .filter((w) => !SIZE.test(w))
    .join(" ");
const bySizeless = new WeakMap<readonly PricedEntry[], Map<string, PricedEntry[]>>();

/** The same family and version at other sizes, grouped once per catalog. */
function siblingsOf(catalog: readonly PricedEntry[], model: PricedEntry): PricedEntry[] {
  let index = bySizeless.get(catalog);
  if (!index) {
    index = new Map();
    for (const entry of catalog) {
      if (!sizeOf(identityOf(entry))) continue;
      const key = sizeless(identityOf(entry));
      const group = index.get(key);
      if (group) group.push(entry);
      else index.set(key, [entry]);
    }
    bySizeless.set(catalog, index);
  }
  return index.get(sizeless(identityOf(model))) ?? [];
}

const referenceUsd = (m: PricedEntry) => referenceCost(m);

/** Why a host's price is too low to plan on (see ProviderOffer.lowOutlier), or null. */
function lowOutlierOf(catalog: readonly PricedEntry[], model: PricedEntry, paid: readonly PricedEntry[]): LowOutlier | null {
  if (model.priceConfirmed || (model.inputPer1M === 0 && model.outputPer1M === 0)) return null;
  const size = Number.parseFloat(sizeOf(identityOf(model)) ?? "");
  if (size) {
    const sibling = siblingsOf(catalog, model).find(
      (other) =>
        providerOf(other) === providerOf(model) &&
        Number.parseFloat(sizeOf(identityOf(other))!) < size &&
        other.inputPer1M === model.inputPer1M &&
        other.outputPer1M === model.outputPer1M,
    );
    if (sibling) return { kind: "sibling-price", sibling: sibling.litellmKey ?? sibling.id };
  }
  const others = paid.filter((m) => providerOf(m) !== providerOf(model)).map(referenceUsd);
  if (others.length < 2) return null;
  const medianUsd = median(others);
  // a market with a wide spread has real cheap hosts (Llama 3.3 70B: $0.12–$0.85 input): only a price no other host comes near is flagged
  const isolated = Math.min(...others) > ISOLATION_FACTOR * referenceUsd(model);
  return isolated && referenceUsd(model) < LOW_OUTLIER_SHARE * medianUsd ? { kind: "below-median", medianUsd } : null;
}

const byBase = new WeakMap<readonly PricedEntry[], Map<string, PricedEntry[]>>();

/** The catalog's entries grouped by identity, built once per catalog (a snapshot's is frozen), so a lookup does not scan. */
function entriesByBase(catalog: readonly PricedEntry[]): Map<string, PricedEntry[]> {
  let index = byBase.get(catalog);
  if (!index) {
    index = new Map();
    for (const model of catalog) {
      const { base } = identityOf(model);
      const group = index.get(base);
      if (group) group.push(model);
      else index.set(base, [model]);
    }
    byBase.set(catalog, index);
  }
  return index;
}

/** An offer before it is priced at a workload. */
type OfferTerms = Omit<ProviderOffer, "cost" | "breakdown">;

/** Identities asked for per catalog, and their offers' terms: the same models are asked for at ever-new volumes. */
const termsAsked = new WeakMap<readonly PricedEntry[], LRUCache<string, readonly OfferTerms[]>>();
const IDENTITIES_KEPT = 2_000;

/** The providers of `wanted` in `catalog`, twins folded together, with what does not depend on the workload. */
function offerTerms(catalog: readonly PricedEntry[], wanted: ModelIdentity): readonly OfferTerms[] {
  let asked = termsAsked.get(catalog);
  if (!asked) {
    asked = new LRUCache({ max: IDENTITIES_KEPT });
    termsAsked.set(catalog, asked);
  }
  const key = `${wanted.base}|${wanted.labels.join(" ")}`;
  const cached = asked.get(key);
  if (cached) return cached;
  const matches = (entriesByBase(catalog).get(wanted.base) ?? []).filter((model) => wanted.labels.every((label) => identityOf(model).labels.includes(label)));
  const paid = matches.filter((m) => m.inputPer1M > 0 || m.outputPer1M > 0);
  const medianInput = paid.length ? median(paid.map((m) => m.inputPer1M)) : 0;
  const medianOutput = paid.length ? median(paid.map((m) => m.outputPer1M)) : 0;

  const terms: OfferTerms[] = [];
  for (const model of matches) {
    const region = regionOf(model);
    const twin = terms.find(
      (o) =>
        o.provider === providerOf(model) &&
        o.region === region &&
        o.inputPer1M === model.inputPer1M &&
        o.outputPer1M === model.outputPer1M &&
        o.contextWindow === known(model.contextWindow) &&
        o.labels.join() === identityOf(model).labels.join(),
    );
    if (twin) {
      twin.alsoAs.push(model.litellmKey ?? model.id);
      continue;
    }
    terms.push({
      provider: providerOf(model),
      region,
      id: model.litellmKey ?? model.id,
      inputPer1M: model.inputPer1M,
      outputPer1M: model.outputPer1M,
      cachedInputPer1M: model.cachedInputPer1M ?? null,
      contextWindow: known(model.contextWindow),
      maxOutput: known(model.maxOutput),
      labels: identityOf(model).labels,
      zeroPrice: model.inputPer1M === 0 && model.outputPer1M === 0,
      lowOutlier: lowOutlierOf(catalog, model, paid),
      suspectPrice: (medianInput > 0 && model.inputPer1M > SUSPECT_FACTOR * medianInput) || (medianOutput > 0 && model.outputPer1M > SUSPECT_FACTOR * medianOutput),
      alsoAs: [],
      model,
    });
  }
  asked.set(key, terms);
  return terms;
}

/** Cheapest first; equal costs by input price, then provider and key, so the order never depends on the catalog's. */
function cheaperFirst(costA: number, a: OfferTerms, costB: number, b: OfferTerms): number {
  return costA - costB || a.inputPer1M - b.inputPer1M || a.provider.localeCompare(b.provider) || a.id.localeCompare(b.id);
}

const priced = (terms: OfferTerms, breakdown: WorkloadCost): ProviderOffer => ({ ...terms, alsoAs: [...terms.alsoAs], cost: breakdown.totalUsd, breakdown });

/** The identity asked for: a typed name read as one, a model entry's kept. */
const identityAsked = (query: string | PricedEntry): ModelIdentity => (typeof query === "string" ? modelIdentity(query) : identityOf(query));

/** Every entry of `catalog` that is the model named by `query` (a name or a model entry), cheapest first at `workload`. */
export function providersOf(catalog: readonly PricedEntry[], query: string | PricedEntry, workload: CostWorkload): ProvidersResult {
  const wanted = identityAsked(query);
  if (!wanted.base) return { identity: wanted, providers: [] };
  const offers = offerTerms(catalog, wanted).map((terms) => priced(terms, workloadCost(terms.model, workload)));
  offers.sort((a, b) => cheaperFirst(a.cost, a, b.cost, b));
  return { identity: wanted, providers: offers };
}

/** An offer whose price can be planned on: not $0, not a likely unit error, not an unconfirmed low outlier. */
export function plannable(offer: Pick<ProviderOffer, "zeroPrice" | "suspectPrice" | "lowOutlier">): boolean {
  return !offer.zeroPrice && !offer.suspectPrice && !offer.lowOutlier;
}

/**
 * The cheapest provider to plan on for `model` at `workload`, for /compare and /selfhost to mention, and how many
 * providers can be planned on: rows that are not plannable are passed over. The first of providersOf's plannable
 * rows, found without building and sorting every offer, since /compare asks this for each open model it prices.
 */
export function cheapestHost(catalog: readonly PricedEntry[], model: string | PricedEntry, workload: CostWorkload): { offer: ProviderOffer | null; plannable: number } {
  const wanted = identityAsked(model);
  if (!wanted.base) return { offer: null, plannable: 0 };
  let best: OfferTerms | null = null;
  let bestUsd = 0;
  let count = 0;
  for (const terms of offerTerms(catalog, wanted)) {
    if (!plannable(terms)) continue;
    count++;
    const usd = workloadTotalUsd(terms.model, workload);
    if (!best || cheaperFirst(usd, terms, bestUsd, best) < 0) {
      best = terms;
      bestUsd = usd;
    }
  }
  return { offer: best && priced(best, workloadCost(best.model, workload)), plannable: count };
}
