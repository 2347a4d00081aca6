import type { Server } from "node:http";
import type { ListenOptions } from "node:net";
import { App, LogLevel, SocketModeReceiver, type AuthorizeResult, type webApi } from "@slack/bolt";
import type pino from "pino";
import { parseLine, type Dispatcher } from "../../core/dispatch/dispatch.ts";
import { acknowledgeFirst, type CommandInput } from "../../core/dispatch/command.ts";
import type { Reply } from "../../core/reply/reply.ts";
import type { InFlight } from "../../runtime/in-flight.ts";
import { localSeenOnce, type SeenOnce } from "../../runtime/seen-once.ts";
import type { ProbeHandler } from "../../runtime/surface.ts";
import { CHART_FILE_NAME } from "../../charts/render.ts";
import type { ChartSpec } from "../../core/reply/chart-spec.ts";
import type { MessageKey } from "../../core/i18n/catalog.ts";
import { detectLang } from "../../core/i18n/lang.ts";
import { answerScript, inScript } from "../../core/i18n/script.ts";
import { translator } from "../../core/i18n/translate.ts";
import { CHART_THEME, deliverReply, type ChartSource } from "../chart-delivery.ts";
import { ANSWER_IN_REPLY_MS, within } from "../within.ts";
import { DEFAULT_NAMING, type SlackConfig } from "../../config/slack.ts";
import { renderSlackBlocks } from "./blocks.ts";
import { routeUmbrella, slackSlashCommands, type SlackSlashCommand } from "./command-names.ts";
import { SlackHttpReceiver } from "./http-receiver.ts";
import { checkSlackToken, TOKEN_CHECK_TIMEOUT_MS, WEB_API_RETRIES, WEB_API_TIMEOUT_MS } from "./identity.ts";
import { boltLogger } from "./logger.ts";
import { postToResponseUrl, RESPONSE_URL_TIMING, type RetryTiming } from "./response-url.ts";

type WebClient = webApi.WebClient;
type Ack = (message?: object) => Promise<void>;

/** Retry and timeout settings of the calls to Slack; production uses the defaults, tests shorten them. */
export interface SlackTiming {
  webApiRetries: typeof WEB_API_RETRIES;
  webApiTimeoutMs: number;
  tokenCheckTimeoutMs: number;
  responseUrl: RetryTiming;
  /** the longest a Web API 429's Retry-After is waited for (Slack's own client would wait any time it is told) */
  maxRetryAfterS: number;
  /** how long a slash command's answer is waited for to go out in the acknowledgement itself (0: never); later ones go to response_url */
  answerInAckMs: number;
}

const DEFAULT_TIMING: SlackTiming = {
  webApiRetries: WEB_API_RETRIES,
  webApiTimeoutMs: WEB_API_TIMEOUT_MS,
  tokenCheckTimeoutMs: TOKEN_CHECK_TIMEOUT_MS,
  responseUrl: RESPONSE_URL_TIMING,
  maxRetryAfterS: 10,
  answerInAckMs: ANSWER_IN_REPLY_MS,
};

/** fetch for Slack's Web API client, with a 429's Retry-After cut to `maxS` seconds before the client reads it. */
function fetchWithCappedRetryAfter(maxS: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const seconds = Number(response.headers.get("retry-after"));
    if (response.status !== 429 || !(seconds > maxS)) return response;
    const headers = new Headers(response.headers);
    headers.set("retry-after", String(maxS));
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

export interface SlackDeps {
  config: SlackConfig;
  dispatcher: Dispatcher;
  logger: pino.Logger;
  inFlight: InFlight;
  /** health and metrics probes, answered first on the HTTP server */
  probe?: ProbeHandler;
  /** signatures and event ids already accepted, shared by instances through Redis */
  seen?: SeenOnce;
  timing?: Partial<SlackTiming>;
  /** where charts are drawn; default: the process's renderer */
  charts?: ChartSource;
}

export interface SlackApp {
  bolt: App;
  /** Checks the token (one auth.test), then listens: an HTTP server, or null in Socket Mode. */
  start(listen?: ListenOptions): Promise<Server | null>;
  stop(): Promise<void>;
  connected(): boolean;
  /** A plain message in a channel, with the bot token (the bot must be a member of it). */
  post(channel: string, text: string): Promise<void>;
}

interface Asker {
  userId: string;
  channel: string;
}

/** The Slack surface: `/<prefix> <command>` and the short commands, plus @mentions answered in the thread. */
export function createSlackApp(deps: SlackDeps): SlackApp {
  const { config, dispatcher } = deps;
  const timing = { ...DEFAULT_TIMING, ...deps.timing };
  const log = deps.logger.child({ surface: "slack" });
  const secrets = [config.botToken, config.mode.kind === "socket" ? config.mode.appToken : "", config.mode.signingSecret ?? ""];
  const logger = boltLogger(log, secrets);
  const logLevel = deps.logger.isLevelEnabled("debug") ? LogLevel.DEBUG : LogLevel.INFO;
  const slashCommands = slackSlashCommands(dispatcher.commands, config.naming ?? DEFAULT_NAMING);
  let identity: AuthorizeResult | null = null;
  let socketConnected = false;

  const receiver =
    config.mode.kind === "socket"
      ? new SocketModeReceiver({ appToken: config.mode.appToken, logger, logLevel, installerOptions: { clientOptions: config.apiUrl ? { slackApiUrl: config.apiUrl } : {} } })
      : new SlackHttpReceiver({ signingSecret: config.mode.signingSecret, logger: log, probe: deps.probe, seen: deps.seen });
  if (receiver instanceof SocketModeReceiver) {
    receiver.client.on("connected", () => (socketConnected = true));
    receiver.client.on("disconnected", () => (socketConnected = false));
  }

  const app = new App({
    receiver,
    // the token was checked once at start; Bolt's own token option would call auth.test on every request
    authorize: async () => {
      if (!identity) throw new Error("the Slack token has not been checked yet");
      return identity;
    },
    clientOptions: {
      ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
      retryConfig: timing.webApiRetries,
      timeout: timing.webApiTimeoutMs,
      fetch: fetchWithCappedRetryAfter(timing.maxRetryAfterS),
    },
    logger,
    logLevel,
    // commands and mentions need no conversation state; skipping Bolt's store saves work on every request
    convoStore: false,
  });

  // the HTTP receiver refuses a retried event itself; in Socket Mode a retry may come over any instance's connection
  if (config.mode.kind === "socket") {
    const seen = deps.seen ?? localSeenOnce();
    app.use(async ({ body, next }) => {
      const eventId = (body as { event_id?: unknown }).event_id;
      if (typeof eventId === "string" && !(await seen.firstEvent(eventId))) return;
      await next();
    });
  }

  const answer = (command: string | null, text: string, userId: string, conversation: string | null = null): Promise<Reply> => {
    const input: CommandInput = { command, text, user: { id: userId }, isAdmin: config.adminUserIds.includes(userId), surface: "slack", conversation };
    return dispatcher.answer(input);
  };

  const lost = (what: string, reply: Reply, details: Record<string, unknown>) => log.error({ command: reply.command, ...details }, `${what} could not be delivered and is lost`);

  /** The chart as a file in the channel (or thread), alt text included. */
  const uploadChart = async (client: WebClient, png: Buffer, chart: ChartSpec, channel: string, thread?: string) => {
    const file = { file: png, filename: CHART_FILE_NAME, title: chart.title, alt_text: chart.title };
    await (thread ? client.files.uploadV2({ ...file, channel_id: channel, thread_ts: thread }) : client.files.uploadV2({ ...file, channel_id: channel }));
  };

  /** What every Slack answer shares in the delivery policy (chart-delivery.ts): light charts, Slack's error words. */
  const slackSurface = {
    theme: CHART_THEME.slack,
    uploadFailureKey: (error: unknown): MessageKey | undefined => (slackErrorCode(error) === "not_in_channel" ? "chart.notInChannel" : undefined),
    log: (problem: string, error: unknown, reply: Reply) => log.warn({ command: reply.command, code: slackErrorCode(error), err: error }, problem),
  };

  /**
   * A slash command's answer goes out in the acknowledgement itself when it is ready within `answerInAckMs` (nearly
   * always: no second request, nothing held to post later); a slow one is acknowledged at once and posted to
   * response_url when done.
   */
  const answerSlash = async (entry: SlackSlashCommand, body: { text?: string; user_id: string; channel_id: string; response_url: string }, client: WebClient, ack: Ack) => {
    const routed = entry.umbrella ? routeUmbrella(dispatcher, body.text ?? "") : { command: entry.command.spec.name, text: body.text ?? "" };
    const work = answer(routed.command, routed.text, body.user_id);
    // free text under the umbrella (no command) is answered as /ask answers it, a pasted document included
    const slow = acknowledgeFirst(dispatcher.find(routed.command)?.spec, routed.text.length);
    const waitMs = slow ? 0 : timing.answerInAckMs;
    let reply = waitMs > 0 ? await within(work, waitMs) : null;
    let acknowledged = false;
    if (!reply) {
      acknowledged = true;
      await ack();
      reply = await work;
    }
    const privately = !reply.ok || reply.delivery.private;
    await deliverReply(
      reply,
      {
        ...slackSurface,
        postAnswer: async (shown) => {
          const message = { ...renderSlackBlocks(shown), response_type: privately ? "ephemeral" : "in_channel" };
          if (!acknowledged) return void (await ack(message));
          const delivered = await postToResponseUrl(body.response_url, message, timing.responseUrl);
          if (!delivered.ok) throw new AnswerNotDelivered({ status: delivered.status, reason: delivered.reason });
        },
        attachChart: (_sent, png, chart) => uploadChart(client, png, chart, body.channel_id),
        // the response_url reaches the asker even where the bot may not post (not_in_channel)
        tellChartMissing: async (_sent, note) => {
          const told = await postToResponseUrl(body.response_url, { text: note, response_type: "ephemeral", replace_original: false }, timing.responseUrl);
          if (!told.ok) throw new Error(`response_url: ${told.reason}`);
        },
      },
      deps.charts,
    ).catch((error) => lost("the answer", reply, error instanceof AnswerNotDelivered ? error.details : { code: slackErrorCode(error) }));
  };

  for (const entry of slashCommands) {
    app.command(entry.slash, async ({ command, ack, client }) => {
      // under a flood the question is turned away in the acknowledgement itself (only the asker sees it), so nothing
      // is kept to answer later: memory stays bounded and the asker knows at once to ask again
      if (deps.inFlight.full) return void (await ack({ response_type: "ephemeral", text: busyText(command.text ?? "") }));
      await deps.inFlight.track(answerSlash(entry, command, client, ack));
    });
  }

  /** A mention answers in its thread, and the thread is one conversation; a direct message's conversation is the DM. */
  const answerMention = async (event: { text?: string; user?: string; channel: string; ts: string; thread_ts?: string; channel_type?: string }, client: WebClient) => {
    const { command, text } = parseLine((event.text ?? "").replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, " ").trim());
    const asker: Asker = { userId: event.user ?? "unknown", channel: event.channel };
    const direct = event.channel_type === "im";
    const thread = direct ? event.thread_ts : (event.thread_ts ?? event.ts);
    const reply = await answer(command, text, asker.userId, direct ? `slack:dm:${event.channel}` : `slack:${event.channel}:${thread}`);
    const where = { channel: asker.channel, thread_ts: thread };
    await deliverReply(
      reply,
      {
        ...slackSurface,
        postAnswer: async (shown) => {
          const message = { ...renderSlackBlocks(shown), ...where };
          // errors and private answers go to the asker alone, as the README promises
          if (!reply.ok || reply.delivery.private) await client.chat.postEphemeral({ ...message, user: asker.userId });
          else await client.chat.postMessage(message);
        },
        attachChart: (_sent, png, chart) => uploadChart(client, png, chart, asker.channel, thread),
        tellChartMissing: async (_sent, note) => {
          await client.chat.postEphemeral({ ...where, user: asker.userId, text: note });
        },
      },
      deps.charts,
    ).catch((error) => lost("the answer to a mention", reply, { code: slackErrorCode(error) }));
  };

  /** A mention or direct message under a flood: a note only the asker sees, instead of an answer kept for later. */
  const turnAwayMention = async (event: { text?: string; user?: string; channel: string; ts: string; thread_ts?: string }, client: WebClient) => {
    if (!event.user) return;
    await client.chat
      .postEphemeral({ channel: event.channel, user: event.user, thread_ts: event.thread_ts, text: busyText(event.text ?? "") })
      .catch((error) => log.warn({ code: slackErrorCode(error), err: error }, "the busy note to a mention could not be posted"));
  };

  app.event("app_mention", async ({ event, client }) => {
    if (deps.inFlight.full) return turnAwayMention(event, client);
    await deps.inFlight.track(answerMention(event, client));
  });

  app.message(async ({ message, client }) => {
    // only people's own direct messages: never the bot's replies, edits or other channels (those arrive as mentions)
    const m = message as { channel_type?: string; subtype?: string; bot_id?: string; text?: string; user?: string; channel: string; ts: string; thread_ts?: string };
    if (m.channel_type !== "im" || m.subtype !== undefined || m.bot_id) return;
    if (deps.inFlight.full) return turnAwayMention(m, client);
    await deps.inFlight.track(answerMention(m, client));
  });

  app.error(async (error) => {
    log.error({ code: slackErrorCode(error), err: error }, "slack listener failed");
  });

  return {
    bolt: app,
    async start(listen?: ListenOptions) {
      identity = await checkSlackToken(config.botToken, config.apiUrl, timing.tokenCheckTimeoutMs);
      if (config.mode.kind === "socket") {
        await app.start();
        return null;
      }
      const where = listen ?? { port: config.mode.port, ...(config.mode.host ? { host: config.mode.host } : {}) };
      return (await app.start(where)) as Server;
    },
    stop: () => app.stop().then(() => undefined),
    connected: () => (config.mode.kind === "socket" ? socketConnected : identity !== null),
    post: async (channel, text) => {
      await app.client.chat.postMessage({ token: config.botToken, channel, text, mrkdwn: false });
    },
  };
}

/** What a question turned away under load is told, in its own language and script. */
function busyText(question: string): string {
  const sample = question.slice(0, 2000);
  return inScript(translator(detectLang(sample))("error.busy"), answerScript(sample, null, null));
}

class AnswerNotDelivered extends Error {
  constructor(readonly details: Record<string, unknown>) {
    super("the answer could not be delivered");
  }
}

/** Slack's own error code (invalid_auth, ratelimited, …) or the HTTP/network code, for the log line. */
function slackErrorCode(error: unknown): string | undefined {
  const e = error as { data?: { error?: string }; code?: string; statusCode?: number; original?: { cause?: { code?: string } } };
  return e.data?.error ?? e.original?.cause?.code ?? (e.statusCode ? `http_${e.statusCode}` : e.code);
}
