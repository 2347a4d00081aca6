import type { Server } from "node:http";
import type { ListenOptions } from "node:net";
import { fileURLToPath } from "node:url";
import type pino from "pino";
import type { DiscordConfig } from "../../config/discord.ts";
import type { Dispatcher } from "../../core/dispatch/dispatch.ts";
import type { InFlight } from "../../runtime/in-flight.ts";
import type { SeenOnce } from "../../runtime/seen-once.ts";
import type { ProbeHandler, RunningSurface } from "../../runtime/surface.ts";
import type { ChartSource } from "../chart-delivery.ts";
import { createInteractionsServer } from "./http-interactions.ts";

export interface StartDiscordDeps {
  config: DiscordConfig;
  dispatcher: Dispatcher;
  logger: pino.Logger;
  inFlight: InFlight;
  /** where the HTTP interactions endpoint listens; default: DISCORD_INTERACTIONS_PORT on HOST */
  listen?: ListenOptions;
  /** health and metrics probes, answered first on the HTTP interactions server */
  probe?: ProbeHandler;
  /** signatures already accepted, shared by instances through Redis */
  seen?: SeenOnce;
  /** where charts are drawn; default: the process's renderer */
  charts?: ChartSource;
}

/** Built (dist/*.js) shards run as plain node; from sources (tests, scripts) they need tsx. */
const BUILT = import.meta.url.endsWith(".js");
const SHARD_SCRIPT = fileURLToPath(new URL(BUILT ? "../../shard.js" : "../../shard.ts", import.meta.url));

export async function startDiscord(deps: StartDiscordDeps): Promise<RunningSurface & { server?: Server; connected(): boolean }> {
  const { config, logger } = deps;
  const handlerDeps = { dispatcher: deps.dispatcher, logger, inFlight: deps.inFlight, adminRoleIds: config.adminRoleIds, charts: deps.charts };
  if (config.mode.kind === "http") {
    const server = createInteractionsServer(handlerDeps, { publicKeyHex: config.mode.publicKey, apiUrl: config.apiUrl, probe: deps.probe, seen: deps.seen });
    const listen = deps.listen ?? { port: config.mode.port, ...(config.mode.host ? { host: config.mode.host } : {}) };
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(listen, resolve));
    logger.info({ surface: "discord", mode: "http", address: server.address() }, "Discord interactions endpoint is listening");
    return {
      name: "discord",
      server,
      connected: () => server.listening,
      stop: async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        // charts still being edited into answers
        await deps.inFlight.drain();
      },
    };
  }
  // discord.js (its client, ~20 MB more resident than the REST client alone) is loaded only for the gateway
  if (config.mode.shards !== null) {
    const { ShardingManager } = await import("discord.js");
    const manager = new ShardingManager(SHARD_SCRIPT, {
      token: config.mode.token,
      totalShards: config.mode.shards,
      execArgv: BUILT ? [] : ["--import", "tsx"],
    });
    manager.on("shardCreate", (shard) => logger.info({ surface: "discord", shard: shard.id }, "shard started"));
    await manager.spawn();
    return {
      name: "discord",
      connected: () => [...manager.shards.values()].every((shard) => shard.ready),
      stop: async () => {
        // each shard finishes its own answers on SIGTERM; wait until all have exited, and respawn none
        manager.respawn = false;
        const exits = [...manager.shards.values()].map((shard) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return Promise.resolve();
          const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
          child.kill("SIGTERM");
          return exited;
        });
        await Promise.all(exits);
      },
    };
  }
  const [{ createDiscordClient }, { loginClient }] = await Promise.all([import("./gateway.ts"), import("./login.ts")]);
  const client = createDiscordClient(handlerDeps, config.apiUrl);
  await loginClient(client, config.mode.token);
  logger.info({ surface: "discord", mode: "gateway", user: client.user?.tag }, "Discord gateway is connected");
  return { name: "discord", connected: () => client.isReady(), stop: () => client.destroy() };
}
