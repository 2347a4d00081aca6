import type { Command, CommandContext } from "../src/core/dispatch/command.ts";
import { makeReply } from "../src/core/reply/reply.ts";

/** /help lists whatever the dispatcher holds, so it cannot drift from the real commands. */
export const help: Command = {
  spec: {
    name: "help",
    localName: { zh: "帮助" },
    description: { en: "How to ask, and every command", zh: "如何提问，以及所有命令" },
    usage: { en: "/help", zh: "/help" },
    examples: ["/help"],
    options: [],
    private: true,
  },
  run(ctx: CommandContext) {
    const { t } = ctx;
    // admin commands are listed for admins only
    const commands = ctx.commands.filter((command) => !command.spec.adminOnly || ctx.input.isAdmin);
    return makeReply({
      command: "help",
      lang: t.lang,
      title: t("help.title"),
      lead: t("help.lead"),
      fields: commands.map((command) => ({
        label: command.spec.usage[t.lang],
        value: `${command.spec.description[t.lang]}. ${t("help.examples", { examples: command.spec.examples.slice(0, 2).join("  ·  ") })}`.replace("。.", "。"),
      })),
      data: { commands: commands.map((c) => ({ name: c.spec.name, usage: c.spec.usage[t.lang], description: c.spec.description[t.lang] })) },
    });
  },
};
