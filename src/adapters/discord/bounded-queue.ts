/**
 * Work that may wait its turn, but only so much of it: at most `concurrency` jobs run, at most `capacity` are held
 * (running or waiting). When full, `push` says no and the caller does without (a chart) instead of memory growing.
 */
export class BoundedQueue {
  private running = 0;
  private readonly waiting: (() => Promise<void>)[] = [];
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    readonly capacity: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  get size(): number {
    return this.running + this.waiting.length;
  }

  get full(): boolean {
    return this.size >= this.capacity;
  }

  push(job: () => Promise<void>): boolean {
    if (this.full) return false;
    this.waiting.push(job);
    this.next();
    return true;
  }

  /** Resolves when nothing is running or waiting. */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private next(): void {
    while (this.running < this.concurrency && this.waiting.length) {
      const job = this.waiting.shift()!;
      this.running++;
      job()
        .catch(this.onError)
        .finally(() => {
          this.running--;
          this.next();
          if (this.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
        });
    }
  }
}
