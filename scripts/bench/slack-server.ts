import pino from "pino";
import { createSlackApp, startSlackApp } from "../../src/adapters/slack/app.ts";
import { readConfig } from "../../src/config/config.ts";
import { KnowledgeStore } from "../../src/core/knowledge/store.ts";
import { composeDispatcher } from "../../src/runtime/compose.ts";
import { InFlight } from "../../src/runtime/in-flight.ts";

/** Child process for bar 6: the real Bolt app on loopback with production's dispatcher (per-user rate limit included), its Web API pointed at the bench's fake. */
const [port, apiUrl, secret] = process.argv.slice(2) as [string, string, string];
const appConfig = readConfig(process.env);
const knowledge = await KnowledgeStore.open(appConfig.knowledgeDir);
const config = { botToken: "xoxb-bench-token-0000", mode: { kind: "http" as const, signingSecret: secret, port: Number(port) }, apiUrl, adminUserIds: [] };
const app = createSlackApp({ config, dispatcher: composeDispatcher(appConfig, knowledge), logger: pino({ level: "warn" }), inFlight: new InFlight() });
await startSlackApp(app, config, { port: Number(port), host: "127.0.0.1" });
console.log("ready");
process.on("SIGTERM", () => process.exit(0));
