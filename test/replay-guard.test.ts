import { describe, expect, it } from "vitest";
import { RecentSignatures } from "../src/adapters/slack/replay-guard.ts";

describe("the replay guard", () => {
  it("refuses a replay even after its signature was forgotten to stay within capacity", () => {
    const guard = new RecentSignatures(3, () => 1_000_000);
    for (const [signature, signedAt] of [
      ["a", 100],
      ["b", 101],
      ["c", 102],
      ["d", 103],
    ] as const)
      expect(guard.accept(signature, signedAt)).toBe(true);
    expect(guard.size).toBe(3);
    // "a" is no longer remembered, but it was signed no later than what was forgotten: it cannot be told from a replay
    expect(guard.accept("a", 100)).toBe(false);
    expect(guard.accept("b", 101)).toBe(false);
    expect(guard.accept("e", 104)).toBe(true);
  });

  it("forgets signatures once their timestamps could no longer pass the freshness check", () => {
    let now = 0;
    const guard = new RecentSignatures(10, () => now);
    expect(guard.accept("a", 0)).toBe(true);
    now = 361_000;
    expect(guard.accept("b", 361)).toBe(true);
    expect(guard.size).toBe(1);
  });
});

describe("the replay guard, long after it first filled", () => {
  it("still remembers exactly the last `capacity` signatures once it has wrapped around many times", () => {
    const guard = new RecentSignatures(4, () => 1_000_000);
    for (let i = 0; i < 30; i++) expect(guard.accept(`s${i}`, 1000 + i)).toBe(true);
    expect(guard.size).toBe(4);
    for (let i = 26; i < 30; i++) expect(guard.accept(`s${i}`, 1000 + i)).toBe(false);
    expect(guard.accept("s30", 1030)).toBe(true);
  });
});
