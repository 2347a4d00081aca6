import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderSlackBlocks, SLACK_LIMITS } from "../src/adapters/slack/blocks.ts";
import { makeReply, type Reply } from "../src/core/reply/reply.ts";
import { ask } from "./helpers.ts";
import { commandLine, hugeReply } from "./reply-arbitraries.ts";

function expectWithinSlackLimits(reply: Reply) {
  const { blocks, text } = renderSlackBlocks(reply);
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  expect([...text].length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  for (const block of blocks) {
    if (block.type === "header") expect([...block.text.text].length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    if (block.type === "section") {
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      if (block.fields) {
        expect(block.fields.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldsPerSection);
        for (const field of block.fields) expect([...field.text].length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
      }
    }
    if (block.type === "context") expect(block.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
  }
}

describe("every Slack rendering fits Slack's limits", () => {
  it("for arbitrarily large replies", () => {
    fc.assert(
      fc.property(hugeReply, (reply) => expectWithinSlackLimits(reply)),
      { numRuns: 150 },
    );
  });

  it("for real answers to generated input", async () => {
    await fc.assert(
      fc.asyncProperty(commandLine, async (line) => expectWithinSlackLimits(await ask(line))),
      { numRuns: 150 },
    );
  });

  it("trims with a note rather than exceed the block limit", () => {
    const reply = makeReply({ command: "models", lang: "en", title: "many", notes: Array.from({ length: 400 }, (_, i) => `note ${i} ${"x".repeat(1000)}`), data: {} });
    const { blocks } = renderSlackBlocks(reply);
    expect(blocks.length).toBe(SLACK_LIMITS.blocks);
    expect(JSON.stringify(blocks.at(-1))).toContain("trimmed");
  });
});
