import { cp, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { stringify } from "yaml";
import { serializeSlimCatalog, SHIPPED_CATALOG, slimCatalog } from "./catalog.ts";
import { newestPriceDate, parseGenaiData, secondSourceFile, type GenaiProvider } from "./genai-prices.ts";
import { appendImportLog, DEFAULT_MAP_LIMITS, importLiteLLM, pricesDate, readMapSource, type ImportReport, type MapSourceLimits } from "./import-litellm.ts";
import { loadKnowledge } from "./load.ts";
import { KnowledgeInvalidError, formatProblem } from "./problems.ts";
import type { Model } from "./schema.ts";
import type { SecondSourceFile } from "./second-source.ts";

/**
 * Imports prices from LiteLLM's map and genai-prices' data file, validates the result as a whole in a copy of the
 * knowledge folder, and only then replaces the files (each written beside itself and renamed over the old one, so
 * a reader never sees half a file). Any failure leaves the folder as it was: the bot keeps its last good version.
 */

export const GENAI_FILE = "genai-prices.yaml";

function serializeSecondSource(file: SecondSourceFile): string {
  const header = `# Written by npm run knowledge:import (genai-prices); do not edit by hand: pin a source in price-review.yaml instead.\n`;
  const models = Object.entries(file.models)
    .map(([id, entry]) => `  ${JSON.stringify(id)}: ${JSON.stringify(entry)}`)
    .join("\n");
  const meta = stringify({ source: file.source, url: file.url, asOf: file.asOf, basis: file.basis }, { lineWidth: 0 });
  return `${header}${meta}models:${models ? `\n${models}\n` : " {}\n"}`;
}

/** The second-source file from genai-prices data: the curated models it lists, at the data's date. */
export function genaiFileText(
  data: readonly GenaiProvider[],
  curated: readonly Model[],
  meta: { source: string; asOf: string; basis: string },
  mapped: Record<string, string> = {},
): string {
  return serializeSecondSource(secondSourceFile(data, curated, meta, mapped));
}

/** Validates `files` (name → new text) in a copy of `dir`, then renames each into place. Throws with every problem. */
export async function stageAndSwap(dir: string, files: Record<string, string>, today: string): Promise<void> {
  const stage = await mkdtemp(join(tmpdir(), "modelwise-refresh-"));
  try {
    await cp(dir, stage, { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(join(stage, name), text);
    await loadKnowledge(stage, new Date(`${today}T12:00:00Z`)).catch((error: unknown) => {
      const problems = error instanceof KnowledgeInvalidError ? error.problems.map(formatProblem) : [(error as Error).message];
      throw new Error(`the imported knowledge did not validate: ${problems.slice(0, 5).join("; ")}`);
    });
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
  for (const [name, text] of Object.entries(files)) {
    const target = join(dir, name);
    const temporary = join(
      dir,
      name.replace(/[^/]+$/, (file) => `.${file}.tmp`),
    );
    await writeFile(temporary, text);
    await rename(temporary, target);
  }
}

export interface RefreshSources {
  /** LiteLLM's model_prices_and_context_window.json: an https URL (http on localhost) or a file */
  litellm?: string;
  /** genai-prices' data.json: an https URL (http on localhost) or a file */
  genaiPrices?: string;
}

export interface RefreshResult {
  litellm: ImportReport | null;
  genaiModels: number | null;
  files: string[];
}

/** Reads every configured source, builds the new files, validates them together, swaps them in. Throws on any failure. */
export async function refreshPrices(dir: string, sources: RefreshSources, today: string, limits: MapSourceLimits = DEFAULT_MAP_LIMITS): Promise<RefreshResult> {
  const readLocal = (path: string) => readFile(path, "utf8");
  const files: Record<string, string> = {};
  let report: ImportReport | null = null;
  const current = await loadKnowledge(dir, new Date(`${today}T12:00:00Z`));
  if (sources.litellm) {
    const text = await readMapSource(sources.litellm, readLocal, limits);
    const map = JSON.parse(text) as Record<string, unknown>;
    if (typeof map !== "object" || map === null || Array.isArray(map)) throw new Error("not a LiteLLM price map: expected an object of models");
    const name = /^[a-z]+:\/\//i.test(sources.litellm) ? sources.litellm : basename(sources.litellm);
    const imported = importLiteLLM(await readLocal(join(dir, "models.yaml")), map, pricesDate(map, today));
    report = imported.report;
    files["models.yaml"] = imported.yaml;
    files[SHIPPED_CATALOG] = serializeSlimCatalog(slimCatalog(text, name));
    files["import-log.yaml"] = appendImportLog(await readLocal(join(dir, "import-log.yaml")).catch(() => null), { at: today, source: name, report });
  }
  let genaiModels: number | null = null;
  if (sources.genaiPrices) {
    const data = parseGenaiData(await readMapSource(sources.genaiPrices, readLocal, limits));
    // a data file fetched now is the data as of today; a local copy's date is unknown, so its newest dated price stands in
    const fetched = /^[a-z]+:\/\//i.test(sources.genaiPrices);
    const meta = fetched
      ? { source: sources.genaiPrices, asOf: today, basis: "fetched on this date" }
      : { source: basename(sources.genaiPrices), asOf: newestPriceDate(data, today) ?? today, basis: "the newest dated price in the file" };
    const file = secondSourceFile(data, current.models, meta, current.review?.genaiIds);
    genaiModels = Object.keys(file.models).length;
    if (genaiModels === 0) throw new Error("the genai-prices data lists none of the curated models");
    files[GENAI_FILE] = serializeSecondSource(file);
  }
  if (!Object.keys(files).length) throw new Error("no price source configured");
  await stageAndSwap(dir, files, today);
  return { litellm: report, genaiModels, files: Object.keys(files) };
}
