import { describe, expect, it } from "vitest";
import { renderDiscordMessage } from "../src/adapters/discord/embeds.ts";
import { renderSlackBlocks } from "../src/adapters/slack/blocks.ts";
import { makeReply } from "../src/core/reply/reply.ts";
import { ask } from "./helpers.ts";

/** What a hostile user can make the bot echo: a title with a right-to-left override and a link in disguise. */
const RLO = "\u202E";
const echoed = makeReply({
  command: "models",
  lang: "en",
  title: `Models matching ${RLO}gnp.exe https://evil.example/login`,
  lead: `No model matches [Reset your password](https://evil.example/login) or <https://evil.example|slack.com>`,
  notes: ["# HEADLINE", `${RLO}txt.evil`],
  data: {},
});

describe("echoed text cannot become a link or reorder itself", () => {
  it("on Slack: no bidi controls anywhere, no live URL in the header or notification, no masked link", () => {
    const { blocks, text } = renderSlackBlocks(echoed);
    const all = JSON.stringify({ blocks, text });
    expect(all).not.toContain(RLO);
    const header = (blocks[0] as { text: { text: string } }).text.text;
    expect(header).not.toMatch(/https?:\/\//);
    expect(header).not.toMatch(/evil\.example/);
    expect(header).toContain("evil․example");
    expect(text).not.toMatch(/https?:\/\/evil/);
    expect(all).not.toContain("<https://evil.example|slack.com>");
  });

  it("on Slack: a model name typed with *bold*, _italics_, ~strike~ or `code` is shown as typed, not formatted", async () => {
    const leadOf = async (line: string) => (renderSlackBlocks(await ask(line)).blocks[1] as { text: { type: string; text: string } }).text;
    for (const line of ["/compare *FREE* deepseek", "/model _gpt-9_", "/model ~gpt-9~", "/compare `gpt-9` gpt-5", "/compare gpt-5 lang:*zh*"]) {
      const lead = await leadOf(line);
      expect(lead.type).toBe("mrkdwn");
      // no marker that opens formatting: at the start of a word, followed by text
      expect(lead.text).not.toMatch(/(^|[\s"'(])[*_~`]\S/);
    }
    expect((await leadOf("/compare *FREE* deepseek")).text).toContain('"∗FREE*"');
    const inWords = makeReply({ command: "model", lang: "en", title: "t", lead: "together_ai/gpt_4o costs 2*3", data: {} });
    expect((renderSlackBlocks(inWords).blocks[1] as { text: { text: string } }).text.text).toBe("together_ai/gpt_4o costs 2*3");
  });

  it("on Discord: no bidi controls, no masked link in the description, no heading", () => {
    const embed = renderDiscordMessage(echoed).embeds[0]!;
    expect(JSON.stringify(embed)).not.toContain(RLO);
    expect(embed.description).not.toMatch(/(?<!\\)\[Reset your password\]\(/);
    expect(embed.description).toContain("\\[Reset your password\\]");
    expect(embed.description).toContain("• \\# HEADLINE");
  });

  it("leaves ordinary answers reading the same", () => {
    const plain = makeReply({ command: "compare", lang: "en", title: "GPT-5 vs DeepSeek V3.2 (gpt-5.1)", lead: "GPT-5 costs $32.50.", data: {} });
    expect((renderSlackBlocks(plain).blocks[0] as { text: { text: string } }).text.text).toBe("GPT-5 vs DeepSeek V3.2 (gpt-5.1)");
    expect(renderDiscordMessage(plain).embeds[0]!.description).toBe("GPT-5 costs $32.50.");
  });
});
