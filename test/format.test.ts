import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCount, formatPrice, formatTokens, formatUsd } from "../src/core/reply/format.ts";

describe("money as people read it", () => {
  it.each([
    [0.1, "$0.10"],
    [1.25, "$1.25"],
    [12500, "$12,500.00"],
    [0.0025, "$0.0025"],
    [0.1 + 0.2, "$0.30"],
    [32.5, "$32.50"],
    [0.000000125, "$0.00000013"],
  ])("formatUsd(%d) = %s", (value, text) => {
    expect(formatUsd(value)).toBe(text);
  });

  it("never shows a cost that is not zero as $0.00", () => {
    fc.assert(fc.property(fc.double({ min: 1e-12, max: 0.01, noNaN: true }), (value) => /[1-9]/.test(formatUsd(value))));
  });

  it("writes a value the same however many other values were written before it, and a negative zero as zero", () => {
    const first = formatUsd(1234.5);
    for (let i = 0; i < 5_000; i++) formatUsd(i / 7);
    expect([first, formatUsd(1234.5)]).toEqual(["$1,234.50", "$1,234.50"]);
    expect([formatUsd(-0), formatUsd(0)]).toEqual(["$0.00", "$0.00"]);
  });

  it("keeps the digits a price list states", () => {
    expect(formatPrice(0.125)).toBe("$0.125");
    expect(formatPrice(0.028)).toBe("$0.028");
    expect(formatPrice(10)).toBe("$10.00");
  });

  it("never shows float noise for any sum of prices", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 6 }), (cents) => {
        const value = cents.reduce((sum, c) => sum + c / 1000, 0);
        const digits = formatUsd(value).replace(/^\$|,/g, "").split(".")[1] ?? "";
        return digits.length <= 6 && !/9999|0000\d/.test(digits);
      }),
    );
  });
});

describe("token counts in each language's units", () => {
  it("uses K/M/B in English and 万/亿 in Chinese", () => {
    expect(formatTokens(10_000_000, "en")).toBe("10M tokens");
    expect(formatTokens(10_000_000, "zh")).toBe("1000万 Token");
    expect(formatCount(1_500, "en")).toBe("1.5K");
    expect(formatCount(300_000_000, "zh")).toBe("3亿");
    expect(formatCount(131_072, "en")).toBe("131K");
    expect(formatCount(999, "zh")).toBe("999");
  });

  it("writes an average below the first unit as a whole count, a tenth kept below ten", () => {
    // 150 PRs a week is 642.857… a month
    expect(formatCount((150 * 30) / 7, "en")).toBe("643");
    expect(formatCount((40 * 30) / 7, "zh")).toBe("171");
    expect(formatCount(9_999.6, "zh")).toBe("1万");
    expect(formatCount(2.25, "en")).toBe("2.3");
  });
});
