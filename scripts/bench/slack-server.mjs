// Child process for the Slack bench: the built bot's Slack app (dist/, as `npm start` runs it) on a free loopback port with
// production's dispatcher (per-user rate limit included), its Web API pointed at the bench's fake.
// Plain JavaScript, run without a TypeScript loader, so its memory and speed are production's.
import pino from "pino";
import { createSlackApp } from "../../dist/src/adapters/slack/app.js";
import { readConfig } from "../../dist/src/config/config.js";
import { KnowledgeStore } from "../../dist/src/core/knowledge/store.js";
import { warmScriptConverters } from "../../dist/src/core/i18n/script.js";
import { composeDispatcher } from "../../dist/src/runtime/compose.js";
import { tuneHeap } from "../../dist/src/runtime/heap.js";
import { InFlight } from "../../dist/src/runtime/in-flight.js";
import { logMemory } from "./memory-log.mjs";

tuneHeap(); // as src/start.ts does
warmScriptConverters(); // as serve() does once ready: the Chinese script converters are part of a serving bot's memory
const [apiUrl, secret] = process.argv.slice(2);
const appConfig = readConfig(process.env);
const knowledge = await KnowledgeStore.open(appConfig.knowledgeDir);
const config = { botToken: "xoxb-bench-token-0000", mode: { kind: "http", signingSecret: secret, port: 0 }, apiUrl, adminUserIds: [] };
const inFlight = new InFlight();
const app = createSlackApp({ config, dispatcher: composeDispatcher(appConfig, knowledge), logger: pino({ level: "warn" }), inFlight });
const server = await app.start({ port: 0, host: "127.0.0.1" });
console.log(`port ${server.address().port}`);
logMemory(() => ({ inFlight: inFlight.size }));
process.on("SIGTERM", () => process.exit(0));
