import { writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { parseLine, type Dispatcher } from "../../core/dispatch/dispatch.ts";
import { inScript } from "../../core/i18n/script.ts";
import { translator } from "../../core/i18n/translate.ts";
import type { Reply } from "../../core/reply/reply.ts";
import type { ChartSource } from "../chart-delivery.ts";

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

/**
 * Writes the reply's chart where `chart:<path>.png` asked, after the answer is shown; says what happened in the
 * reply's language (written, skipped while the renderer is busy, or why not), never throws.
 */
export async function writeChartIfAsked(reply: Reply, charts?: ChartSource): Promise<string | null> {
  const path = reply.delivery.chartPath;
  if (!path || !reply.chart) return null;
  const t = translator(reply.lang);
  try {
    // the renderer is loaded only when a chart is written, so the terminal starts without it
    const { CHART_THEME } = await import("../chart-delivery.ts");
    const source = charts ?? (await import("../../charts/render.ts")).chartRenderer();
    const options = { theme: CHART_THEME.terminal };
    if (!source.canTake(reply.chart, options)) return inScript(t("chart.skipped"), reply.script);
    await writeFile(path, await source.render(reply.chart, options));
    return inScript(t("chart.written", { path }), reply.script);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return inScript(t("chart.notWritten", { path, reason }), reply.script);
  }
}
