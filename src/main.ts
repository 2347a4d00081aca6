import { runLineMode } from "./adapters/cli/line-mode.ts";
import { runRepl } from "./adapters/cli/repl.ts";
import { loadOrExit } from "./adapters/cli/session.ts";
import { loadDotEnv } from "./config/dotenv.ts";

/** Starts the surfaces whose credentials are configured; with none, the terminal. */
loadDotEnv();
const kb = await loadOrExit();
if (process.stdin.isTTY) await runRepl(kb);
else await runLineMode(kb, process.argv.includes("--json"));
