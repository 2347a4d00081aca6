import fc from "fast-check";
import { makeReply } from "../src/core/reply/reply.ts";

const text = (max: number) => fc.string({ unit: "grapheme", maxLength: max });

/** Replies far larger than any command writes, in both languages: what every surface must still fit into its limits. */
export const hugeReply = fc
  .record({
    title: text(500),
    lead: text(9000),
    fields: fc.array(fc.record({ label: text(400), value: text(3000) }), { maxLength: 40 }),
    rows: fc.array(fc.array(text(80), { minLength: 3, maxLength: 3 }), { maxLength: 400 }),
    notes: fc.array(text(800), { maxLength: 60 }),
    sources: fc.array(fc.record({ title: text(300), ref: fc.webUrl(), asOf: fc.constant("2026-07-24") }), { maxLength: 30 }),
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

/** Command lines whose real answers are checked against a surface's limits. */
export const commandLine = fc
  .tuple(
    fc.constantFrom("/compare", "/cheapest", "/selfhost", "/estimate", "/ask", "/models", "/help"),
    fc.oneof(text(200), fc.constantFrom("gpt-5 deepseek o3 grok 4 kimi k2.5", "编程 vision", "gpt-oss-120b tokens:50B", "")),
  )
  .map(([command, rest]) => `${command} ${rest}`);
