import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SlimCatalog } from "../src/core/knowledge/catalog.ts";
import { importLiteLLM, readMapSource } from "../src/core/knowledge/import-litellm.ts";
import { knowledgeCopy, loopbackServer, type Cleanups } from "./fakes/loopback.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const SNAPSHOT = join(root, "..", "shared", "data", "litellm-model-prices.json");
const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

let snapshot: string;
beforeAll(async () => {
  snapshot = await readFile(SNAPSHOT, "utf8");
});

const serve = async (handler: RequestListener) => `${await loopbackServer(handler, cleanups)}/model_prices_and_context_window.json`;

const run = (dir: string, ...args: string[]) =>
  promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/knowledge-import.ts", ...args], {
    cwd: root,
    env: { ...process.env, MODELWISE_KNOWLEDGE_DIR: dir, MODELWISE_TODAY: "2026-11-28" },
  });

/** The snapshot four months on: GPT-5.4's batch price halves again, Sonnet 4.5 loses its long-context prices, a new model appears. */
function newerMap(): string {
  const map = JSON.parse(snapshot);
  map.last_updated = "2026-11-20T00:00:00+00:00";
  map["gpt-5.4"].input_cost_per_token_batches = 6.25e-7;
  for (const field of Object.keys(map["claude-sonnet-4-5"])) if (field.includes("above_200k")) delete map["claude-sonnet-4-5"][field];
  map["openai/gpt-9-preview"] = {
    mode: "chat",
    litellm_provider: "openai",
    input_cost_per_token: 1e-5,
    output_cost_per_token: 4e-5,
    max_input_tokens: 400000,
    max_output_tokens: 128000,
  };
  return JSON.stringify(map);
}

describe("knowledge:import from a URL", () => {
  it("dry run over http on loopback: reads the map and reports curated and catalog changes, writing nothing", async () => {
    const url = await serve((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(newerMap()));
    const dir = await knowledgeCopy(cleanups);
    const before = await readFile(join(dir, "models.yaml"), "utf8");
    const { stdout } = await run(dir, url, "--dry-run");
    expect(stdout).toContain(`LiteLLM map ${url}, prices as of 2026-11-20 (dry run: nothing written)`);
    expect(stdout).toContain('gpt-5.4: batch {"inputPer1M":1.25,"outputPer1M":7.5} → {"inputPer1M":0.625,"outputPer1M":7.5}');
    expect(stdout).toMatch(/claude-sonnet-4-5: longContext \[.*aboveTokens.*\] → null/);
    expect(stdout).toContain("catalog: 2371 chat models; 1 added, 0 removed, 2 changed");
    expect(await readFile(join(dir, "models.yaml"), "utf8")).toBe(before);
  });

  it("a real run refreshes dimensions in place, keeps comments, leaves history to standard prices, and rewrites the catalog", async () => {
    const url = await serve((_req, res) => res.writeHead(200).end(newerMap()));
    const dir = await knowledgeCopy(cleanups);
    const path = join(dir, "models.yaml");
    await writeFile(path, (await readFile(path, "utf8")).replace("  - id: gpt-5.4\n", "  # admins: batch prices checked by hand\n  - id: gpt-5.4\n"));
    const { stdout } = await run(dir, url);
    expect(stdout).toContain("knowledge:check passes");
    const after = await readFile(path, "utf8");
    expect(after).toContain("# admins: batch prices checked by hand");
    expect(after).toContain("    batch: {inputPer1M: 0.625, outputPer1M: 7.5}");
    expect(after).not.toContain("history:");
    const sonnet = after.slice(after.indexOf("  - id: claude-sonnet-4-5\n"), after.indexOf("  - id: claude-sonnet-5\n"));
    expect(sonnet).not.toContain("longContext");
    expect(sonnet).toContain("cacheWritePer1M: 3.75");
    const catalog = JSON.parse(await readFile(join(dir, "catalog", "litellm-chat.json"), "utf8")) as SlimCatalog;
    expect(catalog.provenance).toMatchObject({ source: url, lastUpdated: "2026-11-20T00:00:00+00:00", chatModels: 2371 });
    expect(catalog.models["openai/gpt-9-preview"]).toMatchObject({ input_cost_per_token: 1e-5 });
    expect(await readFile(join(dir, "import-log.yaml"), "utf8")).toContain(`source: ${url}`);
  });

  it("gives up on a server that does not answer within the timeout, and changes nothing", async () => {
    const url = await serve(() => {
      /* never answers */
    });
    const dir = await knowledgeCopy(cleanups);
    const before = await readFile(join(dir, "models.yaml"), "utf8");
    const failed = await run(dir, url, "--timeout=1").catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining("no answer within 1 s") });
    expect(await readFile(join(dir, "models.yaml"), "utf8")).toBe(before);
  });
});

describe("readMapSource", () => {
  const noFile = () => Promise.reject(new Error("no file reads here"));

  it("refuses a body over the size limit, whether declared or streamed", async () => {
    const declared = await serve((_req, res) => res.writeHead(200, { "content-length": "5000" }).end("x".repeat(5000)));
    await expect(readMapSource(declared, noFile, { timeoutMs: 5000, maxBytes: 1000 })).rejects.toThrow("over the 1000-byte limit");
    const streamed = await serve((_req, res) => {
      res.writeHead(200);
      res.write("x".repeat(800));
      res.end("x".repeat(800));
    });
    await expect(readMapSource(streamed, noFile, { timeoutMs: 5000, maxBytes: 1000 })).rejects.toThrow("over the 1000-byte limit");
  });

  it("follows a redirect only to a URL the same rule allows", async () => {
    // 127.0.0.2 is this machine too, but not a name the rule allows plain http to: it stands for any other host
    let reachedRefused = false;
    const refused = createServer((_req, res) => {
      reachedRefused = true;
      res.end("{}");
    });
    await new Promise<void>((resolve) => refused.listen(0, "127.0.0.2", resolve));
    cleanups.push(() => new Promise<void>((resolve) => refused.close(() => resolve())));
    const refusedUrl = `http://127.0.0.2:${(refused.address() as AddressInfo).port}/map.json`;
    const redirecting = await serve((_req, res) => res.writeHead(302, { location: refusedUrl }).end());
    await expect(readMapSource(redirecting, noFile)).rejects.toThrow("only https:// URLs (or http:// on localhost) are fetched, not http://127.0.0.2");
    expect(reachedRefused).toBe(false);

    const target = await serve((_req, res) => res.writeHead(200).end('{"ok":1}'));
    const allowed = await serve((_req, res) => res.writeHead(301, { location: target }).end());
    expect(await readMapSource(allowed, noFile)).toBe('{"ok":1}');
    const loop = await serve((req, res) => res.writeHead(302, { location: req.url }).end());
    await expect(readMapSource(loop, noFile)).rejects.toThrow("more than 5 redirects");
  });

  it("reports an error status, refuses plain http beyond this machine, and reads files by path", async () => {
    const missing = await serve((_req, res) => res.writeHead(404, "Not Found").end());
    await expect(readMapSource(missing, noFile)).rejects.toThrow("404 Not Found");
    await expect(readMapSource("http://example.com/map.json", noFile)).rejects.toThrow("only https:// URLs");
    expect(await readMapSource("some/map.json", async (path) => `read ${path}`)).toBe("read some/map.json");
  });
});

describe("importLiteLLM and price dimensions", () => {
  it("adds a dimension next to the prices and removes one the map dropped, touching nothing else", () => {
    const yaml = [
      "models:",
      "  - id: m",
      "    inputPer1M: 1",
      "    outputPer1M: 2",
      "    batch: {inputPer1M: 0.5, outputPer1M: 1}",
      "    contextWindow: 1000",
      "    maxOutput: 100",
      "    capabilities: []",
      "    offPeak:",
      '      - {fromUtc: "16:30", toUtc: "00:30", prices: {inputPer1M: 0.5, outputPer1M: 1}, source: admin, asOf: 2026-01-01}',
      '    litellmKey: "k"',
      "    asOf: 2026-01-01",
      "",
    ].join("\n");
    const map = {
      k: {
        mode: "chat",
        input_cost_per_token: 1e-6,
        output_cost_per_token: 2e-6,
        input_cost_per_token_flex: 5e-7,
        output_cost_per_token_flex: 1e-6,
        max_input_tokens: 1000,
        max_output_tokens: 100,
      },
    };
    const { yaml: after, report } = importLiteLLM(yaml, map, "2026-02-01");
    expect(report.changed).toEqual([
      {
        id: "m",
        changes: [
          { field: "batch", from: { inputPer1M: 0.5, outputPer1M: 1 }, to: null },
          { field: "flex", from: null, to: { inputPer1M: 0.5, outputPer1M: 1 } },
        ],
      },
    ]);
    expect(after).toContain("    outputPer1M: 2\n    flex: {inputPer1M: 0.5, outputPer1M: 1}\n    contextWindow: 1000");
    expect(after).not.toContain("batch");
    expect(after).toContain('offPeak:\n      - {fromUtc: "16:30"');
    expect(after).not.toContain("history");
  });
});
