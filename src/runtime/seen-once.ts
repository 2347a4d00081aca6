import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { MAX_CLOCK_SKEW_S, MAX_REQUEST_AGE_S, RecentSignatures } from "../adapters/slack/replay-guard.ts";

/** A signature is remembered while it could still be accepted; an event id as long as Slack may retry it. */
const SIGNATURE_TTL_MS = (MAX_REQUEST_AGE_S + MAX_CLOCK_SKEW_S) * 1000;
const EVENT_TTL_MS = 60 * 60 * 1000;

/**
 * Remembers what was already accepted: signatures of requests (a replay is refused) and Slack event ids (a retry is
 * answered once). With Redis, shared by every instance, so a replay or a retry landing on another instance is
 * caught too.
 */
export interface SeenOnce {
  /** true the first time this request signature is offered (signed at `signedAtS`, seconds) */
  firstSignature(signature: string, signedAtS: number): Promise<boolean>;
  /** true the first time this Slack event id is offered */
  firstEvent(eventId: string): Promise<boolean>;
}

/** In this process only: what one instance has seen. */
export function localSeenOnce(now: () => number = Date.now): SeenOnce {
  const signatures = new RecentSignatures(10_000, now);
  const events = new RecentSignatures(10_000, now);
  return {
    firstSignature: async (signature, signedAtS) => signatures.accept(signature, signedAtS),
    firstEvent: async (eventId) => events.accept(eventId),
  };
}

const keyOf = (kind: string, value: string) => `modelwise:seen:${kind}:${createHash("sha256").update(value).digest("base64url")}`;

/**
 * Shared through Redis with SET NX and an expiry; this process's own memory is asked first, and alone while Redis
 * is not usable (a replay to the same instance is still refused then).
 */
export function redisSeenOnce(redis: Redis, usable: () => boolean, local: SeenOnce = localSeenOnce()): SeenOnce {
  const firstInRedis = async (key: string, ttlMs: number): Promise<boolean> => {
    if (!usable()) return true;
    try {
      return (await redis.set(key, "1", "PX", ttlMs, "NX")) === "OK";
    } catch {
      return true;
    }
  };
  return {
    firstSignature: async (signature, signedAtS) => (await local.firstSignature(signature, signedAtS)) && firstInRedis(keyOf("signature", signature), SIGNATURE_TTL_MS),
    firstEvent: async (eventId) => (await local.firstEvent(eventId)) && firstInRedis(keyOf("event", eventId), EVENT_TTL_MS),
  };
}
