import { describe, expect, it } from "vitest";
import { utcToday } from "../src/core/dispatch/today.ts";
import { translator } from "../src/core/i18n/translate.ts";
import { pricedModels } from "../src/core/knowledge/snapshot.ts";
import { modelNotes } from "../src/core/pricing/model-notes.ts";
import { Money } from "../src/core/pricing/money.ts";
import { secondSourceNotes } from "../src/core/pricing/price-sources.ts";
import { realSnapshot } from "./helpers.ts";

// what answers write once and reuse must still change when what they depend on does
describe("what an answer reuses", () => {
  it("today's date turns over at midnight UTC, and back when the clock is set back", () => {
    const midnight = Date.UTC(2026, 11, 8);
    expect(utcToday(midnight - 1)).toBe("2026-12-07");
    expect(utcToday(midnight)).toBe("2026-12-08");
    expect(utcToday(midnight - 1)).toBe("2026-12-07");
    expect(utcToday(Date.UTC(2025, 0, 1, 12))).toBe("2025-01-01");
  });

  it("a model's notes are written for the day asked: a deprecation shows from its date on", async () => {
    const snapshot = await realSnapshot();
    const model = snapshot.knowledge.models.find((m) => m.deprecationDate === "2026-05-14")!;
    const t = translator("en");
    const deprecated = (today: string) => modelNotes(snapshot, t, model, today).notes.some((note) => /deprecat|retire/i.test(note));
    expect(deprecated("2026-05-13")).toBe(false);
    expect(deprecated("2026-05-14")).toBe(true);
    expect(deprecated("2026-05-13")).toBe(false);
    expect(modelNotes(snapshot, translator("zh"), model, "2026-05-14").notes.join("")).toMatch(/\p{Script=Han}/u);
  });

  it("lists are written for their items in order and for their kind", () => {
    const t = translator("en");
    expect(t.list(["a", "b", "c"])).toBe("a, b, and c");
    expect(t.list(["c", "b", "a"])).toBe("c, b, and a");
    expect(t.list(["a", "b", "c"], "disjunction")).toBe("a, b, or c");
    expect(translator("zh").list(["a", "b", "c"])).toBe("a、b和c");
    expect(t.list(["a"])).toBe("a");
    expect(t.list([])).toBe("");
  });
});

describe("a price the two sources disagree on", () => {
  it("is told in the language of each answer, however often it was told before", async () => {
    const snapshot = await realSnapshot();
    const model = pricedModels(snapshot).find((m) => m.secondSource?.disagreements.length)!;
    const en = secondSourceNotes(translator("en"), [model]);
    const zh = secondSourceNotes(translator("zh"), [model, model]);
    expect(en).toHaveLength(1);
    expect(zh).toHaveLength(1);
    expect(en[0]).toContain(model.name);
    expect(zh[0]).toMatch(/\p{Script=Han}/u);
    expect(secondSourceNotes(translator("en"), [model])).toEqual(en);
  });
});

describe("a model's list prices as shown", () => {
  it("follow the currency asked for and the rate of the knowledge in hand", async () => {
    const snapshot = await realSnapshot();
    const model = pricedModels(snapshot).find((m) => m.inputPer1M >= 1 && !m.nativeCny)!;
    const currency = snapshot.knowledge.currency;
    const yuan = (rate: number) => new Money("cny", { ...currency, usdToCny: { ...currency.usdToCny, rate } }).price(model, "inputPer1M");
    expect(new Money("usd", currency).price(model, "inputPer1M")).toMatch(/^\$/);
    expect(yuan(7)).toBe(`¥${(model.inputPer1M * 7).toFixed(2)}`);
    expect(yuan(8)).toBe(`¥${(model.inputPer1M * 8).toFixed(2)}`);
    expect(new Money("usd", currency).price(model, "outputPer1M")).not.toBe(new Money("usd", currency).price(model, "inputPer1M"));
  });
});
