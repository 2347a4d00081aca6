import type { Command, CommandContext } from "../src/core/dispatch/command.ts";
import { formatProblem } from "../src/core/knowledge/problems.ts";
import { makeReply } from "../src/core/reply/reply.ts";

const MAX_PROBLEMS_SHOWN = 10;

export const reload: Command = {
  spec: {
    name: "reload",
    localName: { zh: "重新加载" },
    adminOnly: true,
    description: { en: "Admins: load knowledge/ again now", zh: "管理员：立即重新加载 knowledge/" },
    usage: { en: "/reload", zh: "/reload" },
    examples: ["/reload"],
    options: [],
  },
  async run(ctx: CommandContext) {
    const { t, knowledge } = ctx;
    const outcome = await knowledge.reload();
    const problems = outcome.problems.map(formatProblem);
    const notes = problems.slice(0, MAX_PROBLEMS_SHOWN);
    if (problems.length > MAX_PROBLEMS_SHOWN) notes.push(t("reload.more", { count: problems.length - MAX_PROBLEMS_SHOWN }));
    if (!outcome.ok && !problems.length && outcome.error) notes.push(outcome.error);
    return makeReply({
      ok: outcome.ok,
      command: "reload",
      lang: t.lang,
      title: t(!outcome.ok ? "reload.rejected" : outcome.changed ? "reload.changed" : "reload.same", { version: outcome.version }),
      lead: outcome.ok ? "" : t("reload.rejectedLead", { count: Math.max(1, problems.length) }),
      notes,
      data: {
        ok: outcome.ok,
        changed: outcome.changed,
        version: outcome.version,
        problems: outcome.problems,
        ...(outcome.ok ? {} : { error: { code: "knowledge_invalid", message: outcome.error ?? "", suggestions: [] } }),
      },
    });
  },
};
