import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { cjkRuns, corpora } from "./corpora.ts";

/**
 * Bar 1, token counting: modelwise's counter against gpt-tokenizer, ai-tokenizer, js-tiktoken and tiktoken (WASM).
 * Every timed text is new to the process (a fresh seed per iteration). "fresh" = a new child process per tool and
 * iteration, timed from before importing the tool to the count (what the first paste after a start costs);
 * "warm" = one process with every tool loaded, tools taking turns on each new text. Peak RSS is the fresh child's.
 * Standalone: npx tsx scripts/bench/tokens.ts [--quick] [--ours <module>] (--ours: measure another version, e.g. the old one).
 */
export interface Row {
  figure: string;
  bar: string;
  result: string;
  peers: string;
  ratio: string;
  met: boolean | null;
}

const PEERS = ["gpt-tokenizer", "ai-tokenizer", "js-tiktoken", "tiktoken (WASM)"] as const;
const TOOLS = ["modelwise", ...PEERS] as const;
/** Our engine called directly on the main thread, in one go: what countTokens's slicing and workers must not lose to. */
const DIRECT = "modelwise, direct";
type Tool = (typeof TOOLS)[number] | typeof DIRECT;
/** Peers whose speed is a bar (the two fastest pure-JavaScript counters). */
const BAR_PEERS: Tool[] = ["gpt-tokenizer", "ai-tokenizer"];
const OURS = new URL("../../src/core/tokens/index.ts", import.meta.url).pathname;
/** tiktoken (WASM) counted unpunctuatedChinese(100_000, 2026) as this many o200k_base tokens (test/tokens-long-runs.test.ts). */
const PINNED_100K = { seed: 2026, tokens: 98_590 };
const PASTE = "first large paste";

type Count = (text: string) => number | Promise<number>;

/** Loads one tool's o200k_base counter (this is the "load" part of a fresh measurement). */
async function load(tool: Tool, ours: string): Promise<{ count: Count; close?: () => Promise<void> }> {
  switch (tool) {
    case "modelwise": {
      const module = (await import(ours)) as { countTokens: (t: string) => Promise<number>; closeTokenWorkers?: () => Promise<void> };
      return { count: (t) => module.countTokens(t), close: module.closeTokenWorkers };
    }
    case DIRECT: {
      const { createCounter } = await import(new URL("./counter.mjs", pathToFileURL(ours)).href);
      const { loadTables } = await import(new URL("./tables.mjs", pathToFileURL(ours)).href);
      const counter = createCounter(await loadTables("o200k_base"));
      // an older version's counter is the counting function itself
      const count = typeof counter === "function" ? counter : counter.count;
      return { count: (t) => count(t) };
    }
    case "gpt-tokenizer": {
      const { countTokens } = await import("gpt-tokenizer/encoding/o200k_base");
      const ordinary = { disallowedSpecial: new Set<string>() };
      return { count: (t) => countTokens(t, ordinary) };
    }
    case "ai-tokenizer": {
      const { Tokenizer } = await import("ai-tokenizer");
      const encoding = await import("ai-tokenizer/encoding/o200k_base");
      // encodeOrdinary is its fastest exact path (count() also scans for special tokens and throws on them)
      const tokenizer = new Tokenizer(encoding) as unknown as { encodeOrdinary: (t: string) => number[] };
      return { count: (t) => tokenizer.encodeOrdinary(t).length };
    }
    case "js-tiktoken": {
      const { getEncoding } = await import("js-tiktoken");
      const encoding = getEncoding("o200k_base");
      return { count: (t) => encoding.encode(t, [], []).length };
    }
    case "tiktoken (WASM)": {
      const { get_encoding } = await import("tiktoken");
      const encoding = get_encoding("o200k_base");
      return { count: (t) => encoding.encode_ordinary(t).length };
    }
  }
}

/**
 * A text the parent generated and wrote to a file, so every tool counts exactly the same characters even though the
 * corpora are drawn from repository files that may change during the run.
 */
type TextSpec = string;
const textOf = (file: TextSpec) => ({ text: readFileSync(file, "utf8") });

interface FreshResult {
  ms: number;
  loadMs: number;
  count: number;
  rssMB: number;
  cpuMs: number;
  maxBlockMs: number;
}

/**
 * Lets the event loop turn: the delay histogram records nothing until its timer has fired once after enable(), and a
 * stall from counting synchronously only shows when the loop turns again before disable().
 */
const turn = () => new Promise((resolve) => setTimeout(resolve, 20));

/** In a child process: load one tool and count one new text, timing both. */
async function freshChild(tool: Tool, spec: TextSpec, ours: string): Promise<FreshResult> {
  const { text } = textOf(spec);
  const { monitorEventLoopDelay } = await import("node:perf_hooks");
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  await turn();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const { count, close } = await load(tool, ours);
  const loaded = performance.now();
  const tokens = await count(text);
  const end = performance.now();
  await turn();
  delay.disable();
  const used = process.cpuUsage(cpu);
  await close?.();
  return {
    ms: end - start,
    loadMs: loaded - start,
    count: tokens,
    rssMB: process.resourceUsage().maxRSS / 1024,
    cpuMs: (used.user + used.system) / 1000,
    maxBlockMs: delay.max / 1e6,
  };
}

interface WarmResult {
  ms: Record<string, number[]>;
  cpuMs: Record<string, number[]>;
  counts: Record<string, number[]>;
  /** Longest event-loop stall while counting the text (tables loaded, workers running). */
  maxBlockMs: Record<string, number[]>;
}

/**
 * In a child process: every tool loaded and warmed on the `warmup` texts (JIT compilers, and our workers, need a few
 * large texts), then each new text counted by all, in rotating order.
 * A tool that takes longer than capMs on a text is left out of the rest (its remaining entries stay NaN).
 */
async function warmChild(tools: Tool[], warmup: TextSpec[], specs: TextSpec[], ours: string, capMs: number): Promise<WarmResult> {
  const loaded = await Promise.all(tools.map(async (tool) => [tool, await load(tool, ours)] as const));
  const result: WarmResult = { ms: {}, cpuMs: {}, counts: {}, maxBlockMs: {} };
  const { monitorEventLoopDelay } = await import("node:perf_hooks");
  const left = new Set<Tool>();
  for (const [tool, { count }] of loaded) {
    for (const file of warmup) await count(textOf(file).text);
    result.ms[tool] = specs.map(() => NaN);
    result.cpuMs[tool] = specs.map(() => NaN);
    result.counts[tool] = specs.map(() => NaN);
    result.maxBlockMs[tool] = specs.map(() => NaN);
  }
  for (let i = 0; i < specs.length; i++) {
    const { text } = textOf(specs[i]!);
    for (let k = 0; k < loaded.length; k++) {
      const [tool, { count }] = loaded[(i + k) % loaded.length]!;
      if (left.has(tool)) continue;
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      await turn();
      const cpu = process.cpuUsage();
      const start = performance.now();
      const tokens = await count(text);
      await turn();
      delay.disable();
      const ms = performance.now() - start;
      const used = process.cpuUsage(cpu);
      result.maxBlockMs[tool]![i] = delay.max / 1e6;
      result.ms[tool]![i] = ms;
      result.cpuMs[tool]![i] = (used.user + used.system) / 1000;
      result.counts[tool]![i] = tokens;
      if (ms > capMs) left.add(tool);
    }
  }
  for (const [, { close }] of loaded) await close?.();
  return result;
}

/** Runs this file as a child; a child that runs past `timeoutMs` is stopped and reported as null. */
function child<T>(args: object, timeoutMs: number): T | null {
  try {
    const out = execFileSync(process.execPath, ["--import", "tsx", new URL(import.meta.url).pathname, "--child", JSON.stringify(args)], {
      encoding: "utf8",
      timeout: timeoutMs,
      maxBuffer: 1 << 26,
    });
    return JSON.parse(out.trim().split("\n").at(-1)!) as T;
  } catch (error) {
    const { signal, code } = error as { signal?: string; code?: string };
    if (signal === "SIGTERM" || code === "ETIMEDOUT") return null;
    throw error;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const mcs = (chars: number, ms: number) => `${(chars / 1000 / ms).toFixed(2)} M chars/s`;
const x = (value: number) => `${value.toFixed(2)}×`;

interface Options {
  scale: number;
  iterations: number;
  capMs: number;
  ours: string;
}

async function measure({ scale, iterations, capMs, ours }: Options): Promise<Row[]> {
  const progress = (line: string) => process.stderr.write(`  ${line}\n`);
  const dir = mkdtempSync(join(tmpdir(), "modelwise-bench-tokens-"));
  const lengths = new Map<TextSpec, number>();
  const save = (text: string): TextSpec => {
    const file = join(dir, `${lengths.size}.txt`);
    writeFileSync(file, text);
    lengths.set(file, text.length);
    return file;
  };
  // texts: fresh iterations use seeds 1…, warm ones 100…; every text is new to the process counting it
  const prose = corpora(scale, 1).map((c) => c.name);
  const proseFiles = (seed: number) => corpora(scale, seed).map((c) => save(c.text));
  const freshProse = Array.from({ length: iterations }, (_, i) => proseFiles(i + 1));
  const warmProse = Array.from({ length: iterations }, (_, i) => proseFiles(100 + i));
  const pasteFiles = Array.from({ length: iterations }, (_, i) => save(corpora(1 / 9, 50 + i)[2]!.text));
  const cjk = cjkRuns(PINNED_100K.seed).map((c) => ({ name: c.name, length: c.text.length, file: save(c.text) }));
  const warmCjkFiles = Array.from({ length: iterations }, (_, i) => cjkRuns(200 + i).map((c) => save(c.text)));
  const length = (file: TextSpec) => lengths.get(file)!;

  // fresh: a child per tool and text, tools taking turns; a tool stopped once on a job is not run again on it
  const fresh = new Map<string, (FreshResult | null)[]>();
  const key = (tool: Tool, job: string) => `${tool}|${job}`;
  const runFresh = (job: string, tools: readonly Tool[], files: TextSpec[]) => {
    files.forEach((file, i) => {
      for (let k = 0; k < tools.length; k++) {
        const tool = tools[(i + k) % tools.length]!;
        const results = fresh.get(key(tool, job)) ?? [];
        fresh.set(key(tool, job), results);
        if (results.includes(null)) continue;
        const result = child<FreshResult>({ mode: "fresh", tool, spec: file, ours }, capMs);
        if (!result) progress(`${job}: ${tool} stopped after ${capMs / 1000} s`);
        results[i] = result;
      }
    });
    progress(`fresh: ${job} done`);
  };
  for (const [index, name] of prose.entries()) {
    runFresh(
      name,
      TOOLS,
      freshProse.map((files) => files[index]!),
    );
  }
  runFresh(PASTE, ["modelwise", "gpt-tokenizer", "ai-tokenizer"], pasteFiles);
  for (const run of cjk) runFresh(run.name, TOOLS, [run.file]);

  // warm: one process with every tool loaded, tools taking turns on each new text
  const warm = child<WarmResult>(
    {
      mode: "warm",
      tools: [...TOOLS, DIRECT],
      warmup: [...proseFiles(999), proseFiles(998)[0]!],
      specs: prose.flatMap((_, index) => warmProse.map((files) => files[index]!)),
      ours,
      capMs,
    },
    capMs * 30,
  );
  const warmCjk = child<WarmResult>(
    {
      mode: "warm",
      tools: ["modelwise"],
      warmup: cjkRuns(998).map((c) => save(c.text)),
      specs: cjk.flatMap((_, index) => warmCjkFiles.map((files) => files[index]!)),
      ours,
      capMs,
    },
    capMs * 10,
  );
  progress("warm done");
  rmSync(dir, { recursive: true, force: true });

  const freshOf = (tool: Tool, job: string) => (fresh.get(key(tool, job)) ?? []).filter((r): r is FreshResult => r !== null);
  const stopped = (tool: Tool, job: string) => (fresh.get(key(tool, job)) ?? []).includes(null);
  const freshMs = (tool: Tool, job: string) => (stopped(tool, job) ? NaN : median(freshOf(tool, job).map((r) => r.ms)));
  const warmSlice = (result: WarmResult | null, tool: Tool, index: number, field: keyof WarmResult) =>
    result?.[field][tool]?.slice(index * iterations, (index + 1) * iterations) ?? [];
  const warmMs = (result: WarmResult | null, tool: Tool, index: number) => {
    const ms = warmSlice(result, tool, index, "ms");
    return ms.length === 0 || ms.some(Number.isNaN) ? NaN : median(ms);
  };
  const time = (ms: number) => (Number.isNaN(ms) ? `> ${capMs / 1000} s (stopped)` : `${ms.toFixed(0)} ms`);
  const times = (ms: number, ours: number) => (Number.isNaN(ms) ? `> ${x(capMs / ours)}` : x(ms / ours));

  const rows: Row[] = [];
  for (const [index, name] of prose.entries()) {
    const chars = length(freshProse[0]![index]!);
    const freshCounts = (tool: Tool) => (fresh.get(key(tool, name)) ?? []).map((r) => r?.count);
    const identicalFresh = freshCounts("modelwise").every((c, i) => c !== undefined && c === freshCounts("tiktoken (WASM)")[i]);
    const warmCounts = (tool: Tool) => warmSlice(warm, tool, index, "counts");
    const identicalWarm = warm !== null && warmCounts("modelwise").every((c, i) => c === warmCounts("tiktoken (WASM)")[i]);
    for (const mode of ["fresh", "warm"] as const) {
      const ms = (tool: Tool) => (mode === "fresh" ? freshMs(tool, name) : warmMs(warm, tool, index));
      const cpu = (tool: Tool) => (mode === "fresh" ? median(freshOf(tool, name).map((r) => r.cpuMs)) : median(warmSlice(warm, tool, index, "cpuMs")));
      const identical = mode === "fresh" ? identicalFresh : identicalWarm;
      const ours = ms("modelwise");
      rows.push({
        figure: `tokens, ${name}, ${(chars / 1000).toFixed(0)}K chars, ${mode}`,
        bar: "≥ 1.0× gpt-tokenizer and ai-tokenizer; counts identical to tiktoken",
        result: `${time(ours)} (${mcs(chars, ours)}${mode === "fresh" ? ", incl. import and tables" : ""}); CPU ${cpu("modelwise").toFixed(0)} ms vs gpt-tokenizer ${cpu("gpt-tokenizer").toFixed(0)} ms, ai-tokenizer ${cpu("ai-tokenizer").toFixed(0)} ms${identical ? "; counts identical" : "; COUNTS DIFFER"}`,
        peers: PEERS.map((peer) => `${peer} ${time(ms(peer))}`).join(", "),
        ratio: PEERS.map((peer) => `${times(ms(peer), ours)} vs ${peer}`).join(", "),
        met: identical && !Number.isNaN(ours) && BAR_PEERS.every((peer) => !(ms(peer) / ours < 1)),
      });
    }
  }

  // bulk counting against the same engine called directly on the main thread (same process, same texts, in turns);
  // judged on CPU time, which another process's load on the machine does not inflate
  const warmCpu = (tool: Tool, index: number) => median(warmSlice(warm, tool, index, "cpuMs"));
  rows.push({
    figure: "countTokens against our engine called directly on the main thread (warm, each corpus)",
    bar: "never slower (CPU ≤ 1.1×: within the spread of repeats)",
    result: prose
      .map(
        (name, index) =>
          `${name}: ${time(warmMs(warm, "modelwise", index))} vs ${time(warmMs(warm, DIRECT, index))} direct, CPU ${warmCpu("modelwise", index).toFixed(0)} vs ${warmCpu(DIRECT, index).toFixed(0)} ms`,
      )
      .join("; "),
    peers: "",
    ratio: prose
      .map((_, index) => `${x(warmMs(warm, "modelwise", index) / warmMs(warm, DIRECT, index))} wall, ${x(warmCpu("modelwise", index) / warmCpu(DIRECT, index))} CPU`)
      .join("; "),
    met: prose.every((_, index) => warmCpu("modelwise", index) <= 1.1 * warmCpu(DIRECT, index)),
  });

  // memory: peak RSS of the fresh child per tool, the largest over the prose and code corpora
  const peakRss = (tool: Tool) => Math.max(...prose.flatMap((name) => freshOf(tool, name).map((r) => r.rssMB)));
  rows.push({
    figure: "peak memory (RSS of a fresh process counting a corpus)",
    bar: "≤ 1.2× gpt-tokenizer's",
    result: `${peakRss("modelwise").toFixed(0)} MB`,
    peers: PEERS.map((peer) => `${peer} ${peakRss(peer).toFixed(0)} MB`).join(", "),
    ratio: `${x(peakRss("modelwise") / peakRss("gpt-tokenizer"))} of gpt-tokenizer's`,
    met: peakRss("modelwise") <= 1.2 * peakRss("gpt-tokenizer"),
  });

  // first large paste after start: 100K characters of mixed text in a fresh process, import to count
  const pasteMs = freshMs("modelwise", PASTE);
  const pasteBlock = Math.max(...freshOf("modelwise", PASTE).map((r) => r.maxBlockMs));
  const peerBlock = (peer: Tool) => `${Math.max(...freshOf(peer, PASTE).map((r) => r.maxBlockMs)).toFixed(0)} ms`;
  rows.push({
    figure: "first large paste after start (100K chars mixed, fresh process, import → count)",
    bar: "< 300 ms; event loop blocked < 20 ms",
    result: `${time(pasteMs)} (median of ${freshOf("modelwise", PASTE).length}; import ${median(freshOf("modelwise", PASTE).map((r) => r.loadMs)).toFixed(0)} ms of it, tables load on first count); event loop blocked at most ${pasteBlock.toFixed(0)} ms (import included)`,
    peers: (["gpt-tokenizer", "ai-tokenizer"] as const).map((peer) => `${peer} ${time(freshMs(peer, PASTE))}, blocked ${peerBlock(peer)}`).join("; "),
    ratio: "",
    met: pasteMs < 300 && pasteBlock < 20,
  });

  // unpunctuated Chinese: one pre-tokenizer piece
  for (const [index, run] of cjk.entries()) {
    const ours = freshOf("modelwise", run.name)[0];
    const warmOurs = warmMs(warmCjk, "modelwise", index);
    const warmBlock = Math.max(...warmSlice(warmCjk, "modelwise", index, "maxBlockMs"));
    // tiktoken is the reference; where it was stopped, a peer that finished (their counts are exact, just slow)
    const finished = (["tiktoken (WASM)", "gpt-tokenizer", "ai-tokenizer", "js-tiktoken"] as const).find((peer) => freshOf(peer, run.name)[0] !== undefined);
    const reference = run.length === 100_000 ? { by: "tiktoken (pinned)", count: PINNED_100K.tokens } : finished && { by: finished, count: freshOf(finished, run.name)[0]!.count };
    const identical = ours !== undefined && ours.count === reference?.count;
    const isBar = run.length === 100_000;
    rows.push({
      figure: `tokens, ${run.name} (one piece)`,
      bar: isBar ? "< 200 ms, never on the main thread (event loop blocked < 50 ms)" : "identical counts",
      result: ours
        ? `warm ${time(warmOurs)} (${mcs(run.length, warmOurs)}), fresh ${time(ours.ms)}; event loop blocked at most ${warmBlock.toFixed(0)} ms while counting (warm), ${ours.maxBlockMs.toFixed(0)} ms fresh incl. import and loading the tables${identical ? `; count identical to ${reference!.by}` : reference === undefined ? "; no reference count" : "; COUNT DIFFERS"}`
        : `> ${capMs / 1000} s (stopped)`,
      peers: PEERS.map((peer) => `${peer} ${time(freshMs(peer, run.name))}`).join(", "),
      ratio: ours ? PEERS.map((peer) => `${times(freshMs(peer, run.name), ours.ms)} vs ${peer}`).join(", ") : "",
      met: ours !== undefined && identical && (!isBar || (warmOurs < 200 && warmBlock < 50)),
    });
  }
  return rows;
}

/** Bar 1 rows for scripts/bench.ts: `scale` 1 = 900K-char corpora. */
export async function tokenRows(scale: number, ours = OURS): Promise<Row[]> {
  const quick = scale < 1;
  return measure({ scale, iterations: quick ? 2 : 3, capMs: quick ? 15_000 : 30_000, ours });
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && process.argv[2] === "--child") {
  const args = JSON.parse(process.argv[3]!) as
    | { mode: "fresh"; tool: Tool; spec: TextSpec; ours: string }
    | { mode: "warm"; tools: Tool[]; warmup: TextSpec[]; specs: TextSpec[]; ours: string; capMs: number };
  const result = args.mode === "fresh" ? await freshChild(args.tool, args.spec, args.ours) : await warmChild(args.tools, args.warmup, args.specs, args.ours, args.capMs);
  console.log(JSON.stringify(result));
  process.exit(0);
} else if (isMain) {
  const quick = process.argv.includes("--quick");
  const oursAt = process.argv.indexOf("--ours");
  const ours = oursAt > 0 ? new URL(process.argv[oursAt + 1]!, pathToFileURL(`${process.cwd()}/`)).pathname : OURS;
  const rows = await tokenRows(quick ? 0.6 : 1, ours);
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  console.log(`\ntoken counting${quick ? " (--quick)" : ""}: ${ours}\n`);
  console.log("| figure | bar | result | peers (same run) | ratio | met |\n|---|---|---|---|---|---|");
  for (const r of rows)
    console.log(`| ${cell(r.figure)} | ${cell(r.bar)} | ${cell(r.result)} | ${cell(r.peers)} | ${cell(r.ratio)} | ${r.met === null ? "" : r.met ? "yes" : "**no**"} |`);
  process.exit(0);
}
