/**
 * How long other people wait while someone sends the heaviest pastes the bot accepts (issue 24): the built Slack
 * server on loopback, a probe user asking a small /compare every 100 ms, first alone, then beside bursts of ten
 * pastes at once, every second: /estimate of 7,000 unpunctuated CJK characters (a 63 KB form, the most a slash command may carry),
 * /ask of 60,000 characters ending in trailing option words, and mentions of 40,000 unpunctuated CJK characters
 * (Slack's message limit, ~120 KB of JSON). Prints the probe's acknowledgement and answer times in both phases.
 *
 *   npx tsx scripts/bench/hostile-pastes.ts [seconds per phase, default 5]   (also a row of `npm run bench`)
 */
import type { ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { startChild, withBuiltChildren } from "./children.ts";
import type { Row } from "./tokens.ts";

const SECRET = "0123456789abcdef0123456789abcdef";
const sign = (body: string, timestamp: number) => `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

interface Phase {
  probes: number;
  answered: number;
  ack: { p50: number; p99: number; max: number };
  answer: { p50: number; p99: number; max: number };
}

/** The probe's acknowledgements and answers alone, then beside the bursts of pastes, `seconds` each (after a warm-up). */
export function hostilePastes(seconds: number): Promise<{ alone: Phase; beside: Phase }> {
  return withBuiltChildren((started) => measure(seconds, started));
}

async function measure(seconds: number, started: ChildProcess[]): Promise<{ alone: Phase; beside: Phase }> {
  const api = await startChild(["scripts/bench/fake-slack-api.ts"], started);
  const apiBase = `http://127.0.0.1:${api.port}`;
  const bot = await startChild(["scripts/bench/slack-server.mjs", `${apiBase}/api/`, SECRET], started);
  const events = `http://127.0.0.1:${bot.port}/slack/events`;

  // the probe's answers not ready in time for the ack arrive here, so their times are the probe's alone
  const sentAt = new Map<string, number>();
  const answerMs: number[] = [];
  const answers = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const at = sentAt.get(request.url ?? "");
      if (at !== undefined) answerMs.push(performance.now() - at);
      response.end("{}");
    });
  });
  await new Promise<void>((resolve) => answers.listen(0, "127.0.0.1", resolve));
  const answersBase = `http://127.0.0.1:${(answers.address() as AddressInfo).port}`;

  let n = 0;
  const post = (body: string, contentType: string) => {
    const timestamp = Math.floor(Date.now() / 1000);
    return fetch(events, {
      method: "POST",
      headers: { "content-type": contentType, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": sign(body, timestamp) },
      body,
    });
  };
  const slash = (command: string, text: string, user: string, responseUrl: string) =>
    post(
      new URLSearchParams({ command, text, user_id: user, team_id: "T1", channel_id: "C1", response_url: responseUrl, trigger_id: `${++n}.1` }).toString(),
      "application/x-www-form-urlencoded",
    );

  const ackMs: number[] = [];
  const probe = async () => {
    const path = `/probe/${++n}`;
    const started = performance.now();
    sentAt.set(path, started);
    const response = await slash("/compare", "gpt-5 deepseek chart:off", `UPROBE${n % 50}`, `${answersBase}${path}`);
    const acked = await response.text();
    const took = performance.now() - started;
    ackMs.push(took);
    // an answer ready in time comes in the ack itself; otherwise it follows at the response_url
    if (acked.includes('"response_type"')) {
      sentAt.delete(path);
      answerMs.push(took);
    }
  };

  const han = (count: number, salt: number) => `${"模型推理成本估算".repeat(Math.ceil(count / 8)).slice(0, count - 6)}${String(salt).padStart(6, "0")}`;
  const pastes = [
    (i: number) => slash("/modelwise", `estimate ${han(7_000, i)}`, `UPASTE${i}`, `${apiBase}/respond/${i}/${Date.now()}`),
    (i: number) =>
      slash(
        "/modelwise",
        `what does gpt-5 cost ${"lorem ipsum ".repeat(4_500)} ${"lang:en ".repeat(600)}${i}`.slice(0, 60_000),
        `UPASTE${i}`,
        `${apiBase}/respond/${i}/${Date.now()}`,
      ),
    (i: number) =>
      post(
        JSON.stringify({
          type: "event_callback",
          event_id: `EvPaste${i}`,
          event: { type: "app_mention", user: `UPASTE${i}`, text: `<@UBOT> ${han(40_000, i)}`, channel: "C1", ts: `1700000000.${i}` },
        }),
        "application/json",
      ),
  ];

  // PASTES=0,2 sends only those kinds (to see which one costs)
  const kinds = (process.env.PASTES ?? "0,1,2").split(",").map((k) => pastes[Number(k)]!);
  const phase = async (withPastes: boolean) => {
    ackMs.length = 0;
    answerMs.length = 0;
    const until = performance.now() + seconds * 1000;
    let stop = false;
    // ten pastes at once, every second, as the attack in the issue sent them
    const attackers = withPastes
      ? [
          (async () => {
            for (let round = 0; !stop; round++) {
              const burst = Array.from({ length: 10 }, (_, i) => kinds[i % kinds.length]!(round * 10 + i).then((r) => r.arrayBuffer()));
              await Promise.all([...burst, new Promise((resolve) => setTimeout(resolve, 1000))]);
            }
          })(),
        ]
      : [];
    const probes: Promise<void>[] = [];
    while (performance.now() < until) {
      probes.push(probe());
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await Promise.all(probes);
    // the last probes' answers
    const deadline = performance.now() + 5_000;
    while (answerMs.length < probes.length && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    stop = true;
    await Promise.all(attackers);
    return {
      probes: probes.length,
      answered: answerMs.length,
      ack: { p50: percentile(ackMs, 50), p99: percentile(ackMs, 99), max: Math.max(...ackMs) },
      answer: { p50: percentile(answerMs, 50), p99: percentile(answerMs, 99), max: Math.max(...answerMs) },
    };
  };

  // warm up, the pastes too: a bot that has run a while has compiled the paths a paste takes
  await phase(true);
  const alone = await phase(false);
  const beside = await phase(true);
  await new Promise((resolve) => answers.close(resolve));
  return { alone, beside };
}

const f = (x: number) => x.toFixed(1);

/** The bench's row: how much one user's pastes add to other users' slowest answer. */
export async function hostilePasteRows(seconds: number): Promise<Row[]> {
  const { alone, beside } = await hostilePastes(seconds);
  const added = beside.answer.max - alone.answer.max;
  return [
    {
      figure: `Slack: a probe user's small /compare every 100 ms beside bursts of 10 of the heaviest pastes a second (63 KB /estimate, 60,000-character /ask, 40,000-character mentions), ${seconds} s each phase`,
      bar: "the pastes add ≤ 100 ms to the probe's slowest answer",
      result: `beside the pastes: answer p50 ${f(beside.answer.p50)} p99 ${f(beside.answer.p99)} max ${f(beside.answer.max)} ms (${beside.answered}/${beside.probes} answered); ack p99 ${f(beside.ack.p99)} ms`,
      peers: `alone (same server, same run): answer p50 ${f(alone.answer.p50)} p99 ${f(alone.answer.p99)} max ${f(alone.answer.max)} ms; ack p99 ${f(alone.ack.p99)} ms`,
      ratio: `+${f(added)} ms slowest answer, +${f(beside.answer.p99 - alone.answer.p99)} ms p99`,
      met: added <= 100 && beside.answered === beside.probes,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { alone, beside } = await hostilePastes(Number(process.argv[2] ?? 5));
  for (const [name, r] of [
    ["alone", alone],
    ["beside bursts of 10 pastes a second", beside],
  ] as const) {
    console.log(
      `${name}: ${r.answered}/${r.probes} answered; ack p50 ${f(r.ack.p50)} p99 ${f(r.ack.p99)} max ${f(r.ack.max)} ms; answer p50 ${f(r.answer.p50)} p99 ${f(r.answer.p99)} max ${f(r.answer.max)} ms`,
    );
  }
  console.log(`added by the pastes: answer max +${f(beside.answer.max - alone.answer.max)} ms, p99 +${f(beside.answer.p99 - alone.answer.p99)} ms`);
}
