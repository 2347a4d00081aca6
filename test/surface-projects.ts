import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * Which test files run the Slack or the Discord adapter in the test's own process, found by following their imports
 * through the helpers and sources they import (test/fakes, test/contract, src …), so a new file is placed without a
 * list to keep up to date. vitest.config.ts keeps these apart: after the Slack adapter has sent through undici,
 * discord.js's multipart uploads in the same process fail.
 */
const SLACK = /adapters\/slack\/|@slack\//;
const DISCORD = /adapters\/discord\/|^discord\.js$|@discordjs\//;
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

function specifiers(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(IMPORT)].map((match) => (match[1] ?? match[2])!);
}

/** Every module specifier a test file reaches through itself and the project's own modules it imports. */
function reachedSpecifiers(file: string, root: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const found: string[] = [];
  for (const specifier of specifiers(file)) {
    found.push(specifier);
    if (!specifier.startsWith(".")) continue;
    const target = resolve(dirname(file), specifier);
    if (target.startsWith(root) && !target.includes("node_modules") && existsSync(target)) found.push(...reachedSpecifiers(target, root, seen));
  }
  return found;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

export interface SurfaceFiles {
  slack: string[];
  discord: string[];
  both: string[];
}

/** The test files under `testDir` (paths relative to `root`) that reach the Slack adapter, the Discord one, or both. */
export function filesBySurface(root: string, testDir: string): SurfaceFiles {
  const groups: SurfaceFiles = { slack: [], discord: [], both: [] };
  for (const file of testFiles(testDir)) {
    const reached = reachedSpecifiers(file, root);
    const slack = reached.some((s) => SLACK.test(s));
    const discord = reached.some((s) => DISCORD.test(s));
    const name = relative(root, file);
    if (slack && discord) groups.both.push(name);
    else if (slack) groups.slack.push(name);
    else if (discord) groups.discord.push(name);
  }
  return groups;
}
