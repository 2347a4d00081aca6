import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeSnapshot } from "../src/core/knowledge/snapshot.ts";
import type { Resolution } from "../src/core/models/resolve.ts";
import { realSnapshot } from "./helpers.ts";

let kb: KnowledgeSnapshot;
beforeAll(async () => {
  kb = await realSnapshot();
});

const ids = (results: Resolution[]) => results.map((r) => (r.kind === "exact" || r.kind === "fuzzy" ? r.model.id : `${r.kind}:${r.query}`));

describe("model names resolve exactly first", () => {
  it.each(["GPT5", "gpt 5", "gpt-5", "GPT-5", "gpt_5", "Gpt.5"])("%s is GPT-5", (name) => {
    expect(kb.resolver.resolve(name)).toMatchObject({ kind: "exact", model: { id: "gpt-5" } });
  });

  it("never turns gpt-5 into a sibling", () => {
    expect(ids(kb.resolver.resolveList("gpt-5"))).toEqual(["gpt-5"]);
    expect(ids(kb.resolver.resolveList("gpt-5 mini"))).toEqual(["gpt-5-mini"]);
    expect(ids(kb.resolver.resolveList("gpt-5.1"))).toEqual(["gpt-5.1"]);
  });

  it("knows Chinese aliases", () => {
    expect(kb.resolver.resolve("深度求索")).toMatchObject({ model: { id: "deepseek-chat" } });
    expect(kb.resolver.resolve("通义千问")).toMatchObject({ model: { provider: "Alibaba Qwen" } });
    expect(kb.resolver.resolve("谷歌 Gemini 2.0 Flash")).toMatchObject({ model: { id: "gemini-2.0-flash" } });
  });
});

describe("lists as people type them", () => {
  it.each([
    ["gpt-5 deepseek", ["gpt-5", "deepseek-chat"]],
    ["gpt-5 vs claude opus 4.5", ["gpt-5", "claude-opus-4-5"]],
    ["gemini 2.0 flash, deepseek", ["gemini-2.0-flash", "deepseek-chat"]],
    ["gpt-5 和 deepseek", ["gpt-5", "deepseek-chat"]],
    ["gpt-5和深度求索", ["gpt-5", "deepseek-chat"]],
    ["llama 3.3 70b / gpt-oss-120b", ["llama-3.3-70b", "gpt-oss-120b"]],
    ["kimi k2.5 versus qwen3 coder and grok 4", ["kimi-k2.5", "qwen3-coder-480b", "grok-4"]],
  ])("%s", (text, expected) => {
    expect(ids(kb.resolver.resolveList(text))).toEqual(expected);
  });
});

describe("unknown and ambiguous names", () => {
  it("says a family word is ambiguous and suggests its members", () => {
    const result = kb.resolver.resolve("claude");
    expect(result.kind).toBe("ambiguous");
    if (result.kind === "ambiguous") expect(result.candidates.every((m) => m.provider === "Anthropic")).toBe(true);
  });

  it("does not guess a version the user did not type", () => {
    const result = kb.resolver.resolve("gpt-6");
    expect(result.kind).toBe("unknown");
    if (result.kind === "unknown") expect(result.candidates.map((m) => m.id)).toContain("gpt-5");
  });

  it("forgives a typo that keeps the version", () => {
    expect(kb.resolver.resolve("deepsek")).toMatchObject({ kind: "fuzzy", model: { id: "deepseek-chat" } });
  });

  it("splits two unknown words into two answers", () => {
    expect(ids(kb.resolver.resolveList("gpt-6 deepsek"))).toEqual(["unknown:gpt-6", "deepseek-chat"]);
  });
});

describe("names mentioned in a sentence", () => {
  it("finds models in free text in both languages", () => {
    expect(ids(kb.resolver.mentions("is deepseek cheaper than gpt-5?"))).toEqual(["deepseek-chat", "gpt-5"]);
    expect(ids(kb.resolver.mentions("深度求索和通义千问哪个便宜？"))).toEqual(["deepseek-chat", "qwen-plus"]);
    expect(ids(kb.resolver.mentions("what does the article say about pricing?"))).toEqual([]);
  });
});
