import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./production-bot.ts";

// a clone's files (tracked and new, not ignored ones such as dist/) beside this checkout's node_modules, on the same
// filesystem as the build's scratch space so its dist/ is swapped in by a rename as in a real clone
let clone: string;
beforeAll(() => {
  const scratch = join(ROOT, "node_modules", ".cache");
  mkdirSync(scratch, { recursive: true });
  clone = mkdtempSync(join(scratch, "fresh-clone-"));
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(ROOT, file))) continue;
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    cpSync(join(ROOT, file), join(clone, file));
  }
  symlinkSync(join(ROOT, "node_modules"), join(clone, "node_modules"));
});
afterAll(() => rmSync(clone, { recursive: true, force: true }));

const env = { ...process.env, NO_COLOR: "1", MODELWISE_TODAY: "2026-11-28" };

describe("a fresh clone", () => {
  it("`npm start` builds dist/ first, then answers; the bin then answers from the bundle without building", () => {
    expect(existsSync(join(clone, "dist"))).toBe(false);
    const started = spawnSync("npm", ["start", "--silent"], { cwd: clone, env, input: "/compare gpt-5 deepseek\n", encoding: "utf8" });
    expect(started.stderr).toMatch(/modelwise: built dist\//);
    expect(started.stdout).toMatch(/GPT-5 vs DeepSeek/);
    expect(started.status).toBe(0);
    expect(existsSync(join(clone, "dist/bundle/ask.js"))).toBe(true);

    const asked = spawnSync(process.execPath, ["bin/modelwise.mjs", "--json", "哪个模型写代码最便宜？"], { cwd: clone, env, encoding: "utf8" });
    expect(asked.stderr).not.toMatch(/built dist/);
    expect(JSON.parse(asked.stdout)).toMatchObject({ ok: true, command: "cheapest", lang: "zh" });
  }, 180_000);
});
