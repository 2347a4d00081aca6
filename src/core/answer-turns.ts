import { performance } from "node:perf_hooks";

/** An answer that has waited this long goes in the next turn whatever else is waiting: acks first, but not forever. */
const MAX_WAIT_MS = 100;

const waiting: { since: number; go: () => void }[] = [];
let scheduled = false;

function releaseDue(): void {
  const now = performance.now();
  let count = 1;
  while (count < waiting.length && now - waiting[count]!.since >= MAX_WAIT_MS) count++;
  for (const answer of waiting.splice(0, count)) answer.go();
  // the rest wait for the next turn of the event loop, after the I/O that arrived meanwhile
  if (waiting.length) setImmediate(releaseDue);
  else scheduled = false;
}

/**
 * Resolves when it is this answer's turn: normally one answer per turn of the event loop, after the requests that
 * arrived before it were read and acknowledged. A burst (or a few heavy questions at once) is then spread over
 * several turns instead of holding the loop for all of them, and Slack's acknowledgements (due within 3 s) never
 * queue behind answers. When answers fall behind, each that has waited MAX_WAIT_MS goes at once: acknowledgements
 * then slow down to the pace of the answers, instead of answers piling up in memory.
 */
export function nextAnswerTurn(): Promise<void> {
  return new Promise((go) => {
    waiting.push({ since: performance.now(), go });
    if (!scheduled) {
      scheduled = true;
      setImmediate(releaseDue);
    }
  });
}
