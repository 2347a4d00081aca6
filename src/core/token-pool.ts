import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { EncodingName } from "./tokens.ts";

interface Pending {
  resolve: (count: number) => void;
  reject: (error: Error) => void;
  worker: Worker;
}

/** A small pool of worker threads that count tokens, so a large paste never blocks the event loop. */
export class TokenPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private next = 0;

  constructor(readonly size = Math.max(1, Math.min(4, availableParallelism()))) {}

  private worker(): Worker {
    if (this.workers.length < this.size) {
      const worker = new Worker(new URL("./token-worker.mjs", import.meta.url));
      worker.on("message", ({ id, count, error }: { id: number; count?: number; error?: string }) => {
        const job = this.pending.get(id);
        this.pending.delete(id);
        this.release(worker);
        if (error !== undefined || count === undefined) job?.reject(new Error(error ?? "token worker failed"));
        else job?.resolve(count);
      });
      worker.on("error", (error) => {
        for (const job of this.pending.values()) job.reject(error);
        this.pending.clear();
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

  count(text: string, encoding: EncodingName): Promise<number> {
    const id = this.nextId++;
    const worker = this.worker();
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker });
      worker.postMessage({ id, text, encoding });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }
}
