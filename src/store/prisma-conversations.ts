import { z } from 'zod';
import type { Conversation, ConversationStore } from '../core/conversations/conversation.types.ts';
import type { DbClient } from './prisma-client.ts';

const value = z.union([z.string(), z.number(), z.boolean()]);

/** A question as stored: read back through this schema, so a malformed row is an error. */
const conversationSchema = z.object({
  prompt: z.object({
    command: z.string(),
    subcommand: z.string().optional(),
    args: z.record(z.string(), value),
    option: z.string(),
  }),
  actor: z.object({
    platform: z.enum(['discord', 'telegram', 'console']),
    userId: z.string(),
    username: z.string().optional(),
    displayName: z.string().optional(),
    platformLocale: z.string().optional(),
    spaceAdmin: z.boolean().optional(),
    roleIds: z.array(z.string()).optional(),
    chatId: z.string().optional(),
  }),
  space: z
    .object({
      platform: z.enum(['discord', 'telegram']),
      id: z.string(),
      title: z.string().optional(),
    })
    .optional(),
});

/** Questions waiting for their answers, in the `Conversation` table shared by every process. */
export class PrismaConversationStore implements ConversationStore {
  constructor(private readonly db: DbClient) {}

  async save(key: string, conversation: Conversation, expiresAt: Date, now: Date): Promise<void> {
    const question = JSON.stringify(conversation);
    await this.db.conversation.deleteMany({ where: { expiresAt: { lte: now } } });
    await this.db.conversation.upsert({
      where: { key },
      create: { key, question, expiresAt },
      update: { question, expiresAt },
    });
  }

  async find(key: string, now: Date): Promise<Conversation | null> {
    const row = await this.db.conversation.findUnique({ where: { key } });
    return row && row.expiresAt > now ? read(row.question) : null;
  }

  async take(key: string, now: Date): Promise<Conversation | null> {
    const row = await this.db.conversation.findUnique({ where: { key } });
    if (!row) return null;
    // Deleting the row as read is the claim: of two processes, only one deletes it.
    const { count } = await this.db.conversation.deleteMany({
      where: { key, question: row.question, expiresAt: row.expiresAt },
    });
    return count === 1 && row.expiresAt > now ? read(row.question) : null;
  }

  async drop(key: string): Promise<void> {
    await this.db.conversation.deleteMany({ where: { key } });
  }
}

function read(question: string): Conversation {
  return conversationSchema.parse(JSON.parse(question));
}
