import { beforeAll, describe, expect, it } from "vitest";
import { CLASSES, conversationsOf, crossCheck, loadAnswerCorpus, parseAnswerFile, type AnswerItem, type LoadedItem } from "../eval/answer-corpus.ts";
import { costMatches, expectedCost, type RawPrices } from "../eval/answer-cost.ts";
import { gradeReply, type GradeContext, type GradedReply } from "../eval/answer-grade.ts";
import { isSimplifiedOnly, isTraditionalOnly } from "../eval/answer-script.ts";
import { gradeContextOf, loadEvalSnapshot, replayCorpus, type ItemResult } from "../eval/answer-run.ts";
import { summarizeAnswers } from "../eval/answer-report.ts";
import type { KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import { ask } from "./helpers.ts";

/** Issue 21's minimums for the merged corpus (converted + authored + blind). */
const MIN_ITEMS = 600;
const MIN_CHINESE_SHARE = 0.5;
const MIN_TRADITIONAL = 50;
const MIN_CONVERSATIONS = 60;
const MIN_HELDOUT_SHARE = 0.2;
const MIN_BLIND = 150;
/** What this branch's authored items add before the blind items arrive. */
const MIN_AUTHORED = 90;
const MIN_AUTHORED_PER_CLASS = 8;
const MIN_AUTHORED_TRADITIONAL = 20;
const MIN_AUTHORED_CONVERSATIONS = 10;
/**
 * Held-out answer-level accuracy the product must keep on the items committed (issue 21's goal is 0.95). Raise it as
 * the answers get there. A code change never lowers it; a new blind round may, since it measures questions no fix has
 * seen: then the floor becomes the new split's figure rounded down to a whole percent, and the commit says so. It was
 * 93% (93.2% on 546 items) until blind round 21 (26/36 on the code it was written against) made the split 535 / 582.
 */
const HELDOUT_FLOOR = 0.91;

let items: LoadedItem[];
let snapshot: KnowledgeSnapshot;
let ctx: GradeContext;
let results: ItemResult[];

beforeAll(async () => {
  items = loadAnswerCorpus();
  snapshot = await loadEvalSnapshot();
  ctx = gradeContextOf(snapshot);
  results = await replayCorpus(items, snapshot);
  // the whole corpus replayed in the hook: seconds alone, many times that beside other work
}, 180_000);

const chineseShare = (list: readonly AnswerItem[]) => list.filter((i) => i.lang !== "en").length / list.length;

describe("the answer-level corpus (eval/answers/)", () => {
  it("has the issue's size and mix once the blind items are in, and this branch's share before", () => {
    const blind = items.filter((i) => i.origin === "blind");
    const authored = items.filter((i) => i.origin === "authored");
    expect(authored.length).toBeGreaterThanOrEqual(MIN_AUTHORED);
    expect(chineseShare(authored)).toBeGreaterThanOrEqual(MIN_CHINESE_SHARE);
    expect(authored.filter((i) => i.lang === "zh-Hant").length).toBeGreaterThanOrEqual(MIN_AUTHORED_TRADITIONAL);
    expect(conversationsOf(authored).size).toBeGreaterThanOrEqual(MIN_AUTHORED_CONVERSATIONS);
    const thinClasses = CLASSES.filter((c) => authored.filter((i) => i.classes.includes(c)).length < MIN_AUTHORED_PER_CLASS);
    expect(thinClasses).toEqual([]);
    if (blind.length) {
      expect(blind.length).toBeGreaterThanOrEqual(MIN_BLIND);
      expect(items.length).toBeGreaterThanOrEqual(MIN_ITEMS);
      expect(chineseShare(items)).toBeGreaterThanOrEqual(MIN_CHINESE_SHARE);
      expect(items.filter((i) => i.lang === "zh-Hant").length).toBeGreaterThanOrEqual(MIN_TRADITIONAL);
      expect(conversationsOf(items).size).toBeGreaterThanOrEqual(MIN_CONVERSATIONS);
      expect(items.filter((i) => i.split === "heldout").length / items.length).toBeGreaterThanOrEqual(MIN_HELDOUT_SHARE);
      expect(CLASSES.filter((c) => !items.some((i) => i.classes.includes(c)))).toEqual([]);
    }
  });

  it("names only models, tasks and GPUs the knowledge has", () => {
    const tasks = new Set(snapshot.knowledge.tasks.map((t) => t.id));
    const gpus = new Set(snapshot.knowledge.serving.gpus.map((g) => g.id));
    const unknown = items.flatMap((i) => [
      ...[...(i.expect.models ?? []), ...(i.expect.cheapest ? [i.expect.cheapest] : [])].filter((id) => !ctx.models.has(id)).map((id) => `${i.id}: model ${id}`),
      ...(i.expect.task && !tasks.has(i.expect.task) ? [`${i.id}: task ${i.expect.task}`] : []),
      ...(i.expect.gpu && !gpus.has(i.expect.gpu) ? [`${i.id}: gpu ${i.expect.gpu}`] : []),
    ]);
    expect(unknown).toEqual([]);
  });

  it("marks no question with Traditional characters zh-Hans and none with Simplified ones zh-Hant", () => {
    const wrong = items
      .filter((i) => (i.lang === "zh-Hans" && [...i.q].some(isTraditionalOnly)) || (i.lang === "zh-Hant" && [...i.q].some(isSimplifiedOnly)))
      .map((i) => `${i.id}: ${i.q}`);
    expect(wrong).toEqual([]);
  });

  it("rejects unknown keys and bad values, naming the file and the item", () => {
    const bad = parseAnswerFile(
      "items:\n  - {id: x-1, split: dev, origin: authored, classes: [basic], lang: en, q: hi, expect: {answer: compare, colour: red}}\n",
      "authored.yaml",
    );
    expect(bad.problems.join("\n")).toMatch(/authored\.yaml x-1 \(expect\).*colour/);
    const wrongKind = parseAnswerFile("items:\n  - {id: x-2, split: dev, origin: authored, classes: [basic], lang: en, q: hi, expect: {answer: guess}}\n", "a.yaml");
    expect(wrongKind.problems.join("\n")).toMatch(/a\.yaml x-2 \(expect\.answer\)/);
  });

  it("finds a reused id and conversation turns out of file order", () => {
    const file = [
      "items:",
      "  - {id: c-1, split: dev, origin: authored, classes: [followup], lang: en, conversation: k, turn: 2, q: and?, expect: {}}",
      "  - {id: c-1, split: dev, origin: authored, classes: [followup], lang: en, conversation: k, turn: 1, q: first, expect: {}}",
    ].join("\n");
    const { items: parsed, problems } = parseAnswerFile(file, "x.yaml");
    expect(problems).toEqual([]);
    expect(crossCheck(parsed)).toEqual([
      "x.yaml c-1: id already used in x.yaml",
      "x.yaml c-1: conversation k turn 2 where turn 1 comes next in file order",
      "x.yaml c-1: conversation k turn 1 where turn 2 comes next in file order",
    ]);
  });
});

describe("answer-level accuracy on today's replies", () => {
  it(`keeps the held-out split at or above ${HELDOUT_FLOOR * 100}% (every check on the final reply)`, () => {
    const heldout = summarizeAnswers(results).bySplit.heldout!;
    expect(heldout.items).toBeGreaterThan(0);
    expect(heldout.accuracy!).toBeGreaterThanOrEqual(HELDOUT_FLOOR);
  });
});

/** A reply's graded parts, with data and text replaced as a test needs. */
function altered(reply: GradedReply, change: { data?: Record<string, unknown>; text?: string; lead?: string; notes?: string[] }): GradedReply {
  return {
    ok: reply.ok,
    command: reply.command,
    title: reply.title,
    fields: reply.fields,
    lead: change.lead ?? reply.lead,
    notes: change.notes ?? reply.notes,
    text: change.text ?? reply.text,
    data: change.data ?? reply.data,
  };
}

const item = (q: string, expect: AnswerItem["expect"], lang: AnswerItem["lang"] = "en"): AnswerItem => ({
  id: "t",
  split: "dev",
  origin: "authored",
  classes: ["basic"],
  lang,
  q,
  expect,
});

describe("the grader", () => {
  const compareItem = item("/compare gpt-5 deepseek-chat in:20M out:5M", {
    answer: "compare",
    models: ["gpt-5", "deepseek-chat"],
    exactModels: true,
    workload: { input: 20_000_000, output: 5_000_000 },
    cheapest: "deepseek-chat",
  });

  it("passes a right reply: the product's own answer to a plain comparison", async () => {
    expect(gradeReply(compareItem, await ask(compareItem.q), ctx)).toEqual([]);
  });

  it("fails a reply whose cost is 5% off the knowledge's prices", async () => {
    const reply = await ask(compareItem.q);
    const models = (reply.data.models as { id: string; cost: number }[]).map((m) => (m.id === "gpt-5" ? { ...m, cost: m.cost * 1.05 } : m));
    expect(gradeReply(compareItem, altered(reply, { data: { ...reply.data, models } }), ctx)).toEqual([expect.stringMatching(/^gpt-5: \$78\.75, expected \$75\.00/)]);
  });

  it("fails a reply that leaves out a model the question named", async () => {
    const reply = await ask("/compare gpt-5 in:20M out:5M");
    expect(gradeReply(compareItem, reply, ctx)).toEqual(expect.arrayContaining([expect.stringMatching(/^deepseek-chat missing from the answer/)]));
  });

  it("fails a Simplified answer to a Traditional question, and passes it for a Simplified one", async () => {
    const reply = await ask("/compare gpt-5 deepseek-chat in:20M out:5M lang:zh");
    const asked = { answer: "compare" as const, models: ["gpt-5", "deepseek-chat"] };
    expect(gradeReply(item("gpt-5 和 deepseek 哪個便宜", asked, "zh-Hant"), reply, ctx)).toEqual([expect.stringMatching(/^Simplified characters in a Traditional answer/)]);
    expect(gradeReply(item("gpt-5 和 deepseek 哪个便宜", asked, "zh-Hans"), reply, ctx)).toEqual([]);
  });

  it("fails an English answer to a Chinese question and Chinese prose in an English answer", async () => {
    const english = await ask(compareItem.q);
    expect(gradeReply(item("gpt-5 和 deepseek 哪个便宜", { answer: "compare" }, "zh-Hans"), english, ctx)).toEqual([expect.stringMatching(/^an English answer/)]);
    const mixed = altered(english, { lead: `${english.lead}\n这个更便宜` });
    expect(gradeReply(item(compareItem.q, { answer: "compare" }), mixed, ctx)).toEqual([expect.stringMatching(/^Chinese in an English answer/)]);
  });

  it("fails a verdict that silently drops a model the user named, and one that names it only in a footnote", async () => {
    const named = item("gpt-5 vs ds v9 vs deepseek for 20M in 5M out", { namedBack: ["ds v9"] });
    const silent = await ask("/compare gpt-5 deepseek-chat in:20M out:5M");
    expect(gradeReply(named, silent, ctx)).toEqual(['"ds v9" not named back']);
    const footnote = altered(silent, { text: `${silent.text}\n• I could not read "ds v9".` });
    expect(gradeReply(named, footnote, ctx)).toEqual(['verdict given without "ds v9" (named only in a note)']);
    const error = await ask("/compare gpt-5 ds-v9");
    expect(gradeReply(item("/compare gpt-5 ds-v9", { answer: "error", error: "unknown_model", namedBack: ["ds-v9"] }), error, ctx)).toEqual([]);
  });

  it("fails a cost for a prompt larger than the model's context", async () => {
    const line = "/compare deepseek-chat gemini-2.5-pro in:250M out:1M prompt:150000";
    const tooLong = item(line, { workload: { input: 250_000_000, output: 1_000_000, promptTokens: 150_000 }, models: ["deepseek-chat"] });
    const reply = await ask(line);
    // the reply as a product that priced the model anyway would give it
    const costed = (reply.data.models as { id: string }[]).map((m) => ({ ...m, cost: 1000, fits: undefined, doesNotFit: undefined }));
    const context = ctx.models.get("deepseek-chat")!.contextWindow;
    expect(context).toBeLessThan(150_000);
    expect(gradeReply(tooLong, altered(reply, { data: { ...reply.data, models: costed } }), ctx)).toEqual([
      `deepseek-chat: costed $1000.00 although a 150000-token prompt exceeds its ${context}-token context`,
    ]);
  });
});

describe("the grader on tier picks", () => {
  const picks = (scores: number[], tasks = ["coding"]): GradedReply => ({
    ok: true,
    command: "cheapest",
    title: "Cheapest model in each tier for coding",
    lead: "",
    fields: [],
    notes: [],
    text: "Cheapest model in each tier for coding: GPT-5 nano, GPT-5 mini, GPT-5",
    data: {
      constraints: { tasks },
      recommendations: ["gpt-5-nano", "gpt-5-mini", "gpt-5"].map((id, i) => ({ id, tier: ["ultra-low", "balanced", "premium"][i], cost: i + 1, quality: { score: scores[i] } })),
    },
  });
  const coding = item("cheapest model for coding", { answer: "cheapest", task: "coding", tierOrder: true });

  it("passes picks whose quality rises with the tier, and fails a dearer tier with a weaker model", () => {
    expect(gradeReply(coding, picks([1300, 1350, 1400]), ctx)).toEqual([]);
    expect(gradeReply(coding, picks([1300, 1422, 1266]), ctx)).toEqual(["premium gpt-5 (1266) scores below balanced gpt-5-mini (1422)"]);
  });

  it("fails picks made for another task, or for the task mixed with another", () => {
    expect(gradeReply(coding, picks([1300, 1350, 1400], ["realtime", "coding"]), ctx)).toEqual(["picks are for realtime + coding, expected coding"]);
  });
});

describe("the grader's own arithmetic", () => {
  const model = (id: string) => ctx.models.get(id) as RawPrices;

  it("prices input, cached input and output from the raw per-1M prices", () => {
    // gpt-5: $1.25 in, $0.125 cached, $10 out: 20M×0.5×1.25 + 20M×0.5×0.125 + 5M×10 = 12.5 + 1.25 + 50
    expect(expectedCost(model("gpt-5"), { input: 20e6, output: 5e6, cachedPercent: 50 })).toMatchObject({ fits: true, cost: 63.75 });
  });

  it("uses the long-context tier above its threshold, batch prices when asked, and no cost past the context", () => {
    // gemini-2.5-pro (1M context): $1.25/$10 up to 200K-token prompts, $2.50/$15 above
    expect(expectedCost(model("gemini-2.5-pro"), { input: 100e6, output: 1e6, promptTokens: 250_000 })).toMatchObject({ cost: 265, prices: "long-context" });
    expect(expectedCost(model("gemini-2.5-pro"), { input: 100e6, output: 1e6, promptTokens: 150_000 })).toMatchObject({ cost: 135, prices: "standard" });
    // gpt-5.4 batch: $1.25 in, $7.50 out; gpt-5's batch price is OpenAI's published 50% (knowledge/provider-rules.yaml);
    // DeepSeek has no batch price at all: its standard cost, or none, is right
    expect(expectedCost(model("gpt-5.4"), { input: 20e6, output: 5e6, batch: true })).toMatchObject({ cost: 62.5, prices: "batch" });
    expect(expectedCost(model("gpt-5"), { input: 20e6, output: 5e6, batch: true })).toMatchObject({ cost: 37.5, prices: "batch" });
    const deepseekBatch = expectedCost(model("deepseek-chat"), { input: 20e6, output: 5e6, batch: true });
    expect(deepseekBatch).toMatchObject({ prices: "standard", noneAllowed: true });
    expect(deepseekBatch.fits && deepseekBatch.cost).toBeCloseTo(7.7, 9);
    const deepseekContext = model("deepseek-chat").contextWindow;
    expect(expectedCost(model("deepseek-chat"), { input: 1e6, output: 1e6, promptTokens: 150_000 })).toEqual({ fits: false, contextWindow: deepseekContext });
  });

  it("accepts a cost within 1%", () => {
    expect(costMatches(100.9, 100)).toBe(true);
    expect(costMatches(101.1, 100)).toBe(false);
  });
});
