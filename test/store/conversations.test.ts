import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Conversation,
  ConversationStore,
} from '../../src/core/conversations/conversation.types.ts';
import { MemoryConversationStore } from '../../src/core/conversations/memory-conversations.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import {
  createPostgresDatabase,
  reportPostgresSkip,
  TEST_POSTGRES_URL,
  tempSqliteUrl,
} from '../support/databases.ts';

const NOW = new Date('2026-12-01T10:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
let counter = 0;

const question: Conversation = {
  prompt: { command: 'task', subcommand: 'create', args: { slots: 2 }, option: 'title' },
  actor: { platform: 'telegram', userId: '501', spaceAdmin: true },
  space: { platform: 'telegram', id: '-100123', title: 'Canvass team' },
};

/** What every conversation store does, whatever keeps the questions. */
function conversationContract(open: () => Promise<{ store: ConversationStore; close(): unknown }>) {
  let store: ConversationStore;
  let close: () => unknown;
  const key = () => `telegram:${++counter}`;
  beforeAll(async () => {
    ({ store, close } = await open());
  });
  afterAll(() => close?.());

  it('gives the question back, with who was asked and where, to one taker only', async () => {
    const k = key();
    await store.save(k, question, minutes(10), NOW);
    expect(await store.find(k, minutes(1))).toEqual(question);
    const [first, second] = await Promise.all([
      store.take(k, minutes(1)),
      store.take(k, minutes(1)),
    ]);
    expect([first, second].filter(Boolean)).toEqual([question]);
    expect(await store.find(k, minutes(1))).toBeNull();
  });

  it('forgets a question once it has expired', async () => {
    const k = key();
    await store.save(k, question, minutes(10), NOW);
    expect(await store.take(k, minutes(10))).toBeNull();
  });

  it('keeps only the latest question of a conversation, and drops it on request', async () => {
    const k = key();
    await store.save(k, question, minutes(10), NOW);
    const later = { ...question, prompt: { ...question.prompt, option: 'slots', args: {} } };
    await store.save(k, later, minutes(12), minutes(2));
    expect(await store.find(k, minutes(3))).toEqual(later);
    await store.drop(k);
    expect(await store.take(k, minutes(3))).toBeNull();
  });

  it('keeps conversations apart', async () => {
    const [k1, k2] = [key(), key()];
    await store.save(k1, question, minutes(10), NOW);
    expect(await store.find(k2, NOW)).toBeNull();
    expect(await store.find(k1, NOW)).toEqual(question);
  });
}

reportPostgresSkip('conversations on PostgreSQL');

describe('conversations in memory', () => {
  conversationContract(async () => ({ store: new MemoryConversationStore(), close: () => {} }));
});

describe('conversations on SQLite', () => {
  const file = tempSqliteUrl();
  conversationContract(async () => {
    const db: Database = await openDatabase(file.url);
    return {
      store: db.store.conversations,
      close: async () => {
        await db.close();
        file.cleanup();
      },
    };
  });
});

describe.skipIf(!TEST_POSTGRES_URL)('conversations on PostgreSQL', () => {
  conversationContract(async () => {
    const database = await createPostgresDatabase('organizer_conversations');
    const db = await openDatabase(database.url);
    return {
      store: db.store.conversations,
      close: async () => {
        await db.close();
        await database.drop();
      },
    };
  });
});
