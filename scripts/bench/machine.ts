import { readdirSync, readFileSync } from "node:fs";
import { cpus, hostname, loadavg, totalmem } from "node:os";

/** CPU ticks (user + system) of every process now, by pid, with its command name. */
function cpuTicks(): Map<number, { name: string; ticks: number }> {
  const ticks = new Map<number, { name: string; ticks: number }>();
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return ticks;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // the command sits in parentheses and may hold spaces; the fields after it are fixed
      const close = stat.lastIndexOf(")");
      const fields = stat.slice(close + 2).split(" ");
      ticks.set(Number(pid), { name: stat.slice(stat.indexOf("(") + 1, close), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

/** Processes other than this one that used more than 10% of a core over `ms` milliseconds, busiest first. */
async function busyProcesses(ms = 1000): Promise<string[]> {
  const before = cpuTicks();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuTicks();
  const ticksPerSecond = 100; // USER_HZ on Linux
  const busy: { name: string; share: number }[] = [];
  for (const [pid, now] of after) {
    const then = before.get(pid);
    if (!then || pid === process.pid) continue;
    const share = (now.ticks - then.ticks) / ticksPerSecond / (ms / 1000);
    if (share > 0.1) busy.push({ name: `${now.name}[${pid}]`, share });
  }
  return busy.sort((a, b) => b.share - a.share).map((p) => `${p.name} ${Math.round(p.share * 100)}%`);
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** Which machine the bench runs on and how loaded it is, for the first lines of the bench's output. */
export async function machineBefore(): Promise<string> {
  const cpu = cpus();
  const busy = await busyProcesses();
  return [
    `host ${hostname()}: ${cpu.length} × ${cpu[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    `load average before (1, 5, 15 min): ${load()}; other busy processes: ${busy.length ? busy.join(", ") : "none above 10% of a core"}`,
  ].join("\n");
}

export async function machineAfter(): Promise<string> {
  const busy = await busyProcesses();
  return `load average after (1, 5, 15 min): ${load()}; other busy processes: ${busy.length ? busy.join(", ") : "none above 10% of a core"}`;
}
