import type { types as SlackTypes } from "@slack/bolt";
import { inScript } from "../../core/i18n/script.ts";
import { renderTable, type Reply } from "../../core/reply/reply.ts";
import { escapeSlack, plainSlack, slackLink } from "./escape.ts";

/** Slack's published limits, respected by construction. */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  fallbackText: 3000,
} as const;

const TRIMMED: Record<Reply["lang"], string> = {
  en: "_(answer trimmed to fit Slack; ask in the terminal or with fewer models for all of it)_",
  zh: "_（回答过长，已截断以适应Slack；可在终端查看完整内容或减少模型数量）_",
};
type KnownBlock = SlackTypes.KnownBlock;

const AS_OF: Record<Reply["lang"], string> = { en: "as of", zh: "截至" };
/** An error is marked where people look first, so it never reads like an answer (private answers are not errors). */
const ERROR_MARK = "⚠️ ";

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** Splits text into pieces of at most `max` characters, at line breaks where possible. */
function chunkText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) current = candidate;
    else {
      if (current) chunks.push(current);
      let rest = line;
      while (rest.length > max) {
        chunks.push(rest.slice(0, max));
        rest = rest.slice(max);
      }
      current = rest;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

function section(text: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

function tableBlocks(reply: Reply): KnownBlock[] {
  if (!reply.table) return [];
  const fence = "```";
  const lines = escapeSlack(renderTable(reply.table)).split("\n");
  const budget = SLACK_LIMITS.sectionText - fence.length * 2 - 2;
  return chunkText(lines.join("\n"), budget).map((chunk) => section(`${fence}\n${chunk}\n${fence}`));
}

function fieldBlocks(reply: Reply): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < reply.fields.length; i += SLACK_LIMITS.fieldsPerSection) {
    blocks.push({
      type: "section",
      fields: reply.fields.slice(i, i + SLACK_LIMITS.fieldsPerSection).map((field) => ({
        type: "mrkdwn",
        text: truncate(`*${escapeSlack(field.label)}*\n${escapeSlack(field.value)}`, SLACK_LIMITS.fieldText),
      })),
    });
  }
  return blocks;
}

function sourceBlocks(reply: Reply): KnownBlock[] {
  if (!reply.sources.length) return [];
  const elements = reply.sources.slice(0, SLACK_LIMITS.contextElements).map((source) => ({
    type: "mrkdwn" as const,
    text: truncate(`${slackLink(source.ref, source.title)} · ${inScript(AS_OF[reply.lang], reply.script)} ${source.asOf}`, SLACK_LIMITS.fieldText),
  }));
  return [{ type: "context", elements }];
}

/** Reply → Block Kit: header, lead, fields, table, notes, sources, all escaped and within Slack's limits. */
export function renderSlackBlocks(reply: Reply): { blocks: KnownBlock[]; text: string } {
  const body: KnownBlock[] = [];
  if (reply.lead) body.push(...chunkText(escapeSlack(reply.lead), SLACK_LIMITS.sectionText).map(section));
  body.push(...fieldBlocks(reply), ...tableBlocks(reply));
  if (reply.notes.length) {
    const notes = reply.notes.map((note) => `• ${escapeSlack(note)}`).join("\n");
    body.push(...chunkText(notes, SLACK_LIMITS.sectionText).map(section));
  }
  const title = `${reply.ok ? "" : ERROR_MARK}${plainSlack(reply.title)}`;
  const header: KnownBlock = { type: "header", text: { type: "plain_text", text: truncate(title, SLACK_LIMITS.headerText) } };
  const sources = sourceBlocks(reply);
  const room = SLACK_LIMITS.blocks - 1 - sources.length;
  const kept = body.length > room ? [...body.slice(0, room - 1), section(inScript(TRIMMED[reply.lang], reply.script))] : body;
  return {
    blocks: [header, ...kept, ...sources],
    text: truncate(plainSlack(escapeSlack(`${title}\n${reply.lead}`.trim())), SLACK_LIMITS.fallbackText),
  };
}
