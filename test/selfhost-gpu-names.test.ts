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
