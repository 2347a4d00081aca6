import { readConfig, type AppConfig } from "./config.ts";
import { loadDotEnv } from "./dotenv.ts";
import { ConfigError } from "./env-error.ts";

/** .env (local use) then the environment; a wrong setting ends the process with one line naming it. */
export function readConfigOrExit(): AppConfig {
  loadDotEnv();
  try {
    return readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`modelwise: ${error.message}. See .env.example.`);
    process.exit(1);
  }
}
