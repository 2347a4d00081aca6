import { describe, expect, it } from "vitest";
import { ask } from "./helpers.ts";

interface Priced {
  workload: { inputTokens: number; outputTokens: number };
  gpu?: { id: string; count: number };
  tokensPerMonth?: number;
}

const data = (reply: { data: unknown }) => reply.data as Priced;

describe("a slash command's words after its models are read, never dropped", () => {
  it("prices /compare at the volume typed in words, in English and Chinese", async () => {
    const english = await ask("/compare gpt-5 deepseek 20M in 5M out");
    expect(english.ok).toBe(true);
    expect(data(english).workload).toMatchObject({ inputTokens: 20_000_000, outputTokens: 5_000_000 });
    expect(english.text).toContain("20M input + 5M output");

    const chinese = await ask("/compare gpt-5 deepseek 每月 2 亿 token");
    expect(chinese.ok).toBe(true);
    expect(data(chinese).workload.inputTokens + data(chinese).workload.outputTokens).toBeCloseTo(200_000_000, -1);
    expect(chinese.lang).toBe("zh");
  });

  it("prices /cheapest at the volume typed and keeps its task and needs", async () => {
    const reply = await ask("/cheapest coding with vision 50M tokens");
    expect(data(reply).workload.inputTokens + data(reply).workload.outputTokens).toBeCloseTo(50_000_000, -1);
    expect(reply.data).toMatchObject({ constraints: { tasks: ["coding"] }, workloadIsDefault: false });
  });

  it("plans /selfhost on the GPUs and volume typed in words, not the cheapest GPU at the default", async () => {
    for (const line of ["/selfhost llama 3.3 70b on 2 h100 500M tokens a month", "/selfhost llama 3.3 70b 2 张 h100 每月 5 亿 token"]) {
      const reply = await ask(line);
      expect(data(reply).gpu).toMatchObject({ id: "h100", count: 2 });
      expect(data(reply).tokensPerMonth).toBe(500_000_000);
    }
  });

  it("lets a key:value option typed beside the words win", async () => {
    const reply = await ask("/compare gpt-5 deepseek 20M in 5M out in:30M");
    expect(data(reply).workload).toMatchObject({ inputTokens: 30_000_000, outputTokens: 5_000_000 });
  });

  it("answers a command of models alone as before, at the default workload it says", async () => {
    const reply = await ask("/compare gpt-5 deepseek");
    expect(reply.data).toMatchObject({ workloadIsDefault: true });
    expect(reply.text).not.toContain("Understood");
  });
});
