import { get_encoding } from "tiktoken";
import { afterAll, describe, expect, it } from "vitest";
import { corpora, unpunctuatedChinese } from "../scripts/bench/corpora.ts";
import { closeTokenWorkers, countTokens } from "../src/core/tokens/index.ts";

/** tiktoken (OpenAI's Rust BPE compiled to WASM) is the reference for long texts. */
const wasm = { o200k_base: get_encoding("o200k_base"), cl100k_base: get_encoding("cl100k_base") };

/**
 * tiktoken 1.0.22 (WASM) counted unpunctuatedChinese(100_000, 2026) as this many o200k_base tokens. It is pinned
 * because tiktoken's own merge is quadratic in a piece's length: that one count took it 194 s on the 2-core machine this was written on.
 */
const PINNED_100K_O200K = 98_590;

afterAll(async () => {
  await closeTokenWorkers();
  wasm.o200k_base.free();
  wasm.cl100k_base.free();
});

describe("one long run of Chinese without punctuation (a single pre-tokenizer piece)", () => {
  for (const encoding of ["o200k_base", "cl100k_base"] as const) {
    it(`of 8,000 characters is counted as tiktoken counts it (${encoding})`, async () => {
      const text = unpunctuatedChinese(8_000, 7);
      expect(await countTokens(text, encoding)).toBe(wasm[encoding].encode_ordinary(text).length);
    });
  }

  it("of 100,000 characters is counted as tiktoken counts it", async () => {
    const text = unpunctuatedChinese(100_000, 2026);
    expect(await countTokens(text)).toBe(PINNED_100K_O200K);
  });
});

describe("a large paste counted in slices", () => {
  it("counts the same as tiktoken counts the whole text", async () => {
    const [english, chinese, mixed, code] = corpora(0.4, 11);
    const paste = [english!.text, chinese!.text, unpunctuatedChinese(8_000, 11), mixed!.text, code!.text].join("\n");
    expect(await countTokens(paste)).toBe(wasm.o200k_base.encode_ordinary(paste).length);
    expect(await countTokens(paste, "cl100k_base")).toBe(wasm.cl100k_base.encode_ordinary(paste).length);
  });
});
