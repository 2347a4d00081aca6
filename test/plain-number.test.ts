import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainShapeOf, writePlain } from "../src/core/reply/plain-number.ts";

/** Every fixed-decimal format the answers use (format.ts, money.ts), and a few beyond them. */
const FORMATS: Intl.NumberFormatOptions[] = [
  { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 },
  { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 },
  { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 6 },
  { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  { minimumFractionDigits: 2, maximumFractionDigits: 4 },
  { maximumFractionDigits: 0, useGrouping: true },
  { maximumFractionDigits: 1, useGrouping: true },
  { maximumFractionDigits: 2, useGrouping: false },
  { maximumFractionDigits: 3 },
  {},
];

const asIntlWrites = (options: Intl.NumberFormatOptions, value: number) => {
  const plain = writePlain(value, plainShapeOf(options, "en-US")!);
  return plain === null ? null : [plain, new Intl.NumberFormat("en-US", options).format(value)];
};

describe("numbers written without ICU", () => {
  it.each(FORMATS.map((options) => [JSON.stringify(options), options] as const))("%s: the same text as Intl.NumberFormat", (_, options) => {
    // doubles of every size, values on a rounding tie in decimal (1.005, 2.675), and round trips through cents
    const values = fc.oneof(
      fc.double({ min: -1e15, max: 1e15, noNaN: true }),
      fc.double({ min: -100, max: 100, noNaN: true }),
      fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 1000 + 0.0005),
      fc.integer({ min: 0, max: 99_999_999 }).map((n) => n / 100),
      fc.constantFrom(1.005, 2.675, 0.125, 9.995, 99.995, 999_999.995, 0.000_001, 123_456_789.125, 1e-6, 2 ** 53 - 1),
    );
    fc.assert(
      fc.property(values, (value) => {
        if (Object.is(value, -0)) return;
        const written = asIntlWrites(options, value);
        if (written) expect(written[0]).toBe(written[1]);
      }),
      { numRuns: 20_000 },
    );
  });

  it("leaves to Intl what it cannot write: compact notation, significant digits, other locales and currencies", () => {
    expect(plainShapeOf({ notation: "compact", maximumSignificantDigits: 3 }, "en-US")).toBeNull();
    expect(plainShapeOf({ maximumSignificantDigits: 2 }, "en-US")).toBeNull();
    expect(plainShapeOf({ maximumFractionDigits: 2 }, "zh-CN")).toBeNull();
    expect(plainShapeOf({ style: "currency", currency: "CNY" }, "en-US")).toBeNull();
    expect(plainShapeOf({ style: "percent" }, "en-US")).toBeNull();
  });

  it("hands back what lies outside its range: tiny and huge magnitudes, NaN", () => {
    const shape = plainShapeOf({ maximumFractionDigits: 2 }, "en-US")!;
    expect([writePlain(1e-9, shape), writePlain(1e300, shape), writePlain(Number.NaN, shape), writePlain(Number.POSITIVE_INFINITY, shape)]).toEqual([null, null, null, null]);
  });
});
