import { describe, expect, it } from "vitest";
import { parseNumber, parsePercent, parseTokenAmount } from "../src/core/dispatch/amounts.ts";

describe("token amounts as people type them", () => {
  it.each([
    ["1500", 1500],
    ["1.5k", 1500],
    ["1.5K", 1500],
    ["10M", 10_000_000],
    ["2B", 2_000_000_000],
    ["1万", 10_000],
    ["3亿", 300_000_000],
    ["2.5万", 25_000],
    ["1,000,000", 1_000_000],
    ["200k tokens", 200_000],
    ["１０M", 10_000_000],
    ["1e9", 1_000_000_000],
    ["1.5e9", 1_500_000_000],
    ["2E+8 tokens", 200_000_000],
  ])("%s → %d", (text, expected) => {
    expect(parseTokenAmount(text)).toBe(expected);
  });

  it.each(["", "abc", "10X", "1,5", "-5", "1.2.3k", "1e9k", "1e40"])("rejects %j", (text) => {
    expect(parseTokenAmount(text)).toBeNull();
  });
});

describe("percentages", () => {
  it.each([
    ["50%", 50],
    ["50", 50],
    ["0.5", 50],
    ["12.5%", 12.5],
    ["100％", 100],
    ["0", 0],
  ])("%s → %d", (text, expected) => {
    expect(parsePercent(text)).toBe(expected);
  });

  it.each(["150%", "abc", "-1"])("rejects %j", (text) => {
    expect(parsePercent(text)).toBeNull();
  });
});

describe("plain numbers", () => {
  it("accepts prices with a currency sign", () => {
    expect(parseNumber("$2.50")).toBe(2.5);
    expect(parseNumber("1.1")).toBe(1.1);
    expect(parseNumber("cheap")).toBeNull();
  });
});
