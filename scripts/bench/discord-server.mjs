// Child process for the Discord bench: the built bot's HTTP interactions server (dist/, as `npm start` runs it) on a
// free loopback port with production's dispatcher (per-user rate limit included), its REST calls pointed at the
// bench's fake Discord API. GET /bench/charts (answered by the probe hook production uses for /healthz) reports the
// chart queue now, its peak and the charts it took and turned away since the last GET /bench/charts?reset.
// Plain JavaScript, run without a TypeScript loader, so its memory and speed are production's.
import pino from "pino";
import { createInteractionsServer } from "../../dist/src/adapters/discord/http-interactions.js";
import { readConfig } from "../../dist/src/config/config.js";
import { KnowledgeStore } from "../../dist/src/core/knowledge/store.js";
import { composeDispatcher } from "../../dist/src/runtime/compose.js";
import { limitHeapGrowth } from "../../dist/src/runtime/heap.js";
import { InFlight } from "../../dist/src/runtime/in-flight.js";

limitHeapGrowth(); // as src/start.ts does
const [apiUrl, publicKeyHex] = process.argv.slice(2);
const appConfig = readConfig(process.env);
const knowledge = await KnowledgeStore.open(appConfig.knowledgeDir);
const logger = pino({ level: "warn" });
const deps = { dispatcher: composeDispatcher(appConfig, knowledge), logger, inFlight: new InFlight(), adminRoleIds: [] };

let peak = 0;
let queued = 0;
let skipped = 0;
const probe = (request, response) => {
  if (request.method !== "GET" || !request.url?.startsWith("/bench/charts")) return false;
  const { size, capacity } = server.charts;
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ size, capacity, peak, queued, skipped, inFlight: deps.inFlight.size }));
  if (request.url === "/bench/charts?reset") {
    peak = size;
    queued = skipped = 0;
  }
  return true;
};

const server = createInteractionsServer(deps, { publicKeyHex, apiUrl, probe });
const push = server.charts.push.bind(server.charts);
server.charts.push = (job) => {
  const accepted = push(job);
  if (accepted) queued++;
  else skipped++;
  peak = Math.max(peak, server.charts.size);
  return accepted;
};
await new Promise((resolve, reject) => server.once("error", reject).listen({ port: 0, host: "127.0.0.1" }, resolve));
console.log(`port ${server.address().port}`);
process.on("SIGTERM", () => process.exit(0));
