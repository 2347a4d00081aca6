import { createHash } from "node:crypto";
import { KNOWLEDGE_FILE_LIMITS, readCappedText } from "./file-limits.ts";
import { join } from "node:path";
import { type LiteLLMEntry, priceDimensions, pricesDate, standardPrices } from "./litellm-units.ts";
import type { Capability, Model, PricedModel, Tier } from "./schema.ts";
import { CAPABILITIES } from "./kinds.ts";

const LITELLM_SOURCE = "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json";
/** Where the shipped slim copy of the map lives, relative to the knowledge folder. */
export const SHIPPED_CATALOG = join("catalog", "litellm-chat.json");

/**
 * The documented tier rule (knowledge/README.md): what a reference workload of 10M input + 2M output
 * tokens (no cache hits) costs at standard prices. Below $6 (a blended $0.50 per 1M) is ultra-low, below $30
 * ($2.50 per 1M) balanced, from $30 on premium. Curated entries may differ with a `tierReason`.
 */
const TIER_RULE = { inputTokens: 10_000_000, outputTokens: 2_000_000, ultraLowBelowUsd: 6, balancedBelowUsd: 30 } as const;

export function referenceCost(prices: { inputPer1M: number; outputPer1M: number }): number {
  return (TIER_RULE.inputTokens * prices.inputPer1M + TIER_RULE.outputTokens * prices.outputPer1M) / 1e6;
}

export function tierByPrice(prices: { inputPer1M: number; outputPer1M: number }): Tier {
  const cost = referenceCost(prices);
  return cost < TIER_RULE.ultraLowBelowUsd ? "ultra-low" : cost < TIER_RULE.balancedBelowUsd ? "balanced" : "premium";
}

/** Provenance of the shipped slim copy: where the full map came from and how to check it. */
interface CatalogProvenance {
  source: string;
  /** the full map's own last_updated stamp */
  lastUpdated: string | null;
  /** commit of the repository the map was taken from, when known */
  commit?: string;
  /** sha256 and size of the full map's bytes, as read */
  sha256: string;
  bytes: number;
  chatModels: number;
  note: string;
}

export interface SlimCatalog {
  provenance: CatalogProvenance;
  /** LiteLLM's own field names, so one reader serves the full map and this copy */
  models: Record<string, LiteLLMEntry>;
}

const KEPT =
  /^(litellm_provider|max_input_tokens|max_output_tokens|deprecation_date|supports_(vision|reasoning|function_calling|tool_choice)|(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost)(_above_\d+k_tokens|_batches|_flex|_priority)?)$/;
const BAND_FIELDS = ["range", "input_cost_per_token", "output_cost_per_token", "cache_read_input_token_cost"] as const;
const NOT_MODELS = new Set(["sample_spec", "fallback_generalizations", "last_updated"]);
/** Entries the map labels chat that are embedding, speech or moderation models ("titan-embed-text-v2", "…-preview-tts"). */
const NOT_TEXT_KEY = /(?:^|[-_/.])(?:embed|embedding|tts|rerank|whisper|moderation)(?=$|[-_/.:])/u;

function slimEntry(entry: LiteLLMEntry): LiteLLMEntry {
  const slim: LiteLLMEntry = {};
  for (const [field, value] of Object.entries(entry)) {
    if (KEPT.test(field) && value !== false && value !== null) slim[field] = value;
  }
  if (Array.isArray(entry.tiered_pricing)) {
    slim.tiered_pricing = entry.tiered_pricing.map((band) => Object.fromEntries(BAND_FIELDS.filter((f) => band[f] !== undefined).map((f) => [f, band[f]])));
  }
  return slim;
}

/**
 * Text models priced per token: "chat", and "responses" for the ones OpenAI serves only through its Responses API
 * (o1-pro, o3-pro, gpt-5-pro, the Codex models), which people compare like any other.
 */
const TEXT_MODES: ReadonlySet<string> = new Set(["chat", "responses"]);

/** The chat models of a full LiteLLM map with only the fields modelwise reads, plus where they came from. */
export function slimCatalog(mapBytes: string, source: string, commit?: string): SlimCatalog {
  const map = JSON.parse(mapBytes) as Record<string, unknown>;
  const models: Record<string, LiteLLMEntry> = {};
  for (const [key, raw] of Object.entries(map)) {
    const entry = raw as LiteLLMEntry;
    if (NOT_MODELS.has(key) || !TEXT_MODES.has(entry?.mode ?? "")) continue;
    models[key] = slimEntry(entry);
  }
  return {
    provenance: {
      source,
      lastUpdated: typeof map.last_updated === "string" ? map.last_updated : null,
      ...(commit ? { commit } : {}),
      sha256: createHash("sha256").update(mapBytes).digest("hex"),
      bytes: Buffer.byteLength(mapBytes),
      chatModels: Object.keys(models).length,
      note: "Chat and Responses-API models of LiteLLM's model_prices_and_context_window.json, only the fields modelwise reads; written by npm run knowledge:import.",
    },
    models,
  };
}

/** One line per model, so a refresh shows up in a diff as the models that changed. */
export function serializeSlimCatalog(catalog: SlimCatalog): string {
  const lines = Object.entries(catalog.models).map(([key, entry]) => `${JSON.stringify(key)}:${JSON.stringify(entry)}`);
  return `{"provenance":${JSON.stringify(catalog.provenance, null, 1)},\n"models":{\n${lines.join(",\n")}\n}}\n`;
}

function capabilitiesOf(entry: LiteLLMEntry): Capability[] {
  return CAPABILITIES.filter((c: Capability) =>
    c === "vision" ? entry.supports_vision : c === "reasoning" ? entry.supports_reasoning : entry.supports_function_calling || entry.supports_tool_choice,
  );
}

/** Catalog entries for every priced chat model of a map (full or slim), skipping the curated models' keys. */
function catalogEntries(map: Record<string, unknown>, curated: readonly Model[], asOf: string): PricedModel[] {
  const curatedKeys = new Set(curated.map((m) => ("litellmKey" in m ? m.litellmKey : undefined)).filter(Boolean));
  const catalog: PricedModel[] = [];
  for (const [key, raw] of Object.entries(map)) {
    const entry = raw as LiteLLMEntry;
    if (NOT_MODELS.has(key) || NOT_TEXT_KEY.test(key) || curatedKeys.has(key) || (entry?.mode !== undefined && !TEXT_MODES.has(entry.mode))) continue;
    const prices = standardPrices(entry);
    if (!prices) continue;
    const deprecation = typeof entry.deprecation_date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(entry.deprecation_date) ? entry.deprecation_date : undefined;
    catalog.push({
      id: key,
      name: key,
      provider: entry.litellm_provider ?? key.split("/")[0] ?? "unknown",
      tier: tierByPrice(prices),
      catalog: true,
      aliases: [],
      aliasesZh: [],
      capabilities: capabilitiesOf(entry),
      openWeights: false,
      featured: false,
      ...prices,
      ...priceDimensions(entry),
      contextWindow: Math.max(1, Math.round(entry.max_input_tokens ?? 0)),
      maxOutput: Math.max(1, Math.round(entry.max_output_tokens ?? 0)),
      ...(deprecation ? { deprecationDate: deprecation } : {}),
      litellmKey: key,
      source: LITELLM_SOURCE,
      asOf,
    });
  }
  return catalog;
}

/** Every priced chat model of a full LiteLLM map file (MODELWISE_CATALOG) as a catalog entry. */
export async function loadCatalog(path: string, curated: readonly Model[], fallbackDate: string): Promise<PricedModel[]> {
  const map = JSON.parse(await readCappedText(path, path, KNOWLEDGE_FILE_LIMITS.extraCatalog)) as Record<string, unknown>;
  return catalogEntries(map, curated, pricesDate(map, fallbackDate));
}

/** The slim copy shipped in knowledge/catalog/, loaded at start so every chat model in the map resolves. */
export async function loadShippedCatalog(knowledgeDir: string, curated: readonly Model[], fallbackDate: string): Promise<PricedModel[]> {
  const text = await readCappedText(join(knowledgeDir, SHIPPED_CATALOG), `knowledge/${SHIPPED_CATALOG}`, KNOWLEDGE_FILE_LIMITS.shippedCatalog).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null;
      throw error;
    },
  );
  if (text === null) return [];
  const slim = JSON.parse(text) as SlimCatalog;
  const asOf = pricesDate({ last_updated: slim.provenance?.lastUpdated ?? undefined }, fallbackDate);
  return catalogEntries(slim.models, curated, asOf);
}

/** The shipped catalog with an admin's extra map (MODELWISE_CATALOG) beside it: the extra map's entry wins for a key both list. */
export function mergeCatalogs(shipped: readonly PricedModel[], extra: readonly PricedModel[]): PricedModel[] {
  const byId = new Map(shipped.map((model) => [model.id, model]));
  for (const model of extra) byId.set(model.id, model);
  return [...byId.values()];
}

/** How a refreshed slim catalog differs from the shipped one: keys added, removed, and entries whose fields changed. */
export function catalogChanges(before: SlimCatalog | null, after: SlimCatalog): { added: number; removed: number; changed: number } {
  const old = before?.models ?? {};
  const keys = Object.keys(after.models);
  return {
    added: keys.filter((key) => !(key in old)).length,
    removed: Object.keys(old).filter((key) => !(key in after.models)).length,
    changed: keys.filter((key) => key in old && JSON.stringify(old[key]) !== JSON.stringify(after.models[key])).length,
  };
}
