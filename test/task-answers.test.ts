import { describe, expect, it } from "vitest";
import type { Reply } from "../src/core/reply/reply.ts";
import { ask, realSnapshot } from "./helpers.ts";

/** Task words as people type them, answered through the dispatcher: the task's own bar, or a plain "not covered". */
interface Pick {
  id: string;
  capabilities: string[];
  contextWindow: number;
  quality?: { score: number; category: string };
}
const tasksOf = (reply: Reply) => (reply.data.constraints as { tasks: string[] } | undefined)?.tasks ?? [];
/** The tiers that show a model (a tier can be empty: nothing better for the price). */
const picksOf = (reply: Reply) => ((reply.data.recommendations ?? []) as (Pick | { id: null })[]).filter((p): p is Pick => p.id !== null);
const barsOf = (reply: Reply) => (reply.data.bars ?? []) as { category: string; score: number; belowBest?: number }[];
/** The task's bar as the answer resolved it: its category and distance from tasks.yaml, the score it came to. */
function barFor(reply: Reply, task: { minQuality?: { category: string } & ({ belowBest: number } | { score: number }) }) {
  const wanted = task.minQuality!;
  const bar = barsOf(reply).find((b) => b.category === wanted.category);
  expect(bar, `a ${wanted.category} bar`).toBeDefined();
  if ("belowBest" in wanted) expect(bar!.belowBest).toBe(wanted.belowBest);
  else expect(bar!.score).toBe(wanted.score);
  return bar!;
}

async function taskOf(id: string) {
  const task = (await realSnapshot()).knowledge.tasks.find((t) => t.id === id);
  if (!task) throw new Error(`no task ${id} in knowledge/tasks.yaml`);
  return task;
}

describe("task words map to tasks with quality bars", () => {
  it.each([
    ["cheapest model for translating our docs", "translation", "en"],
    ["翻译用哪个模型最便宜", "translation", "zh"],
    ["what should we use for a customer support bot?", "customer-support", "en"],
    ["做在线客服用哪个模型", "customer-support", "zh"],
    ["cheapest model for classification and extraction of invoices", "extraction", "en"],
    ["做信息抽取和分类，最便宜的模型", "extraction", "zh"],
    ["cheapest model for sentiment analysis of product reviews", "extraction", "en"],
    ["评论情感分析用哪个模型最便宜", "extraction", "zh"],
    ["which model for our coding assistant?", "coding", "en"],
    ["编程助手用哪个模型", "coding", "zh"],
  ])("%s → %s, with the task's bar and its name in the answer", async (question, id, lang) => {
    const reply = await ask(question);
    const task = await taskOf(id);
    expect(reply.lang).toBe(lang);
    expect(tasksOf(reply)).toEqual([id]);
    const bar = barFor(reply, task);
    expect(reply.title).toContain(task.name[lang as "en" | "zh"]);
    expect(picksOf(reply).length).toBeGreaterThan(0);
    for (const pick of picksOf(reply)) expect(pick.quality!.score).toBeGreaterThanOrEqual(bar.score);
  });

  it("an assistant for coding is coding, not a real-time assistant", async () => {
    for (const question of ["编程助手用哪个模型", "which model for our coding assistant?", "写程序的助手用哪个模型最便宜", "寫程式的助手用哪個模型最便宜"]) {
      expect(tasksOf(await ask(question))).not.toContain("realtime");
    }
  });

  it.each([
    "customer support chatbot, 30M in 6M out per month — cheapest options?",
    "cheapest model for a support chatbot",
    "客服机器人用哪个模型最省钱",
    "想做一個客服聊天機器人，哪個模型最便宜？",
  ])("a support chatbot is customer support alone, as a coding assistant is coding: %s", async (question) => {
    expect(tasksOf(await ask(question))).toEqual(["customer-support"]);
  });

  it.each([
    ["math + needs reasoning mode, cheapest model per tier?", ["math"]],
    ["cheapest reasoning model for coding", ["coding"]],
    ["推理、决策类的任务，各档最便宜的模型", ["reasoning"]],
    // with no other task named, the capability's word is the task, with its quality bar
    ["cheapest reasoning model per tier", ["reasoning"]],
    ["/cheapest reasoning", ["reasoning"]],
  ])("a capability asked beside a task is a need of the picks, not a second task: %s", async (question, tasks) => {
    const reply = await ask(question);
    expect(tasksOf(reply)).toEqual(tasks);
    expect((reply.data.constraints as { capabilities: string[] }).capabilities).toContain("reasoning");
    for (const pick of picksOf(reply)) expect(pick.capabilities).toContain("reasoning");
  });

  it.each([
    ["need to feed whole 400k-token contracts in one go. cheapest models that can actually take that?", 400_000],
    ["长文档问答，单篇大概 60 万 token，哪些模型上下文够而且便宜", 600_000],
    ["each contract is about 300k tokens, cheapest model?", 300_000],
  ])("documents longer than most contexts are long-documents work, every pick taking one: %s", async (question, size) => {
    const reply = await ask(question);
    expect(tasksOf(reply)).toEqual(["long-documents"]);
    expect(picksOf(reply).length).toBeGreaterThan(0);
    for (const pick of picksOf(reply)) {
      expect(pick.contextWindow).toBeGreaterThanOrEqual(size);
      expect(pick.quality?.score).toBeDefined();
    }
  });

  it.each(["做中英互译，哪个模型最便宜又靠谱？", "中译英用哪个模型"])("%s is translation", async (question) => {
    expect(tasksOf(await ask(question))).toEqual(["translation"]);
  });

  it("'summarizing' is summarization, as 'summarize' is", async () => {
    expect(tasksOf(await ask("summarizing meeting notes, 100M tokens a month, cheapest per tier?"))).toEqual(["summarization"]);
  });

  it("a prompt the size of a whole document has to fit the context: /cheapest prompt:400k", async () => {
    const reply = await ask("/cheapest prompt:400k");
    expect(picksOf(reply).length).toBeGreaterThan(0);
    for (const pick of picksOf(reply)) expect(pick.contextWindow).toBeGreaterThanOrEqual(400_000);
  });

  it.each([
    ["cheapest model for agents with tool calls", "en"],
    ["做智能体，哪个模型最便宜", "zh"],
  ])("agents (%s) need tool support: every pick calls tools and clears the hard-prompts bar", async (question) => {
    const reply = await ask(question);
    const bar = barFor(reply, await taskOf("agents"));
    expect(tasksOf(reply)).toContain("agents");
    expect(picksOf(reply).length).toBeGreaterThan(0);
    for (const pick of picksOf(reply)) {
      expect(pick.capabilities).toContain("tools");
      expect(pick.quality!.score).toBeGreaterThanOrEqual(bar.score);
    }
  });

  it.each([
    ["we need a cheap model for long documents", "en", "context ≥ 200K"],
    ["处理长文档用哪个模型便宜", "zh", "上下文 ≥ 20万"],
  ])("long documents (%s) need a long context, said in the answer", async (question, _lang, said) => {
    const reply = await ask(question);
    const long = await taskOf("long-documents");
    expect(tasksOf(reply)).toContain("long-documents");
    expect(picksOf(reply).length).toBeGreaterThan(0);
    for (const pick of picksOf(reply)) expect(pick.contextWindow).toBeGreaterThanOrEqual(long.minContext!);
    expect(reply.text).toContain(said);
  });
});

describe("a context bound is said only where it rules a model out", () => {
  it.each([
    ["cheapest model to classify 100k emails a month, ~400 tokens each", /context ≥/],
    ["每月 10 万封邮件，每封约 400 token，分类用哪个模型最便宜", /上下文 ≥/],
  ])("%s: a short prompt's size is no constraint", async (question, bound) => {
    const reply = await ask(question);
    expect(reply.command).toBe("cheapest");
    expect(reply.text).not.toMatch(bound);
  });
});

describe("a word for the material worked on names a task only when nothing else does", () => {
  it.each([
    ["need a model for email triage (classify into 8 buckets), cheapest?", ["extraction"]],
    ["邮件分类用哪个模型最便宜", ["extraction"]],
    ["translate support emails into English, cheapest model?", ["translation"]],
    ["cheapest model to go through our emails", ["summarization"]],
  ])("%s", async (line, tasks) => {
    expect(tasksOf(await ask(line))).toEqual(tasks);
  });
});

describe("the best cheap model for a task is ranked for that task, and the answer says so", () => {
  it.each([
    ["best cheap model for an agent that does lots of function calling", "agents", ["tools"], "en"],
    ["最便宜的里面哪个做翻译最好", "translation", [], "zh"],
    ["which budget model is best for a support bot that has to call tools", "customer-support", ["tools"], "en"],
  ])("%s", async (line, task, capabilities, lang) => {
    const reply = await ask(line);
    expect(reply.lang).toBe(lang);
    expect(reply.data.mode).toBe("rank");
    expect(tasksOf(reply)).toEqual([task]);
    expect((reply.data.constraints as { capabilities: string[] }).capabilities).toEqual(expect.arrayContaining(capabilities));
  });
});

describe("a size per document is the prompt every pick's context must take", () => {
  it.each([
    ["which cheap model can read our contracts? long documents, about 350k tokens each", 350_000],
    ["处理长文档，每份合同约40万token，哪个模型便宜", 400_000],
  ])("%s", async (question, tokens) => {
    const reply = await ask(question);
    expect(tasksOf(reply)).toContain("long-documents");
    expect(picksOf(reply).length).toBeGreaterThan(0);
    for (const pick of picksOf(reply)) expect(pick.contextWindow).toBeGreaterThanOrEqual(tokens);
  });
});

describe("what the knowledge does not cover is said plainly, not answered with a table", () => {
  it.each([
    ["cheapest model for image generation", "imageGeneration", "I don't cover image or video generation"],
    ["生成图片用哪个模型最便宜", "imageGeneration", "我不涵盖图像或视频生成模型"],
    ["which embedding model is cheapest?", "embeddings", "I don't cover embedding and reranking models"],
    ["向量嵌入模型哪个便宜", "embeddings", "我不涵盖向量嵌入"],
    ["best text-to-speech model for our app", "speech", "I don't cover speech models"],
    ["最便宜的语音转文字模型", "speech", "我不涵盖语音模型"],
    ["which model should we use to generate product videos?", "imageGeneration", "I don't cover image or video generation"],
    ["做文生视频用哪个模型", "imageGeneration", "我不涵盖图像或视频生成模型"],
  ])("%s", async (question, kind, said) => {
    const reply = await ask(question);
    expect(reply.ok).toBe(true);
    expect(reply.data.intent).toBe("not_covered");
    expect(reply.data.uncovered).toBe(kind);
    expect(reply.table).toBeNull();
    expect(reply.text).toContain(said);
    // and what it does cover, in the same plain sentence
    expect(reply.text).toMatch(/text \(chat\) language models|文本（对话）大模型/);
  });
});

describe("Taiwan's words for tasks, and image generation in every script", () => {
  it.each([
    ["最便宜的程式設計模型", "coding"],
    ["最便宜的写程式模型是哪个", "coding"],
    ["程式碼助手最便宜的是哪個", "coding"],
    ["影片分析用哪個模型最省", "video"],
  ])("%s → %s alone", async (question, task) => {
    const reply = await ask(question);
    expect(reply.command).toBe("cheapest");
    expect(tasksOf(reply)).toEqual([task]);
  });

  it.each(["生圖用哪個模型", "AI 畫畫用哪個模型最便宜", "need something to draw logos for our app, which model is cheapest?"])("%s: not covered", async (question) => {
    const reply = await ask(question);
    expect(reply.data.intent).toBe("not_covered");
    expect(reply.table).toBeFalsy();
  });

  it.each([
    "we summarize 300 calls per day, transcripts are ~8k tokens, summary 500 tokens; transcribing isn't needed, we already have text. gpt-5 mini vs gemini 2.5 flash?",
    "no transcription needed, 10k meeting notes a month, 5k in 300 out, haiku 4.5",
    "会议录音已经转写好了，每月 1 万份纪要，每份 5000 token 输入 300 输出，deepseek 多少钱",
  ])("a kind said not to be needed is not what is asked: %s", async (question) => {
    const reply = await ask(question);
    expect(reply.data.intent).toBe("compare");
    expect((reply.data.workload as { inputTokens: number }).inputTokens).toBeGreaterThan(10_000_000);
  });

  it.each(["有没有便宜的文生图模型推荐", "有沒有推薦做語音轉文字的模型？便宜一點的", "not sure which tts model is cheapest"])(
    "'有没有' and 'not sure' deny nothing: %s is not covered",
    async (question) => {
      expect((await ask(question)).data.intent).toBe("not_covered");
    },
  );

  it("'生成图表' (a chart) is no image generation", async () => {
    const reply = await ask("gpt-5 和 deepseek 每月1亿token，生成图表");
    expect(reply.data.intent).not.toBe("not_covered");
  });
});

describe("task words as teams name their work", () => {
  it.each([
    ["cheapest llm for sql generation", "coding"],
    ["cheapest model for autocomplete in our IDE", "coding"],
    ["代码审查用哪个模型最便宜", "coding"],
    ["cheapest model to pull fields out of invoices", "extraction"],
    ["need a cheap model for OCR on scanned receipts", "video"],
    ["合同审查用什么模型，合同都很长", "long-documents"],
  ])("%s → %s", async (question, task) => {
    const reply = await ask(question);
    expect(reply.command).toBe("cheapest");
    expect(tasksOf(reply)).toEqual([task]);
    expect(picksOf(reply).length).toBeGreaterThan(0);
  });
});

describe("kinds of model not covered, as people name them", () => {
  it.each(["幫我生成產品圖片，用哪個模型最省", "帮我生成商品宣传图片用哪个模型", "生成产品图片"])(
    "%s: the thing made between 生成 and 图片 is still image generation",
    async (question) => {
      const reply = await ask(question);
      expect(reply.data.intent).toBe("not_covered");
      expect(reply.table).toBeFalsy();
      expect(reply.text).toMatch(/我不涵盖图像或视频生成模型|我不涵蓋影像或影片生成模型/);
    },
  );

  it("'分析产品图片' and '生成图片描述' read images: a table of vision models, not 'not covered'", async () => {
    for (const question of ["哪个模型适合分析产品图片", "用哪个模型生成产品图片的描述最便宜"]) {
      const reply = await ask(question);
      expect(reply.data.intent).not.toBe("not_covered");
    }
  });

  it.each(["做海報用哪個模型", "幫影片自動上字幕用哪個模型", "cheapest model to make thumbnails for youtube", "best cheap model to turn podcasts into text"])(
    "%s: not covered",
    async (question) => {
      const reply = await ask(question);
      expect(reply.data.intent).toBe("not_covered");
    },
  );

  it("'make sense of images' is reading them, not generating them", async () => {
    const reply = await ask("cheapest model to make sense of images from our app");
    expect(reply.command).toBe("cheapest");
  });
});

describe("a price cap is a constraint every pick meets", () => {
  it.each([
    ["which model is best for coding under $1 per million input?", "inputPer1M", 1, "input ≤ $1.00 per 1M"],
    ["summarization, output under $1/M", "outputPer1M", 1, "output ≤ $1.00 per 1M"],
    ["/cheapest coding max-in:0.5", "inputPer1M", 0.5, "input ≤ $0.50 per 1M"],
  ])("%s", async (question, field, cap, said) => {
    const reply = await ask(question);
    const snapshot = await realSnapshot();
    const picks = picksOf(reply);
    expect(picks.length).toBeGreaterThan(0);
    for (const pick of picks) {
      const model = snapshot.knowledge.models.find((m) => m.id === pick.id) as unknown as Record<string, number>;
      expect(model[field]).toBeLessThanOrEqual(cap);
    }
    expect(reply.text).toContain(said);
  });

  it("a yuan cap is converted at the knowledge's rate", async () => {
    const snapshot = await realSnapshot();
    const reply = await ask("编程用哪个模型？输入每百万 token 不超过 5 元");
    const cap = 5 / snapshot.knowledge.currency.usdToCny.rate;
    for (const pick of picksOf(reply)) expect((snapshot.knowledge.models.find((m) => m.id === pick.id) as unknown as { inputPer1M: number }).inputPer1M).toBeLessThanOrEqual(cap);
    expect(reply.text).toContain("输入 ≤ 每100万 $0.7042 (¥5.00)");
  });
});
