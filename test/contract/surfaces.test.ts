import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realSnapshot } from "../helpers.ts";
import { decodePng } from "../png.ts";
import { discordGatewayDriver, discordHttpDriver, slackDriver, slackSocketDriver, terminalDriver, type SurfaceDriver } from "./drivers.ts";

/** One suite every surface passes: adding a surface means adding its driver here. */
const SURFACES: [string, typeof terminalDriver][] = [
  ["terminal", terminalDriver],
  ["slack HTTP", slackDriver],
  ["slack Socket Mode", slackSocketDriver],
  ["discord gateway", discordGatewayDriver],
  ["discord HTTP interactions", discordHttpDriver],
];
/** Surfaces on a shared channel, where an answer is either seen by everyone or by the asker alone. */
const CHAT = (name: string) => name !== "terminal";

describe.each(SURFACES)("the %s surface", (name, makeDriver) => {
  let driver: SurfaceDriver;
  beforeAll(async () => {
    driver = await makeDriver(await realSnapshot());
  });
  afterAll(async () => {
    await driver?.close();
  });

  it("compares two models with prices, the cheapest and sources, for everyone to see", async () => {
    const answer = await driver.ask("compare", "gpt-5 deepseek");
    expect(answer.isError).toBe(false);
    if (CHAT(name)) expect(answer.visibility).toBe("public");
    expect(answer.text).toContain("GPT-5");
    expect(answer.text).toContain("DeepSeek V3.2");
    expect(answer.text).toContain("$32.50");
    expect(answer.text).toMatch(/8\.9× cheaper/);
    expect(answer.text).toContain("2026-07-24");
  });

  it("names an unknown model and suggests real ones, as an error only the asker sees", async () => {
    const answer = await driver.ask("compare", "gpt-5, gpt-6");
    expect(answer.isError).toBe(true);
    if (CHAT(name)) expect(answer.visibility).toBe("private");
    expect(answer.text).toContain('"gpt-6"');
    expect(answer.text).toMatch(/Did you mean: gpt-5/);
  });

  it("answers a Chinese question entirely in Chinese", async () => {
    const answer = await driver.ask("ask", "哪个模型写代码最便宜？");
    expect(answer.isError).toBe(false);
    expect(answer.text).toContain("各档位最便宜的模型");
    expect(answer.text).not.toMatch(/\b(Cheapest|Tier|Sources|default workload)\b/);
  });

  it("explains what is missing from an empty command", async () => {
    const answer = await driver.ask("compare", "");
    expect(answer.isError).toBe(true);
    expect(answer.text).toContain("Name at least one model");
  });

  it("shows /help to the asker alone, and not as an error", async () => {
    const answer = await driver.ask("help", "");
    expect(answer.isError).toBe(false);
    if (CHAT(name)) expect(answer.visibility).toBe("private");
    expect(answer.text).toContain("compare");
  });

  if (CHAT(name))
    it("refuses an admin command to someone who is not an admin, privately", async () => {
      const answer = await driver.ask("status", "");
      expect(answer.isError).toBe(true);
      expect(answer.visibility).toBe("private");
      expect(answer.text).toContain("for the bot's admins");
    });

  it("delivers the comparison's chart as a whole PNG", async () => {
    const png = await driver.chart("compare", "gpt-5 deepseek");
    expect(decodePng(png).width).toBeGreaterThanOrEqual(900);
  });

  if (name === "slack HTTP")
    it("answers an @mention in the channel, and an error to the asker alone", async () => {
      const answer = await driver.mention!("/compare gpt-5 deepseek");
      expect(answer).toMatchObject({ isError: false, visibility: "public" });
      expect(answer.text).toContain("$32.50");
      const error = await driver.mention!("/compare gpt-6, gpt-7");
      expect(error).toMatchObject({ isError: true, visibility: "private" });
    });
});
