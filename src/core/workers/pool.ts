import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

interface Pending<R> {
  resolve: (result: R) => void;
  reject: (error: Error) => void;
  worker: Worker;
}

/**
 * A small pool of worker threads for CPU-heavy work, so the event loop keeps answering everyone else.
 * The worker script answers `{ id, ...request }` with `{ id, result }` or `{ id, error }`.
 * Workers start one at a time: a new one only when every running one is busy, so a first job does not pay for
 * starting the whole pool. Worker scripts are plain JavaScript: they start without the parent's loader flags
 * (tsx), which would otherwise cost each worker start-up time and memory.
 */
export class WorkerPool<Req extends object, Res> {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending<Res>>();
  private nextId = 0;

  constructor(
    private readonly script: URL,
    readonly size = Math.max(1, Math.min(4, availableParallelism())),
  ) {}

  private busy(worker: Worker): number {
    let jobs = 0;
    for (const job of this.pending.values()) if (job.worker === worker) jobs++;
    return jobs;
  }

  private start(): Worker {
    const worker = new Worker(this.script, { execArgv: [] });
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

  /** The least busy worker; a new one if all are busy and the pool is not full. */
  private pick(): Worker {
    let best: Worker | undefined;
    let bestJobs = Infinity;
    for (const worker of this.workers) {
      const jobs = this.busy(worker);
      if (jobs < bestJobs) [best, bestJobs] = [worker, jobs];
    }
    if (best && (bestJobs === 0 || this.workers.length >= this.size)) return best;
    return this.start();
  }

  /** An idle worker must not keep the process alive; a busy one must, or the answer is lost. */
  private release(worker: Worker): void {
    if (this.busy(worker) === 0) worker.unref();
  }

  run(request: Req): Promise<Res> {
    const id = this.nextId++;
    const worker = this.pick();
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
