/**
 * What a conversation remembers between turns: the last understood question, never message text. Kept behind this
 * small interface so several instances can share it (Redis) as easily as one process keeps it in memory.
 */
export interface ConversationStore {
  get(conversationId: string): Promise<RememberedTurn | null>;
  /** remembers `turn` for `ttlMs` from now, replacing what was there */
  set(conversationId: string, turn: RememberedTurn, ttlMs: number): Promise<void>;
}

/** The last understood question of a conversation: the command and its typed slots, as plain JSON. */
export interface RememberedTurn {
  command: string;
  slots: Record<string, unknown>;
  lang: string;
  at: number;
}

/** Conversations are remembered this long after their last turn. */
export const CONVERSATION_TTL_MS = 30 * 60_000;
