import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from "yaml";
import { per1M } from "./litellm-units.ts";

export { per1M, pricesDate } from "./litellm-units.ts";
import type { Capability } from "./schema.ts";
import { CAPABILITIES } from "./kinds.ts";

/** One entry of LiteLLM's model_prices_and_context_window.json (USD per token). */
export interface LiteLLMEntry {
  mode?: string;
  input_cost_per_token?: number;
  output_cost_per_token?: number;
  cache_read_input_token_cost?: number;
  max_input_tokens?: number;
  max_output_tokens?: number;
  supports_vision?: boolean;
  supports_reasoning?: boolean;
  supports_function_calling?: boolean;
  supports_tool_choice?: boolean;
}

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

const NOT_MODELS = new Set(["sample_spec", "fallback_generalizations", "last_updated"]);


function capabilitiesOf(entry: LiteLLMEntry): Capability[] {
  const has: Record<Capability, boolean> = {
    vision: Boolean(entry.supports_vision),
    reasoning: Boolean(entry.supports_reasoning),
    tools: Boolean(entry.supports_function_calling || entry.supports_tool_choice),
  };
  return CAPABILITIES.filter((c) => has[c]);
}


export function chatModelCount(map: Record<string, unknown>): number {
  return Object.entries(map).filter(([key, v]) => !NOT_MODELS.has(key) && (v as LiteLLMEntry)?.mode === "chat").length;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function setFlow(doc: Document, entry: YAMLMap, key: string, value: unknown): void {
  entry.set(key, doc.createNode(value, { flow: true }));
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
    if (item.has("articleOnly")) continue;
    const key = item.get("litellmKey");
    if (typeof key !== "string") {
      report.missing.push({ id, key: null, reason: "no litellmKey" });
      continue;
    }
    const entry = map[key] as LiteLLMEntry | undefined;
    if (!entry || entry.input_cost_per_token === undefined || entry.output_cost_per_token === undefined) {
      report.missing.push({ id, key, reason: entry ? "no price in the map" : "not in the map" });
      continue;
    }
    const fresh: Record<string, unknown> = {
      inputPer1M: per1M(entry.input_cost_per_token),
      outputPer1M: per1M(entry.output_cost_per_token),
      ...(entry.cache_read_input_token_cost !== undefined ? { cachedInputPer1M: per1M(entry.cache_read_input_token_cost) } : {}),
      ...(entry.max_input_tokens ? { contextWindow: Math.round(entry.max_input_tokens) } : {}),
      ...(entry.max_output_tokens ? { maxOutput: Math.round(entry.max_output_tokens) } : {}),
      capabilities: capabilitiesOf(entry),
    };
    const current = (field: string) => {
      const value = item.get(field, true);
      return value && typeof value === "object" && "toJSON" in value ? (value as { toJSON(): unknown }).toJSON() : item.get(field);
    };
    const changes: FieldChange[] = Object.entries(fresh)
      .filter(([field, value]) => !same(current(field), value))
      .map(([field, value]) => ({ field, from: current(field) ?? null, to: value }));
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
      if (change.field === "capabilities") setFlow(doc, item, "capabilities", change.to);
      else item.set(change.field, change.to);
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
