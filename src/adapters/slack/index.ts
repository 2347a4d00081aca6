import type { Server } from "node:http";
import type { ListenOptions } from "node:net";
import type { RunningSurface } from "../../runtime/surface.ts";
import { createSlackApp, type SlackDeps } from "./app.ts";

export type StartSlackDeps = SlackDeps & { listen?: ListenOptions };

/** Starts Slack: the token checked once, then Socket Mode or the HTTP endpoint (with the probes) listening. */
export async function startSlack(
  deps: StartSlackDeps,
): Promise<RunningSurface & { server: Server | null; connected(): boolean; post(channel: string, text: string): Promise<void> }> {
  const slack = createSlackApp(deps);
  const server = await slack.start(deps.listen);
  const mode = deps.config.mode;
  deps.logger.info({ surface: "slack", mode: mode.kind, ...(server ? { address: server.address() } : {}) }, "Slack is listening");
  return { name: "slack", server, connected: slack.connected, stop: slack.stop, post: slack.post };
}
