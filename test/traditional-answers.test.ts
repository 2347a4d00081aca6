import { beforeAll, describe, expect, it } from "vitest";
import { renderDiscordMessage } from "../src/adapters/discord/embeds.ts";
import { toCommandInput } from "../src/adapters/discord/interactions.ts";
import { renderSlackBlocks } from "../src/adapters/slack/blocks.ts";
import type { CommandInput } from "../src/core/dispatch/command.ts";
import type { Dispatcher } from "../src/core/dispatch/dispatch.ts";
import { toTraditional } from "../src/core/i18n/script.ts";
import type { Reply } from "../src/core/reply/reply.ts";
import { realSnapshot, testDispatcher } from "./helpers.ts";

/** Questions typed in Traditional characters get answers written in Traditional, on every surface and through a conversation. */
let dispatcher: Dispatcher;
let conversations = 0;
beforeAll(async () => {
  dispatcher = testDispatcher(await realSnapshot());
});

const answer = (text: string, more: Partial<CommandInput> = {}) => dispatcher.answer({ command: null, text, user: { id: "tester" }, isAdmin: false, surface: "test", ...more });
async function converse(...lines: string[]): Promise<Reply[]> {
  const conversation = `traditional-${++conversations}`;
  const replies: Reply[] = [];
  for (const text of lines) replies.push(await answer(text, { conversation }));
  return replies;
}

/** Characters Traditional Chinese writes otherwise (个 → 個, 价 → 價): none may appear in a Traditional answer. */
const simplifiedOnly = (text: string) => [...new Set([...text].filter((c) => /\p{Script=Han}/u.test(c) && toTraditional(c) !== c))];
const han = (text: string) => [...text].filter((c) => /\p{Script=Han}/u.test(c)).length;

describe("the article's own words change script in a Traditional answer, never words", () => {
  it("問下 deepseek 同 qwen3 max 邊個平啲？: the article's 大批量 (bulk) is not Taiwan's 批次 (a batch job)", async () => {
    const reply = await answer("問下 deepseek 同 qwen3 max 邊個平啲？每月 1 億 token");
    expect(reply.text).toContain("“大批量數據處理，RAG應用。”");
    expect(reply.text).not.toContain("大批次資料處理");
  });

  it("the RAG task's name is high-volume data, not a batch job, in Traditional", async () => {
    const reply = await answer("我們要做客服知識庫，每月大約三億 token，哪個模型最便宜？用來做 RAG");
    expect(reply.text).toContain("RAG與大規模資料處理");
    expect(reply.text).not.toContain("大批次");
  });
});

describe("Taiwan's words in a question, read as the task they name", () => {
  it("發票截圖 (OpenCC reads 截屏) is the images task, so every pick reads images", async () => {
    const reply = await answer("要做發票截圖的辨識，哪個模型最便宜？每月大概 1 億 token");
    expect((reply.data.understanding as { tasks: string[] }).tasks).toContain("video");
    expect(reply.text).toContain("影像");
  });
});

describe("Taiwan's words where OpenCC keeps the mainland's", () => {
  it("quality is 品質 and a bill 帳單 in a Traditional answer", async () => {
    const cheapest = await answer("寫程式最便宜的模型是哪個？");
    expect(cheapest.text).toContain("品質門檻");
    expect(cheapest.text).not.toContain("質量");
    const budget = await answer("每個月預算 100 美金可以用多少 gpt-5");
    expect(budget.text).toContain("實際帳單");
    expect(budget.text).not.toContain("賬");
  });

  it.each([
    ["每天晚上要批次跑 3 萬篇客戶評論做情緒分類，每篇大約 600 token 輸入、50 token 輸出，用 gpt-4o mini 的批次 API 一個月多少？", ["批次處理API"], ["批處理"]],
    ["deepseek v4 pro 跟 kimi k2.6 每月 10 億輸入、1 億輸出多少錢", ["離峰"], ["錯峰", "提供商"]],
    ["用 2 張 H100 自架 llama 3.3 70b，每張每小時 2 美元，一個月 5 億 token 划算嗎", ["2 張 NVIDIA H100", "維運"], ["塊", "運維"]],
  ])("%s: Taiwan's words for batch jobs, off-peak, providers, operations and cards counted", async (question, words, mainland) => {
    const reply = await answer(question);
    for (const word of words) expect(reply.text).toContain(word);
    for (const word of mainland) expect(reply.text).not.toContain(word);
  });
});

describe("a question in Traditional characters is answered in Traditional", () => {
  it.each([
    ["每個月大概3000萬輸入、600萬輸出，deepseek 和 gpt-5 差多少", "compare"],
    ["文章對 GPT-5 的價格怎麼說？現在還成立嗎", "article"],
    ["寫程式用哪個模型最便宜", "cheapest"],
    ["自建 llama 3.3 70b 用 8 張 h100 划算嗎", "selfhost"],
  ])("%s", async (question) => {
    const reply = await answer(question);
    expect(reply.ok).toBe(true);
    expect(reply.lang).toBe("zh");
    expect(reply.script).toBe("Hant");
    expect(han(reply.text)).toBeGreaterThan(20);
    expect(simplifiedOnly(reply.text)).toEqual([]);
  });

  it("reads Taiwan's own words: 自架 is self-hosting, 支援繁體中文 asks for Chinese ability", async () => {
    expect((await answer("自架 llama 3.3 70b，用兩張 H100 划算嗎")).command).toBe("selfhost");
    const support = await answer("哪個模型做客服最省錢，要支援繁體中文");
    expect(support.data.constraints).toMatchObject({ tasks: ["customer-support"], chinese: true });
  });

  it("reads the Traditional question as well as the Simplified one: the same models and volume, the same cost", async () => {
    const traditional = await answer("每個月大概3000萬輸入、600萬輸出，deepseek 和 gpt-5 差多少");
    const simplified = await answer("每个月大概3000万输入、600万输出，deepseek 和 gpt-5 差多少");
    expect(simplified.script).toBe("Hans");
    expect(traditional.data.models).toEqual(simplified.data.models);
    expect(traditional.data.understanding).toEqual(simplified.data.understanding);
  });

  it("what is not covered is said so in Traditional, naming what was asked", async () => {
    const reply = await answer("生成圖片用哪個模型最便宜");
    expect(reply.data.uncovered).toBe("imageGeneration");
    expect(reply.text).toContain(toTraditional("我不涵盖图像或视频生成模型"));
    expect(simplifiedOnly(reply.text)).toEqual([]);
  });

  it("a Simplified question is never taken for Traditional by a word both write alike (向量)", async () => {
    const reply = await answer("向量嵌入模型哪个便宜");
    expect(reply.script).toBe("Hans");
    expect(reply.text).toContain("我不涵盖向量嵌入");
  });

  it("an error to a Traditional question is in Traditional too", async () => {
    const reply = await answer("gpt-6 的價格是多少？");
    expect(reply.script).toBe("Hant");
    expect(simplifiedOnly(reply.text)).toEqual([]);
  });

  it("a follow-up no character tells keeps the conversation's Traditional; a Simplified question turns it back", async () => {
    const [first, followUp, cached, simplified] = await converse("gpt-5 和 deepseek 每個月輸入3000萬，哪個便宜", "那 claude sonnet 5 呢", "80% cached", "那换成 gpt-5 mini 呢");
    expect(first!.script).toBe("Hant");
    expect(followUp!.script).toBe("Hant");
    expect(followUp!.data.intent).toBe("compare");
    expect(simplifiedOnly(followUp!.text)).toEqual([]);
    // an English line in a Chinese conversation is answered in English, as its own words ask
    expect(cached!.lang).toBe("en");
    expect(simplified!.script).toBe("Hans");
    expect(simplified!.text).toContain("价格");
  });

  it("a Traditional conversation through a question back: the member typed without its family, then Taiwan's word for cache", async () => {
    const [back, chosen, cached] = await converse("gemini 跟 gpt-5 mini 比，每月 5000萬 token 哪個划算", "2.5 flash", "快取 40% 呢");
    expect(back!.data.intent).toBe("clarify");
    expect(chosen!.data.intent).toBe("compare");
    expect((chosen!.data.models as { id: string }[]).map((m) => m.id)).toEqual(["gemini-2.5-flash", "gpt-5-mini"]);
    expect(chosen!.script).toBe("Hant");
    expect(cached!.script).toBe("Hant");
    expect(cached!.data.workload).toMatchObject({ cachedPercent: 40 });
    for (const reply of [back!, chosen!, cached!]) expect(simplifiedOnly(reply.text)).toEqual([]);
  });

  it("Discord's zh-TW locale makes an answer with no Chinese in the question Traditional", async () => {
    const spec = dispatcher.find("compare")!.spec;
    const input = toCommandInput(
      spec,
      { commandName: "compare", options: [{ name: "models", value: "gpt-5, deepseek" }], locale: "zh-TW", userId: "u", roleIds: [], guildInstalled: true },
      [],
    );
    expect(input.scriptHint).toBe("Hant");
    const reply = await dispatcher.answer(input);
    expect(reply.lang).toBe("zh");
    expect(reply.script).toBe("Hant");
    expect(simplifiedOnly(reply.text)).toEqual([]);
  });

  it("every surface renders the Traditional answer without a Simplified label of its own", async () => {
    const reply = await answer("每個月大概3000萬輸入、600萬輸出，deepseek 和 gpt-5 差多少");
    expect(simplifiedOnly(JSON.stringify(renderSlackBlocks(reply)))).toEqual([]);
    expect(simplifiedOnly(JSON.stringify(renderDiscordMessage(reply).embeds))).toEqual([]);
  });
});

describe("the language of a question is the language of its own words, not of a text pasted into it", () => {
  it.each([
    ["how many tokens would gpt-5 mini see for: 我们下周一开会讨论预算。", "en"],
    ["这段话有多少token：see you at the budget meeting next monday", "zh"],
  ])("%s → %s", async (question, lang) => {
    const reply = await answer(question);
    expect(reply.data.intent ?? reply.command).not.toBe("not_covered");
    expect(reply.lang).toBe(lang);
    expect(reply.title).toMatch(lang === "en" ? /tokens/ : /Token/);
  });
});

describe("a Traditional conversation's modifiers, in Taiwan's and Hong Kong's words", () => {
  it("'再加 deepseek v3.2' after a one-model answer adds it, in Traditional", async () => {
    const [one, two] = await converse("gemini 2.5 pro 每月輸入3000萬輸出600萬要多少錢", "再加 deepseek v3.2");
    expect(one!.script).toBe("Hant");
    expect(((two!.data.models ?? []) as { id: string }[]).map((m) => m.id)).toEqual(["gemini-2.5-pro", "deepseek-chat"]);
    expect(two!.script).toBe("Hant");
    expect(simplifiedOnly(two!.text)).toEqual([]);
  });

  it("'繁體中文' after an English answer gives the same answer in Traditional", async () => {
    const [, again] = await converse("gpt-5 vs gemini 2.5 pro 50M tokens", "繁體中文");
    expect(again!.lang).toBe("zh");
    expect(again!.script).toBe("Hant");
    expect(simplifiedOnly(again!.text)).toEqual([]);
    expect(han(again!.lead ?? "")).toBeGreaterThan(0);
  });
});

describe("Hong Kong and Taiwan follow-ups change only what they name", () => {
  const ids = (reply: Reply) => ((reply.data.models ?? []) as { id: string }[]).map((m) => m.id);
  const workload = (reply: Reply) => reply.data.workload as { inputTokens: number; outputTokens: number; cachedPercent: number };

  it("'唔要 claude' leaves Claude out and keeps the rest", async () => {
    const [, dropped] = await converse("gpt-5 同 claude sonnet 4.5 同 gemini 2.5 pro，每月 3000 萬 token", "唔要 claude");
    expect(ids(dropped!)).toEqual(["gpt-5", "gemini-2.5-pro"]);
    expect(workload(dropped!).inputTokens).toBe(25_000_000);
  });

  it("'如果 cache 一半呢' caches half the input and keeps the volume", async () => {
    const [first, cached] = await converse("gpt-5 跟 claude sonnet 4.5 每月 5000 萬 token", "如果 cache 一半呢");
    expect(workload(cached!)).toMatchObject({ inputTokens: workload(first!).inputTokens, cachedPercent: 50 });
  });

  it("'輸出改成 2000 萬' after a monthly total changes the output alone", async () => {
    const [first, changed] = await converse("gpt-5 跟 claude sonnet 4.5 每月 5000 萬 token", "輸出改成 2000 萬");
    expect(workload(changed!)).toMatchObject({ inputTokens: workload(first!).inputTokens, outputTokens: 20_000_000 });
    expect(changed!.script).toBe("Hant");
  });
});

describe("Taiwan's words written in characters both scripts share", () => {
  it("'快取 80%' after an English command is answered in Traditional, with the cache applied", async () => {
    const [, cached] = await converse("/compare gpt-5 deepseek in:30M out:6M", "快取 80%");
    expect(cached!.lang).toBe("zh");
    expect(cached!.script).toBe("Hant");
    expect((cached!.data.workload as { cachedPercent: number }).cachedPercent).toBe(80);
    expect(simplifiedOnly(cached!.text)).toEqual([]);
  });

  it.each(["影片分析用哪個便宜", "最便宜的程式設計模型"])("%s: Traditional", async (question) => {
    const reply = await answer(question);
    expect(reply.script).toBe("Hant");
  });

  it("a Simplified line with a word Taiwan uses in another sense (程序) stays Simplified and keeps its meaning", async () => {
    const reply = await answer("写程序用哪个模型最便宜");
    expect(reply.script ?? "Hans").toBe("Hans");
    expect((reply.data.constraints as { tasks: string[] }).tasks).toEqual(["coding"]);
  });

  it.each([
    ["批次處理 10 億 token，gpt-5 mini 跟 gemini 2.5 flash 哪個便宜", true],
    ["用批次處理的話 deepseek 每月 5 億 token 多少錢", true],
    // data after it is bulk data processing, the RAG task's words, not the batch API
    ["批次處理資料，gpt-5 mini 每月 5 億 token 多少錢", false],
  ])("%s: Taiwan's 批次處理 is the batch API (%s)", async (question, batch) => {
    const reply = await answer(question);
    expect(reply.script).toBe("Hant");
    expect(reply.command).toBe("compare");
    expect(Boolean((reply.data.workload as { batch?: boolean }).batch)).toBe(batch);
  });

  it.each(["哪些模型有支援圖片輸入又便宜？", "有哪些模型支援工具呼叫而且比較便宜"])("%s: the cheapest of them per tier, not the list", async (question) => {
    const reply = await answer(question);
    expect(reply.script).toBe("Hant");
    expect(reply.command).toBe("cheapest");
  });

  it("a line mixing a Taiwan word with a Simplified-only character stays Simplified", async () => {
    const reply = await answer("用伺服器跑 llama 3.3 70b 划算吗");
    expect(reply.script ?? "Hans").toBe("Hans");
    expect(reply.command).toBe("selfhost");
  });
});

describe("what the asker typed in Traditional is named back as typed", () => {
  it("“6 萬台幣” keeps its 台, which OpenCC's Taiwan conversion would write 臺", async () => {
    const reply = await answer("預算每月 6 萬台幣，能用多少 gpt-5");
    expect(reply.ok).toBe(false);
    expect(reply.text).toContain("“6 萬台幣”");
    expect(reply.text).toContain("幣種我沒有匯率");
  });

  it("a spend with no currency is asked about in Traditional (Taiwan's and Hong Kong's dollars are not yuan), priced in yuan in Simplified", async () => {
    const traditional = await answer("我們每個月在 gpt-4o 上花 3 萬，改用 gpt-4.1 mini 一樣的用量要多少？");
    expect(traditional.ok).toBe(false);
    expect(traditional.text).toContain("“3 萬”沒有說幣種");
    const rate = (await realSnapshot()).knowledge.currency.usdToCny.rate;
    const signed = await answer("我們每個月在 gpt-4o 上花 3 萬人民幣，改用 gpt-4.1 mini 一樣的用量要多少？");
    expect(signed.data.budgetUsdPerMonth).toBeCloseTo(30_000 / rate, 6);
    const simplified = await answer("我们每月在 gpt-4o 上花 2 万，换成 deepseek 能省多少？");
    expect(simplified.data.budgetUsdPerMonth).toBeCloseTo(20_000 / rate, 6);
  });
});
