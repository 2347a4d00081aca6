import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { REST, Routes } from "discord.js";
import type { Reply } from "../../core/reply.ts";
import { renderDiscordMessage, withChart, type ChartFile, type DiscordMessage } from "./embeds.ts";
import { answerDiscord, DEFER_AFTER_MS, discordAutocomplete, isSlow, within, type DiscordDeps, type DiscordRequest } from "./interactions.ts";
import { ed25519PublicKey, isValidDiscordSignature } from "./signature.ts";

const MAX_BODY_BYTES = 1_000_000;
const EPHEMERAL = 1 << 6;
const enum InteractionType {
  Ping = 1,
  ApplicationCommand = 2,
  Autocomplete = 4,
}
const enum Callback {
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
  data?: { name: string; options?: { name: string; value?: string | number | boolean; focused?: boolean }[] };
  member?: { user: { id: string }; roles?: string[]; permissions?: string };
  user?: { id: string };
}

function toRequest(payload: InteractionPayload): DiscordRequest {
  return {
    commandName: payload.data?.name ?? "",
    options: payload.data?.options ?? [],
    locale: payload.locale,
    userId: payload.member?.user.id ?? payload.user?.id ?? "unknown",
    permissions: payload.member?.permissions ?? null,
    roleIds: payload.member?.roles ?? [],
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Discord's HTTP interactions endpoint: verified with Ed25519, answered with the same rendering as the gateway. */
export function createInteractionsServer(deps: DiscordDeps, publicKeyHex: string, apiUrl?: string): Server {
  const key = ed25519PublicKey(publicKeyHex);
  const rest = new REST(apiUrl ? { api: apiUrl } : {});

  /** Edits the original answer, attaching the chart when there is one. */
  const editOriginal = (payload: InteractionPayload, message: DiscordMessage, file: ChartFile | null) =>
    rest.patch(Routes.webhookMessage(payload.application_id, payload.token), {
      body: file ? { ...message, attachments: [{ id: 0, filename: file.name, description: file.description }] } : message,
      files: file ? [{ name: file.name, data: file.data, contentType: "image/png" }] : undefined,
      auth: false,
    });

  const finishLater = async (payload: InteractionPayload, work: Promise<Reply>) => {
    const reply = await work;
    const { message, file } = await withChart(renderDiscordMessage(reply), reply);
    if (reply.ok && !reply.delivery.private) {
      await editOriginal(payload, message, file);
    } else {
      await rest.delete(Routes.webhookMessage(payload.application_id, payload.token), { auth: false });
      await rest.post(Routes.webhook(payload.application_id, payload.token), { body: { ...message, flags: EPHEMERAL }, auth: false });
    }
  };

  return createServer(async (request, response) => {
    try {
      if (request.method !== "POST") return send(response, 405, { error: "POST only" });
      const body = await readBody(request);
      if (!body) return send(response, 413, { error: "body too large" });
      const signature = request.headers["x-signature-ed25519"];
      const timestamp = request.headers["x-signature-timestamp"];
      if (!isValidDiscordSignature(key, typeof signature === "string" ? signature : undefined, typeof timestamp === "string" ? timestamp : undefined, body)) {
        return send(response, 401, { error: "invalid request signature" });
      }
      const payload = JSON.parse(body.toString("utf8")) as InteractionPayload;
      if (payload.type === InteractionType.Ping) return send(response, 200, { type: Callback.Pong });
      if (payload.type === InteractionType.Autocomplete) {
        return send(response, 200, { type: Callback.AutocompleteResult, data: { choices: discordAutocomplete(deps, toRequest(payload)) } });
      }
      if (payload.type !== InteractionType.ApplicationCommand) return send(response, 400, { error: "unsupported interaction type" });
      const discordRequest = toRequest(payload);
      const work = answerDiscord(deps, discordRequest);
      const reply = isSlow(deps, discordRequest.commandName) ? null : await within(work, DEFER_AFTER_MS);
      if (reply) {
        const message = renderDiscordMessage(reply);
        const privately = !reply.ok || reply.delivery.private;
        send(response, 200, { type: Callback.Message, data: privately ? { ...message, flags: EPHEMERAL } : message });
        // the answer is already shown; its chart follows as an edit, so rendering never delays the reply
        if (reply.ok && reply.chart) {
          await deps.inFlight.track(withChart(message, reply).then((chart) => editOriginal(payload, chart.message, chart.file)));
        }
        return;
      }
      send(response, 200, { type: Callback.Deferred });
      await deps.inFlight.track(finishLater(payload, work));
    } catch (error) {
      deps.logger.error({ err: error, surface: "discord-http" }, "interaction failed");
      if (!response.headersSent) send(response, 400, { error: "bad request" });
    }
  });
}
