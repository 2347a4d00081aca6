import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { terminalCompleter } from "../src/adapters/cli/completer.ts";
import { openHistory } from "../src/adapters/cli/history.ts";
import { renderTerminal } from "../src/adapters/cli/render-terminal.ts";
import { wrapLine } from "../src/adapters/cli/wrap.ts";
import { displayWidth, renderTable } from "../src/core/reply/reply.ts";
import { ask, realSnapshot, testDispatcher } from "./helpers.ts";

const widest = (text: string) => Math.max(...text.split("\n").map(displayWidth));

describe("the terminal's layout", () => {
  it("wraps an English /compare answer to 80 columns between words, with its table as one block per model", async () => {
    const reply = await ask("/compare gpt-5 deepseek claude-sonnet-4-5 in:20M out:5M");
    expect(widest(reply.text)).toBeGreaterThan(80);
    const shown = renderTerminal(reply, { color: false, columns: 80 });
    const lines = shown.split("\n").filter((line) => !line.includes("https://"));
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(80);
    expect(shown).toMatch(/^GPT-5\n {2}Tier: Premium · Input \/1M: \$1\.25 · Output \/1M: \$10\.00/m);
    // no word is cut in two: every word of the plain answer is still in the wrapped one
    for (const word of reply.lead.split(/\s+/)) expect(shown).toContain(word);
  });

  it("wraps a Chinese answer between characters and keeps every character", async () => {
    const reply = await ask("哪个模型写代码最便宜？");
    const shown = renderTerminal(reply, { color: false, columns: 60 });
    expect(
      Math.max(
        ...shown
          .split("\n")
          .filter((l) => !l.includes("https://") && !l.includes("knowledge/"))
          .map(displayWidth),
      ),
    ).toBeLessThanOrEqual(60);
    expect(shown.replace(/\s+/g, "")).toContain(reply.lead.replace(/\s+/g, ""));
  });

  it("leaves a wide table as a table on a wide terminal, and a pipe's text untouched", async () => {
    const reply = await ask("/compare gpt-5 deepseek");
    expect(renderTerminal(reply, { color: false, columns: 200 })).toContain(renderTable(reply.table!));
    expect(renderTerminal(reply, { color: false })).toBe(reply.text);
  });

  it("hangs a bullet's continuation lines under its text, and keeps a URL whole", () => {
    const lines = wrapLine(`• ${"word ".repeat(30)}https://example.com/${"x".repeat(100)}`, 40);
    expect(lines[0]!.startsWith("• word")).toBe(true);
    expect(lines.slice(1).every((line) => line.startsWith("  "))).toBe(true);
    expect(lines.some((line) => line.trim() === `https://example.com/${"x".repeat(100)}`)).toBe(true);
  });
});

describe("tab completion in the terminal", () => {
  it("completes a command at the start of the line and a model id after it, keeping what was typed", async () => {
    const complete = terminalCompleter(testDispatcher(await realSnapshot()));
    expect(complete("/comp")).toEqual([["/compare"], "/comp"]);
    const [models, word] = complete("/compare gpt-5-mi");
    expect(word).toBe("gpt-5-mi");
    expect(models).toContain("gpt-5-mini");
    expect(models.every((id) => id.startsWith("gpt-5-mi"))).toBe(true);
    expect(complete("/selfhost GPT-OSS-1")[0]).toContain("GPT-OSS-120b");
    expect(complete("/compare gpt-5 ")[0]).toEqual([]);
  });
});

describe("the terminal's history", () => {
  it("keeps questions in a private file, newest first on the next start, without pastes or lines starting with a space", () => {
    const path = join(mkdtempSync(join(tmpdir(), "modelwise-history-")), ".modelwise_history");
    const first = openHistory(path);
    first.add("/compare gpt-5 deepseek");
    first.add(" a private question");
    first.add(`/estimate ${"x".repeat(5000)}`);
    first.add("哪个模型写代码最便宜？");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(openHistory(path).lines).toEqual(["哪个模型写代码最便宜？", "/compare gpt-5 deepseek"]);
  });

  it("cuts a long file back to its last thousand lines", () => {
    const path = join(mkdtempSync(join(tmpdir(), "modelwise-history-")), ".modelwise_history");
    writeFileSync(path, Array.from({ length: 2500 }, (_, i) => `q${i}`).join("\n"));
    const history = openHistory(path);
    expect(history.lines).toHaveLength(1000);
    expect(history.lines[0]).toBe("q2499");
    expect(readFileSync(path, "utf8").split("\n").filter(Boolean)).toHaveLength(1000);
  });
});
