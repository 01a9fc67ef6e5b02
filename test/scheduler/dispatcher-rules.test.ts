import { describe, expect, it } from 'vitest';
import type { NotificationContent } from '../../src/core/notifications/notification-content.ts';
import { useDeliveryDb } from './fixtures/delivery-db.ts';
import { keyContent, NOW, RecordingNotifier, recordingLog } from './fixtures/delivery-fixtures.ts';

const t = useDeliveryDb();
const HOUR = 3_600_000;

async function event(startsAt: Date) {
  return t.store.events.create(t.campaign.id, {
    title: 'Canvass',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR),
    timezone: 'Europe/Paris',
  });
}

describe('what the dispatcher sends', () => {
  it('sends a due row to the most recently seen reachable identity and marks it sent', async () => {
    const telegram = new RecordingNotifier('telegram', t.clock);
    const consoleOut = new RecordingNotifier('console', t.clock);
    const ana = await t.recipient('console');
    const [own] = await t.store.supporters.identities(t.campaign.id, ana.id);
    const recent = await t.store.supporters.addIdentity(t.campaign.id, ana.id, {
      platform: 'telegram',
      externalId: 'ana-tg',
      chatId: 'ana-chat',
    });
    const blocked = await t.store.supporters.addIdentity(t.campaign.id, ana.id, {
      platform: 'telegram',
      externalId: 'ana-old',
    });
    await t.store.supporters.updateIdentity(t.campaign.id, own?.id ?? 0, { lastSeenAt: NOW });
    await t.store.supporters.updateIdentity(t.campaign.id, recent.id, {
      lastSeenAt: new Date(NOW.getTime() + 1),
    });
    await t.store.supporters.updateIdentity(t.campaign.id, blocked.id, {
      lastSeenAt: new Date(NOW.getTime() + 2),
      unreachable: true,
    });
    const due = await t.queue('broadcast', ana);
    const later = await t.queue('broadcast', ana, { dueAt: new Date(NOW.getTime() + 60_000) });

    const summary = await t.dispatcher({ notifiers: [telegram, consoleOut] }).tick();

    expect(summary).toEqual({ sent: 1, failed: 0, skipped: 0, retried: 0, deferred: 0 });
    expect(telegram.deliveries).toEqual([{ key: due, chat: 'ana-chat', at: NOW.getTime() }]);
    expect(consoleOut.deliveries).toEqual([]);
    expect(await t.row(due)).toMatchObject({ status: 'sent', sentAt: NOW });
    expect(await t.row(later)).toMatchObject({ status: 'pending' });
  });

  it('skips every kind of message to supporters with reminders off, paused or erased', async () => {
    const notifier = new RecordingNotifier('console', t.clock);
    const off = await t.recipient();
    const paused = await t.recipient();
    const erased = await t.recipient();
    await t.store.supporters.update(t.campaign.id, off.id, { remindersEnabled: false });
    await t.store.supporters.update(t.campaign.id, paused.id, { status: 'paused' });
    await t.store.supporters.update(t.campaign.id, erased.id, { status: 'erased' });
    const keys = [
      await t.queue('broadcast', off),
      await t.queue('task_handout', off),
      await t.queue('waitlist_promotion', paused),
      await t.queue('digest', erased),
    ];

    const summary = await t.dispatcher({ notifiers: [notifier] }).tick();

    expect(summary.skipped).toBe(4);
    expect(notifier.deliveries).toEqual([]);
    const rows = await Promise.all(keys.map((key) => t.row(key)));
    expect(rows.map((row) => [row.status, row.lastError])).toEqual([
      ['skipped', 'reminders off'],
      ['skipped', 'reminders off'],
      ['skipped', 'recipient paused'],
      ['skipped', 'recipient erased'],
    ]);
  });

  it('skips rows about a cancelled event but sends its cancellation notice', async () => {
    const notifier = new RecordingNotifier('console', t.clock);
    const ana = await t.recipient();
    const cancelled = await event(new Date(NOW.getTime() + 24 * HOUR));
    await t.store.events.update(t.campaign.id, cancelled.id, { status: 'cancelled' });
    const reminder = await t.queue('event_reminder', ana, { eventId: cancelled.id });
    const notice = await t.queue('event_cancelled', ana, { eventId: cancelled.id });

    await t.dispatcher({ notifiers: [notifier] }).tick();

    expect(notifier.keys()).toEqual([notice]);
    expect(await t.row(reminder)).toMatchObject({
      status: 'skipped',
      lastError: 'event cancelled',
    });
  });

  it('sends what fell due while the process was down if its event is still ahead, else skips it', async () => {
    const notifier = new RecordingNotifier('console', t.clock);
    const ana = await t.recipient();
    const ahead = await event(new Date(NOW.getTime() + HOUR));
    const started = await event(new Date(NOW.getTime() - 10 * 60_000));
    const missedAhead = await t.queue('event_reminder', ana, {
      eventId: ahead.id,
      dueAt: new Date(NOW.getTime() - 2 * HOUR),
    });
    const missedStarted = await t.queue('event_reminder', ana, {
      eventId: started.id,
      dueAt: new Date(NOW.getTime() - HOUR),
    });
    const changeStarted = await t.queue('event_changed', ana, {
      eventId: started.id,
      dueAt: new Date(NOW.getTime() - HOUR),
    });

    await t.dispatcher({ notifiers: [notifier] }).tick();

    expect(notifier.keys()).toEqual([missedAhead]);
    for (const key of [missedStarted, changeStarted]) {
      expect(await t.row(key)).toMatchObject({ status: 'skipped', lastError: 'event started' });
    }
  });

  it('skips a row whose content has nothing left to say', async () => {
    const notifier = new RecordingNotifier('console', t.clock);
    const nothing: NotificationContent = { render: async () => null };
    const key = await t.queue('task_due', await t.recipient());

    await t.dispatcher({ notifiers: [notifier], content: nothing }).tick();

    expect(await t.row(key)).toMatchObject({ status: 'skipped', lastError: 'nothing to send' });
  });

  it('leaves a row for a supporter reachable only on another platform to a process that can send there', async () => {
    const key = await t.queue('broadcast', await t.recipient('discord'));

    await t.dispatcher({ notifiers: [new RecordingNotifier('console', t.clock)] }).tick();

    expect(await t.row(key)).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
  });

  it('skips a supporter with no reachable identity at all', async () => {
    const recipient = await t.recipient('console');
    const [identity] = await t.store.supporters.identities(recipient.campaignId, recipient.id);
    await t.store.supporters.updateIdentity(recipient.campaignId, identity!.id, {
      unreachable: true,
    });
    const key = await t.queue('broadcast', recipient);

    await t.dispatcher({ notifiers: [new RecordingNotifier('console', t.clock)] }).tick();

    expect(await t.row(key)).toMatchObject({
      status: 'skipped',
      lastError: 'no reachable identity',
    });
  });
});

describe('quiet hours', () => {
  // 22:30 in Paris on Monday; quiet until 08:00 on Tuesday (07:00 UTC).
  const lateEvening = new Date('2026-11-30T21:30:00Z');
  const quietEnd = new Date('2026-12-01T07:00:00Z');

  async function sleeper() {
    const ana = await t.recipient();
    return t.store.supporters.update(t.campaign.id, ana.id, { quietHours: '22:00-08:00' });
  }

  it('defers a row due inside quiet hours to their end, then sends it', async () => {
    const notifier = new RecordingNotifier('console', t.clock);
    const ana = await sleeper();
    t.clock.set(lateEvening);
    const key = await t.queue('broadcast', ana);
    const dispatcher = t.dispatcher({ notifiers: [notifier] });

    expect((await dispatcher.tick()).deferred).toBe(1);
    expect(await t.row(key)).toMatchObject({ status: 'pending', dueAt: quietEnd });
    t.clock.set(new Date(quietEnd.getTime() - 1));
    await dispatcher.tick();
    expect(notifier.deliveries).toEqual([]);

    t.clock.set(quietEnd);
    await dispatcher.tick();
    expect(notifier.deliveries).toEqual([
      { key, chat: expect.any(String), at: quietEnd.getTime() },
    ]);
  });

  it("reads quiet hours in the supporter's own time zone", async () => {
    const notifier = new RecordingNotifier('console', t.clock);
    const ana = await sleeper();
    await t.store.supporters.update(t.campaign.id, ana.id, { timezone: 'America/New_York' });
    t.clock.set(lateEvening); // 16:30 in New York: not quiet there
    const key = await t.queue('broadcast', ana);

    await t.dispatcher({ notifiers: [notifier] }).tick();

    expect(notifier.keys()).toEqual([key]);
  });

  it('delivers at once when quiet hours would end after the event starts', async () => {
    const notifier = new RecordingNotifier('console', t.clock);
    const ana = await sleeper();
    t.clock.set(lateEvening);
    const early = await event(new Date('2026-12-01T06:30:00Z')); // 07:30 in Paris
    const later = await event(new Date('2026-12-01T09:00:00Z'));
    const urgent = await t.queue('event_reminder', ana, { eventId: early.id });
    const deferred = await t.queue('event_reminder', ana, { eventId: later.id });

    await t.dispatcher({ notifiers: [notifier] }).tick();

    expect(notifier.keys()).toEqual([urgent]);
    expect(await t.row(deferred)).toMatchObject({ status: 'pending', dueAt: quietEnd });
  });
});

describe('what the dispatcher reports', () => {
  it('logs one line per tick, and only when something happened', async () => {
    const log = recordingLog();
    const dispatcher = t.dispatcher({
      notifiers: [new RecordingNotifier('console', t.clock)],
      content: keyContent,
      log,
    });

    await dispatcher.tick();
    expect(log.lines).toEqual([]);

    await t.queue('broadcast', await t.recipient());
    await t.queue('broadcast', await t.recipient());
    await dispatcher.tick();
    expect(log.lines).toEqual([{ level: 'info', message: 'notifications dispatched' }]);
  });

  it('counts each outcome by kind and platform, the lag, and the queue left due', async () => {
    const handled: string[] = [];
    const lags: number[] = [];
    const depths: number[] = [];
    const metrics = {
      handled: (kind: string, platform: string, outcome: string) =>
        handled.push(`${kind}/${platform}/${outcome}`),
      lag: (seconds: number) => lags.push(seconds),
      queueDepth: (count: number) => depths.push(count),
    };
    const off = await t.recipient();
    await t.store.supporters.update(t.campaign.id, off.id, { remindersEnabled: false });
    await t.queue('broadcast', await t.recipient(), { dueAt: new Date(NOW.getTime() - 90_000) });
    await t.queue('digest', off);

    await t.dispatcher({ notifiers: [new RecordingNotifier('console', t.clock)], metrics }).tick();

    expect(handled).toEqual(['broadcast/console/sent', 'digest/none/skipped']);
    expect(lags).toEqual([90]);
    expect(depths).toEqual([0]);
  });
});
