import pino from "pino";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInteractionsServer } from "../src/adapters/discord/http-interactions.ts";
import { ChartRenderer } from "../src/charts/render.ts";
import { InFlight } from "../src/runtime/in-flight.ts";
import type { ProbeHandler } from "../src/runtime/surface.ts";
import { ed25519Keys, interaction, signDiscord, startDiscordEmulator } from "./fakes/discord.ts";
import { startDiscordHttpUnderTest } from "./fakes/discord-http.ts";
import { chartedReply, stubDispatcher } from "./fakes/stub-dispatcher.ts";

let discord: Awaited<ReturnType<typeof startDiscordHttpUnderTest>>;
let stub: ReturnType<typeof stubDispatcher>;
const probe: ProbeHandler = (request, response) => {
  if (request.url !== "/readyz") return false;
  response.writeHead(200).end("ready");
  return true;
};

beforeAll(async () => {
  stub = stubDispatcher();
  discord = await startDiscordHttpUnderTest(null, { dispatcher: stub.dispatcher, probe });
});
afterAll(async () => {
  await discord?.stop();
});

const now = () => Math.floor(Date.now() / 1000);
const reload = () => interaction({ name: "reload", permissions: String(1 << 5) });

describe("signed but stale, future or replayed interactions get 401 and run nothing", () => {
  it.each([
    ["signed 30 days ago", String(now() - 30 * 86_400)],
    ["signed 6 minutes ago", String(now() - 360)],
    ["signed 6 minutes in the future", String(now() + 360)],
    ['with the timestamp "hello"', "hello"],
  ])("a valid signature %s", async (_name, timestamp) => {
    const answered = stub.inputs.length;
    const response = await discord.post(reload(), undefined, timestamp);
    expect(response.status).toBe(401);
    expect(stub.inputs.length).toBe(answered);
  });

  it("an admin /reload replayed three times runs once", async () => {
    const body = JSON.stringify(reload());
    const timestamp = String(now());
    const headers = { "content-type": "application/json", "x-signature-ed25519": signDiscord(discord.keys.privateKey, timestamp, body), "x-signature-timestamp": timestamp };
    const answered = stub.inputs.length;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(discord.url, { method: "POST", headers, body })).status);
    expect(statuses).toEqual([200, 401, 401, 401]);
    expect(stub.inputs.length).toBe(answered + 1);
  });

  it("refuses a body over 64 KB with 413, whether its length is declared or streamed, and runs nothing", async () => {
    const answered = stub.inputs.length;
    const big = JSON.stringify({ ...reload(), padding: "x".repeat(70_000) });
    const timestamp = String(now());
    const headers = { "content-type": "application/json", "x-signature-ed25519": signDiscord(discord.keys.privateKey, timestamp, big), "x-signature-timestamp": timestamp };
    const declared = await fetch(discord.url, { method: "POST", headers, body: big });
    const streamed = await fetch(discord.url, {
      method: "POST",
      headers,
      body: new Blob([big]).stream(),
      duplex: "half",
    } as RequestInit);
    expect([declared.status, streamed.status]).toEqual([413, 413]);
    expect(await streamed.json()).toEqual({ error: "body too large" });
    expect(stub.inputs.length).toBe(answered);
  });

  it("answers readiness probes before anything else", async () => {
    const response = await fetch(`${discord.base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ready");
  });
});

describe("charts are drawn through the renderer's bounded queue", () => {
  it("answers every command at once; beyond the queue, without a chart and with a note, and edits in only the charts it drew", async () => {
    const emulator = await startDiscordEmulator();
    const keys = ed25519Keys();
    const inFlight = new InFlight();
    // one drawing and one waiting: eight different charts asked at once cannot all be taken
    const charts = new ChartRenderer({ concurrency: 1, maxWaiting: 1 });
    const { dispatcher } = stubDispatcher((input) => {
      const reply = chartedReply(input);
      return { ...reply, chart: { ...reply.chart!, title: `Cost for ${input.text}` } };
    });
    const server = createInteractionsServer(
      { dispatcher, logger: pino({ level: "silent" }), inFlight, adminRoleIds: [], charts },
      { publicKeyHex: keys.publicKeyHex, apiUrl: emulator.apiUrl },
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const bodies = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          const raw = JSON.stringify(interaction({ name: "compare", options: [{ name: "model1", type: 3, value: `m${i}` }] }));
          const timestamp = String(now());
          const response = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", "x-signature-ed25519": signDiscord(keys.privateKey, timestamp, raw), "x-signature-timestamp": timestamp },
            body: raw,
          });
          return (await response.json()) as { type: number; data: { embeds: { description?: string }[] } };
        }),
      );
      expect(bodies.every((b) => b.type === 4)).toBe(true);
      const skipped = bodies.filter((b) => b.data.embeds[0]!.description?.includes("Chart skipped"));
      expect(skipped.length).toBeGreaterThan(0);
      await inFlight.drain();
      const edits = emulator.rest.requests.filter((r) => r.method === "PATCH");
      expect(edits.length).toBe(8 - skipped.length);
      expect(charts.stats.rendered).toBe(8 - skipped.length);
    } finally {
      server.close();
      await emulator.close();
    }
  });
});
