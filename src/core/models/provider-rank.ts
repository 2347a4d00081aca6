/**
 * Which catalog entry a name means when several providers sell the same model and the curated table has none:
 * the model's maker first, then the big clouds that resell it, then inference hosts, then aggregators.
 * LiteLLM provider names (the `litellm_provider` field), earlier wins; providers not listed rank between the
 * hosts and the aggregators, alphabetically.
 */
export const PROVIDER_PREFERENCE: readonly string[] = [
  // makers selling their own models
  "openai",
  "anthropic",
  "gemini",
  "deepseek",
  "xai",
  "moonshot",
  "dashscope",
  "mistral",
  "codestral",
  "zai",
  "minimax",
  "meta",
  "cohere_chat",
  "ai21",
  "amazon_nova",
  "perplexity",
  "volcengine",
  "tencent",
  "inception",
  "sarvam",
  // clouds reselling them (Google's own cloud first for Gemini, then Vertex partners, Bedrock, Azure)
  "vertex_ai-language-models",
  "vertex_ai-anthropic_models",
  "vertex_ai",
  "bedrock_converse",
  "bedrock",
  "azure",
  "azure_ai",
  // inference hosts of open models
  "groq",
  "together_ai",
  "fireworks_ai",
  "deepinfra",
  "cerebras",
  "sambanova",
  "nebius",
  "hyperbolic",
  "novita",
  "baseten",
  "lambda_ai",
  "nscale",
  "crusoe",
  "scaleway",
  "ovhcloud",
  "cloudflare",
  "replicate",
  "databricks",
  "snowflake",
  "watsonx",
  "oci",
];

/** Routers that resell every other provider: last, after any host. */
const AGGREGATORS = new Set(["openrouter", "vercel_ai_gateway", "github_copilot", "gmi", "llamagate", "v0"]);

const ORDER = new Map(PROVIDER_PREFERENCE.map((provider, index) => [provider, index]));

/** Lower is preferred. Vertex AI's per-partner providers ("vertex_ai-qwen_models") rank with Vertex AI. */
export function providerRank(provider: string): number {
  const known = ORDER.get(provider) ?? (provider.startsWith("vertex_ai-") ? ORDER.get("vertex_ai") : undefined);
  if (known !== undefined) return known;
  return AGGREGATORS.has(provider) ? PROVIDER_PREFERENCE.length + 1 : PROVIDER_PREFERENCE.length;
}
