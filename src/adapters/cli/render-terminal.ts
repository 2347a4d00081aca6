import { styleText } from "node:util";
import { displayWidth, renderSourceLine, renderTable, sourcesHeading, type Reply } from "../../core/reply/reply.ts";
import { renderNarrowTable, wrapText } from "./wrap.ts";

const MIN_COLUMNS = 20;

export interface TerminalLayout {
  color: boolean;
  /** the terminal's width; undefined (a pipe) leaves lines as they are */
  columns?: number | undefined;
}

/** The terminal's rendering: wrapped to the terminal's width (a table wider than it as one block per row), a bold title and dim sources with colour. */
export function renderTerminal(reply: Reply, layout: TerminalLayout): string {
  const { color } = layout;
  // a pseudo-terminal with no size set reports 0 columns: no wrapping then
  const columns = layout.columns ? Math.max(layout.columns, MIN_COLUMNS) : undefined;
  if (!color && columns === undefined) return reply.text;
  const width = columns ?? Number.POSITIVE_INFINITY;
  const wrap = (text: string) => (columns === undefined ? text : wrapText(text, width));
  const style = (format: Parameters<typeof styleText>[0], text: string) => (color ? styleText(format, text) : text);
  const parts = [style(reply.ok ? "bold" : ["bold", "red"], wrap(reply.title))];
  if (reply.lead) parts.push(wrap(reply.lead));
  const separator = reply.lang === "zh" ? "：" : ": ";
  if (reply.fields.length) {
    parts.push(reply.fields.map((f) => wrap(`${f.label}${separator}${f.value}`).replace(f.label, style("bold", f.label))).join("\n"));
  }
  if (reply.table) {
    const table = renderTable(reply.table);
    const tooWide = table.split("\n").some((line) => displayWidth(line) > width);
    parts.push(tooWide ? renderNarrowTable(reply.table, width) : table);
  }
  if (reply.notes.length) parts.push(wrap(reply.notes.map((n) => `• ${n}`).join("\n")));
  if (reply.sources.length) {
    parts.push(style("dim", wrap([sourcesHeading(reply.lang, reply.script), ...reply.sources.map((s) => `- ${renderSourceLine(s, reply.lang, reply.script)}`)].join("\n"))));
  }
  return parts.join("\n\n");
}
