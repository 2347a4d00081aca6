import { createInterface } from "node:readline/promises";
import type { Dispatcher } from "../../core/dispatch.ts";
import { answerLine, writeChartIfAsked } from "./session.ts";
import { renderTerminal } from "./render-terminal.ts";

const WELCOME = `modelwise — which LLM to use, and what it will cost. Ask in English or Chinese.
Try: /compare gpt-5 deepseek · /cheapest coding · /selfhost gpt-oss-120b · 哪个模型写代码最便宜？ · /help
Type /quit to leave.`;

/** The interactive terminal: the embedded default surface, needing no credentials. */
export async function runRepl(dispatcher: Dispatcher, color: boolean): Promise<void> {
  console.log(WELCOME);
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: "\nmodelwise> " });
  rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (/^[/／]?(quit|exit|退出)$/i.test(trimmed)) break;
    if (trimmed) {
      // the session is one conversation: "and for 1B tokens?" follows the last question
      const reply = await answerLine(dispatcher, trimmed, `terminal:${process.pid}`);
      console.log(`\n${renderTerminal(reply, color)}`);
      const chart = await writeChartIfAsked(reply);
      if (chart) console.log(`\n${chart}`);
    }
    rl.prompt();
  }
  rl.close();
}
