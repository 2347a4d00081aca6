import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderSlackBlocks, SLACK_LIMITS } from "../src/adapters/slack/blocks.ts";
import { makeReply, type Reply } from "../src/core/reply.ts";
import { ask } from "./helpers.ts";

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

const text = (max: number) => fc.string({ unit: "grapheme", maxLength: max });

const hugeReply = fc
  .record({
    title: text(400),
    lead: text(9000),
    fields: fc.array(fc.record({ label: text(100), value: text(3000) }), { maxLength: 30 }),
    rows: fc.array(fc.array(text(60), { minLength: 3, maxLength: 3 }), { maxLength: 400 }),
    notes: fc.array(text(800), { maxLength: 60 }),
    sources: fc.array(fc.record({ title: text(300), ref: fc.webUrl(), asOf: fc.constant("2026-07-24") }), { maxLength: 25 }),
    lang: fc.constantFrom("en" as const, "zh" as const),
  })
  .map((r) =>
    makeReply({
      command: "compare",
      lang: r.lang,
      title: r.title || "t",
      lead: r.lead,
      fields: r.fields,
      table: r.rows.length ? { columns: ["a", "b", "c"], rows: r.rows, align: ["left", "right", "right"] } : null,
      notes: r.notes,
      sources: r.sources,
      data: {},
    }),
  );

describe("every Slack rendering fits Slack's limits", () => {
  it("for arbitrarily large replies", () => {
    fc.assert(fc.property(hugeReply, (reply) => expectWithinSlackLimits(reply)), { numRuns: 150 });
  });

  it("for real answers to generated input", async () => {
    const line = fc.tuple(
      fc.constantFrom("/compare", "/cheapest", "/selfhost", "/estimate", "/ask", "/models", "/help"),
      fc.oneof(text(200), fc.constantFrom("gpt-5 deepseek o3 grok 4 kimi k2.5", "编程 vision", "gpt-oss-120b tokens:50B", "")),
    );
    await fc.assert(
      fc.asyncProperty(line, async ([command, rest]) => expectWithinSlackLimits(await ask(`${command} ${rest}`))),
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
