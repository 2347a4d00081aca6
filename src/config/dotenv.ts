import { existsSync } from "node:fs";

/** Local development reads .env; real deployments set the environment themselves. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
