import { cp, mkdtemp, rm } from "node:fs/promises";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KNOWLEDGE_DIR } from "../helpers.ts";

/** What a test file runs after each test (servers closed, folders removed). */
export type Cleanups = (() => Promise<unknown> | unknown)[];

/** A loopback HTTP server answering with `handler`, closed by the test file's cleanups; its base URL. */
export async function loopbackServer(handler: RequestListener, cleanups: Cleanups): Promise<string> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A copy of the shipped knowledge folder that a test may edit, removed by the test file's cleanups. */
export async function knowledgeCopy(cleanups: Cleanups): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "modelwise-knowledge-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}
