import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../src/core/reply/errors.ts";
import { loadCatalog } from "../src/core/knowledge/catalog.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";
import { boundedEditDistance } from "../src/core/models/edit-distance.ts";
import { ModelResolver, NAME_LIMITS, NameLimitError } from "../src/core/models/resolve.ts";
import { TrigramIndex } from "../src/core/models/trigram-index.ts";

const KNOWLEDGE = fileURLToPath(new URL("../knowledge/", import.meta.url));
const PRICE_MAP = fileURLToPath(new URL("../../shared/data/litellm-model-prices.json", import.meta.url));
const TODAY = "2026-11-28";

let resolver: ModelResolver;
beforeAll(async () => {
  const { models } = await loadKnowledge(KNOWLEDGE, new Date(`${TODAY}T12:00:00Z`));
  resolver = new ModelResolver(models, await loadCatalog(PRICE_MAP, models, TODAY));
});

/** Work one call does, in table probes and index entries read (the resolver counts them). */
function workOf(call: () => unknown): number {
  const before = resolver.work.probes;
  try {
    call();
  } catch (error) {
    if (!(error instanceof NameLimitError)) throw error;
  }
  return resolver.work.probes - before;
}

/**
 * Generous bounds on that work, far above what real names cost and far below what a scan of the
 * catalog per character would (2,000+ names): per character read, plus a constant per request.
 */
const PER_CHAR = 12;
const ONE_FUZZY_SEARCH = 12_000;
const PER_REQUEST = NAME_LIMITS.maxFuzzyPerList * ONE_FUZZY_SEARCH + 16 * 3_100;
const READ_OF_MENTIONS = NAME_LIMITS.mentionHeadChars + NAME_LIMITS.mentionTailChars + 1;

const letters = (n: number) => "abcdefghijklmnopqrstuvwxyz".repeat(Math.ceil(n / 26)).slice(0, n);

describe("length limits, enforced before any search", () => {
  it("refuses a name over the limit with a localized error, without searching", () => {
    const long = letters(NAME_LIMITS.maxNameChars + 1);
    let thrown: unknown;
    const work = workOf(() => {
      try {
        resolver.resolve(long);
      } catch (error) {
        thrown = error;
        throw error;
      }
    });
    expect(thrown).toBeInstanceOf(NameLimitError);
    expect(thrown).toBeInstanceOf(UserError);
    expect(thrown).toMatchObject({
      code: "bad_input",
      key: "error.tooLong",
      params: { size: 101, max: 100 },
      problem: { kind: "too_long" },
    });
    expect(work).toBe(0);
  });

  it("answers a name of too many words as unknown without suggestions or search", () => {
    const words = Array.from({ length: NAME_LIMITS.maxNameWords + 1 }, () => "gpt").join(" ");
    let result: ReturnType<ModelResolver["resolve"]> | undefined;
    const work = workOf(() => (result = resolver.resolve(words)));
    expect(result).toMatchObject({
      kind: "unknown",
      candidates: [],
      rejected: { kind: "too_many_words", max: NAME_LIMITS.maxNameWords },
    });
    expect(work).toBe(0);
  });

  it.each([
    ["/compare gpt-5 deepseek <6,000 letters>", `gpt-5 deepseek ${letters(6000)}`],
    ["/compare gpt-5 deepseek <40,000 letters>", `gpt-5 deepseek ${letters(40_000)}`],
    ["a 5 MB paste", letters(5_000_000)],
  ])("refuses a list as long as %s before reading it", (_, text) => {
    expect(() => resolver.resolveList(text)).toThrow(NameLimitError);
    expect(workOf(() => resolver.resolveList(text))).toBe(0);
  });

  it("refuses a list holding one word longer than any name", () => {
    expect(() => resolver.resolveList(`gpt-5 ${letters(150)}`)).toThrow(expect.objectContaining({ params: { size: 150, max: 100 } }));
  });

  it("searches nothing for 6,000 '(' (/models filter)", () => {
    const text = "(".repeat(6000);
    expect(resolver.search(text, 10)).toEqual([]);
    expect(workOf(() => resolver.search(text, 10))).toBe(0);
  });

  it("reads the start and end of a 5 MB sentence only, and still finds the names there", () => {
    const text = `is gpt-5 cheaper ${"lorem ipsum ".repeat(420_000)} than deepseek?`;
    const found = resolver.mentions(text).map((r) => (r.kind === "exact" ? r.model.id : r.kind));
    expect(found).toEqual(["gpt-5", "deepseek-chat"]);
    expect(workOf(() => resolver.mentions(text))).toBeLessThan(PER_CHAR * READ_OF_MENTIONS);
  });

  it("reads the start and end of a long Chinese text too, which has no spaces to cut at", () => {
    const text = `深度求索${"的".repeat(1_000_000)}通义千问`;
    expect(resolver.mentions(text).map((r) => (r.kind === "exact" ? r.model.id : r.kind))).toEqual(["deepseek-chat", "qwen-plus"]);
  });

  it("stops fuzzy searching after the per-list budget, answering the rest unknown", () => {
    const list = Array.from({ length: 40 }, (_, i) => `zq${letters(6 + (i % 5))}`).join(", ");
    const results = resolver.resolveList(list);
    expect(results).toHaveLength(40);
    expect(results.filter((r) => r.kind === "unknown" && r.candidates.length === 0).length).toBeGreaterThanOrEqual(40 - NAME_LIMITS.maxFuzzyPerList);
  });
});

/** Text made of real name fragments, separators, digits and any Unicode: what both users and attackers type. */
const hostileText = (maxLength: number) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom("gpt-5", "4o", "sonnet", "3.5", "claude", "深度求索", "和", "vs", ",", " ", "(", "a1", "qwen2p5", "llama", "-", "。", "\u202e", "𝔤𝔭𝔱"),
        fc.string({ unit: "grapheme", maxLength: 12 }),
        fc.string({ unit: "binary", maxLength: 12 }),
        fc.nat({ max: 99 }).map(String),
      ),
      { maxLength: Math.ceil(maxLength / 3) },
    )
    .map((parts) => parts.join(parts.length % 2 ? " " : ""))
    .map((text) => text.slice(0, maxLength));

describe("bounded work on any input (properties)", () => {
  it("never throws anything but the typed length error, on any Unicode", () => {
    fc.assert(
      fc.property(hostileText(400), (text) => {
        for (const call of [() => resolver.resolve(text), () => resolver.resolveList(text)]) {
          try {
            call();
          } catch (error) {
            expect(error).toBeInstanceOf(NameLimitError);
          }
        }
        expect(() => resolver.mentions(text)).not.toThrow();
        expect(() => resolver.search(text)).not.toThrow();
        expect(() => resolver.exact(text)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("resolve() costs a bounded amount whatever the name", () => {
    fc.assert(
      fc.property(hostileText(NAME_LIMITS.maxNameChars), (text) => {
        expect(workOf(() => resolver.resolve(text))).toBeLessThanOrEqual(ONE_FUZZY_SEARCH + 4 * 3_100);
      }),
      { numRuns: 300 },
    );
  });

  it("resolveList() and mentions() cost work linear in what they read", () => {
    fc.assert(
      fc.property(hostileText(8_000), (text) => {
        expect(workOf(() => resolver.resolveList(text))).toBeLessThanOrEqual(PER_CHAR * (text.length + 1) + PER_REQUEST);
        expect(workOf(() => resolver.mentions(text))).toBeLessThanOrEqual(PER_CHAR * (Math.min(text.length, READ_OF_MENTIONS) + 1) + PER_REQUEST);
      }),
      { numRuns: 150 },
    );
  });

  it("mentions() of repeated words costs per word, not per word times the catalog", () => {
    for (const word of ["claude ", "a1 ", "gpt-5 ", "4o mini ", "深度求索", "( "]) {
      const text = word.repeat(Math.ceil(20_000 / word.length));
      expect(
        workOf(() => resolver.mentions(text)),
        word,
      ).toBeLessThanOrEqual(PER_CHAR * READ_OF_MENTIONS + PER_REQUEST);
    }
  });
});

describe("the pieces behind the bounds", () => {
  /** The textbook optimal-string-alignment distance, to check the banded one against. */
  function reference(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
    return d[a.length]![b.length]!;
  }

  it("banded edit distance equals the full one up to its cutoff", () => {
    const word = fc.string({
      unit: fc.constantFrom("a", "b", "c", "d"),
      maxLength: 14,
    });
    fc.assert(
      fc.property(word, word, fc.nat({ max: 6 }), (a, b, max) => {
        expect(boundedEditDistance(a, b, max)).toBe(Math.min(reference(a, b), max + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it("counts a transposition as one edit (opsu → opus)", () => {
    expect(boundedEditDistance("claudeopsu45", "claudeopus45", 2)).toBe(1);
  });

  it("reads no more postings than its budget, however many names share a trigram", () => {
    const names = Array.from({ length: 50_000 }, (_, i) => `gpt${i}`);
    const index = new TrigramIndex(names, 2_000);
    const meter = { probes: 0 };
    const hits = index.candidates("gpt", 10, meter);
    expect(hits).toHaveLength(10);
    expect(meter.probes).toBeLessThanOrEqual(2 * 2_000 + 10);
  });

  it("ranks the closest names first", () => {
    const index = new TrigramIndex(["deepseek", "deepseekchat", "gemini", "deepsea"]);
    expect(index.candidates("deepsek", 2).map((hit) => index.names[hit.index])).toEqual(["deepseek", "deepsea"]);
  });
});
