import type { AddressInfo } from "node:net";
import pino from "pino";
import { startDiscord } from "../../src/adapters/discord/index.ts";
import type { KnowledgeSnapshot } from "../../src/core/knowledge/snapshot.ts";
import { testDispatcher } from "../helpers.ts";
import { InFlight } from "../../src/runtime/in-flight.ts";
import { ed25519Keys, signDiscord, startDiscordEmulator } from "./discord.ts";

/** The HTTP interactions endpoint on a free loopback port, its REST calls pointed at the emulator. */
export async function startDiscordHttpUnderTest(kb: KnowledgeSnapshot) {
  const emulator = await startDiscordEmulator();
  const keys = ed25519Keys();
  const surface = await startDiscord({
    config: { mode: { kind: "http", publicKey: keys.publicKeyHex, port: 0, token: null }, apiUrl: emulator.apiUrl, adminRoleIds: [] },
    dispatcher: testDispatcher(kb),
    logger: pino({ level: "silent" }),
    inFlight: new InFlight(),
    listen: { port: 0, host: "127.0.0.1" },
  });
  const url = `http://127.0.0.1:${(surface.server!.address() as AddressInfo).port}/interactions`;
  const post = (body: unknown, headers?: Record<string, string>) => {
    const raw = JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    return fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(headers ?? { "x-signature-ed25519": signDiscord(keys.privateKey, timestamp, raw), "x-signature-timestamp": timestamp }) },
      body: raw,
    });
  };
  return {
    emulator,
    keys,
    url,
    post,
    async stop() {
      await surface.stop();
      await emulator.close();
    },
  };
}
