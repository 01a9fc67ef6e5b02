import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Campaign } from '../../src/core/campaigns/campaign.types.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { FakeTelegram, telegramErrors } from '../fakes/fake-telegram.ts';
import { tempSqliteUrl } from '../support/databases.ts';
import { dueRows, enqueueAll } from './fixtures/delivery-fixtures.ts';
import { drain, telegramDispatcher, telegramRecipients } from './fixtures/telegram-delivery.ts';

const file = tempSqliteUrl();
let db: Database;
let campaign: Campaign;
let fake: FakeTelegram;
let nextChat = 9_000;

beforeAll(async () => {
  db = await openDatabase(file.url);
  campaign = await db.store.campaigns.create({
    name: 'Telegram delivery',
    timezone: 'UTC',
    locale: 'en',
    inviteCode: 'telegram-delivery',
  });
});
beforeEach(async () => {
  await fake?.close();
  fake = await FakeTelegram.start({ messagesPerSecond: 30, perChatIntervalMs: 1_000 });
});
afterAll(async () => {
  await fake?.close();
  await db?.close();
  file.cleanup();
});

/** `count` due rows to as many new chats; returns the chat ids, in row order. */
async function queueToNewChats(count: number): Promise<string[]> {
  const first = nextChat;
  nextChat += count;
  const people = await telegramRecipients(db.store, campaign.id, first, count);
  const key = `batch${first}`;
  const rows = dueRows(people, count, new Date(Date.now() - 1_000)).map((row) => ({
    ...row,
    key: `${key}:${row.key}`,
  }));
  await enqueueAll(db.store, campaign.id, rows);
  return people.map((_, i) => String(first + i));
}

async function rowTo(chatId: string) {
  const identity = await db.client.identity.findFirstOrThrow({ where: { chatId } });
  const [row] = await db.store.notifications.list(campaign.id, {
    recipientId: identity.supporterId,
  });
  return row;
}

describe('delivery through the Bot API', () => {
  it('goes on sending to other chats while one request hangs, and gives the hung one up', async () => {
    const chats = await queueToNewChats(12);
    const hung = chats[0] as string;
    fake.hang({ chatId: hung }, 4_000);
    const dispatcher = telegramDispatcher(db.store, fake, { sendTimeoutMs: 2_000 });

    await drain(dispatcher);
    const finished = Date.now();

    const hungAt = fake.sendRequests.find((request) => request.chatId === hung)?.at ?? 0;
    // Every other message went out while the hung request waited for its answer or timeout.
    const others = fake.sendRequests.filter((request) => request.chatId !== hung);
    expect(others).toHaveLength(11);
    for (const request of others) expect(request.at).toBeLessThan(hungAt + 2_000);
    // The tick ended before the platform answered the hung request.
    expect(finished).toBeLessThan(hungAt + 4_000);
    for (const chat of chats.slice(1)) expect(fake.messages(chat)).toHaveLength(1);
    expect(fake.messages(hung)).toHaveLength(1);
    expect(await rowTo(hung)).toMatchObject({ status: 'failed' });
    expect((await rowTo(hung))?.lastError).toContain('not sent again');
  });

  it('sends once a message the platform took but answered after the lease ended', async () => {
    const [late = '', ...others] = await queueToNewChats(3);
    fake.hang({ chatId: late }, 2_500);
    const lease = { leaseMs: 2_000, sendTimeoutMs: 500 };
    const first = telegramDispatcher(db.store, fake, { ...lease, workerId: 'first' });
    const second = telegramDispatcher(db.store, fake, { ...lease, workerId: 'second' });

    await drain(first);
    // The first lease has ended; the platform answers the hung request only now.
    await new Promise((resolve) => setTimeout(resolve, 2_600));
    await drain(second);

    expect(fake.sendRequests.filter((request) => request.chatId === late)).toHaveLength(1);
    expect(fake.messages(late)).toHaveLength(1);
    for (const chat of others) expect(fake.messages(chat)).toHaveLength(1);
    expect(first.log.lines).not.toContainEqual(
      expect.objectContaining({ message: 'notification sent after its lease was taken over' }),
    );
  });

  it('delays only the chat that got a 429, not the rest of Telegram', async () => {
    const [limited = '', ...others] = await queueToNewChats(10);
    fake.fail({ chatId: limited, times: 1 }, telegramErrors.tooManyRequests(30));

    const summary = await telegramDispatcher(db.store, fake).tick();

    expect(summary).toMatchObject({ sent: 9, retried: 1 });
    for (const chat of others) expect(fake.messages(chat)).toHaveLength(1);
    const row = await rowTo(limited);
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    expect(row?.dueAt.getTime()).toBeGreaterThan(Date.now() + 25_000);
  });
});
