import type { Reply } from "../../core/reply/reply.ts";
import { CHART_THEME, deliverReply } from "../chart-delivery.ts";
import { renderDiscordMessage, withChartImage, type ChartFile, type DiscordMessage } from "./embeds.ts";
import type { DiscordDeps } from "./interactions.ts";

/** The three things each Discord path (gateway command, gateway message, HTTP interaction) does its own way. */
interface DiscordPoster {
  /** Shows the answer: to everyone, or to the asker alone (errors, private answers). */
  post(message: DiscordMessage, privately: boolean): Promise<void>;
  /** Replaces the posted answer with the same answer and its chart. */
  attach(message: DiscordMessage, file: ChartFile): Promise<void>;
  /** A short note to the asker: ephemeral for interactions, on the answer itself for messages. */
  note(text: string): Promise<void>;
}

/** A reply on Discord under the shared delivery policy, with the dark chart theme. */
export function deliverToDiscord(deps: DiscordDeps, reply: Reply, poster: DiscordPoster): Promise<void> {
  const privately = !reply.ok || reply.delivery.private;
  return deliverReply<DiscordMessage>(
    reply,
    {
      theme: CHART_THEME.discord,
      postAnswer: async (shown) => {
        const message = renderDiscordMessage(shown);
        await poster.post(message, privately);
        return message;
      },
      attachChart: (message, png, chart) => {
        const charted = withChartImage(message, png, chart);
        return poster.attach(charted.message, charted.file);
      },
      tellChartMissing: (_message, note) => poster.note(note),
      log: (problem, error, r) => deps.logger.error({ err: error, surface: "discord", command: r.command }, problem),
    },
    deps.charts,
  );
}
