import { Tiktoken } from "js-tiktoken/lite";
import cl100k from "js-tiktoken/ranks/cl100k_base";
import o200k from "js-tiktoken/ranks/o200k_base";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countTokens, INLINE_LIMIT_CHARS, safeCuts, splitAt } from "../src/core/tokens.ts";

/** js-tiktoken, the named package, is the reference: every count must equal its encode_ordinary count. */
const oracle = { o200k_base: new Tiktoken(o200k), cl100k_base: new Tiktoken(cl100k) };
const reference = (text: string, encoding: keyof typeof oracle = "o200k_base") => oracle[encoding].encode(text, [], []).length;

const pieces = fc.constantFrom(
  "Hello, world! ", "don't ", "I'll ", "  ", "\n", "\r\n", "\n\n", "\t", "中文字符", "深度求索", "，。！", "😀", "👩‍👩‍👧", "🇨🇳",
  "const x = 42;", "if (a && b) {\n  return c;\n}", "<|endoftext|>", "<|im_start|>", "1234567", "3.14159", "ÄÖÜ ß", "Ω≈ç√", "١٢٣ مرحبا", "   \n   ", "'s", "’", "\u200b",
);
const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.array(pieces, { maxLength: 80 }).map((p) => p.join("")),
);

describe("token counts equal js-tiktoken's", () => {
  it("for random Unicode, CJK, emoji, code and special-token text (o200k_base)", async () => {
    await fc.assert(fc.asyncProperty(text, async (t) => {
        expect(await countTokens(t)).toBe(reference(t));
      }), { numRuns: 400 });
  });

  it("for cl100k_base too", async () => {
    await fc.assert(fc.asyncProperty(text, async (t) => {
        expect(await countTokens(t, "cl100k_base")).toBe(reference(t, "cl100k_base"));
      }), { numRuns: 200 });
  });

  it("when a text is cut at the safe cuts, the pieces' counts add up to the whole's", () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 2, maxLength: 30 }).map((parts) => parts.join("\n")), fc.integer({ min: 2, max: 8 }), (joined, parts) => {
        const cuts = safeCuts(joined, parts);
        const total = splitAt(joined, cuts).reduce((sum, piece) => sum + reference(piece), 0);
        expect(total).toBe(reference(joined));
      }),
      { numRuns: 300 },
    );
  });

  it("for large texts counted in parallel worker threads", async () => {
    const article = "The pricing landscape.\nDeepSeek 深度求索 ~$0.10 / 1M tokens 😀\n  indented code();\n\nNext paragraph.\n";
    const large = article.repeat(Math.ceil((INLINE_LIMIT_CHARS * 6) / article.length));
    expect(large.length).toBeGreaterThan(INLINE_LIMIT_CHARS * 4);
    expect(await countTokens(large)).toBe(reference(large));
    const noBreaks = "没有换行的中文，".repeat(INLINE_LIMIT_CHARS / 2);
    expect(await countTokens(noBreaks)).toBe(reference(noBreaks));
  });
});
