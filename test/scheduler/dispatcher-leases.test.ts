import { describe, expect, it } from 'vitest';
import { useDeliveryDb } from './fixtures/delivery-db.ts';
import { NOW, RecordingNotifier } from './fixtures/delivery-fixtures.ts';

const t = useDeliveryDb();
const LEASE_MS = 60_000;

/** Leases every due row to `workerId`, as a process that then died would have. */
async function claimAs(workerId: string) {
  const now = t.clock.now();
  const until = new Date(now.getTime() + LEASE_MS);
  return t.store.notifications.claimDue({
    workerId,
    now,
    until,
    limit: 100,
    platforms: ['console'],
  });
}

describe('leases', () => {
  it('sends a row leased by a dead worker once the lease has ended, not before', async () => {
    const notifier = new RecordingNotifier('console', t.clock);
    const key = await t.queue('broadcast', await t.recipient());
    expect(await claimAs('dead')).toHaveLength(1);
    const dispatcher = t.dispatcher({
      notifiers: [notifier],
      workerId: 'alive',
      leaseMs: LEASE_MS,
    });

    t.clock.set(new Date(NOW.getTime() + LEASE_MS - 1));
    expect((await dispatcher.tick()).sent).toBe(0);
    t.clock.set(new Date(NOW.getTime() + LEASE_MS));
    expect((await dispatcher.tick()).sent).toBe(1);

    expect(notifier.keys()).toEqual([key]);
  });

  it('lets a process restarted with the same worker id take its leases back at once', async () => {
    const notifier = new RecordingNotifier('console', t.clock);
    await t.queue('broadcast', await t.recipient());
    await claimAs('worker-1');

    await t.dispatcher({ notifiers: [notifier], workerId: 'worker-1' }).tick();

    expect(notifier.deliveries).toHaveLength(1);
  });

  it('joins a tick already running instead of running a second one beside it', async () => {
    const notifier = new RecordingNotifier('console', t.clock);
    for (let i = 0; i < 3; i += 1) await t.queue('broadcast', await t.recipient());
    const dispatcher = t.dispatcher({ notifiers: [notifier] });

    const [first, second] = [dispatcher.tick(), dispatcher.tick()];

    expect(second).toBe(first);
    expect((await first).sent).toBe(3);
    expect(notifier.deliveries).toHaveLength(3);
  });

  it('gives each due row to one claimant only', async () => {
    const ana = await t.recipient();
    for (let i = 0; i < 5; i += 1) await t.queue('broadcast', ana);

    const [first, second] = [await claimAs('a'), await claimAs('b')];

    expect(first).toHaveLength(5);
    expect(second).toEqual([]);
  });

  it('refuses every write from a worker whose lease was taken over', async () => {
    const key = await t.queue('broadcast', await t.recipient());
    const [row] = await claimAs('slow');
    t.clock.advance(LEASE_MS);
    await claimAs('fast');
    const id = row?.id ?? 0;

    const notifications = t.store.notifications;
    expect(await notifications.settle(id, 'slow', { status: 'sent', at: t.clock.now() })).toBe(
      false,
    );
    expect(await notifications.settle(id, 'slow', { status: 'failed', reason: 'x' })).toBe(false);
    expect(await notifications.release([id], 'slow')).toBe(0);
    expect(await notifications.settle(id, 'fast', { status: 'sent', at: t.clock.now() })).toBe(
      true,
    );
    expect(await t.row(key)).toMatchObject({ status: 'sent' });
  });

  it('stops between rows when the tick is aborted and leaves the rest due for anyone', async () => {
    const stop = new AbortController();
    const notifier = new RecordingNotifier('console', t.clock);
    notifier.failWith = () => stop.abort();
    const keys = [];
    for (let i = 0; i < 4; i += 1) keys.push(await t.queue('broadcast', await t.recipient()));

    const summary = await t.dispatcher({ notifiers: [notifier] }).tick(stop.signal);

    expect(summary.sent).toBe(1);
    const rest = await Promise.all(keys.slice(1).map((key) => t.row(key)));
    expect(rest.map((row) => row.status)).toEqual(['pending', 'pending', 'pending']);
    expect(await claimAs('next')).toHaveLength(3);
  });

  it('starts no row in the second half of its lease: the rest is released, still due', async () => {
    const notifier = new RecordingNotifier('console', t.clock);
    // Each send takes 20 s of the 60 s lease.
    notifier.failWith = () => t.clock.advance(20_000);
    for (let i = 0; i < 4; i += 1) await t.queue('broadcast', await t.recipient());
    const dispatcher = t.dispatcher({ notifiers: [notifier], leaseMs: LEASE_MS, batchSize: 4 });

    const summary = await dispatcher.tick();

    // Two rows in the first batch (at 0 s and 20 s), the rest under fresh leases.
    expect(summary.sent).toBe(4);
    expect(notifier.deliveries.map((d) => (d.at - NOW.getTime()) / 1_000)).toEqual([
      20, 40, 60, 80,
    ]);
  });
});

describe('claims by platform', () => {
  it('leaves a row to the process that can reach its recipient, and takes rows nobody can reach', async () => {
    const onTelegram = await t.recipient('telegram');
    const key = await t.queue('broadcast', onTelegram);
    const now = t.clock.now();
    const until = new Date(now.getTime() + LEASE_MS);
    const claim = (platforms: string[]) =>
      t.store.notifications.claimDue({ workerId: 'w', now, until, limit: 100, platforms });
    expect(await claim(['discord', 'console'])).toEqual([]);
    expect((await claim(['telegram'])).map((row) => row.key)).toEqual([key]);
  });
});
