import { runLineMode } from "./adapters/cli/line-mode.ts";
import { runRepl } from "./adapters/cli/repl.ts";
import { loadOrExit } from "./adapters/cli/session.ts";
import { readDiscordConfig, startDiscord } from "./adapters/discord/index.ts";
import { readSlackConfig, startSlack } from "./adapters/slack/index.ts";
import { loadDotEnv } from "./config/dotenv.ts";
import { ConfigError } from "./config/env-error.ts";
import { InFlight } from "./runtime/in-flight.ts";
import { createLogger } from "./runtime/logger.ts";
import type { RunningSurface } from "./runtime/surface.ts";

/** Starts the surfaces whose credentials are configured; with none, the terminal. */
loadDotEnv();
const logger = createLogger();
const kb = await loadOrExit(logger);
kb.watch();
const inFlight = new InFlight();
const surfaces: RunningSurface[] = [];

const shared = { knowledge: kb, logger, inFlight };
try {
  const slack = readSlackConfig(process.env);
  const discord = readDiscordConfig(process.env);
  if (slack) surfaces.push(await startSlack({ ...shared, config: slack }));
  if (discord) surfaces.push(await startDiscord({ ...shared, config: discord }));
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
    kb.close();
    await inFlight.drain();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
} else {
  if (process.stdin.isTTY) await runRepl(kb);
  else await runLineMode(kb, process.argv.includes("--json"));
  kb.close();
}
