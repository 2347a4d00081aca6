import { monitorEventLoopDelay } from "node:perf_hooks";
import { commands } from "../../commands/index.ts";
import { loadCorpus } from "../../eval/corpus.ts";
import { readConfig } from "../../src/config/config.ts";
import { createDispatcher } from "../../src/core/dispatch/dispatch.ts";
import { KnowledgeStore } from "../../src/core/knowledge/store.ts";
import { benchPlanSelfhost } from "../../src/core/selfhost/index.ts";
import { understand } from "../../src/core/understand/understand.ts";
import { ms, p99Row, percentile, timeEach } from "./stats.ts";
import type { Row } from "./tokens.ts";

const input = (command: string | null, text: string, user = "hostile") => ({ command, text, user: { id: user }, isAdmin: false, surface: "terminal" as const });

/** The understander on the labelled corpus, the self-host estimator, and the worst event-loop delay under hostile input. */
export async function understandingRows(scale: number): Promise<Row[]> {
  const store = await KnowledgeStore.open(readConfig(process.env).knowledgeDir);
  const snapshot = store.current();
  const questions = loadCorpus()
    .map((q) => q.q)
    .filter((q) => q.length < 500);
  let i = 0;
  const understanding = timeEach(() => understand(snapshot, questions[i++ % questions.length]!), Math.round(20_000 * scale));
  const long = "gpt-5 vs deepseek ".concat("a".repeat(6_000));
  const longSamples = timeEach(() => understand(snapshot, long), 200, 20);
  const selfhost = benchPlanSelfhost(snapshot.knowledge.serving, Math.round(4000 * scale));

  // the hostile mix through the dispatcher, each kind several times, while an ordinary user asks every 5 ms
  const dispatcher = createDispatcher({ commands, knowledge: store });
  const hostile = [
    input("compare", `gpt-5 deepseek ${"x".repeat(6_000)}`),
    input("models", "(".repeat(6_000)),
    input("estimate", "汉".repeat(100_000)),
    input("estimate", "lorem ipsum dolor sit amet ".repeat(190_000)),
    input(null, `how many tokens is this: ${"字".repeat(30_000)}`),
    input("compare", `${"gpt-5 in:1M ".repeat(400)}`),
    input("selfhost", `deepseek gpu:h100 ${"util:50% ".repeat(300)}`),
    input(null, "和".repeat(6_000)),
  ];
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const ordinary: number[] = [];
  let running = true;
  const asker = (async () => {
    while (running) {
      const start = performance.now();
      await dispatcher.answer(input("compare", "gpt-5 deepseek", "ordinary"));
      ordinary.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  delay.enable();
  for (let round = 0; round < Math.max(1, Math.round(3 * scale)); round++) await Promise.all(hostile.map((h) => dispatcher.answer(h)));
  delay.disable();
  running = false;
  await asker;
  store.close();
  const worstDelayMs = delay.max / 1e6;
  const p99 = (s: number[]) => percentile(s, 99);
  return [
    p99Row(`understanding a question, ${questions.length} labelled questions under 500 characters`, understanding),
    {
      figure: "understanding a 6,000-character line (blocks the loop for its whole run)",
      bar: "< 50 ms",
      result: `max ${ms(Math.max(...longSamples))}`,
      peers: "",
      ratio: "",
      met: Math.max(...longSamples) < 50,
    },
    {
      figure: `self-host estimator, every architecture × GPU (${Object.keys(snapshot.knowledge.serving.architectures).length} × ${snapshot.knowledge.serving.gpus.length})`,
      bar: "p99 < 1 ms",
      result: `p99 ${ms(selfhost.p99Ms)}, p50 ${ms(selfhost.p50Ms)}`,
      peers: "",
      ratio: "",
      met: selfhost.p99Ms < 1,
    },
    {
      figure: "worst event-loop delay under the hostile mix (6,000-char names, 5 MB paste, 100K unpunctuated CJK, option floods)",
      bar: "< 50 ms",
      result: `${ms(worstDelayMs)}; an ordinary /compare meanwhile: p99 ${ms(p99(ordinary))} over ${ordinary.length}`,
      peers: "",
      ratio: "",
      met: worstDelayMs < 50,
    },
  ];
}
