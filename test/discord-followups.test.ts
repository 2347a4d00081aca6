import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscordUnderTest } from "./fakes/discord-client.ts";
import { realSnapshot } from "./helpers.ts";

let discord: Awaited<ReturnType<typeof startDiscordUnderTest>>;

beforeAll(async () => {
  discord = await startDiscordUnderTest(await realSnapshot());
});
afterAll(async () => {
  await discord?.stop();
});

interface Posted {
  embeds: { title: string; description?: string; fields: { name: string; value: string }[] }[];
  message_reference?: { message_id: string };
}

async function answerTo(content: string, options: { channelId: string; replyTo?: string }): Promise<Omit<Posted, "id"> & { text: string }> {
  const before = discord.emulator.rest.requests.length;
  const asked = discord.emulator.directMessage(content, options);
  const recorded = await discord.emulator.rest.next(`/api/v10/channels/${options.channelId}/messages`, before);
  const body = (recorded.json ?? JSON.parse(String(recorded.body ?? "{}"))) as Posted;
  expect(body.message_reference?.message_id).toBe(asked);
  const text = body.embeds.map((e) => [e.title, e.description ?? "", ...e.fields.flatMap((f) => [f.name, f.value])].join("\n")).join("\n");
  return { ...body, text };
}

describe("follow-ups on Discord", () => {
  it("answers a direct message, and a reply to that answer follows the question", async () => {
    const first = await answerTo("gpt-5 vs deepseek for 20M in and 5M out", { channelId: "300000000000000001" });
    expect(first.text).toContain("20M input + 5M output tokens");
    // a reply to the bot's answer (its message id as Discord would give it)
    const second = await answerTo("what about claude opus 4.5?", { channelId: "300000000000000001", replyTo: "400000000000000001" });
    expect(second.text).toMatch(/Understood as a follow-up: compare prices, GPT-5, DeepSeek V3\.2 \(deepseek-chat\)[^,]*, and Claude Opus 4\.5/);
    expect(second.text).toContain("20M input + 5M output tokens");
  });

  it("another DM is another conversation", async () => {
    const other = await answerTo("what about claude opus 4.5?", { channelId: "300000000000000002" });
    expect(other.text).not.toContain("follow-up");
  });
});
