import { readFile } from "node:fs/promises";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { buildPriceHistory, type RawPriceHistory } from "../src/core/knowledge/price-history.ts";
import { stageAndSwap } from "../src/core/knowledge/refresh.ts";

/**
 * npm run knowledge:import -- --history=<litellm-price-history.json>
 * Cuts the curated models' price changes out of the daily history of LiteLLM's map (see that file's SOURCE) into
 * knowledge/price-history.yaml, one line per model, values that lasted under two days left out.
 */
export const HISTORY_SOURCE = {
  source: "LiteLLM price map history (daily snapshots via RoCry/llm-api-price)",
  url: "https://github.com/RoCry/llm-api-price",
};

export function serializeHistory(history: ReturnType<typeof buildPriceHistory>): string {
  const lines = Object.entries(history.models).map(([id, entry]) => `  ${JSON.stringify(id)}: ${JSON.stringify(entry)}`);
  return [
    "# Written by npm run knowledge:import -- --history=<litellm-price-history.json>: the curated models' price changes,",
    `# [date, input, output, cached] in USD per 1M tokens; values that lasted under ${history.minDays} days are left out (same-day glitches).`,
    "# Dates are the day a daily snapshot of the map first showed the price, not the provider's announcement.",
    `source: ${JSON.stringify(history.source)}`,
    `url: ${history.url}`,
    `from: ${history.from}`,
    `to: ${history.to}`,
    `minDays: ${history.minDays}`,
    "models:",
    ...lines,
    "",
  ].join("\n");
}

export async function importPriceHistory(dir: string, path: string, today: string): Promise<void> {
  const raw = JSON.parse(await readFile(path, "utf8")) as RawPriceHistory;
  if (!raw?.models || typeof raw.from !== "string" || typeof raw.to !== "string") throw new Error("not a price history file: expected from, to and models");
  const current = await loadKnowledge(dir, new Date(`${today}T12:00:00Z`), { asWritten: true });
  const history = buildPriceHistory(raw, current.models, HISTORY_SOURCE);
  await stageAndSwap(dir, { "price-history.yaml": serializeHistory(history) }, today);
  const changed = Object.values(history.models).filter((m) => m.points.length > 1).length;
  console.log(`price history ${raw.from} → ${raw.to}: ${Object.keys(history.models).length} curated models, ${changed} with price changes; wrote price-history.yaml`);
}
