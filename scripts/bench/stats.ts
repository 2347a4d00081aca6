import type { Row } from "./tokens.ts";

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Times `fn` `runs` times after `warmup` runs; returns per-call milliseconds. */
export function timeEach(fn: () => unknown, runs: number, warmup = Math.min(100, runs)): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

export const ms = (value: number) => (value < 1 ? `${value.toFixed(3)} ms` : `${value.toFixed(1)} ms`);
export const ratio = (value: number) => `${value.toFixed(2)}×`;

/** A row whose bar is a p99 under `barMs`, with the p50 beside it. */
export function p99Row(figure: string, samples: number[], barMs = 1): Row {
  const p99 = percentile(samples, 99);
  return { figure, bar: `p99 < ${barMs} ms`, result: `p99 ${ms(p99)}, p50 ${ms(percentile(samples, 50))}`, peers: "", ratio: "", met: p99 < barMs };
}

export const median = (values: number[]) => percentile(values, 50);

/** Repeated measurements as "median (min–max)", so a reader sees how far one run may be from the next. */
export function spread(values: number[], format: (value: number) => string = (value) => String(Math.round(value))): string {
  if (values.length === 1) return format(values[0]!);
  return `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
}
