import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { newestPriceDate, type GenaiProvider } from "../src/core/knowledge/genai-prices.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { GENAI_FILE, genaiFileText, refreshPrices, stageAndSwap } from "../src/core/knowledge/refresh.ts";
import { disagreementLines, secondSourceFileSchema } from "../src/core/knowledge/second-source.ts";
import { parse } from "yaml";

/**
 * npm run knowledge:import -- --genai-prices[=<https URL or file of genai-prices' data.json>] [--dry-run]
 * Without a URL: the data bundled in the installed @pydantic/genai-prices package (a devDependency), dated by the
 * version's npm publish time (or, offline, by the newest dated price in it).
 */
const PACKAGE = "@pydantic/genai-prices";

async function publishDate(version: string): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)("npm", ["view", PACKAGE, "time", "--json"], { timeout: 15_000 });
    const time = (JSON.parse(stdout) as Record<string, string>)[version];
    return /^\d{4}-\d{2}-\d{2}/.exec(time ?? "")?.[0] ?? null;
  } catch {
    return null;
  }
}

export async function importGenaiPrices(dir: string, source: string | null, today: string, dryRun: boolean): Promise<void> {
  if (source) {
    if (dryRun) throw new Error("--dry-run is for the bundled package only; a URL or file is validated before anything is written anyway");
    const result = await refreshPrices(dir, { genaiPrices: source }, today);
    console.log(`genai-prices from ${source}: ${result.genaiModels} curated models priced; wrote ${GENAI_FILE}`);
  } else {
    const require = createRequire(import.meta.url);
    const packageJson = join(dirname(dirname(require.resolve(PACKAGE))), "package.json");
    const { version } = JSON.parse(await readFile(packageJson, "utf8")) as { version: string };
    const { waitForUpdate } = (await import(PACKAGE)) as { waitForUpdate(): Promise<GenaiProvider[] | null> };
    const data = (await waitForUpdate()) ?? [];
    const published = await publishDate(version);
    const meta = published
      ? { source: `${PACKAGE} ${version} (npm)`, asOf: published, basis: "the npm publish date of this version" }
      : { source: `${PACKAGE} ${version} (npm)`, asOf: newestPriceDate(data, today) ?? today, basis: "the newest dated price in the package" };
    const current = await loadKnowledge(dir, new Date(`${today}T12:00:00Z`));
    const text = genaiFileText(data, current.models, meta, current.review?.genaiIds);
    console.log(`genai-prices ${version}, prices as of ${meta.asOf} (${meta.basis})${dryRun ? " (dry run: nothing written)" : ""}`);
    if (!dryRun) await stageAndSwap(dir, { [GENAI_FILE]: text }, today);
    console.log(`${Object.keys(secondSourceFileSchema.parse(parse(text)).models).length} curated models priced by genai-prices`);
  }
  if (dryRun) return;
  const after = await loadKnowledge(dir, new Date(`${today}T12:00:00Z`));
  const lines = disagreementLines(after.models.filter((m) => "inputPer1M" in m));
  console.log(`${lines.length} price(s) differ by more than 5% between the sources:`);
  for (const line of lines) console.log(`  ${line}`);
}
