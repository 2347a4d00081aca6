import { beforeAll, describe, expect, it } from "vitest";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import type { PricedModel } from "../src/core/knowledge/schema.ts";
import type { KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import { ask, realSnapshot } from "./helpers.ts";

/** What a budget buys when a request's size is said: requests a month, computed here from the knowledge's prices. */
let kb: KnowledgeSnapshot;
beforeAll(async () => {
  kb = await realSnapshot();
});

const model = (id: string) => {
  const found = kb.knowledge.models.find((m) => m.id === id);
  if (!found || !isPriced(found)) throw new Error(`no priced model ${id}`);
  return found as PricedModel;
};
const perRequestUsd = (id: string, input: number, output: number) => (input * model(id).inputPer1M + output * model(id).outputPer1M) / 1e6;

describe("a budget with a request's size buys a number of requests", () => {
  it.each([
    [
      "budget is $300/month, ~1.5k in 300 out per request, how many requests can we do on gpt-5 mini vs haiku 4.5?",
      300,
      ["gpt-5-mini", "claude-haiku-4-5"],
      1500,
      300,
      "Requests / month",
    ],
    ["每月预算 2000 元，每次输入 1000 输出 300，deepseek 和 gpt-5 mini 能跑多少次？", 2000, ["deepseek-chat", "gpt-5-mini"], 1000, 300, "每月请求数"],
  ])("%s", async (line, amount, ids, input, output, column) => {
    const reply = await ask(line);
    const data = reply.data as { budgetUsdPerMonth: number; models: { id: string; requestsBought?: number }[] };
    expect(data.models.map((m) => m.id)).toEqual(ids);
    const budgetUsd = line.includes("元") ? amount / kb.knowledge.currency.usdToCny.rate : amount;
    for (const m of data.models) expect(m.requestsBought).toBeCloseTo(budgetUsd / perRequestUsd(m.id, input, output), 6);
    expect(reply.text).toContain(column);
    // the thousand requests a size alone is priced for are no volume of the asker's to fit the budget
    expect(reply.text).not.toMatch(/fits the budget|不超预算/u);
  });
});
