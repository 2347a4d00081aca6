import { readFile } from "node:fs/promises";
import type { LiteLLMEntry } from "./import-litellm.ts";
import { per1M, pricesDate } from "./litellm-units.ts";
import type { Capability, Model, PricedModel } from "./schema.ts";
import { CAPABILITIES } from "./kinds.ts";

const LITELLM_SOURCE = "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json";

/**
 * Every priced chat model of a LiteLLM map as a catalog entry, so /compare works for any name.
 * Curated models win: their LiteLLM keys are skipped here, and the resolver lets curated names override.
 */
export async function loadCatalog(path: string, curated: readonly Model[], fallbackDate: string): Promise<PricedModel[]> {
  const map = JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
  const asOf = pricesDate(map, fallbackDate);
  const curatedKeys = new Set(curated.map((m) => ("litellmKey" in m ? m.litellmKey : undefined)).filter(Boolean));
  const catalog: PricedModel[] = [];
  for (const [key, raw] of Object.entries(map)) {
    const entry = raw as LiteLLMEntry & { litellm_provider?: string };
    if (entry?.mode !== "chat" || curatedKeys.has(key)) continue;
    if (typeof entry.input_cost_per_token !== "number" || typeof entry.output_cost_per_token !== "number") continue;
    const capabilities = CAPABILITIES.filter((c: Capability) =>
      c === "vision" ? entry.supports_vision : c === "reasoning" ? entry.supports_reasoning : entry.supports_function_calling || entry.supports_tool_choice,
    );
    catalog.push({
      id: key,
      name: key,
      provider: entry.litellm_provider ?? key.split("/")[0] ?? "unknown",
      tier: null,
      catalog: true,
      aliases: [],
      aliasesZh: [],
      capabilities,
      openWeights: false,
      featured: false,
      inputPer1M: per1M(entry.input_cost_per_token),
      outputPer1M: per1M(entry.output_cost_per_token),
      ...(typeof entry.cache_read_input_token_cost === "number" ? { cachedInputPer1M: per1M(entry.cache_read_input_token_cost) } : {}),
      contextWindow: Math.max(1, Math.round(entry.max_input_tokens ?? 0)),
      maxOutput: Math.max(1, Math.round(entry.max_output_tokens ?? 0)),
      litellmKey: key,
      source: LITELLM_SOURCE,
      asOf,
    });
  }
  return catalog;
}
