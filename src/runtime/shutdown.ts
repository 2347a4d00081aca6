import type { InFlight } from "./in-flight.ts";

interface Logger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export interface GracefulStop {
  inFlight: InFlight;
  timeoutMs: number;
  logger: Logger;
  /** stop taking new work (close listeners, leave the gateway), so only answers in flight remain */
  stopAccepting(): Promise<void>;
  /** after the drain: close what is left (watchers, Redis, the health port) */
  release(): Promise<void>;
}

/** Runs `work` for at most `timeoutMs`: true when it finished in time. */
async function within(work: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const finished = await Promise.race([work.then(() => true as const), timedOut]);
  clearTimeout(timer);
  return finished;
}

/**
 * SIGTERM and SIGINT: stop taking work, finish the answers in flight (at most `timeoutMs`), release, exit 0, or 1
 * when the timeout cut answers off. A second signal exits at once.
 */
export function stopGracefullyOnSignals(stop: GracefulStop, onStopping: () => void = () => undefined): void {
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      stop.logger.warn({ signal, inFlight: stop.inFlight.size }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    onStopping();
    stop.logger.info({ signal, inFlight: stop.inFlight.size }, "stopping: no new work, finishing answers in flight");
    const stopped = stop.stopAccepting().catch((error: Error) => stop.logger.warn({ error: error.message }, "a surface did not stop cleanly"));
    // the timeout covers closing the listeners too: a client holding a connection open cannot delay the exit
    const drained = await within(
      stopped.then(() => stop.inFlight.drain()),
      stop.timeoutMs,
    );
    if (!drained) stop.logger.warn({ inFlight: stop.inFlight.size, timeoutMs: stop.timeoutMs }, "shutdown timeout: answers still in flight are dropped");
    await stop.release().catch((error: Error) => stop.logger.warn({ error: error.message }, "cleanup after shutdown failed"));
    stop.logger.info({ drained }, "stopped");
    process.exit(drained ? 0 : 1);
  };
  process.on("SIGTERM", (signal) => void shutdown(signal));
  process.on("SIGINT", (signal) => void shutdown(signal));
}
