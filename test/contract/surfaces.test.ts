import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realSnapshot } from "../helpers.ts";
import { decodePng } from "../png.ts";
import { discordGatewayDriver, discordHttpDriver, discordMessagesDriver, slackDriver, slackSocketDriver, terminalDriver, type SurfaceDriver } from "./drivers.ts";
import { harness, type Harness } from "./harness.ts";

/** One suite every surface passes: adding a surface means adding its driver here. */
const SURFACES: [string, (h: Harness) => Promise<SurfaceDriver>][] = [
  ["terminal", terminalDriver],
  ["slack HTTP", slackDriver],
  ["slack Socket Mode", slackSocketDriver],
  ["discord gateway", discordGatewayDriver],
  ["discord HTTP interactions", discordHttpDriver],
  ["discord messages", discordMessagesDriver],
];
/** Slash commands carry no conversation; these surfaces take follow-ups in threads, DMs or the REPL. */
const CONVERSATIONAL = new Set(["terminal", "slack HTTP", "slack Socket Mode", "discord messages"]);
/** The terminal's local user is never rate-limited: the bot is theirs. */
const LIMITED = (name: string) => name !== "terminal";

describe.each(SURFACES)("the %s surface", (name, makeDriver) => {
  let driver: SurfaceDriver;
  let h: Harness;
  beforeAll(async () => {
    h = harness(await realSnapshot());
    driver = await makeDriver(h);
  });
  afterAll(async () => {
    h.charts.mode = "draw";
    h.limits.on = false;
    await driver?.close();
  });

  it("compares two models with prices, the cheapest and sources, for everyone to see", async () => {
    const answer = await driver.ask("compare", "gpt-5 deepseek");
    expect(answer.isError).toBe(false);
    if (driver.shared) expect(answer.visibility).toBe("public");
    expect(answer.text).toContain("GPT-5");
    expect(answer.text).toContain("DeepSeek V3.2");
    expect(answer.text).toContain("$32.50");
    expect(answer.text).toMatch(/8\.9× cheaper/);
    expect(answer.text).toContain("2026-07-24");
  });

  it("names an unknown model and suggests real ones, as an error only the asker sees", async () => {
    const answer = await driver.ask("compare", "gpt-5, gpt-6");
    expect(answer.isError).toBe(true);
    if (driver.shared) expect(answer.visibility).toBe("private");
    expect(answer.text).toContain('"gpt-6"');
    expect(answer.text).toMatch(/Did you mean: gpt-5/);
  });

  it("explains what is missing from an empty command", async () => {
    const answer = await driver.ask("compare", "");
    expect(answer.isError).toBe(true);
    expect(answer.text).toContain("Name at least one model");
  });

  it("answers a Chinese question entirely in Chinese", async () => {
    const answer = await driver.ask("ask", "哪个模型写代码最便宜？");
    expect(answer.isError).toBe(false);
    expect(answer.text).toContain("各档位最便宜的模型");
    expect(answer.text).not.toMatch(/\b(Cheapest|Tier|Sources|default workload)\b/);
  });

  it("answers in the language asked for with lang:", async () => {
    const answer = await driver.ask("compare", "gpt-5 deepseek lang:zh");
    expect(answer.isError).toBe(false);
    expect(answer.text).toContain("价格对比");
    expect(answer.text).not.toMatch(/\b(cheaper|Sources)\b/);
  });

  it("shows yuan with currency:cny", async () => {
    const answer = await driver.ask("compare", "gpt-5 deepseek currency:cny");
    expect(answer.isError).toBe(false);
    expect(answer.text).toMatch(/¥\d/);
    expect(answer.text).not.toContain("$32.50");
  });

  it("keeps an answer to the asker with private:yes, without calling it an error", async () => {
    const answer = await driver.ask("compare", "gpt-5 deepseek private:yes");
    expect(answer.isError).toBe(false);
    expect(answer.text).toContain("$32.50");
    if (driver.shared) expect(answer.visibility).toBe("private");
  });

  it("shows /help to the asker alone, and not as an error", async () => {
    const answer = await driver.ask("help", "");
    expect(answer.isError).toBe(false);
    if (driver.shared) expect(answer.visibility).toBe("private");
    expect(answer.text).toContain("compare");
  });

  if (name !== "terminal")
    it("refuses an admin command to someone who is not an admin, privately", async () => {
      const answer = await driver.ask("status", "");
      expect(answer.isError).toBe(true);
      if (driver.shared) expect(answer.visibility).toBe("private");
      expect(answer.text).toContain("for the bot's admins");
    });

  if (CONVERSATIONAL.has(name))
    it("takes a follow-up in the same conversation", async () => {
      const answer = await driver.followUp!("gpt-5 vs deepseek for 20M in and 5M out", "and for 1B tokens?");
      expect(answer.isError).toBe(false);
      expect(answer.text).toMatch(/Understood as a follow-up: compare prices, GPT-5 and DeepSeek/);
      expect(answer.text).toContain("1B tokens a month");
    });

  it(LIMITED(name) ? "refuses a flood politely, to the asker alone, saying when to come back" : "never rate-limits the local user", async () => {
    h.limits.on = true;
    try {
      await driver.ask("models", "deepseek");
      const second = await driver.ask("models", "deepseek");
      if (!LIMITED(name)) return void expect(second.isError).toBe(false);
      expect(second.isError).toBe(true);
      if (driver.shared) expect(second.visibility).toBe("private");
      expect(second.text).toMatch(/Slow down a little.*Try again in \d+ s/s);
    } finally {
      h.limits.on = false;
    }
  });

  it("delivers the comparison's chart as a whole PNG in the surface's theme, with a drawing on it", async () => {
    const png = decodePng(await driver.chart("compare", "gpt-5 deepseek"));
    expect(png.width).toBeGreaterThanOrEqual(900);
    // bars, labels and anti-aliased text: a blank or one-colour image has a handful
    expect(png.distinctColours).toBeGreaterThan(50);
    if (driver.theme === "dark") expect(png.background.luminance).toBeLessThan(0.2);
    else expect(png.background.luminance).toBeGreaterThan(0.8);
  });

  it("still answers at once when the chart queue is full, and says the chart was skipped", async () => {
    h.charts.mode = "busy";
    try {
      const answer = name === "terminal" ? (await driver.askThenNote("compare", "gpt-5 deepseek")).note : await driver.ask("compare", "gpt-5 deepseek");
      if (name === "terminal") expect(answer.text).toContain("Chart skipped");
      else {
        expect(answer.isError).toBe(false);
        expect(answer.text).toContain("$32.50");
        expect(answer.text).toContain("Chart skipped");
      }
    } finally {
      h.charts.mode = "draw";
    }
  });

  it("answers and then tells the asker when the chart cannot be drawn", async () => {
    h.charts.mode = "broken";
    try {
      const { answer, note } = await driver.askThenNote("compare", "gpt-5 deepseek");
      expect(answer.isError).toBe(false);
      expect(answer.text).toContain("$32.50");
      expect(note.text).toMatch(/chart could not be (drawn|written)/);
      if (driver.shared) expect(note.visibility).toBe("private");
    } finally {
      h.charts.mode = "draw";
    }
  });

  it("answers and then tells the asker when the chart cannot be posted", async () => {
    await driver.failNextUpload();
    const { answer, note } = await driver.askThenNote("compare", "gpt-5 deepseek");
    expect(answer.isError).toBe(false);
    expect(answer.text).toContain("$32.50");
    expect(note.text).toMatch(/chart could not be (posted|written)/);
    if (name.startsWith("slack")) expect(note.text).toContain("not in this channel");
    if (driver.shared) expect(note.visibility).toBe("private");
  });

  it("tells a Chinese asker about a missing chart in Chinese", async () => {
    h.charts.mode = "broken";
    try {
      const { note } = await driver.askThenNote("compare", "gpt-5 deepseek lang:zh");
      expect(note.text).toMatch(/图表/);
      expect(note.text).not.toMatch(/chart could not/);
    } finally {
      h.charts.mode = "draw";
    }
  });
});
