import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Child process for bar 6: Slack's Web API and response_url endpoints, away from the load generator's event loop.
 * A response_url is /respond/<id>/<sent ms>: each answer's delay after its request is recorded, and an answer that
 * is the rate limit's "slow down" is counted as a refusal, not an answer. GET /stats reads the counts and starts
 * them again, so each phase of the bench reads its own, with the median and 99th percentile of the answers' delays.
 * Charts uploaded with files.uploadV2 are counted too.
 */
let answers = 0;
let refusals = 0;
let late = 0;
let maxDelayMs = 0;
let charts = 0;
let files = 0;
let delays: number[] = [];
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? null;
const server = createServer((req, res) => {
  if (req.url === "/stats") {
    const sorted = delays.sort((a, b) => a - b);
    const p50DelayMs = percentile(sorted, 50);
    const p99DelayMs = percentile(sorted, 99);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ answers, refusals, late, maxDelayMs, p50DelayMs, p99DelayMs, charts }));
    answers = refusals = late = maxDelayMs = charts = 0;
    delays = [];
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const respond = /^\/respond\/\d+\/(\d+)/.exec(req.url ?? "");
    if (respond) {
      const delay = Date.now() - Number(respond[1]);
      maxDelayMs = Math.max(maxDelayMs, delay);
      if (delay > 3000) late++;
      delays.push(delay);
      if (/Slow down a little|请稍慢一点/.test(Buffer.concat(chunks).toString())) refusals++;
      else answers++;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(apiAnswer(req.url ?? "")));
  });
});
/** What files.uploadV2 needs: an upload URL, then a completed file (counted as a chart posted). */
function apiAnswer(url: string): object {
  if (url === "/api/auth.test") return { ok: true, user_id: "U", bot_id: "B", team_id: "T" };
  if (url === "/api/files.getUploadURLExternal") return { ok: true, upload_url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload`, file_id: `F${++files}` };
  if (url === "/api/files.completeUploadExternal") {
    charts++;
    return { ok: true, files: [{ id: `F${files}` }] };
  }
  return { ok: true };
}
server.listen(0, "127.0.0.1", () => console.log(`port ${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => {
  console.log(`answers ${answers} refusals ${refusals} late ${late} maxDelayMs ${maxDelayMs}`);
  process.exit(0);
});
