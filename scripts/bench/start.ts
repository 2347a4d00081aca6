import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildIfStale, peakRssMB, startCommand } from "./children.ts";
import type { Row } from "./tokens.ts";

const root = new URL("../../", import.meta.url).pathname;
const SNAPSHOT = new URL("../../../shared/data/litellm-model-prices.json", import.meta.url).pathname;
const MAIN = join(root, "dist/src/main.js");

/**
 * What `npm start` runs (its node flags included), in terminal mode (no chat platform configured, stdin piped = line mode), timed from spawn to
 * its first answer on stdout: configuration read, knowledge and the full catalog loaded and indexed, one question
 * answered. That answer is the ready signal; its peak RSS (VmHWM) is read while the process is still alive.
 */
function startBuilt(cache: string): Promise<{ readyMs: number; rssMB: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...startCommand().env, MODELWISE_CACHE_DIR: cache, MODELWISE_CATALOG: SNAPSHOT, NO_COLOR: "1" };
  for (const name of Object.keys(env)) if (/^(SLACK_|DISCORD_|REDIS)/.test(name)) delete env[name];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...startCommand().flags, MAIN], { cwd: root, env, stdio: ["pipe", "pipe", "inherit"] });
    child.stdin.write("gpt-5\n");
    child.stdout.once("data", () => {
      const readyMs = performance.now() - started;
      const rssMB = peakRssMB(child.pid!);
      child.stdin.end();
      child.once("exit", () => resolve({ readyMs, rssMB }));
    });
    child.once("error", reject);
    child.once("exit", (code) => code !== 0 && reject(new Error(`dist/src/main.js exited with ${code} before answering`)));
  });
}

/** `node -e 0`, timed the same way: spawn to exit. */
function startBare(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    spawn(process.execPath, ["-e", "0"], { stdio: "ignore" })
      .once("exit", () => resolve(performance.now() - started))
      .once("error", reject);
  });
}

/** Bar 5: the built bot's process start to ready with the full catalog, and its memory: a cold start, then the best of `runs` warm ones. */
export async function startRows(runs: number): Promise<Row[]> {
  buildIfStale();
  const cache = mkdtempSync(join(tmpdir(), "modelwise-bench-cache-"));
  const cold = await startBuilt(cache);
  const warm: { readyMs: number; rssMB: number }[] = [];
  for (let i = 0; i < runs; i++) warm.push(await startBuilt(cache));
  rmSync(cache, { recursive: true, force: true });
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) bare.push(await startBare());
  const best = Math.min(...warm.map((r) => r.readyMs));
  const median = warm.map((r) => r.readyMs).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  const bareBest = Math.min(...bare);
  const rss = Math.max(cold.rssMB, ...warm.map((r) => r.rssMB));
  return [
    {
      figure: "process start → ready, built `node dist/src/main.js` (terminal mode; ready = first answer on stdout, knowledge + full catalog indexed)",
      bar: "< 400 ms",
      result: `${best.toFixed(0)} ms warm (best of ${runs}, median ${median.toFixed(0)} ms, validated snapshot cached); ${cold.readyMs.toFixed(0)} ms cold (empty cache: YAML + zod + catalog)`,
      peers: `bare \`node -e 0\` spawn → exit ${bareBest.toFixed(0)} ms (best of ${runs})`,
      ratio: `${(best / bareBest).toFixed(1)}× bare node`,
      met: best < 400,
    },
    { figure: "memory when ready (peak RSS, built dist)", bar: "< 150 MB", result: `${rss.toFixed(0)} MB`, peers: "", ratio: "", met: rss < 150 },
  ];
}
