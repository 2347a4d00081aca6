import { styleText } from "node:util";
import { renderSourceLine, renderTable, sourcesHeading, type Reply } from "../../core/reply.ts";

/** The terminal's rendering: the plain text, with a bold title and dim sources when colour is on. */
export function renderTerminal(reply: Reply, color: boolean): string {
  if (!color) return reply.text;
  const style = (format: Parameters<typeof styleText>[0], text: string) => styleText(format, text);
  const parts = [style(reply.ok ? "bold" : ["bold", "red"], reply.title)];
  if (reply.lead) parts.push(reply.lead);
  if (reply.fields.length) parts.push(reply.fields.map((f) => `${style("bold", f.label)}: ${f.value}`).join("\n"));
  if (reply.table) parts.push(renderTable(reply.table));
  if (reply.notes.length) parts.push(reply.notes.map((n) => `• ${n}`).join("\n"));
  if (reply.sources.length) {
    parts.push(style("dim", [sourcesHeading(reply.lang, reply.script), ...reply.sources.map((s) => `- ${renderSourceLine(s, reply.lang, reply.script)}`)].join("\n")));
  }
  return parts.join("\n\n");
}
