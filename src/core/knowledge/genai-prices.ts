import type { Model } from "./schema.ts";
import type { SecondSourceEntry, SecondSourceFile } from "./second-source.ts";

/**
 * Reads Pydantic's genai-prices data (the npm package's bundled providers, or its published data.json: the same
 * `Provider[]` shape) into the second-source file for the curated models (knowledge/genai-prices.yaml).
 * Shape: https://github.com/pydantic/genai-prices (prices per 1M tokens: input_mtok, output_mtok, cache_read_mtok,
 * cache_write_mtok; a price list may be conditional on a start date or a daily UTC window).
 */

const GENAI_PRICES_URL = "https://github.com/pydantic/genai-prices";

type MatchLogic = { equals: string } | { starts_with: string } | { ends_with: string } | { contains: string } | { regex: string } | { or: MatchLogic[] } | { and: MatchLogic[] };

type Price = number | { base: number; tiers: { start: number; price: number }[] } | undefined;
type PriceList = Record<string, Price>;
interface Conditional {
  constraint?: { type?: string; start_date?: string; start_time?: string; end_time?: string };
  prices: PriceList;
}
interface GenaiModel {
  id: string;
  match: MatchLogic;
  prices: PriceList | Conditional[];
}
export interface GenaiProvider {
  id: string;
  pricing_urls?: string[];
  provider_match?: MatchLogic;
  models: GenaiModel[];
}

function matches(logic: MatchLogic, text: string): boolean {
  if ("equals" in logic) return text === logic.equals;
  if ("starts_with" in logic) return text.startsWith(logic.starts_with);
  if ("ends_with" in logic) return text.endsWith(logic.ends_with);
  if ("contains" in logic) return text.includes(logic.contains);
  if ("regex" in logic) return new RegExp(logic.regex).test(text);
  if ("or" in logic) return logic.or.some((m) => matches(m, text));
  return logic.and.every((m) => matches(m, text));
}

/** LiteLLM's provider prefixes that genai-prices names otherwise. */
const PROVIDER_ALIASES: Record<string, string> = { fireworks_ai: "fireworks", bedrock: "aws", zai: "zai" };

function findProvider(data: readonly GenaiProvider[], names: string[]): GenaiProvider | undefined {
  for (const name of names) {
    const text = name.toLowerCase().trim();
    const found = data.find((p) => p.id === text || p.id === PROVIDER_ALIASES[text]) ?? data.find((p) => p.provider_match !== undefined && matches(p.provider_match, text));
    if (found) return found;
  }
  return undefined;
}

/** "claude-sonnet-4-20250514" → "claude-sonnet-4-2025-05-14", the way the package normalizes dated ids. */
const dashedDate = (id: string) => id.replace(/-(20\d{2})(0[1-9]|1[0-2])([0-3]\d)(?=-|:|$)/g, "-$1-$2-$3");

/**
 * The model with the id looked up, else the first whose match rule takes it and whose id the looked-up id contains
 * (a dated or prefixed variant: "open-mistral-nemo" → mistral-nemo), never a longer sibling ("gpt-5.6" is not gpt-5.6-luna).
 */
function findModel(provider: GenaiProvider, ids: string[]): GenaiModel | undefined {
  const candidates = ids.flatMap((i) => [i.toLowerCase(), dashedDate(i.toLowerCase())]);
  for (const id of candidates) {
    const exact = provider.models.find((m) => m.id === id);
    if (exact) return exact;
  }
  for (const id of candidates) {
    const found = provider.models.find((m) => matches(m.match, id) && (id.includes(m.id) || id.includes(dashedDate(m.id))));
    if (found) return found;
  }
  return undefined;
}

/** A tiered price at a prompt size: the last tier whose start the prompt passes, else the base. */
function at(price: Price, tokens: number): number | undefined {
  if (typeof price !== "object") return price;
  return price.tiers.filter((tier) => tokens > tier.start).at(-1)?.price ?? price.base;
}

function priceSet(list: PriceList, tokens = 0) {
  const input = at(list.input_mtok, tokens);
  const output = at(list.output_mtok, tokens);
  if (input === undefined || output === undefined) return null;
  const cached = at(list.cache_read_mtok, tokens);
  const write = at(list.cache_write_mtok, tokens);
  return { inputPer1M: input, outputPer1M: output, ...(cached !== undefined ? { cachedInputPer1M: cached } : {}), ...(write !== undefined ? { cacheWritePer1M: write } : {}) };
}

/**
 * Long-context bands from tiered prices. A tier applies when the prompt exceeds its start; genai-prices writes
 * "from 200K" as a start of 199,999, kept here as "above 200K" (one token apart) so it reads as the provider says.
 */
function longContextOf(list: PriceList) {
  const starts = [...new Set(Object.values(list).flatMap((price) => (typeof price === "object" ? price.tiers.map((tier) => tier.start) : [])))].sort((a, b) => a - b);
  return starts.map((start) => ({ aboveTokens: (start + 1) % 1000 === 0 ? start + 1 : start, ...priceSet(list, start + 1)! }));
}

const hhmm = (time: string) => time.slice(0, 5);
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The parts of the day outside `windows` (each [from, to) in UTC, possibly past midnight), as [from, to) pairs. */
function complement(windows: { fromUtc: string; toUtc: string }[]): { fromUtc: string; toUtc: string }[] {
  const sorted = [...windows].sort((a, b) => minutes(a.fromUtc) - minutes(b.fromUtc));
  return sorted.map((w, i) => ({ fromUtc: w.toUtc, toUtc: sorted[(i + 1) % sorted.length]!.fromUtc })).filter((gap) => gap.fromUtc !== gap.toUtc);
}

/**
 * The price list in force on `asOf` (the newest start date not after it), and the daily windows. Providers write
 * either "dearer inside these windows" (DeepSeek: peak hours) or "cheaper inside": the dearer list is the standard
 * price, the cheaper one an off-peak price over the hours it covers.
 */
function pricesOn(prices: GenaiModel["prices"], asOf: string) {
  if (!Array.isArray(prices)) {
    const standard = priceSet(prices);
    return standard ? { standard, offPeak: undefined, longContext: longContextOf(prices) } : null;
  }
  const dated = prices
    .filter((c) => !c.constraint || (c.constraint.start_date !== undefined && c.constraint.start_date <= asOf))
    .sort((a, b) => (a.constraint?.start_date ?? "").localeCompare(b.constraint?.start_date ?? ""));
  const base = dated.at(-1) ? priceSet(dated.at(-1)!.prices) : null;
  const longContext = dated.at(-1) ? longContextOf(dated.at(-1)!.prices) : [];
  const timed = prices.filter((c) => c.constraint?.start_time !== undefined && c.constraint.end_time !== undefined);
  const windowPrices = timed[0] ? priceSet(timed[0].prices) : null;
  if (!base) return windowPrices ? { standard: windowPrices, offPeak: undefined, longContext: [] } : null;
  if (!windowPrices) return { standard: base, offPeak: undefined, longContext };
  const windows = timed.map((c) => ({ fromUtc: hhmm(c.constraint!.start_time!), toUtc: hhmm(c.constraint!.end_time!) }));
  if (windowPrices.inputPer1M > base.inputPer1M) return { standard: windowPrices, offPeak: complement(windows).map((w) => ({ ...w, prices: base })), longContext: [] };
  return { standard: base, offPeak: windows.map((w) => ({ ...w, prices: windowPrices })), longContext };
}

/** Where a curated model is looked up: its LiteLLM key's provider prefix, the host it is "served by", its maker. */
function lookupNames(model: Model & { litellmKey?: string }): { providers: string[]; ids: string[] } {
  const key = model.litellmKey ?? model.id;
  const slash = key.indexOf("/");
  const prefix = slash > 0 ? key.slice(0, slash) : null;
  const servedBy = /served by ([^)]+)\)/.exec(model.provider)?.[1];
  const bedrock = /^(anthropic|meta|amazon|mistral)\.[a-z]/.test(key) ? "bedrock" : null;
  return {
    providers: [prefix, bedrock, servedBy, model.provider.split(" (")[0]].filter((n): n is string => Boolean(n)),
    ids: [slash > 0 ? key.slice(slash + 1) : key, key, model.id],
  };
}

/**
 * The second-source entries of every curated priced model genai-prices lists (the rest are left out). `mapped`:
 * model id → "provider/model" in genai-prices, written by hand where the names differ (price-review.yaml genaiIds).
 */
export function genaiPricesFor(data: readonly GenaiProvider[], curated: readonly Model[], asOf: string, mapped: Record<string, string> = {}): Record<string, SecondSourceEntry> {
  const entries: Record<string, SecondSourceEntry> = {};
  for (const model of curated) {
    if ("unpriced" in model) continue;
    const byHand = mapped[model.id]?.split("/");
    const names = byHand ? { providers: [byHand[0]!], ids: [byHand.slice(1).join("/")] } : lookupNames(model as Model & { litellmKey?: string });
    const provider = findProvider(data, names.providers);
    const found = provider && (byHand ? provider.models.find((m) => m.id === names.ids[0]) : findModel(provider, names.ids));
    if (!provider || !found) continue;
    const prices = pricesOn(found.prices, asOf);
    if (!prices) continue;
    entries[model.id] = {
      provider: provider.id,
      model: found.id,
      ...prices.standard,
      ...(prices.offPeak ? { offPeak: prices.offPeak } : {}),
      ...(prices.longContext.length ? { longContext: prices.longContext } : {}),
      ...(provider.pricing_urls?.[0] ? { pricingUrl: provider.pricing_urls[0] } : {}),
    };
  }
  return entries;
}

/** The newest start date a price list names up to `today` (later ones are announced changes): the data is at least that recent. */
export function newestPriceDate(data: readonly GenaiProvider[], today: string): string | null {
  let newest: string | null = null;
  for (const provider of data)
    for (const model of provider.models)
      if (Array.isArray(model.prices))
        for (const c of model.prices)
          if (c.constraint?.start_date && c.constraint.start_date <= today && (!newest || c.constraint.start_date > newest)) newest = c.constraint.start_date;
  return newest;
}

/** Checks the shape just enough that a wrong file (LiteLLM's map, an HTML error page) is refused with a clear reason. */
export function parseGenaiData(text: string): GenaiProvider[] {
  const data = JSON.parse(text) as unknown;
  if (!Array.isArray(data) || !data.every((p) => p && typeof p === "object" && typeof p.id === "string" && Array.isArray(p.models))) {
    throw new Error("not genai-prices data: expected a list of providers, each with an id and models");
  }
  return data as GenaiProvider[];
}

export function secondSourceFile(
  data: readonly GenaiProvider[],
  curated: readonly Model[],
  meta: { source: string; asOf: string; basis: string },
  mapped: Record<string, string> = {},
): SecondSourceFile {
  return { source: meta.source, url: GENAI_PRICES_URL, asOf: meta.asOf, basis: meta.basis, models: genaiPricesFor(data, curated, meta.asOf, mapped) };
}
