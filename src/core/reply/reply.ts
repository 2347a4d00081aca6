import { LRUCache } from "lru-cache";
import stringWidth from "string-width";
import type { ChartSpec } from "./chart-spec.ts";
import type { Lang } from "../i18n/lang.ts";
import { inScript, type Script } from "../i18n/script.ts";

export interface Source {
  title: string;
  ref: string;
  asOf: string;
}

export interface Table {
  columns: string[];
  rows: string[][];
  /** per column; numbers read best right-aligned */
  align: ("left" | "right")[];
}

export interface Field {
  label: string;
  value: string;
}

/** The platform-neutral answer every surface renders. `text` is the full plain-text rendering. */
export interface Reply {
  ok: boolean;
  command: string;
  lang: Lang;
  /** a Chinese answer's script: Traditional for a question typed in Traditional characters (set by the dispatcher) */
  script?: Script;
  title: string;
  lead: string;
  fields: Field[];
  table: Table | null;
  notes: string[];
  sources: Source[];
  data: Record<string, unknown>;
  /** a picture of the numbers, where one helps; surfaces render it to PNG unless the user said chart:off */
  chart: ChartSpec | null;
  /** how the surface shows it: to the asker alone, and (terminal) a file to write the chart to */
  delivery: Delivery;
  text: string;
}

interface Delivery {
  private: boolean;
  chartPath: string | null;
}

export type ReplyDraft = Omit<Reply, "text" | "fields" | "table" | "notes" | "sources" | "lead" | "ok" | "chart" | "delivery"> &
  Partial<Pick<Reply, "fields" | "table" | "notes" | "sources" | "lead" | "ok" | "chart" | "delivery">>;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Table cells repeat (model names, headers, units): string-width is exact but slow, so its answers are kept. */
const widths = new LRUCache<string, number>({ max: 10_000 });

/**
 * Columns of a text made only of characters whose width is plain: printable Latin-1 and general punctuation (one),
 * CJK ideographs, CJK punctuation and fullwidth forms (two), as string-width counts them; null for anything else.
 */
function plainWidth(text: string): number | null {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa1 && c <= 0xff && c !== 0xad) || (c >= 0x2010 && c <= 0x2027)) width += 1;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303e && (c < 0x302a || c > 0x302d)) || (c >= 0xff01 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)) width += 2;
    else return null;
  }
  return width;
}

/** Terminal columns a text takes: CJK and emoji take two (most cells are plain ASCII, one column per character). */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const plain = plainWidth(text);
  if (plain !== null) return plain;
  let width = widths.get(text);
  if (width === undefined) {
    width = stringWidth(text);
    if (text.length <= 200) widths.set(text, width);
  }
  return width;
}

/** Gaps and rules narrower than 64 columns are shared strings: every answer pads dozens of cells. */
const GAPS = Array.from({ length: 64 }, (_, width) => " ".repeat(width));
const gap = (width: number) => (width <= 0 ? "" : (GAPS[width] ?? " ".repeat(width)));
const RULES = GAPS.map((spaces) => spaces.replaceAll(" ", "-"));
const rule = (width: number) => RULES[width] ?? "-".repeat(width);

export function renderTable(table: Table): string {
  const widths = table.columns.map((column, i) => {
    let width = displayWidth(column);
    for (const row of table.rows) width = Math.max(width, displayWidth(row[i] ?? ""));
    return width;
  });
  const line = (cells: string[]) => {
    let text = "";
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      const padding = gap(widths[i]! - displayWidth(cell));
      text += `${i ? "  " : ""}${table.align[i] === "right" ? padding + cell : cell + padding}`;
    }
    return text.trimEnd();
  };
  let text = `${line(table.columns)}\n${widths.map(rule).join("  ")}`;
  for (const row of table.rows) text += `\n${line(row)}`;
  return text;
}

const LABELS: Record<Lang, { sources: string; asOf: string }> = {
  en: { sources: "Sources", asOf: "as of" },
  zh: { sources: "来源", asOf: "截至" },
};

export function sourcesHeading(lang: Lang, script?: Script): string {
  return inScript(`${LABELS[lang].sources}${lang === "zh" ? "：" : ":"}`, script);
}

export function renderSourceLine(source: Source, lang: Lang, script?: Script): string {
  return `${source.title} (${source.ref}, ${inScript(LABELS[lang].asOf, script)} ${source.asOf})`;
}

function renderPlainText(reply: Omit<Reply, "text">): string {
  const parts: string[] = [reply.title];
  if (reply.lead) parts.push(reply.lead);
  if (reply.fields.length) parts.push(reply.fields.map((f) => `${f.label}${reply.lang === "zh" ? "：" : ": "}${f.value}`).join("\n"));
  if (reply.table) parts.push(renderTable(reply.table));
  if (reply.notes.length) parts.push(reply.notes.map((note) => `• ${note}`).join("\n"));
  if (reply.sources.length) {
    parts.push(`${sourcesHeading(reply.lang, reply.script)}\n${reply.sources.map((s) => `- ${renderSourceLine(s, reply.lang, reply.script)}`).join("\n")}`);
  }
  return parts.join("\n\n");
}

/** An answer cites a handful of sources, mostly the same objects twice: compared in place, without a key string each. */
function uniqueSources(sources: Source[]): Source[] {
  const unique: Source[] = [];
  for (const s of sources) if (!unique.some((u) => u === s || (u.title === s.title && u.ref === s.ref && u.asOf === s.asOf))) unique.push(s);
  return unique;
}

export function makeReply(draft: ReplyDraft): Reply {
  const reply: Omit<Reply, "text"> = {
    ok: draft.ok ?? true,
    command: draft.command,
    lang: draft.lang,
    ...(draft.script ? { script: draft.script } : {}),
    title: draft.title,
    lead: draft.lead ?? "",
    fields: draft.fields ?? [],
    table: draft.table ?? null,
    notes: draft.notes ?? [],
    sources: uniqueSources(draft.sources ?? []),
    data: draft.data,
    chart: draft.chart ?? null,
    delivery: draft.delivery ?? { private: false, chartPath: null },
  };
  return Object.defineProperty(reply, "text", TEXT_WHEN_READ) as Reply;
}

const renderedTexts = new WeakMap<object, string>();
/**
 * A reply's plain text, rendered when first read: chat surfaces draw their own blocks and embeds, and most replies
 * never need it. One getter shared by every reply (`this` is the reply): a closure per reply gave each its own hidden
 * class, allocated straight into the old generation (~300 B a reply, and ~2 µs) that only a full GC reclaims.
 */
const TEXT_WHEN_READ: PropertyDescriptor = {
  enumerable: true,
  get(this: Omit<Reply, "text">) {
    let text = renderedTexts.get(this);
    if (text === undefined) {
      text = renderPlainText(this);
      renderedTexts.set(this, text);
    }
    return text;
  },
};

/** The JSON contract: what `--json` prints and what tests and scripts read. */
export function replyToJson(reply: Reply): Record<string, unknown> {
  return {
    ok: reply.ok,
    command: reply.command,
    lang: reply.lang,
    ...(reply.script ? { script: reply.script } : {}),
    title: reply.title,
    text: reply.text,
    data: reply.data,
    sources: reply.sources,
  };
}
