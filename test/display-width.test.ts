import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { displayWidth, renderTable } from "../src/core/reply/reply.ts";

/** Characters of every kind a table cell holds: ASCII, ¥ and ×, CJK, fullwidth, combining marks, emoji, joiners. */
const cellCharacter = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0xa0, max: 0x36f }),
  fc.integer({ min: 0x2000, max: 0x206f }),
  fc.integer({ min: 0x3000, max: 0x30ff }),
  fc.integer({ min: 0x4e00, max: 0x9fff }),
  fc.integer({ min: 0xfe00, max: 0xffef }),
  fc.constantFrom(0x1f600, 0x1f1e8, 0x1f1f3, 0x200d, 0xfe0f),
);

describe("table columns line up in a terminal and in a code block", () => {
  it("measures every text as string-width does", () => {
    fc.assert(
      fc.property(fc.array(cellCharacter, { maxLength: 12 }), (codes) => {
        const text = String.fromCodePoint(...codes);
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it("pads Chinese and mixed cells to the same width", () => {
    const table = renderTable({
      columns: ["模型", "费用"],
      rows: [
        ["GPT-5", "$1.25 (¥8.90)"],
        ["深度求索 V3.2", "¥0.28"],
      ],
      align: ["left", "right"],
    });
    const widths = table.split("\n").map((line) => stringWidth(line.trimEnd()));
    expect(new Set(widths.filter((w) => w > 0)).size).toBe(1);
  });
});
