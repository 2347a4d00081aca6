import { LRUCache } from "lru-cache";
import type { Lang } from "../i18n/lang.ts";
import type { Script } from "../i18n/script.ts";
import type { RememberedQuestion } from "../understand/types.ts";

/**
 * What a conversation remembers between turns: the last understood question (ids, numbers, a bounded paste), kept
 * behind this small interface so several instances can share it (Redis) as easily as one process keeps it in memory.
 */
export interface ConversationStore {
  get(conversationId: string): Promise<RememberedTurn | null>;
  /** remembers `turn` for `ttlMs` from now, replacing what was there */
  set(conversationId: string, turn: RememberedTurn, ttlMs: number): Promise<void>;
}

export interface RememberedTurn {
  question: RememberedQuestion;
  lang: Lang;
  /** a Chinese conversation's script, so a follow-up that no character tells ("那 claude 呢") keeps it */
  script?: Script;
  at: number;
}

/** Conversations are remembered this long after their last turn. */
export const CONVERSATION_TTL_MS = 30 * 60_000;
/** Conversations one process remembers at most; the least recently used are forgotten first. */
const MAX_CONVERSATIONS = 10_000;

/** Conversation memory in this process: bounded (LRU) and forgetting every turn after its TTL. */
export class MemoryConversations implements ConversationStore {
  private readonly turns: LRUCache<string, RememberedTurn>;

  constructor(max = MAX_CONVERSATIONS, now: () => number = () => performance.now()) {
    this.turns = new LRUCache({ max, ttl: CONVERSATION_TTL_MS, ttlAutopurge: true, perf: { now } });
  }

  async get(conversationId: string): Promise<RememberedTurn | null> {
    return this.turns.get(conversationId) ?? null;
  }

  async set(conversationId: string, turn: RememberedTurn, ttlMs: number): Promise<void> {
    this.turns.set(conversationId, turn, { ttl: ttlMs });
  }

  get size(): number {
    return this.turns.size;
  }
}
