import { runLineMode } from "./adapters/cli/line-mode.ts";
import { runRepl } from "./adapters/cli/repl.ts";
import { readConfigOrExit } from "./config/read-or-exit.ts";
import { ConfigError } from "./config/env-error.ts";
import { composeDispatcher } from "./runtime/compose.ts";
import { InFlight } from "./runtime/in-flight.ts";
import { createLogger } from "./runtime/logger.ts";
import { openKnowledgeOrExit } from "./runtime/startup.ts";
import type { RunningSurface } from "./runtime/surface.ts";

/** The composition root: reads the configuration once, opens knowledge, starts the configured surfaces; with none, the terminal. */
const config = readConfigOrExit();
const logger = createLogger(config.logLevel);
const knowledge = await openKnowledgeOrExit(config, logger);
knowledge.watch();
const inFlight = new InFlight();
const surfaces: RunningSurface[] = [];

try {
  if (config.slack) {
    const { startSlack } = await import("./adapters/slack/index.ts");
    const dispatcher = composeDispatcher(config, knowledge, logger);
    surfaces.push(await startSlack({ config: config.slack, dispatcher, logger, inFlight }));
  }
  if (config.discord) {
    const { startDiscord } = await import("./adapters/discord/index.ts");
    const dispatcher = composeDispatcher(config, knowledge, logger);
    surfaces.push(await startDiscord({ config: config.discord, dispatcher, logger, inFlight }));
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`modelwise: ${error.message}. See .env.example.`);
  await Promise.allSettled(surfaces.map((s) => s.stop()));
  process.exit(1);
}

if (surfaces.length) {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: inFlight.size }, "stopping: no new work, finishing answers in flight");
    await Promise.allSettled(surfaces.map((s) => s.stop()));
    knowledge.close();
    await inFlight.drain();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
} else {
  const dispatcher = composeDispatcher(config, knowledge, logger, { limited: false });
  if (process.stdin.isTTY) await runRepl(dispatcher, Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
  else await runLineMode(dispatcher, process.argv.includes("--json"));
  knowledge.close();
}
