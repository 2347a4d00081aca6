import { readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { today } from "../src/core/clock.ts";
import { knowledgeDir } from "../src/core/knowledge-dir.ts";
import { appendImportLog, importLiteLLM, pricesDate, type FieldChange } from "../src/core/knowledge/import-litellm.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { KnowledgeInvalidError, formatProblem } from "../src/core/knowledge/problems.ts";

/** npm run knowledge:import -- <model_prices_and_context_window.json> [--dry-run] */
const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const mapPath = args.find((a) => !a.startsWith("--"));
if (!mapPath) {
  console.error("usage: npm run knowledge:import -- <litellm model_prices_and_context_window.json> [--dry-run]");
  process.exit(64);
}
const dir = knowledgeDir();
const modelsPath = join(dir, "models.yaml");
const logPath = join(dir, "import-log.yaml");

let map: Record<string, unknown>;
try {
  map = JSON.parse(await readFile(mapPath, "utf8"));
} catch (error) {
  console.error(`cannot read ${mapPath}: ${(error as Error).message}`);
  process.exit(1);
}
const pricesAsOf = pricesDate(map, today());
const before = await readFile(modelsPath, "utf8");
const { yaml, report } = importLiteLLM(before, map, pricesAsOf);

const show = (value: unknown) => (Array.isArray(value) ? `[${value.join(", ")}]` : String(value));
const describe = (c: FieldChange) => `${c.field} ${show(c.from)} → ${show(c.to)}`;
console.log(`LiteLLM map ${basename(mapPath)}, prices as of ${pricesAsOf}${dryRun ? " (dry run: nothing written)" : ""}`);
console.log(`changed (${report.changed.length}):`);
for (const { id, changes } of report.changed) console.log(`  ${id}: ${changes.map(describe).join("; ")}`);
console.log(`unchanged (${report.unchanged.length}): ${report.unchanged.join(", ") || "none"}`);
console.log(`missing (${report.missing.length}): ${report.missing.map((m) => `${m.id} (${m.reason}${m.key ? `: ${m.key}` : ""})`).join(", ") || "none"}`);
if (dryRun) process.exit(0);

const log = appendImportLog(await readFile(logPath, "utf8").catch(() => null), { at: today(), source: basename(mapPath), report });
await writeFile(modelsPath, yaml);
await writeFile(logPath, log);
try {
  await loadKnowledge(dir, new Date(`${today()}T12:00:00Z`));
  console.log("wrote models.yaml and import-log.yaml; knowledge:check passes. A running bot picks the change up by itself (or /reload).");
} catch (error) {
  await writeFile(modelsPath, before);
  const problems = error instanceof KnowledgeInvalidError ? error.problems.map(formatProblem) : [(error as Error).message];
  console.error(`the imported table did not validate, so models.yaml was restored:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
