import { readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { readConfigOrExit } from "../src/config/read-or-exit.ts";
import { catalogChanges, serializeSlimCatalog, SHIPPED_CATALOG, slimCatalog, type SlimCatalog } from "../src/core/knowledge/catalog.ts";
import { appendImportLog, DEFAULT_MAP_LIMITS, importLiteLLM, pricesDate, readMapSource, type FieldChange } from "../src/core/knowledge/import-litellm.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { KnowledgeInvalidError, formatProblem } from "../src/core/knowledge/problems.ts";

/**
 * npm run knowledge:import -- <https URL or file of model_prices_and_context_window.json> [--dry-run] [--timeout=<seconds>]
 * npm run knowledge:import -- --genai-prices[=<https URL or file of genai-prices' data.json>] (scripts/import-genai-prices.ts)
 * npm run knowledge:import -- --history=<litellm-price-history.json> (scripts/import-price-history.ts)
 * Refreshes the curated models' prices and price dimensions (models.yaml) and the shipped catalog
 * (knowledge/catalog/litellm-chat.json), records the run in import-log.yaml, and restores both if the result does not validate.
 */
const config = readConfigOrExit();
const today = config.today ?? new Date().toISOString().slice(0, 10);
const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const genai = args.find((a) => a === "--genai-prices" || a.startsWith("--genai-prices="));
if (genai) {
  const { importGenaiPrices } = await import("./import-genai-prices.ts");
  try {
    await importGenaiPrices(config.knowledgeDir, genai.includes("=") ? genai.slice(genai.indexOf("=") + 1) : null, today, dryRun);
    process.exit(0);
  } catch (error) {
    console.error(`cannot import genai-prices: ${(error as Error).message}; nothing was changed`);
    process.exit(1);
  }
}
const historyArg = args.find((a) => a.startsWith("--history="));
if (historyArg) {
  const { importPriceHistory } = await import("./import-price-history.ts");
  try {
    await importPriceHistory(config.knowledgeDir, historyArg.slice("--history=".length), today);
    process.exit(0);
  } catch (error) {
    console.error(`cannot import the price history: ${(error as Error).message}; nothing was changed`);
    process.exit(1);
  }
}
const source = args.find((a) => !a.startsWith("--"));
if (!source) {
  console.error("usage: npm run knowledge:import -- <https URL or path of LiteLLM's model_prices_and_context_window.json> [--dry-run]");
  process.exit(64);
}
const timeoutArg = args.find((a) => a.startsWith("--timeout="));
const timeoutMs = timeoutArg ? Number(timeoutArg.slice("--timeout=".length)) * 1000 : DEFAULT_MAP_LIMITS.timeoutMs;
if (!(timeoutMs > 0)) {
  console.error("--timeout=<seconds> needs a positive number");
  process.exit(64);
}
const dir = config.knowledgeDir;
const modelsPath = join(dir, "models.yaml");
const logPath = join(dir, "import-log.yaml");
const catalogPath = join(dir, SHIPPED_CATALOG);
const sourceName = /^[a-z]+:\/\//i.test(source) ? source : basename(source);

let text: string;
let map: Record<string, unknown>;
try {
  text = await readMapSource(source, (path) => readFile(path, "utf8"), { ...DEFAULT_MAP_LIMITS, timeoutMs });
  map = JSON.parse(text);
} catch (error) {
  console.error(`cannot read ${source}: ${(error as Error).message}`);
  process.exit(1);
}
const pricesAsOf = pricesDate(map, today);
const before = await readFile(modelsPath, "utf8");
const { yaml, report } = importLiteLLM(before, map, pricesAsOf);
const catalogBefore = await readFile(catalogPath, "utf8").catch(() => null);
const catalog = slimCatalog(text, sourceName);
const catalogDiff = catalogChanges(catalogBefore ? (JSON.parse(catalogBefore) as SlimCatalog) : null, catalog);

const show = (value: unknown) =>
  Array.isArray(value)
    ? `[${value.map((v) => (typeof v === "object" ? JSON.stringify(v) : v)).join(", ")}]`
    : typeof value === "object" && value !== null
      ? JSON.stringify(value)
      : String(value);
const describe = (c: FieldChange) => `${c.field} ${show(c.from)} → ${show(c.to)}`;
console.log(`LiteLLM map ${sourceName}, prices as of ${pricesAsOf}${dryRun ? " (dry run: nothing written)" : ""}`);
console.log(`changed (${report.changed.length}):`);
for (const { id, changes } of report.changed) console.log(`  ${id}: ${changes.map(describe).join("; ")}`);
console.log(`unchanged (${report.unchanged.length}): ${report.unchanged.join(", ") || "none"}`);
console.log(`missing (${report.missing.length}): ${report.missing.map((m) => `${m.id} (${m.reason}${m.key ? `: ${m.key}` : ""})`).join(", ") || "none"}`);
console.log(`catalog: ${catalog.provenance.chatModels} chat models; ${catalogDiff.added} added, ${catalogDiff.removed} removed, ${catalogDiff.changed} changed`);
if (dryRun) process.exit(0);

const logBefore = await readFile(logPath, "utf8").catch(() => null);
const log = appendImportLog(logBefore, { at: today, source: sourceName, report });
await writeFile(modelsPath, yaml);
await writeFile(catalogPath, serializeSlimCatalog(catalog));
await writeFile(logPath, log);
try {
  await loadKnowledge(dir, new Date(`${today}T12:00:00Z`));
  console.log(`wrote models.yaml, ${SHIPPED_CATALOG} and import-log.yaml; knowledge:check passes. A running bot picks the change up by itself (or /reload).`);
} catch (error) {
  await writeFile(modelsPath, before);
  if (catalogBefore !== null) await writeFile(catalogPath, catalogBefore);
  if (logBefore !== null) await writeFile(logPath, logBefore);
  const problems = error instanceof KnowledgeInvalidError ? error.problems.map(formatProblem) : [(error as Error).message];
  console.error(`the imported table did not validate, so models.yaml, the catalog and the import log were restored:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
