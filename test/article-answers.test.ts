import { beforeAll, describe, expect, it } from "vitest";
import { formatPrice, formatRatio } from "../src/core/reply/format.ts";
import { isPriced } from "../src/core/knowledge/kinds.ts";
import type { PricedModel } from "../src/core/knowledge/schema.ts";
import type { KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import type { Reply } from "../src/core/reply/reply.ts";
import { ask, realSnapshot } from "./helpers.ts";

/** "What does the article say about <model>, and does it still hold?": the model's own section, cited, beside today's price. */
let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = await realSnapshot();
});

const priced = (id: string) => {
  const model = snapshot.resolver.exact(id);
  if (!model || !isPriced(model)) throw new Error(`${id} is not priced in the knowledge`);
  return model as PricedModel;
};
const sectionRefs = (reply: Reply) => reply.sources.map((s) => s.ref).filter((ref) => ref.startsWith("knowledge/articles/"));
const field = (reply: Reply, label: string) => reply.fields.find((f) => f.label.includes(label))?.value ?? "";

describe("article questions about a model", () => {
  it.each([
    ["what does the article say about gemini flash pricing?", "The article's “gemini flash” is Gemini 2.0 Flash."],
    ["文章怎么评价 gemini flash 的价格", "文章里的“gemini flash”是 Gemini 2.0 Flash。"],
  ])("a family's shorthand is the member the article names: %s", async (line, said) => {
    const reply = await ask(line);
    expect(reply.text).toContain(said);
    expect(sectionRefs(reply)).toContain("knowledge/articles/2026-llm-token-cost-ranking.md#the-balanced-powerhouses");
    expect((reply.data.models as { id: string }[]).map((m) => m.id)).toEqual(["gemini-2.0-flash"]);
    // the understood line names the model the answer is about, not the family's newest member
    expect(reply.text).toMatch(/(?:Understood: what the article says|理解为：文章的观点), Gemini 2\.0 Flash|理解为：文章的观点，Gemini 2\.0 Flash/u);
    expect(reply.text).not.toContain("Gemini 3.5 Flash");
  });

  it("DeepSeek's price: the article's own words from its section, today's price with its date, and whether it still holds", async () => {
    const reply = await ask("what does the article say about deepseek's price? does it still hold?");
    const deepseek = priced("deepseek-chat");
    const claim = deepseek.articleClaim!;
    expect(reply.ok).toBe(true);
    expect(reply.text).toContain("DeepSeek continues to disrupt the market with its aggressively priced API.");
    expect(reply.text).toContain(claim.quote);
    expect(sectionRefs(reply)).toContain("knowledge/articles/2026-llm-token-cost-ranking.md#the-ultra-low-cost-leaders");
    expect(field(reply, "Today's price")).toContain(formatPrice(deepseek.inputPer1M));
    expect(field(reply, "Today's price")).toContain(deepseek.asOf);
    const holds = field(reply, "still hold");
    expect(holds).toMatch(/^No: .* costs more today/);
    expect(holds).toContain(formatRatio(deepseek.inputPer1M / claim.inputPer1M.max, "en"));
    expect(reply.sources.some((s) => s.asOf === deepseek.asOf && /price map/i.test(s.title))).toBe(true);
  });

  it("what GPT-5 is good for: the article's 'Best For' line from the Premium section, and that it is cheaper today", async () => {
    const reply = await ask("what is gpt-5 good for according to the article, and does it still hold?");
    const gpt5 = priced("gpt-5");
    expect(reply.text).toContain("Best For: Critical decision making, creative writing, complex coding tasks.");
    expect(sectionRefs(reply)).toEqual(["knowledge/articles/2026-llm-token-cost-ranking.md#the-premium-frontier"]);
    expect(field(reply, "still hold")).toContain(`cheaper today, ${formatPrice(gpt5.inputPer1M)}`);
    expect(field(reply, "still hold")).toContain(formatRatio(gpt5.articleClaim!.inputPer1M.min / gpt5.inputPer1M, "en"));
  });

  it("中文：文章怎么说 deepseek 的价格，现在还成立吗", async () => {
    const reply = await ask("文章里说 deepseek 多少钱？现在还是这样吗");
    const deepseek = priced("deepseek-chat");
    expect(reply.lang).toBe("zh");
    expect(reply.text).toContain("DeepSeek继续以其极具侵略性的API定价颠覆市场。");
    expect(reply.text).toContain(deepseek.articleClaim!.quoteZh);
    expect(sectionRefs(reply)).toContain("knowledge/articles/2026-llm-token-cost-ranking.md#the-ultra-low-cost-leaders");
    expect(field(reply, "今天的价格")).toContain(formatPrice(deepseek.inputPer1M));
    expect(field(reply, "现在还成立吗")).toMatch(/^不成立：.*今天更贵/);
    // how many times, said as Chinese says it
    expect(field(reply, "现在还成立吗")).toContain(formatRatio(deepseek.inputPer1M / deepseek.articleClaim!.inputPer1M.max, "zh"));
    expect(field(reply, "现在还成立吗")).not.toContain("×");
    expect(reply.text).not.toMatch(/\b(?:today|still|costs)\b/);
  });

  it("中文：文章说 GPT-5 适合做什么", async () => {
    const reply = await ask("文章说 gpt-5 适合做什么？现在还对吗");
    expect(reply.text).toContain("适用场景: 关键决策，创意写作，复杂编码任务。");
    expect(sectionRefs(reply)).toEqual(["knowledge/articles/2026-llm-token-cost-ranking.md#the-premium-frontier"]);
    expect(field(reply, "现在还成立吗")).toMatch(/^不成立：GPT-5 今天更便宜/);
  });

  it("a family word finds the member the article names, and a model priced nowhere says it cannot be checked", async () => {
    const reply = await ask("what does the article say about claude?");
    expect(reply.title).toContain("Claude 3.5 Opus");
    expect(sectionRefs(reply)).toContain("knowledge/articles/2026-llm-token-cost-ranking.md#the-premium-frontier");
    expect(field(reply, "still hold")).toMatch(/^It cannot be checked: no price list carries Claude 3\.5 Opus/);
  });

  it("a model the article does not name is said to be unnamed, with today's price, not an unrelated section", async () => {
    const reply = await ask("what does the article say about llama 3.3 70b?");
    expect(reply.text).toContain("The article does not name Llama 3.3 70B");
    expect(sectionRefs(reply)).toEqual([]);
    expect(field(reply, "Today's price")).toContain(formatPrice(priced("llama-3.3-70b").inputPer1M));
  });

  it.each([
    ["give me the tl;dr of the article", "en"],
    ["这篇文章主要讲了什么？", "zh"],
    ["what does the article say?", "en"],
    ["那篇文章的重点是什么？帮我简单讲一下", "zh"],
    ["文章的核心观点是什么", "zh"],
  ])("a summary of the article (%s) is its introduction and conclusion, in its own words", async (question, lang) => {
    const reply = await ask(question);
    expect(reply.lang).toBe(lang);
    expect(sectionRefs(reply)).toEqual(["knowledge/articles/2026-llm-token-cost-ranking.md#introduction", "knowledge/articles/2026-llm-token-cost-ranking.md#conclusion"]);
    expect(reply.text).toContain(lang === "en" ? "the cost of intelligence is no longer the bottleneck" : "智能的成本不再是瓶颈");
  });

  it("a question that names the article gets its best section even when few of its words match", async () => {
    const reply = await ask("what did the article say about context management?");
    expect(reply.data.intent).toBe("article");
    expect(sectionRefs(reply)[0]).toBe("knowledge/articles/2026-llm-token-cost-ranking.md#conclusion");
    expect(reply.text).toContain("The challenge has shifted to context management and agentic orchestration.");
  });
});

describe("the article's sections found from Traditional words and Taiwan's words for self-hosting", () => {
  it.each(["文章說自架什麼時候才划算？", "文章对私有化部署怎么看？", "作者覺得本地部署划算嗎？"])("%s: the self-hosting section", async (line) => {
    const reply = await ask(line);
    expect(reply.data.intent).toBe("article");
    expect(sectionRefs(reply).some((ref) => ref.endsWith("#self-hosted-vs-api-the-2026-equation"))).toBe(true);
  });
});

describe("who sells a model cheapest is a question about its hosts", () => {
  it.each(["誰家的 Llama 3.3 70B API 最便宜？", "who has the cheapest llama 3.3 70b api?", "谁家的 qwen3 32b 便宜"])("%s", async (line) => {
    const reply = await ask(line);
    expect(reply.command).toBe("providers");
  });
});
