import type { ChildProcess } from "node:child_process";
import { generateKeyPairSync, sign } from "node:crypto";
import autocannon from "autocannon";
import { type Child, cpuMs, startChild as child, stopChild as stop, stopMeasured, withBuiltChildren } from "./children.ts";
import { openLoop } from "./open-loop.ts";
import { median, spread } from "./stats.ts";
import type { Row } from "./tokens.ts";
import { type ClientMeasure, fromAutocannon, fromOpenLoop } from "./client-turn.ts";

/** Distinct users the load is spread over, so the per-user rate limit (20 burst, 30/min by default) is not what is measured. */
const USERS = 10_000;
const CONNECTIONS = 50;
/** Longest the chart queue may take to empty once the load stops: its capacity (32) at tens of ms a chart is well under this. */
const DRAIN_BAR_MS = 5_000;
const APP_ID = "1100000000000000001";
const GUILD_ID = "1200000000000000001";
const CHANNEL_ID = "1300000000000000001";
const COMMAND_ID = "1500000000000000001";
/** A member's usual permissions (@everyone's defaults): not Manage Server, so nobody is the bot's admin. */
const MEMBER_PERMISSIONS = "104324673";
/** Discord's interaction tokens are about this long; each request gets one of its own. */
const TOKEN_PAD = "x".repeat(160);

interface ApiStats {
  chartEdits: number;
  plainEdits: number;
  followUps: number;
  deletes: number;
  unknown: number;
  lastEditAt: number;
}

interface ChartQueueStats {
  size: number;
  capacity: number;
  peak: number;
  queued: number;
  skipped: number;
  inFlight: number;
}

/** What the answers were, read from each response: deferred (type 5) or private (a rate-limit refusal or an error). */
interface AnswerCounts {
  deferred: number;
  private: number;
}

/** Three /compare requests as Discord sends them, each with a volume of its own per request, so no answer or chart is a repeat. */
function compareOptions(n: number, charts: boolean): { locale: string; options: { name: string; type: number; value: string }[] } {
  const volume = 1 + n;
  // Discord's /compare has no chart option; a user turns charts off by typing chart:off into a field, as here
  const off = charts ? "" : " chart:off";
  const text = (name: string, value: string) => ({ name, type: 3, value });
  if (n % 3 === 0) return { locale: "en-US", options: [text("model1", "gpt-5"), text("model2", `deepseek${off}`), text("in", `${volume}M`)] };
  if (n % 3 === 1) return { locale: "en-GB", options: [text("model1", "gemini 2.0 flash"), text("model2", `claude opus 4.5${off}`), text("in", `${volume}K`), text("out", "2K")] };
  return { locale: "zh-CN", options: [text("model1", "gpt-5"), text("model2", `深度求索${off}`), text("tokens", `${volume}万`)] };
}

/** The n-th APPLICATION_COMMAND interaction (type 2), shaped like Discord's: its own id, token and one of USERS members. */
function interactionBody(n: number, charts: boolean): string {
  const { locale, options } = compareOptions(n, charts);
  const userId = String(1_600_000_000_000_000_000n + BigInt(n % USERS));
  return JSON.stringify({
    app_permissions: "2248473465835073",
    application_id: APP_ID,
    authorizing_integration_owners: { "0": GUILD_ID },
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "general" },
    channel_id: CHANNEL_ID,
    context: 0,
    data: { id: COMMAND_ID, name: "compare", type: 1, options },
    entitlements: [],
    guild_id: GUILD_ID,
    guild_locale: "en-US",
    id: String(1_700_000_000_000_000_000n + BigInt(n)),
    locale,
    member: {
      user: { id: userId, username: `bench${n % USERS}`, global_name: null, discriminator: "0", avatar: null },
      roles: [],
      permissions: MEMBER_PERMISSIONS,
      joined_at: "2025-01-01T00:00:00.000000+00:00",
      nick: null,
      pending: false,
      deaf: false,
      mute: false,
    },
    token: `aW50ZXJhY3Rpb246${n.toString(36)}${TOKEN_PAD}`,
    type: 2,
    version: 1,
  });
}

/** What a load client measured in one turn on one server, with the answers its responses carried. */
interface Turn extends ClientMeasure {
  /** the server's CPU time (every thread) per request in this turn, µs: unlike rates, hardly moved by other load */
  cpuUs: number;
  /** the load client's own CPU time per request (it signs every request), µs: it shares the machine's cores */
  clientCpuUs: number;
  answers: AnswerCounts;
}

/** Repeats of each measurement; ours and the bare handler take turns, so other load on the machine falls on both alike. */
const REPEATS = 3;
const SUSTAINED_RATE = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const getJson = async <T>(url: string) => (await (await fetch(url)).json()) as T;

/**
 * The Discord bar: HTTP interactions under signed /compare commands on loopback against the real interactions server
 * (production's dispatcher, Ed25519 check, replay guard, chart queue) and, as the peer, a bare node:http handler that
 * only checks the signature and answers "ok", with the same load, in alternating turns, each figure repeated (median
 * and min–max): a steady 500/s from the open-loop client and from autocannon (overallRate), and autocannon flat out.
 * Every request is a new interaction signed with the current timestamp, its own id and token, from one of 10,000
 * members. A fast answer is the response itself, so its latency is the answer's delivery. Charts are edited into the
 * answer through the fake REST API, which counts them; the server reports its chart queue's peak. Peak memory is the
 * server's own high-water mark (VmHWM) over the whole run, read just before it stops.
 */
export function discordRows(seconds: number): Promise<Row[]> {
  return withBuiltChildren((started) => measure(seconds, started));
}

async function measure(seconds: number, started: ChildProcess[]): Promise<Row[]> {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const publicKeyHex = Buffer.from((publicKey.export({ format: "jwk" }) as { x: string }).x, "base64url").toString("hex");
  const api = await child(["scripts/bench/fake-discord-api.ts"], started);
  const apiBase = `http://127.0.0.1:${api.port}`;
  const apiStats = () => getJson<ApiStats>(`${apiBase}/stats`);

  let sent = 0;
  let charts = true;
  let answers: AnswerCounts = { deferred: 0, private: 0 };
  const signed = () => {
    const body = interactionBody(sent++, charts);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString("hex");
    return { path: "/interactions", body, headers: { "content-type": "application/json", "x-signature-ed25519": signature, "x-signature-timestamp": timestamp } };
  };
  const onResponse = (status: number, body: string) => {
    if (status !== 200) return;
    if (body.startsWith('{"type":5')) answers.deferred++;
    if (body.includes('"flags":64')) answers.private++;
  };
  const requests = [{ setupRequest: (request: object) => ({ ...request, method: "POST" as const, ...signed() }), onResponse }];
  const load = (port: number, options: Partial<autocannon.Options> = {}) =>
    autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: seconds, requests, ...options });
  const autocannonRun = (options: Partial<autocannon.Options>) => async (port: number) => fromAutocannon(await load(port, options));
  const openLoopRun = async (port: number) => fromOpenLoop(await openLoop(`http://127.0.0.1:${port}`, SUSTAINED_RATE, seconds, signed, onResponse));
  const turn = async (server: Child, run: (port: number) => Promise<ClientMeasure>): Promise<Turn> => {
    answers = { deferred: 0, private: 0 };
    const cpuBefore = cpuMs(server.process.pid!);
    const clientBefore = process.cpuUsage();
    const measured = await run(server.port);
    const client = process.cpuUsage(clientBefore);
    return {
      ...measured,
      cpuUs: ((cpuMs(server.process.pid!) - cpuBefore) * 1000) / measured.requests,
      clientCpuUs: (client.user + client.system) / measured.requests,
      answers,
    };
  };

  const ours = await child(
    [...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/dprof"] : []), "scripts/bench/discord-server.mjs", `${apiBase}/api`, publicKeyHex],
    started,
  );
  const bare = await child(["scripts/bench/discord-bare-server.ts", publicKeyHex], started);
  const chartQueue = (reset = false) => getJson<ChartQueueStats>(`http://127.0.0.1:${ours.port}/bench/charts${reset ? "?reset" : ""}`);
  /** Waits until no chart is queued or being drawn and no answer is in flight; resolves with when that was. */
  const settled = async (limitMs: number) => {
    const until = Date.now() + limitMs;
    for (;;) {
      const queue = await chartQueue();
      if ((queue.size === 0 && queue.inFlight === 0) || Date.now() > until) return Date.now();
      await sleep(50);
    }
  };
  // both warmed up (ours with charts on, so the renderer is loaded too)
  await load(ours.port, { connections: 10, duration: 2 });
  await settled(30_000);
  await load(bare.port, { connections: 10, duration: 2 });
  await chartQueue(true);
  await apiStats();

  charts = false;
  const alternate = async (run: (port: number) => Promise<ClientMeasure>, withPeer = true) => {
    const mine: Turn[] = [];
    const peer: Turn[] = [];
    for (let i = 0; i < REPEATS; i++) {
      mine.push(await turn(ours, run));
      if (withPeer) peer.push(await turn(bare, run));
    }
    return { mine, peer };
  };
  const steady = await alternate(openLoopRun);
  const steadyAutocannon = await alternate(autocannonRun({ overallRate: SUSTAINED_RATE }));
  const flat = await alternate(autocannonRun({}));
  const bareOutput = bare.output();
  await stop(bare.process);
  await settled(30_000);
  const flatApi = await apiStats();
  await chartQueue(true);

  charts = true;
  const withCharts = await alternate(autocannonRun({}), false);
  const loadEnd = Date.now();
  const queueEmptyAt = await settled(30_000);
  const queue = await chartQueue(true);
  const chartApi = await apiStats();
  const peakRss = await stopMeasured(ours.process);
  const serverErrors = ours.output().match(/"level":(50|60)/g)?.length ?? 0;
  void bareOutput;

  const of = (turns: Turn[], pick: (t: Turn) => number, format?: (v: number) => string) => spread(turns.map(pick), format);
  const fixed1 = (v: number) => v.toFixed(1);
  const sum = (turns: Turn[], pick: (t: Turn) => number) => turns.reduce((total, t) => total + pick(t), 0);
  const errorsIn = (turns: Turn[]) => sum(turns, (t) => t.errors);
  const ratios = (mine: Turn[], peer: Turn[], pick: (t: Turn) => number) => mine.map((t, i) => pick(t) / pick(peer[i]!));
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const times = (v: number) => `${v.toFixed(2)}×`;
  const answered = (turns: Turn[]) =>
    `${sum(turns, (t) => t.answers.deferred)} deferred, ${sum(turns, (t) => t.answers.private)} private (turned away busy, rate-limit refusals or errors)`;
  const flatRatios = ratios(flat.mine, flat.peer, (t) => t.perSecond);
  // when client and server together fill the machine's cores, each rate is the cores over the CPU one request costs
  // both of them, so this ratio is what the answers' CPU allows whatever the scheduling
  const cpuCeilings = ratios(flat.peer, flat.mine, (t) => t.cpuUs + t.clientCpuUs);
  const chartRatios = ratios(withCharts.mine, flat.peer, (t) => t.perSecond);
  const drainMs = Math.max(0, Math.max(queueEmptyAt, chartApi.lastEditAt) - loadEnd);
  const chartErrors = errorsIn(withCharts.mine) + chartApi.unknown + serverErrors;
  const peerName = "bare signed-request handler (node:http + node:crypto Ed25519 verify, fixed answer)";
  const steadyRow = (client: string, mine: Turn[], peer: Turn[]): Row => {
    const p99Ratios = ratios(mine, peer, (t) => t.p99);
    return {
      figure: `Discord HTTP interactions at a steady ${SUSTAINED_RATE}/s (${client}, charts off): response = the answer, ${REPEATS} × ${seconds}-s turns alternating with the peer`,
      bar: "p99 ≤ 1.5× the bare handler's and ≤ 100 ms; 0 errors",
      result: `p99 ${of(mine, (t) => t.p99, fixed1)} ms, p50 ${of(mine, (t) => t.p50, fixed1)} ms, max ${of(mine, (t) => t.max)} ms, ${of(mine, (t) => t.perSecond)} req/s, ${errorsIn(mine)} errors; ${answered(mine)}`,
      peers: `${peerName}: p99 ${of(peer, (t) => t.p99, fixed1)} ms, p50 ${of(peer, (t) => t.p50, fixed1)} ms, max ${of(peer, (t) => t.max)} ms`,
      ratio: `p99 ${spread(p99Ratios, times)} the bare handler's; server CPU per request ${of(mine, (t) => t.cpuUs)} µs vs ${of(peer, (t) => t.cpuUs)} µs`,
      met: median(p99Ratios) <= 1.5 && median(mine.map((t) => t.p99)) <= 100 && errorsIn(mine) === 0 && sum(mine, (t) => t.answers.private) === 0,
    };
  };
  return [
    steadyRow("open-loop client", steady.mine, steady.peer),
    steadyRow("autocannon, overallRate", steadyAutocannon.mine, steadyAutocannon.peer),
    {
      figure: `Discord HTTP interactions max/s (charts off): distinct signed /compare interactions (${USERS.toLocaleString("en-US")} users), autocannon flat out (${CONNECTIONS} connections), ${REPEATS} × ${seconds}-s turns alternating with the peer`,
      bar: "≥ 65% of a bare signed-request handler's max",
      result: `${of(flat.mine, (t) => t.perSecond)} req/s, p99 ${of(flat.mine, (t) => t.p99)} ms, ${errorsIn(flat.mine) + flatApi.unknown} errors; ${answered(flat.mine)}, ${flatApi.plainEdits} deferred answers edited in`,
      peers: `${peerName} ${of(flat.peer, (t) => t.perSecond)} req/s, p99 ${of(flat.peer, (t) => t.p99)} ms, ${errorsIn(flat.peer)} errors`,
      ratio:
        `${spread(flatRatios, pct)} of the bare handler; p99 ${spread(
          ratios(flat.mine, flat.peer, (t) => t.p99),
          times,
        )}; ` +
        `CPU per request, server + load client: ${of(flat.mine, (t) => t.cpuUs)} + ${of(flat.mine, (t) => t.clientCpuUs)} µs vs ` +
        `${of(flat.peer, (t) => t.cpuUs)} + ${of(flat.peer, (t) => t.clientCpuUs)} µs, a CPU-bound ceiling of ${spread(cpuCeilings, pct)}`,
      // a refusal is cheaper than an answer, so the rate rests on every request having been answered
      met: median(flatRatios) >= 0.65 && errorsIn(flat.mine) + flatApi.unknown === 0 && sum(flat.mine, (t) => t.answers.private) === 0,
    },
    {
      figure: `Discord HTTP interactions with charts on (each answer a chart of its own, edited in after the answer), autocannon flat out, ${REPEATS} × ${seconds} s`,
      bar: `backlog bounded: never above the chart queue's capacity, every queued chart edited in, drained < ${DRAIN_BAR_MS / 1000} s after the load stops`,
      result:
        `${of(withCharts.mine, (t) => t.perSecond)} req/s, p99 ${of(withCharts.mine, (t) => t.p99)} ms, ${chartErrors} errors (${serverErrors} logged by the server); ` +
        `${chartApi.chartEdits} charts edited in, ${queue.skipped} skipped (answered with a note instead); ` +
        `peak backlog ${queue.peak} of ${queue.capacity}, drained ${(drainMs / 1000).toFixed(1)} s after the load stopped; ${answered(withCharts.mine)}`,
      peers: `bare handler ${of(flat.peer, (t) => t.perSecond)} req/s (its charts-off turns above)`,
      ratio: `${spread(chartRatios, pct)} of the bare handler`,
      met: queue.peak <= queue.capacity && chartApi.chartEdits === queue.queued && drainMs < DRAIN_BAR_MS && chartErrors === 0,
    },
    {
      figure: "Discord HTTP interactions server peak RSS: its own high-water mark (VmHWM) over the whole run (500/s, flat out, charts off and on)",
      bar: "≤ 300 MB",
      result: `${peakRss.toFixed(0)} MB`,
      peers: "",
      ratio: "",
      met: peakRss <= 300,
    },
  ];
}
