import { readConfig, type AppConfig } from "./config.ts";
import { loadDotEnv } from "./dotenv.ts";
import { ConfigError } from "./env-error.ts";

/** A wrong setting ends the process with one line naming it, never a stack trace; anything else is rethrown. */
export function exitOnConfigError(error: unknown): never {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`modelwise: ${error.message}. See .env.example.`);
  process.exit(1);
}

/** .env (local use) then the environment; a wrong setting ends the process with one line naming it. */
export function readConfigOrExit(): AppConfig {
  loadDotEnv();
  try {
    return readConfig(process.env);
  } catch (error) {
    return exitOnConfigError(error);
  }
}
