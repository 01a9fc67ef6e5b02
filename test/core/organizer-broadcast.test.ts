import { beforeAll, describe, expect, it } from 'vitest';
import type { RsvpAnswer } from '../../src/core/events/event.types.ts';
import type { Actor } from '../../src/core/interaction/request.ts';
import { NOW, telegramUser, useCore } from '../support/core-harness.ts';

const h = useCore({ admins: [{ platform: 'telegram', userId: '900' }] });
const admin = telegramUser('900');

let campaignId: number;
let eventId: number;
const ids = { alice: 0, bob: 0, carol: 0, dave: 0 };

beforeAll(async () => {
  campaignId = (await h.core.services.campaigns.ensureDefault()).id;
  for (const [userId, name] of [
    ['111', 'alice'],
    ['222', 'bob'],
    ['333', 'carol'],
    ['444', 'dave'],
  ] as const) {
    await h.volunteer(userId, name);
    const s = await h.db.store.supporters.findByIdentity(campaignId, 'telegram', userId);
    ids[name] = s?.id ?? 0;
  }
  // Registered people only: someone who has not agreed to the notice gets nothing.
  await h.say(telegramUser('555', 'eve'), '/start');
  await h.db.store.supporters.addTag(campaignId, ids.alice, 'canvassers');
  await h.db.store.supporters.addTag(campaignId, ids.dave, 'canvassers');
  await h.db.store.supporters.update(campaignId, ids.dave, { status: 'paused' });
  await h.db.store.supporters.update(campaignId, ids.bob, { remindersEnabled: false });
  const event = await h.db.store.events.create(campaignId, {
    title: 'Door knocking',
    startsAt: new Date('2026-12-05T09:00:00Z'),
    endsAt: new Date('2026-12-05T12:00:00Z'),
    timezone: 'Europe/Paris',
    capacity: 2,
  });
  eventId = event.id;
  const answers: [keyof typeof ids, RsvpAnswer][] = [
    ['alice', 'yes'],
    ['bob', 'no'],
    ['carol', 'waitlist'],
  ];
  for (const [name, answer] of answers) {
    await h.db.client.rsvp.create({
      data: { campaignId, eventId, supporterId: ids[name], answer },
    });
  }
});

async function written() {
  return {
    broadcasts: await h.db.client.broadcast.count(),
    notifications: await h.db.client.notification.count({ where: { kind: 'broadcast' } }),
    audit: await h.db.client.auditEntry.count({ where: { action: 'broadcast' } }),
  };
}

async function lastBroadcast() {
  const broadcast = await h.db.client.broadcast.findFirstOrThrow({ orderBy: { id: 'desc' } });
  const rows = await h.db.client.notification.findMany({
    where: { broadcastId: broadcast.id },
    orderBy: { recipientId: 'asc' },
  });
  return { broadcast, rows, recipients: rows.map((row) => row.recipientId) };
}

describe('/broadcast', () => {
  it('queues one broadcast row per registered active supporter with reminders on', async () => {
    const reply = await h.say(admin, '/broadcast message:"Canvass moved to 10:00, see you!"');
    const { broadcast, rows, recipients } = await lastBroadcast();
    expect(recipients).toEqual([ids.alice, ids.carol]);
    expect(broadcast).toMatchObject({
      campaignId,
      message: 'Canvass moved to 10:00, see you!',
      audience: 'all',
      queuedCount: 2,
      sendAt: NOW,
    });
    expect(rows[0]).toMatchObject({
      kind: 'broadcast',
      key: `broadcast:${broadcast.id}:${ids.alice}:0`,
      status: 'pending',
      dueAt: NOW,
      payload: '{}',
    });
    expect(h.text(reply)).toBe(
      `Broadcast #${broadcast.id} to all is on its way. Recipients queued: 2.`,
    );
    expect(reply.private).toBe(true);
  });

  it('records the broadcast in the audit log', async () => {
    const { broadcast } = await lastBroadcast();
    const entries = await h.db.store.privacy.auditLog(campaignId);
    expect(entries.at(-1)).toMatchObject({ action: 'broadcast', actorId: null });
    expect(entries.at(-1)?.detail).toContain(`#${broadcast.id} to all: 2 recipients`);
  });

  it('takes the message from the rest of the line', async () => {
    await h.say(admin, '/broadcast Bring water and comfortable shoes audience:all');
    expect((await lastBroadcast()).broadcast.message).toBe('Bring water and comfortable shoes');
  });

  it('reaches only the active holders of a tag (any case)', async () => {
    const reply = await h.say(admin, '/broadcast message:"Flyers ready" audience:tag:Canvassers');
    const { broadcast, recipients } = await lastBroadcast();
    expect(recipients).toEqual([ids.alice]);
    expect(broadcast.audience).toBe('tag:canvassers');
    expect(h.text(reply)).toContain('to tag:canvassers');
  });

  it('reaches the yes, maybe and waitlist answers of an event', async () => {
    await h.say(admin, `/broadcast message:"Meet at the station" audience:event:#${eventId}`);
    const { broadcast, rows, recipients } = await lastBroadcast();
    expect(recipients).toEqual([ids.alice, ids.carol]);
    expect(broadcast.audience).toBe(`event:${eventId}`);
    expect(rows.every((row) => row.broadcastId === broadcast.id)).toBe(true);
  });

  it('schedules the broadcast with at, read in the campaign time zone and echoed', async () => {
    const reply = await h.say(admin, '/broadcast message:"Reminder" at:"tomorrow 18:00"');
    const { broadcast, rows } = await lastBroadcast();
    const due = new Date('2026-12-01T17:00:00Z');
    expect(broadcast.sendAt).toEqual(due);
    expect(rows.every((row) => row.dueAt.getTime() === due.getTime())).toBe(true);
    expect(h.text(reply)).toContain('scheduled for Tue 1 Dec 2026, 18:00 (Europe/Paris)');
  });
});

describe('/broadcast refuses bad input and writes nothing', () => {
  const cases: [string, string][] = [
    ['/broadcast message:Hi audience:tag:drivers', 'There is no tag "drivers" in this campaign'],
    ['/broadcast message:Hi audience:event:999', 'There is no event #999'],
    ['/broadcast message:Hi audience:team', 'I do not understand the audience "team"'],
    ['/broadcast message:Hi at:"2020-01-01 10:00"', 'is in the past'],
    ['/broadcast message:Hi at:"when pigs fly"', 'I could not understand the time "when pigs fly"'],
    [`/broadcast message:${'x'.repeat(2001)}`, 'message must be 1 to 2000 characters long'],
  ];
  it.each(cases)('%s', async (line, expected) => {
    const before = await written();
    expect(h.text(await h.say(admin, line))).toContain(expected);
    expect(await written()).toEqual(before);
  });

  it('says so instead of queueing nothing when nobody is in the audience', async () => {
    await h.db.store.supporters.addTag(campaignId, ids.dave, 'drivers');
    const before = await written();
    const reply = await h.say(admin, '/broadcast message:Hi audience:tag:drivers');
    expect(h.text(reply)).toContain('Nobody registered and reachable is in that audience');
    expect(await written()).toEqual(before);
  });

  it('asks for a missing message in a guided prompt, then sends it', async () => {
    const before = await written();
    const prompt = await h.say(admin, '/broadcast audience:tag:canvassers');
    expect(prompt.prompt).toMatchObject({ command: 'broadcast', option: 'message' });
    expect(h.text(prompt)).toContain('The message to send?');
    expect(await written()).toEqual(before);
    await h.say(admin, 'Phone bank tonight');
    const { broadcast, recipients } = await lastBroadcast();
    expect(broadcast).toMatchObject({ message: 'Phone bank tonight', audience: 'tag:canvassers' });
    expect(recipients).toEqual([ids.alice]);
  });

  it('refuses a volunteer', async () => {
    const volunteer: Actor = telegramUser('111', 'alice');
    const before = await written();
    const reply = await h.say(volunteer, '/broadcast message:"Hello everyone"');
    expect(h.text(reply)).toBe('Only organizers can use /broadcast.');
    expect(await written()).toEqual(before);
  });
});
