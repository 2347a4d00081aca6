import { beforeAll, describe, expect, it } from "vitest";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import type { PageTokens, PricedModel } from "../src/core/knowledge/schema.ts";
import type { KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import { pagesAsTokens } from "../src/core/understand/pages.ts";
import { ask, realSnapshot } from "./helpers.ts";

/**
 * Sizes given in pages ("300-page PDFs", "每份合同 200 页") are read as tokens at the knowledge's figure per page,
 * and the answer says it estimated them, with the cost of the same pages sent as images and the figure's source.
 */
let kb: KnowledgeSnapshot;
let perPage: PageTokens;
beforeAll(async () => {
  kb = await realSnapshot();
  perPage = kb.knowledge.pageTokens!;
});

interface AnswerData {
  workload: { inputTokens: number; outputTokens: number; promptTokensPerRequest?: number };
  models: { id: string; cost: number | null }[];
}
const dataOf = (reply: { data: Record<string, unknown> }) => reply.data as unknown as AnswerData;

describe("reading pages", () => {
  it.each([
    ["long pdfs ~300 pages each", 300, false],
    ["a 300-page report", 300, false],
    ["每份合同大约 200 页", 200, false],
    ["we process 10k pages a month", 10_000, true],
    ["每月 2 万页", 20_000, true],
  ])("%s", (text, pages, periodic) => {
    const { read } = pagesAsTokens(text, 500);
    expect(read).toEqual([{ pages, tokens: pages * 500, periodic }]);
  });

  it("leaves a number that is no page count alone, and pages with their tokens said beside them", () => {
    expect(pagesAsTokens("page 3 of gpt-5 docs, 300 tokens", 500).read).toEqual([]);
    expect(pagesAsTokens("each ~3 pages (~2k tokens)", 500).read).toEqual([]);
    expect(pagesAsTokens("每份合同大约 10 页（约 8000 token）", 500).read).toEqual([]);
    expect(pagesAsTokens("500-page contracts of about 400k tokens each", 500).read).toEqual([]);
  });
});

describe("a size in pages is one document's prompt, estimated and sourced", () => {
  it("English: the long-document picks, for prompts of pages × tokens per page", async () => {
    const reply = await ask("long pdfs ~300 pages each, whats the cheapest thing that can eat them");
    expect(reply.ok).toBe(true);
    expect(reply.command).toBe("cheapest");
    expect(dataOf(reply).workload.promptTokensPerRequest).toBe(300 * perPage.text);
    expect(reply.text).toContain(`300 pages ≈ 150K tokens at ~${perPage.text} tokens a page of text`);
    expect(reply.text).toContain("690K");
    expect(reply.sources.some((s) => s.ref === perPage.source && s.asOf === perPage.asOf)).toBe(true);
  });

  it("Traditional Chinese, answered in Traditional", async () => {
    const reply = await ask("每份合同大約 200 頁，用哪個模型最便宜");
    expect(reply.ok).toBe(true);
    expect(dataOf(reply).workload.promptTokensPerRequest).toBe(200 * perPage.text);
    expect(reply.text).toContain("頁數為估算：200 頁 ≈ 10萬 Token");
    expect(reply.text).not.toMatch(/页数|估算：200 页/);
  });
});

describe("pages a month are a monthly volume", () => {
  it("prices 10k pages a month as that many tokens, split at the default ratio", async () => {
    const reply = await ask("we process 10k pages a month with gpt-5 mini, cost?");
    const m = kb.knowledge.models.find((x) => x.id === "gpt-5-mini") as PricedModel;
    expect(isPriced(m)).toBe(true);
    const { inputTokens, outputTokens } = dataOf(reply).workload;
    expect(inputTokens + outputTokens).toBe(10_000 * perPage.text);
    expect(dataOf(reply).models.find((x) => x.id === "gpt-5-mini")?.cost).toBeCloseTo((inputTokens * m.inputPer1M + outputTokens * m.outputPer1M) / 1e6, 6);
    expect(reply.text).toContain("Pages are an estimate");
    // page images are that many times the tokens; their cost may be more (long-context prices), so it says tokens
    expect(reply.text).toContain(`${(perPage.asImage / perPage.text).toFixed(1)}× the tokens`);
    expect(reply.text).not.toMatch(/× the cost/u);
  });
});

describe("pages sized by the asker", () => {
  it.each([
    ["we process 5k PDFs a week, ~20 pages each at ~500 tokens/page, and extract 300 tokens of JSON per PDF. gpt-4.1 mini vs gemini 2.5 flash?", 20 * 500],
    ["每月 3000 份合同，每份 40 页、每页约 600 token，输出 500，deepseek 多少钱", 40 * 600],
  ])("are the pages times each page's tokens, with no planning figure quoted: %s", async (line, prompt) => {
    const reply = await ask(line);
    expect(dataOf(reply).workload.promptTokensPerRequest).toBe(prompt);
    expect(reply.text).not.toMatch(/Pages are an estimate|页数为估算/);
  });
});

describe("scanned pages reach a model as images", () => {
  it.each([
    ["doc extraction pipeline: ~2k contracts/mo, ~40 pages each, need vision (scanned), output ~1k tok json. cheapest thats good enough?", 40, 2000, 1000],
    ["每月 3000 份扫描合同，每份 20 页，输出 800 token，用 gpt-5 mini 多少钱", 20, 3000, 800],
  ])("%s", async (line, pages, requests, out) => {
    const reply = await ask(line);
    expect(dataOf(reply).workload).toMatchObject({
      inputTokens: pages * perPage.asImage * requests,
      outputTokens: out * requests,
      promptTokensPerRequest: pages * perPage.asImage,
    });
    expect(reply.text).toMatch(/scanned pages reach a model as images|扫描页以图像发送给模型/u);
  });
});
