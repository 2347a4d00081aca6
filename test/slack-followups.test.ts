import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directMessageBody, mentionBody, postSignedJson, startFakeSlack, startSlackUnderTest } from "./fakes/slack.ts";
import { realSnapshot } from "./helpers.ts";

let fake: Awaited<ReturnType<typeof startFakeSlack>>;
let slack: Awaited<ReturnType<typeof startSlackUnderTest>>;

beforeAll(async () => {
  fake = await startFakeSlack();
  slack = await startSlackUnderTest(await realSnapshot(), fake.baseUrl);
});
afterAll(async () => {
  await slack?.stop();
  await fake?.api.close();
});

/** What the bot posted for one event: the blocks' text, and where. */
async function answerTo(body: string): Promise<{ text: string; thread: string | undefined; channel: string }> {
  const before = fake.api.requests.length;
  expect((await postSignedJson(slack.url, body)).status).toBe(200);
  const posted = (await fake.api.next("/api/chat.postMessage", before)).json as Record<string, string>;
  const blocks = JSON.parse(posted.blocks!) as { text?: { text: string }; fields?: { text: string }[] }[];
  const text = blocks.flatMap((b) => [b.text?.text ?? "", ...(b.fields ?? []).map((f) => f.text)]).join("\n");
  return { text, thread: posted.thread_ts, channel: posted.channel! };
}

describe("follow-ups on Slack", () => {
  it("a thread remembers the question: 'and for 1B tokens?' changes only the volume", async () => {
    const first = await answerTo(mentionBody("gpt-5 vs deepseek for 20M in and 5M out", { ts: "1700000100.000100" }));
    expect(first.text).toContain("20M input + 5M output tokens");
    const second = await answerTo(mentionBody("and for 1B tokens?", { ts: "1700000101.000100", threadTs: "1700000100.000100" }));
    expect(second.thread).toBe("1700000100.000100");
    expect(second.text).toMatch(/Understood as a follow-up: compare prices, GPT-5 and DeepSeek/);
    expect(second.text).toContain("1B tokens a month");
  });

  it("another thread starts afresh", async () => {
    const other = await answerTo(mentionBody("and for 1B tokens?", { ts: "1700000200.000100" }));
    expect(other.text).not.toContain("follow-up");
  });

  it("direct messages are one conversation: '用H200呢' keeps the model of the self-hosting question", async () => {
    const first = await answerTo(directMessageBody("自建 llama 3.3 70b 用 h100 划算吗", { channel: "D9" }));
    expect(first.channel).toBe("D9");
    expect(first.thread).toBeUndefined();
    expect(first.text).toContain("H100");
    const second = await answerTo(directMessageBody("用H200呢", { channel: "D9" }));
    expect(second.text).toMatch(/按追问理解为：自建与API对比，Llama 3\.3 70B/);
    expect(second.text).toContain("H200");
  });
});
