import { writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { parseLine, type Dispatcher } from "../../core/dispatch.ts";
import { inScript } from "../../core/i18n/script.ts";
import { translator } from "../../core/i18n/translate.ts";
import type { Reply } from "../../core/reply.ts";

function localUser(): string {
  try {
    return userInfo().username;
  } catch {
    // some containers have no passwd entry
    return "local";
  }
}

/** The local terminal user is the machine's user, and an admin of their own bot. */
export function answerLine(dispatcher: Dispatcher, line: string, conversation: string | null = null): Promise<Reply> {
  const { command, text } = parseLine(line);
  return dispatcher.answer({ command, text, user: { id: localUser() }, isAdmin: true, surface: "terminal", conversation });
}

/** Writes the reply's chart where `chart:<path>.png` asked; says what happened in the reply's language, never throws. */
export async function writeChartIfAsked(reply: Reply): Promise<string | null> {
  const path = reply.delivery.chartPath;
  if (!path || !reply.chart) return null;
  const t = translator(reply.lang);
  try {
    // the renderer (a native module) is loaded only when a chart is written, so the terminal starts without it
    const { renderChartPng } = await import("../../charts/render.ts");
    await writeFile(path, await renderChartPng(reply.chart));
    return inScript(t("chart.written", { path }), reply.script);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return inScript(t("chart.notWritten", { path, reason }), reply.script);
  }
}
