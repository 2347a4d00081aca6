import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { nextAnswerTurn } from "../src/core/answer-turns.ts";

/** An answer that keeps the thread busy for `ms`, as working out a reply does. */
const work = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe("answers take turns with the requests still arriving", () => {
  it("starts answers in order until about 2 ms of a turn is spent, then lets waiting I/O in before the rest", async () => {
    const started: number[] = [];
    const answers = Array.from({ length: 40 }, (_, i) =>
      nextAnswerTurn().then(() => {
        started.push(i);
        work(0.5);
      }),
    );
    // like requests read in the meantime: one check between every two turns, noting how many answers had started
    const seenBetweenTurns: number[] = [];
    const probe = () => {
      seenBetweenTurns.push(started.length);
      if (started.length < 40) setImmediate(probe);
    };
    setImmediate(probe);
    await Promise.all(answers);
    expect(started).toEqual(Array.from({ length: 40 }, (_, i) => i));
    const perTurn = seenBetweenTurns.map((seen, i) => seen - (seenBetweenTurns[i - 1] ?? 0)).filter((n) => n > 0);
    // 2 ms of 0.5-ms answers, one more at most; a turn the machine slowed may hold fewer, but not every turn
    expect(Math.max(...perTurn)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...perTurn)).toBeLessThanOrEqual(6);
    expect(perTurn.length).toBeGreaterThanOrEqual(7);
  });

  it("gives a heavy answer a turn to itself", async () => {
    const started: number[] = [];
    const answers = [10, 0.1, 0.1].map((ms, i) =>
      nextAnswerTurn().then(() => {
        started.push(i);
        work(ms);
      }),
    );
    let answeredBeforeIo = -1;
    setImmediate(() => (answeredBeforeIo = started.length));
    await Promise.all(answers);
    expect(answeredBeforeIo).toBe(1);
  });
});
