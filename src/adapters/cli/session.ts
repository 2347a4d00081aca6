import { writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { renderChartPng } from "../../charts/render.ts";
import { answer, parseLine } from "../../core/dispatch.ts";
import type { Reply } from "../../core/reply.ts";
import { knowledgeDir } from "../../core/knowledge-dir.ts";
import { KnowledgeStore, type KnowledgeSource, type StoreLogger } from "../../core/knowledge-store.ts";
import { KnowledgeInvalidError, formatProblem } from "../../core/knowledge/problems.ts";

const CHART_PATH = /(?:^|\s)(?:chart|图表)[:=：](\S+\.png)(?=\s|$)/iu;

/** `chart:some/path.png` on a terminal line writes the reply's chart there; returns the path written, if any. */
export async function writeChartIfAsked(line: string, reply: Reply): Promise<string | null> {
  const path = CHART_PATH.exec(line)?.[1];
  if (!path || !reply.chart) return null;
  await writeFile(path, await renderChartPng(reply.chart));
  return path;
}

export function chartWritten(lang: Reply["lang"], path: string): string {
  return lang === "zh" ? `图表已写入 ${path}` : `Chart written to ${path}`;
}

/** The local terminal user is the machine's user, and an admin of their own bot. */
export function answerLine(knowledge: KnowledgeSource, line: string): Promise<Reply> {
  const { command, text } = parseLine(line);
  let user = "local";
  try {
    user = userInfo().username;
  } catch {
    // some containers have no passwd entry; "local" is fine
  }
  return answer(knowledge, { command, text, user: { id: user }, isAdmin: true, surface: "terminal" }, {
    error: (details, message) => console.error(message, details.err),
  });
}

/** Loads knowledge/ or exits with the list of problems (file, entry, field), never a stack trace. */
export async function loadOrExit(logger?: StoreLogger): Promise<KnowledgeStore> {
  try {
    return await KnowledgeStore.open(knowledgeDir(), { logger, catalogPath: process.env.MODELWISE_CATALOG?.trim() || undefined });
  } catch (error) {
    if (error instanceof KnowledgeInvalidError) {
      console.error(`modelwise: the knowledge folder has ${error.problems.length} problem(s):`);
      for (const problem of error.problems) console.error(`  - ${formatProblem(problem)}`);
    } else {
      console.error(`modelwise: cannot read the knowledge folder: ${(error as Error).message}`);
    }
    process.exit(1);
  }
}
