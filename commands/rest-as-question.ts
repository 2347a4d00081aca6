import type { CommandContext } from "../src/core/dispatch/command.ts";
import type { Reply } from "../src/core/reply/reply.ts";
import { understand } from "../src/core/understand/understand.ts";
import { findTasks } from "../src/core/dispatch/vocabulary.ts";
import { optionLine } from "./understood-options.ts";

/**
 * "/compare gpt-5 deepseek 20M in 5M out", "/selfhost llama 3.3 70b on 2 h100": words after a command's models that
 * state a volume, a GPU or a need are answered as the same question asked in words, so nothing typed is silently left
 * out; options typed as key:value still win. null when the words hold only what the command reads itself.
 */
const GPU_BRAND = /^(?:rtx|geforce|nvidia|amd|radeon|instinct|tesla|quadro|intel|gaudi|huawei|ascend|昇腾)$/iu;

export function answerRestAsQuestion(ctx: CommandContext): Promise<Reply> | null {
  const name = ctx.input.command;
  const spec = ctx.commands.find((c) => c.spec.name === name)?.spec;
  const ask = ctx.commands.find((c) => c.spec.name === "ask");
  if (ctx.question || !spec || !ask || !ctx.args.rest.trim()) return null;
  // words that all name models are what the command reads itself: no need to read them as a question
  const modelsOnly = spec.positional?.kind === "model" || spec.positional?.kind === "models";
  if (modelsOnly && ctx.snapshot.resolver.resolveList(ctx.args.rest).every((r) => r.kind === "exact" || r.kind === "fuzzy")) return null;
  const line = `${name} ${ctx.args.rest}`;
  const understood = understand(ctx.snapshot, line, { previous: null, script: ctx.script ?? null });
  // "/cheapest 客服 中文 开源 …": a command's own word for Chinese (a task word) is the Chinese-ability need a question says in more words
  const chineseWord = findTasks(ctx.snapshot, ctx.args.rest).some((task) => task.id === "chinese");
  const u = chineseWord && !understood.constraints.chinese ? { ...understood, constraints: { ...understood.constraints, chinese: true } } : understood;
  if ((u.intent !== name && u.intent !== "clarify") || !optionLine(u, spec)) return null;
  // "gpu:rtx 4090": a maker's word typed as the option, its model number after it, is the GPU the words name
  const brand = spec.options.some((o) => o.name === "gpu") ? ctx.args.text("gpu") : undefined;
  const gpu = u.gpu;
  if (brand && GPU_BRAND.test(brand) && gpu?.id !== undefined) {
    // one the knowledge lacks is named back whole, maker and all ("rtx 3090")
    const known = ctx.snapshot.knowledge.serving.gpus.some((g) => g.id === gpu.id);
    const question = known ? u : { ...u, gpu: { ...gpu, id: `${brand} ${gpu.id}` } };
    return Promise.resolve(ask.run({ ...ctx, args: ctx.args.withRest(line), typedOptions: ctx.args.without("gpu"), previous: null, question }));
  }
  return Promise.resolve(ask.run({ ...ctx, args: ctx.args.withRest(line), typedOptions: ctx.args, previous: null, question: u }));
}
