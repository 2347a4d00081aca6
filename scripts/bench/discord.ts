import type { ChildProcess } from "node:child_process";
import { generateKeyPairSync, sign } from "node:crypto";
import autocannon from "autocannon";
import { rssMB, startChild as child, stopChild as stop, withBuiltChildren } from "./children.ts";
import type { Row } from "./tokens.ts";

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

/** One flat-out measurement, made of one or more autocannon runs. */
interface Throughput {
  perSecond: number;
  /** the worst run's p99 */
  p99: number;
  non2xx: number;
  timeouts: number;
  errors: number;
}

function throughputOf(runs: autocannon.Result[]): Throughput {
  const sum = (of: (r: autocannon.Result) => number) => runs.reduce((total, r) => total + of(r), 0);
  return {
    perSecond: sum((r) => r.requests.total) / sum((r) => r.duration),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    non2xx: sum((r) => r.non2xx),
    timeouts: sum((r) => r.timeouts),
    errors: sum((r) => r.errors + r.timeouts + r.non2xx),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const getJson = async <T>(url: string) => (await (await fetch(url)).json()) as T;

/**
 * The Discord bar: HTTP interactions under signed /compare commands, measured by autocannon on loopback against the
 * real interactions server (production's dispatcher, Ed25519 check, replay guard, chart queue) and, as the peer, a
 * bare node:http handler that only checks the signature and answers "ok", with the same load. Every request is a new
 * interaction signed with the current timestamp, its own id and token, from one of 10,000 members. Charts are edited
 * into the answer through the fake REST API, which counts them; the server reports its chart queue's peak.
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
  const takeAnswers = () => {
    const taken = answers;
    answers = { deferred: 0, private: 0 };
    return taken;
  };
  const requests = [
    {
      setupRequest: (request: object) => {
        const body = interactionBody(sent++, charts);
        const timestamp = String(Math.floor(Date.now() / 1000));
        const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString("hex");
        return {
          ...request,
          method: "POST" as const,
          path: "/interactions",
          body,
          headers: { "content-type": "application/json", "x-signature-ed25519": signature, "x-signature-timestamp": timestamp },
        };
      },
      onResponse: (status: number, body: string) => {
        if (status !== 200) return;
        if (body.startsWith('{"type":5')) answers.deferred++;
        if (body.includes('"flags":64')) answers.private++;
      },
    },
  ];
  const load = (port: number, options: Partial<autocannon.Options> = {}) =>
    autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: seconds, requests, ...options });

  // both warmed up (ours with charts on, so the renderer is loaded too); then ours with charts off and the bare
  // handler flat out in turns (the idle one costing nothing), so other load on the machine falls on both alike; then
  // ours flat out with charts on
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
  await load(ours.port, { connections: 10, duration: 2 });
  await settled(30_000);
  await load(bare.port, { connections: 10, duration: 2 });
  await chartQueue(true);
  await apiStats();
  takeAnswers();

  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMB(ours.process.pid!))), 250);
  const phase = (name: string) => process.stderr.write(`  ${name}: peak RSS so far ${peakRss.toFixed(0)} MB\n`);
  charts = false;
  const turnSeconds = seconds > 5 ? 2 : 1;
  const ourTurns: autocannon.Result[] = [];
  const bareTurns: autocannon.Result[] = [];
  for (let turn = 0; turn < Math.round(seconds / turnSeconds); turn++) {
    ourTurns.push(await load(ours.port, { duration: turnSeconds }));
    bareTurns.push(await load(bare.port, { duration: turnSeconds }));
  }
  await stop(bare.process);
  const flat = throughputOf(ourTurns);
  const bareFlat = throughputOf(bareTurns);
  await settled(30_000);
  const flatAnswers = takeAnswers();
  const flatApi = await apiStats();
  await chartQueue(true);
  phase("charts off");

  charts = true;
  const withCharts = throughputOf([await load(ours.port)]);
  const loadEnd = Date.now();
  const queueEmptyAt = await settled(30_000);
  const queue = await chartQueue(true);
  const chartAnswers = takeAnswers();
  const chartApi = await apiStats();
  clearInterval(sampler);
  phase("charts on");
  await stop(ours.process);
  const serverErrors = ours.output().match(/"level":(50|60)/g)?.length ?? 0;

  const ratio = flat.perSecond / bareFlat.perSecond;
  const chartRatio = withCharts.perSecond / bareFlat.perSecond;
  const drainMs = Math.max(0, Math.max(queueEmptyAt, chartApi.lastEditAt) - loadEnd);
  const flatErrors = flat.errors + flatApi.unknown;
  const chartErrors = withCharts.errors + chartApi.unknown + serverErrors;
  const answered = (a: AnswerCounts, s: ApiStats) => `${a.deferred} deferred, ${a.private} private (rate-limit refusals or errors), ${s.plainEdits} deferred answers edited in`;
  const peer = `bare signed-request handler (node:http + node:crypto Ed25519 verify, fixed answer) ${bareFlat.perSecond.toFixed(0)} req/s, p99 ${bareFlat.p99} ms (worst turn), ${bareFlat.errors} errors`;
  return [
    {
      figure: `Discord HTTP interactions max/s (charts off): distinct signed /compare interactions (${USERS.toLocaleString("en-US")} users), flat out for ${seconds} s in ${turnSeconds}-s turns with the peer, ${CONNECTIONS} connections`,
      bar: "≥ 50% of a bare signed-request handler's max",
      result: `${Math.round(flat.perSecond)} req/s, p99 ${flat.p99} ms (worst turn), ${flatErrors} errors (${flat.non2xx} non-2xx, ${flat.timeouts} timeouts); ${answered(flatAnswers, flatApi)}`,
      peers: peer,
      ratio: `${(ratio * 100).toFixed(0)}% of the bare handler`,
      // a refusal is cheaper than an answer, so the rate rests on every request having been answered
      met: ratio >= 0.5 && flatErrors === 0 && flatAnswers.private === 0,
    },
    {
      figure: `Discord HTTP interactions with charts on (each answer a chart of its own, edited in after the answer), flat out for ${seconds} s`,
      bar: `backlog bounded: never above the chart queue's capacity, every queued chart edited in, drained < ${DRAIN_BAR_MS / 1000} s after the load stops`,
      result:
        `${Math.round(withCharts.perSecond)} req/s, p99 ${withCharts.p99} ms, ${chartErrors} errors (${withCharts.non2xx} non-2xx, ${withCharts.timeouts} timeouts, ${serverErrors} logged by the server); ` +
        `${chartApi.chartEdits} charts edited in, ${queue.skipped} skipped (answered with a note instead); ` +
        `peak backlog ${queue.peak} of ${queue.capacity}, drained ${(drainMs / 1000).toFixed(1)} s after the load stopped; ${answered(chartAnswers, chartApi)}`,
      peers: `bare handler ${bareFlat.perSecond.toFixed(0)} req/s`,
      ratio: `${(chartRatio * 100).toFixed(0)}% of the bare handler`,
      met: queue.peak <= queue.capacity && chartApi.chartEdits === queue.queued && drainMs < DRAIN_BAR_MS && chartErrors === 0,
    },
    {
      figure: "Discord HTTP interactions server RSS under load (peak, flat out with charts off and on)",
      bar: "< 400 MB",
      result: `${peakRss.toFixed(0)} MB`,
      peers: "",
      ratio: "",
      met: peakRss < 400,
    },
  ];
}
