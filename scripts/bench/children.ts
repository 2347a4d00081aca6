import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;

/** What `npm start` does first (a no-op when dist/ is newer than the sources): the servers under load run built. */
export function buildIfStale(): void {
  execFileSync(process.execPath, ["src/runtime/build/build.mjs", "--if-stale"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}

/** How `npm start` runs the bot (package.json): its environment assignments and node flags, given to the bot under load too. */
export function startCommand(): { env: Record<string, string>; flags: string[] } {
  const start = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  const env = Object.fromEntries([...start.matchAll(/\b([A-Z_]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
  const flags = /\bnode\s+(.*?)\s*dist\//.exec(start)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
  return { env, flags };
}

/** Builds the bot if stale, runs `measure` with a list to start children into, and stops them all whatever happens. */
export async function withBuiltChildren<T>(measure: (started: ChildProcess[]) => Promise<T>): Promise<T> {
  buildIfStale();
  const started: ChildProcess[] = [];
  try {
    return await measure(started);
  } finally {
    await Promise.all(started.map(stopChild));
  }
}

export interface Child {
  process: ChildProcess;
  /** the loopback port it printed ("port N") */
  port: number;
  output: () => string;
}

/**
 * A bench child that prints "port N" once listening on a free loopback port; added to `started` so the caller can
 * stop it whatever happens. Built .mjs children (the bot) run as `npm start` runs it, with its environment and node
 * flags; .ts ones (the fakes and peers) through tsx.
 * For investigating: BENCH_NODE_FLAGS adds node flags to every child (e.g. "--trace-gc"), BENCH_ECHO copies their
 * output to stderr.
 */
export async function startChild(args: string[], started: ChildProcess[]): Promise<Child> {
  const bot = !args.some((arg) => arg.endsWith(".ts"));
  const start = bot ? startCommand() : { env: {}, flags: ["--import", "tsx"] };
  const flags = process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  const proc = spawn(process.execPath, [...start.flags, ...flags, ...args], { cwd: root, env: { ...process.env, ...start.env }, stdio: ["ignore", "pipe", "inherit"] });
  started.push(proc);
  let output = "";
  proc.stdout!.on("data", (d) => {
    output += String(d);
    if (process.env.BENCH_ECHO) process.stderr.write(d);
  });
  while (!/port \d+/.test(output)) {
    if (proc.exitCode !== null) throw new Error(`${args.find((a) => /\.(ts|mjs)$/.test(a))} exited with ${proc.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { process: proc, port: Number(/port (\d+)/.exec(output)![1]), output: () => output };
}

export async function stopChild(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((resolve) => proc.once("exit", resolve));
  proc.kill("SIGTERM");
  await exited;
}

/**
 * The process's own high-water mark of resident memory (VmHWM, Linux /proc) over its whole life, NaN once it is
 * gone: read just before stopping a server, it is the peak whatever happened between samples.
 */
export function peakRssMB(pid: number): number {
  try {
    return (Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) * 1024) / 1e6;
  } catch {
    return Number.NaN;
  }
}

/** Stops a server and returns its peak RSS (MB), read just before it stops. */
export async function stopMeasured(proc: ChildProcess): Promise<number> {
  const peak = peakRssMB(proc.pid!);
  await stopChild(proc);
  return peak;
}

/** CPU time (user + system, every thread) a live process has used so far, in ms (Linux /proc); NaN once it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000; // USER_HZ ticks
  } catch {
    return Number.NaN;
  }
}
