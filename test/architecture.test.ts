import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

async function sources(folder: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /\.(ts|mts|mjs|js)$/.test(e.name)).map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Every relative import of a file, resolved to a path from the repository root. */
async function importsOf(file: string): Promise<string[]> {
  const text = await readFile(join(ROOT, file), "utf8");
  const found: string[] = [];
  for (const match of text.matchAll(
    /(?:import|export)\s[^;]*?from\s+["'](\.{1,2}\/[^"']+)["']|import\s+["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)|new URL\(\s*["'](\.{1,2}\/[^"']+)["']/g,
  )) {
    const spec = match[1] ?? match[2] ?? match[3] ?? match[4]!;
    found.push(relative(ROOT, resolve(dirname(join(ROOT, file)), spec)));
  }
  return found;
}

describe("the layers (docs/ARCHITECTURE.md)", () => {
  it("src/core imports nothing outside itself and reads no environment", async () => {
    const offenders: string[] = [];
    for (const file of await sources("src/core")) {
      for (const target of await importsOf(file)) if (!target.startsWith("src/core/")) offenders.push(`${file} → ${target}`);
      if (/process\.env/.test(await readFile(join(ROOT, file), "utf8"))) offenders.push(`${file} reads process.env`);
    }
    expect(offenders).toEqual([]);
  });

  it("commands import only the core", async () => {
    const offenders: string[] = [];
    for (const file of await sources("commands")) {
      for (const target of await importsOf(file)) if (!target.startsWith("src/core/") && !target.startsWith("commands/")) offenders.push(`${file} → ${target}`);
    }
    expect(offenders).toEqual([]);
  });

  it("adapters and charts import no command module: the command list is handed to them", async () => {
    const offenders: string[] = [];
    for (const file of [...(await sources("src/adapters")), ...(await sources("src/charts"))]) {
      for (const target of await importsOf(file)) if (target.startsWith("commands/")) offenders.push(`${file} → ${target}`);
    }
    expect(offenders).toEqual([]);
  });

  it("the core never imports a platform SDK", async () => {
    const offenders: string[] = [];
    for (const file of await sources("src/core")) {
      const text = await readFile(join(ROOT, file), "utf8");
      if (/from\s+["'](?:discord\.js|@slack\/[^"']+|pino|ioredis|prom-client)["']/.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
