/**
 * Model-name resolution under the curated table alone and with the whole LiteLLM catalog:
 * p50/p99 per kind of name, long and hostile input, index build time and memory.
 *
 *   npx tsx scripts/bench/resolve.ts [catalog.json]
 *   node --expose-gc --import tsx scripts/bench/resolve.ts   (adds retained-memory figures)
 */
import { cpus, loadavg } from "node:os";
import { readConfig } from "../../src/config/config.ts";
import { loadCatalog } from "../../src/core/knowledge/catalog.ts";
import { loadKnowledge } from "../../src/core/knowledge/load.ts";
import type { Model } from "../../src/core/knowledge/schema.ts";
import { ModelResolver } from "../../src/core/models/resolve.ts";
import { ms, percentile, timeEach } from "./stats.ts";

const DEFAULT_CATALOG = new URL("../../../shared/data/litellm-model-prices.json", import.meta.url).pathname;

/** A fixed-seed generator, so every run times the same names. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const random = seeded(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** One deleted, swapped or replaced letter (never a digit, so the version stays what was typed). */
function typo(name: string): string {
  const letters = [...name].map((c, i) => (/[a-z]/i.test(c) ? i : -1)).filter((i) => i >= 0);
  if (letters.length < 4) return name;
  const at = pick(letters.slice(1));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return name.slice(0, at) + name.slice(at + 1);
  if (kind === 1 && /[a-z]/i.test(name[at - 1]!)) return name.slice(0, at - 1) + name[at] + name[at - 1] + name.slice(at + 1);
  return name.slice(0, at) + pick([...LETTERS]) + name.slice(at + 1);
}

function unknownName(): string {
  const length = 4 + Math.floor(random() * 24);
  let text = "";
  for (let i = 0; i < length; i++) text += random() < 0.15 ? " " : random() < 0.2 ? String(Math.floor(random() * 10)) : pick([...LETTERS]);
  return text.trim() || "zzzz";
}

interface Sets {
  [kind: string]: string[];
}

function querySets(curated: readonly Model[], catalog: readonly Model[]): Sets {
  const curatedNames = curated.flatMap((m) => [m.id, m.name, ...m.aliases]);
  const catalogIds = catalog.map((m) => m.id);
  const everyName = [...curatedNames, ...catalogIds];
  return {
    exact: Array.from({ length: 400 }, () => (random() < 0.5 || !catalogIds.length ? pick(curatedNames) : pick(catalogIds))),
    shorthand: ["4o", "4o mini", "sonnet 3.5", "llama 3.3 70b", "qwen 2.5 72b", "mixtral 8x7b", "glm 4.6", "kimi k2", "r1", "gpt5 mini", "o3 mini", "4.1"],
    family: ["claude", "gemini", "llama", "qwen", "grok", "mistral", "deepseek", "kimi", "gpt"],
    typo: Array.from({ length: 400 }, () => typo(pick(everyName.filter((n) => n.length >= 5 && n.length <= 40)))),
    unknown: Array.from({ length: 400 }, unknownName),
    "100 chars": Array.from({ length: 50 }, () => Array.from({ length: 100 }, () => pick([..."abcdefghijklmnopqrstuvwxyz0123456789 -."])).join("")),
  };
}

/** Wall-clock p50/p99 per call, and CPU time per call (what this process spent, whatever else runs on the machine). */
function bench(resolver: ModelResolver, sets: Sets, runs: number) {
  const rows: string[][] = [];
  for (const [kind, names] of Object.entries(sets)) {
    let i = 0;
    const call = () => {
      try {
        resolver.resolve(names[i++ % names.length]!);
      } catch {
        // a name over the length limit is refused before any search; the refusal is what is timed
      }
    };
    const samples = timeEach(call, runs);
    const cpuStart = process.cpuUsage();
    for (let n = 0; n < runs; n++) call();
    const cpu = process.cpuUsage(cpuStart);
    rows.push([kind, ms(percentile(samples, 50)), ms(percentile(samples, 99)), ms(Math.max(...samples)), ms((cpu.user + cpu.system) / 1000 / runs)]);
  }
  return rows;
}

function timeOnce(label: string, fn: () => unknown): string[] {
  const samples = timeEach(
    () => {
      try {
        fn();
      } catch {
        // refused input: the time to refuse is what counts
      }
    },
    20,
    3,
  );
  return [label, ms(percentile(samples, 50)), ms(Math.max(...samples))];
}

function table(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log();
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

async function main() {
  const catalogPath = process.argv[2] ?? DEFAULT_CATALOG;
  const knowledge = await loadKnowledge(readConfig(process.env).knowledgeDir);
  const curated = knowledge.models;
  const catalog = await loadCatalog(catalogPath, curated, new Date().toISOString().slice(0, 10));
  console.log(
    `curated ${curated.length} models, catalog ${catalog.length} models (${catalogPath}); load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on ${cpus().length} CPUs\n`,
  );

  const builds: string[][] = [];
  const resolvers: Record<string, ModelResolver> = {};
  for (const [label, extra] of [
    ["curated only", []],
    ["full catalog", catalog],
  ] as const) {
    const before = heapUsed();
    const resolver = new ModelResolver(curated, extra);
    const retained = heapUsed() - before;
    const samples = timeEach(() => new ModelResolver(curated, extra), 15, 2);
    resolvers[label] = resolver;
    const memory = (globalThis as { gc?: unknown }).gc ? `${(retained / 1024 / 1024).toFixed(1)} MB` : "(run with --expose-gc)";
    builds.push([label, ms(percentile(samples, 50)), ms(Math.max(...samples)), memory]);
  }
  table(["index build", "p50", "max", "retained heap"], builds);

  const sets = querySets(curated, catalog);
  for (const [label, resolver] of Object.entries(resolvers)) {
    console.log(`resolve(), ${label}`);
    table(["names", "p50", "p99", "max", "cpu/call"], bench(resolver, sets, 4000));
  }

  const full = resolvers["full catalog"]!;
  const letters = (n: number) => Array.from({ length: n }, () => pick([...LETTERS])).join("");
  const words = (n: number) => Array.from({ length: n }, () => letters(3 + Math.floor(random() * 6))).join(" ");
  const inputs: [string, (text: string) => unknown, string][] = [
    ["resolveList gpt-5 deepseek <6,000 letters>", (t) => full.resolveList(t), `gpt-5 deepseek ${letters(6000)}`],
    ["resolveList gpt-5 deepseek <40,000 letters>", (t) => full.resolveList(t), `gpt-5 deepseek ${letters(40_000)}`],
    ["resolveList 150 unknown words (1,000 chars)", (t) => full.resolveList(t), words(150).slice(0, 1000)],
    ["resolveList 6,000 '('", (t) => full.resolveList(t), "(".repeat(6000)],
    ["search 6,000 '('", (t) => full.search(t, 10), "(".repeat(6000)],
    ["search 100 '('", (t) => full.search(t, 10), "(".repeat(100)],
    ["mentions 6,000-char question", (t) => full.mentions(t), `is gpt-5 cheaper than ${words(900)} deepseek?`.slice(-6000)],
    ["mentions 5 MB line", (t) => full.mentions(t), `gpt-5 ${letters(5_000_000)}`],
    ["mentions 5 MB of words", (t) => full.mentions(t), words(700_000)],
    ["mentions 1 MB of Han characters", (t) => full.mentions(t), "深度求索和通义千问哪个便宜".repeat(80_000)],
    ["mentions 5,000 × 'claude '", (t) => full.mentions(t), "claude ".repeat(5000)],
    ["mentions 2,500 × 'a1 '", (t) => full.mentions(t), "a1 ".repeat(2500)],
  ];
  table(
    ["hostile input, full catalog", "p50", "max"],
    inputs.map(([label, run, text]) => timeOnce(label, () => run(text))),
  );
}

await main();
