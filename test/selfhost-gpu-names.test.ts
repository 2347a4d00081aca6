import { describe, expect, it } from "vitest";
import { ask } from "./helpers.ts";

describe("GPU names in self-hosting questions (issue 25)", () => {
  it("names an unknown two-word GPU back whole, not its first word", async () => {
    const text = (await ask("self-host llama 3.3 70b on 2 RTX 3090")).text;
    expect(text).toContain('"RTX 3090"');
    expect(text).not.toContain('"RTX"');
  });

  it("answers a bare GeForce number as that RTX card, and the 40 GB A100 as itself", async () => {
    expect((await ask("单卡 5090 能不能自建 qwen3 30b a3b")).text).toContain("RTX 5090");
    expect((await ask("self-host llama 3.3 70b on 8 A100 40GB")).text).toContain("A100 40GB");
  });

  it.each([
    ["用昇腾910B自建 qwen3 235b 划算吗", "9100亿"],
    ["用910B八卡跑 qwen3 235b 划算吗", "9100亿"],
    ["昇腾910B自建 deepseek r1 和 API 比哪个省", "9100亿"],
  ])("a GPU's name run into Chinese words is the GPU, not an amount: %s", async (line, misread) => {
    const reply = await ask(line);
    expect(reply.ok).toBe(true);
    expect(reply.text).toContain("Ascend 910B");
    expect(reply.text).not.toContain(misread);
    expect((reply.data.understanding as { volume?: unknown }).volume).toBeUndefined();
  });

  it.each([
    ["self-host qwen3 32b on 8 b200, 5B tokens a month", "b200", 8, 5e9],
    ["selfhost llama 3.3 70b on two 5090s, 300M tokens a month", "rtx-5090", 2, 3e8],
    ["qwen3 32b 放在 4 张 b200 上，每月 30 亿 token 划算吗", "b200", 4, 3e9],
  ])("a count before a GPU whose name starts like a scale is the count, not billions: %s", async (line, gpu, count, tokens) => {
    const reply = await ask(line);
    expect(reply.data.gpu).toMatchObject({ id: gpu, count });
    expect(reply.data.tokensPerMonth).toBe(tokens);
  });

  it.each(["H800 八卡跑 deepseek r1 和直接调 API 比哪个省", "自己部署 GPU 还是直接调 API 跑 qwen3 32b"])(
    "the API weighed against self-hosting, in mixed words, is no model to name back: %s",
    async (line) => {
      const reply = await ask(line);
      expect(reply.ok).toBe(true);
      expect(reply.data.unknown).toBeUndefined();
      expect(reply.text).not.toMatch(/无法按所写名称/u);
    },
  );
});

describe("engine option (issue 25)", () => {
  it("answers engine:sglang with SGLang's settings and refuses an unknown engine, even one named like an object key", async () => {
    expect((await ask("/selfhost qwen3 235b gpu:h200 gpus:8 engine:sglang")).text).toContain("SGLang");
    for (const bad of ["tgi", "constructor", "__proto__"]) {
      const reply = await ask(`/selfhost qwen3 235b gpu:h200 engine:${bad}`);
      expect(reply.text).toContain("vllm, sglang or trtllm");
    }
  });
});
