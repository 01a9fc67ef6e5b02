import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/interaction/reply.ts';
import type { Actor } from '../../src/core/interaction/request.ts';
import { notificationKey } from '../../src/core/notifications/notification-keys.ts';
import { NOW, telegramUser, useCore } from '../support/core-harness.ts';
import { supporterOf } from './supporter-fixtures.ts';

const h = useCore();
afterAll(() => expect(h.errors).toEqual([]));

const discord = (userId: string, username: string): Actor => ({
  platform: 'discord',
  userId,
  username,
  displayName: username,
});
const codeOf = (reply: Reply) => /\/link code:(\w+)/.exec(h.text(reply))?.[1] ?? '';

let campaignId: number;
beforeAll(async () => {
  campaignId = (await h.core.services.campaigns.ensureDefault()).id;
});

describe('/link', () => {
  it('merges the history of two registered accounts into the older supporter, leaving one', async () => {
    const { store } = h.core.deps;
    const client = h.db.client;
    const eve = discord('800000000000000001', 'eve_d');
    await h.say(eve, '/join agree:on');
    await h.volunteer('4001', 'eve_t');
    const older = await supporterOf(h, campaignId, 'discord', eve.userId);
    const newer = await supporterOf(h, campaignId, 'telegram', '4001');
    await store.supporters.addTag(campaignId, older.id, 'canvassing');
    await store.supporters.setSkills(campaignId, newer.id, ['phoning', 'canvassing']);
    await store.supporters.addPoints(campaignId, older.id, 5);
    await store.supporters.addPoints(campaignId, newer.id, 7);
    const flyers = await store.tasks.create(campaignId, { title: 'Flyers', slots: 3 });
    const posters = await store.tasks.create(campaignId, { title: 'Posters', slots: 3 });
    await store.tasks.claim(campaignId, flyers.id, older.id, NOW);
    await store.tasks.claim(campaignId, flyers.id, newer.id, NOW);
    await store.tasks.claim(campaignId, posters.id, newer.id, NOW);
    const event = await store.events.create(campaignId, {
      title: 'Canvass',
      startsAt: new Date('2026-12-05T17:00:00Z'),
      endsAt: new Date('2026-12-05T19:00:00Z'),
      timezone: 'Europe/Paris',
    });
    await client.rsvp.create({
      data: { campaignId, eventId: event.id, supporterId: newer.id, answer: 'yes' },
    });
    await client.event.update({ where: { id: event.id }, data: { yesCount: 1 } });
    await store.notifications.enqueue(campaignId, [
      {
        kind: 'event_reminder',
        key: notificationKey('event_reminder', event.id, newer.id, 1440),
        recipientId: newer.id,
        eventId: event.id,
        dueAt: new Date('2026-12-04T17:00:00Z'),
      },
    ]);

    const issued = await h.say(eve, '/link');
    expect(issued.private).toBe(true);
    expect(h.text(issued)).toContain('10 minutes');
    const linked = await h.say('4001', `/link code:${codeOf(issued)}`);
    expect(h.text(linked)).toContain('Linked!');
    expect(h.text(linked)).toContain('Discord @eve_d, Telegram @eve_t');

    expect(await store.supporters.findById(campaignId, newer.id)).toBeNull();
    const merged = await store.supporters.findById(campaignId, older.id);
    expect(merged).toMatchObject({
      points: 12,
      tags: ['canvassing'],
      skills: ['canvassing', 'phoning'],
    });
    const identities = await store.supporters.identities(campaignId, older.id);
    expect(identities.map((i) => i.platform)).toEqual(['discord', 'telegram']);
    const assignments = await store.tasks.assignments(campaignId, { supporterId: older.id });
    expect(assignments.map((a) => a.taskId).sort()).toEqual([flyers.id, posters.id]);
    expect((await store.tasks.findById(campaignId, flyers.id))?.filled).toBe(1);
    expect(await store.events.listRsvps(campaignId, { supporterId: older.id })).toHaveLength(1);
    expect((await store.notifications.list(campaignId, { recipientId: older.id })).length).toBe(1);
    const consents = await store.privacy.consentLog(campaignId, older.id);
    expect(consents.map((c) => c.action)).toEqual(['consented', 'consented']);
    expect(
      await client.supporter.count({ where: { identities: { some: { externalId: '4001' } } } }),
    ).toBe(1);
    expect(h.text(await h.say('4001', '/profile'))).toContain('Points: 12');
    expect(h.text(await h.say('4009', `/link code:${codeOf(issued)}`))).toContain(
      'already been used',
    );
  });

  it('refuses a code already used, with a clear sentence', async () => {
    const eve = discord('800000000000000001', 'eve_d');
    const code = codeOf(await h.say(eve, '/link'));
    await h.say('4002', `/link ${code}`);
    expect(h.text(await h.say('4003', `/link code:${code}`))).toContain('already been used');
    expect(await h.db.client.identity.count({ where: { externalId: '4003' } })).toBe(0);
  });

  it('refuses an expired code and an unknown one', async () => {
    const eve = discord('800000000000000001', 'eve_d');
    const code = codeOf(await h.say(eve, '/link'));
    h.clock.advance(11 * 60_000);
    try {
      expect(h.text(await h.say('4004', `/link code:${code}`))).toContain('has expired');
    } finally {
      h.clock.set(NOW);
    }
    expect(h.text(await h.say('4004', '/link code:NOPE2345'))).toContain('is not valid');
    expect(await h.db.client.identity.count({ where: { externalId: '4004' } })).toBe(0);
  });

  it('says there is nothing to do when both accounts are already one supporter', async () => {
    const eve = discord('800000000000000001', 'eve_d');
    const code = codeOf(await h.say(eve, '/link'));
    expect(h.text(await h.say('4001', `/link code:${code}`))).toContain('already linked');
  });

  it('lets an account never registered here link: the code owner’s consent carries over', async () => {
    const fay = discord('800000000000000002', 'fay_d');
    await h.say(fay, '/join agree:on');
    const code = codeOf(await h.say(fay, '/link'));
    const fresh = telegramUser('4005', 'fay_t');
    expect(h.text(await h.say(fresh, `/link code:${code}`))).toContain('Linked!');
    expect(h.text(await h.say(fresh, '/profile'))).toContain('Name: fay_d');
    expect(await h.db.client.supporter.count({ where: { displayName: 'fay_d' } })).toBe(1);
  });

  it('asks people who are not registered to register before asking for a code', async () => {
    expect(h.text(await h.say('4006', '/link'))).toBe(
      'Please register first with /start, then try again.',
    );
    expect(
      await h.db.client.linkCode.count({
        where: { supporter: { identities: { some: { externalId: '4006' } } } },
      }),
    ).toBe(0);
  });
});
