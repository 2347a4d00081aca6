import type { AddressInfo } from "node:net";
import pino from "pino";
import { startDiscord } from "../../src/adapters/discord/index.ts";
import type { KnowledgeSnapshot } from "../../src/core/knowledge/snapshot.ts";
import { testDispatcher } from "../helpers.ts";
import type { Dispatcher } from "../../src/core/dispatch/dispatch.ts";
import type { ProbeHandler } from "../../src/runtime/surface.ts";
import { InFlight } from "../../src/runtime/in-flight.ts";
import type { ChartSource } from "../../src/adapters/chart-delivery.ts";
import { ed25519Keys, signDiscord, startDiscordEmulator } from "./discord.ts";

/** The HTTP interactions endpoint on a free loopback port, its REST calls pointed at the emulator. */
export async function startDiscordHttpUnderTest(kb: KnowledgeSnapshot | null, options: { dispatcher?: Dispatcher; probe?: ProbeHandler; charts?: ChartSource } = {}) {
  const emulator = await startDiscordEmulator();
  const keys = ed25519Keys();
  const inFlight = new InFlight();
  const surface = await startDiscord({
    config: { mode: { kind: "http", publicKey: keys.publicKeyHex, port: 0, token: null }, apiUrl: emulator.apiUrl, adminRoleIds: [] },
    dispatcher: options.dispatcher ?? testDispatcher(kb!),
    probe: options.probe,
    charts: options.charts,
    logger: pino({ level: "silent" }),
    inFlight,
    listen: { port: 0, host: "127.0.0.1" },
  });
  const base = `http://127.0.0.1:${(surface.server!.address() as AddressInfo).port}`;
  const url = `${base}/interactions`;
  /** Posts an interaction signed now (or at `signedAt`, seconds), or with the headers given. */
  const post = (body: unknown, headers?: Record<string, string>, signedAt?: string) => {
    const raw = JSON.stringify(body);
    const timestamp = signedAt ?? String(Math.floor(Date.now() / 1000));
    return fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(headers ?? { "x-signature-ed25519": signDiscord(keys.privateKey, timestamp, raw), "x-signature-timestamp": timestamp }) },
      body: raw,
    });
  };
  return {
    emulator,
    server: surface.server!,
    inFlight,
    keys,
    base,
    url,
    post,
    async stop() {
      await surface.stop();
      await emulator.close();
    },
  };
}
