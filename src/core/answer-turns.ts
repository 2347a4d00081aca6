import { performance } from "node:perf_hooks";

/** An answer that has waited this long goes in the next turn whatever else is waiting: acks first, but not forever. */
const MAX_WAIT_MS = 100;
/** Answers start in one turn of the event loop until this much of the turn is spent; the rest wait for the next. */
const TURN_BUDGET_MS = 2;

const waiting: { since: number; go: () => void }[] = [];
let scheduled = false;

function takeTurn(): void {
  const turnStarted = performance.now();
  let started = 0;
  const startNext = (): void => {
    const next = waiting[0];
    const now = performance.now();
    if (next && (started === 0 || now - turnStarted < TURN_BUDGET_MS || now - next.since >= MAX_WAIT_MS)) {
      waiting.shift();
      started++;
      next.go();
      // queued behind that answer's first synchronous stretch, so the time it took counts against the turn
      queueMicrotask(startNext);
      return;
    }
    // the rest wait for the next turn of the event loop, after the I/O that arrived meanwhile
    if (next) setImmediate(takeTurn);
    else scheduled = false;
  };
  startNext();
}

/**
 * Resolves when it is this answer's turn: answers start in a turn of the event loop until about 2 ms of it is spent
 * (one at least), after the requests that arrived before them were read and acknowledged. A burst (or a few heavy
 * questions at once) is then spread over several turns instead of holding the loop for all of them, and Slack's
 * acknowledgements (due within 3 s) never queue behind more than a turn of answers. When answers fall behind, each
 * that has waited MAX_WAIT_MS goes at once: acknowledgements then slow down to the pace of the answers, instead of
 * answers piling up in memory.
 */
export function nextAnswerTurn(): Promise<void> {
  return new Promise((go) => {
    waiting.push({ since: performance.now(), go });
    if (!scheduled) {
      scheduled = true;
      setImmediate(takeTurn);
    }
  });
}
