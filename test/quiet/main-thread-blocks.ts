import { monitorEventLoopDelay } from "node:perf_hooks";

/** The CPU time this thread has used, in ms; null on a Node without process.threadCpuUsage (before 23.9). */
function threadCpuMs(): number | null {
  if (typeof process.threadCpuUsage !== "function") return null;
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

/**
 * Watches how long this thread works without letting its event loop turn: the longest stretch of this thread's own
 * CPU time between two turns of a 1 ms timer. Unlike an event-loop delay in wall time, the time the thread spends
 * waiting for a core on a machine busy with other work does not count, nor does work on worker threads: only what
 * would make another user on this thread wait. Node < 23.9 falls back to monitorEventLoopDelay's wall time.
 * `stop()` gives the longest stretch in ms.
 */
export function watchBlocking(): { stop(): number } {
  if (threadCpuMs() === null) {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    return {
      stop: () => {
        delay.disable();
        return delay.max / 1e6;
      },
    };
  }
  let last = threadCpuMs()!;
  let longest = 0;
  const turn = () => {
    const now = threadCpuMs()!;
    longest = Math.max(longest, now - last);
    last = now;
  };
  const timer = setInterval(turn, 1);
  return {
    stop: () => {
      clearInterval(timer);
      turn();
      return longest;
    },
  };
}
