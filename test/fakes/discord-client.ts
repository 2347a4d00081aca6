import pino from "pino";
import { createDiscordClient } from "../../src/adapters/discord/gateway.ts";
import type { KnowledgeBase } from "../../src/core/knowledge-base.ts";
import type { KnowledgeSource } from "../../src/core/knowledge-store.ts";
import { asSource } from "../helpers.ts";
import { InFlight } from "../../src/runtime/in-flight.ts";
import { BOT_TOKEN, startDiscordEmulator } from "./discord.ts";

/** The real discord.js client, logged in to the emulator on loopback. */
export async function startDiscordUnderTest(kb: KnowledgeBase | KnowledgeSource, adminRoleIds: string[] = []) {
  const emulator = await startDiscordEmulator();
  const client = createDiscordClient({ knowledge: asSource(kb), logger: pino({ level: "silent" }), inFlight: new InFlight(), adminRoleIds }, emulator.apiUrl);
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
