import type { Server } from "node:http";
import type { ListenOptions } from "node:net";
import { App, LogLevel, type webApi } from "@slack/bolt";
import type pino from "pino";
import { parseLine, type Dispatcher } from "../../core/dispatch.ts";
import type { Reply } from "../../core/reply.ts";
import { ConfigError } from "../../config/env-error.ts";
import type { InFlight } from "../../runtime/in-flight.ts";
import { CHART_FILE_NAME, renderChartPng } from "../../charts/render.ts";
import { renderSlackBlocks } from "./blocks.ts";
import type { SlackConfig } from "../../config/slack.ts";
import { boltLogger } from "./logger.ts";

type BoltApp = App;
type WebClient = webApi.WebClient;

export interface SlackDeps {
  config: SlackConfig;
  dispatcher: Dispatcher;
  logger: pino.Logger;
  inFlight: InFlight;
}

function slackAnswer(deps: SlackDeps, command: string | null, text: string, userId: string): Promise<Reply> {
  const input = { command, text, user: { id: userId }, isAdmin: deps.config.adminUserIds.includes(userId), surface: "slack" as const };
  return deps.inFlight.track(deps.dispatcher.answer(input));
}

/** Posts the reply's chart with files.uploadV2, alt text included; a failed upload never loses the answer. */
async function uploadChart(client: WebClient, deps: SlackDeps, reply: Reply, channel: string, thread?: string): Promise<void> {
  if (!reply.ok || !reply.chart) return;
  try {
    const file = { file: await renderChartPng(reply.chart), filename: CHART_FILE_NAME, title: reply.chart.title, alt_text: reply.chart.title };
    await (thread ? client.files.uploadV2({ ...file, channel_id: channel, thread_ts: thread }) : client.files.uploadV2({ ...file, channel_id: channel }));
  } catch (error) {
    deps.logger.warn({ surface: "slack", code: (error as { code?: string }).code }, "chart upload failed; the answer was posted");
  }
}

/** The Slack surface: every registry command as a slash command, plus @mentions answered in the thread. */
export function createSlackApp(deps: SlackDeps): BoltApp {
  const { config } = deps;
  const secrets = [config.botToken, config.mode.kind === "socket" ? config.mode.appToken : "", config.mode.signingSecret ?? ""];
  const logger = boltLogger(deps.logger.child({ surface: "slack" }), secrets);
  const app = new App({
    token: config.botToken,
    ...(config.mode.kind === "socket"
      ? { socketMode: true, appToken: config.mode.appToken }
      : { signingSecret: config.mode.signingSecret }),
    clientOptions: config.apiUrl ? { slackApiUrl: config.apiUrl } : {},
    logger,
    // commands and mentions need no conversation state; skipping Bolt's store saves work on every request
    convoStore: false,
    logLevel: deps.logger.isLevelEnabled("debug") ? LogLevel.DEBUG : LogLevel.INFO,
    // startSlackApp checks the token itself, so a bad one is a clear startup error, not an unhandled rejection
    tokenVerificationEnabled: false,
  });

  for (const { spec } of deps.dispatcher.commands) {
    app.command(`/${spec.name}`, async ({ command, ack, respond, client }) => {
      await ack();
      const reply = await slackAnswer(deps, spec.name, command.text ?? "", command.user_id);
      const ephemeral = !reply.ok || reply.delivery.private;
      await respond({ ...renderSlackBlocks(reply), response_type: ephemeral ? "ephemeral" : "in_channel" });
      if (!ephemeral) await uploadChart(client, deps, reply, command.channel_id);
    });
  }

  app.event("app_mention", async ({ event, say, client }) => {
    const line = (event.text ?? "").replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, " ").trim();
    const { command, text } = parseLine(line);
    const reply = await slackAnswer(deps, command, text, event.user ?? "unknown");
    const thread = event.thread_ts ?? event.ts;
    await say({ ...renderSlackBlocks(reply), thread_ts: thread });
    await uploadChart(client, deps, reply, event.channel, thread);
  });

  app.error(async (error) => {
    deps.logger.error({ surface: "slack", code: (error as { code?: string }).code }, "slack listener failed");
  });
  return app;
}

/** Checks the bot token with Slack, then starts listening; a rejected token is a startup error naming the variable. */
export async function startSlackApp(app: BoltApp, config: SlackConfig, listen?: ListenOptions): Promise<Server | null> {
  try {
    await app.client.auth.test();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
    throw new ConfigError("SLACK_BOT_TOKEN", `Slack did not accept it (${code})`);
  }
  if (config.mode.kind === "socket") {
    await app.start();
    return null;
  }
  return (await app.start(listen ?? { port: config.mode.port })) as Server;
}
