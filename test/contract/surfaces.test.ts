import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realSnapshot } from "../helpers.ts";
import { discordGatewayDriver, discordHttpDriver, slackDriver, terminalDriver, type SurfaceDriver } from "./drivers.ts";

/** One suite every surface passes: adding a surface means adding its driver here. */
const SURFACES: [string, typeof terminalDriver][] = [
  ["terminal", terminalDriver],
  ["slack", slackDriver],
  ["discord gateway", discordGatewayDriver],
  ["discord HTTP interactions", discordHttpDriver],
];

describe.each(SURFACES)("the %s surface", (_name, makeDriver) => {
  let driver: SurfaceDriver;
  beforeAll(async () => {
    driver = await makeDriver(await realSnapshot());
  });
  afterAll(async () => {
    await driver?.close();
  });

  it("compares two models with prices, the cheapest and sources", async () => {
    const answer = await driver.ask("compare", "gpt-5 deepseek");
    expect(answer.isError).toBe(false);
    expect(answer.text).toContain("GPT-5");
    expect(answer.text).toContain("DeepSeek V3.2");
    expect(answer.text).toContain("$32.50");
    expect(answer.text).toMatch(/8\.9× cheaper/);
    expect(answer.text).toContain("2026-07-24");
  });

  it("names an unknown model and suggests real ones", async () => {
    const answer = await driver.ask("compare", "gpt-5 gpt-6");
    expect(answer.isError).toBe(true);
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
});
