import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { RecordingServer, sendJson, type Recorded } from "./recorder.ts";

export const APP_ID = "1100000000000000001";
export const GUILD_ID = "1200000000000000001";
const CHANNEL_ID = "1300000000000000001";
export const BOT_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB";
let snowflake = 1400000000000000000n;
const nextId = () => String(++snowflake);

function message(body: unknown) {
  const b = (body ?? {}) as { content?: string; embeds?: unknown[] };
  return {
    id: nextId(),
    channel_id: CHANNEL_ID,
    type: 20,
    content: b.content ?? "",
    embeds: b.embeds ?? [],
    author: { id: APP_ID, username: "modelwise", discriminator: "0", avatar: null, bot: true },
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    pinned: false,
    flags: 0,
    components: [],
  };
}

/** A small Discord: REST routes the client and the deploy script use, and a gateway that sends HELLO, READY and interactions. */
export async function startDiscordEmulator() {
  const identifies: { token: string; intents: number; shard?: [number, number] }[] = [];
  const resumes: { token: string; session_id: string; seq: number }[] = [];
  let connections = 0;
  const connectionWaiters: (() => void)[] = [];
  const sockets = new Set<WebSocket>();
  let seq = 0;
  const gateway = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => gateway.once("listening", () => resolve()));
  const gatewayUrl = `ws://127.0.0.1:${(gateway.address() as AddressInfo).port}`;

  gateway.on("connection", (socket) => {
    sockets.add(socket);
    connections++;
    socket.on("close", () => sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, s: null, t: null, d: { heartbeat_interval: 41_250 } }));
    socket.on("message", (raw) => {
      const payload = JSON.parse(raw.toString()) as { op: number; d: { token: string; intents: number; shard?: [number, number] } };
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11, s: null, t: null, d: null }));
      if (payload.op === 6) {
        resumes.push(payload.d as unknown as (typeof resumes)[number]);
        socket.send(JSON.stringify({ op: 0, t: "RESUMED", s: ++seq, d: {} }));
        for (const resolve of connectionWaiters.splice(0)) resolve();
      }
      if (payload.op === 2) {
        identifies.push(payload.d);
        socket.send(
          JSON.stringify({
            op: 0,
            t: "READY",
            s: ++seq,
            d: {
              v: 10,
              user: { id: APP_ID, username: "modelwise", discriminator: "0", avatar: null, bot: true, global_name: null },
              guilds: [],
              session_id: "session-1",
              resume_gateway_url: gatewayUrl,
              shard: payload.d.shard,
              application: { id: APP_ID, flags: 0 },
            },
          }),
        );
        for (const resolve of connectionWaiters.splice(0)) resolve();
      }
    });
  });

  const faults: { match: (request: Recorded) => boolean; status: number }[] = [];
  const rest = new RecordingServer((request, response) => {
    const path = request.path.replace(/\?.*$/, "");
    const fault = faults.findIndex((f) => f.match(request));
    if (fault !== -1) {
      const { status } = faults.splice(fault, 1)[0]!;
      return sendJson(response, status, { message: "Missing Permissions", code: 50013 });
    }
    if (request.method === "GET" && path === "/api/v10/gateway/bot") {
      return sendJson(response, 200, { url: gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
    }
    if (/^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      response.writeHead(204).end();
      return;
    }
    if (/^\/api\/v10\/webhooks\/\d+\/[^/]+\/messages\/(?:@|%40)original$/.test(path)) {
      if (request.method === "DELETE") return void response.writeHead(204).end();
      return sendJson(response, 200, message(request.json));
    }
    if (request.method === "POST" && /^\/api\/v10\/webhooks\/\d+\/[^/]+$/.test(path)) return sendJson(response, 200, message(request.json));
    if (request.method === "PUT" && /^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) return sendJson(response, 200, request.json);
    const edited = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)$/.exec(path);
    if (request.method === "PATCH" && edited) return sendJson(response, 200, { ...message(request.json), id: edited[2], channel_id: edited[1] });
    const channelMessage = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path);
    if (request.method === "POST" && channelMessage) return sendJson(response, 200, { ...message(request.json), channel_id: channelMessage[1] });
    sendJson(response, 404, { message: "404: Not Found", code: 0 });
  });
  const restUrl = await rest.listen();

  return {
    rest,
    apiUrl: `${restUrl}/api`,
    identifies,
    resumes,
    /** The next REST request `match` accepts is refused with `status` (403: Missing Permissions), once. */
    failNext(match: (request: Recorded) => boolean, status = 403) {
      faults.push({ match, status });
    },
    get connections() {
      return connections;
    },
    /** Drops every gateway connection abruptly, as a network fault or a Discord restart does. */
    drop() {
      for (const socket of sockets) socket.terminate();
    },
    /** Resolves when a client has identified or resumed again after `drop`. */
    reconnected(): Promise<void> {
      return new Promise((resolve) => connectionWaiters.push(resolve));
    },
    /** A person's direct message to the bot (MESSAGE_CREATE in a DM channel); `replyTo` makes it a reply to that message. */
    directMessage(content: string, options: { channelId: string; userId?: string; replyTo?: string }) {
      const id = nextId();
      const author = { id: options.userId ?? "200000000000000001", username: "asker", discriminator: "0", avatar: null, global_name: "Asker" };
      const d = {
        id,
        channel_id: options.channelId,
        // Discord names the channel's type in MESSAGE_CREATE: 1 is a DM
        channel_type: 1,
        type: options.replyTo ? 19 : 0,
        content,
        author,
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: [],
        mention_roles: [],
        attachments: [],
        embeds: [],
        pinned: false,
        ...(options.replyTo ? { message_reference: { message_id: options.replyTo, channel_id: options.channelId } } : {}),
      };
      for (const socket of sockets) socket.send(JSON.stringify({ op: 0, t: "MESSAGE_CREATE", s: ++seq, d }));
      return id;
    },
    /** Sends an interaction to every connected client, as Discord's gateway would. */
    dispatch(interaction: unknown) {
      for (const socket of sockets) socket.send(JSON.stringify({ op: 0, t: "INTERACTION_CREATE", s: ++seq, d: interaction }));
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise((resolve) => gateway.close(resolve));
      await rest.close();
    },
  };
}

export interface InteractionSpec {
  name: string;
  options?: { name: string; type: number; value: string | number | boolean; focused?: boolean }[];
  locale?: string;
  type?: 2 | 4;
  permissions?: string;
  roles?: string[];
}

/** An interaction payload as Discord sends it (gateway or HTTP). */
export function interaction(spec: InteractionSpec) {
  const id = nextId();
  return {
    id,
    application_id: APP_ID,
    type: spec.type ?? 2,
    token: `token-${id}`,
    version: 1,
    locale: spec.locale ?? "en-US",
    guild_locale: "en-US",
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "general" },
    app_permissions: "0",
    entitlements: [],
    authorizing_integration_owners: { "0": GUILD_ID },
    context: 0,
    member: {
      user: { id: "1500000000000000001", username: "ada", discriminator: "0", global_name: "Ada", avatar: null },
      roles: spec.roles ?? [],
      permissions: spec.permissions ?? "0",
      joined_at: "2024-01-01T00:00:00.000Z",
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      premium_since: null,
      communication_disabled_until: null,
    },
    data: { id: nextId(), name: spec.name, type: 1, options: spec.options ?? [] },
  };
}

export function ed25519Keys(): { publicKeyHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const jwk = publicKey.export({ format: "jwk" }) as { x: string };
  return { publicKeyHex: Buffer.from(jwk.x, "base64url").toString("hex"), privateKey };
}

export function signDiscord(privateKey: KeyObject, timestamp: string, body: string): string {
  return sign(null, Buffer.from(timestamp + body), privateKey).toString("hex");
}
