import type { ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import autocannon from "autocannon";
import { rssMB, startChild, stopChild, withBuiltChildren } from "./children.ts";
import { openLoop } from "./open-loop.ts";
import type { Row } from "./tokens.ts";

const SECRET = "0123456789abcdef0123456789abcdef";
/** Distinct users the load is spread over, so the per-user rate limit (20 burst, 30/min by default) is not what is measured. */
const USERS = 10_000;
const SUSTAINED_RATE = 500;
/** Three phrasings, each with a volume of its own per request, so no answer or chart is a repeat of an earlier one. */
const LINES = ["gpt-5 deepseek in:{n}M", "gemini 2.0 flash, claude opus 4.5 in:{n}K out:2K", "gpt-5 和 深度求索 每月 {n} 万 Token"];
const lineFor = (n: number, charts: boolean) => `${LINES[n % LINES.length]!.replace("{n}", String(1 + n))}${charts ? "" : " chart:off"}`;

/** Slack's request signature, as test/fakes/slack.ts signSlack computes it. */
const signSlack = (body: string, timestamp: number) => `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;

interface AnswerStats {
  answers: number;
  refusals: number;
  late: number;
  maxDelayMs: number;
  charts: number;
}

/**
 * Bar 6: Slack acknowledgements under signed slash commands on loopback against the real app and, as the peer, a bare
 * @slack/bolt App (default HTTPReceiver, a listener that only acks) with the same load: a steady open-loop 500/s for
 * latency, autocannon flat out (50 connections) for the most commands per second.
 * Every request is a new, correctly signed slash command: its own user, trigger_id and response_url, signed with the
 * current timestamp (the receiver refuses replayed signatures and stale timestamps). The response_url carries the
 * send time, so the fake Slack API records how late each answer came.
 */
export function slackRows(seconds: number): Promise<Row[]> {
  return withBuiltChildren((started) => measure(seconds, started));
}

async function measure(seconds: number, started: ChildProcess[]): Promise<Row[]> {
  const api = await startChild(["scripts/bench/fake-slack-api.ts"], started);
  const apiBase = `http://127.0.0.1:${api.port}`;
  const stats = async () => (await (await fetch(`${apiBase}/stats`)).json()) as AnswerStats;

  let sent = 0;
  let charts = false;
  const signedCommand = (n: number) => {
    const body = new URLSearchParams({
      command: "/compare",
      text: lineFor(n, charts),
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
      path: "/slack/events",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signSlack(body, timestamp) },
    };
  };
  const requests = [{ setupRequest: (request: object) => ({ ...request, method: "POST" as const, ...signedCommand(sent++) }) }];
  const steady = (port: number) => openLoop(`http://127.0.0.1:${port}`, SUSTAINED_RATE, seconds, () => signedCommand(sent++));
  const errorsOf = (r: autocannon.Result) => r.errors + r.timeouts + r.non2xx;
  const load = (port: number, options: Partial<autocannon.Options>) => autocannon({ url: `http://127.0.0.1:${port}`, connections: 50, duration: seconds, requests, ...options });

  // ours: warm-up, then 500/s steady (p99, RSS, answers), then flat out (max req/s) with charts off, then on
  const ours = await startChild(
    [...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/sprof"] : []), "scripts/bench/slack-server.mjs", `${apiBase}/api/`, SECRET],
    started,
  );
  const ourPort = ours.port;
  await load(ourPort, { connections: 10, duration: 2 });
  await new Promise((resolve) => setTimeout(resolve, 4000)); // the warm-up's answers go out after their acks
  await stats();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMB(ours.process.pid!))), 250);
  const phase = (name: string) => process.stderr.write(`  ${name}: peak RSS so far ${peakRss.toFixed(0)} MB\n`);
  const sustained = await steady(ourPort);
  await new Promise((resolve) => setTimeout(resolve, 4000)); // every answer is due within 3 s
  const sustainedAnswers = await stats();
  const flat = await load(ourPort, {});
  await new Promise((resolve) => setTimeout(resolve, 4000));
  const flatAnswers = await stats();
  phase("charts off");
  charts = true;
  const withCharts = await load(ourPort, {});
  await new Promise((resolve) => setTimeout(resolve, 4000));
  clearInterval(sampler);
  const chartAnswers = await stats();
  phase("charts on");
  await stopChild(ours.process);

  // peer: a bare Bolt App under the same flat-out load, alone on the machine
  const bolt = await startChild(["scripts/bench/bolt-server.mjs", `${apiBase}/api/`, SECRET], started);
  const boltPort = bolt.port;
  await load(boltPort, { connections: 10, duration: 2 });
  const boltSustained = await steady(boltPort);
  const boltFlat = await load(boltPort, {});
  await stopChild(bolt.process);

  const ratio = flat.requests.average / boltFlat.requests.average;
  const chartRatio = withCharts.requests.average / boltFlat.requests.average;
  const answered = (s: AnswerStats) => `${s.answers} answers posted, ${s.refusals} rate-limit refusals, ${s.late} later than 3 s (latest ${(s.maxDelayMs / 1000).toFixed(1)} s)`;
  return [
    {
      figure: `Slack slash-command acknowledgement at a steady ${SUSTAINED_RATE}/s: ${sustained.sent.toLocaleString("en-US")} distinct signed /compare requests (chart:off, ${USERS.toLocaleString("en-US")} users) over ${seconds} s`,
      bar: `p99 ack < 50 ms at ${SUSTAINED_RATE}/s, 0 errors; no answer later than 3 s after its request`,
      result: `p99 ${sustained.p99} ms, p50 ${sustained.p50} ms, max ${sustained.max} ms, ${Math.round(sustained.rate)} req/s, ${sustained.errors} errors; ${answered(sustainedAnswers)}`,
      peers: `bare @slack/bolt at ${SUSTAINED_RATE}/s: p99 ${boltSustained.p99} ms, p50 ${boltSustained.p50} ms, max ${boltSustained.max} ms (open-loop load, 50 connections, from the bench's process)`,
      ratio: `p99 ${(sustained.p99 / boltSustained.p99).toFixed(1)}× bare Bolt's`,
      met:
        sustained.p99 < 50 &&
        sustained.errors === 0 &&
        sustained.rate >= SUSTAINED_RATE * 0.95 &&
        sustainedAnswers.late === 0 &&
        sustainedAnswers.answers + sustainedAnswers.refusals >= sustained.sent,
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
      figure: `Slack max slash commands/s with charts on (each answer a chart of its own), flat out for ${seconds} s`,
      bar: "≥ 25% of bare Bolt's max; charts past the render queue are skipped, never queued without bound",
      result: `${Math.round(withCharts.requests.average)} req/s, p99 ${withCharts.latency.p99} ms, ${errorsOf(withCharts)} errors; ${answered(chartAnswers)}, ${chartAnswers.charts} charts uploaded`,
      peers: `bare @slack/bolt ${boltFlat.requests.average.toFixed(0)} req/s`,
      ratio: `${(chartRatio * 100).toFixed(0)}% of bare Bolt`,
      met: chartRatio >= 0.25 && errorsOf(withCharts) === 0 && chartAnswers.late === 0,
    },
    {
      figure: "Slack server RSS under sustained load (peak, 500/s then flat out, charts off and on)",
      bar: "< 400 MB",
      result: `${peakRss.toFixed(0)} MB`,
      peers: "",
      ratio: "",
      met: peakRss < 400,
    },
  ];
}
