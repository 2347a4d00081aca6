import { isPriced } from "../src/core/knowledge/kinds.ts";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../src/core/knowledge/catalog.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import type { Model } from "../src/core/knowledge/schema.ts";
import { baseName } from "../src/core/models/name-forms.ts";
import { ModelResolver, PROVIDER_PREFERENCE, type Resolution } from "../src/core/models/resolve.ts";

const KNOWLEDGE = fileURLToPath(new URL("../knowledge/", import.meta.url));
/** The LiteLLM map of 2026-07-24 beside the repository: the whole catalog. */
const PRICE_MAP = fileURLToPath(new URL("../../shared/data/litellm-model-prices.json", import.meta.url));
const TODAY = "2026-11-28";

/** the curated table and the rest of the price map: what the bot answers from */
let full: ModelResolver;
/** the whole price map and one curated model: how names resolve where the curated table has no entry */
let catalogOnly: ModelResolver;
beforeAll(async () => {
  const { models } = await loadKnowledge(KNOWLEDGE, new Date(`${TODAY}T12:00:00Z`));
  full = new ModelResolver(models, await loadCatalog(PRICE_MAP, models, TODAY));
  catalogOnly = new ModelResolver(
    models.filter((m) => m.id === "gpt-5"),
    await loadCatalog(PRICE_MAP, [], TODAY),
  );
});

const ids = (results: Resolution[]) => results.map((r) => (r.kind === "exact" || r.kind === "fuzzy" ? r.model.id : `${r.kind}:${r.query}`));
const isCatalog = (model: Model) => "catalog" in model && model.catalog === true;

describe("model names resolve exactly first", () => {
  it.each(["GPT5", "gpt 5", "gpt-5", "GPT-5", "gpt_5", "Gpt.5"])("%s is GPT-5", (name) => {
    expect(full.resolve(name)).toMatchObject({
      kind: "exact",
      model: { id: "gpt-5" },
    });
  });

  it("never turns gpt-5 into a sibling", () => {
    expect(ids(full.resolveList("gpt-5"))).toEqual(["gpt-5"]);
    expect(ids(full.resolveList("gpt-5 mini"))).toEqual(["gpt-5-mini"]);
    expect(ids(full.resolveList("gpt-5.1"))).toEqual(["gpt-5.1"]);
  });

  it("knows Chinese aliases", () => {
    expect(full.resolve("深度求索")).toMatchObject({
      model: { id: "deepseek-chat" },
    });
    expect(full.resolve("通义千问")).toMatchObject({
      model: { provider: "Alibaba Qwen" },
    });
    expect(full.resolve("谷歌 Gemini 2.0 Flash")).toMatchObject({
      model: { id: "gemini-2.0-flash" },
    });
  });

  it("knows every key of the price map as written, with or without its provider path", () => {
    expect(full.resolve("azure/gpt-4o")).toMatchObject({
      kind: "exact",
      model: { id: "azure/gpt-4o" },
    });
    expect(full.resolve("gpt-4o-2024-05-13")).toMatchObject({
      kind: "exact",
      model: { id: "gpt-4o-2024-05-13", provider: "openai" },
    });
    expect(full.resolve("xai/grok-2")).toMatchObject({
      kind: "exact",
      model: { id: "xai/grok-2" },
    });
  });
});

describe("names people type (issue 12)", () => {
  it.each([
    ["4o", "gpt-4o"],
    ["4o mini", "gpt-4o-mini"],
    ["sonnet 3.5", "claude-3.5-sonnet"],
    ["llama 3.3 70b", "llama-3.3-70b"],
    ["qwen 2.5 72b", "qwen2.5-72b"],
    ["mixtral 8x7b", "mixtral-8x7b"],
    ["glm 4.6", "glm-4.6"],
    ["kimi k2", "kimi-k2"],
    ["r1", "deepseek-r1"],
    ["o3 mini", "o3-mini"],
  ])("%s is %s (curated)", (typed, id) => {
    expect(full.resolve(typed)).toMatchObject({ kind: "exact", model: { id } });
  });

  it.each([
    ["4o", "gpt-4o", "openai"],
    ["gpt-4o", "gpt-4o", "openai"],
    ["4o mini", "gpt-4o-mini", "openai"],
    ["gpt 4o audio", "gpt-4o-audio-preview", "openai"],
    ["gemini-2.5-flash", "gemini/gemini-2.5-flash", "gemini"],
    ["gemini 2.0 flash", "gemini/gemini-2.0-flash", "gemini"],
    ["r1", "deepseek/deepseek-r1", "deepseek"],
    ["glm 4.6", "zai/glm-4.6", "zai"],
    ["sonnet 3.5", "vertex_ai/claude-3-5-sonnet", "vertex_ai-anthropic_models"],
    ["claude 3 haiku", "claude-3-haiku-20240307", "anthropic"],
    ["mistral large 2411", "mistral/mistral-large-2411", "mistral"],
    ["grok 3 mini", "xai/grok-3-mini", "xai"],
    // the maker sells it as "-reasoning" and "-non-reasoning"; a reseller under the bare name
    ["grok 4 fast", "xai/grok-4-fast-reasoning", "xai"],
    ["grok 4 fast non-reasoning", "xai/grok-4-fast-non-reasoning", "xai"],
  ])("without a curated entry, %s is the maker's %s, not a reseller's", (typed, id, provider) => {
    const result = catalogOnly.resolve(typed);
    expect(result).toMatchObject({ kind: "exact", model: { id, provider } });
  });

  it("writes the provider preference down, maker first and routers last", () => {
    expect(PROVIDER_PREFERENCE.indexOf("openai")).toBeLessThan(PROVIDER_PREFERENCE.indexOf("azure"));
    expect(PROVIDER_PREFERENCE.indexOf("anthropic")).toBeLessThan(PROVIDER_PREFERENCE.indexOf("bedrock"));
    expect(PROVIDER_PREFERENCE.indexOf("gemini")).toBeLessThan(PROVIDER_PREFERENCE.indexOf("vertex_ai-language-models"));
    expect(PROVIDER_PREFERENCE).not.toContain("openrouter");
  });

  it("knows a retired model by name without inventing a price for it", () => {
    // Gemini 1.5 Pro left the LiteLLM map before 2026-07-24: a curated retired entry points to its successor
    const result = full.resolve("gemini 1.5 pro");
    expect(result.kind).toBe("exact");
    if (result.kind !== "exact") return;
    expect(isPriced(result.model)).toBe(false);
    expect(result.model.deprecationDate).toBe("2025-09-24");
    expect("unpriced" in result.model && result.model.unpriced.nearest).toBe("gemini-2.5-pro");
  });

  it.each(["claude", "gemini"])("%s stays ambiguous, curated models first and newest first", (word) => {
    const result = full.resolve(word);
    expect(result.kind).toBe("ambiguous");
    if (result.kind !== "ambiguous") return;
    const firstCatalog = result.candidates.findIndex(isCatalog);
    expect(firstCatalog).toBeGreaterThan(1);
    expect(result.candidates.slice(firstCatalog).every(isCatalog)).toBe(true);
    const versions = result.candidates.slice(0, firstCatalog).map((m) => Number((m.id.match(/\d+/g) ?? ["0"])[0]));
    expect(versions).toEqual([...versions].sort((a, b) => b - a));
    expect(result.candidates.every((m) => `${m.id} ${m.name}`.toLowerCase().includes(word))).toBe(true);
  });

  it("keeps llama ambiguous where no curated alias claims the word", () => {
    const result = catalogOnly.resolve("llama");
    expect(result.kind).toBe("ambiguous");
    if (result.kind === "ambiguous") expect(result.candidates.every((m) => m.id.toLowerCase().includes("llama"))).toBe(true);
  });

  it("lists one entry per model in an ambiguous answer, not one per reseller", () => {
    const result = catalogOnly.resolve("claude");
    if (result.kind !== "ambiguous") throw new Error(`claude resolved ${result.kind}`);
    const names = result.candidates.map((m) => m.id.replace(/^.*[/.]/, "").replace(/[@-]\d{8}.*$/, ""));
    expect(new Set(names).size).toBe(names.length);
    expect(result.candidates[0]!.provider).toBe("anthropic");
  });
});

describe("the shorthand flag (read X as Y)", () => {
  it.each([
    ["gpt5 mini", full, "gpt-5-mini", true],
    ["GPT-5 mini", full, "gpt-5-mini", false],
    ["gpt 5 mini", full, "gpt-5-mini", false],
    ["Gpt.5", full, "gpt-5", true],
    ["4o", () => catalogOnly, "gpt-4o", true],
    ["sonnet 3.5", () => catalogOnly, "vertex_ai/claude-3-5-sonnet", true],
    ["gpt-4o", () => catalogOnly, "gpt-4o", false],
  ] as const)("%s", (typed, which, id, shorthand) => {
    const resolver = typeof which === "function" ? which() : full;
    expect(resolver.resolve(typed)).toMatchObject({
      kind: "exact",
      model: { id },
      shorthand,
    });
  });

  it("flags shorthands inside lists and sentences too", () => {
    const [first] = full.resolveList("gpt5 mini vs deepseek");
    expect(first).toMatchObject({
      kind: "exact",
      model: { id: "gpt-5-mini" },
      shorthand: true,
    });
    expect(catalogOnly.mentions("is 4o cheaper than gpt-5?")).toMatchObject([
      { kind: "exact", model: { id: "gpt-4o" }, shorthand: true },
      { kind: "exact", model: { id: "gpt-5" }, shorthand: false },
    ]);
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
    ["4o mini vs sonnet 3.5", ["gpt-4o-mini", "claude-3.5-sonnet"]],
    // two names side by side are never read as one shorthand ("gpt 5.6")
    ["gpt-5 gpt-6", ["gpt-5", "unknown:gpt-6"]],
    // a family word and a parameter count: that family's model of that size, as in free text
    ["qwen 32b", ["qwen3-32b"]],
    ["qwen 32B vs llama 70b, gpt-5", ["qwen3-32b", "llama-3.3-70b", "gpt-5"]],
    ["qwen 7b", ["qwen-plus", "unknown:7b"]],
  ])("%s", (text, expected) => {
    expect(ids(full.resolveList(text))).toEqual(expected);
  });
});

describe("unknown names and typos", () => {
  it("does not guess a version the user did not type", () => {
    for (const typed of ["gpt-6", "claude opus 4.9", "gemini 9 pro", "grok 7"]) {
      const result = full.resolve(typed);
      expect(result.kind, typed).toBe("unknown");
    }
    const result = full.resolve("gpt-6");
    if (result.kind === "unknown") expect(result.candidates.map((m) => m.id)).toContain("gpt-5");
  });

  it("a typo in the family word before a version is that family's version, and a bare version names no model", () => {
    expect(ids(full.resolveList("deepseak v3, gpt-4o-mini"))).toEqual(["deepseek-chat", "gpt-4o-mini"]);
    // Bedrock's "deepseek.v3-v1:0" goes by "deepseek v3", not by "v3" alone
    expect(full.resolve("v3").kind).toBe("unknown");
  });

  it("a catalog key sheds only the suffixes at its end: a date in the middle is no suffix", () => {
    expect(baseName("gemini-2.5-flash-preview-09-2025")).toBe("gemini-2.5-flash");
    expect(baseName("ollama/deepseek-v3.1:671b-cloud")).toBe("deepseek-v3.1:671b-cloud");
    expect(baseName("bedrock/us-east-1/anthropic.claude-3-5-sonnet-20240620-v1:0")).toBe("claude-3-5-sonnet");
    expect(baseName("deepseek.v3-v1:0")).toBe("deepseek-v3");
  });

  it("suggests only names near what was typed, never unrelated catalog keys", () => {
    const reka = full.resolve("reka core");
    expect(reka.kind).toBe("unknown");
    if (reka.kind === "unknown") expect(reka.candidates).toEqual([]);
  });

  it("forgives a typo that keeps the version", () => {
    expect(full.resolve("deepsek")).toMatchObject({
      kind: "fuzzy",
      model: { id: "deepseek-chat" },
    });
    expect(full.resolve("claude opsu 4.5")).toMatchObject({
      kind: "fuzzy",
      model: { id: "claude-opus-4-5" },
    });
    expect(full.resolve("mistrl large")).toMatchObject({
      kind: "fuzzy",
      model: { id: "mistral-large-3" },
    });
  });

  it("splits two unknown words into two answers", () => {
    expect(ids(full.resolveList("gpt-6 deepsek"))).toEqual(["unknown:gpt-6", "deepseek-chat"]);
  });

  it("suggests curated names before catalog ones", () => {
    const result = full.resolve("gpt-6");
    if (result.kind !== "unknown") throw new Error("gpt-6 resolved");
    expect(isCatalog(result.candidates[0]!)).toBe(false);
  });

  it("search() offers the nearest names for autocomplete, curated first", () => {
    expect(full.search("clau", 5).every((m) => m.id.includes("claude"))).toBe(true);
    expect(full.search("gpt-4o", 3)[0]?.id).toBe("gpt-4o");
  });
});

describe("names mentioned in a sentence", () => {
  it("finds models in free text in both languages", () => {
    expect(ids(full.mentions("is deepseek cheaper than gpt-5?"))).toEqual(["deepseek-chat", "gpt-5"]);
    expect(ids(full.mentions("深度求索和通义千问哪个便宜？"))).toEqual(["deepseek-chat", "qwen-plus"]);
    expect(ids(full.mentions("what does the article say about pricing?"))).toEqual([]);
  });

  it("reads shorthands in a sentence but not bare numbers", () => {
    expect(ids(full.mentions("is 4o cheaper than sonnet 3.5?"))).toEqual(["gpt-4o", "claude-3.5-sonnet"]);
    expect(ids(catalogOnly.mentions("see section 4.1 of the report, 2 days ago"))).toEqual([]);
  });

  it("names a family word once however often it is repeated", () => {
    expect(ids(full.mentions("claude or claude, CLAUDE?"))).toEqual(["ambiguous:claude"]);
  });
});
