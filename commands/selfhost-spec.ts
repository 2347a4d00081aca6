import type { CommandSpec } from "../src/core/dispatch/command.ts";
import { WORKLOAD_OPTIONS } from "../src/core/pricing/workload.ts";
import { ENGINES, PRECISIONS } from "../src/core/selfhost/schema.ts";

/** /selfhost's name, help and options: what a user can ask of it on every surface. */
export const SELFHOST_SPEC: CommandSpec = {
  name: "selfhost",
  showsMoney: true,
  localName: { zh: "自建" },
  description: { en: "What serving an open-weights model on your own GPUs costs, against the API", zh: "在自有GPU上部署开放权重模型的成本，与API对比" },
  usage: {
    en: "/selfhost <model> [gpu:<name>] [gpus:<n>] [price:<$/h>] [util:<percent>] [tokens:<per month>] [precision:bf16|fp8|fp4] [slo:interactive|batch] [tput:<tokens/s>] [owned:yes months:<n> cost:<$ per GPU>] [ops:<$ a month>]",
    zh: "/selfhost <模型> [gpu:<型号>] [gpus:<数量>] [price:<美元/小时>] [util:<百分比>] [tokens:<每月用量>] [precision:bf16|fp8|fp4] [slo:interactive|batch] [tput:<Token/秒>] [owned:yes months:<月数> cost:<每块美元>] [ops:<每月美元>]",
  },
  examples: ["/selfhost gpt-oss-120b", "/selfhost llama 3.3 70b gpu:h200 util:70% tokens:2B", "/selfhost deepseek gpu:h100 gpus:16", "/selfhost gpt-5"],
  options: [
    {
      name: "gpu",
      aliases: ["显卡"],
      kind: "text",
      complete: "gpus",
      description: {
        en: "GPU: a100, a100-40gb, a10g, l4, l40s, rtx-4090, rtx-5090, h100, h100-pcie, h200, h20, h800, b200, gb200, mi300x, mi325x, gaudi3, ascend-910b",
        zh: "GPU：a100、a100-40gb、a10g、l4、l40s、rtx-4090、rtx-5090、h100、h100-pcie、h200、h20、h800、b200、gb200、mi300x、mi325x、gaudi3、ascend-910b",
      },
    },
    { name: "engine", aliases: ["引擎"], kind: "text", choices: ENGINES, description: { en: "vllm (default), sglang or trtllm", zh: "vllm（默认）、sglang 或 trtllm" } },
    { name: "gpus", aliases: ["显卡数"], kind: "count", max: 4096, description: { en: "number of GPUs", zh: "GPU数量" } },
    {
      name: "users",
      aliases: ["concurrent", "并发"],
      kind: "count",
      max: 1e6,
      rare: true,
      description: { en: "users served at once: how many GPUs that takes", zh: "同时服务的用户数：需要多少块GPU" },
    },
    {
      name: "speed",
      aliases: ["每人速度"],
      kind: "number",
      min: 1,
      max: 1000,
      rare: true,
      description: { en: "tokens/s each user is to see: said against the plan's", zh: "每个用户需要的 Token/秒：与方案的速度对照" },
    },
    { name: "price", aliases: ["价格"], kind: "number", max: 1000, description: { en: "rental price per GPU-hour in USD", zh: "每块GPU每小时租金（美元）" } },
    { name: "util", aliases: ["utilization", "利用率"], kind: "percent", min: 1, description: { en: "utilization, 1–100% (e.g. 60%)", zh: "利用率，1–100%（如 60%）" } },
    { name: "precision", aliases: ["精度"], kind: "text", choices: PRECISIONS, description: { en: "bf16, fp8, fp4, mxfp4 or int4", zh: "bf16、fp8、fp4、mxfp4 或 int4" } },
    {
      name: "slo",
      aliases: ["服务"],
      kind: "text",
      choices: ["interactive", "batch"],
      description: { en: "interactive (≥25 tokens/s per user) or batch", zh: "interactive（每用户≥25 Token/秒）或 batch" },
    },
    {
      name: "tput",
      aliases: ["throughput", "吞吐"],
      kind: "number",
      max: 1e9,
      description: { en: "your measured throughput, tokens/s per deployment", zh: "你实测的吞吐量（每个部署 Token/秒）" },
    },
    {
      name: "owned",
      aliases: ["自有"],
      kind: "text",
      yesNo: true,
      description: { en: "yes: you own the GPUs (amortized, plus electricity)", zh: "yes：GPU为自有（摊销加电费）" },
    },
    {
      name: "months",
      aliases: ["摊销月数"],
      kind: "count",
      max: 240,
      rare: true,
      description: { en: "months to write owned GPUs off (default 36)", zh: "自有GPU的摊销月数（默认36）" },
    },
    { name: "cost", aliases: ["购价"], kind: "number", max: 1e7, rare: true, description: { en: "purchase price per owned GPU in USD", zh: "每块自有GPU的购价（美元）" } },
    {
      name: "kwh",
      aliases: ["电价"],
      kind: "number",
      max: 10,
      rare: true,
      description: { en: "electricity per kWh in USD (owned GPUs only)", zh: "每度电价格（美元，仅自有GPU）" },
    },
    { name: "ops", aliases: ["运维"], kind: "number", max: 1e8, description: { en: "operations cost per month in USD", zh: "每月运维成本（美元）" } },
    ...WORKLOAD_OPTIONS,
  ],
  positional: { name: "model", kind: "model", complete: "models", missing: "error.needModel", description: { en: "the model to self-host", zh: "要自建的模型" }, required: true },
};
