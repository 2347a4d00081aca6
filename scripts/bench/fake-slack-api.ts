import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** Child process for bar 6: Slack's Web API and response_url endpoints, away from the load generator's event loop. */
let answers = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    if (req.url?.startsWith("/respond")) answers++;
    res.writeHead(200, { "content-type": "application/json" }).end(req.url === "/api/auth.test" ? '{"ok":true,"user_id":"U","bot_id":"B","team_id":"T"}' : '{"ok":true}');
  });
});
server.listen(0, "127.0.0.1", () => console.log(`port ${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => {
  console.log(`answers ${answers}`);
  process.exit(0);
});
