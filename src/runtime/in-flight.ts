/**
 * The most answers a process works on at once. Past it a surface turns new questions away at once ("busy, ask
 * again") instead of buffering them: each pending answer holds its request, reply and delivery (~75 KB measured), so
 * an unbounded backlog under a flood was what took the Slack server past 450 MB. Above what a steady 500/s keeps
 * pending (tens), and above a burst of 500 at once.
 */
export const MAX_IN_FLIGHT = 768;

/** Answers still being worked on, so a shutdown can finish them before the process exits, and so load can be shed. */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly capacity = MAX_IN_FLIGHT) {}

  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const forget = () => this.pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  get size(): number {
    return this.pending.size;
  }

  /** True when a new question should be turned away rather than taken on. */
  get full(): boolean {
    return this.pending.size >= this.capacity;
  }

  async drain(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
