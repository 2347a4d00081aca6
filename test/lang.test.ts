import { describe, expect, it } from "vitest";
import { detectLang, langFromLocale } from "../src/core/i18n/lang.ts";
import { ask, realSnapshot } from "./helpers.ts";

describe("language detection", () => {
  it("answers Chinese to any Chinese characters", () => {
    expect(detectLang("哪个模型最便宜")).toBe("zh");
    expect(detectLang("gpt-5 和 deepseek")).toBe("zh");
    expect(detectLang("compare gpt-5 and deepseek")).toBe("en");
  });

  it("falls back to the surface's locale, then English", () => {
    expect(detectLang("gpt-5", "zh")).toBe("zh");
    expect(langFromLocale("zh-CN")).toBe("zh");
    expect(langFromLocale("zh-TW")).toBe("zh");
    expect(langFromLocale("en-US")).toBe("en");
    expect(langFromLocale("ja-JP")).toBeNull();
  });

  it("does not take Japanese or Korean for Chinese", () => {
    expect(detectLang("このモデルはいくらですか")).toBe("en");
    expect(detectLang("漢字とひらがな", "zh")).toBe("zh");
    expect(detectLang("이 모델은 얼마입니까")).toBe("en");
  });

  it("lets lang: override the detection", async () => {
    expect((await ask("/compare gpt-5 deepseek lang:zh")).lang).toBe("zh");
    expect((await ask("/compare gpt-5 和 deepseek lang:en")).lang).toBe("en");
  });

  it("writes a Chinese answer with no English words but model names", async () => {
    const reply = await ask("/compare gpt-5 和 深度求索");
    // names: models, companies and the article's own product names, as the Chinese article writes them too
    const modelNames = ["GPT-5", "DeepSeek V3.2 (deepseek-chat)", "DeepSeek", "LiteLLM", "genai-prices", "Token", "API", "OpenAI", "Anthropic Claude 3.5 Opus"];
    // links, paths and /commands to type are not prose; nor are the hosts' names in the price map
    let rest = reply.text.replace(/https?:\/\/\S+|knowledge\/\S+|\/[a-z]+ \S+/g, "");
    const hosts = new Set((await realSnapshot()).knowledge.catalog.map((m) => m.provider));
    for (const name of modelNames) rest = rest.split(name).join("");
    // what remains in Latin letters: option names for the user to type, and terms the Chinese article itself uses
    const allowed = ["out", "cached", "RAG", "LLM"];
    const words = rest.match(/[A-Za-z]{3,}/g) ?? [];
    expect(words.filter((w) => !allowed.includes(w) && !hosts.has(w))).toEqual([]);
  });
});
