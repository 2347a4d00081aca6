import { Pool } from "undici";

export interface OpenLoopRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface OpenLoopResult {
  sent: number;
  errors: number;
  /** requests per second actually started */
  rate: number;
  p50: number;
  p99: number;
  max: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/**
 * Open-loop load at a steady rate, as chat users make it: request n is due at n / rate seconds whether or not earlier
 * ones were answered, and its latency counts from when it was due (no coordinated omission). Requests go out on the
 * millisecond they are due, not in per-connection bursts as autocannon's overallRate sends them.
 */
export async function openLoop(
  origin: string,
  rate: number,
  seconds: number,
  make: (n: number) => OpenLoopRequest,
  onResponse?: (status: number, body: string) => void,
): Promise<OpenLoopResult> {
  const pool = new Pool(origin, { connections: 50, pipelining: 1 });
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  let errors = 0;
  let sent = 0;
  const total = Math.round(rate * seconds);
  const started = performance.now();
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    for (; sent < due; sent++) {
      const dueAt = started + (sent / rate) * 1000;
      const { path, headers, body } = make(sent);
      pending.push(
        pool.request({ method: "POST", path, headers, body }).then(
          async (response) => {
            if (onResponse) onResponse(response.statusCode, await response.body.text());
            else await response.body.dump();
            if (response.statusCode >= 300) errors++;
            latencies.push(performance.now() - dueAt);
          },
          () => void errors++,
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(pending);
  await pool.close();
  const sorted = latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { sent, errors, rate: sent / elapsed, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? Number.NaN) };
}
