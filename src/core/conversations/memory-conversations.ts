import type { Conversation, ConversationStore } from './conversation.types.ts';

/** The conversation store in one process's memory: for tests and a single process. */
export class MemoryConversationStore implements ConversationStore {
  private readonly waiting = new Map<string, { conversation: Conversation; expiresAt: Date }>();

  async save(key: string, conversation: Conversation, expiresAt: Date, now: Date): Promise<void> {
    for (const [other, entry] of this.waiting) {
      if (entry.expiresAt <= now) this.waiting.delete(other);
    }
    this.waiting.set(key, { conversation: structuredClone(conversation), expiresAt });
  }

  async find(key: string, now: Date): Promise<Conversation | null> {
    const entry = this.waiting.get(key);
    return entry && entry.expiresAt > now ? structuredClone(entry.conversation) : null;
  }

  async take(key: string, now: Date): Promise<Conversation | null> {
    const entry = this.waiting.get(key);
    this.waiting.delete(key);
    return entry && entry.expiresAt > now ? entry.conversation : null;
  }

  async drop(key: string): Promise<void> {
    this.waiting.delete(key);
  }
}
