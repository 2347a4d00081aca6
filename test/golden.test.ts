import { describe, expect, it } from "vitest";
import { ask } from "./helpers.ts";

/** The full plain-text answers, reviewed by eye and kept in test/golden/: any change in wording or numbers shows up here. */
const CASES: [string, string][] = [
  ["compare.en", "/compare gpt-5 deepseek"],
  ["compare.zh", "/compare gpt-5 和 深度求索 cached:50%"],
  ["cheapest.en", "/cheapest coding context:200k"],
  ["cheapest.zh", "/cheapest 编程 context:200k"],
  ["selfhost.en", "/selfhost gpt-oss-120b tokens:20B"],
  ["selfhost.zh", "/selfhost gpt-oss-120b lang:zh"],
  ["selfhost-closed.en", "/selfhost gpt-5"],
  ["estimate.en", "/estimate Please summarize the attached quarterly report in three bullet points. n:10000"],
  ["estimate.zh", "/estimate 请用三个要点总结附件中的季度报告。 n:10000"],
  ["ask.en", "/ask Is self-hosting worth it?"],
  ["ask.zh", "/ask 自建划算吗？"],
  ["understood.en", "we send 50M tokens a month, 80% cached — gpt-5 or deepseek?"],
  ["understood.zh", "每个月大概3000万输入、600万输出，deepseek 和 gpt-5 差多少"],
  ["budget.en", "what does $50 a month buy on gpt-5 mini?"],
  ["budget.zh", "每月预算300元，写代码用"],
  ["model.en", "what's the context window of kimi k2?"],
  ["model.zh", "qwen3 max 上下文多大"],
  ["providers.en", "/providers llama 3.3 70b"],
  ["selfhost-fit.en", "/selfhost deepseek gpu:h100 gpus:8"],
  ["clarify.en", "claude vs gemini"],
  ["error.en", "/compare gpt-5 gpt-6"],
  ["error.zh", "/compare 深度求索 gpt-6"],
];

describe("answers read the same as last reviewed", () => {
  it.each(CASES)("%s", async (name, line) => {
    await expect((await ask(line)).text).toMatchFileSnapshot(`golden/${name}.txt`);
  });
});
