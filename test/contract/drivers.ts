import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answerLine, writeChartIfAsked } from "../../src/adapters/cli/session.ts";
import type { KnowledgeSnapshot } from "../../src/core/knowledge/snapshot.ts";
import { commands } from "../../commands/index.ts";
import { modelOptionNames } from "../../src/adapters/discord/options-to-text.ts";
import { DEFAULT_COMMAND_PREFIX, DEFAULT_SHORT_COMMANDS } from "../../src/config/slack.ts";
import { interaction } from "../fakes/discord.ts";
import { startDiscordUnderTest } from "../fakes/discord-client.ts";
import { startDiscordHttpUnderTest } from "../fakes/discord-http.ts";
import type { Recorded, RecordingServer } from "../fakes/recorder.ts";
import { testDispatcher } from "../helpers.ts";
import { mentionBody, postSigned, postSignedJson, slashCommandBody, startFakeSlack, startSlackUnderTest } from "../fakes/slack.ts";
import { startSlackSocketUnderTest } from "../fakes/slack-socket.ts";

/**
 * What a person sees on a surface after asking: all visible text, whether it was shown as an error (a marked title:
 * red, ⚠), and who can see it. A private answer is not an error: /help is private and fine.
 */
export interface SurfaceAnswer {
  text: string;
  isError: boolean;
  visibility: "public" | "private";
}

export interface SurfaceDriver {
  name: string;
  ask(command: string, text: string): Promise<SurfaceAnswer>;
  /** Asks, then waits for the chart the answer comes with: the PNG as delivered. */
  chart(command: string, text: string): Promise<Buffer>;
  /** An @mention of the bot, on surfaces that have them. */
  mention?(text: string): Promise<SurfaceAnswer>;
  close(): Promise<void>;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const pngIn = (request: Recorded) => request.raw.subarray(request.raw.indexOf(PNG));

export async function terminalDriver(kb: KnowledgeSnapshot): Promise<SurfaceDriver> {
  const dir = await mkdtemp(join(tmpdir(), "modelwise-contract-"));
  let n = 0;
  return {
    name: "terminal",
    async ask(command, text) {
      const reply = await answerLine(testDispatcher(kb), `/${command} ${text}`);
      return { text: reply.text, isError: !reply.ok, visibility: reply.delivery.private ? "private" : "public" };
    },
    async chart(command, text) {
      const path = join(dir, `chart-${++n}.png`);
      await writeChartIfAsked(await answerLine(testDispatcher(kb), `/${command} ${text} chart:${path}`));
      return readFile(path);
    },
    close: async () => {},
  };
}

interface SlackMessage {
  response_type?: string;
  blocks: { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] }[];
}

function seenOnSlack(message: SlackMessage, visibility: SurfaceAnswer["visibility"]): SurfaceAnswer {
  const visible = message.blocks.flatMap((b) => [b.text?.text ?? "", ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => e.text)]);
  const header = message.blocks.find((b) => b.type === "header")?.text?.text ?? "";
  return { text: visible.join("\n").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"), isError: header.startsWith("⚠"), visibility };
}

/** Typed the way a Slack user would: the short command where one is installed, else under /modelwise. */
const slackLine = (command: string, text: string) => (DEFAULT_SHORT_COMMANDS.includes(command) ? [command, text] : [DEFAULT_COMMAND_PREFIX, `${command} ${text}`]);

async function slackChart(api: RecordingServer, ask: () => Promise<unknown>): Promise<Buffer> {
  const before = api.requests.length;
  await ask();
  return pngIn(await api.next("/upload/", before));
}

export async function slackDriver(kb: KnowledgeSnapshot): Promise<SurfaceDriver> {
  const fake = await startFakeSlack();
  const slack = await startSlackUnderTest(kb, fake.baseUrl);
  let id = 0;
  const ask = async (command: string, text: string) => {
    const path = `/respond/contract-${++id}`;
    const [slash, line] = slackLine(command, text);
    const response = await postSigned(slack.url, slashCommandBody(slash!, line!, `${fake.baseUrl}${path}`));
    if (response.status !== 200) throw new Error(`Slack answered ${response.status}`);
    const message = (await fake.api.next(path)).json as SlackMessage;
    return seenOnSlack(message, message.response_type === "ephemeral" ? "private" : "public");
  };
  return {
    name: "slack",
    ask,
    chart: (command, text) => slackChart(fake.api, () => ask(command, text)),
    async mention(text) {
      const before = fake.api.requests.length;
      await postSignedJson(slack.url, mentionBody(text));
      const posted = await Promise.race([fake.api.next("/api/chat.postMessage", before), fake.api.next("/api/chat.postEphemeral", before)]);
      const form = posted.json as Record<string, string>;
      return seenOnSlack({ blocks: JSON.parse(form.blocks!) }, posted.path.endsWith("postEphemeral") ? "private" : "public");
    },
    async close() {
      await slack.inFlight.drain();
      await slack.stop();
      await fake.api.close();
    },
  };
}

export async function slackSocketDriver(kb: KnowledgeSnapshot): Promise<SurfaceDriver> {
  const slack = await startSlackSocketUnderTest(testDispatcher(kb));
  const { fake } = slack;
  let id = 0;
  const ask = async (command: string, text: string) => {
    const path = `/respond/socket-contract-${++id}`;
    const [slash, line] = slackLine(command, text);
    slack.send("slash_commands", { command: `/${slash}`, text: line, user_id: "U1", channel_id: "C1", team_id: "T1", response_url: `${fake.baseUrl}${path}`, trigger_id: "t" });
    const message = (await fake.api.next(path)).json as SlackMessage;
    return seenOnSlack(message, message.response_type === "ephemeral" ? "private" : "public");
  };
  return { name: "slack socket mode", ask, chart: (command, text) => slackChart(fake.api, () => ask(command, text)), close: () => slack.stop() };
}

interface DiscordCallback {
  type: number;
  data?: { flags?: number; embeds?: { title: string; color?: number; description?: string; fields: { name: string; value: string }[] }[] };
}

/** The options a Discord user would fill in for the same command: models in the model fields, the rest in the text field. */
function discordOptions(command: string, text: string) {
  const spec = commands.find((c) => c.spec.name === command)!.spec;
  const modelFields = modelOptionNames(spec);
  if (modelFields.length) {
    const names = text.split(/[\s,]+/).filter(Boolean);
    return names.map((value, i) => ({ name: modelFields[i]!, type: 3, value }));
  }
  return spec.positional && text ? [{ name: spec.positional.name, type: 3, value: text }] : [];
}

const ERROR_COLOR = 0xd64545;
function seenOnDiscord(callback: DiscordCallback): SurfaceAnswer {
  const embeds = callback.data?.embeds ?? [];
  return {
    text: embeds
      .map((e) => [e.title, e.description ?? "", ...e.fields.flatMap((f) => [f.name, f.value])].join("\n"))
      .join("\n")
      .replace(/\\([[\]])/g, "$1"),
    isError: embeds[0]?.color === ERROR_COLOR,
    visibility: (callback.data?.flags ?? 0) & 64 ? "private" : "public",
  };
}

/**
 * A deferred answer (type 5: "thinking…") arrives later as an edit of the original message, or, when private, as an
 * ephemeral follow-up: what the user ends up seeing is that message.
 */
async function settled(rest: RecordingServer, token: string, first: DiscordCallback, after: number): Promise<DiscordCallback> {
  if (first.type !== 5) return first;
  const later = await rest.next(`/api/v10/webhooks/`, after, 10_000, (r) => r.path.includes(token) && r.method !== "DELETE");
  const message = later.json as DiscordCallback["data"];
  return { type: 4, data: message };
}

export async function discordGatewayDriver(kb: KnowledgeSnapshot): Promise<SurfaceDriver> {
  const discord = await startDiscordUnderTest(kb);
  const send = async (command: string, text: string) => {
    const payload = interaction({ name: command, options: discordOptions(command, text) });
    const before = discord.emulator.rest.requests.length;
    discord.emulator.dispatch(payload);
    const callback = await discord.emulator.rest.next(`/api/v10/interactions/${payload.id}/`, before);
    return { payload, callback, before };
  };
  return {
    name: "discord-gateway",
    async ask(command, text) {
      const { payload, callback, before } = await send(command, text);
      return seenOnDiscord(await settled(discord.emulator.rest, payload.token, callback.json as DiscordCallback, before));
    },
    chart: async (command, text) => pngIn((await send(command, text)).callback),
    close: () => discord.stop(),
  };
}

export async function discordHttpDriver(kb: KnowledgeSnapshot): Promise<SurfaceDriver> {
  const discord = await startDiscordHttpUnderTest(kb);
  return {
    name: "discord-http",
    async ask(command, text) {
      const payload = interaction({ name: command, options: discordOptions(command, text) });
      const before = discord.emulator.rest.requests.length;
      const response = await discord.post(payload);
      if (response.status !== 200) throw new Error(`Discord endpoint answered ${response.status}`);
      return seenOnDiscord(await settled(discord.emulator.rest, payload.token, (await response.json()) as DiscordCallback, before));
    },
    async chart(command, text) {
      const payload = interaction({ name: command, options: discordOptions(command, text) });
      const before = discord.emulator.rest.requests.length;
      await discord.post(payload);
      return pngIn(await discord.emulator.rest.next(`/api/v10/webhooks/`, before));
    },
    close: () => discord.stop(),
  };
}
