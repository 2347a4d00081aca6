import pino from "pino";
import { createDiscordClient } from "../../src/adapters/discord/gateway.ts";
import type { KnowledgeSnapshot } from "../../src/core/knowledge/snapshot.ts";
import type { LiveKnowledge } from "../../src/core/knowledge/store.ts";
import { testDispatcher } from "../helpers.ts";
import { InFlight } from "../../src/runtime/in-flight.ts";
import { BOT_TOKEN, startDiscordEmulator } from "./discord.ts";

/** The real discord.js client, logged in to the emulator on loopback. */
export async function startDiscordUnderTest(kb: KnowledgeSnapshot | LiveKnowledge, adminRoleIds: string[] = []) {
  const emulator = await startDiscordEmulator();
  const client = createDiscordClient({ dispatcher: testDispatcher(kb), logger: pino({ level: "silent" }), inFlight: new InFlight(), adminRoleIds }, emulator.apiUrl);
  await client.login(BOT_TOKEN);
  return {
    emulator,
    client,
    async stop() {
      await client.destroy();
      await emulator.close();
    },
  };
}
