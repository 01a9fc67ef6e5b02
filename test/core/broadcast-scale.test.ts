// A broadcast to a large audience answers at once with its size, writes its rows in the
// background in bounded chunks (memory does not grow with the audience), tells the organizer when
// they are all queued, and /broadcast status shows how far it got.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/interaction/request.ts';
import { NOW, useCore } from '../support/core-harness.ts';
import { seedSupporters } from '../support/seed-supporters.ts';

const AUDIENCE = 20_000;
const MB = 1024 * 1024;

describe('a broadcast to 20,000 supporters on SQLite', () => {
  const h = useCore({ admins: [{ platform: 'telegram', userId: '900' }] });
  let organizer: Actor;

  it('answers with the audience size before the rows are written, and keeps RSS growth under 50 MB', async () => {
    const campaignId = 1;
    await seedSupporters(h.db, { campaignId, count: AUDIENCE, now: NOW, tags: ['north', 'south'] });
    organizer = await h.volunteer('900', 'org');
    await h.say(organizer, '/stats');
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);

    const reply = h.text(await h.say(organizer, '/broadcast message:"Canvass at 10" audience:all'));
    const queuedAtReply = await h.db.client.notification.count({ where: { kind: 'broadcast' } });
    await h.core.deps.fanOuts.idle();
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    // Everyone seeded, and the organizer, who is registered too.
    expect(reply).toContain(`${AUDIENCE + 1} recipients`);
    expect(reply).toContain('/broadcast status 1');
    expect(queuedAtReply).toBeLessThan(AUDIENCE);
    expect(await h.db.client.notification.count({ where: { kind: 'broadcast' } })).toBe(
      AUDIENCE + 1,
    );
    expect((peak - before) / MB).toBeLessThan(50);
  });

  it('tells the organizer "queued" once every row is written', async () => {
    const admin = await h.db.client.supporter.findFirstOrThrow({
      where: { identities: { some: { externalId: '900' } } },
    });
    const told = await h.db.client.notification.findMany({ where: { kind: 'fan_out_done' } });
    expect(told).toMatchObject([{ recipientId: admin.id, broadcastId: 1 }]);
    expect(JSON.parse(told[0]!.payload)).toMatchObject({ written: AUDIENCE + 1 });
  });

  it('shows its progress with /broadcast status', async () => {
    const status = h.text(await h.say(organizer, '/broadcast status 1'));
    const all = AUDIENCE + 1;
    expect(status).toContain(`${all} of ${all} recipients queued (all queued)`);
    expect(status).toContain(`waiting ${all}`);
    expect(h.text(await h.say(organizer, '/broadcast status 99'))).toContain(
      'There is no broadcast #99',
    );
  });

  it('reaches only the holders of a tag, in the background too', async () => {
    const reply = h.text(
      await h.say(organizer, '/broadcast message:"North only" audience:tag:north'),
    );
    await h.core.deps.fanOuts.idle();
    expect(reply).toContain('10000 recipients');
    expect(
      await h.db.client.notification.count({ where: { broadcastId: 2, kind: 'broadcast' } }),
    ).toBe(10_000);
  });
});
