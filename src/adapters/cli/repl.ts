import { createInterface } from "node:readline/promises";
import type { KnowledgeSource } from "../../core/knowledge-store.ts";
import { answerLine } from "./session.ts";
import { renderTerminal } from "./render-terminal.ts";

const WELCOME = `modelwise — which LLM to use, and what it will cost. Ask in English or Chinese.
Try: /compare gpt-5 deepseek · /cheapest coding · /selfhost gpt-oss-120b · 哪个模型写代码最便宜？ · /help
Type /quit to leave.`;

/** The interactive terminal: the embedded default surface, needing no credentials. */
export async function runRepl(kb: KnowledgeSource): Promise<void> {
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  console.log(WELCOME);
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: "\nmodelwise> " });
  rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (/^[/／]?(quit|exit|退出)$/i.test(trimmed)) break;
    if (trimmed) console.log(`\n${renderTerminal(await answerLine(kb, trimmed), color)}`);
    rl.prompt();
  }
  rl.close();
}
