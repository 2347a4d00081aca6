import { createInterface } from "node:readline/promises";
import type { Dispatcher } from "../../core/dispatch/dispatch.ts";
import { terminalCompleter } from "./completer.ts";
import { HISTORY_SIZE, openHistory, type History } from "./history.ts";
import { renderTerminal } from "./render-terminal.ts";
import { answerLine, writeChartIfAsked } from "./session.ts";

const WELCOME = `modelwise — which LLM to use, and what it will cost. Ask in English or Chinese.
Try: /compare gpt-5 deepseek · /cheapest coding · /selfhost gpt-oss-120b · 哪个模型写代码最便宜？ · /help
Tab completes commands and model ids; ↑ recalls earlier questions. Type /quit (or Ctrl-C twice) to leave.`;
const AGAIN_TO_EXIT = "(Ctrl-C again to leave, or type /quit)";

export interface ReplOptions {
  color: boolean;
  history?: History;
}

/** The interactive terminal: the embedded default surface, needing no credentials. */
export async function runRepl(dispatcher: Dispatcher, options: ReplOptions): Promise<void> {
  const history = options.history ?? openHistory();
  console.log(WELCOME);
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    prompt: "\nmodelwise> ",
    completer: terminalCompleter(dispatcher),
    history: history.lines,
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
  });
  // Ctrl-C clears what is typed; on an empty line it asks once, and a second one leaves
  let leaving = false;
  rl.on("SIGINT", () => {
    if (rl.line) {
      rl.write(null, { ctrl: true, name: "u" });
      leaving = false;
    } else if (leaving) rl.close();
    else {
      leaving = true;
      process.stdout.write(`\n${AGAIN_TO_EXIT}`);
      rl.prompt();
    }
  });
  rl.prompt();
  for await (const line of rl) {
    leaving = false;
    const trimmed = line.trim();
    if (/^[/／]?(quit|exit|退出)$/i.test(trimmed)) break;
    history.add(line);
    if (trimmed) {
      // the session is one conversation: "and for 1B tokens?" follows the last question
      const reply = await answerLine(dispatcher, trimmed, `terminal:${process.pid}`);
      console.log(`\n${renderTerminal(reply, { color: options.color, columns: process.stdout.columns })}`);
      const chart = await writeChartIfAsked(reply);
      if (chart) console.log(`\n${chart}`);
    }
    rl.prompt();
  }
  rl.close();
}
