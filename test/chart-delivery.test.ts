import { describe, expect, it } from "vitest";
import { type ChartSource, deliverReply } from "../src/adapters/chart-delivery.ts";
import { ChartRenderer, ChartsBusyError } from "../src/charts/render.ts";
import type { ChartSpec } from "../src/core/reply/chart-spec.ts";
import type { Reply } from "../src/core/reply/reply.ts";
import { chartedReply, errorReply, privateReply } from "./fakes/stub-dispatcher.ts";
import { decodePng } from "./png.ts";

const input = { command: "compare", text: "gpt-5 deepseek", user: { id: "u" }, isAdmin: false, surface: "test" as const };
const PNG = Buffer.from("png");

/** A surface that records what it was asked to do, in order; any step can be made to fail. */
function recordingSurface(fail: { post?: boolean; attach?: unknown; note?: boolean } = {}) {
  const events: string[] = [];
  const logged: string[] = [];
  const surface = {
    theme: "dark" as const,
    postAnswer: async (reply: Reply) => {
      events.push(`answer${reply.notes.length ? `: ${reply.notes.at(-1)}` : ""}`);
      if (fail.post) throw new Error("the platform refused the answer");
      return "message-1";
    },
    attachChart: async (sent: string, png: Buffer) => {
      if (fail.attach) throw fail.attach;
      events.push(`chart on ${sent}: ${png.toString()}`);
    },
    tellChartMissing: async (_sent: string, note: string) => {
      if (fail.note) throw new Error("the note was refused too");
      events.push(`note: ${note}`);
    },
    uploadFailureKey: (error: unknown) => ((error as { code?: string }).code === "not_in_channel" ? ("chart.notInChannel" as const) : undefined),
    log: (problem: string) => void logged.push(problem),
  };
  return { surface, events, logged };
}

function charts(draw: () => Promise<Buffer> = async () => PNG, canTake = true) {
  const asked: string[] = [];
  const source: ChartSource = {
    canTake: () => canTake,
    render: (_spec, { theme }) => {
      asked.push(theme);
      return draw();
    },
  };
  return { source, asked };
}

describe("the one delivery policy", () => {
  it("posts the answer first, then attaches the chart drawn in the surface's theme", async () => {
    const { surface, events } = recordingSurface();
    const c = charts();
    await deliverReply(chartedReply(input), surface, c.source);
    expect(events).toEqual(["answer", "chart on message-1: png"]);
    expect(c.asked).toEqual(["dark"]);
  });

  it("never waits for the chart to post the answer", async () => {
    const { surface, events } = recordingSurface();
    let finish: (png: Buffer) => void = () => undefined;
    const pending = deliverReply(chartedReply(input), surface, charts(() => new Promise((resolve) => (finish = resolve))).source);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(["answer"]);
    finish(PNG);
    await pending;
    expect(events).toEqual(["answer", "chart on message-1: png"]);
  });

  it("draws no chart for an error or a private answer", async () => {
    for (const reply of [errorReply(input), privateReply(input)]) {
      const { surface, events } = recordingSurface();
      const c = charts();
      await deliverReply(reply, surface, c.source);
      expect(events).toEqual(["answer"]);
      expect(c.asked).toEqual([]);
    }
  });

  it("with the render queue full, answers at once with a note and draws nothing", async () => {
    const { surface, events } = recordingSurface();
    const c = charts(async () => PNG, false);
    await deliverReply(chartedReply(input), surface, c.source);
    expect(events).toEqual(["answer: Chart skipped: many answers are being drawn right now. Ask again for it."]);
    expect(c.asked).toEqual([]);
  });

  it("when drawing fails, or the queue fills meanwhile, keeps the answer and tells the asker", async () => {
    const broken = recordingSurface();
    await deliverReply(chartedReply(input), broken.surface, charts(async () => Promise.reject(new Error("resvg failed"))).source);
    expect(broken.events).toEqual(["answer", "note: The chart could not be drawn this time; the answer above is complete."]);
    const raced = recordingSurface();
    await deliverReply(chartedReply(input), raced.surface, charts(async () => Promise.reject(new ChartsBusyError({ concurrency: 1, maxWaiting: 0 }))).source);
    expect(raced.events.at(-1)).toMatch(/^note: Chart skipped/);
  });

  it("when the upload fails, tells the asker why in words they can act on", async () => {
    const notInChannel = recordingSurface({ attach: Object.assign(new Error("An API error occurred: not_in_channel"), { code: "not_in_channel" }) });
    await deliverReply(chartedReply(input), notInChannel.surface, charts().source);
    expect(notInChannel.events.at(-1)).toMatch(/^note: The chart could not be posted: the bot is not in this channel/);
    const other = recordingSurface({ attach: new Error("HTTP 500") });
    await deliverReply(chartedReply(input), other.surface, charts().source);
    expect(other.events.at(-1)).toBe("note: The chart could not be posted here; the answer above is complete.");
  });

  it("says it in the answer's language and script", async () => {
    const { surface, events } = recordingSurface({ attach: new Error("HTTP 500") });
    await deliverReply({ ...chartedReply(input), lang: "zh" }, surface, charts().source);
    expect(events.at(-1)).toBe("note: 图表未能发布到这里；上面的回答是完整的。");
    const traditional = recordingSurface({ attach: new Error("HTTP 500") });
    await deliverReply({ ...chartedReply(input), lang: "zh", script: "Hant" }, traditional.surface, charts().source);
    expect(traditional.events.at(-1)).toMatch(/^note: 圖表未能.*這裡/);
  });

  it("rejects only when the answer itself could not be posted, and then tells nothing about a chart", async () => {
    const { surface, events } = recordingSurface({ post: true });
    await expect(deliverReply(chartedReply(input), surface, charts().source)).rejects.toThrow("refused the answer");
    expect(events).toEqual(["answer"]);
  });

  it("logs a note that could not be posted either, and settles", async () => {
    const { surface, logged } = recordingSurface({ attach: new Error("HTTP 500"), note: true });
    await expect(deliverReply(chartedReply(input), surface, charts().source)).resolves.toBeUndefined();
    expect(logged).toEqual(["chart upload failed; the answer was posted", "the note about a missing chart could not be posted"]);
  });
});

describe("a chart asked for again", () => {
  it("comes from the cache, the same bytes without drawing again, even while the render queue is full", async () => {
    const renderer = new ChartRenderer({ concurrency: 1, maxWaiting: 1 });
    const charts: Buffer[] = [];
    const notes: string[] = [];
    const surface = {
      ...recordingSurface().surface,
      postAnswer: async (reply: Reply) => {
        notes.push(...reply.notes);
        return "message";
      },
      attachChart: async (_sent: string, png: Buffer) => void charts.push(png),
    };
    await deliverReply(chartedReply(input), surface, renderer);
    // two other charts fill the queue: one drawing, one waiting
    const other = (title: string): ChartSpec => ({ ...chartedReply(input).chart!, title });
    const filling = [renderer.render(other("one"), { theme: "dark" }), renderer.render(other("two"), { theme: "dark" })];
    expect(renderer.canTake(other("three"), { theme: "dark" })).toBe(false);
    await deliverReply(chartedReply(input), surface, renderer);
    expect(notes).toEqual([]);
    expect(charts).toHaveLength(2);
    expect(charts[1]!.equals(charts[0]!)).toBe(true);
    expect(decodePng(charts[1]!).background.luminance).toBeLessThan(0.2);
    await Promise.all(filling);
    expect(renderer.stats).toMatchObject({ rendered: 3, cacheHits: 1, refused: 0 });
    await renderer.close();
  });
});
