import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/core/notifications/notifier.ts';
import type { Store } from '../../src/core/ports.ts';
import { useDeliveryDb } from './fixtures/delivery-db.ts';
import { always, NOW, RecordingNotifier, recordingLog } from './fixtures/delivery-fixtures.ts';

const t = useDeliveryDb();

describe('delivery failures', () => {
  it('marks a blocked identity unreachable and skips the rest of that supporter’s rows', async () => {
    const telegram = new RecordingNotifier('telegram', t.clock);
    const attempts: string[] = [];
    telegram.failWith = (message) => {
      attempts.push(message.key);
      throw new DeliveryError('unreachable', 'Forbidden: bot was blocked by the user');
    };
    const ana = await t.recipient('telegram');
    const bob = await t.recipient('telegram');
    const anaKeys = [await t.queue('broadcast', ana), await t.queue('task_handout', ana)];
    const later = await t.queue('digest', ana, { dueAt: new Date(NOW.getTime() + 3_600_000) });
    const bobKey = await t.queue('broadcast', bob);
    const dispatcher = t.dispatcher({ notifiers: [telegram] });

    await dispatcher.tick();

    // One attempt each: the second row of Ana's was skipped without trying.
    expect(attempts).toEqual([anaKeys[0], bobKey]);
    const [identity] = await t.store.supporters.identities(t.campaign.id, ana.id);
    expect(identity?.unreachable).toBe(true);
    expect((await t.store.supporters.findById(t.campaign.id, ana.id))?.status).toBe('unreachable');
    for (const key of [...anaKeys, later]) {
      expect(await t.row(key)).toMatchObject({ status: 'skipped' });
    }
  });

  it('sends through the supporter’s other identity when one of them is blocked (Discord 50007)', async () => {
    const discord = new RecordingNotifier('discord', t.clock);
    const telegram = new RecordingNotifier('telegram', t.clock);
    discord.failWith = always(
      new DeliveryError('unreachable', 'Cannot send messages to this user'),
    );
    const ana = await t.recipient('telegram');
    const other = await t.store.supporters.addIdentity(t.campaign.id, ana.id, {
      platform: 'discord',
      externalId: 'ana-discord',
    });
    await t.store.supporters.updateIdentity(t.campaign.id, other.id, { lastSeenAt: NOW });
    const key = await t.queue('broadcast', ana);

    await t.dispatcher({ notifiers: [discord, telegram] }).tick();

    expect(telegram.keys()).toEqual([key]);
    const identities = await t.store.supporters.identities(t.campaign.id, ana.id);
    expect(identities.find((i) => i.platform === 'discord')?.unreachable).toBe(true);
    expect((await t.store.supporters.findById(t.campaign.id, ana.id))?.status).toBe('active');
    expect(await t.row(key)).toMatchObject({ status: 'sent' });
  });

  it('honours a platform-wide retry_after: nothing goes to the platform before the pause ends, then the row is retried', async () => {
    const discord = new RecordingNotifier('discord', t.clock);
    const tries: { key: string; at: number }[] = [];
    discord.failWith = (message) => {
      tries.push({ key: message.key, at: t.clock.now().getTime() });
      if (tries.length === 1) {
        throw new DeliveryError('rate_limited', 'Global rate limit', 5_000, 'platform');
      }
    };
    const first = await t.queue('broadcast', await t.recipient('discord'));
    await t.queue('broadcast', await t.recipient('discord'));
    await t.queue('broadcast', await t.recipient('discord'));
    const start = NOW.getTime();

    const summary = await t.dispatcher({ notifiers: [discord] }).tick();

    expect(summary).toMatchObject({ sent: 3, retried: 1 });
    expect(tries.slice(1).every((attempt) => attempt.at >= start + 5_000)).toBe(true);
    expect(discord.keys()).toContain(first);
    // A pause asked by the platform is not a failed attempt.
    expect(await t.row(first)).toMatchObject({ status: 'sent', attempts: 0 });
  });

  it('delays only the Telegram chat that got a 429, not the other chats', async () => {
    const telegram = new RecordingNotifier('telegram', t.clock);
    const ana = await t.recipient('telegram');
    const [anaIdentity] = await t.store.supporters.identities(t.campaign.id, ana.id);
    let refused = false;
    telegram.failWith = (message) => {
      if (message.recipient.chatId === anaIdentity?.chatId && !refused) {
        refused = true;
        throw new DeliveryError('rate_limited', 'Too Many Requests: retry after 5', 5_000, 'chat');
      }
    };
    const toAna = await t.queue('broadcast', ana);
    const others = [];
    for (let i = 0; i < 5; i += 1)
      others.push(await t.queue('broadcast', await t.recipient('telegram')));
    const start = NOW.getTime();

    const dispatcher = t.dispatcher({ notifiers: [telegram] });
    expect(await dispatcher.tick()).toMatchObject({ sent: 5, retried: 1 });
    t.clock.set(new Date(start + 5_000));
    expect(await dispatcher.tick()).toMatchObject({ sent: 1 });

    const at = new Map(telegram.deliveries.map((d) => [d.key, d.at - start]));
    // The other chats go at the platform's pace, long before Ana's pause ends.
    for (const key of others) expect(at.get(key)).toBeLessThan(500);
    expect(at.get(toAna)).toBeGreaterThanOrEqual(5_000);
  });

  it('retries transient errors with exponential backoff, then fails the row after 5 attempts', async () => {
    const notifier = new RecordingNotifier('console', t.clock);
    notifier.failWith = always(new DeliveryError('transient', '502 Bad Gateway'));
    const key = await t.queue('broadcast', await t.recipient());
    const dispatcher = t.dispatcher({ notifiers: [notifier] });
    const delays: number[] = [];

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const before = t.clock.now().getTime();
      await dispatcher.tick();
      const row = await t.row(key);
      expect(row.attempts).toBe(attempt);
      if (row.status === 'failed') break;
      delays.push(row.dueAt.getTime() - before);
      t.clock.set(row.dueAt);
    }

    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(await t.row(key)).toMatchObject({
      status: 'failed',
      attempts: 5,
      lastError: 'transient: 502 Bad Gateway',
    });
  });

  it('fails a row at once on a permanent error, keeping the reason', async () => {
    const notifier = new RecordingNotifier('console', t.clock);
    notifier.failWith = always(new DeliveryError('permanent', 'Bad Request: chat not found'));
    const key = await t.queue('broadcast', await t.recipient());

    expect((await t.dispatcher({ notifiers: [notifier] }).tick()).failed).toBe(1);
    expect(await t.row(key)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'permanent: Bad Request: chat not found',
    });
  });

  it('treats an unexpected error while rendering or sending as transient', async () => {
    const notifier = new RecordingNotifier('console', t.clock);
    const key = await t.queue('broadcast', await t.recipient());
    const broken = { render: () => Promise.reject(new TypeError('undefined is not a function')) };

    await t.dispatcher({ notifiers: [notifier], content: broken }).tick();

    expect(await t.row(key)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'transient: undefined is not a function',
    });
  });

  it('never lets an error escape a tick', async () => {
    const log = recordingLog();
    const down = new Error('database is down');
    const store = Object.create(t.store) as Store;
    Object.assign(store, {
      notifications: { ...t.store.notifications, claimDue: () => Promise.reject(down) },
    });

    const summary = await t
      .dispatcher({ store, notifiers: [new RecordingNotifier('console', t.clock)], log })
      .tick();

    expect(summary).toEqual({ sent: 0, failed: 0, skipped: 0, retried: 0, deferred: 0 });
    expect(log.lines).toEqual([{ level: 'error', message: 'notification dispatch failed' }]);
  });
});

describe('platform rate limits', () => {
  it('sends at most one message per second to a Telegram chat without holding up other chats', async () => {
    const telegram = new RecordingNotifier('telegram', t.clock);
    const ana = await t.recipient('telegram');
    const bob = await t.recipient('telegram');
    for (const who of [ana, ana, ana, bob]) await t.queue('broadcast', who);

    await t.dispatcher({ notifiers: [telegram] }).tick();

    const [anaIdentity] = await t.store.supporters.identities(t.campaign.id, ana.id);
    const who = (chat: string) => (chat === anaIdentity?.chatId ? 'ana' : 'bob');
    // Bob waits only for the platform's next slot (1/29 s), Ana a second per message.
    expect(telegram.deliveries.map((d) => [who(d.chat), d.at - NOW.getTime()])).toEqual([
      ['ana', 0],
      ['bob', 34],
      ['ana', 1_000],
      ['ana', 2_000],
    ]);
  });

  it('spaces sends evenly at the per-second limit, never more in any one-second window', async () => {
    const telegram = new RecordingNotifier('telegram', t.clock);
    for (let i = 0; i < 70; i += 1) await t.queue('broadcast', await t.recipient('telegram'));

    await t.dispatcher({ notifiers: [telegram] }).tick();

    const times = telegram.deliveries.map((d) => d.at);
    expect(times).toHaveLength(70);
    for (const at of times) {
      expect(times.filter((other) => other >= at && other < at + 1_000).length).toBeLessThanOrEqual(
        30,
      );
    }
    // Paced at 29/s: 69 intervals of 1/29 s after the first.
    expect((times.at(-1) ?? 0) - NOW.getTime()).toBeCloseTo((69 * 1_000) / 29, -1);
  });
});
