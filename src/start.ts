import { runLineMode } from "./adapters/cli/line-mode.ts";
import { runRepl } from "./adapters/cli/repl.ts";
import { readConfigOrExit } from "./config/read-or-exit.ts";
import { composeDispatcher } from "./runtime/compose.ts";
import { tuneHeap } from "./runtime/heap.ts";
import { createLogger } from "./runtime/logger.ts";
import { openKnowledgeOrExit } from "./runtime/startup.ts";

/** The entry point (src/main.ts starts it): reads the configuration once, then the chat bot for the configured surfaces; with none, the terminal. */
tuneHeap();
const config = readConfigOrExit();
const logger = createLogger(config.logLevel);

if (config.slack || config.discord) {
  // loaded only for the chat bot, so the terminal starts without Redis, metrics and the platform SDKs
  const { serveBot } = await import("./runtime/serve.ts");
  await serveBot(config, logger);
} else {
  const knowledge = await openKnowledgeOrExit(config, logger);
  if (config.watchKnowledge) knowledge.watch();
  const dispatcher = composeDispatcher(config, knowledge, logger, { limited: false });
  if (process.stdin.isTTY) await runRepl(dispatcher, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
  else await runLineMode(dispatcher, process.argv.includes("--json"));
  knowledge.close();
}
