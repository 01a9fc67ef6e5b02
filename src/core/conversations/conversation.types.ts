import type { PendingPrompt } from '../interaction/reply.ts';
import type { Actor, CommandRequest } from '../interaction/request.ts';

/** How long a question waits for its answer. */
export const CONVERSATION_TTL_MS = 10 * 60_000;

/** A question waiting for its answer: what was asked, of whom, and where (the answer runs there). */
export interface Conversation {
  prompt: PendingPrompt;
  actor: Actor;
  space?: CommandRequest['space'];
}

/**
 * Where questions wait for their answers, one per conversation key. Every process shares it, so
 * the answer may reach any of them; a restart keeps it. The database implements it, and
 * {@link MemoryConversationStore} is its twin for tests (as grammY's sessions sit on a
 * `StorageAdapter`).
 */
export interface ConversationStore {
  /** Keeps this question until `expiresAt`, replacing the one before; forgets those expired at `now`. */
  save(key: string, conversation: Conversation, expiresAt: Date, now: Date): Promise<void>;
  /** The question waiting at `now`, without taking it; null when none or expired. */
  find(key: string, now: Date): Promise<Conversation | null>;
  /** Takes the question waiting at `now`: only one taker gets it; null when none or expired. */
  take(key: string, now: Date): Promise<Conversation | null>;
  /** Forgets the question of this conversation, if any. */
  drop(key: string): Promise<void>;
}
