import { describe, expect, it } from "vitest";
import { renderDiscordMessage } from "../src/adapters/discord/embeds.ts";
import { renderSlackBlocks } from "../src/adapters/slack/blocks.ts";
import { makeReply } from "../src/core/reply.ts";

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
