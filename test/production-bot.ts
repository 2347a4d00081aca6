import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/** Helpers for tests of the built bot, started as production starts it: `node dist/src/main.js` or `npm start`. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Builds dist/ when it is missing or older than the sources (what `npm start` does first). */
export function ensureBuilt(): void {
  execFileSync(process.execPath, ["src/runtime/build/build.mjs", "--if-stale"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RunningBot {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /**
   * Resolves when the bot's output matches, from `from` on (an earlier `output().length`, so that only what the bot
   * writes afterwards counts); rejects with the output when it exits or the time is up.
   */
  waitFor(pattern: RegExp, timeoutMs?: number, from?: number): Promise<void>;
  output(): string;
  /** the bot's JSON log lines on stderr */
  logs(): Record<string, unknown>[];
}

const children = new Set<ChildProcess>();

/**
 * Kills what a test left running, with everything it started (`npm start` → node), (call from afterEach), except
 * the bots in `spare` that a file shares between its tests.
 */
export function killBots(spare: RunningBot[] = []): void {
  for (const child of children) {
    if (spare.some((bot) => bot.child === child)) continue;
    children.delete(child);
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // the group is already gone
    }
  }
}

/**
 * Starts the built bot with only `env` (plus PATH): `node dist/src/main.js`, through `npm start` when asked, or
 * another command line (a Dockerfile's CMD); "node" is this test's node.
 */
export function startBuiltBot(env: Record<string, string>, options: { via?: "node" | "npm"; cwd?: string; command?: string[] } = {}): RunningBot {
  const line = options.command ?? (options.via === "npm" ? ["npm", "start", "--silent"] : ["node", "dist/src/main.js"]);
  const command = line[0] === "node" ? process.execPath : line[0]!;
  const args = line.slice(1);
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, MODELWISE_TODAY: "2026-11-28", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so killBots reaches node behind npm
  });
  children.add(child);
  let output = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
      for (const listener of listeners) listener();
    }),
  );
  const waitFor = (pattern: RegExp, timeoutMs = 20_000, from = 0) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(output.slice(from))) return done(resolve);
        if (child.exitCode !== null || child.signalCode !== null) return done(() => reject(new Error(`bot exited before ${pattern}:\n${output}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`timed out waiting for ${pattern}:\n${output}`))), timeoutMs);
      const done = (finish: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        finish();
      };
      listeners.add(check);
      check();
    });
  const logs = () =>
    output
      .split("\n")
      .slice(0, -1) // the last piece is a line still being written (or empty)
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, exited, waitFor, output: () => output, logs };
}

/** The port a bot logged for a listener whose message matches (servers bound to port 0 in tests). */
export function loggedPort(bot: RunningBot, message: RegExp): number {
  const line = bot.logs().find((entry) => message.test(String(entry.msg)));
  const address = line?.address as { port?: number } | undefined;
  if (!address?.port) throw new Error(`no address logged for ${message}:\n${bot.output()}`);
  return address.port;
}
