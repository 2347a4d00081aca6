import { writeFile } from "node:fs/promises";
import { commands } from "../commands/index.ts";
import { slackManifest } from "../src/adapters/slack/manifest.ts";

/** npm run slack:manifest [-- https://your.host/slack/events] rewrites slack/manifest.json from the command registry. */
const url = process.argv[2];
const path = new URL("../slack/manifest.json", import.meta.url);
await writeFile(path, `${JSON.stringify(slackManifest(commands, url), null, 2)}\n`);
console.log(`wrote ${path.pathname}${url ? ` for ${url}` : ""}`);
