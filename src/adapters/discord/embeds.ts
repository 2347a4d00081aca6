import { CHART_FILE_NAME } from "../../charts/render.ts";
import type { ChartSpec } from "../../core/reply/chart-spec.ts";
import { inScript } from "../../core/i18n/script.ts";
import { renderTable, type Reply, type Source } from "../../core/reply/reply.ts";
import { escapeDiscord, withoutInvisibleControls } from "./markdown.ts";
import { kept } from "../../core/kept.ts";

/** Discord's published limits, respected by construction. */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  total: 6000,
  content: 2000,
} as const;

interface DiscordEmbed {
  title: string;
  description?: string;
  color: number;
  fields: { name: string; value: string; inline: boolean }[];
  image?: { url: string };
}

export interface DiscordMessage {
  content?: string;
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: [] };
}

const TRIMMED: Record<Reply["lang"], string> = {
  en: "*(answer trimmed to fit Discord; ask with fewer models or in the terminal for all of it)*",
  zh: "*（回答过长，已截断以适应Discord；可减少模型数量或在终端查看完整内容）*",
};
const SOURCES: Record<Reply["lang"], string> = { en: "Sources", zh: "来源" };
const AS_OF: Record<Reply["lang"], string> = { en: "as of", zh: "截至" };
const COLOR = { ok: 0x2b6cb0, error: 0xd64545 };

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Each source's line by language and script, written once: answers about the same models cite the same sources. */
const writtenLines = new WeakMap<Source, Map<string, string>>();
const perLangAndScript = (): Map<string, string> => new Map();

function sourceLine(source: Source, lang: Reply["lang"], script: Reply["script"]): string {
  const lines = kept(writtenLines, source, perLangAndScript);
  const key = `${lang}:${script ?? ""}`;
  let line = lines.get(key);
  if (line === undefined) {
    const label = source.title.replace(/[[\]]/g, "");
    const asOf = `${inScript(AS_OF[lang], script)} ${source.asOf}`;
    line = /^https?:\/\//.test(source.ref) ? `[${label}](${source.ref}) · ${asOf}` : `${label} · ${asOf}`;
    lines.set(key, line);
  }
  return line;
}

function sourceLines(reply: Reply): string {
  const lines: string[] = [];
  let length = 0;
  for (const source of reply.sources) {
    const line = sourceLine(source, reply.lang, reply.script);
    if (length + line.length + 1 > DISCORD_LIMITS.fieldValue) break;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join("\n");
}

/** Reply → one embed within Discord's limits; nothing the bot echoes can mention anyone. */
export function renderDiscordMessage(reply: Reply): DiscordMessage {
  const title = truncate(withoutInvisibleControls(reply.title), DISCORD_LIMITS.title);
  const fields = reply.fields.slice(0, DISCORD_LIMITS.fields - 1).map((field) => ({
    name: truncate(escapeDiscord(field.label.trim()) || "—", DISCORD_LIMITS.fieldName),
    value: truncate(escapeDiscord(field.value.trim()) || "—", DISCORD_LIMITS.fieldValue),
    inline: false,
  }));
  const sources = sourceLines(reply);
  if (sources) fields.push({ name: inScript(SOURCES[reply.lang], reply.script), value: sources, inline: false });

  // written piece by piece into one string: an answer's description is most of what it allocates
  let description = reply.lead ? escapeDiscord(reply.lead) : "";
  const paragraph = (text: string) => {
    description = description ? `${description}\n\n${text}` : text;
  };
  // a backtick in a cell must not close the code block early
  if (reply.table) paragraph(`\`\`\`\n${withoutInvisibleControls(renderTable(reply.table)).replace(/`/g, "ˋ")}\n\`\`\``);
  if (reply.notes.length) {
    let notes = "";
    for (const note of reply.notes) notes += `${notes ? "\n" : ""}• ${escapeDiscord(note)}`;
    paragraph(notes);
  }
  const used = title.length + fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  const budget = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.total - used);
  if (description.length > budget) {
    const note = `\n\n${inScript(TRIMMED[reply.lang], reply.script)}`;
    let cut = description.slice(0, Math.max(0, budget - note.length));
    // keep a code block closed if the cut landed inside it
    if ((cut.match(/```/g) ?? []).length % 2 === 1) cut = `${cut.slice(0, Math.max(0, cut.length - 4))}\n\`\`\``;
    description = `${cut}${note}`;
  }
  return {
    embeds: [{ title, ...(description ? { description } : {}), color: reply.ok ? COLOR.ok : COLOR.error, fields }],
    allowed_mentions: { parse: [] },
  };
}

export interface ChartFile {
  name: string;
  data: Buffer;
  description: string;
}

/** The message with the chart PNG as an attachment shown inside its embed. */
export function withChartImage(message: DiscordMessage, png: Buffer, chart: ChartSpec): { message: DiscordMessage; file: ChartFile } {
  const file = { name: CHART_FILE_NAME, data: png, description: chart.title.slice(0, 1024) };
  const [first, ...rest] = message.embeds;
  return { message: { ...message, embeds: [{ ...first!, image: { url: `attachment://${CHART_FILE_NAME}` } }, ...rest] }, file };
}
