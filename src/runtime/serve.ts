import type { Server } from "node:http";
import type pino from "pino";
import { warmScriptConverters } from "../core/i18n/script.ts";
import type { AppConfig } from "../config/config.ts";
import { exitOnConfigError } from "../config/read-or-exit.ts";
import type { KnowledgeStore } from "../core/knowledge/store.ts";
import { logEachAnswer } from "./command-log.ts";
import { commandNames, composeDispatcher } from "./compose.ts";
import { createProbeHandler, startHealthServer } from "./health.ts";
import { InFlight } from "./in-flight.ts";
import { createMetrics } from "./metrics.ts";
import { announcePriceChanges, type DigestChannel } from "./price-digest.ts";
import { startPriceRefresh, type PriceRefresher } from "./price-refresh.ts";
import { openSharedState, type SharedState } from "./shared-state.ts";
import { stopGracefullyOnSignals } from "./shutdown.ts";
import { openKnowledgeOrExit } from "./startup.ts";
import { utcToday } from "../core/dispatch/today.ts";
import type { RunningSurface } from "./surface.ts";

function closeServer(server: Server | null): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

/** The Discord channel for price digests, when one is set and a bot token is there to post with. */
async function discordDigestChannel(config: AppConfig, logger: pino.Logger): Promise<DigestChannel | null> {
  const channelId = config.priceDigest.discordChannelId;
  if (!channelId || !config.discord) return null;
  const token = config.discord.mode.token;
  if (!token) {
    logger.warn({ surface: "discord" }, "PRICE_DIGEST_DISCORD_CHANNEL_ID is set but DISCORD_TOKEN is not: no price digest on Discord");
    return null;
  }
  const { discordChannelPoster } = await import("../adapters/discord/channel-post.ts");
  return { surface: "discord", post: discordChannelPoster(token, channelId, config.discord.apiUrl) };
}

/**
 * The one composition root of the chat bot, for `npm start` with Slack or Discord and for each Discord shard (which
 * passes a configuration of its own, src/shard.ts): knowledge, shared state, dispatcher, surfaces, graceful stop.
 */
export async function serveBot(config: AppConfig, logger: pino.Logger): Promise<void> {
  const knowledge = await openKnowledgeOrExit(config, logger);
  if (config.watchKnowledge) knowledge.watch();
  await serveChat(config, knowledge, logger);
}

/**
 * Runs the chat bot: shared state (Redis or this process), metrics and the per-command log line, the configured
 * surfaces with health probes on their HTTP servers (and on HEALTH_PORT), and a graceful stop on SIGTERM.
 */
async function serveChat(config: AppConfig, store: KnowledgeStore, logger: pino.Logger): Promise<void> {
  const inFlight = new InFlight();
  const surfaces: RunningSurface[] = [];
  let started = false;
  let stopping = false;
  let health: Server | null = null;
  let shared: SharedState | null = null;
  let refresher: PriceRefresher | null = null;
  try {
    shared = await openSharedState(config, store, logger);
    const state = shared;
    const metrics = createMetrics(state.knowledge, commandNames);
    const logAnswer = logEachAnswer(logger, config.instanceId);
    const dispatcher = composeDispatcher(config, state.knowledge, logger, {
      limiter: state.limiter,
      conversations: state.conversations,
      onAnswered: (event) => {
        metrics.onAnswered(event);
        logAnswer(event);
      },
    });
    // Redis is not a check: while it is down or hung, answers use this process's fallbacks and still work
    const checks = () => ({
      knowledge: store.current() !== undefined,
      started,
      ...Object.fromEntries(surfaces.map((surface) => [surface.name, surface.connected?.() ?? true])),
      accepting: !stopping,
    });
    const details = (): Record<string, string> => (state.kind === "redis" ? { redis: state.state() } : {});
    const probeOptions = { checks, details, metrics: metrics.registry, logger };
    const probe = createProbeHandler({ ...probeOptions, scope: "public", token: config.metricsToken });
    const host = config.host ? { host: config.host } : {};
    if (config.healthPort !== null) {
      health = await startHealthServer(createProbeHandler({ ...probeOptions, scope: "health" }), config.healthPort, config.healthHost);
      logger.info({ address: health.address() }, "health endpoint is listening");
    }
    stopGracefullyOnSignals(
      {
        inFlight,
        timeoutMs: config.shutdownTimeoutMs,
        logger,
        stopAccepting: async () => {
          await Promise.allSettled(surfaces.map((surface) => surface.stop()));
        },
        release: async () => {
          refresher?.stop();
          store.close();
          await state.close();
          await closeServer(health);
        },
      },
      () => (stopping = true),
    );
    const digestChannels: DigestChannel[] = [];
    if (config.slack) {
      const { startSlack } = await import("../adapters/slack/index.ts");
      const mode = config.slack.mode;
      const listen = mode.kind === "http" ? { port: mode.port, ...host } : undefined;
      const slack = await startSlack({ config: config.slack, dispatcher, logger, inFlight, probe, listen, seen: state.seen });
      surfaces.push(slack);
      const channel = config.priceDigest.slackChannel;
      if (channel) digestChannels.push({ surface: "slack", post: (text) => slack.post(channel, text) });
    }
    if (config.discord) {
      const { startDiscord } = await import("../adapters/discord/index.ts");
      const mode = config.discord.mode;
      const listen = mode.kind === "http" ? { port: mode.port, ...host } : undefined;
      surfaces.push(await startDiscord({ config: config.discord, dispatcher, logger, inFlight, probe, listen, seen: state.seen }));
      const digest = await discordDigestChannel(config, logger);
      if (digest) digestChannels.push(digest);
    }
    announcePriceChanges(store, digestChannels, config.priceDigest.lang, logger);
    const { everyMs, litellmUrl, genaiPricesUrl } = config.priceRefresh;
    if (everyMs) {
      const today = () => config.today ?? utcToday();
      refresher = startPriceRefresh(store, {
        everyMs,
        sources: { ...(litellmUrl ? { litellm: litellmUrl } : {}), ...(genaiPricesUrl ? { genaiPrices: genaiPricesUrl } : {}) },
        today,
        logger,
      });
    }
    started = true;
    logger.info({ instance: config.instanceId, sharedState: state.kind, surfaces: surfaces.map((s) => s.name) }, "ready");
    // build the Chinese script converters now, not in the middle of the first Chinese question's answer
    setImmediate(warmScriptConverters);
  } catch (error) {
    refresher?.stop();
    await Promise.allSettled(surfaces.map((surface) => surface.stop()));
    store.close();
    await shared?.close();
    await closeServer(health);
    exitOnConfigError(error);
  }
}
