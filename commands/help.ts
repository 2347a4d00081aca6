import type { Command, CommandContext } from "../src/core/command.ts";
import { makeReply } from "../src/core/reply.ts";

const text = {
  title: { en: "modelwise: which LLM to use, and what it will cost", zh: "modelwise：该用哪个大模型，要花多少钱" },
  lead: {
    en: "Ask in English or Chinese. Commands take words plus key:value options; token amounts accept 1500, 1.5k, 10M, 2B, 1万, 3亿. Any line that is not a command is a question. Add lang:en or lang:zh to choose the answer language.",
    zh: "可以用中文或英文提问。命令由词语加 key:value 选项组成；Token数量支持 1500、1.5k、10M、2B、1万、3亿。不是命令的句子都会被当作问题。加 lang:en 或 lang:zh 可指定回答语言。",
  },
  examples: { en: "e.g. {examples}", zh: "例如 {examples}" },
};

/** /help lists whatever the registry holds, so it cannot drift from the real commands. */
export function makeHelp(list: () => readonly Command[]): Command {
  return {
    spec: {
      name: "help",
      localName: { zh: "帮助" },
      description: { en: "How to ask, and every command", zh: "如何提问，以及所有命令" },
      usage: { en: "/help", zh: "/help" },
      examples: ["/help"],
      options: [],
    },
    run(ctx: CommandContext) {
      const { t } = ctx;
      // admin commands are listed for admins only
      const commands = list().filter((command) => !command.spec.adminOnly || ctx.input.isAdmin);
      return makeReply({
        command: "help",
        lang: t.lang,
        title: t.pick(text.title),
        lead: t.pick(text.lead),
        fields: commands.map((command) => ({
          label: command.spec.usage[t.lang],
          value: `${command.spec.description[t.lang]}. ${t.pick(text.examples, { examples: command.spec.examples.slice(0, 2).join("  ·  ") })}`.replace("。.", "。"),
        })),
        data: { commands: commands.map((c) => ({ name: c.spec.name, usage: c.spec.usage[t.lang], description: c.spec.description[t.lang] })) },
      });
    },
  };
}
