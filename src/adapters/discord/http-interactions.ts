import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { Routes } from "discord-api-types/v10";
import { langFromLocale } from "../../core/i18n/lang.ts";
import { inScript, scriptFromLocale } from "../../core/i18n/script.ts";
import { translator } from "../../core/i18n/translate.ts";
import type { Reply } from "../../core/reply/reply.ts";
import { createBoundedServer, readBoundedBody } from "../../runtime/http-bounds.ts";
import type { ProbeHandler } from "../../runtime/surface.ts";
import { localSeenOnce, type SeenOnce } from "../../runtime/seen-once.ts";
import { staleTimestamp } from "../slack/replay-guard.ts";
import { deliverToDiscord } from "./delivery.ts";
import type { ChartFile, DiscordMessage } from "./embeds.ts";
import { answerDiscord, discordAutocomplete, isGuildInstall, isSlow, type DiscordDeps, type DiscordRequest } from "./interactions.ts";
import { ANSWER_IN_REPLY_MS, within } from "../within.ts";
import { interactionRest } from "./rest.ts";
import { ed25519PublicKey, isValidDiscordSignature } from "./signature.ts";

/** The most read before the signature is checked: Discord's largest interaction (6,000 characters of options, resolved objects) is far below it. */
export const MAX_INTERACTION_BYTES = 64 * 1024;
const EPHEMERAL = 1 << 6;
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
  // as bytes: Node would otherwise join its headers and the answer into one more copy of the text to write it
  const bytes = Buffer.from(JSON.stringify(body));
  // with its length known the answer goes out in one piece, not chunked
  response.writeHead(status, { "content-type": "application/json", "content-length": bytes.length, ...headers });
  response.end(bytes);
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

/** What an interaction turned away under load is told, in the asker's client language. */
const busyText = (locale: string | undefined) => inScript(translator(langFromLocale(locale) ?? "en")("error.busy"), scriptFromLocale(locale));

const header = (request: IncomingMessage, name: string) => {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
};

/**
 * Discord's HTTP interactions endpoint: Ed25519-verified, fresh (signed within 5 minutes, not in the future) and
 * never replayed, answered with the same rendering and delivery policy as the gateway: the answer at once, its chart as an edit.
 */
export function createInteractionsServer(deps: DiscordDeps, options: InteractionsServerOptions): Server {
  const key = ed25519PublicKey(options.publicKeyHex);
  const now = options.now ?? Date.now;
  const seen = options.seen ?? localSeenOnce(now);
  const rest = interactionRest(options.apiUrl);
  const lost = (error: unknown) => deps.logger.error({ err: error, surface: "discord-http" }, "an answer could not be delivered and is lost");

  /** Posts to the interaction's webhook: edits of the original answer, and follow-ups only the asker sees. */
  const webhook = (payload: InteractionPayload) => {
    const original = Routes.webhookMessage(payload.application_id, payload.token);
    const followUp = (body: object) => rest.post(Routes.webhook(payload.application_id, payload.token), { body: { ...body, flags: EPHEMERAL }, auth: false });
    return {
      followUp,
      edit: (message: DiscordMessage, file?: ChartFile) =>
        rest.patch(original, {
          body: file ? { ...message, attachments: [{ id: 0, filename: file.name, description: file.description }] } : message,
          files: file ? [{ name: file.name, data: file.data, contentType: "image/png" }] : undefined,
          auth: false,
        }),
      remove: () => rest.delete(original, { auth: false }),
      note: async (text: string) => void (await followUp({ content: text, allowed_mentions: { parse: [] } })),
    };
  };

  /** A deferred answer ("thinking…") becomes the answer by an edit, or, when only the asker may see it, a follow-up. */
  const finishLater = async (payload: InteractionPayload, work: Promise<Reply>) => {
    const reply = await work;
    const hook = webhook(payload);
    await deliverToDiscord(deps, reply, {
      post: async (message, privately) => {
        if (!privately) return void (await hook.edit(message));
        await hook.remove();
        await hook.followUp(message);
      },
      attach: async (message, file) => void (await hook.edit(message, file)),
      note: hook.note,
    });
  };

  /** interactions received and not yet answered: how busy the server is, for where signatures are checked */
  let inHand = 0;
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (options.probe?.(request, response)) return;
    if (request.method !== "POST") return send(response, 405, { error: "POST only" });
    const signature = header(request, "x-signature-ed25519");
    const timestamp = header(request, "x-signature-timestamp");
    const read = await readBoundedBody(request, MAX_INTERACTION_BYTES);
    const valid = read.ok && (await isValidDiscordSignature(key, signature, timestamp, read.body, inHand));
    if (!read.ok) return send(response, read.status, { error: read.status === 413 ? "body too large" : "busy" }, { connection: "close" });
    if (!valid) return send(response, 401, { error: "invalid request signature" });
    const body = read.body;
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
    // under a flood: turned away at once, only the asker sees it, and nothing is kept to answer later
    if (deps.inFlight.full) return send(response, 200, { type: Callback.Message, data: { content: busyText(payload.locale), flags: EPHEMERAL } });
    const discordRequest = toRequest(payload);
    const work = answerDiscord(deps, discordRequest);
    const reply = isSlow(deps, discordRequest) ? null : await within(work, ANSWER_IN_REPLY_MS);
    if (!reply) {
      send(response, 200, { type: Callback.Deferred });
      return void (await deps.inFlight.track(finishLater(payload, work).catch(lost)));
    }
    // the answer is the response itself; its chart follows as an edit, so drawing never delays anyone's reply
    const delivery = deliverToDiscord(deps, reply, {
      post: async (message, privately) => send(response, 200, { type: Callback.Message, data: privately ? { ...message, flags: EPHEMERAL } : message }),
      attach: async (message, file) => void (await webhook(payload).edit(message, file)),
      note: (text) => webhook(payload).note(text),
    });
    await deps.inFlight.track(delivery.catch(lost));
  };

  const server = createBoundedServer((request, response) => {
    inHand++;
    handle(request, response)
      .catch((error) => {
        deps.logger.error({ err: error, surface: "discord-http" }, "interaction failed");
        if (!response.headersSent) send(response, 400, { error: "bad request" });
      })
      .finally(() => inHand--);
  });
  return server;
}
