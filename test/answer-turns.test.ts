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
    // queued like a request read in the meantime: it runs between the first turn and the next
    let answeredBeforeIo = -1;
    setImmediate(() => (answeredBeforeIo = started.length));
    await Promise.all(answers);
    expect(started).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(answeredBeforeIo).toBeGreaterThanOrEqual(2);
    expect(answeredBeforeIo).toBeLessThanOrEqual(6);
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
