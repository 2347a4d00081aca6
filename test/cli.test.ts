import { execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./production-bot.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

// the terminal runs the build as `npm run ask` and `npm start` do
beforeAll(() => ensureBuilt(), 120_000);

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

  it("reads one command per line from a pipe and writes JSON Lines", async () => {
    const { stdout, code } = await pipe("dist/src/ask.js", ["--json"], "/compare gpt-5 deepseek\n\n哪个模型写代码最便宜？\n/compare gpt-6\n");
    expect(code).toBe(0);
    const replies = stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(replies.map((r) => [r.command, r.lang, r.ok])).toEqual([
      ["compare", "en", true],
      ["cheapest", "zh", true],
      ["compare", "en", false],
    ]);
  });

  it("npm start answers piped questions with no credentials", async () => {
    const { stdout, code } = await pipe("dist/src/main.js", [], "/cheapest coding\n");
    expect(code).toBe(0);
    expect(stdout).toContain("Cheapest model in each tier for coding");
  });
});
