import type { KnowledgeProblem } from "../src/core/knowledge/problems.ts";

export type BrokenEdit = [name: string, file: string, edit: (text: string) => string, expected: Partial<KnowledgeProblem>];

const GPT5 = /( {2}- id: gpt-5\n(?: {4}.*\n)*)/;
export const inGpt5 = (find: RegExp | string, replace: string) => (text: string) => text.replace(GPT5, (entry) => entry.replace(find, replace));

/** Kinds of broken edit an admin can make, each with the problem it must produce. */
export const BROKEN_EDITS: BrokenEdit[] = [
  ["a negative price", "models.yaml", inGpt5("inputPer1M: 1.25", "inputPer1M: -1.25"), { entry: 'model "gpt-5"', field: "inputPer1M" }],
  ["a price that is not a number", "models.yaml", inGpt5("outputPer1M: 10", "outputPer1M: ten"), { entry: 'model "gpt-5"', field: "outputPer1M" }],
  ["an unknown tier", "models.yaml", inGpt5("tier: premium", "tier: luxury"), { entry: 'model "gpt-5"', field: "tier" }],
  ["a missing source", "models.yaml", inGpt5(/ {4}source: .*\n/, ""), { entry: 'model "gpt-5"', field: "source" }],
  ["a missing as-of date", "models.yaml", inGpt5(/ {4}asOf: .*\n/, ""), { entry: 'model "gpt-5"', field: "asOf" }],
  ["a malformed date", "models.yaml", inGpt5("asOf: 2026-07-24", "asOf: last July"), { entry: 'model "gpt-5"', field: "asOf" }],
  ["an as-of date in the future", "models.yaml", inGpt5("asOf: 2026-07-24", "asOf: 2027-01-01"), { entry: 'model "gpt-5"', field: "asOf" }],
  ["an unknown field", "models.yaml", inGpt5("tier: premium", "tier: premium\n    teir: balanced"), { entry: 'model "gpt-5"', field: "teir" }],
  [
    "an unknown capability",
    "models.yaml",
    inGpt5("capabilities: [vision, reasoning, tools]", "capabilities: [vision, telepathy]"),
    { entry: 'model "gpt-5"', field: "capabilities.1" },
  ],
  ["a duplicate id", "models.yaml", (t) => t.replace("- id: gpt-5-mini\n", "- id: gpt-5\n"), { entry: 'model "gpt-5"', field: "id" }],
  ["one alias claimed by two models", "models.yaml", (t) => t.replace('aliases: ["gpt5", "openai gpt-5"]', 'aliases: ["gpt5", "deepseek"]'), { field: "aliases" }],
  ["a cached price above the input price", "models.yaml", inGpt5("cachedInputPer1M: 0.125", "cachedInputPer1M: 12.5"), { entry: 'model "gpt-5"', field: "cachedInputPer1M" }],
  [
    "an article claim pointing at no section",
    "models.yaml",
    inGpt5("section: the-premium-frontier", "section: the-luxury-frontier"),
    { entry: 'model "gpt-5"', field: "articleClaim.section" },
  ],
  ["malformed YAML", "models.yaml", (t) => t.replace("models:\n", "models:\n  - id: [unclosed\n"), { field: "(YAML syntax)" }],
  [
    "a GPU rental range upside down",
    "serving.yaml",
    (t) => t.replace("onDemand: { low: 2.50, high: 5.00 }", "onDemand: { low: 5.50, high: 5.00 }"),
    { field: "gpus.1.rental.onDemand" },
  ],
  [
    "a measurement of a model with no architecture",
    "serving.yaml",
    (t) => t.replace("id: trtllm-llama31-8b-h100-1k1k\n    model: llama-3.1-8b", "id: trtllm-llama31-8b-h100-1k1k\n    model: llama-3.1-9b"),
    { entry: 'calibration "trtllm-llama31-8b-h100-1k1k"', field: "model" },
  ],
  ["an open model without an architecture", "models.yaml", inGpt5("openWeights: false", "openWeights: true"), { entry: 'model "gpt-5"', field: "architectures" }],
  ["a task with an unknown tier", "tasks.yaml", (t) => t.replace("suggestedTier: premium", "suggestedTier: gold"), { field: "tasks.6.suggestedTier" }],
  ["an article without front matter", "articles/2026-llm-token-cost-ranking.md", (t) => t.replace(/^---[\s\S]*?---\n/, ""), { field: "front matter" }],
  [
    "an article section missing its Chinese half",
    "articles/2026-llm-token-cost-ranking.md",
    (t) => t.replace(/随着硬件变得越来越强大[^\n]*\n/, "").replace(/\* {3}\*\*API\*\*: 零维护[^\n]*\n\* {3}\*\*自建\*\*[^\n]*\n/, ""),
    { entry: 'section "Self-Hosted vs. API: The 2026 Equation"', field: "zh" },
  ],
  ["an unknown field in a task", "tasks.yaml", (t) => t.replace("  - id: math\n", "  - id: math\n    priority: high\n"), { entry: "file", field: "tasks.1.priority" }],
  ["a GPU without a specification source", "serving.yaml", (t) => t.replace(/ {4}specSource: https:\/\/resources\.nvidia\.com[^\n]*\n/, ""), { field: "gpus.1.specSource" }],
  [
    "a measurement on a GPU that does not exist",
    "serving.yaml",
    (t) => t.replace("model: llama-3.1-8b\n    gpu: h100\n", "model: llama-3.1-8b\n    gpu: h10\n"),
    { entry: 'calibration "trtllm-llama31-8b-h100-1k1k"', field: "gpu" },
  ],
  [
    "an article-only model whose nearest model does not exist",
    "models.yaml",
    (t) => t.replace("nearest: claude-opus-4-5", "nearest: claude-opus-9"),
    { entry: 'model "claude-3.5-opus"', field: "unpriced.nearest" },
  ],
  ["a GPU price dated in the future", "serving.yaml", (t) => t.replace("    asOf: 2026-05-20\n", "    asOf: 2027-05-20\n"), { entry: 'GPU "h100"', field: "asOf" }],
  ["a negative exchange rate", "currency.yaml", (t) => t.replace("rate: 7.10", "rate: -7.10"), { entry: "file", field: "usdToCny.rate" }],
  ["a Chinese alias claimed by two models", "models.yaml", (t) => t.replace('aliasesZh: ["GPT五"]', 'aliasesZh: ["深度求索"]'), { field: "aliases" }],
  [
    "a task bar measured from a best score quality.yaml does not record",
    "quality.yaml",
    (t) => t.replace(/^ {2}coding: \{score: [\d.]+, arena: "[^"]+"\}\n/m, ""),
    { entry: "best", field: "coding" },
  ],
];
