import pino from "pino";
import { createDiscordClient } from "../../src/adapters/discord/gateway.ts";
import type { KnowledgeSnapshot } from "../../src/core/knowledge/snapshot.ts";
import type { LiveKnowledge } from "../../src/core/knowledge/store.ts";
import { testDispatcher } from "../helpers.ts";
import { InFlight } from "../../src/runtime/in-flight.ts";
import type { ChartSource } from "../../src/adapters/chart-delivery.ts";
import type { Dispatcher } from "../../src/core/dispatch/dispatch.ts";
import { BOT_TOKEN, startDiscordEmulator } from "./discord.ts";

/** The real discord.js client, logged in to the emulator on loopback. */
export async function startDiscordUnderTest(kb: KnowledgeSnapshot | LiveKnowledge, adminRoleIds: string[] = [], options: { dispatcher?: Dispatcher; charts?: ChartSource } = {}) {
  const emulator = await startDiscordEmulator();
  const inFlight = new InFlight();
  const deps = { dispatcher: options.dispatcher ?? testDispatcher(kb), logger: pino({ level: "silent" }), inFlight, adminRoleIds, charts: options.charts };
  const client = createDiscordClient(deps, emulator.apiUrl);
  await client.login(BOT_TOKEN);
  return {
    emulator,
    client,
    inFlight,
    async stop() {
      await inFlight.drain();
      await client.destroy();
      await emulator.close();
    },
  };
}
