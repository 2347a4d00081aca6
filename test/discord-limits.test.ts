import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DISCORD_LIMITS, renderDiscordMessage } from "../src/adapters/discord/embeds.ts";
import { makeReply, type Reply } from "../src/core/reply/reply.ts";
import { ask } from "./helpers.ts";
import { commandLine, hugeReply } from "./reply-arbitraries.ts";

function expectWithinDiscordLimits(reply: Reply) {
  const message = renderDiscordMessage(reply);
  expect(message.allowed_mentions).toEqual({ parse: [] });
  expect(message.embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const embed of message.embeds) {
    expect(embed.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect((embed.description ?? "").length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(embed.fields.length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const field of embed.fields) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    total += embed.title.length + (embed.description ?? "").length + embed.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.total);
  expect((message.content ?? "").length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  if (message.embeds[0]!.description) expect((message.embeds[0]!.description.match(/```/g) ?? []).length % 2).toBe(0);
}

describe("every Discord rendering fits Discord's embed limits", () => {
  it("for arbitrarily large replies", () => {
    fc.assert(
      fc.property(hugeReply, (r) => expectWithinDiscordLimits(r)),
      { numRuns: 150 },
    );
  });

  it("for real answers to generated input", async () => {
    await fc.assert(
      fc.asyncProperty(commandLine, async (line) => expectWithinDiscordLimits(await ask(line))),
      { numRuns: 150 },
    );
  });

  it("trims a long table with a note and keeps the code block closed", () => {
    const rows = Array.from({ length: 500 }, (_, i) => [`model ${i}`, `$${i}.00`]);
    const message = renderDiscordMessage(makeReply({ command: "models", lang: "zh", title: "t", table: { columns: ["a", "b"], rows, align: ["left", "right"] }, data: {} }));
    const description = message.embeds[0]!.description!;
    expect(description).toContain("已截断");
    expect((description.match(/```/g) ?? []).length % 2).toBe(0);
  });
});
