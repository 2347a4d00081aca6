import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from "yaml";
import { type LiteLLMEntry, priceDimensions, standardPrices } from "./litellm-units.ts";

export { pricesDate } from "./litellm-units.ts";
import type { Capability } from "./schema.ts";
import { CAPABILITIES } from "./kinds.ts";

/** The price dimensions the import owns; `offPeak` and `reasoningInOutput` are an admin's and stay as written. */
const DIMENSION_FIELDS = ["cacheWritePer1M", "longContext", "batch", "flex", "priority"] as const;

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ImportReport {
  pricesAsOf: string;
  changed: { id: string; changes: FieldChange[] }[];
  unchanged: string[];
  missing: { id: string; key: string | null; reason: string }[];
}

function capabilitiesOf(entry: LiteLLMEntry): Capability[] {
  const has: Record<Capability, boolean> = {
    vision: Boolean(entry.supports_vision),
    reasoning: Boolean(entry.supports_reasoning),
    tools: Boolean(entry.supports_function_calling || entry.supports_tool_choice),
  };
  return CAPABILITIES.filter((c) => has[c]);
}

/** JSON with object keys sorted, so a hand-reordered `{outputPer1M, inputPer1M}` is not a change. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function setFlow(doc: Document, entry: YAMLMap, key: string, value: unknown): void {
  entry.set(key, doc.createNode(value, { flow: true }));
}

/** Price fields in the order an entry lists them; a new one goes right after the price fields already there. */
const PRICE_ORDER = ["inputPer1M", "outputPer1M", "cachedInputPer1M", ...DIMENSION_FIELDS];

function setPriceField(doc: Document, entry: YAMLMap, key: string, value: unknown): void {
  const node =
    key === "longContext" ? doc.createNode((value as unknown[]).map((band) => doc.createNode(band, { flow: true }))) : doc.createNode(value, { flow: typeof value === "object" });
  if (entry.has(key) || !PRICE_ORDER.includes(key)) {
    entry.set(key, node);
    return;
  }
  const earlier = PRICE_ORDER.slice(0, PRICE_ORDER.indexOf(key));
  const anchor = entry.items.findLastIndex((pair) => earlier.includes(String((pair.key as { value?: unknown })?.value ?? pair.key)));
  entry.items.splice(anchor + 1, 0, doc.createPair(key, node) as (typeof entry.items)[number]);
}

/**
 * Refreshes curated models from the map: prices, context window, max output, capabilities.
 * Edits the YAML document in place, so admins' comments, order and curated fields survive;
 * a changed price moves the old one into `history` with its date.
 */
export function importLiteLLM(modelsYaml: string, map: Record<string, unknown>, pricesAsOf: string): { yaml: string; report: ImportReport } {
  const doc = parseDocument(modelsYaml);
  const models = doc.get("models");
  const report: ImportReport = { pricesAsOf, changed: [], unchanged: [], missing: [] };
  if (!isSeq(models)) throw new Error("models.yaml has no models list");
  for (const item of models.items) {
    if (!isMap(item)) continue;
    const id = String(item.get("id"));
    if (item.has("unpriced")) continue;
    const key = item.get("litellmKey");
    if (typeof key !== "string") {
      report.missing.push({ id, key: null, reason: "no litellmKey" });
      continue;
    }
    const entry = map[key] as LiteLLMEntry | undefined;
    const prices = entry ? standardPrices(entry) : null;
    if (!entry || !prices) {
      report.missing.push({ id, key, reason: entry ? "no price in the map" : "not in the map" });
      continue;
    }
    const dimensions: Record<string, unknown> = priceDimensions(entry);
    const fresh: Record<string, unknown> = {
      ...prices,
      ...(entry.max_input_tokens ? { contextWindow: Math.round(entry.max_input_tokens) } : {}),
      ...(entry.max_output_tokens ? { maxOutput: Math.round(entry.max_output_tokens) } : {}),
      capabilities: capabilitiesOf(entry),
      // a dimension the map no longer lists is removed (undefined), so no stale batch or long-context price stays behind
      ...Object.fromEntries(DIMENSION_FIELDS.map((field) => [field, dimensions[field]])),
    };
    const current = (field: string) => {
      const value = item.get(field, true);
      return value && typeof value === "object" && "toJSON" in value ? (value as { toJSON(): unknown }).toJSON() : item.get(field);
    };
    const changes: FieldChange[] = Object.entries(fresh)
      .filter(([field, value]) => !same(current(field), value))
      .map(([field, value]) => ({ field, from: current(field) ?? null, to: value ?? null }));
    const priceChanged = changes.some((c) => ["inputPer1M", "outputPer1M", "cachedInputPer1M"].includes(c.field));
    const oldAsOf = String(item.get("asOf"));
    if (priceChanged) {
      const previous = {
        inputPer1M: current("inputPer1M"),
        outputPer1M: current("outputPer1M"),
        ...(current("cachedInputPer1M") !== undefined ? { cachedInputPer1M: current("cachedInputPer1M") } : {}),
        asOf: oldAsOf,
      };
      const history = (current("history") as unknown[] | undefined) ?? [];
      item.set("history", doc.createNode([previous, ...history].map((h) => doc.createNode(h, { flow: true }))));
    }
    for (const change of changes) {
      if (change.to === null) item.delete(change.field);
      else if (change.field === "capabilities") setFlow(doc, item, change.field, change.to);
      else setPriceField(doc, item, change.field, change.to);
    }
    if (pricesAsOf > oldAsOf) item.set("asOf", pricesAsOf);
    if (changes.length) report.changed.push({ id, changes });
    else report.unchanged.push(id);
  }
  return { yaml: doc.toString({ lineWidth: 0, flowCollectionPadding: false }), report };
}

/** Prepends this import to import-log.yaml, keeping the file's comments and earlier imports. */
export function appendImportLog(existing: string | null, record: { at: string; source: string; report: ImportReport }): string {
  const doc = parseDocument(existing ?? "# Written by npm run knowledge:import; the newest import first.\nimports: []\n");
  const imports = doc.get("imports");
  const list = (ids: string[]) => doc.createNode(ids, { flow: true });
  const entry = doc.createNode({
    at: record.at,
    source: record.source,
    pricesAsOf: record.report.pricesAsOf,
    changed: list(record.report.changed.map((c) => c.id)),
    unchanged: list(record.report.unchanged),
    missing: list(record.report.missing.map((m) => m.id)),
  });
  if (isSeq(imports)) {
    imports.flow = false;
    imports.items.unshift(entry);
  } else doc.set("imports", doc.createNode([entry]));
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export interface MapSourceLimits {
  /** give up on a URL that has not answered in full by then */
  timeoutMs: number;
  /** refuse a body larger than this (the map is ~1.5 MB; 25 MB leaves room to grow) */
  maxBytes: number;
}
export const DEFAULT_MAP_LIMITS: MapSourceLimits = { timeoutMs: 30_000, maxBytes: 25_000_000 };

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** Redirects followed, each one checked against the same rule as the URL given. */
const MAX_REDIRECTS = 5;

function checkMapUrl(url: URL): void {
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) {
    throw new Error(`only https:// URLs (or http:// on localhost) are fetched, not ${url.protocol}//${url.hostname}`);
  }
}

/** Fetches `url`, following redirects by hand so a redirect to a URL the rule refuses is refused too. */
async function fetchChecked(url: URL, signal: AbortSignal): Promise<Response> {
  for (let hops = 0; ; hops++) {
    checkMapUrl(url);
    const response = await fetch(url, { signal, redirect: "manual" });
    const location = response.headers.get("location");
    if (response.status < 300 || response.status > 399 || !location) return response;
    await response.body?.cancel().catch(() => {});
    if (hops >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
    url = new URL(location, url);
  }
}

/**
 * The text of a LiteLLM map from an https URL, or a plain http one on this machine only (tests, a local mirror),
 * or else a file path. A URL must answer 200 within the timeout and stay under the size limit.
 */
export async function readMapSource(source: string, readLocal: (path: string) => Promise<string>, limits: MapSourceLimits = DEFAULT_MAP_LIMITS): Promise<string> {
  if (!/^[a-z]+:\/\//i.test(source)) return readLocal(source);
  const response = await fetchChecked(new URL(source), AbortSignal.timeout(limits.timeoutMs)).catch((error: Error) => {
    throw new Error(error.name === "TimeoutError" ? `no answer within ${limits.timeoutMs / 1000} s` : error.message);
  });
  if (!response.ok || !response.body) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > limits.maxBytes) throw new Error(`the map is ${declared} bytes, over the ${limits.maxBytes}-byte limit`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > limits.maxBytes) throw new Error(`the map is over the ${limits.maxBytes}-byte limit`);
      chunks.push(chunk);
    }
  } catch (error) {
    await response.body.cancel().catch(() => {});
    const e = error as Error;
    throw new Error(e.name === "TimeoutError" || e.name === "AbortError" ? `no complete answer within ${limits.timeoutMs / 1000} s` : e.message);
  }
  return Buffer.concat(chunks).toString("utf8");
}
