import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

interface Pending<R> {
  resolve: (result: R) => void;
  reject: (error: Error) => void;
  worker: Worker;
}

/**
 * A small pool of worker threads for CPU-heavy work (token counts, chart rasterizing), so the event loop
 * keeps answering everyone else. The worker script answers `{ id, ...request }` with `{ id, result }` or `{ id, error }`.
 */
export class WorkerPool<Req extends object, Res> {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending<Res>>();
  private nextId = 0;
  private next = 0;

  constructor(
    private readonly script: URL,
    readonly size = Math.max(1, Math.min(4, availableParallelism())),
  ) {}

  private worker(): Worker {
    if (this.workers.length < this.size) {
      const worker = new Worker(this.script);
      worker.on("message", ({ id, result, error }: { id: number; result?: Res; error?: string }) => {
        const job = this.pending.get(id);
        this.pending.delete(id);
        this.release(worker);
        if (error !== undefined || result === undefined) job?.reject(new Error(error ?? "worker failed"));
        else job?.resolve(result);
      });
      worker.on("error", (error) => {
        for (const [id, job] of this.pending) {
          if (job.worker !== worker) continue;
          job.reject(error);
          this.pending.delete(id);
        }
        this.workers.splice(this.workers.indexOf(worker), 1);
      });
      this.workers.push(worker);
      return worker;
    }
    return this.workers[this.next++ % this.workers.length]!;
  }

  /** An idle worker must not keep the process alive; a busy one must, or the answer is lost. */
  private release(worker: Worker): void {
    if (![...this.pending.values()].some((job) => job.worker === worker)) worker.unref();
  }

  run(request: Req): Promise<Res> {
    const id = this.nextId++;
    const worker = this.worker();
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker });
      worker.postMessage({ id, ...request });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }
}
