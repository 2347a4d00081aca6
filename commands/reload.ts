import type { Command, CommandContext } from "../src/core/command.ts";
import { formatProblem } from "../src/core/knowledge/problems.ts";
import { makeReply } from "../src/core/reply.ts";

const MAX_PROBLEMS_SHOWN = 10;

const text = {
  changed: { en: "Knowledge reloaded: now serving version {version}", zh: "知识库已重新加载：当前版本 {version}" },
  same: { en: "Knowledge reloaded: nothing changed (version {version})", zh: "知识库已重新加载：没有变化（版本 {version}）" },
  rejected: { en: "Edit rejected: still serving version {version}", zh: "修改被拒绝：仍在使用版本 {version}" },
  rejectedLead: { en: "{count} problem(s) in knowledge/. Fix them and /reload again; nothing was lost.", zh: "knowledge/ 中有 {count} 个问题。修正后再次 /reload；没有任何内容丢失。" },
  more: { en: "… and {count} more (npm run knowledge:check lists them all)", zh: "……还有 {count} 个（npm run knowledge:check 会全部列出）" },
};

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
    if (problems.length > MAX_PROBLEMS_SHOWN) notes.push(t.pick(text.more, { count: problems.length - MAX_PROBLEMS_SHOWN }));
    if (!outcome.ok && !problems.length && outcome.error) notes.push(outcome.error);
    return makeReply({
      ok: outcome.ok,
      command: "reload",
      lang: t.lang,
      title: t.pick(!outcome.ok ? text.rejected : outcome.changed ? text.changed : text.same, { version: outcome.version }),
      lead: outcome.ok ? "" : t.pick(text.rejectedLead, { count: Math.max(1, problems.length) }),
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
