import { loadCorpus } from "../eval/corpus.ts";
import { evaluate } from "../eval/evaluate.ts";
import { formatSummary, type Understanding as Label } from "../eval/score.ts";
import { readConfig } from "../src/config/config.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { buildSnapshot } from "../src/core/knowledge/snapshot.ts";
import { labelToRemembered, toLabel } from "../src/core/understand/label.ts";
import { remember, understand } from "../src/core/understand/understand.ts";
import type { RememberedQuestion } from "../src/core/understand/types.ts";

/** npm run eval [-- --expected] [-- --misses N]: the understander against the labelled corpus, per slot and overall. */
const args = process.argv.slice(2);
const missesShown = Number(args[args.indexOf("--misses") + 1]) || 40;
const snapshot = buildSnapshot(await loadKnowledge(readConfig(process.env).knowledgeDir));
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
console.log(formatSummary(summary, missesShown));
