import type { Redis } from "ioredis";

/** How Redis is doing, as answers see it: "ok", "down" (no connection) or "slow" (connected, not answering in time). */
export type RedisState = "ok" | "down" | "slow";

/** How often Redis is pinged, and how long a ping may take before Redis counts as slow. */
const REDIS_PING = { everyMs: 1_000, slowAfterMs: 250 } as const;

/**
 * Runs `decide` once the input already waiting has been read: timers run before I/O in each turn of the event loop,
 * so in a process that was kept off the CPU (a busy host) a timer would otherwise call Redis slow while its answer
 * sits unread.
 */
function afterPendingInput(decide: () => void): void {
  setImmediate(decide);
}

/**
 * Watches Redis with a ping a second, so answers skip it while it is down or hung and use their fallbacks at once,
 * instead of each waiting for a command to time out. Only the answers in flight while Redis turns slow wait, and
 * at most one command timeout.
 */
export class RedisHealth {
  private state: RedisState = "ok";
  private timer: NodeJS.Timeout | null = null;
  private pinging = false;

  constructor(
    private readonly redis: Redis,
    private readonly onChange: (state: RedisState) => void = () => undefined,
  ) {}

  start(): this {
    this.timer = setInterval(() => void this.check(), REDIS_PING.everyMs);
    this.timer.unref();
    return this;
  }

  current(): RedisState {
    if (this.redis.status !== "ready") return "down";
    return this.state;
  }

  /** true when answers should use Redis now */
  usable(): boolean {
    return this.current() === "ok";
  }

  private set(state: RedisState): void {
    if (state === this.state) return;
    this.state = state;
    this.onChange(state);
  }

  private async check(): Promise<void> {
    if (this.redis.status !== "ready") return this.set("down");
    // a ping still waiting is itself the answer: Redis is slow
    if (this.pinging) {
      return afterPendingInput(() => {
        if (this.pinging) this.set("slow");
      });
    }
    this.pinging = true;
    let late: NodeJS.Timeout | undefined;
    const slow = new Promise<"slow">((resolve) => (late = setTimeout(() => afterPendingInput(() => resolve("slow")), REDIS_PING.slowAfterMs)));
    const answered = this.redis.ping().then(
      () => "ok" as const,
      () => "down" as const,
    );
    void answered.finally(() => (this.pinging = false));
    this.set(await Promise.race([answered, slow]));
    clearTimeout(late);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
