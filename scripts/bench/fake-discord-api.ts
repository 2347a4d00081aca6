import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Child process for the Discord bar: the interaction webhook endpoints of Discord's REST API (as @discordjs/rest calls
 * them under <apiUrl>/v10), away from the load generator's event loop. It counts edits of an original answer that
 * attach a file (a chart) and those that do not (a deferred answer), follow-ups, deletions and anything else, and
 * when the last edit came. GET /stats reads the counts and starts them again, so each phase of the bench reads its own.
 */
const WEBHOOK = /^\/api\/v10\/webhooks\/\d+\/[^/]+(\/messages\/@original)?(\?.*)?$/;
const empty = () => ({ chartEdits: 0, plainEdits: 0, followUps: 0, deletes: 0, unknown: 0, lastEditAt: 0 });
let counts = empty();
let messageId = 1_400_000_000_000_000_000n;

const server = createServer((req, res) => {
  if (req.url === "/stats") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(counts));
    counts = empty();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const route = WEBHOOK.exec(req.url ?? "");
    const original = Boolean(route?.[1]);
    if (route && original && req.method === "PATCH") {
      if (isMultipartWithFile(req.headers["content-type"], Buffer.concat(chunks))) counts.chartEdits++;
      else counts.plainEdits++;
      counts.lastEditAt = Date.now();
    } else if (route && original && req.method === "DELETE") {
      counts.deletes++;
      return void res.writeHead(204).end();
    } else if (route && !original && req.method === "POST") {
      counts.followUps++;
    } else {
      counts.unknown++;
      return void res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ message: "404: Not Found", code: 0 }));
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: String(++messageId), type: 20, content: "", embeds: [], attachments: [] }));
  });
});

/** A chart arrives as multipart/form-data with payload_json and files[0]. */
function isMultipartWithFile(contentType: string | undefined, body: Buffer): boolean {
  return Boolean(contentType?.startsWith("multipart/form-data")) && body.includes('name="files[0]"');
}

server.listen(0, "127.0.0.1", () => console.log(`port ${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => process.exit(0));
