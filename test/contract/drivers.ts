import { answerLine } from "../../src/adapters/cli/session.ts";
import type { KnowledgeBase } from "../../src/core/knowledge-base.ts";
import { RecordingServer } from "../fakes/recorder.ts";
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

export async function terminalDriver(kb: KnowledgeBase): Promise<SurfaceDriver> {
  return {
    name: "terminal",
    async ask(command, text) {
      const reply = await answerLine(kb, `/${command} ${text}`);
      return { text: reply.text, isError: !reply.ok };
    },
    close: async () => {},
  };
}

interface SlackMessage {
  response_type: string;
  blocks: { text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] }[];
}

export async function slackDriver(kb: KnowledgeBase): Promise<SurfaceDriver> {
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
