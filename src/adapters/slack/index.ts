import type { RunningSurface } from "../../runtime/surface.ts";
import { createSlackApp, startSlackApp, type SlackDeps } from "./app.ts";


export async function startSlack(deps: SlackDeps): Promise<RunningSurface> {
  const app = createSlackApp(deps);
  await startSlackApp(app, deps.config);
  const mode = deps.config.mode;
  deps.logger.info({ surface: "slack", mode: mode.kind, ...(mode.kind === "http" ? { port: mode.port } : {}) }, "Slack is listening");
  return {
    name: "slack",
    stop: async () => {
      await app.stop();
    },
  };
}
