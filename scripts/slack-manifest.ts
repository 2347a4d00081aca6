import { writeFile } from "node:fs/promises";
import { commands } from "../commands/index.ts";
import { slackManifest } from "../src/adapters/slack/manifest.ts";
import { loadDotEnv } from "../src/config/dotenv.ts";
import { ConfigError } from "../src/config/env-error.ts";
import { readSlackCommandNaming } from "../src/config/slack.ts";

/**
 * npm run slack:manifest [-- https://your.host/slack/events] rewrites slack/manifest.json from the command registry,
 * with the names SLACK_COMMAND_PREFIX and SLACK_SHORT_COMMANDS choose (the ones the running app registers).
 */
loadDotEnv();
const url = process.argv[2];
const path = new URL("../slack/manifest.json", import.meta.url);
try {
  const manifest = slackManifest(commands, url, readSlackCommandNaming(process.env));
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${path.pathname}${url ? ` for ${url}` : ""}: ${manifest.features.slash_commands.map((c) => c.command).join(" ")}`);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`slack:manifest: ${error.message}`);
  process.exit(1);
}
