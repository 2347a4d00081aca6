import { readConfigOrExit } from "../src/config/read-or-exit.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { KnowledgeInvalidError, formatProblem } from "../src/core/knowledge/problems.ts";
import { knowledgeWarnings } from "../src/core/knowledge/warnings.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import type { PricedModel } from "../src/core/knowledge/schema.ts";
import { checkedAsOf, daysBetween, STALE_AFTER_DAYS } from "../src/core/pricing/price-age.ts";
import { disagreementLines } from "../src/core/knowledge/second-source.ts";

/** "prices of 40 of 144 curated models are older than 90 days, neither source newer (oldest asOf 2026-07-24, 127 days): …" or null when none are. */
function stalenessSummary(models: readonly PricedModel[], today: string): string | null {
  const stale = models.filter((m) => daysBetween(checkedAsOf(m), today) > STALE_AFTER_DAYS);
  if (!stale.length) return null;
  const oldest = stale.map(checkedAsOf).sort()[0]!;
  return `prices of ${stale.length} of ${models.length} curated models are older than ${STALE_AFTER_DAYS} days, neither source newer (oldest asOf ${oldest}, ${daysBetween(oldest, today)} days): run npm run knowledge:import -- <map URL or file>, or --genai-prices`;
}

const config = readConfigOrExit();
const knowledgeDir = () => config.knowledgeDir;
const today = () => config.today ?? new Date().toISOString().slice(0, 10);
/** npm run knowledge:check — every problem with file, line, entry and field; exits 1 on errors, 0 with only warnings. */
const dir = process.argv[2] ?? knowledgeDir();
try {
  const knowledge = await loadKnowledge(dir, new Date(`${today()}T12:00:00Z`));
  // one line for old prices instead of one per model; every other warning is listed
  const warnings = knowledgeWarnings(knowledge, today()).filter((w) => !w.message.startsWith("price is "));
  const staleness = stalenessSummary(knowledge.models.filter(isPriced), today());
  if (staleness) console.log(`warning: knowledge/models.yaml: ${staleness}`);
  for (const w of warnings) console.log(`warning: ${w.file}: ${w.entry}: ${w.message}`);
  const disagreements = disagreementLines(knowledge.models.filter(isPriced));
  if (knowledge.secondSource) {
    console.log(`${disagreements.length} price(s) differ by more than 5% between LiteLLM and ${knowledge.secondSource.source} (knowledge/genai-prices.yaml):`);
    for (const line of disagreements) console.log(`  ${line}`);
  }
  const count = warnings.length + (staleness ? 1 : 0);
  console.log(`knowledge OK: ${knowledge.models.length} models, ${knowledge.catalog.length} more in the catalog, ${knowledge.articles.length} article(s), ${count} warning(s)`);
} catch (error) {
  if (!(error instanceof KnowledgeInvalidError)) {
    console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  }
  for (const problem of error.problems) console.error(`error: ${formatProblem(problem)}`);
  console.error(`knowledge has ${error.problems.length} error(s); the running bot keeps serving its last good version`);
  process.exit(1);
}
