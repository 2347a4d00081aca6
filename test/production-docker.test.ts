import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BOT_TOKEN, SIGNING_SECRET, startFakeSlack } from "./fakes/slack.ts";
import { freePort, killBots, ROOT, startBuiltBot } from "./production-bot.ts";

/**
 * No container daemon here, so the Dockerfile is replayed by a small interpreter: every stage gets its own clean
 * folder standing for its filesystem, COPY copies from the build context (minus .dockerignore) or an earlier stage,
 * RUN runs in WORKDIR with the stage's ENV, and the final CMD is started and probed the way HEALTHCHECK does.
 */
interface Stage {
  name: string;
  root: string;
  workdir: string;
  env: Record<string, string>;
}

function instructions(dockerfile: string): { op: string; args: string }[] {
  return dockerfile
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [op, ...rest] = line.split(/\s+/);
      return { op: op!.toUpperCase(), args: rest.join(" ") };
    });
}

function ignored(): RegExp[] {
  return readFileSync(join(ROOT, ".dockerignore"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#") && !line.startsWith("!"))
    .map((pattern) => new RegExp(`^${pattern.replace(/\./g, "\\.").replace(/\*/g, "[^/]*")}(/|$)`));
}

/**
 * Replays every stage, each as soon as what it copies from is ready: stages run side by side as BuildKit runs them,
 * so the build stage's install and the runtime stage's install overlap.
 */
async function replay(dockerfile: string, into: string) {
  const skip = ignored();
  const stages: { stage: Stage; steps: { op: string; args: string }[] }[] = [];
  for (const step of instructions(dockerfile)) {
    if (step.op === "FROM") {
      const name = /\bAS\s+(\S+)/i.exec(step.args)?.[1] ?? `stage${stages.length}`;
      stages.push({ stage: { name, root: join(into, name), workdir: "/", env: {} }, steps: [] });
    } else if (stages.length) stages.at(-1)!.steps.push(step);
  }
  let cmd: string[] = [];
  let healthcheck: string[] = [];
  const done = new Map<string, Promise<void>>();
  const run = async ({ stage, steps }: (typeof stages)[number]) => {
    const inStage = (path: string) => join(stage.root, path.startsWith("/") ? path : join(stage.workdir, path));
    mkdirSync(stage.root, { recursive: true });
    for (const { op, args: text } of steps) {
      if (op === "WORKDIR") {
        stage.workdir = text;
        mkdirSync(inStage("."), { recursive: true });
      } else if (op === "ENV") {
        for (const [, key, value] of text.matchAll(/(\w+)=(\S+)/g)) stage.env[key!] = value!;
      } else if (op === "COPY") {
        const from = /--from=(\S+)/.exec(text)?.[1];
        if (from) await done.get(from);
        const paths = text.replace(/--\S+/g, "").trim().split(/\s+/);
        const target = paths.pop()!;
        for (const source of paths) {
          const origin = from ? join(into, from, source) : join(ROOT, source);
          const destination = target.endsWith("/") ? join(inStage(target), source.split("/").pop()!) : inStage(target);
          mkdirSync(dirname(destination), { recursive: true });
          cpSync(origin, destination, { recursive: true, filter: (path) => from !== undefined || !skip.some((p) => p.test(path.slice(ROOT.length))) });
        }
      } else if (op === "RUN") {
        const command = text.replace(/--mount=\S+\s*/g, "");
        if (installsThisCheckout(command, inStage("."))) linkThisCheckoutsModules(inStage("."));
        else await execFileAsync("sh", ["-c", command], { cwd: inStage("."), env: { PATH: process.env.PATH, HOME: process.env.HOME, ...stage.env } });
      } else if (op === "CMD") cmd = JSON.parse(text);
      else if (op === "HEALTHCHECK") healthcheck = JSON.parse(text.replace(/^.*?\bCMD\s+/, ""));
    }
  };
  for (const entry of stages) done.set(entry.stage.name, run(entry));
  await Promise.all(done.values());
  return { final: stages.at(-1)!.stage, cmd, healthcheck };
}

/**
 * A layer cache, as Docker keeps one: `npm ci` with every dependency, from the lockfile this checkout was installed
 * from, gives this checkout's node_modules, so the build stage links to those instead of installing 300 packages
 * again. Any other install (the runtime stage's `--omit=dev`, another lockfile) runs for real.
 */
function installsThisCheckout(command: string, dir: string): boolean {
  if (!/^npm ci(\s+--(prefer-offline|no-audit|no-fund))*$/.test(command.trim())) return false;
  return readFileSync(join(dir, "package-lock.json"), "utf8") === readFileSync(join(ROOT, "package-lock.json"), "utf8");
}

/** The stage's own node_modules folder (its build writes a cache there), each package a link to this checkout's. */
function linkThisCheckoutsModules(dir: string): void {
  mkdirSync(join(dir, "node_modules"));
  for (const name of readdirSync(join(ROOT, "node_modules"))) {
    if (name !== ".cache") symlinkSync(join(ROOT, "node_modules", name), join(dir, "node_modules", name));
  }
}

const execFileAsync = promisify(execFile);
afterEach(() => killBots());

describe("the Dockerfile's recipe, replayed in a clean folder", () => {
  it("installs production dependencies only, builds, starts as CMD says, and passes its HEALTHCHECK", async () => {
    const workspace = mkdtempSync(join(tmpdir(), "modelwise-image-"));
    try {
      await checkImage(workspace);
    } finally {
      // two installed node_modules: deleting them takes seconds on a busy machine, so it belongs to the test's own
      // time, not to a cleanup hook's 10 s
      await rm(workspace, { recursive: true, force: true, maxRetries: 3 });
    }
  }, 180_000);
});

/** Replays the Dockerfile into `workspace`, then starts the image's CMD and probes it as HEALTHCHECK does. */
async function checkImage(workspace: string): Promise<void> {
  const image = await replay(readFileSync(join(ROOT, "Dockerfile"), "utf8"), workspace);
  const app = join(image.final.root, image.final.workdir);
  expect(image.cmd[0]).toBe("node");
  // production dependencies only: no compiler, test runner or sources in the image
  const installed = JSON.parse(execFileSync("npm", ["ls", "--json", "--depth=0", "--omit=dev"], { cwd: app, encoding: "utf8" })) as { dependencies: Record<string, unknown> };
  expect(Object.keys(installed.dependencies)).not.toContain("typescript");
  expect(() => readFileSync(join(app, "node_modules/vitest/package.json"))).toThrow();
  expect(() => readFileSync(join(app, "src/main.ts"))).toThrow();

  const fake = await startFakeSlack();
  try {
    const healthPort = String(await freePort());
    const bot = startBuiltBot(
      {
        ...image.final.env,
        HOST: "127.0.0.1",
        HEALTH_PORT: healthPort,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_PORT: String(await freePort()),
        SLACK_API_URL: `${fake.baseUrl}/api/`,
      },
      { cwd: app, command: image.cmd },
    );
    await bot.waitFor(/"msg":"ready"/);
    const probe = () => {
      try {
        execFileSync(image.healthcheck[0]!, image.healthcheck.slice(1), { env: { PATH: process.env.PATH, HEALTH_PORT: healthPort } });
        return 0;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    expect(probe()).toBe(0);
    expect((await fetch(`http://127.0.0.1:${healthPort}/healthz`)).status).toBe(200);
    bot.child.kill("SIGTERM");
    expect((await bot.exited).code).toBe(0);
    expect(probe()).toBe(1);
  } finally {
    await fake.api.close();
  }
}
