import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordNotifier, pacedRest } from '../../src/bots/discord/discord-notifier.ts';
import { fixedClock, systemClock } from '../../src/core/clock.ts';
import { PaceGate } from '../../src/core/notifications/pace-gate.ts';
import { Dispatcher } from '../../src/scheduler/dispatcher.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { PrismaSendBudget } from '../../src/store/prisma-delivery-budget.ts';
import { FakeDiscord } from '../fakes/fake-discord.ts';
import { FakeTelegram } from '../fakes/fake-telegram.ts';
import {
  createPostgresDatabase,
  reportPostgresSkip,
  TEST_POSTGRES_URL,
} from '../support/databases.ts';
import {
  dueRows,
  enqueueAll,
  keyContent,
  NOW,
  RecordingNotifier,
  recordingLog,
  seedCampaign,
} from './fixtures/delivery-fixtures.ts';
import {
  busiestSecond,
  drain,
  telegramDispatcher,
  telegramRecipients,
} from './fixtures/telegram-delivery.ts';

reportPostgresSkip('dispatchers on PostgreSQL');

const ROWS = 2_000;

describe.skipIf(!TEST_POSTGRES_URL)('dispatchers on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  const open: Database[] = [];

  beforeAll(async () => {
    database = await createPostgresDatabase('organizer_dispatch');
    for (let i = 0; i < 2; i += 1) open.push(await openDatabase(database.url, { poolSize: 4 }));
  });
  afterAll(async () => {
    for (const db of open) await db.close();
    await database?.drop();
  });

  it('leases a row to one worker until its lease ends, and back to the same worker at once', async () => {
    const [db] = open as [Database];
    await seedCampaign(db.store, 'Leases', { people: 1, rows: 1 }, NOW, 'digest');
    const claim = (workerId: string, at: number) =>
      db.store.notifications.claimDue({
        workerId,
        now: new Date(at),
        until: new Date(at + 60_000),
        limit: 10,
        platforms: ['console'],
      });
    const start = NOW.getTime();

    expect(await claim('dead', start)).toHaveLength(1);
    expect(await claim('alive', start + 59_999)).toEqual([]);
    expect(await claim('dead', start + 1)).toHaveLength(1);
    const [row] = await claim('alive', start + 60_001);
    expect(row?.kind).toBe('digest');
    expect(
      await db.store.notifications.settle(row?.id ?? 0, 'dead', { status: 'sent', at: NOW }),
    ).toBe(false);
    expect(
      await db.store.notifications.settle(row?.id ?? 0, 'alive', { status: 'sent', at: NOW }),
    ).toBe(true);
  });

  it('delivers each of 2,000 due rows exactly once with two dispatchers sharing the work', async () => {
    const [first, second] = open as [Database, Database];
    const { campaignId } = await seedCampaign(
      first.store,
      'Shared',
      { people: 50, rows: ROWS },
      new Date(NOW.getTime() - 60_000),
    );
    const clock = fixedClock(NOW);
    const notifier = new RecordingNotifier('console', clock);
    const dispatchers = [first, second].map(
      (db, i) =>
        new Dispatcher({
          store: db.store,
          notifiers: [notifier],
          content: keyContent,
          clock,
          log: recordingLog(),
          workerId: `worker-${i}`,
          batchSize: 50,
        }),
    );

    // Both tick at once, each until nothing is left for it.
    const sentBy = await Promise.all(
      dispatchers.map(async (dispatcher) => {
        let sent = 0;
        for (let round = 0; round < 100; round += 1) {
          const summary = await dispatcher.tick();
          if (summary.sent === 0) break;
          sent += summary.sent;
        }
        return sent;
      }),
    );

    const counts = new Map<string, number>();
    for (const key of notifier.keys()) counts.set(key, (counts.get(key) ?? 0) + 1);
    console.log(`two dispatchers on PostgreSQL: ${sentBy.join(' + ')} rows sent`);
    expect(counts.size).toBe(ROWS);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(sentBy.every((sent) => sent > 0)).toBe(true);
    const sent = await first.store.notifications.list(campaignId, { status: ['sent'] });
    expect(sent).toHaveLength(ROWS);
  }, 120_000);

  it('keeps two dispatchers sharing the Telegram budget within 30 messages in any sliding second', async () => {
    const [first, second] = open as [Database, Database];
    const fake = await FakeTelegram.start({ messagesPerSecond: 30, perChatIntervalMs: 1_000 });
    try {
      const campaign = await first.store.campaigns.create({
        name: 'Budget',
        timezone: 'UTC',
        locale: 'en',
        inviteCode: 'budget',
      });
      const people = await telegramRecipients(first.store, campaign.id, 50_000, 120);
      const rows = dueRows(people, people.length, new Date(Date.now() - 1_000));
      await enqueueAll(first.store, campaign.id, rows);
      // Two processes: each its own connections and its own view of the shared budget.
      const dispatchers = [first, second].map((db, i) =>
        telegramDispatcher(db.store, fake, {
          workerId: `budget-${i}`,
          batchSize: 20,
          budget: new PrismaSendBudget(db.client),
        }),
      );

      const sentBy = await Promise.all(dispatchers.map(drain));

      const times = fake.sendRequests.map((request) => request.at);
      console.log(
        `shared budget: ${sentBy.join(' + ')} sent, busiest second ${busiestSecond(times)}`,
      );
      expect(busiestSecond(times)).toBeLessThanOrEqual(30);
      expect(fake.tooManyRequests).toBe(0);
      expect(sentBy.every((sent) => sent > 0)).toBe(true);
      expect(fake.messages()).toHaveLength(120);
      expect(new Set(fake.messages().map((message) => message.chat.id)).size).toBe(120);
    } finally {
      await fake.close();
    }
  }, 60_000);

  it("keeps two dispatchers within Discord's 50 requests in any sliding second, channel openings included", async () => {
    const [first, second] = open as [Database, Database];
    const fake = await FakeDiscord.start({ requestsPerSecond: 50 });
    try {
      const campaign = await first.store.campaigns.create({
        name: 'Discord budget',
        timezone: 'UTC',
        locale: 'en',
        inviteCode: 'discord-budget',
      });
      const people = [];
      for (let i = 0; i < 80; i += 1) {
        const user = fake.addUser(`member${i}`);
        // No DM channel known yet: each message costs two requests (open it, then post).
        const created = await first.store.supporters.createWithIdentity(campaign.id, {
          platform: 'discord',
          externalId: user.id,
          chatId: null,
        });
        people.push(
          await first.store.supporters.update(campaign.id, created.id, { consentAt: new Date(0) }),
        );
      }
      await enqueueAll(first.store, campaign.id, dueRows(people, 80, new Date(Date.now() - 1_000)));
      const dispatchers = [first, second].map((db, i) => {
        const gate = new PaceGate();
        const rest = pacedRest({ api: fake.apiBase }, gate).setToken(fake.token);
        return new Dispatcher({
          store: db.store,
          notifiers: [new DiscordNotifier(rest, gate)],
          content: keyContent,
          clock: systemClock,
          log: recordingLog(),
          workerId: `discord-${i}`,
          batchSize: 20,
          budget: new PrismaSendBudget(db.client),
        });
      });

      const sentBy = await Promise.all(dispatchers.map(drain));

      const posts = fake.calls.filter(
        (call) => call.status === 200 && /^\/channels\/\d+\/messages$/.test(call.path),
      );
      console.log(
        `shared Discord budget: ${sentBy.join(' + ')} sent, ${fake.requestTimes.length} requests, busiest second ${busiestSecond(fake.requestTimes)}`,
      );
      expect(busiestSecond(fake.requestTimes)).toBeLessThanOrEqual(50);
      expect(fake.tooManyRequests).toBe(0);
      expect(sentBy.every((sent) => sent > 0)).toBe(true);
      expect(posts).toHaveLength(80);
      expect(new Set(posts.map((call) => call.path)).size).toBe(80);
    } finally {
      await fake.close();
    }
  }, 60_000);
});
