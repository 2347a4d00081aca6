import { readConfigOrExit } from "../src/config/read-or-exit.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { KnowledgeInvalidError, formatProblem } from "../src/core/knowledge/problems.ts";
import { knowledgeWarnings } from "../src/core/knowledge/warnings.ts";


const config = readConfigOrExit();
const knowledgeDir = () => config.knowledgeDir;
const today = () => config.today ?? new Date().toISOString().slice(0, 10);
/** npm run knowledge:check — every problem with file, line, entry and field; exits 1 on errors, 0 with only warnings. */
const dir = process.argv[2] ?? knowledgeDir();
try {
  const knowledge = await loadKnowledge(dir, new Date(`${today()}T12:00:00Z`));
  const warnings = knowledgeWarnings(knowledge, today());
  for (const w of warnings) console.log(`warning: ${w.file}: ${w.entry}: ${w.message}`);
  console.log(`knowledge OK: ${knowledge.models.length} models, ${knowledge.articles.length} article(s), ${warnings.length} warning(s)`);
} catch (error) {
  if (!(error instanceof KnowledgeInvalidError)) {
    console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  }
  for (const problem of error.problems) console.error(`error: ${formatProblem(problem)}`);
  console.error(`knowledge has ${error.problems.length} error(s); the running bot keeps serving its last good version`);
  process.exit(1);
}
