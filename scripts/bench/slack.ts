import { type ChildProcess, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import type { Row } from "./tokens.ts";

const root = new URL("../../", import.meta.url).pathname;
const SECRET = "0123456789abcdef0123456789abcdef";
/** Distinct users the load is spread over, so the per-user rate limit (20 burst, 30/min by default) is not what is measured. */
const USERS = 10_000;
// charts off: each chart is ~15 ms of rasterizing plus an upload, which this bar is not about
const LINES = ["gpt-5 deepseek chart:off", "gemini 2.0 flash, claude opus 4.5 chart:off", "gpt-5 和 深度求索 chart:off"];

/** Slack's request signature, as test/fakes/slack.ts signSlack computes it. */
const signSlack = (body: string, timestamp: number) => `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;

interface AnswerStats {
  answers: number;
  refusals: number;
  late: number;
  maxDelayMs: number;
}

/** A child printing "ready" (or "port N") once listening. */
async function child(args: string[], until: RegExp): Promise<{ process: ChildProcess; output: () => string }> {
  const proc = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  proc.stdout!.on("data", (d) => (output += String(d)));
  while (!until.test(output)) {
    if (proc.exitCode !== null) throw new Error(`${args[0]} exited with ${proc.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { process: proc, output: () => output };
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((resolve) => proc.once("exit", resolve));
  proc.kill("SIGTERM");
  await exited;
}

const rssMB = (pid: number) => {
  try {
    return (Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) * 1024) / 1e6;
  } catch {
    return Number.NaN;
  }
};

/**
 * Bar 6: Slack acknowledgements under signed slash commands, measured by autocannon on loopback against the real app
 * and, as the peer, a bare @slack/bolt App (default HTTPReceiver, a listener that only acks) with the same load.
 * Every request is a new, correctly signed slash command: its own user, trigger_id and response_url, signed with the
 * current timestamp (the receiver refuses replayed signatures and stale timestamps). The response_url carries the
 * send time, so the fake Slack API records how late each answer came.
 */
export async function slackRows(seconds: number): Promise<Row[]> {
  const api = await child(["scripts/bench/fake-slack-api.ts"], /port \d+/);
  const apiBase = `http://127.0.0.1:${/port (\d+)/.exec(api.output())![1]}`;
  const stats = async () => (await (await fetch(`${apiBase}/stats`)).json()) as AnswerStats;

  let sent = 0;
  const requests = [
    {
      setupRequest: (request: object) => {
        const n = sent++;
        const body = new URLSearchParams({
          command: "/compare",
          text: LINES[n % LINES.length]!,
          user_id: `U${n % USERS}`,
          user_name: "bench",
          team_id: "T1",
          channel_id: "C1",
          api_app_id: "A1",
          response_url: `${apiBase}/respond/${n}/${Date.now()}`,
          trigger_id: `${n}.1.${n}`,
        }).toString();
        const timestamp = Math.floor(Date.now() / 1000);
        return {
          ...request,
          method: "POST" as const,
          path: "/slack/events",
          body,
          headers: { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signSlack(body, timestamp) },
        };
      },
    },
  ];
  const errorsOf = (r: autocannon.Result) => r.errors + r.timeouts + r.non2xx;
  const load = (port: number, options: Partial<autocannon.Options>) => autocannon({ url: `http://127.0.0.1:${port}`, connections: 50, duration: seconds, requests, ...options });

  // ours: warm-up, then 500/s sustained (p99, RSS, answers), then flat out (max req/s)
  const ourPort = 40_000 + Math.floor(Math.random() * 10_000);
  const ours = await child(
    [...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/sprof"] : []), "scripts/bench/slack-server.ts", String(ourPort), `${apiBase}/api/`, SECRET],
    /ready/,
  );
  await load(ourPort, { connections: 10, duration: 2 });
  await new Promise((resolve) => setTimeout(resolve, 4000)); // the warm-up's answers go out after their acks
  await stats();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMB(ours.process.pid!))), 250);
  const sustained = await load(ourPort, { overallRate: 500 });
  await new Promise((resolve) => setTimeout(resolve, 4000)); // every answer is due within 3 s
  const sustainedAnswers = await stats();
  const flat = await load(ourPort, {});
  await new Promise((resolve) => setTimeout(resolve, 4000));
  clearInterval(sampler);
  const flatAnswers = await stats();
  await stop(ours.process);

  // peer: a bare Bolt App under the same flat-out load, alone on the machine
  const boltPort = 50_000 + Math.floor(Math.random() * 10_000);
  const bolt = await child(["scripts/bench/bolt-server.ts", String(boltPort), `${apiBase}/api/`, SECRET], /ready/);
  await load(boltPort, { connections: 10, duration: 2 });
  const boltFlat = await load(boltPort, {});
  await stop(bolt.process);
  await stop(api.process);

  const sustainedErrors = errorsOf(sustained);
  const ratio = flat.requests.average / boltFlat.requests.average;
  const answered = (s: AnswerStats) => `${s.answers} answers posted, ${s.refusals} rate-limit refusals, ${s.late} later than 3 s (latest ${(s.maxDelayMs / 1000).toFixed(1)} s)`;
  return [
    {
      figure: `Slack slash-command acknowledgement at 500/s: ${sustained.requests.total.toLocaleString("en-US")} distinct signed /compare requests (chart:off, ${USERS.toLocaleString("en-US")} users) over ${seconds} s`,
      bar: "p99 ack < 50 ms at 500/s, 0 errors; no answer later than 3 s after its request",
      result: `p99 ${sustained.latency.p99} ms, p50 ${sustained.latency.p50} ms, ${Math.round(sustained.requests.average)} req/s, ${sustainedErrors} errors (${sustained.non2xx} non-2xx, ${sustained.timeouts} timeouts); ${answered(sustainedAnswers)}`,
      peers: "autocannon, 50 connections, same process as the bench",
      ratio: "",
      met:
        sustained.latency.p99 < 50 &&
        sustainedErrors === 0 &&
        sustained.requests.average >= 475 &&
        sustainedAnswers.late === 0 &&
        sustainedAnswers.answers + sustainedAnswers.refusals >= sustained.requests.total,
    },
    {
      figure: `Slack max slash commands/s (chart:off), flat out for ${seconds} s`,
      bar: "≥ 50% of bare Bolt's max",
      result: `${Math.round(flat.requests.average)} req/s, p99 ${flat.latency.p99} ms, ${errorsOf(flat)} errors; ${answered(flatAnswers)}`,
      peers: `bare @slack/bolt ${boltFlat.requests.average.toFixed(0)} req/s, p99 ${boltFlat.latency.p99} ms, ${errorsOf(boltFlat)} errors (HTTPReceiver, ack-only listener)`,
      ratio: `${(ratio * 100).toFixed(0)}% of bare Bolt`,
      met: ratio >= 0.5 && errorsOf(flat) === 0,
    },
    {
      figure: "Slack server RSS under sustained load (peak, 500/s then flat out)",
      bar: "< 400 MB",
      result: `${peakRss.toFixed(0)} MB`,
      peers: "",
      ratio: "",
      met: peakRss < 400,
    },
  ];
}
