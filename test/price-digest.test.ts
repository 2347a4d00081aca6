import { describe, expect, it } from "vitest";
import { translator } from "../src/core/i18n/translate.ts";
import { diffPrices } from "../src/core/knowledge/price-diff.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import { buildSnapshot, type KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import { renderPriceDigest } from "../src/core/pricing/price-digest.ts";
import { realSnapshot } from "./helpers.ts";

/** A copy of the snapshot with one model's prices changed (the rest untouched). */
function withPrices(snapshot: KnowledgeSnapshot, id: string, prices: { inputPer1M?: number; outputPer1M?: number; asOf?: string }): KnowledgeSnapshot {
  const models = snapshot.knowledge.models.map((model) => (model.id === id && isPriced(model) ? { ...model, ...prices } : model));
  return buildSnapshot({ ...snapshot.knowledge, models });
}

describe("price digest", () => {
  it("lists the model with its old and new price, in English", async () => {
    const before = await realSnapshot();
    const after = withPrices(before, "gpt-5", { inputPer1M: 1.1, asOf: "2026-12-01" });
    const diff = diffPrices(before, after);
    expect(diff?.moves).toEqual([{ model: "GPT-5", price: "inputPer1M", from: 1.25, to: 1.1, asOf: "2026-12-01" }]);
    const text = renderPriceDigest(translator("en"), diff!);
    expect(text).toBe("Prices changed (USD per 1M tokens):\n• GPT-5 input: $1.25 → $1.10 (as of 2026-12-01)");
  });

  it("writes the same digest in Chinese", async () => {
    const before = await realSnapshot();
    const after = withPrices(before, "gpt-5", { outputPer1M: 12.5 });
    const text = renderPriceDigest(translator("zh"), diffPrices(before, after)!);
    expect(text).toContain("价格有变化");
    expect(text).toMatch(/GPT-5 输出：\$10\.00 → \$12\.50（截至 \d{4}-\d{2}-\d{2}）/);
  });

  it("shows fractions of a cent as the price list states them", async () => {
    const before = await realSnapshot();
    const after = withPrices(before, "gpt-5", { inputPer1M: 1.2345 });
    expect(renderPriceDigest(translator("en"), diffPrices(before, after)!)).toContain("$1.25 → $1.2345");
  });

  it("says nothing when no price changed", async () => {
    const before = await realSnapshot();
    expect(diffPrices(before, buildSnapshot({ ...before.knowledge }))).toBeNull();
  });

  it("names models added and removed", async () => {
    const before = await realSnapshot();
    const gpt5 = before.knowledge.models.find((m) => m.id === "gpt-5")!;
    const others = before.knowledge.models.filter((m) => m.id !== "gpt-5");
    const after = buildSnapshot({ ...before.knowledge, models: [...others, { ...gpt5, id: "gpt-5-next", name: "GPT-5 Next" }] });
    const text = renderPriceDigest(translator("en"), diffPrices(before, after)!);
    expect(text).toContain("GPT-5 Next: new in the price table");
    expect(text).toContain("GPT-5: removed from the price table");
  });

  it("caps a long digest at 15 changes and counts the rest", async () => {
    const before = await realSnapshot();
    const models = before.knowledge.models.map((m) => (isPriced(m) ? { ...m, outputPer1M: m.outputPer1M + 1 } : m));
    const moved = models.filter(isPriced).length;
    expect(moved).toBeGreaterThan(15);
    const lines = renderPriceDigest(translator("en"), diffPrices(before, buildSnapshot({ ...before.knowledge, models }))!).split("\n");
    expect(lines).toHaveLength(1 + 15 + 1);
    expect(lines.at(-1)).toBe(`…and ${moved - 15} more`);
  });
});
