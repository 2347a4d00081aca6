import { ANSWERS_DIR, AnswerCorpusError, loadAnswerCorpus } from "../eval/answer-corpus.ts";
import { answerReportJson, formatAnswerReport } from "../eval/answer-report.ts";
import { loadEvalSnapshot, replayCorpus } from "../eval/answer-run.ts";
import { loadCorpus } from "../eval/corpus.ts";
import { evaluate } from "../eval/evaluate.ts";
import { formatSummary, type Understanding as Label } from "../eval/score.ts";
import { readConfig } from "../src/config/config.ts";
import { labelToRemembered, toLabel } from "../src/core/understand/label.ts";
import { understand } from "../src/core/understand/understand.ts";
import { remember } from "../src/core/understand/follow-up.ts";
import type { RememberedQuestion } from "../src/core/understand/types.ts";

/**
 * npm run eval [-- --json] [-- --show-heldout] [-- --expected] [-- --misses N]
 * The headline: answer-level accuracy of the final replies (eval/answers/, eval/ANSWERS.md). Below it, as a
 * diagnostic, the understander's slot scores on eval/questions.yaml.
 */
const args = process.argv.slice(2);
const json = args.includes("--json");
const showHeldout = args.includes("--show-heldout");
const missesShown = Number(args[args.indexOf("--misses") + 1]) || 40;

let items: ReturnType<typeof loadAnswerCorpus>;
try {
  items = loadAnswerCorpus(ANSWERS_DIR);
} catch (error) {
  if (!(error instanceof AnswerCorpusError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const snapshot = await loadEvalSnapshot(readConfig(process.env).knowledgeDir);
const results = await replayCorpus(items, snapshot);

// the slot-level diagnostic: the understander alone against the labelled questions
const mine = new WeakMap<object, RememberedQuestion>();
const { summary } = evaluate(
  loadCorpus(),
  (line, previous) => {
    const remembered = previous ? (mine.get(previous) ?? labelToRemembered(previous as never)) : null;
    const understood = understand(snapshot, line, { previous: remembered });
    const label = toLabel(understood) as Label;
    mine.set(label, remember(understood));
    return label;
  },
  { previous: args.includes("--expected") ? "expected" : "actual" },
);

if (json) {
  const { misses, ...slots } = summary;
  console.log(JSON.stringify({ answers: answerReportJson(results, { showHeldout }), understanding: { ...slots, misses: misses.length } }, null, 2));
} else {
  console.log(formatAnswerReport(results, { showHeldout }));
  console.log("\nDIAGNOSTIC: UNDERSTANDING (slot scores of eval/questions.yaml, not the answers)\n");
  console.log(formatSummary(summary, missesShown));
}
