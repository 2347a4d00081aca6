import { createPublicKey, verify } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Child process for the Discord bar's peer: a bare signed-request handler, as a minimal hand-written Discord
 * interactions endpoint is: node:http, the body read whole, the Ed25519 signature checked with node:crypto, the JSON
 * parsed, and a fixed message (type 4) sent back. No framework, no replay guard, no answer worked out.
 */
const [publicKeyHex] = process.argv.slice(2) as [string];
const publicKey = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(publicKeyHex, "hex").toString("base64url") }, format: "jwk" });

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    const signature = req.headers["x-signature-ed25519"];
    const timestamp = req.headers["x-signature-timestamp"];
    const valid = typeof signature === "string" && typeof timestamp === "string" && verify(null, Buffer.from(timestamp + body), publicKey, Buffer.from(signature, "hex"));
    if (!valid) return void res.writeHead(401).end("invalid request signature");
    const interaction = JSON.parse(body) as { type: number };
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(interaction.type === 1 ? { type: 1 } : { type: 4, data: { content: "ok" } }));
  });
});
server.listen(0, "127.0.0.1", () => console.log(`port ${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => process.exit(0));
