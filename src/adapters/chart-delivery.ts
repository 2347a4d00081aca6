import { type ChartTheme, chartRenderer } from "../charts/render.ts";
import type { ChartSpec } from "../core/reply/chart-spec.ts";
import type { MessageKey } from "../core/i18n/catalog.ts";
import { inScript } from "../core/i18n/script.ts";
import { translator } from "../core/i18n/translate.ts";
import type { Reply } from "../core/reply/reply.ts";

/** Where charts come from: the process's renderer (one bounded queue for every surface), or a stand-in in tests. */
export interface ChartSource {
  /** false when this chart would be refused (not drawn before and the render queue full): the answer then goes out with a note instead of waiting */
  canTake(spec: ChartSpec, options: { theme: ChartTheme }): boolean;
  render(spec: ChartSpec, options: { theme: ChartTheme }): Promise<Buffer>;
}

/** Each surface's chart colours: Discord's clients are dark by default, Slack's and printed PNGs light. */
export const CHART_THEME = { slack: "light", discord: "dark", terminal: "light" } as const satisfies Record<string, ChartTheme>;

/** How one surface shows an answer, adds its chart afterwards, and tells the asker when the chart cannot follow. */
interface AnswerSurface<Sent> {
  theme: ChartTheme;
  /** Posts the answer (its notes already say when the chart was skipped); resolves with what identifies the post. */
  postAnswer(reply: Reply): Promise<Sent>;
  /** Adds the chart to the posted answer: an edit with the attachment, or an upload beside it. */
  attachChart(sent: Sent, png: Buffer, chart: ChartSpec): Promise<void>;
  /** A short note to the asker (ephemeral where the platform allows) that the chart did not follow. */
  tellChartMissing(sent: Sent, note: string): Promise<void>;
  /** Why an upload failed, in the words the asker can act on (Slack's not_in_channel …); default: a plain note. */
  uploadFailureKey?(error: unknown): MessageKey | undefined;
  log(problem: string, error: unknown, reply: Reply): void;
}

const wantsChart = (reply: Reply): reply is Reply & { chart: ChartSpec } => reply.ok && reply.chart !== null && !reply.delivery.private;

/**
 * The one delivery policy: the answer goes out first (or alone) and never waits for its chart; the chart is drawn
 * meanwhile and attached when ready. A full render queue means the answer carries a note; a chart that fails to draw
 * or to upload is followed by a note to the asker. Rejects only when the answer itself could not be posted.
 */
export async function deliverReply<Sent>(reply: Reply, surface: AnswerSurface<Sent>, charts: ChartSource = chartRenderer()): Promise<void> {
  // in the answer's own language and script (Traditional for a question typed in it)
  const translate = translator(reply.lang);
  const t = (key: MessageKey) => inScript(translate(key), reply.script);
  if (!wantsChart(reply)) return void (await surface.postAnswer(reply));
  const chart = reply.chart;
  if (!charts.canTake(chart, { theme: surface.theme })) return void (await surface.postAnswer({ ...reply, notes: [...reply.notes, t("chart.skipped")] }));
  // the answer is on its way before the chart's drawing (a few ms of SVG here) starts, and both proceed together
  const posting = surface.postAnswer(reply);
  const drawing = charts.render(chart, { theme: surface.theme });
  // awaited below, once the answer is out; until then a failure must not surface as unhandled
  drawing.catch(() => undefined);
  const sent = await posting;
  const tell = (key: MessageKey, error: unknown, problem: string) => {
    surface.log(problem, error, reply);
    return surface.tellChartMissing(sent, t(key)).catch((e) => surface.log("the note about a missing chart could not be posted", e, reply));
  };
  let png: Buffer;
  try {
    png = await drawing;
  } catch (error) {
    const busy = (error as { code?: string }).code === "charts_busy";
    return tell(busy ? "chart.skipped" : "chart.failed", error, busy ? "chart refused: the render queue filled up" : "chart drawing failed; the answer was posted");
  }
  try {
    await surface.attachChart(sent, png, chart);
  } catch (error) {
    return tell(surface.uploadFailureKey?.(error) ?? "chart.notPosted", error, "chart upload failed; the answer was posted");
  }
}
