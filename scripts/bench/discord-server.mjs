// Child process for the Discord bench: the built bot's HTTP interactions server (dist/, as `npm start` runs it) on a
// free loopback port with production's dispatcher (per-user rate limit included), its REST calls pointed at the
// bench's fake Discord API. GET /bench/charts (answered by the probe hook production uses for /healthz) reports the
// charts waiting or being drawn now, their peak, the charts taken and turned away since the last ?reset, and the
// answers in flight.
// Plain JavaScript, run without a TypeScript loader, so its memory and speed are production's.
import pino from "pino";
import { chartRenderer } from "../../dist/src/charts/render.js";
import { createInteractionsServer } from "../../dist/src/adapters/discord/http-interactions.js";
import { readConfig } from "../../dist/src/config/config.js";
import { KnowledgeStore } from "../../dist/src/core/knowledge/store.js";
import { warmScriptConverters } from "../../dist/src/core/i18n/script.js";
import { composeDispatcher } from "../../dist/src/runtime/compose.js";
import { tuneHeap } from "../../dist/src/runtime/heap.js";
import { InFlight } from "../../dist/src/runtime/in-flight.js";
import { logMemory } from "./memory-log.mjs";

tuneHeap(); // as src/start.ts does
warmScriptConverters(); // as serve() does once ready: the Chinese script converters are part of a serving bot's memory
const [apiUrl, publicKeyHex] = process.argv.slice(2);
const appConfig = readConfig(process.env);
const knowledge = await KnowledgeStore.open(appConfig.knowledgeDir);
const logger = pino({ level: "warn" });
/** One drawing and 50 waiting: the process renderer's defaults (src/charts/render.ts). */
const CHART_CAPACITY = 51;

// the process's renderer, counted: charts taken (drawn and edited in), turned away (answered with a note instead),
// and the most waiting or being drawn at once
const renderer = chartRenderer();
let pending = 0;
let peak = 0;
let queued = 0;
let skipped = 0;
const charts = {
  canTake: (spec, options) => {
    if (renderer.canTake(spec, options)) return true;
    skipped++;
    return false;
  },
  render: (spec, options) => {
    queued++;
    peak = Math.max(peak, ++pending);
    return renderer
      .render(spec, options)
      .finally(() => pending--)
      .catch((error) => {
        if (error?.code === "charts_busy") {
          queued--;
          skipped++;
        }
        throw error;
      });
  },
};
const inFlight = new InFlight();
const deps = { dispatcher: composeDispatcher(appConfig, knowledge), logger, inFlight, adminRoleIds: [], charts };
const probe = (request, response) => {
  if (request.method !== "GET" || !request.url?.startsWith("/bench/charts")) return false;
  const body = { size: pending, capacity: CHART_CAPACITY, peak, queued, skipped, inFlight: inFlight.size };
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  if (request.url === "/bench/charts?reset") {
    peak = pending;
    queued = skipped = 0;
  }
  return true;
};

const server = createInteractionsServer(deps, { publicKeyHex, apiUrl, probe });
await new Promise((resolve, reject) => server.once("error", reject).listen({ port: 0, host: "127.0.0.1" }, resolve));
console.log(`port ${server.address().port}`);
logMemory(() => ({ inFlight: inFlight.size, charts: pending }));
process.on("SIGTERM", () => process.exit(0));
