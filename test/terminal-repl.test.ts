import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./production-bot.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

beforeAll(() => ensureBuilt(), 120_000);
// a REPL still open when its test failed or timed out would otherwise outlive the test run
const open = new Set<ChildProcess>();
afterEach(() => {
  for (const child of open) child.kill("SIGKILL");
  open.clear();
});

/** readline's cursor moves and line clears, left out of what the test reads */
const ESCAPE_SEQUENCE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, "g");

/** The REPL on a real pseudo-terminal of `columns` columns (script(1)), typed into key by key as a person would. */
function startRepl(home: string, columns = 80) {
  const child = spawn("script", ["-qefc", `stty cols ${columns}; ${process.execPath} dist/src/main.js`, "/dev/null"], {
    cwd: root,
    env: { ...process.env, HOME: home, NO_COLOR: "1", TERM: "xterm" },
  });
  open.add(child);
  let screen = "";
  let seen = 0;
  child.stdout.on("data", (chunk) => (screen += chunk));
  const closed = new Promise<void>((resolve) => child.on("close", () => resolve()));
  /** Waits for `pattern` in what the terminal shows after the last wait, so each step waits for its own output. */
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const plain = screen.slice(seen).replace(ESCAPE_SEQUENCE, "").replace(/\r/g, "");
        const match = pattern.exec(plain);
        if (!match) return;
        child.stdout.off("data", check);
        seen = screen.length;
        resolve(plain);
      };
      child.stdout.on("data", check);
      child.once("close", () => reject(new Error(`the REPL closed before ${pattern}:\n${screen}`)));
      check();
    });
  return { type: (keys: string) => child.stdin.write(keys), waitFor, closed };
}

describe("the interactive terminal", () => {
  it("completes with Tab, wraps to the terminal, clears a line on Ctrl-C and leaves on a second one", async () => {
    const home = mkdtempSync(join(tmpdir(), "modelwise-home-"));
    const repl = startRepl(home, 80);
    await repl.waitFor(/modelwise> $/);
    repl.type("/comp");
    await repl.waitFor(/comp/);
    repl.type("\t");
    await repl.waitFor(/are/);
    repl.type(" gpt-5-mi");
    await repl.waitFor(/mi/);
    repl.type("\t");
    await repl.waitFor(/ni/);
    repl.type(" deepseek\r");
    const answer = await repl.waitFor(/Sources:[\s\S]*modelwise> $/);
    expect(answer).toContain("GPT-5 mini vs DeepSeek");
    expect(answer).toMatch(/^GPT-5 mini\n {2}Tier: Balanced/m);
    const prose = answer.split("\n").filter((line) => !line.includes("https://"));
    expect(Math.max(...prose.map((line) => line.length))).toBeLessThanOrEqual(80);

    repl.type("half a question");
    await repl.waitFor(/question/);
    repl.type("\x03");
    repl.type("/model gpt-5\r");
    const facts = await repl.waitFor(/Sources:[\s\S]*modelwise> $/);
    expect(facts).toContain("GPT-5 (OpenAI)");
    expect(facts).not.toContain("half a question");

    repl.type("\x03");
    await repl.waitFor(/Ctrl-C again to leave/);
    repl.type("\x03");
    await repl.closed;
    expect(readFileSync(join(home, ".modelwise_history"), "utf8")).toBe("/compare gpt-5-mini deepseek\n/model gpt-5\n");
  });

  it("recalls the last session's questions with the up arrow", async () => {
    const home = mkdtempSync(join(tmpdir(), "modelwise-home-"));
    const first = startRepl(home);
    await first.waitFor(/modelwise> $/);
    first.type("/model deepseek-chat\r");
    await first.waitFor(/Sources:[\s\S]*modelwise> $/);
    first.type("/quit\r");
    await first.closed;

    const second = startRepl(home);
    await second.waitFor(/modelwise> $/);
    second.type("\x1b[A");
    await second.waitFor(/deepseek-chat/);
    second.type("\r");
    expect(await second.waitFor(/Sources:[\s\S]*modelwise> $/)).toContain("DeepSeek V3.2");
    second.type("/quit\r");
    await second.closed;
  });
});
