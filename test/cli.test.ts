import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./production-bot.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

// the terminal runs the build as `npm run ask` and `npm start` do
beforeAll(() => ensureBuilt(), 120_000);
// a REPL still open when its test failed or timed out would otherwise outlive the test run
const repls = new Set<ChildProcess>();
afterEach(() => {
  for (const child of repls) child.kill("SIGKILL");
  repls.clear();
});

function pipe(script: string, args: string[], input: string): Promise<{ stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ stdout, code }));
    child.stdin.end(input);
  });
}

describe("the terminal front end", () => {
  it("answers once with the JSON reply contract", async () => {
    const { stdout } = await run(process.execPath, ["dist/src/ask.js", "--json", "/compare gpt-5 deepseek"], { cwd: root });
    const reply = JSON.parse(stdout);
    expect(Object.keys(reply).sort()).toEqual(["command", "data", "lang", "ok", "sources", "text", "title"]);
    expect(reply).toMatchObject({ ok: true, command: "compare", lang: "en", data: { cheapest: "deepseek-chat" } });
    expect(reply.sources[0]).toEqual({ title: expect.any(String), ref: expect.any(String), asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it("`npx modelwise` (the package's bin) answers once like ask", async () => {
    const { stdout } = await run(process.execPath, ["bin/modelwise.mjs", "--json", "哪个模型写代码最便宜？"], { cwd: root });
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, command: "cheapest", lang: "zh" });
  });

  it("reads one command per line from a pipe and writes JSON Lines", async () => {
    const { stdout, code } = await pipe("dist/src/ask.js", ["--json"], "/compare gpt-5 deepseek\n\n哪个模型写代码最便宜？\n/compare gpt-6\n");
    expect(code).toBe(0);
    const replies = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(replies.map((r) => [r.command, r.lang, r.ok])).toEqual([
      ["compare", "en", true],
      ["cheapest", "zh", true],
      ["compare", "en", false],
    ]);
  });

  it("a session is one conversation: a line can follow up the one before it", async () => {
    const { stdout } = await pipe("dist/src/ask.js", ["--json"], "gpt-5 vs deepseek for 20M in and 5M out\nand for 1B tokens?\n");
    const [first, second] = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { text: string; data: { workload: { inputTokens: number; outputTokens: number } } });
    expect(first!.data.workload).toEqual(expect.objectContaining({ inputTokens: 20_000_000, outputTokens: 5_000_000 }));
    expect(second!.text).toMatch(/Understood as a follow-up: compare prices, GPT-5 and DeepSeek/);
    expect(second!.data.workload.inputTokens + second!.data.workload.outputTokens).toBe(1_000_000_000);
  });

  it("the interactive REPL (on a real terminal) follows up the last question", async () => {
    // script(1) gives the bot a pseudo-terminal, so it runs the REPL exactly as a person at a keyboard sees it
    const child = spawn("script", ["-qefc", `${process.execPath} dist/src/main.js`, "/dev/null"], {
      cwd: root,
      env: { ...process.env, HOME: mkdtempSync(join(tmpdir(), "modelwise-home-")), NO_COLOR: "1", TERM: "dumb" },
    });
    repls.add(child);
    let screen = "";
    const waitFor = (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const check = () => (pattern.test(screen) ? resolve() : undefined);
        child.stdout.on("data", (chunk) => {
          screen += chunk;
          check();
        });
        child.on("close", () => reject(new Error(`the REPL closed before ${pattern}:\n${screen}`)));
        check();
      });
    await waitFor(/modelwise> /);
    child.stdin.write("自建 llama 3.3 70b 用 h100 划算吗\r");
    await waitFor(/理解为：自建与API对比[\s\S]*modelwise> /);
    child.stdin.write("用H200呢\r");
    await waitFor(/按追问理解为[\s\S]*modelwise> /);
    child.stdin.write("/quit\r");
    await new Promise((resolve) => child.on("close", resolve));
    const second = screen.slice(screen.indexOf("按追问理解为"));
    expect(second).toMatch(/^按追问理解为：自建与API对比，Llama 3\.3 70B/);
    expect(second).toContain("NVIDIA H200");
  });

  it("npm start answers piped questions with no credentials", async () => {
    const { stdout, code } = await pipe("dist/src/main.js", [], "/cheapest coding\n");
    expect(code).toBe(0);
    expect(stdout).toContain("Cheapest model in each tier for coding");
  });
});
