import { Tiktoken, type TiktokenBPE } from "js-tiktoken/lite";

export type EncodingName = "o200k_base" | "cl100k_base";

const RANKS: Record<EncodingName, () => Promise<{ default: TiktokenBPE }>> = {
  o200k_base: () => import("js-tiktoken/ranks/o200k_base"),
  cl100k_base: () => import("js-tiktoken/ranks/cl100k_base"),
};

const encoders = new Map<EncodingName, Promise<Tiktoken>>();

/** Ranks are large: each encoding is loaded once, on first use. */
function encoder(name: EncodingName): Promise<Tiktoken> {
  let pending = encoders.get(name);
  if (!pending) {
    pending = RANKS[name]().then((ranks) => new Tiktoken(ranks.default));
    encoders.set(name, pending);
  }
  return pending;
}

export async function countTokens(text: string, encoding: EncodingName = "o200k_base"): Promise<number> {
  return (await encoder(encoding)).encode(text, "all").length;
}

/** OpenAI's own models (and its open-weights gpt-oss) use o200k_base; for everyone else a count is an approximation. */
export function encodingFor(provider: string): { encoding: EncodingName; exact: boolean } {
  return { encoding: "o200k_base", exact: /^openai\b/i.test(provider) };
}
