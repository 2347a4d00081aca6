import { performance } from "node:perf_hooks";

/** An answer that has waited this long goes in the next turn whatever else is waiting: acks first, but not forever. */
export const MAX_WAIT_MS = 100;
/** A heavy answer (a long paste) waits for the light ones, but never longer than this. */
const MAX_HEAVY_WAIT_MS = 1_000;
/** Answers start in one turn of the event loop until this much of the turn is spent; the rest wait for the next. */
const TURN_BUDGET_MS = 2;

interface Waiting {
  since: number;
  go: () => void;
}

const light: Waiting[] = [];
const heavy: Waiting[] = [];
let scheduled = false;

/** The answer to start next: light ones first, a heavy one when none is waiting or it has waited too long. */
function nextWaiting(now: number): { queue: Waiting[]; overdue: boolean } | null {
  const heavyFirst = heavy[0];
  if (heavyFirst && now - heavyFirst.since >= MAX_HEAVY_WAIT_MS) return { queue: heavy, overdue: true };
  if (light[0]) return { queue: light, overdue: now - light[0].since >= MAX_WAIT_MS };
  return heavyFirst ? { queue: heavy, overdue: false } : null;
}

function takeTurn(): void {
  const turnStarted = performance.now();
  let started = 0;
  let heavyStarted = false;
  const startNext = (): void => {
    const now = performance.now();
    const next = nextWaiting(now);
    // a heavy answer starts a turn and ends it: its work, however long, shares the turn with no other answer
    const mayStart = next && (started === 0 || (!heavyStarted && next.queue === light && (now - turnStarted < TURN_BUDGET_MS || next.overdue)));
    if (next && mayStart) {
      started++;
      heavyStarted = next.queue === heavy;
      next.queue.shift()!.go();
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
 * answers piling up in memory. A `heavy` answer (a long paste) lets every light one waiting go first, up to
 * MAX_HEAVY_WAIT_MS, and has a turn to itself, so a burst of pastes holds up other people's short questions by one
 * paste at most.
 */
export function nextAnswerTurn(isHeavy = false): Promise<void> {
  return new Promise((go) => {
    (isHeavy ? heavy : light).push({ since: performance.now(), go });
    if (!scheduled) {
      scheduled = true;
      setImmediate(takeTurn);
    }
  });
}
