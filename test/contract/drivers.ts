import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answerLine, writeChartIfAsked } from "../../src/adapters/cli/session.ts";
import { CHART_THEME } from "../../src/adapters/chart-delivery.ts";
import { discordCommandDefinitions } from "../../src/adapters/discord/definitions.ts";
import { modelOptionNames } from "../../src/adapters/discord/options-to-text.ts";
import type { ChartTheme } from "../../src/charts/render.ts";
import { commands } from "../../commands/index.ts";
import { DEFAULT_COMMAND_PREFIX, DEFAULT_SHORT_COMMANDS } from "../../src/config/slack.ts";
import { APP_ID, interaction } from "../fakes/discord.ts";
import { startDiscordUnderTest } from "../fakes/discord-client.ts";
import { startDiscordHttpUnderTest } from "../fakes/discord-http.ts";
import type { Recorded } from "../fakes/recorder.ts";
import { answerInAck, mentionBody, postSigned, postSignedJson, slashCommandBody, startFakeSlack, startSlackUnderTest } from "../fakes/slack.ts";
import { startSlackSocketUnderTest } from "../fakes/slack-socket.ts";
import type { Harness } from "./harness.ts";

/**
 * What a person sees on a surface after asking: all visible text, whether it was shown as an error (a marked title:
 * red, ⚠), and who can see it. A private answer is not an error: /help is private and fine.
 */
interface SurfaceAnswer {
  text: string;
  isError: boolean;
  visibility: "public" | "private";
}

export interface SurfaceDriver {
  name: string;
  /** answers land where others can see them (a channel): errors and private answers must reach the asker alone */
  shared: boolean;
  /** the chart colours the surface promises */
  theme: ChartTheme;
  ask(command: string, text: string): Promise<SurfaceAnswer>;
  /** Asks, then waits for the chart the answer comes with: the PNG as delivered. */
  chart(command: string, text: string): Promise<Buffer>;
  /** Asks, then waits for the short note the asker is shown after the answer when its chart cannot follow. */
  askThenNote(command: string, text: string): Promise<{ answer: SurfaceAnswer; note: SurfaceAnswer }>;
  /**
   * The next chart upload fails the way the platform fails it (Slack: not_in_channel; Discord: Missing Permissions;
   * the terminal: an unwritable path). Where earlier answers' charts may still be on their way, it waits for them
   * first, so the failure meets the next answer's chart and not a late one from an earlier test.
   */
  failNextUpload(): void | Promise<void>;
  /** A question, then a follow-up in the same conversation; absent where the surface has none (slash commands). */
  followUp?(first: string, second: string): Promise<SurfaceAnswer>;
  close(): Promise<void>;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const hasPng = (request: Recorded) => request.raw.includes(PNG);
const pngIn = (request: Recorded) => request.raw.subarray(request.raw.indexOf(PNG));

export async function terminalDriver(h: Harness): Promise<SurfaceDriver> {
  const dir = await mkdtemp(join(tmpdir(), "modelwise-contract-"));
  let n = 0;
  let unwritable = false;
  const seen = (reply: { text: string; ok: boolean; delivery: { private: boolean } }): SurfaceAnswer => ({
    text: reply.text,
    isError: !reply.ok,
    visibility: reply.delivery.private ? "private" : "public",
  });
  const nextPath = () => {
    const path = unwritable ? join(dir, "no-such-folder", "chart.png") : join(dir, `chart-${++n}.png`);
    unwritable = false;
    return path;
  };
  return {
    name: "terminal",
    shared: false,
    theme: CHART_THEME.terminal,
    ask: async (command, text) => seen(await answerLine(h.dispatcher, `/${command} ${text}`)),
    async chart(command, text) {
      const path = nextPath();
      await writeChartIfAsked(await answerLine(h.dispatcher, `/${command} ${text} chart:${path}`), h.charts);
      return readFile(path);
    },
    async askThenNote(command, text) {
      const reply = await answerLine(h.dispatcher, `/${command} ${text} chart:${nextPath()}`);
      const note = (await writeChartIfAsked(reply, h.charts)) ?? "";
      return { answer: seen(reply), note: { text: note, isError: false, visibility: "private" } };
    },
    failNextUpload() {
      unwritable = true;
    },
    async followUp(first, second) {
      const conversation = `repl:contract-${++n}`;
      await answerLine(h.dispatcher, first, conversation);
      return seen(await answerLine(h.dispatcher, second, conversation));
    },
    close: async () => {},
  };
}

interface SlackMessage {
  text?: string;
  response_type?: string;
  blocks?: { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] }[];
}

function seenOnSlack(message: SlackMessage, visibility: SurfaceAnswer["visibility"]): SurfaceAnswer {
  const blocks = message.blocks ?? [];
  const visible = [message.text ?? "", ...blocks.flatMap((b) => [b.text?.text ?? "", ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => e.text)])];
  const header = blocks.find((b) => b.type === "header")?.text?.text ?? "";
  return { text: visible.join("\n").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"), isError: header.startsWith("⚠"), visibility };
}
const slackResponse = (message: SlackMessage) => seenOnSlack(message, message.response_type === "ephemeral" ? "private" : "public");
const slackPosted = (request: Recorded) => {
  const form = request.json as Record<string, string>;
  return seenOnSlack({ text: form.text, blocks: form.blocks ? JSON.parse(form.blocks) : [] }, request.path.endsWith("postEphemeral") ? "private" : "public");
};

/** Typed the way a Slack user would: the short command where one is installed, else under /modelwise. */
const slackLine = (command: string, text: string) => (DEFAULT_SHORT_COMMANDS.includes(command) ? [command, text] : [DEFAULT_COMMAND_PREFIX, `${command} ${text}`]);

type SlackFake = Awaited<ReturnType<typeof startFakeSlack>>;

/**
 * Slack's slash commands (answered in the acknowledgement, or through response_url when acknowledged first) and
 * @mentions in threads, over HTTP or Socket Mode.
 */
function slackSurface(
  name: string,
  fake: SlackFake,
  /** sends a slash command; resolves with the answer when the acknowledgement carried it */
  slash: (command: string, text: string, responseUrl: string) => Promise<SlackMessage | null>,
  mention: (body: string) => Promise<void>,
  close: () => Promise<void>,
  /** resolves when every answer taken so far is delivered, its chart included */
  settle: () => Promise<void>,
): SurfaceDriver {
  let id = 0;
  const answerAt = async (command: string, text: string) => {
    const path = `/respond/${name.replace(/\W/g, "-")}-${++id}`;
    const [command_, line] = slackLine(command, text);
    const before = fake.api.requests.length;
    const inAck = await slash(command_!, line!, `${fake.baseUrl}${path}`);
    if (inAck) return { path, first: inAck, at: before };
    const first = await fake.api.next(path);
    return { path, first: first.json as SlackMessage, at: fake.api.requests.indexOf(first) + 1 };
  };
  const mentionAnswer = async (text: string, ts: string, threadTs?: string) => {
    const before = fake.api.requests.length;
    await mention(mentionBody(text, { ts, threadTs }));
    return slackPosted(await fake.api.next("/api/chat.post", before));
  };
  return {
    name,
    shared: true,
    theme: CHART_THEME.slack,
    ask: async (command, text) => slackResponse((await answerAt(command, text)).first),
    async chart(command, text) {
      const before = fake.api.requests.length;
      await answerAt(command, text);
      return pngIn(await fake.api.next("/upload/", before));
    },
    async askThenNote(command, text) {
      const { path, first, at } = await answerAt(command, text);
      return { answer: slackResponse(first), note: slackResponse((await fake.api.next(path, at)).json as SlackMessage) };
    },
    async failNextUpload() {
      await settle();
      fake.fail("/api/files.getUploadURLExternal", { slackError: "not_in_channel" });
    },
    async followUp(first, second) {
      const thread = `17000${String(++id).padStart(5, "0")}.000100`;
      await mentionAnswer(first, thread);
      return mentionAnswer(second, `${thread.slice(0, -1)}2`, thread);
    },
    close,
  };
}

export async function slackDriver(h: Harness): Promise<SurfaceDriver> {
  const fake = await startFakeSlack();
  const slack = await startSlackUnderTest(h.kb, fake.baseUrl, {}, { dispatcher: h.dispatcher, charts: h.charts });
  const answerIn = async (response: Response) => {
    if (response.status !== 200) throw new Error(`Slack answered ${response.status}`);
    return answerInAck(await response.text()) as SlackMessage | null;
  };
  return slackSurface(
    "slack HTTP",
    fake,
    async (command, line, responseUrl) => answerIn(await postSigned(slack.url, slashCommandBody(command, line, responseUrl))),
    async (body) => void (await answerIn(await postSignedJson(slack.url, body))),
    async () => {
      await slack.inFlight.drain();
      await slack.stop();
      await fake.api.close();
    },
    () => slack.inFlight.drain(),
  );
}

export async function slackSocketDriver(h: Harness): Promise<SurfaceDriver> {
  const slack = await startSlackSocketUnderTest(h.dispatcher, {}, h.charts);
  return slackSurface(
    "slack Socket Mode",
    slack.fake,
    async (command, line, responseUrl) => {
      const acked = await slack.send("slash_commands", {
        command: `/${command}`,
        text: line,
        user_id: "U1",
        channel_id: "C1",
        team_id: "T1",
        response_url: responseUrl,
        trigger_id: "t",
      });
      // an acknowledgement that is not the answer carries an empty payload
      return typeof acked === "object" && acked !== null && "response_type" in acked ? (acked as SlackMessage) : null;
    },
    async (body) => void slack.send("events_api", JSON.parse(body)),
    () => slack.stop(),
    () => slack.inFlight.drain(),
  );
}

interface DiscordBody {
  content?: string;
  flags?: number;
  embeds?: { title: string; color?: number; description?: string; fields: { name: string; value: string }[] }[];
}

const DEFINITIONS = discordCommandDefinitions(commands);

/**
 * The options a Discord user would fill in for the same command: models in the model fields, key:value as the
 * command's native options (a checkbox for yes/no, one of the offered choices), the rest in its text field.
 */
function discordOptions(command: string, text: string) {
  const spec = commands.find((c) => c.spec.name === command)!.spec;
  const definition = DEFINITIONS.find((d) => d.name === command)!;
  const words: string[] = [];
  const options: { name: string; type: number; value: string | number | boolean }[] = [];
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const typed = /^([a-z][\w-]*):(.+)$/.exec(token);
    if (!typed) {
      words.push(token);
      continue;
    }
    const [, name, value] = typed as unknown as [string, string, string];
    const native = definition.options?.find((o) => o.name === name) as { type: number; choices?: { value: string }[] } | undefined;
    if (!native) throw new Error(`Discord's /${command} has no ${name} option`);
    if (native.type === 5) options.push({ name, type: 5, value: /^(yes|true|on)$/i.test(value) });
    else if (native.choices && !native.choices.some((c) => c.value === value)) throw new Error(`Discord offers no ${value} for ${name}`);
    else options.push({ name, type: native.type, value: native.type === 3 ? value : Number(value) });
  }
  const modelFields = modelOptionNames(spec);
  if (modelFields.length) {
    const names = words
      .join(" ")
      .split(/[\s,]+/)
      .filter(Boolean);
    return [...names.map((value, i) => ({ name: modelFields[i]!, type: 3, value })), ...options];
  }
  return spec.positional && words.length ? [{ name: spec.positional.name, type: 3, value: words.join(" ") }, ...options] : options;
}

const ERROR_COLOR = 0xd64545;
function seenOnDiscord(body: DiscordBody | undefined, direct = false): SurfaceAnswer {
  const embeds = body?.embeds ?? [];
  return {
    text: [body?.content ?? "", ...embeds.map((e) => [e.title, e.description ?? "", ...e.fields.flatMap((f) => [f.name, f.value])].join("\n"))]
      .join("\n")
      .replace(/\\([[\]])/g, "$1"),
    isError: embeds[0]?.color === ERROR_COLOR,
    visibility: direct || (body?.flags ?? 0) & 64 ? "private" : "public",
  };
}

type Emulator = Awaited<ReturnType<typeof startDiscordHttpUnderTest>>["emulator"];

/**
 * A slash command on Discord, gateway or HTTP alike: the answer is the interaction's first response (type 4), or
 * after "thinking…" (type 5) an edit of it, or when private an ephemeral follow-up; the chart is an edit that
 * attaches the PNG; a note about a missing chart is an ephemeral follow-up.
 */
function discordInteractions(
  name: string,
  emulator: Emulator,
  deliver: (payload: ReturnType<typeof interaction>) => Promise<DiscordBody & { type?: number }>,
  close: () => Promise<void>,
  /** resolves when every answer taken so far is delivered, its chart included */
  settle: () => Promise<void>,
): SurfaceDriver {
  const hook = (token: string) => `/api/v10/webhooks/${APP_ID}/${token}`;
  const send = async (command: string, text: string) => {
    const payload = interaction({ name: command, options: discordOptions(command, text) });
    const before = emulator.rest.requests.length;
    const first = await deliver(payload);
    if (first.type !== 5) return { payload, before, answer: seenOnDiscord((first as { data?: DiscordBody }).data) };
    const later = await emulator.rest.next(hook(payload.token), before, 30_000, (r) => r.method !== "DELETE");
    return { payload, before, answer: seenOnDiscord(later.json as DiscordBody) };
  };
  return {
    name,
    shared: true,
    theme: CHART_THEME.discord,
    ask: async (command, text) => (await send(command, text)).answer,
    async chart(command, text) {
      const { payload, before } = await send(command, text);
      return pngIn(await emulator.rest.next(hook(payload.token), before, 30_000, (r) => r.method === "PATCH" && hasPng(r)));
    },
    async askThenNote(command, text) {
      const { payload, before, answer } = await send(command, text);
      const note = await emulator.rest.next(hook(payload.token), before, 30_000, (r) => r.method === "POST" && Boolean((r.json as DiscordBody).content));
      return { answer, note: seenOnDiscord(note.json as DiscordBody) };
    },
    async failNextUpload() {
      await settle();
      emulator.failNext((r) => r.method === "PATCH" && hasPng(r));
    },
    close,
  };
}

export async function discordGatewayDriver(h: Harness): Promise<SurfaceDriver> {
  const discord = await startDiscordUnderTest(h.kb, [], { dispatcher: h.dispatcher, charts: h.charts });
  const { emulator } = discord;
  return discordInteractions(
    "discord gateway",
    emulator,
    async (payload) => {
      const before = emulator.rest.requests.length;
      emulator.dispatch(payload);
      return (await emulator.rest.next(`/api/v10/interactions/${payload.id}/`, before)).json as DiscordBody;
    },
    () => discord.stop(),
    () => discord.inFlight.drain(),
  );
}

export async function discordHttpDriver(h: Harness): Promise<SurfaceDriver> {
  const discord = await startDiscordHttpUnderTest(h.kb, { dispatcher: h.dispatcher, charts: h.charts });
  return discordInteractions(
    "discord HTTP interactions",
    discord.emulator,
    async (payload) => {
      const response = await discord.post(payload);
      if (response.status !== 200) throw new Error(`Discord endpoint answered ${response.status}`);
      return (await response.json()) as DiscordBody;
    },
    () => discord.stop(),
    () => discord.inFlight.drain(),
  );
}

/** Direct messages to the bot on the gateway: answered by a reply, the chart edited into it, notes on it too. */
export async function discordMessagesDriver(h: Harness): Promise<SurfaceDriver> {
  const discord = await startDiscordUnderTest(h.kb, [], { dispatcher: h.dispatcher, charts: h.charts });
  const { emulator } = discord;
  let channel = 310000000000000000n;
  const dm = async (line: string, channelId = String(++channel)) => {
    const before = emulator.rest.requests.length;
    emulator.directMessage(line, { channelId });
    const posted = await emulator.rest.next(`/api/v10/channels/${channelId}/messages`, before, 30_000, (r) => r.method === "POST");
    return { channelId, before, posted, answer: seenOnDiscord(posted.json as DiscordBody, true) };
  };
  const edits = (channelId: string) => `/api/v10/channels/${channelId}/messages/`;
  const settle = () => discord.inFlight.drain();
  return {
    name: "discord messages",
    shared: false,
    theme: CHART_THEME.discord,
    ask: async (command, text) => (await dm(`/${command} ${text}`)).answer,
    async chart(command, text) {
      const { channelId, before } = await dm(`/${command} ${text}`);
      return pngIn(await emulator.rest.next(edits(channelId), before, 30_000, (r) => r.method === "PATCH" && hasPng(r)));
    },
    async askThenNote(command, text) {
      const { channelId, before, answer } = await dm(`/${command} ${text}`);
      const note = await emulator.rest.next(edits(channelId), before, 30_000, (r) => r.method === "PATCH" && Boolean((r.json as DiscordBody).content));
      return { answer, note: seenOnDiscord(note.json as DiscordBody, true) };
    },
    async failNextUpload() {
      await settle();
      emulator.failNext((r) => r.method === "PATCH" && hasPng(r));
    },
    async followUp(first, second) {
      // a DM is one conversation
      const { channelId } = await dm(first);
      return (await dm(second, channelId)).answer;
    },
    close: () => discord.stop(),
  };
}
