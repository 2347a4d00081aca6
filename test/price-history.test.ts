import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { barChart } from "../src/charts/bar-chart.ts";
import { PALETTES } from "../src/charts/svg.ts";
import type { BarChartSpec } from "../src/core/reply/chart-spec.ts";
import { buildPriceHistory, priceChangesOf, steadyPoints, type RawPriceHistory } from "../src/core/knowledge/price-history.ts";
import { ask, KNOWLEDGE_DIR, realSnapshot, TODAY, SHARED_DATA } from "./helpers.ts";

const RAW = JSON.parse(readFileSync(`${SHARED_DATA}litellm-price-history.json`, "utf8")) as RawPriceHistory;

describe("the price history file", () => {
  it("drops values that lasted under two days and context-size-only changes", () => {
    // Gemini 2.0 Flash sat at $150/$600 for part of 2025-02-07
    expect(RAW.models["gemini/gemini-2.0-flash"]!.points[0]!.slice(1, 3)).toEqual([150, 600]);
    expect(steadyPoints(RAW.models["gemini/gemini-2.0-flash"]!.points).map((p) => p.slice(0, 3))).toEqual([
      ["2025-02-07", 0.1, 0.4],
      ["2025-07-15", 0.1, 0.4],
    ]);
    // GPT-5's max input flips between 272K and 400K: not a price change, and its first day stays
    expect(steadyPoints(RAW.models["gpt-5"]!.points)).toEqual([["2025-08-07", 1.25, 10, 0.125]]);
  });

  it("holds exactly what the raw history gives for the curated models", async () => {
    const { knowledge } = await realSnapshot();
    const rebuilt = buildPriceHistory(RAW, knowledge.models, { source: "s", url: "u" });
    expect(knowledge.priceHistory!.models).toEqual(rebuilt.models);
    expect(knowledge.priceHistory!.from).toBe(RAW.from);
    expect(priceChangesOf(knowledge.priceHistory!.models.o3!.points)).toContainEqual({ date: "2025-06-11", price: "inputPer1M", from: 10, to: 2, percent: -80 });
  });
  it("is what npm run knowledge:import -- --history= writes, and a wrong file changes nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "modelwise-history-"));
    try {
      await cp(KNOWLEDGE_DIR, dir, { recursive: true });
      const run = (arg: string) =>
        promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/knowledge-import.ts", arg], {
          cwd: fileURLToPath(new URL("..", import.meta.url)),
          env: { ...process.env, MODELWISE_KNOWLEDGE_DIR: dir, MODELWISE_TODAY: TODAY },
        });
      const { stdout } = await run(`--history=${SHARED_DATA}litellm-price-history.json`);
      expect(stdout).toMatch(/price history 2025-02-06 → 2026-07-24: \d+ curated models, \d+ with price changes/);
      const shipped = await readFile(join(KNOWLEDGE_DIR, "price-history.yaml"), "utf8");
      expect(await readFile(join(dir, "price-history.yaml"), "utf8")).toBe(shipped);
      await expect(run(`--history=${SHARED_DATA}litellm-model-prices.json`)).rejects.toMatchObject({ stderr: expect.stringContaining("not a price history file") });
      expect(await readFile(join(dir, "price-history.yaml"), "utf8")).toBe(shipped);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("/history", () => {
  it("gives one model's dated changes with % change and a chart in date order, in both languages", async () => {
    const en = await ask("/history o3");
    expect(en.lead).toBe(
      "o3's price changed once between 2025-04-16 and 2026-07-24: 2025-06-11: input $10.00 → $2.00 (−80%), output $40.00 → $8.00 (−80%), and cached input $2.50 → $0.50 (−80%).",
    );
    expect(en.table!.rows.map((r) => r[0])).toEqual(["2025-04-16", "2025-06-11"]);
    expect(en.chart).toMatchObject({
      kind: "bars",
      order: "given",
      items: [
        { label: "2025-04-16", value: 180 },
        { label: "2025-06-11", value: 36 },
      ],
    });
    expect(en.sources[0]!.title).toContain("LiteLLM price map history");
    const zh = await ask("/history o3 lang:zh");
    expect(zh.lead).toContain("o3 的价格在 2025-04-16 至 2026-07-24 之间有 1 个日期发生变动：2025-06-11: 输入 $10.00 → $2.00（−80%）");
    expect(zh.text).toContain("持续不到 2 天的价格已略去");
  });

  it("adds today's price where a newer source has one", async () => {
    const reply = await ask("/history gemini 3.6 flash");
    expect(reply.table!.rows.at(-1)!.slice(0, 3)).toEqual(["2026-09-23", "$0.75", "$3.75"]);
    expect(reply.text).toContain("The last row is today's price (as of 2026-09-23");
  });

  it("lists what got cheaper since a year, and the cheapest price at a quality level beside the article's claim", async () => {
    const reply = await ask("/history since:2026");
    expect(reply.title).toBe("What got cheaper since 2026-01-01");
    const cheaper = (reply.data.cheaper as { model: string }[]).map((c) => c.model);
    expect(cheaper).toEqual(expect.arrayContaining(["deepseek-chat", "claude-sonnet-5", "minimax-m3"]));
    expect(cheaper).not.toContain("o3");
    const level = (reply.data.levels as { level: string; points: { date: string; model: string; referenceUsd: number }[] }[]).find((l) => l.level === "gpt-4o")!;
    expect(level.points.at(-1)).toMatchObject({ date: "2026-07-24", model: "mistral-small-3.2" });
    expect(level.points.at(-1)!.referenceUsd).toBeLessThan(level.points[0]!.referenceUsd);
    expect(reply.text).toMatch(
      /The article calls 2026 a “Race to Zero” with “token prices plummeting”\. In the record \(2025-02-06 to 2026-07-24\) \d+ of \d+ curated models cut a price at all/,
    );
    expect(reply.chart).toMatchObject({ kind: "bars", order: "given" });
    const chartDates = (reply.chart as BarChartSpec).items.map((i) => i.label.slice(0, 10));
    expect(chartDates).toEqual([...chartDates].sort());
  });

  it("refuses a bad since: with a clear, localized message", async () => {
    expect((await ask("/history since:soon")).text).toContain('since: takes a year (2026) or a date (2026-03-01), not "soon".');
    expect((await ask("/history since:soon lang:zh")).text).toContain("since: 只能是年份（2026）或日期（2026-03-01），而不是“soon”。");
  });

  it("answers free-text questions about price changes in English and Chinese", async () => {
    expect((await ask("how has o3's price changed?")).title).toBe("o3: price history");
    const year = await ask("what got cheaper this year");
    expect(year.title).toBe("What got cheaper since 2026-01-01");
    const zh = await ask("deepseek v3.2 降价了吗");
    expect(zh.lang).toBe("zh");
    expect(zh.title).toBe("DeepSeek V3.2 (deepseek-chat)：价格历史");
    expect((await ask("今年哪些模型降价了")).title).toBe("2026-01-01 以来哪些模型降价了");
    // a price comparison is not a history question
    expect((await ask("which is cheaper, gpt-5 or gemini 2.5 pro?")).command).not.toBe("history");
  });
});

describe("bar charts in given order", () => {
  it("keep a timeline's order instead of sorting cheapest first", () => {
    const spec: BarChartSpec = {
      kind: "bars",
      order: "given",
      title: "t",
      axisLabel: "a",
      logNote: "log",
      items: [
        { label: "2025-04-16", value: 180, valueLabel: "$180" },
        { label: "2025-06-11", value: 36, valueLabel: "$36" },
      ],
    };
    const drawn = barChart(spec, PALETTES.light).texts;
    expect(drawn.indexOf("2025-04-16")).toBeLessThan(drawn.indexOf("2025-06-11"));
    const sorted = barChart({ ...spec, order: undefined }, PALETTES.light).texts;
    expect(sorted.indexOf("2025-06-11")).toBeLessThan(sorted.indexOf("2025-04-16"));
  });
});
