import type { Redis } from "ioredis";
import type { ConversationStore, RememberedTurn } from "../../core/conversation/conversation.ts";

/**
 * Conversation memory every instance shares: one JSON value per conversation, expiring on its own in Redis.
 * While Redis is unreachable a follow-up is answered as a fresh question rather than failing.
 */
export class RedisConversationStore implements ConversationStore {
  constructor(
    private readonly redis: Redis,
    private readonly onError: (error: unknown) => void = () => undefined,
    /** false while Redis is down or hung: a follow-up is then a fresh question, without waiting for Redis */
    private readonly usable: () => boolean = () => true,
    private readonly keyPrefix = "modelwise:conversation:",
  ) {}

  async get(conversationId: string): Promise<RememberedTurn | null> {
    if (!this.usable()) return null;
    try {
      const text = await this.redis.get(this.keyPrefix + conversationId);
      return text ? (JSON.parse(text) as RememberedTurn) : null;
    } catch (error) {
      this.onError(error);
      return null;
    }
  }

  async set(conversationId: string, turn: RememberedTurn, ttlMs: number): Promise<void> {
    if (!this.usable()) return;
    try {
      await this.redis.set(this.keyPrefix + conversationId, JSON.stringify(turn), "PX", Math.max(1, Math.round(ttlMs)));
    } catch (error) {
      this.onError(error);
    }
  }
}
