import { inScript, type Script } from "../i18n/script.ts";
import { makeReply, type Reply } from "./reply.ts";

/**
 * A Chinese answer in the script of its question: every text a person reads (title, lead, fields, table, notes,
 * source titles) turned Traditional for a Traditional question. Numbers, names, links and `data` stay as they are.
 * The chart is left Simplified: its font has the GB2312 characters only.
 */
export function replyInScript(reply: Reply, script: Script): Reply {
  if (reply.lang !== "zh") return reply;
  if (script === "Hans") {
    // the same reply, marked: a copy would render its plain text, which makeReply leaves until read
    reply.script = script;
    return reply;
  }
  const to = (text: string) => inScript(text, script);
  return makeReply({
    ok: reply.ok,
    command: reply.command,
    lang: reply.lang,
    script,
    title: to(reply.title),
    lead: to(reply.lead),
    fields: reply.fields.map((f) => ({ label: to(f.label), value: to(f.value) })),
    table: reply.table && { ...reply.table, columns: reply.table.columns.map(to), rows: reply.table.rows.map((row) => row.map(to)) },
    notes: reply.notes.map(to),
    sources: reply.sources.map((s) => ({ ...s, title: to(s.title) })),
    data: reply.data,
    chart: reply.chart,
    delivery: reply.delivery,
  });
}
