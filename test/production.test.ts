import { readFileSync, readdirSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BOT_TOKEN, SIGNING_SECRET, postSigned, slashAnswer, slashCommandBody, startFakeSlack } from "./fakes/slack.ts";
import { ensureBuilt, freePort, killBots, loggedPort, startBuiltBot } from "./production-bot.ts";

beforeAll(() => ensureBuilt(), 120_000);

type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>;
let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(() => fake.api.close());

async function slackBot(extra: Record<string, string> = {}, via: "node" | "npm" = "node") {
  const port = await freePort();
  const bot = startBuiltBot(
    { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: String(port), SLACK_API_URL: `${fake.baseUrl}/api/`, HOST: "127.0.0.1", ...extra },
    { via },
  );
  await bot.waitFor(/Slack is listening/);
  return { bot, base: `http://127.0.0.1:${port}` };
}

const METRICS_TOKEN = "m".repeat(40);
/** One bot for the tests that only probe it and count: a metrics token, one command a minute per user, a health port. */
let guarded: ReturnType<typeof slackBot> | null = null;
const guardedBot = () => (guarded ??= slackBot({ METRICS_TOKEN, MODELWISE_RATE_LIMIT: "1/1", HEALTH_PORT: "0" }));
afterEach(async () => {
  const spare = await guarded?.catch(() => null);
  killBots(spare ? [spare.bot] : []);
});
afterAll(() => killBots());

/** Every process started under `pid`, with its command line. */
function processTree(pid: number): string[] {
  const parents = new Map<number, number>();
  const lines = new Map<number, string>();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      lines.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim());
    } catch {
      // the process ended while being listed
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree.map((p) => lines.get(p) ?? "");
}

describe("the production start (npm start → the built bot)", () => {
  it("runs node on dist/ with no TypeScript loader in any process, hands SIGTERM to the bot itself (npm's shell would otherwise die and orphan it), and on SIGTERM delivers everything still in flight (the charts of the answers given) then exits 0", async () => {
    const { bot, base } = await slackBot({}, "npm");
    const commands = processTree(bot.child.pid!);
    expect(commands.some((line) => /node .*dist\/src\/main\.js/.test(line))).toBe(true);
    expect(commands.filter((line) => /tsx|\.ts\b/.test(line))).toEqual([]);
    const tree = () => processTree(bot.child.pid!).filter((line) => /dist\/src\/main\.js/.test(line));
    expect(tree()).toHaveLength(1);

    const asked = 12;
    const before = fake.api.requests.length;
    const acks = await Promise.all(
      Array.from({ length: asked }, (_, i) => postSigned(`${base}/slack/events`, slashCommandBody("compare", "gpt-5 deepseek", `${fake.baseUrl}/respond/drain-${i}`, `U${i}`))),
    );
    expect(acks.map((r) => r.status)).toEqual(Array(asked).fill(200));
    const answers = await Promise.all(acks.map((ack, i) => slashAnswer(fake.api, ack, `/respond/drain-${i}`)));
    // twelve charts take a renderer some hundreds of ms: most are still being drawn or uploaded now
    bot.child.kill("SIGTERM");
    expect(answers.every((answer) => JSON.stringify(answer.json).includes("GPT-5"))).toBe(true);
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(bot.output()).toMatch(/"msg":"stopped"/);
    const stopping = bot.logs().find((line) => String(line.msg).startsWith("stopping"));
    expect(stopping?.inFlight).toBeGreaterThan(0);
    const uploads = fake.api.requests.slice(before).filter((r) => r.path === "/api/files.completeUploadExternal");
    expect(uploads).toHaveLength(asked);
  }, 60_000);

  it("gives up waiting after SHUTDOWN_TIMEOUT_SECONDS and says so, exiting 1", async () => {
    const { bot, base } = await slackBot({ SHUTDOWN_TIMEOUT_SECONDS: "0.5" });
    // the answer goes out in the acknowledgement; its chart's upload then hangs
    fake.fail("/api/files.getUploadURLExternal", { delayMs: 10_000 });
    const before = fake.api.requests.length;
    const ack = await postSigned(`${base}/slack/events`, slashCommandBody("compare", "gpt-5 deepseek", `${fake.baseUrl}/respond/stuck`));
    expect(ack.status).toBe(200);
    await fake.api.next("/api/files.getUploadURLExternal", before);
    bot.child.kill("SIGTERM");
    expect((await bot.exited).code).toBe(1);
    expect(bot.output()).toMatch(/shutdown timeout: answers still in flight are dropped/);
  });
});

describe("health, readiness and metrics: on their own port, on loopback unless told otherwise", () => {
  it("answers only /healthz on the public Slack port; /readyz and /metrics there need the metrics token", async () => {
    const { base } = await guardedBot();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    for (const path of ["/readyz", "/metrics"]) {
      expect((await fetch(`${base}${path}`)).status).toBe(404);
      expect((await fetch(`${base}${path}`, { headers: { authorization: "Bearer wrong" } })).status).toBe(404);
      expect((await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(200);
    }
    // without the token, not at all: on the bot below
  });

  it("answers /healthz, /readyz and /metrics on HEALTH_PORT, counts commands, and logs one line per command but no probe at info; binds only the HOST it is given", async () => {
    // the chat port on another address: the health port stays on loopback by default
    const { bot, base } = await slackBot({ INSTANCE_ID: "bot-a", HOST: "127.0.0.2", HEALTH_PORT: "0" });
    const port = new URL(base).port;
    expect((await fetch(`http://127.0.0.2:${port}/healthz`)).status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    // no METRICS_TOKEN: the public port never serves /metrics
    expect((await fetch(`http://127.0.0.2:${port}/metrics`)).status).toBe(404);
    const line = bot.logs().find((entry) => entry.msg === "health endpoint is listening");
    expect(line?.address).toMatchObject({ address: "127.0.0.1" });
    const health = `http://127.0.0.1:${loggedPort(bot, /health endpoint is listening/)}`;
    expect((await fetch(`${health}/healthz`)).status).toBe(200);
    const ready = await fetch(`${health}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, checks: { knowledge: true, slack: true } });

    const ack = await postSigned(`${base.replace("127.0.0.1", "127.0.0.2")}/slack/events`, slashCommandBody("compare", "gpt-5 deepseek", `${fake.baseUrl}/respond/metrics`));
    expect(JSON.stringify((await slashAnswer(fake.api, ack, "/respond/metrics")).json)).toContain("GPT-5");
    const metrics = await (await fetch(`${health}/metrics`)).text();
    expect(metrics).toMatch(/^modelwise_commands_total\{command="compare",surface="slack",outcome="ok"\} 1$/m);
    expect(metrics).toMatch(/^modelwise_command_duration_seconds_count\{command="compare",surface="slack"\} 1$/m);
    expect(metrics).toMatch(/^modelwise_knowledge_info\{version="[^"]+"\} 1$/m);
    expect(metrics).toMatch(/^modelwise_knowledge_age_seconds \d/m);
    expect(metrics).toMatch(/^modelwise_knowledge_oldest_price_timestamp_seconds \d{10}/m);

    // the log line can reach this process after the answer and the metrics do (separate pipes): wait for it
    await bot.waitFor(/"msg":"answered"/);
    const answered = bot.logs().filter((entry) => entry.msg === "answered");
    expect(answered).toEqual([expect.objectContaining({ level: 30, surface: "slack", command: "compare", outcome: "ok", instance: "bot-a", ms: expect.any(Number) })]);
    expect(bot.logs().filter((entry) => entry.msg === "probe")).toEqual([]);
  });

  it("counts rate-limit refusals", async () => {
    const { bot, base } = await guardedBot();
    const answers: string[] = [];
    for (const i of [1, 2]) {
      const ack = await postSigned(`${base}/slack/events`, slashCommandBody("compare", "gpt-5 deepseek", `${fake.baseUrl}/respond/limit-${i}`, "UFLOOD"));
      answers.push(JSON.stringify((await slashAnswer(fake.api, ack, `/respond/limit-${i}`)).json));
    }
    expect(answers[0]).toContain("GPT-5");
    expect(answers[1]).toContain("Slow down a little");
    const metrics = await (await fetch(`http://127.0.0.1:${loggedPort(bot, /health endpoint is listening/)}/metrics`)).text();
    expect(metrics).toMatch(/^modelwise_rate_limit_refusals_total\{surface="slack"\} 1$/m);
  });
});
