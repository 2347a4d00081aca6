import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, ed25519Keys, interaction, signDiscord } from "./fakes/discord.ts";
import { startDiscordHttpUnderTest } from "./fakes/discord-http.ts";
import { realSnapshot } from "./helpers.ts";
import { decodePng } from "./png.ts";

let discord: Awaited<ReturnType<typeof startDiscordHttpUnderTest>>;
beforeAll(async () => {
  discord = await startDiscordHttpUnderTest(await realSnapshot());
});
afterAll(async () => {
  await discord?.stop();
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
interface Callback {
  type: number;
  data?: { embeds: { title: string }[]; allowed_mentions: unknown; flags?: number };
}

/** What the user ends up seeing: the response itself, or after "thinking…" (type 5, a slow machine) the edit that follows. */
async function settled(payload: { token: string }, before: number, callback: Callback): Promise<NonNullable<Callback["data"]>> {
  if (callback.type !== 5) return callback.data!;
  const edit = await discord.emulator.rest.next(`/api/v10/webhooks/${APP_ID}/${payload.token}`, before, 10_000, (r) => r.method !== "DELETE");
  return edit.json as NonNullable<Callback["data"]>;
}

describe("Discord HTTP interactions, verified with Ed25519", () => {
  it("answers PING with PONG", async () => {
    const response = await discord.post({ type: 1, id: "1", application_id: APP_ID, token: "t", version: 1 });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 1 });
  });

  it("answers a command with the same embed as the gateway", async () => {
    const payload = interaction({
      name: "compare",
      options: [
        { name: "model1", type: 3, value: "gpt-5" },
        { name: "model2", type: 3, value: "深度求索" },
      ],
    });
    const before = discord.emulator.rest.requests.length;
    const response = await discord.post(payload);
    const data = await settled(payload, before, (await response.json()) as Callback);
    expect(data.embeds[0]!.title).toContain("价格对比");
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.flags).toBeUndefined();
  });

  it("answers at once, then adds the chart as an attachment by editing the message", async () => {
    const payload = interaction({ name: "cheapest", options: [{ name: "task", type: 3, value: "coding" }] });
    const before = discord.emulator.rest.requests.length;
    // at once (type 4), or deferred (type 5) when the machine is slow: either way the chart is an edit that follows
    const body = (await (await discord.post(payload)).json()) as { type: number };
    expect([4, 5]).toContain(body.type);
    const edit = await discord.emulator.rest.next(`/api/v10/webhooks/${APP_ID}/${payload.token}/messages/`, before, 10_000, (r) => r.raw.includes(PNG));
    expect(edit.method).toBe("PATCH");
    expect(edit.json).toMatchObject({ embeds: [{ image: { url: "attachment://modelwise-chart.png" } }], attachments: [{ filename: "modelwise-chart.png" }] });
    expect(decodePng(edit.raw.subarray(edit.raw.indexOf(PNG))).width).toBeGreaterThanOrEqual(900);
  });

  it("answers autocomplete", async () => {
    const response = await discord.post(interaction({ name: "selfhost", type: 4, options: [{ name: "model", type: 3, value: "gpt-oss", focused: true }] }));
    const body = (await response.json()) as { type: number; data: { choices: { value: string }[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices.map((c) => c.value)).toEqual(expect.arrayContaining(["gpt-oss-120b", "gpt-oss-20b"]));
  });

  it("sends errors privately", async () => {
    const response = await discord.post(interaction({ name: "selfhost", options: [{ name: "model", type: 3, value: "gpt-6" }] }));
    const body = (await response.json()) as { data: { flags: number } };
    expect(body.data.flags).toBe(64);
  });

  it("answers a short /estimate at once, and defers a pasted document, editing the answer in through the REST API", async () => {
    const short = await discord.post(interaction({ name: "estimate", options: [{ name: "text", type: 3, value: "hello world" }] }));
    const answered = (await short.json()) as { type: number };
    expect(answered.type).toBe(4);
    expect(JSON.stringify(answered)).toContain("tokens in your text");
    const payload = interaction({ name: "estimate", options: [{ name: "text", type: 3, value: "hello world ".repeat(400) }] });
    const before = discord.emulator.rest.requests.length;
    const response = await discord.post(payload);
    expect(await response.json()).toEqual({ type: 5 });
    const edit = await discord.emulator.rest.next(`/api/v10/webhooks/${APP_ID}/${payload.token}/messages/`, before);
    expect(edit.method).toBe("PATCH");
    expect(JSON.stringify(edit.json)).toContain("tokens in your text");
  });
});

describe("requests Discord did not sign get 401", () => {
  const body = () => interaction({ name: "compare", options: [{ name: "model1", type: 3, value: "gpt-5" }] });
  const now = () => String(Math.floor(Date.now() / 1000));

  it("a signature from another key", async () => {
    const other = ed25519Keys();
    const raw = body();
    const timestamp = now();
    const response = await discord.post(raw, { "x-signature-ed25519": signDiscord(other.privateKey, timestamp, JSON.stringify(raw)), "x-signature-timestamp": timestamp });
    expect(response.status).toBe(401);
  });

  it("a body changed after signing", async () => {
    const timestamp = now();
    const signature = signDiscord(discord.keys.privateKey, timestamp, JSON.stringify(body()));
    const response = await fetch(discord.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-signature-ed25519": signature, "x-signature-timestamp": timestamp },
      body: JSON.stringify({ ...body(), type: 1 }),
    });
    expect(response.status).toBe(401);
  });

  it("missing headers", async () => {
    expect((await discord.post(body(), {})).status).toBe(401);
    expect((await discord.post({ type: 1 }, { "x-signature-timestamp": now() })).status).toBe(401);
  });

  it("a malformed signature", async () => {
    expect((await discord.post(body(), { "x-signature-ed25519": "zz", "x-signature-timestamp": now() })).status).toBe(401);
  });

  it("forged requests among many at once (checked off the main thread when busy) still get 401, and the signed ones answers", async () => {
    const other = ed25519Keys();
    const statuses = await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const raw = interaction({ name: "models", options: [] });
        const timestamp = now();
        const key = i % 2 ? other.privateKey : discord.keys.privateKey;
        const response = await discord.post(raw, { "x-signature-ed25519": signDiscord(key, timestamp, JSON.stringify(raw)), "x-signature-timestamp": timestamp });
        return response.status;
      }),
    );
    expect(statuses).toEqual(Array.from({ length: 24 }, (_, i) => (i % 2 ? 401 : 200)));
  });
});
