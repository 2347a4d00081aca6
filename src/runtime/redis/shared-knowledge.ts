import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Redis } from "ioredis";
import type { KnowledgeSnapshot } from "../../core/knowledge/snapshot.ts";
import type { KnowledgeStatus, KnowledgeStore, LiveKnowledge, ReloadOutcome } from "../../core/knowledge/store.ts";
import { RecentSignatures } from "../../adapters/slack/replay-guard.ts";
import type { RedisState } from "./health.ts";

type Message = { kind: "hello" | "heartbeat" | "reload"; from: string; version: string; at: number; nonce: string };

/** How old (or how far ahead, clocks drifting) a message between instances may be. */
const MESSAGE_MAX_AGE_MS = 60_000;
const INSTANCE_ID = /^[\w.-]{1,64}$/;
const VERSION = /^[\w.-]{1,64}$/;

/** Messages between instances carry an HMAC under the secret they share, so whoever else can reach Redis cannot forge one. */
export class MessageSigner {
  private readonly recent: RecentSignatures;

  constructor(
    private readonly secret: Buffer,
    private readonly now: () => number = Date.now,
  ) {
    this.recent = new RecentSignatures(10_000, now);
  }

  private mac(text: string): string {
    return createHmac("sha256", this.secret).update(text).digest("hex");
  }

  sign(message: Message): string {
    const text = JSON.stringify(message);
    return JSON.stringify({ message: text, mac: this.mac(text) });
  }

  /** The message, when it is signed with our secret, fresh and not seen before; null otherwise. */
  open(envelope: string): Message | null {
    try {
      const { message: text, mac } = JSON.parse(envelope) as { message?: unknown; mac?: unknown };
      if (typeof text !== "string" || typeof mac !== "string") return null;
      const expected = Buffer.from(this.mac(text));
      if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), expected)) return null;
      const message = JSON.parse(text) as Message;
      if (!["hello", "heartbeat", "reload"].includes(message.kind) || !INSTANCE_ID.test(String(message.from)) || !VERSION.test(String(message.version))) return null;
      if (typeof message.at !== "number" || Math.abs(this.now() - message.at) > MESSAGE_MAX_AGE_MS) return null;
      return this.recent.accept(mac) ? message : null;
    } catch {
      return null;
    }
  }
}

interface Logger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export interface SharedKnowledgeOptions {
  channel?: string;
  heartbeatMs?: number;
  /** how Redis is doing, for /status */
  redisState?: () => RedisState;
  /** an instance not heard from for this long is no longer listed */
  forgetAfterMs?: number;
  now?: () => number;
}

/**
 * The live knowledge of one instance among several: /reload here reloads every instance (Redis pub/sub), and
 * /status lists the instances heard from, each with the version it serves. Each instance reloads its own folder.
 */
export class SharedKnowledge implements LiveKnowledge {
  private readonly peers = new Map<string, { version: string; seenAt: number }>();
  private readonly channel: string;
  private readonly forgetAfterMs: number;
  private readonly now: () => number;
  private heartbeat: NodeJS.Timeout | null = null;

  private constructor(
    private readonly store: KnowledgeStore,
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    readonly instanceId: string,
    private readonly logger: Logger,
    private readonly signer: MessageSigner,
    private readonly options: SharedKnowledgeOptions,
  ) {
    this.channel = options.channel ?? "modelwise:knowledge";
    this.forgetAfterMs = options.forgetAfterMs ?? 3 * (options.heartbeatMs ?? 15_000);
    this.now = options.now ?? Date.now;
  }

  /** Joins the channel and says hello, so the instances already running answer with their versions. */
  static async join(
    store: KnowledgeStore,
    redis: Redis,
    instanceId: string,
    logger: Logger,
    signer: MessageSigner,
    options: SharedKnowledgeOptions = {},
  ): Promise<SharedKnowledge> {
    const subscriber = redis.duplicate();
    subscriber.on("error", () => undefined); // the main connection already reports Redis trouble
    await subscriber.connect();
    const shared = new SharedKnowledge(store, redis, subscriber, instanceId, logger, signer, options);
    shared.subscriber.on("message", (_channel: string, text: string) => shared.receive(text));
    await shared.subscriber.subscribe(shared.channel);
    // every reload, whoever asked for it, tells the others which version this instance now serves
    store.onReload(() => shared.publish("heartbeat"));
    shared.heartbeat = setInterval(() => shared.publish("heartbeat"), options.heartbeatMs ?? 15_000);
    shared.heartbeat.unref();
    shared.publish("hello");
    return shared;
  }

  current(): KnowledgeSnapshot {
    return this.store.current();
  }

  status(): KnowledgeStatus {
    const now = this.now();
    const own = this.store.status();
    const others = [...this.peers]
      .filter(([, peer]) => now - peer.seenAt <= this.forgetAfterMs)
      .map(([id, peer]) => ({ id, version: peer.version, seenAt: new Date(peer.seenAt) }));
    const instances = [{ id: this.instanceId, version: own.version, seenAt: new Date(now) }, ...others].sort((a, b) => a.id.localeCompare(b.id));
    return { ...own, instances, ...(this.options.redisState ? { sharedState: this.options.redisState() } : {}) };
  }

  /** Reloads here, then asks every other instance to reload too. */
  async reload(): Promise<ReloadOutcome> {
    const outcome = await this.store.reload();
    this.publish("reload");
    return outcome;
  }

  private receive(text: string): void {
    const message = this.signer.open(text);
    if (!message || message.from === this.instanceId) return;
    this.peers.set(message.from, { version: String(message.version), seenAt: this.now() });
    if (message.kind === "hello") this.publish("heartbeat");
    if (message.kind === "reload") {
      this.logger.info({ from: message.from }, "reload asked by another instance");
      void this.store.reload({ forPeer: true });
    }
  }

  private publish(kind: Message["kind"]): void {
    const message: Message = { kind, from: this.instanceId, version: this.store.current().version, at: this.now(), nonce: randomBytes(8).toString("hex") };
    this.publisher.publish(this.channel, this.signer.sign(message)).catch((error: Error) => {
      this.logger.warn({ error: error.message, kind }, "cannot tell the other instances; they will catch up at their next reload");
    });
  }

  async close(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.subscriber.disconnect();
  }
}
