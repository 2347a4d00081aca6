import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { MAX_WAIT_MS, nextAnswerTurn } from "../src/core/conversation/answer-turns.ts";
import { commands } from "../commands/index.ts";
import { createDispatcher } from "../src/core/dispatch/dispatch.ts";
import { fixedKnowledge } from "../src/core/knowledge/store.ts";
import { MemoryRateLimit } from "../src/core/conversation/rate-limit.ts";
import { realSnapshot, TODAY } from "./helpers.ts";

/** An answer that keeps the thread busy for `ms`, as working out a reply does. */
const work = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe("answers take turns with the requests still arriving", () => {
  it("starts answers in order until about 2 ms of a turn is spent, then lets waiting I/O in before the rest", async () => {
    const started: number[] = [];
    const asked = performance.now();
    let longestWait = 0;
    const answers = Array.from({ length: 40 }, (_, i) =>
      nextAnswerTurn().then(() => {
        longestWait = Math.max(longestWait, performance.now() - asked);
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
    // a machine that stalled the test past MAX_WAIT_MS makes every waiting answer overdue: they then go at once, by design
    if (longestWait >= MAX_WAIT_MS) return;
    const perTurn = seenBetweenTurns.map((seen, i) => seen - (seenBetweenTurns[i - 1] ?? 0)).filter((n) => n > 0);
    // 2 ms of 0.5-ms answers, one more at most; a turn the machine slowed may hold fewer, but not every turn
    expect(Math.max(...perTurn)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...perTurn)).toBeLessThanOrEqual(6);
    expect(perTurn.length).toBeGreaterThanOrEqual(7);
  });

  it("gives a heavy answer a turn to itself", async () => {
    const started: number[] = [];
    const asked = performance.now();
    let firstWait = -1;
    const answers = [10, 0.1, 0.1].map((ms, i) =>
      nextAnswerTurn().then(() => {
        if (firstWait < 0) firstWait = performance.now() - asked;
        started.push(i);
        work(ms);
      }),
    );
    let answeredBeforeIo = -1;
    setImmediate(() => (answeredBeforeIo = started.length));
    await Promise.all(answers);
    expect(started).toEqual([0, 1, 2]);
    // stalled past MAX_WAIT_MS before the first turn, all three are overdue and go at once, by design
    if (firstWait < MAX_WAIT_MS) expect(answeredBeforeIo).toBe(1);
  });

  it("lets a short question asked beside a burst of pastes go before them", async () => {
    const started: string[] = [];
    const pastes = Array.from({ length: 10 }, (_, i) =>
      nextAnswerTurn(true).then(() => {
        started.push(`paste ${i}`);
        work(10);
      }),
    );
    const question = nextAnswerTurn(false).then(() => {
      started.push("question");
      work(0.5);
    });
    await Promise.all([...pastes, question]);
    // at most the paste already under way when it arrived goes first
    expect(started.indexOf("question")).toBeLessThanOrEqual(1);
    expect(started.filter((s) => s.startsWith("paste"))).toEqual(Array.from({ length: 10 }, (_, i) => `paste ${i}`));
  });
});

describe("through the dispatcher", () => {
  it("works on one long paste per turn of the event loop, so a burst of them never holds the loop for all at once", async () => {
    // as the bot composes it: with a rate limit, whose check is one more await before an answer's work
    const dispatcher = createDispatcher({ commands, knowledge: fixedKnowledge(await realSnapshot()), limiter: new MemoryRateLimit(100, 100), today: () => TODAY });
    const answered: string[] = [];
    const ask = (name: string, command: string, text: string) =>
      dispatcher.answer({ command, text, user: { id: name }, isAdmin: false, surface: "slack" }).then((reply) => {
        expect(reply.ok).toBe(true);
        answered.push(name);
      });
    const paste = (i: number) => `${"模型推理成本".repeat(6_000)} ${i}`;
    await ask("warm-up", "ask", paste(99));
    // like requests read in the meantime: one check between every two turns, noting how many pastes were answered
    const seenBetweenTurns: number[] = [];
    let done = false;
    const probe = () => {
      seenBetweenTurns.push(answered.filter((name) => name.startsWith("paste")).length);
      if (!done) setImmediate(probe);
    };
    setImmediate(probe);
    const pastes = Array.from({ length: 10 }, (_, i) => ask(`paste ${i}`, "ask", paste(i)));
    const question = ask("question", "compare", "gpt-5 deepseek");
    await Promise.all([...pastes, question]);
    done = true;
    const perTurn = seenBetweenTurns.map((seen, i) => seen - (seenBetweenTurns[i - 1] ?? 0));
    // one paste's work per turn; an answer's last await (a count from a worker thread) may finish it a few turns
    // later, beside the next ones: on a loaded machine up to four came in one turn, against ten if all ran at once
    // a reduce, not Math.max(...): the probe may have seen more turns than a call can take arguments
    expect(perTurn.reduce((most, n) => Math.max(most, n), 0)).toBeLessThanOrEqual(4);
    expect(answered.indexOf("question")).toBeLessThanOrEqual(1);
  });
});
