import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDiscordAdmin, type DiscordRequest } from "../src/adapters/discord/interactions.ts";
import { interaction } from "./fakes/discord.ts";
import { startDiscordUnderTest } from "./fakes/discord-client.ts";
import { realSnapshot } from "./helpers.ts";

let discord: Awaited<ReturnType<typeof startDiscordUnderTest>>;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);
beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  discord = await startDiscordUnderTest(await realSnapshot());
});
afterAll(async () => {
  await discord?.stop();
  process.off("unhandledRejection", onRejection);
});

describe("a dropped gateway connection", () => {
  it("is resumed, and the next command is answered", async () => {
    const back = discord.emulator.reconnected();
    discord.emulator.drop();
    await back;
    expect(discord.emulator.identifies.length + discord.emulator.resumes.length).toBeGreaterThanOrEqual(2);
    const payload = interaction({ name: "models", options: [{ name: "filter", type: 3, value: "deepseek" }] });
    const before = discord.emulator.rest.requests.length;
    discord.emulator.dispatch(payload);
    const callback = await discord.emulator.rest.next(`/api/v10/interactions/${payload.id}/`, before);
    expect(JSON.stringify(callback.json)).toContain("DeepSeek");
    expect(rejections).toEqual([]);
  });
});

describe("who counts as the bot's admin on Discord", () => {
  const request = (overrides: Partial<DiscordRequest>): DiscordRequest => ({
    commandName: "status",
    options: [],
    userId: "1",
    roleIds: [],
    permissions: String(1 << 5),
    guildInstalled: true,
    ...overrides,
  });

  it("Manage Server in a server that installed the bot", () => {
    expect(isDiscordAdmin(request({}), [])).toBe(true);
  });

  it("not Manage Server in some server where only the user installed the app (their own server)", () => {
    expect(isDiscordAdmin(request({ guildInstalled: false }), [])).toBe(false);
  });

  it("a configured admin role, anywhere it is held", () => {
    expect(isDiscordAdmin(request({ permissions: "0", guildInstalled: false, roleIds: ["42"] }), ["42"])).toBe(true);
    expect(isDiscordAdmin(request({ permissions: "not a number" }), [])).toBe(false);
  });
});
