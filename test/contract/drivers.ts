import { answerLine } from "../../src/adapters/cli/session.ts";
import type { KnowledgeSnapshot } from "../../src/core/knowledge/snapshot.ts";
import { commands } from "../../commands/index.ts";
import { modelOptionNames } from "../../src/adapters/discord/options-to-text.ts";
import { interaction } from "../fakes/discord.ts";
import { startDiscordUnderTest } from "../fakes/discord-client.ts";
import { startDiscordHttpUnderTest } from "../fakes/discord-http.ts";
import { RecordingServer } from "../fakes/recorder.ts";
import { testDispatcher } from "../helpers.ts";
import { postSigned, slashCommandBody, startFakeSlack, startSlackUnderTest } from "../fakes/slack.ts";

/** What a person sees on a surface after typing a command: all visible text, and whether it was shown as an error. */
export interface SurfaceAnswer {
  text: string;
  isError: boolean;
}

export interface SurfaceDriver {
  name: string;
  ask(command: string, text: string): Promise<SurfaceAnswer>;
  close(): Promise<void>;
}

export async function terminalDriver(kb: KnowledgeSnapshot): Promise<SurfaceDriver> {
  return {
    name: "terminal",
    async ask(command, text) {
      const reply = await answerLine(testDispatcher(kb), `/${command} ${text}`);
      return { text: reply.text, isError: !reply.ok };
    },
    close: async () => {},
  };
}

interface SlackMessage {
  response_type: string;
  blocks: { text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] }[];
}

export async function slackDriver(kb: KnowledgeSnapshot): Promise<SurfaceDriver> {
  const fake: { api: RecordingServer; baseUrl: string } = await startFakeSlack();
  const slack = await startSlackUnderTest(kb, fake.baseUrl);
  let id = 0;
  return {
    name: "slack",
    async ask(command, text) {
      const path = `/respond/contract-${++id}`;
      const response = await postSigned(slack.url, slashCommandBody(command, text, `${fake.baseUrl}${path}`));
      if (response.status !== 200) throw new Error(`Slack answered ${response.status}`);
      const message = (await fake.api.next(path)).json as SlackMessage;
      const visible = message.blocks.flatMap((b) => [b.text?.text ?? "", ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => e.text)]);
      return { text: visible.join("\n").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"), isError: message.response_type === "ephemeral" };
    },
    async close() {
      await slack.stop();
      await fake.api.close();
    },
  };
}

interface DiscordCallback {
  type: number;
  data?: { flags?: number; embeds?: { title: string; description?: string; fields: { name: string; value: string }[] }[] };
}

/** The options a Discord user would fill in for the same command: models in the model fields, the rest in the text field. */
function discordOptions(command: string, text: string) {
  const spec = commands.find((c) => c.spec.name === command)!.spec;
  const modelFields = modelOptionNames(spec);
  if (modelFields.length) {
    const names = text.split(/\s+/).filter(Boolean);
    return names.map((value, i) => ({ name: modelFields[i]!, type: 3, value }));
  }
  return spec.positional && text ? [{ name: spec.positional.name, type: 3, value: text }] : [];
}

const embedText = (callback: DiscordCallback) =>
  (callback.data?.embeds ?? []).map((e) => [e.title, e.description ?? "", ...e.fields.flatMap((f) => [f.name, f.value])].join("\n")).join("\n");

export async function discordGatewayDriver(kb: KnowledgeSnapshot): Promise<SurfaceDriver> {
  const discord = await startDiscordUnderTest(kb);
  return {
    name: "discord-gateway",
    async ask(command, text) {
      const payload = interaction({ name: command, options: discordOptions(command, text) });
      discord.emulator.dispatch(payload);
      const callback = (await discord.emulator.rest.next(`/api/v10/interactions/${payload.id}/`)).json as DiscordCallback;
      return { text: embedText(callback), isError: callback.data?.flags === 64 };
    },
    close: () => discord.stop(),
  };
}

export async function discordHttpDriver(kb: KnowledgeSnapshot): Promise<SurfaceDriver> {
  const discord = await startDiscordHttpUnderTest(kb);
  return {
    name: "discord-http",
    async ask(command, text) {
      const response = await discord.post(interaction({ name: command, options: discordOptions(command, text) }));
      if (response.status !== 200) throw new Error(`Discord endpoint answered ${response.status}`);
      const callback = (await response.json()) as DiscordCallback;
      return { text: embedText(callback), isError: callback.data?.flags === 64 };
    },
    close: () => discord.stop(),
  };
}
