import { runLineMode } from "./adapters/cli/line-mode.ts";
import { runRepl } from "./adapters/cli/repl.ts";
import { readConfigOrExit } from "./config/read-or-exit.ts";
import { composeDispatcher } from "./runtime/compose.ts";
import { limitHeapGrowth } from "./runtime/heap.ts";
import { createLogger } from "./runtime/logger.ts";
import { openKnowledgeOrExit } from "./runtime/startup.ts";

/** The composition root (src/main.ts starts it): reads the configuration once, opens knowledge, starts the configured chat surfaces; with none, the terminal. */
limitHeapGrowth();
const config = readConfigOrExit();
const logger = createLogger(config.logLevel);
const knowledge = await openKnowledgeOrExit(config, logger);
if (config.watchKnowledge) knowledge.watch();

if (config.slack || config.discord) {
  // loaded only for the chat bot, so the terminal starts without Redis, metrics and the platform SDKs
  const { serveChat } = await import("./runtime/serve.ts");
  await serveChat(config, knowledge, logger);
} else {
  const dispatcher = composeDispatcher(config, knowledge, logger, { limited: false });
  if (process.stdin.isTTY) await runRepl(dispatcher, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
  else await runLineMode(dispatcher, process.argv.includes("--json"));
  knowledge.close();
}
