import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { inScript } from "../../core/i18n/script.ts";
import { Routes } from "discord.js";
import { translator } from "../../core/i18n/translate.ts";
import type { Reply } from "../../core/reply.ts";
import { createBoundedServer, readBoundedBody } from "../../runtime/http-bounds.ts";
import type { ProbeHandler } from "../../runtime/surface.ts";
import { localSeenOnce, type SeenOnce } from "../../runtime/seen-once.ts";
import { staleTimestamp } from "../slack/replay-guard.ts";
import { BoundedQueue } from "./bounded-queue.ts";
import { renderDiscordMessage, withChart, type ChartFile, type DiscordMessage } from "./embeds.ts";
import { answerDiscord, DEFER_AFTER_MS, discordAutocomplete, isGuildInstall, isSlow, within, type DiscordDeps, type DiscordRequest } from "./interactions.ts";
import { interactionRest } from "./rest.ts";
import { ed25519PublicKey, isValidDiscordSignature } from "./signature.ts";

/** The most read before the signature is checked: Discord's largest interaction (6,000 characters of options, resolved objects) is far below it. */
export const MAX_INTERACTION_BYTES = 64 * 1024;
const EPHEMERAL = 1 << 6;
/** Two charts in progress at a time (the renderer draws one at a time; the other is being edited in); beyond this many waiting, answers go out without one (with a note). */
const CHART_CONCURRENCY = 2;
const CHART_BACKLOG = 32;
enum InteractionType {
  Ping = 1,
  ApplicationCommand = 2,
  Autocomplete = 4,
}
enum Callback {
  Pong = 1,
  Message = 4,
  Deferred = 5,
  AutocompleteResult = 8,
}

interface InteractionPayload {
  type: number;
  application_id: string;
  token: string;
  locale?: string;
  guild_id?: string;
  authorizing_integration_owners?: Record<string, string | undefined>;
  data?: { name: string; options?: { name: string; value?: string | number | boolean; focused?: boolean }[] };
  member?: { user: { id: string }; roles?: string[]; permissions?: string };
  user?: { id: string };
}

export interface InteractionsServerOptions {
  publicKeyHex: string;
  apiUrl?: string;
  /** health and metrics probes, answered before anything else */
  probe?: ProbeHandler;
  now?: () => number;
  chartBacklog?: number;
  /** signatures already accepted; shared through Redis when there is one */
  seen?: SeenOnce;
}

function toRequest(payload: InteractionPayload): DiscordRequest {
  return {
    commandName: payload.data?.name ?? "",
    options: payload.data?.options ?? [],
    locale: payload.locale,
    userId: payload.member?.user.id ?? payload.user?.id ?? "unknown",
    permissions: payload.member?.permissions ?? null,
    roleIds: payload.member?.roles ?? [],
    guildInstalled: isGuildInstall(payload.guild_id, payload.authorizing_integration_owners),
  };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  // with its length known the answer goes out in one piece, not chunked
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** A signed body that is not a JSON object (null, a number, broken JSON) is no interaction. */
function parsePayload(body: Buffer): InteractionPayload | null {
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as InteractionPayload) : null;
  } catch {
    return null;
  }
}

const header = (request: IncomingMessage, name: string) => {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
};

/**
 * Discord's HTTP interactions endpoint: Ed25519-verified, fresh (signed within 5 minutes, not in the future) and
 * never replayed, answered with the same rendering as the gateway; charts follow through a bounded queue.
 */
export function createInteractionsServer(deps: DiscordDeps, options: InteractionsServerOptions): Server & { charts: BoundedQueue } {
  const key = ed25519PublicKey(options.publicKeyHex);
  const now = options.now ?? Date.now;
  const seen = options.seen ?? localSeenOnce(now);
  const rest = interactionRest(options.apiUrl);
  const lost = (error: unknown) => deps.logger.error({ err: error, surface: "discord-http" }, "an answer or its chart could not be delivered and is lost");
  const charts = new BoundedQueue(CHART_CONCURRENCY, options.chartBacklog ?? CHART_BACKLOG, lost);

  /** Edits the original answer, attaching the chart when there is one. */
  const editOriginal = (payload: InteractionPayload, message: DiscordMessage, file: ChartFile | null) =>
    rest.patch(Routes.webhookMessage(payload.application_id, payload.token), {
      body: file ? { ...message, attachments: [{ id: 0, filename: file.name, description: file.description }] } : message,
      files: file ? [{ name: file.name, data: file.data, contentType: "image/png" }] : undefined,
      auth: false,
    });

  const withoutChart = (message: DiscordMessage, reply: Reply): DiscordMessage => ({
    ...message,
    content: `-# ${inScript(translator(reply.lang)("chart.skipped"), reply.script)}`,
  });

  const finishLater = async (payload: InteractionPayload, work: Promise<Reply>) => {
    const reply = await work;
    const message = renderDiscordMessage(reply);
    if (!reply.ok || reply.delivery.private) {
      await rest.delete(Routes.webhookMessage(payload.application_id, payload.token), { auth: false });
      await rest.post(Routes.webhook(payload.application_id, payload.token), { body: { ...message, flags: EPHEMERAL }, auth: false });
      return;
    }
    if (!reply.chart) return void (await editOriginal(payload, message, null));
    const queued = charts.push(async () => {
      const rendered = await withChart(message, reply);
      await editOriginal(payload, rendered.message, rendered.file);
    });
    if (!queued) await editOriginal(payload, withoutChart(message, reply), null);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (options.probe?.(request, response)) return;
    if (request.method !== "POST") return send(response, 405, { error: "POST only" });
    const read = await readBoundedBody(request, MAX_INTERACTION_BYTES);
    if (!read.ok) return send(response, read.status, { error: read.status === 413 ? "body too large" : "busy" }, { connection: "close" });
    const body = read.body;
    const signature = header(request, "x-signature-ed25519");
    const timestamp = header(request, "x-signature-timestamp");
    if (!(await isValidDiscordSignature(key, signature, timestamp, body))) return send(response, 401, { error: "invalid request signature" });
    const stale = staleTimestamp(timestamp, now());
    if (stale) return send(response, 401, { error: stale });
    if (!(await seen.firstSignature(signature!.toLowerCase(), Number(timestamp)))) return send(response, 401, { error: "replayed request" });

    const payload = parsePayload(body);
    if (!payload) return send(response, 400, { error: "not an interaction" });
    if (payload.type === InteractionType.Ping) return send(response, 200, { type: Callback.Pong });
    if (payload.type === InteractionType.Autocomplete) {
      return send(response, 200, { type: Callback.AutocompleteResult, data: { choices: discordAutocomplete(deps, toRequest(payload)) } });
    }
    if (payload.type !== InteractionType.ApplicationCommand) return send(response, 400, { error: "unsupported interaction type" });
    const discordRequest = toRequest(payload);
    const work = answerDiscord(deps, discordRequest);
    const reply = isSlow(deps, discordRequest.commandName) ? null : await within(work, DEFER_AFTER_MS);
    if (!reply) {
      send(response, 200, { type: Callback.Deferred });
      return void (await deps.inFlight.track(finishLater(payload, work).catch(lost)));
    }
    const privately = !reply.ok || reply.delivery.private;
    const charted = reply.ok && !privately && reply.chart !== null;
    const message = renderDiscordMessage(reply);
    // the answer goes out at once; its chart follows as an edit, so drawing never delays anyone's reply
    const queued =
      charted &&
      charts.push(async () => {
        const rendered = await withChart(message, reply);
        await deps.inFlight.track(editOriginal(payload, rendered.message, rendered.file));
      });
    const shown = charted && !queued ? withoutChart(message, reply) : message;
    send(response, 200, { type: Callback.Message, data: privately ? { ...shown, flags: EPHEMERAL } : shown });
  };

  const server = createBoundedServer((request, response) => {
    handle(request, response).catch((error) => {
      deps.logger.error({ err: error, surface: "discord-http" }, "interaction failed");
      if (!response.headersSent) send(response, 400, { error: "bad request" });
    });
  });
  return Object.assign(server, { charts });
}
