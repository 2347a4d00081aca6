import { replyToJson } from "../../core/reply.ts";
import { runLineMode } from "./line-mode.ts";
import { answerLine, chartWritten, loadOrExit, writeChartIfAsked } from "./session.ts";
import { renderTerminal } from "./render-terminal.ts";

/** `npm run -s ask -- [--json] "<command line>"`: answers once; with no line and piped stdin, one per input line. */
const argv = process.argv.slice(2);
const json = argv.includes("--json");
const line = argv.filter((arg) => arg !== "--json").join(" ").trim();
const kb = await loadOrExit();

if (line) {
  const reply = await answerLine(kb, line);
  const chart = await writeChartIfAsked(line, reply);
  const payload = { ...replyToJson(reply), ...(chart ? { chartPath: chart } : {}) };
  console.log(json ? JSON.stringify(payload, null, 2) : renderTerminal(reply, Boolean(process.stdout.isTTY) && !process.env.NO_COLOR));
  if (chart && !json) console.log(`\n${chartWritten(reply.lang, chart)}`);
  process.exitCode = reply.ok ? 0 : 2;
} else if (!process.stdin.isTTY) {
  await runLineMode(kb, json);
} else {
  console.error('usage: npm run -s ask -- [--json] "/compare gpt-5 deepseek"   (or pipe one command per line)');
  process.exitCode = 64;
}
