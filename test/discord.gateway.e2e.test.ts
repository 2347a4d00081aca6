import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { GatewayIntentBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../commands/index.ts";
import { APP_ID, BOT_TOKEN, GUILD_ID, interaction, startDiscordEmulator } from "./fakes/discord.ts";
import { startDiscordUnderTest } from "./fakes/discord-client.ts";
import { realSnapshot } from "./helpers.ts";
import { decodePng } from "./png.ts";

let discord: Awaited<ReturnType<typeof startDiscordUnderTest>>;
const ADMIN_ROLE = "1600000000000000001";
beforeAll(async () => {
  discord = await startDiscordUnderTest(await realSnapshot(), [ADMIN_ROLE]);
});
afterAll(async () => {
  await discord?.stop();
});

interface Callback {
  type: number;
  data: {
    embeds?: { title: string; description?: string; fields: { name: string; value: string }[] }[];
    flags?: number;
    allowed_mentions?: unknown;
    choices?: { name: string; value: string }[];
  };
}

async function send(spec: Parameters<typeof interaction>[0]) {
  const payload = interaction(spec);
  const before = discord.emulator.rest.requests.length;
  discord.emulator.dispatch(payload);
  const callback = await discord.emulator.rest.next(`/api/v10/interactions/${payload.id}/`, before);
  return { payload, callback: callback.json as Callback, before };
}

/**
 * What the user ends up seeing: the immediate answer or, when the machine was slow and the answer was deferred
 * (type 5), the edit that follows (or the ephemeral follow-up for a private one). Tests read this, not the timing.
 */
async function answer(spec: Parameters<typeof interaction>[0]): Promise<Callback> {
  const { payload, callback, before } = await send(spec);
  if (callback.type !== 5) return callback;
  const later = await discord.emulator.rest.next(`/api/v10/webhooks/${APP_ID}/${payload.token}`, before, 10_000, (r) => r.method !== "DELETE");
  return { type: 4, data: later.json as Callback["data"] };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const text = (...values: string[]) => values.map((value) => ({ name: `model${values.indexOf(value) + 1}`, type: 3, value }));

describe("discord.js gateway mode against the emulator", () => {
  it("identifies with no privileged intent: servers, their messages and DMs, never message content or members", () => {
    const intents = discord.emulator.identifies[0]!.intents;
    expect(discord.emulator.identifies[0]).toMatchObject({ token: BOT_TOKEN });
    expect(intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages);
    for (const privileged of [GatewayIntentBits.MessageContent, GatewayIntentBits.GuildMembers, GatewayIntentBits.GuildPresences]) expect(intents & privileged).toBe(0);
  });

  it("answers /compare with an embed that can mention no one", async () => {
    // at once, or deferred and then edited when the machine is slow: what the user sees is the same
    const shown = await answer({ name: "compare", options: text("gpt-5", "deepseek") });
    const embed = shown.data.embeds![0]!;
    expect(embed.title).toContain("GPT-5 vs DeepSeek");
    expect(embed.description).toContain("$32.50");
    expect(embed.fields.at(-1)!.name).toBe("Sources");
    expect(shown.data.allowed_mentions).toEqual({ parse: [] });
    expect(shown.data.flags ?? 0).toBe(0);
  });

  it("answers first, then edits in the chart PNG, dark, shown in the embed", async () => {
    const { payload, before } = await send({ name: "compare", options: text("gpt-5", "deepseek") });
    const edit = await discord.emulator.rest.next(`/api/v10/webhooks/${APP_ID}/${payload.token}/messages/`, before, 10_000, (r) => r.method === "PATCH" && r.raw.includes(PNG));
    expect(edit.headers["content-type"]).toMatch(/^multipart\/form-data/);
    expect((edit.json as Callback["data"]).embeds![0]).toMatchObject({ image: { url: "attachment://modelwise-chart.png" } });
    const png = decodePng(edit.raw.subarray(edit.raw.indexOf(PNG)));
    expect(png.width).toBeGreaterThanOrEqual(900);
    expect(png.background.luminance).toBeLessThan(0.2);
  });

  it("answers in Chinese for a zh-CN user and for Chinese text", async () => {
    const byLocale = await answer({ name: "compare", options: text("gpt-5", "deepseek"), locale: "zh-CN" });
    expect(byLocale.data.embeds![0]!.title).toContain("价格对比");
    const byText = await answer({ name: "ask", options: [{ name: "question", type: 3, value: "哪个模型写代码最便宜？" }] });
    expect(byText.data.embeds![0]!.title).toContain("各档位最便宜的模型");
    const zhTw = await answer({ name: "help", locale: "zh-TW" });
    // a zh-TW user is answered in Traditional characters
    expect(zhTw.data.embeds![0]!.title).toContain("該用哪個大模型");
  });

  it("autocompletes model names from the core's model search", async () => {
    const { callback } = await send({ name: "compare", type: 4, options: [{ name: "model1", type: 3, value: "gpt-5", focused: true }] });
    expect(callback.type).toBe(8);
    const choices = callback.data.choices!;
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]).toMatchObject({ value: "gpt-5" });
    expect(choices.every((c) => c.name.length <= 100)).toBe(true);
  });

  it("autocompletes GPUs and Chinese task words", async () => {
    const gpus = await send({
      name: "selfhost",
      type: 4,
      options: [
        { name: "model", type: 3, value: "gpt-oss-120b" },
        { name: "gpu", type: 3, value: "h", focused: true },
      ],
    });
    expect(gpus.callback.data.choices!.map((c) => c.value)).toEqual(expect.arrayContaining(["h100", "h200"]));
    const tasks = await send({ name: "cheapest", type: 4, locale: "zh-CN", options: [{ name: "task", type: 3, value: "", focused: true }] });
    expect(tasks.callback.data.choices!.map((c) => c.name)).toContain("编程");
  });

  it("sends errors only to the asker, localized", async () => {
    const callback = await answer({ name: "compare", options: text("gpt-6"), locale: "zh-CN" });
    expect(callback.data.flags).toBe(64);
    expect(callback.data.embeds![0]!.description).toContain("gpt-6");
    expect(callback.data.embeds![0]!.title).toContain("抱歉");
  });

  it("defers /estimate of a pasted document, then edits the reply", async () => {
    const { payload, callback, before } = await send({
      name: "estimate",
      options: [
        { name: "text", type: 3, value: "Summarize this email for me. ".repeat(200) },
        { name: "n", type: 4, value: 100 },
      ],
    });
    expect(callback.type).toBe(5);
    const edit = await discord.emulator.rest.next(`/api/v10/webhooks/${APP_ID}/${payload.token}/messages/`, before);
    expect(edit.method).toBe("PATCH");
    expect(JSON.stringify(edit.json)).toContain("tokens in your text");
  });

  it("takes structured options: flags, token amounts, numbers", async () => {
    const callback = await answer({
      name: "cheapest",
      options: [
        { name: "task", type: 3, value: "coding" },
        { name: "vision", type: 5, value: true },
        { name: "context", type: 3, value: "1M" },
      ],
    });
    expect(callback.data.embeds![0]!.description).toMatch(/Only models with: context ≥ 1M tokens(,| and) vision/);
  });

  it("keeps /status for members with Manage Server or an admin role", async () => {
    const refused = await answer({ name: "status", locale: "zh-CN" });
    expect(refused.data.flags).toBe(64);
    expect(refused.data.embeds![0]!.description).toContain("仅供机器人管理员使用");
    const manager = await answer({ name: "status", permissions: String(1 << 5) });
    expect(manager.data.embeds![0]!.title).toBe("Knowledge status");
    const roleHolder = await answer({ name: "status", roles: [ADMIN_ROLE] });
    expect(roleHolder.data.embeds![0]!.title).toBe("Knowledge status");
  });

  it("never lets echoed text ping: @everyone stays text and allowed_mentions is empty", async () => {
    const callback = await answer({ name: "models", options: [{ name: "filter", type: 3, value: "@everyone <@&123>" }] });
    expect(callback.data.allowed_mentions).toEqual({ parse: [] });
  });
});

describe("npm run discord:deploy", () => {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const deploy = (env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/discord-deploy.ts"], { cwd: root, env: { PATH: process.env.PATH, ...env } });

  it("registers the localized definitions to one guild, or globally", async () => {
    const emulator = await startDiscordEmulator();
    try {
      const env = { DISCORD_TOKEN: BOT_TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: emulator.apiUrl };
      const guild = await deploy({ ...env, DISCORD_GUILD_ID: GUILD_ID });
      expect(guild.stdout).toContain(`in guild ${GUILD_ID}`);
      const put = await emulator.rest.next(`/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
      expect(put.method).toBe("PUT");
      expect(put.headers.authorization).toBe(`Bot ${BOT_TOKEN}`);
      const definitions = put.json as {
        name: string;
        name_localizations: Record<string, string>;
        description_localizations: Record<string, string>;
        options: { name: string; autocomplete?: boolean }[];
      }[];
      expect(definitions.map((d) => d.name)).toEqual(commands.map((c) => c.spec.name));
      const compare = definitions.find((d) => d.name === "compare")!;
      expect(compare.name_localizations).toEqual({ "zh-CN": "比较", "zh-TW": "比較" });
      expect(compare.description_localizations["zh-CN"]).toContain("比较");
      expect(compare.options.find((o) => o.name === "model1")!.autocomplete).toBe(true);

      await deploy(env);
      expect(emulator.rest.requests.some((r) => r.method === "PUT" && r.path === `/api/v10/applications/${APP_ID}/commands`)).toBe(true);
    } finally {
      await emulator.close();
    }
  });

  it("says which variable is missing", async () => {
    await expect(deploy({ DISCORD_TOKEN: BOT_TOKEN })).rejects.toMatchObject({ stderr: expect.stringContaining("DISCORD_CLIENT_ID") });
  });
});
