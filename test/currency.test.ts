import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KNOWLEDGE_DIR, testDispatcher } from "./helpers.ts";
import { KnowledgeStore } from "../src/core/knowledge/store.ts";
import { formatCny } from "../src/core/pricing/money.ts";
import { ask, realSnapshot } from "./helpers.ts";

describe("prices in yuan", () => {
  it("rounds ¥ to two decimals, keeping more only below a fen", () => {
    expect(formatCny(230.75)).toBe("¥230.75");
    expect(formatCny(0.125 * 7.1)).toBe("¥0.89");
    expect(formatCny(1234567.891)).toBe("¥1,234,567.89");
    expect(formatCny(0.0035)).toBe("¥0.0035");
    expect(formatCny(0)).toBe("¥0.00");
  });

  it("converts at the knowledge's rate and shows the rate with its date", async () => {
    const kb = await realSnapshot();
    const { rate, asOf } = kb.knowledge.currency.usdToCny;
    const reply = await ask("/compare gpt-5 deepseek currency:cny");
    const gpt5 = (reply.data as { models: { id: string; cost: number }[] }).models[0]!;
    expect(reply.text).toContain(formatCny(gpt5.cost * rate));
    expect(reply.text).not.toMatch(/\$32\.50/);
    expect(reply.text).toContain(`¥${rate.toFixed(2)} per US dollar (as of ${asOf})`);
    expect(reply.data).toMatchObject({ currency: "cny", usdToCny: rate, rateAsOf: asOf });
    expect(reply.sources.some((s) => s.asOf === asOf && s.title.includes("exchange rate"))).toBe(true);
  });

  it("shows CNY beside USD in Chinese answers by default, and USD alone in English", async () => {
    const zh = await ask("/cheapest 编程");
    expect(zh.text).toMatch(/\$\d+\.\d{2} \(¥\d+\.\d{2}\)/);
    expect(zh.text).toContain("人民币按 1 美元");
    const en = await ask("/cheapest coding");
    expect(en.text).not.toContain("¥");
    expect((await ask("/cheapest 编程 货币:美元")).text).not.toContain("¥");
    expect((await ask("/estimate hello world currency:both")).text).toMatch(/\(¥0\.\d+\)/);
  });

  it("rejects an unknown currency with a clear error", async () => {
    const reply = await ask("/compare gpt-5 currency:eur");
    expect(reply.ok).toBe(false);
    expect(reply.text).toContain('currency: takes usd, cny or both, not "eur"');
  });

  it("uses a provider's own yuan price list instead of a conversion, and says so", async () => {
    const dir = await mkdtemp(join(tmpdir(), "modelwise-cny-"));
    try {
      await cp(KNOWLEDGE_DIR, dir, { recursive: true });
      const path = join(dir, "models.yaml");
      const models = await readFile(path, "utf8");
      await writeFile(
        path,
        models.replace(
          "  - id: deepseek-chat\n",
          "  - id: deepseek-chat\n    nativeCny: {inputPer1M: 2, outputPer1M: 3, cachedInputPer1M: 0.2, source: https://api-docs.deepseek.com/zh-cn/quick_start/pricing, asOf: 2026-07-01}\n",
        ),
      );
      const store = await KnowledgeStore.open(dir, { now: () => new Date("2026-11-28T12:00:00Z") });
      const reply = await testDispatcher(store).answer({ command: "compare", text: "deepseek currency:cny in:1M out:1M", user: { id: "u" }, isAdmin: false, surface: "test" });
      expect(reply.text).toContain("¥2.00");
      expect(reply.text).toContain("¥5.00");
      expect(reply.text).toContain("the provider's own yuan prices, not a conversion");
      expect(reply.sources.some((s) => s.ref.includes("api-docs.deepseek.com"))).toBe(true);
      store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
