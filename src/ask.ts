import { runLineMode } from "./adapters/cli/line-mode.ts";
import { renderTerminal } from "./adapters/cli/render-terminal.ts";
import { answerLine, writeChartIfAsked } from "./adapters/cli/session.ts";
import { readConfigOrExit } from "./config/read-or-exit.ts";
import { replyToJson } from "./core/reply/reply.ts";
import { composeDispatcher } from "./runtime/compose.ts";
import { openKnowledgeOrExit } from "./runtime/startup.ts";

/** `npm run -s ask -- [--json] "<command line>"`: answers once; with no line and piped stdin, one per input line. */
const argv = process.argv.slice(2);
const json = argv.includes("--json");
const line = argv
  .filter((arg) => arg !== "--json")
  .join(" ")
  .trim();
const config = readConfigOrExit();
const knowledge = await openKnowledgeOrExit(config);
const dispatcher = composeDispatcher(config, knowledge, { error: (details, message) => console.error(message, details.err) }, { limited: false });

if (line) {
  const reply = await answerLine(dispatcher, line);
  const chart = await writeChartIfAsked(reply);
  const payload = { ...replyToJson(reply), ...(chart ? { chart } : {}) };
  console.log(json ? JSON.stringify(payload, null, 2) : renderTerminal(reply, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, columns: process.stdout.columns }));
  if (chart && !json) console.log(`\n${chart}`);
  process.exitCode = reply.ok ? 0 : 2;
} else if (!process.stdin.isTTY) {
  await runLineMode(dispatcher, json);
} else {
  console.error('usage: npm run -s ask -- [--json] "/compare gpt-5 deepseek"   (or pipe one command per line)');
  process.exitCode = 64;
}
