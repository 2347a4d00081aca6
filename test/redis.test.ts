import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import pino from "pino";
import { createInteractionsServer } from "../src/adapters/discord/http-interactions.ts";
import { InFlight } from "../src/runtime/in-flight.ts";
import { redisSeenOnce } from "../src/runtime/seen-once.ts";
import { ed25519Keys, interaction, signDiscord } from "./fakes/discord.ts";
import { stubDispatcher } from "./fakes/stub-dispatcher.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RememberedTurn } from "../src/core/conversation/conversation.ts";
import { RedisConversationStore } from "../src/runtime/redis/conversations.ts";
import { MemoryRateLimit } from "../src/core/conversation/rate-limit.ts";
import { RedisRateLimit } from "../src/runtime/redis/rate-limit.ts";
import { BOT_TOKEN, SIGNING_SECRET, mentionBody, postSigned, postSignedJson, signSlack, slashAnswer, slashCommandBody, startFakeSlack } from "./fakes/slack.ts";
import { ensureBuilt, freePort, killBots, loggedPort, ROOT, startBuiltBot } from "./production-bot.ts";

/** A real redis-server on a free loopback port, nothing persisted. */
async function startRedis(): Promise<{ url: string; stop(): void; process: ChildProcess }> {
  const port = await freePort();
  const server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on("data", (chunk) => {
      output += chunk;
      if (/Ready to accept connections/.test(output)) resolve();
    });
    server.once("exit", () => reject(new Error(`redis-server exited:\n${output}`)));
    server.once("error", reject);
  });
  return { url: `redis://127.0.0.1:${port}`, process: server, stop: () => server.kill("SIGKILL") };
}

let redis: Awaited<ReturnType<typeof startRedis>>;
let fake: Awaited<ReturnType<typeof startFakeSlack>>;
let knowledgeDir: string;

beforeAll(async () => {
  ensureBuilt();
  redis = await startRedis();
  fake = await startFakeSlack();
  knowledgeDir = mkdtempSync(join(tmpdir(), "modelwise-knowledge-"));
  cpSync(join(ROOT, "knowledge"), knowledgeDir, { recursive: true });
}, 120_000);
afterAll(async () => {
  redis?.stop();
  await fake?.api.close();
  rmSync(knowledgeDir, { recursive: true, force: true });
});
afterEach(async () => {
  const pair = (await shared?.catch(() => null))?.map((instance) => instance.bot) ?? [];
  const single = await alone?.catch(() => null);
  killBots([...pair, ...(single ? [single.bot] : [])]);
});
afterAll(async () => {
  killBots();
  (await alone?.catch(() => null))?.own.stop();
});

/** A built Slack bot's environment as one instance on `redisUrl`, on the shared knowledge folder and its own cache. */
function instanceEnv(id: string, port: number, redisUrl: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_PORT: String(port),
    SLACK_API_URL: `${fake.baseUrl}/api/`,
    SLACK_ADMIN_USER_IDS: "UADMIN",
    HOST: "127.0.0.1",
    REDIS_URL: redisUrl,
    INSTANCE_ID: id,
    MODELWISE_KNOWLEDGE_DIR: knowledgeDir,
    // file events would reload each instance on its own; the broadcast is what is under test
    MODELWISE_WATCH: "off",
    MODELWISE_CACHE_DIR: join(knowledgeDir, "..", `cache-${id}`),
  };
}

/** Two built bots sharing one Redis and one knowledge folder, as two instances behind a load balancer. */
async function twoInstances(extra: Record<string, string> = {}) {
  const start = async (id: string) => {
    const port = await freePort();
    const bot = startBuiltBot({ ...instanceEnv(id, port, redis.url), SLACK_ADMIN_USER_IDS: "UADMIN,UADMIN2", ...extra });
    await bot.waitFor(/"msg":"ready"/);
    return { bot, events: `http://127.0.0.1:${port}/slack/events`, base: `http://127.0.0.1:${port}` };
  };
  return Promise.all([start("bot-a"), start("bot-b")]);
}

/**
 * One pair for the tests that need nothing of their own: each starts by marking where its bots' output stands
 * (`bot.output().length`) and waits only for what the bots log after. The admins of all of them.
 */
let shared: ReturnType<typeof twoInstances> | null = null;
const sharedInstances = () => (shared ??= twoInstances({ SLACK_ADMIN_USER_IDS: "UADMIN,UADMIN2,UFORGED" }));

let asked = 0;
/** Sends a slash command to one instance and returns its answer, in the acknowledgement or posted to its response_url. */
async function ask(events: string, command: string, text: string, user = "U1") {
  const path = `/respond/redis-${asked++}`;
  const ack = await postSigned(events, slashCommandBody(command, text, `${fake.baseUrl}${path}`, user));
  expect(ack.status).toBe(200);
  return JSON.stringify((await slashAnswer(fake.api, ack, path)).json);
}

describe("the rate limit in Redis", () => {
  it("answers any sequence of requests exactly as the in-process bucket does, across instances", async () => {
    const client = new Redis(redis.url);
    try {
      let now = 1_000_000;
      const clock = () => now;
      const local = new MemoryRateLimit(3, 20, clock);
      // two instances, one user: they share one bucket
      const shared = [new RedisRateLimit(client, 3, 20, () => true, "test:rate:same", clock), new RedisRateLimit(client, 3, 20, () => true, "test:rate:same", clock)];
      const steps = [0, 0, 0, 0, 500, 1_000, 2_000, 3_000, 0, 0, 9_000, 100, 60_000, 0, 0, 0, 0];
      const seen: [number, number][] = [];
      for (const [i, step] of steps.entries()) {
        now += step;
        seen.push([local.take("u"), await shared[i % 2]!.take("u")]);
      }
      expect(seen.map(([inProcess, inRedis]) => inRedis - inProcess)).toEqual(steps.map(() => 0));
      expect(seen.map(([inProcess]) => inProcess)).toContain(0);
      expect(seen.some(([inProcess]) => inProcess > 0)).toBe(true);
    } finally {
      client.disconnect();
    }
  });

  it("limits in this process, the same way, while Redis cannot be used", async () => {
    const client = new Redis(redis.url);
    try {
      const limiter = new RedisRateLimit(
        client,
        1,
        1,
        () => false,
        "test:rate:down",
        () => 0,
      );
      expect([await limiter.take("u"), await limiter.take("u")]).toEqual([0, 60]);
      expect(await client.exists("test:rate:down:u")).toBe(0);
    } finally {
      client.disconnect();
    }
  });
});

describe("several instances on one Redis", () => {
  it("share one rate limit per user", async () => {
    const [a, b] = await twoInstances({ MODELWISE_RATE_LIMIT: "2/1" });
    const refused = /too many|slow down|wait/i;
    // while Redis answers: a ping slower than its bar (a busy host) sends an instance to its own limits by design,
    // so a run during which either instance said so is tried again with another user
    for (let attempt = 1; ; attempt++) {
      const logged = [a.bot.output().length, b.bot.output().length];
      const user = `ULIMIT${attempt}`;
      const answers = [
        await ask(a.events, "compare", "gpt-5 deepseek", user),
        await ask(b.events, "compare", "gpt-5 deepseek", user),
        // the third request in the window is refused by whichever instance gets it
        await ask(a.events, "compare", "gpt-5 deepseek", user),
        await ask(b.events, "compare", "gpt-5 deepseek", user),
      ];
      const redisSlow = [a, b].some((instance, i) => instance.bot.output().slice(logged[i]).includes("Redis is not answering in time"));
      if (redisSlow && attempt < 3) continue;
      expect(answers[0]).toContain("GPT-5");
      expect(answers[1]).toContain("GPT-5");
      expect(answers[2]).toMatch(refused);
      expect(answers[3]).toMatch(refused);
      break;
    }
    // another user is not affected
    expect(await ask(b.events, "compare", "gpt-5 deepseek", "UOTHER")).toContain("GPT-5");
  }, 60_000);

  it("/reload on one instance reloads every instance", async () => {
    const [a, b] = await sharedInstances();
    const logged = b.bot.output().length;
    const statusOf = async (events: string) => ask(events, "modelwise", "status", "UADMIN");
    const versionOf = (status: string) => /Version[^0-9a-f]{0,16}([0-9a-f]{12})/.exec(status)?.[1];
    const before = versionOf(await statusOf(b.events));
    expect(before).toBeTruthy();

    const models = join(knowledgeDir, "models.yaml");
    writeFileSync(models, `${readFileSync(models, "utf8")}\n# edited by the Redis test\n`);
    expect(await ask(a.events, "modelwise", "reload", "UADMIN")).not.toMatch(/rejected/i);
    // B reloads when A's broadcast arrives; its /status then shows the new version
    const until = Date.now() + 10_000;
    let after = before;
    while (after === before && Date.now() < until) after = versionOf(await statusOf(b.events));
    expect(after).not.toBe(before);
    await b.bot.waitFor(/"msg":"reload asked by another instance","from":"bot-a"|"from":"bot-a".*reload asked by another instance/, undefined, logged);
    expect(after).toBe(versionOf(await statusOf(a.events)));
  }, 60_000);
});

describe("conversation memory on Redis", () => {
  it("a follow-up in a Slack thread is answered by the other instance, and /status lists both", async () => {
    const [a, b] = await sharedInstances();
    const mentionTo = async (events: string, text: string, ts: string, threadTs?: string) => {
      const before = fake.api.requests.length;
      expect((await postSignedJson(events, mentionBody(text, { ts, ...(threadTs ? { threadTs } : {}) }))).status).toBe(200);
      return JSON.stringify((await fake.api.next("/api/chat.postMessage", before)).json);
    };
    expect(await mentionTo(a.events, "gpt-5 vs deepseek for 20M in and 5M out", "1700000500.000100")).toContain("20M input + 5M output tokens");
    const followUp = await mentionTo(b.events, "and for 1B tokens?", "1700000501.000100", "1700000500.000100");
    expect(followUp).toMatch(/Understood as a follow-up: compare prices, GPT-5 and DeepSeek/);
    // another admin: the shared rate limit remembers how often UADMIN asked in the tests before
    const status = await ask(a.events, "modelwise", "status", "UADMIN2");
    expect(status).toContain("bot-a");
    expect(status).toContain("bot-b");
  }, 60_000);

  it("a turn written by one connection is read by another, and expires", async () => {
    const first = new Redis(redis.url);
    const second = new Redis(redis.url);
    try {
      const turn: RememberedTurn = {
        question: {
          intent: "compare",
          models: [
            { id: "gpt-5", query: "gpt-5", shorthand: false },
            { id: "deepseek-chat", query: "deepseek", shorthand: true },
          ],
          constraints: {},
          tasks: [],
        },
        lang: "zh",
        at: 1,
      };
      await new RedisConversationStore(first).set("slack:C1:U1", turn, 60_000);
      expect(await new RedisConversationStore(second).get("slack:C1:U1")).toEqual(turn);
      await new RedisConversationStore(first).set("slack:C1:U2", turn, 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await new RedisConversationStore(second).get("slack:C1:U2")).toBeNull();
    } finally {
      first.disconnect();
      second.disconnect();
    }
  });

  it("an unreachable Redis is no memory, not a failure", async () => {
    const down = new Redis(`redis://127.0.0.1:${await freePort()}`, { lazyConnect: true, enableOfflineQueue: false, retryStrategy: () => null });
    down.on("error", () => undefined);
    const errors: unknown[] = [];
    const store = new RedisConversationStore(down, (error) => errors.push(error));
    await store.set("x", { question: { intent: "cheapest", models: [], constraints: {}, tasks: ["coding"] }, lang: "en", at: 1 }, 1000);
    expect(await store.get("x")).toBeNull();
    expect(errors).toHaveLength(2);
    down.disconnect();
  });
});

describe("start-up without Redis", () => {
  it("refuses to start when REDIS_URL cannot be reached, in one line naming it", async () => {
    const bot = startBuiltBot({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_PORT: "0",
      SLACK_API_URL: `${fake.baseUrl}/api/`,
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    });
    expect((await bot.exited).code).toBe(1);
    expect(bot.output()).toMatch(/REDIS_URL: cannot connect to Redis at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    expect(bot.output()).not.toMatch(/\n\s+at /);
  });
});

describe("what several instances must agree on is kept in Redis", () => {
  it("the same signed request sent to each instance is answered once; the other refuses it as a replay", async () => {
    const [a, b] = await sharedInstances();
    const logged = b.bot.output().length;
    const path = "/respond/replayed-across";
    const body = slashCommandBody("compare", "gpt-5 deepseek", `${fake.baseUrl}${path}`, "UREPLAY");
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": timestamp, "x-slack-signature": signSlack(body, Number(timestamp)) };
    const first = await fetch(a.events, { method: "POST", headers, body });
    expect(first.status).toBe(200);
    expect((await fetch(b.events, { method: "POST", headers, body })).status).toBe(401);
    expect(JSON.stringify((await slashAnswer(fake.api, first, path)).json)).toContain("GPT-5");
    // the refusal is logged as it is sent; the log line may reach this process just after the response
    await b.bot.waitFor(/replayed signature/, undefined, logged);
  }, 60_000);

  it("a Slack retry of an event that lands on the other instance is not answered again", async () => {
    const [a, b] = await sharedInstances();
    const body = mentionBody("compare gpt-5 deepseek", { eventId: "EvAcrossInstances", ts: "1700000900.000100" });
    const before = fake.api.requests.length;
    expect((await postSignedJson(a.events, body)).status).toBe(200);
    await fake.api.next("/api/chat.postMessage", before);
    // Slack signs each retry anew
    expect((await postSignedJson(b.events, body, Math.floor(Date.now() / 1000) - 5)).status).toBe(200);
    // a later, different mention is answered by B: once its answer is posted, the retry would have been long before
    const after = fake.api.requests.length;
    expect((await postSignedJson(b.events, mentionBody("compare gpt-5 o3", { ts: "1700000901.000100" }))).status).toBe(200);
    await fake.api.next("/api/chat.postMessage", after, 10_000, (r) => (r.json as { thread_ts?: string }).thread_ts === "1700000901.000100");
    const answers = fake.api.requests.slice(before).filter((r) => r.path === "/api/chat.postMessage");
    expect(answers.map((r) => (r.json as { thread_ts?: string }).thread_ts)).toEqual(["1700000900.000100", "1700000901.000100"]);
  }, 60_000);

  it("a Discord interaction replayed to another instance is refused there", async () => {
    const connections = [new Redis(redis.url), new Redis(redis.url)];
    const keys = ed25519Keys();
    const stub = stubDispatcher();
    const servers = connections.map((connection) =>
      createInteractionsServer(
        { dispatcher: stub.dispatcher, logger: pino({ level: "silent" }), inFlight: new InFlight(), adminRoleIds: [] },
        { publicKeyHex: keys.publicKeyHex, apiUrl: "http://127.0.0.1:9/api", seen: redisSeenOnce(connection, () => true) },
      ),
    );
    try {
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))));
      const body = JSON.stringify({ ...interaction({ name: "help" }), type: 1 });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const headers = { "content-type": "application/json", "x-signature-ed25519": signDiscord(keys.privateKey, timestamp, body), "x-signature-timestamp": timestamp };
      const statuses = [];
      for (const server of [...servers, servers[0]!]) {
        statuses.push((await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { method: "POST", headers, body })).status);
      }
      expect(statuses).toEqual([200, 401, 401]);
    } finally {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
      for (const connection of connections) connection.disconnect();
    }
  });

  it("a reload or an instance announced by anyone who can reach Redis but lacks the instances' secret is ignored", async () => {
    // an admin of its own: the shared rate limit remembers the other tests' questions
    const [a, b] = await sharedInstances();
    const logged = b.bot.output().length;
    const publisher = new Redis(redis.url);
    try {
      await publisher.publish("modelwise:knowledge", JSON.stringify({ kind: "reload", from: "intruder", version: "0" }));
      await publisher.publish(
        "modelwise:knowledge",
        JSON.stringify({ message: JSON.stringify({ kind: "hello", from: "fake-instance", version: "0", at: Date.now(), nonce: "1" }), mac: "0".repeat(64) }),
      );
    } finally {
      publisher.disconnect();
    }
    // a genuine reload from A, published after the forged messages, reaches B after them
    expect(await ask(a.events, "modelwise", "reload", "UFORGED")).not.toMatch(/rejected|too many|slow down/i);
    await b.bot.waitFor(/"msg":"reload asked by another instance"/, undefined, logged);
    expect(b.bot.output()).not.toMatch(/intruder|fake-instance/);
    const status = await ask(b.events, "modelwise", "status", "UFORGED");
    expect(status).toContain("bot-a");
    expect(status).not.toContain("fake-instance");
  }, 60_000);
});

/**
 * One instance on a Redis of its own, which the readiness tests hang, wake and then kill (in this order); its health
 * port on loopback.
 */
let alone: ReturnType<typeof instanceOnOwnRedis> | null = null;
async function instanceOnOwnRedis() {
  const own = await startRedis();
  const port = await freePort();
  const bot = startBuiltBot({ ...instanceEnv("bot-alone", port, own.url), HEALTH_PORT: "0" });
  await bot.waitFor(/"msg":"ready"/);
  const health = `http://127.0.0.1:${loggedPort(bot, /health endpoint is listening/)}`;
  return { own, bot, events: `http://127.0.0.1:${port}/slack/events`, health };
}

describe("readiness says whether answers work, whatever Redis does", () => {
  const aloneInstance = () => (alone ??= instanceOnOwnRedis());
  const readiness = async (health: string) => {
    const response = await fetch(`${health}/readyz`);
    return { status: response.status, ...((await response.json()) as { redis?: string }) };
  };
  const until = async (health: string, redisState: string) => {
    const deadline = Date.now() + 10_000;
    let seen = await readiness(health);
    while (seen.redis !== redisState && Date.now() < deadline) seen = await readiness(health);
    return seen;
  };

  it("a hung Redis: still ready, shown in /readyz and /status, and answers do not wait for it", async () => {
    const { own, health, events } = await aloneInstance();
    const client = new Redis(own.url);
    try {
      // an answer keeps the user's rate limit and conversation in Redis while it answers in time
      expect(await ask(events, "compare", "gpt-5 deepseek", "UHEALTHY")).toContain("GPT-5");
      expect(await client.keys("*UHEALTHY*")).not.toEqual([]);
      own.process.kill("SIGSTOP");
      expect(await until(health, "slow")).toMatchObject({ status: 200, redis: "slow" });
      expect(await ask(events, "compare", "gpt-5 deepseek", "UHUNG")).toContain("GPT-5");
      expect(await ask(events, "modelwise", "status", "UADMIN")).toMatch(/Shared state \(Redis\).{0,20}not answering in time/);
      own.process.kill("SIGCONT");
      expect(await until(health, "ok")).toMatchObject({ status: 200, redis: "ok" });
      // Not a stopwatch (a busy machine slows every answer): a command sent to the stopped Redis would have waited in
      // its socket and run on SIGCONT, before the ping that said "ok" on the same connection. The answer sent none.
      expect(await client.keys("*UHUNG*")).toEqual([]);
    } finally {
      client.disconnect();
      own.process.kill("SIGCONT");
    }
  }, 60_000);

  it("Redis gone: still ready (answers use this instance's fallbacks), and says so", async () => {
    const { own, health, events } = await aloneInstance();
    own.stop();
    expect(await until(health, "down")).toMatchObject({ status: 200, ready: true, redis: "down" });
    expect(await ask(events, "compare", "gpt-5 deepseek", "UGONE")).toContain("GPT-5");
  }, 60_000);
});
