import type { ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import autocannon from "autocannon";
import { type Child, cpuMs, startChild, stopMeasured, withBuiltChildren } from "./children.ts";
import { openLoop } from "./open-loop.ts";
import { median, spread } from "./stats.ts";
import type { Row } from "./tokens.ts";
import { type ClientMeasure, fromAutocannon, fromOpenLoop } from "./client-turn.ts";

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
  /** answers posted to response_url (the few not ready in time for the acknowledgement) */
  answers: number;
  refusals: number;
  late: number;
  maxDelayMs: number;
  p50DelayMs: number | null;
  p99DelayMs: number | null;
  charts: number;
}

/** One turn of load on one server: what the client saw, and (for ours) what reached the fake Slack API. */
interface Turn extends ClientMeasure {
  /** the server's CPU time (every thread) per request in this turn, µs: unlike rates, hardly moved by other load */
  cpuUs: number;
  /** acknowledged with "busy, ask again" instead of being answered (admission control) */
  shed: number;
  /** answered in the acknowledgement itself, and rate-limit refusals there: delivered when the client got the ack */
  inAck: { answers: number; refusals: number };
  answers?: AnswerStats;
}

/** Repeats of a measurement; ours and the peer take turns, so other load on the machine falls on both alike. */
const REPEATS = 3;

/**
 * Bar 6: Slack under signed slash commands on loopback against the real app and, as the peer, a bare @slack/bolt App
 * (default HTTPReceiver, a listener that only acks) with the same load, alternating turns, each figure repeated
 * (median and min–max): a steady 500/s from the open-loop client and from autocannon (overallRate) for latency and
 * answer delay, autocannon flat out (50 connections) for the most commands per second, charts off and on.
 * Every request is a new, correctly signed slash command: its own user, trigger_id and response_url, signed with the
 * current timestamp (the receiver refuses replayed signatures and stale timestamps). An answer ready in time
 * comes back in the ack, so the client's latency is its delivery; a later one goes to the response_url, which carries
 * the send time, so the fake Slack API records how late it came. Peak memory is the server's own high-water mark
 * (VmHWM) over the whole run, read just before it stops.
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
  let shed = 0;
  let inAck = { answers: 0, refusals: 0 };
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
  // an ack with a body is the answer itself, a rate-limit refusal, or the server turning the command away ("busy");
  // an empty one means the answer follows at response_url
  const onResponse = (status: number, body: string) => {
    if (status !== 200 || !body.includes('"response_type"')) return;
    if (/I'm answering a lot of questions right now|现在同时提问的人很多/.test(body)) shed++;
    else if (/Slow down a little|请稍慢一点/.test(body)) inAck.refusals++;
    else inAck.answers++;
  };
  const requests = [{ setupRequest: (request: object) => ({ ...request, method: "POST" as const, ...signedCommand(sent++) }), onResponse }];
  const load = (port: number, options: Partial<autocannon.Options>) => autocannon({ url: `http://127.0.0.1:${port}`, connections: 50, duration: seconds, requests, ...options });

  /** One turn: `run` against the server, then (for ours) every answer awaited at the fake API. */
  const turn = async (server: Child, run: (port: number) => Promise<ClientMeasure>, answered: boolean): Promise<Turn> => {
    await stats();
    shed = 0;
    inAck = { answers: 0, refusals: 0 };
    const cpuBefore = cpuMs(server.process.pid!);
    const measured = await run(server.port);
    const cpuUs = ((cpuMs(server.process.pid!) - cpuBefore) * 1000) / measured.requests;
    const result: Turn = { ...measured, cpuUs, shed, inAck };
    // the acks that came back empty: their answers go to the response_url
    if (answered) result.answers = await answersOf(measured.requests - result.shed - inAck.answers - inAck.refusals);
    return result;
  };
  /** Waits until `expected` answers (or refusals) reached the fake API, 5 s at most after the last one came. */
  const answersOf = async (expected: number): Promise<AnswerStats> => {
    const total: AnswerStats = { answers: 0, refusals: 0, late: 0, maxDelayMs: 0, p50DelayMs: null, p99DelayMs: null, charts: 0 };
    let quietSince = Date.now();
    // charts are uploaded after their answers: read until a read brings no new one
    let chartsCame = true;
    while ((total.answers + total.refusals < expected || chartsCame) && Date.now() - quietSince < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const s = await stats();
      if (s.answers + s.refusals + s.charts > 0) quietSince = Date.now();
      chartsCame = s.charts > 0;
      // the first read holds nearly every answer; a later read's stragglers can only raise the p99 (conservative)
      if (total.p99DelayMs === null || (s.p99DelayMs ?? 0) > total.p99DelayMs) total.p99DelayMs = s.p99DelayMs;
      total.p50DelayMs ??= s.p50DelayMs;
      total.answers += s.answers;
      total.refusals += s.refusals;
      total.late += s.late;
      total.charts += s.charts;
      total.maxDelayMs = Math.max(total.maxDelayMs, s.maxDelayMs);
    }
    return total;
  };
  const openLoopRun = async (port: number) => fromOpenLoop(await openLoop(`http://127.0.0.1:${port}`, SUSTAINED_RATE, seconds, () => signedCommand(sent++), onResponse));
  const autocannonRun = (options: Partial<autocannon.Options>) => async (port: number) => fromAutocannon(await load(port, options));

  const ours = await startChild(
    [...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/sprof"] : []), "scripts/bench/slack-server.mjs", `${apiBase}/api/`, SECRET],
    started,
  );
  const bolt = await startChild(["scripts/bench/bolt-server.mjs", `${apiBase}/api/`, SECRET], started);
  // warm-up, both; then each figure in alternating turns, ours first
  await turn(ours, autocannonRun({ connections: 10, duration: 2 }), true);
  await turn(bolt, autocannonRun({ connections: 10, duration: 2 }), false);
  const alternate = async (run: (port: number) => Promise<ClientMeasure>, withPeer = true) => {
    const mine: Turn[] = [];
    const peer: Turn[] = [];
    for (let i = 0; i < REPEATS; i++) {
      mine.push(await turn(ours, run, true));
      if (withPeer) peer.push(await turn(bolt, run, false));
    }
    return { mine, peer };
  };
  const steady = await alternate(openLoopRun);
  const steadyAutocannon = await alternate(autocannonRun({ overallRate: SUSTAINED_RATE }));
  const flat = await alternate(autocannonRun({}));
  charts = true;
  const withCharts = await alternate(autocannonRun({}), false);
  const boltPeak = await stopMeasured(bolt.process);
  const peakRss = await stopMeasured(ours.process);

  const of = (turns: Turn[], pick: (t: Turn) => number, format?: (v: number) => string) => spread(turns.map(pick), format);
  const fixed1 = (v: number) => v.toFixed(1);
  const sum = (turns: Turn[], pick: (t: Turn) => number) => turns.reduce((total, t) => total + pick(t), 0);
  /** An answer in the ack arrived with it (the client's latency); one posted later, at the fake API's recorded delay. */
  const latestAnswerMs = (t: Turn) => Math.max(t.inAck.answers > 0 ? t.max : 0, t.answers!.maxDelayMs);
  const answered = (turns: Turn[]) =>
    `${sum(turns, (t) => t.inAck.answers)} answers in the ack, ${sum(turns, (t) => t.answers!.answers)} posted to response_url, ` +
    `${sum(turns, (t) => t.shed)} turned away busy in the ack, ${sum(turns, (t) => t.inAck.refusals + t.answers!.refusals)} rate-limit refusals, ` +
    `${sum(turns, (t) => t.answers!.late + (t.inAck.answers > 0 && t.max > 3000 ? 1 : 0))} turns with an answer later than 3 s (latest ${(Math.max(...turns.map(latestAnswerMs)) / 1000).toFixed(1)} s)`;
  /** The slower of the two ways answers went: the acks that carried them (client p99) and the posts to response_url. */
  const answerDelay = (t: Turn, pick: "p50" | "p99") => {
    const posted = t.answers!.answers > 0 ? (pick === "p50" ? t.answers!.p50DelayMs : t.answers!.p99DelayMs) : null;
    return Math.max(t.inAck.answers > 0 ? t[pick] : 0, posted ?? 0);
  };
  const answerP99 = (turns: Turn[]) => of(turns, (t) => answerDelay(t, "p99"));
  const allAnswered = (turns: Turn[]) =>
    turns.every(
      // every ack the client got (autocannon abandons the last requests at its deadline) carried the answer, or its
      // answer reached the response_url
      (t) => t.inAck.answers + t.inAck.refusals + t.answers!.answers + t.answers!.refusals + t.shed >= t.requests && t.answers!.late === 0 && latestAnswerMs(t) <= 3000,
    );
  const ratios = (mine: Turn[], peer: Turn[], pick: (t: Turn) => number) => mine.map((t, i) => pick(t) / pick(peer[i]!));
  const flatRatios = ratios(flat.mine, flat.peer, (t) => t.perSecond);
  const chartRatios = ratios(withCharts.mine, flat.peer, (t) => t.perSecond);
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const errorsIn = (turns: Turn[]) => sum(turns, (t) => t.errors);
  const steadyRow = (client: string, mine: Turn[], peer: Turn[]): Row => ({
    figure: `Slack slash-command acknowledgement at a steady ${SUSTAINED_RATE}/s (${client}): distinct signed /compare requests (chart:off, ${USERS.toLocaleString("en-US")} users), ${REPEATS} × ${seconds}-s turns alternating with the peer`,
    bar: `p99 ack < 50 ms at ${SUSTAINED_RATE}/s, 0 errors; no answer later than 3 s after its request`,
    result: `p99 ${of(mine, (t) => t.p99, fixed1)} ms, p50 ${of(mine, (t) => t.p50, fixed1)} ms, max ${of(mine, (t) => t.max)} ms, ${of(mine, (t) => t.perSecond)} req/s, ${errorsIn(mine)} errors; ${answered(mine)}`,
    peers: `bare @slack/bolt: p99 ${of(peer, (t) => t.p99, fixed1)} ms, p50 ${of(peer, (t) => t.p50, fixed1)} ms, max ${of(peer, (t) => t.max)} ms, ${errorsIn(peer)} errors`,
    ratio: `p99 ${spread(
      ratios(mine, peer, (t) => t.p99),
      (v) => `${v.toFixed(1)}×`,
    )} bare Bolt's`,
    met: median(mine.map((t) => t.p99)) < 50 && errorsIn(mine) === 0 && mine.every((t) => t.perSecond >= SUSTAINED_RATE * 0.95) && allAnswered(mine),
  });
  const answerRow = (client: string, mine: Turn[]): Row => ({
    figure: `Slack answer delivered at a steady ${SUSTAINED_RATE}/s (${client}, chart:off): from the request's send to the answer's arrival, in the ack (at the client) or at response_url (at the fake Slack API), the slower of the two`,
    bar: "p99 ≤ 100 ms",
    result: `p99 ${answerP99(mine)} ms, p50 ${of(mine, (t) => answerDelay(t, "p50"))} ms, max ${of(mine, latestAnswerMs)} ms; ${answered(mine)}`,
    peers: "",
    ratio: "",
    met: median(mine.map((t) => answerDelay(t, "p99"))) <= 100 && allAnswered(mine),
  });
  return [
    steadyRow("open-loop client", steady.mine, steady.peer),
    steadyRow("autocannon, overallRate", steadyAutocannon.mine, steadyAutocannon.peer),
    answerRow("open-loop client", steady.mine),
    answerRow("autocannon, overallRate", steadyAutocannon.mine),
    {
      figure: `Slack max slash commands/s (chart:off), autocannon flat out (50 connections), ${REPEATS} × ${seconds}-s turns alternating with the peer`,
      bar: "≥ 50% of bare Bolt's max",
      result: `${of(flat.mine, (t) => t.perSecond)} req/s, p99 ${of(flat.mine, (t) => t.p99)} ms, ${errorsIn(flat.mine)} errors; answer p99 ${answerP99(flat.mine)} ms; ${answered(flat.mine)}`,
      peers: `bare @slack/bolt ${of(flat.peer, (t) => t.perSecond)} req/s, p99 ${of(flat.peer, (t) => t.p99)} ms, ${errorsIn(flat.peer)} errors (HTTPReceiver, ack-only listener)`,
      ratio: `${spread(flatRatios, pct)} of bare Bolt; server CPU per request ${of(flat.mine, (t) => t.cpuUs)} µs vs ${of(flat.peer, (t) => t.cpuUs)} µs (answers included; Bolt only acks)`,
      met: median(flatRatios) >= 0.5 && errorsIn(flat.mine) === 0 && allAnswered(flat.mine),
    },
    {
      figure: `Slack max slash commands/s with charts on (each answer a chart of its own), autocannon flat out, ${REPEATS} × ${seconds} s`,
      bar: "≥ 25% of bare Bolt's max; charts past the render queue are skipped, never queued without bound",
      result: `${of(withCharts.mine, (t) => t.perSecond)} req/s, p99 ${of(withCharts.mine, (t) => t.p99)} ms, ${errorsIn(withCharts.mine)} errors; ${answered(withCharts.mine)}, ${sum(withCharts.mine, (t) => t.answers!.charts)} charts uploaded`,
      peers: `bare @slack/bolt ${of(flat.peer, (t) => t.perSecond)} req/s (its turns charts-off above)`,
      ratio: `${spread(chartRatios, pct)} of bare Bolt`,
      met: median(chartRatios) >= 0.25 && errorsIn(withCharts.mine) === 0 && allAnswered(withCharts.mine),
    },
    {
      figure: "Slack server peak RSS: its own high-water mark (VmHWM) over the whole run (500/s, flat out, charts off and on)",
      bar: "≤ 300 MB",
      result: `${peakRss.toFixed(0)} MB`,
      peers: `bare @slack/bolt ${boltPeak.toFixed(0)} MB (same load, charts off)`,
      ratio: `${(peakRss / boltPeak).toFixed(1)}× bare Bolt's`,
      met: peakRss <= 300,
    },
  ];
}
