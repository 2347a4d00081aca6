// For investigating a bench server's memory: with BENCH_MEMLOG=<ms>, writes to stderr every <ms> its memory by kind
// (process.memoryUsage) beside what `counts` says is pending (answers in flight, queued charts …).
const MB = 2 ** 20;

export function logMemory(counts) {
  const every = Number(process.env.BENCH_MEMLOG);
  if (!every) return;
  let peak = 0;
  setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss < peak * 0.9 && m.rss < 200 * MB) return;
    peak = Math.max(peak, m.rss);
    const mb = (v) => Math.round(v / MB);
    process.stderr.write(
      `mem rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)} ${JSON.stringify(counts())}\n`,
    );
  }, every).unref();
}
