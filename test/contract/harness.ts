import type { ChartSource } from "../../src/adapters/chart-delivery.ts";
import { ChartRenderer, type ChartTheme } from "../../src/charts/render.ts";
import { commands } from "../../commands/index.ts";
import type { ChartSpec } from "../../src/core/reply/chart-spec.ts";
import { MemoryConversations } from "../../src/core/conversation/conversation.ts";
import { createDispatcher, type Dispatcher } from "../../src/core/dispatch/dispatch.ts";
import type { KnowledgeSnapshot } from "../../src/core/knowledge/snapshot.ts";
import { MemoryRateLimit } from "../../src/core/conversation/rate-limit.ts";
import { asLive, TODAY } from "../helpers.ts";

/**
 * The real renderer, or one whose queue is full ("busy") or whose rasterizing fails ("broken"): what every surface
 * must survive without losing an answer.
 */
class ChartsUnderTest implements ChartSource {
  mode: "draw" | "busy" | "broken" = "draw";
  readonly themes: ChartTheme[] = [];
  private readonly renderer = new ChartRenderer();

  canTake(spec: ChartSpec, options: { theme: ChartTheme }): boolean {
    return this.mode !== "busy" && this.renderer.canTake(spec, options);
  }

  async render(spec: ChartSpec, options: { theme: ChartTheme }): Promise<Buffer> {
    this.themes.push(options.theme);
    if (this.mode === "broken") throw new Error("rasterizing failed");
    return this.renderer.render(spec, options);
  }
}

/** What a contract driver runs against: the real commands and knowledge, a rate limit to switch on, charts to break. */
export interface Harness {
  kb: KnowledgeSnapshot;
  dispatcher: Dispatcher;
  charts: ChartsUnderTest;
  /** while on, each chat user gets one answer a minute (the terminal's user is never limited) */
  limits: { on: boolean };
}

export function harness(kb: KnowledgeSnapshot): Harness {
  const limits = { on: false };
  let bucket = new MemoryRateLimit(1, 1);
  const dispatcher = createDispatcher({
    commands,
    knowledge: asLive(kb),
    today: () => TODAY,
    conversations: new MemoryConversations(),
    limiter: {
      take: (key) => {
        if (limits.on) return bucket.take(key);
        bucket = new MemoryRateLimit(1, 1);
        return 0;
      },
    },
  });
  return { kb, dispatcher, charts: new ChartsUnderTest(), limits };
}
