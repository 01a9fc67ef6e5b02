import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/interaction/request.ts';
import { notificationKey } from '../../src/core/notifications/notification-keys.ts';
import { NOW, useCore } from '../support/core-harness.ts';
import { eventFixtures, HOUR } from './events-fixtures.ts';

const h = useCore();
const f = eventFixtures(h);
const START = '2026-12-05 18:00';
const START_UTC = new Date('2026-12-05T17:00:00Z');

let boss: Actor;
let people: Actor[];

beforeAll(async () => {
  boss = await f.organizer('600', 'boss');
  people = [];
  for (let i = 1; i <= 8; i++) people.push(await h.volunteer(`60${i}`, `person${i}`));
});

afterEach(() => h.clock.set(NOW));

function person(n: number): Actor {
  const actor = people[n - 1];
  if (!actor) throw new Error(`no person ${n}`);
  return actor;
}

async function reminderKeys(eventId: number, actor: Actor, status = 'pending') {
  const supporter = await f.supporterOf(actor);
  return (await f.rows(eventId, 'event_reminder'))
    .filter((row) => row.recipientId === supporter.id && row.status === status)
    .map((row) => ({ key: row.key, dueAt: row.dueAt, payload: row.payload }));
}

describe('capacity and waitlist', () => {
  it('puts a yes to a full event on the waiting list and says so', async () => {
    const id = await f.createEvent(boss, `title:"Small room" start:"${START}" capacity:1`);
    await h.say(person(1), `/event rsvp ${id} yes`);
    const reply = await h.say(person(2), `/event rsvp ${id} yes`);
    expect(h.text(reply)).toContain('is full');
    expect(h.text(reply)).toContain('waiting list (number 1)');
    expect(await f.answerOf(id, person(2))).toBe('waitlist');
    expect((await f.event(id)).yesCount).toBe(1);
    expect(await reminderKeys(id, person(2))).toEqual([]);
  });

  it('promotes the first waitlisted supporter when a yes is withdrawn, and queues their notice', async () => {
    const id = await f.createEvent(boss, `title:"One seat" start:"${START}" capacity:1`);
    await h.say(person(1), `/event rsvp ${id} yes`);
    await h.say(person(2), `/event rsvp ${id} yes`);
    h.clock.advance(60_000);
    await h.say(person(3), `/event rsvp ${id} yes`);
    h.clock.advance(60_000);
    await h.say(person(1), `/event rsvp ${id} no`);

    expect(await f.answerOf(id, person(1))).toBe('no');
    expect(await f.answerOf(id, person(2))).toBe('yes');
    expect(await f.answerOf(id, person(3))).toBe('waitlist');
    expect((await f.event(id)).yesCount).toBe(1);
    const promoted = await f.supporterOf(person(2));
    const notices = await f.rows(id, 'waitlist_promotion');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      recipientId: promoted.id,
      status: 'pending',
      dueAt: h.clock.now(),
    });
    expect(await reminderKeys(id, person(2))).toHaveLength(2);
    expect(await reminderKeys(id, person(1))).toEqual([]);
    expect(await reminderKeys(id, person(1), 'skipped')).toHaveLength(2);
  });

  it('treats a maybe as withdrawing a yes too', async () => {
    const id = await f.createEvent(boss, `title:"Maybe frees" start:"${START}" capacity:1`);
    await h.say(person(4), `/event rsvp ${id} yes`);
    await h.say(person(5), `/event rsvp ${id} yes`);
    await h.say(person(4), `/event rsvp ${id} maybe`);
    expect(await f.answerOf(id, person(5))).toBe('yes');
    expect(await f.answerOf(id, person(4))).toBe('maybe');
  });

  it('keeps a waitlisted supporter’s place when they answer yes again', async () => {
    const id = await f.createEvent(boss, `title:"Queue" start:"${START}" capacity:1`);
    await h.say(person(1), `/event rsvp ${id} yes`);
    await h.say(person(2), `/event rsvp ${id} yes`);
    h.clock.advance(60_000);
    await h.say(person(3), `/event rsvp ${id} yes`);
    h.clock.advance(60_000);
    expect(h.text(await h.say(person(2), `/event rsvp ${id} yes`))).toContain('(number 1)');
    await h.say(person(1), `/event rsvp ${id} no`);
    expect(await f.answerOf(id, person(2))).toBe('yes');
  });

  it('gives the last seat to exactly one of two concurrent yes answers', async () => {
    const id = await f.createEvent(boss, `title:"Last seat" start:"${START}" capacity:1`);
    const replies = await Promise.all(
      [person(6), person(7)].map((actor) => h.say(actor, `/event rsvp ${id} yes`)),
    );
    const texts = replies.map((reply) => h.text(reply));
    expect(texts.filter((text) => text.includes('You are going'))).toHaveLength(1);
    expect(texts.filter((text) => text.includes('waiting list'))).toHaveLength(1);
    expect((await f.event(id)).yesCount).toBe(1);
  });

  it('never fills more seats than there are under many concurrent answers', async () => {
    const id = await f.createEvent(boss, `title:"Rush" start:"${START}" capacity:2`);
    await Promise.all(people.map((actor) => h.say(actor, `/event rsvp ${id} yes`)));
    const rsvps = await h.db.store.events.listRsvps(await f.campaignId(), { eventId: id });
    expect(rsvps.filter((r) => r.answer === 'yes')).toHaveLength(2);
    expect(rsvps.filter((r) => r.answer === 'waitlist')).toHaveLength(people.length - 2);
    expect((await f.event(id)).yesCount).toBe(2);
  });
});

describe('event reminders as rows', () => {
  it('queues one row per offset for a yes or maybe, due that long before the start', async () => {
    const id = await f.createEvent(boss, `title:"Reminded" start:"${START}"`);
    await h.say(person(1), `/event rsvp ${id} maybe`);
    const supporter = await f.supporterOf(person(1));
    expect(await reminderKeys(id, person(1))).toEqual([
      {
        key: notificationKey('event_reminder', id, supporter.id, 1440),
        dueAt: new Date(START_UTC.getTime() - 24 * HOUR),
        payload: { offsetMinutes: 1440 },
      },
      {
        key: notificationKey('event_reminder', id, supporter.id, 120),
        dueAt: new Date(START_UTC.getTime() - 2 * HOUR),
        payload: { offsetMinutes: 120 },
      },
    ]);
  });

  it('uses the event’s own reminders instead of the campaign defaults', async () => {
    const id = await f.createEvent(boss, `title:"Own reminders" start:"${START}" reminders:3h`);
    await h.say(person(2), `/event rsvp ${id} yes`);
    const rows = await reminderKeys(id, person(2));
    expect(rows.map((row) => row.payload)).toEqual([{ offsetMinutes: 180 }]);
  });

  it('skips pending reminders on a no, and brings them back on a later yes without duplicates', async () => {
    const id = await f.createEvent(boss, `title:"Changed mind" start:"${START}"`);
    await h.say(person(3), `/event rsvp ${id} yes`);
    await h.say(person(3), `/event rsvp ${id} no`);
    expect(await reminderKeys(id, person(3))).toEqual([]);
    expect(await reminderKeys(id, person(3), 'skipped')).toHaveLength(2);
    await h.say(person(3), `/event rsvp ${id} yes`);
    expect(await reminderKeys(id, person(3))).toHaveLength(2);
    expect(await f.rows(id, 'event_reminder')).toHaveLength(2);
  });

  it('gives a late RSVP one reminder now for the smallest passed offset, plus those still ahead', async () => {
    const id = await f.createEvent(boss, `title:"Soon" start:"${START}"`);
    h.clock.set(new Date(START_UTC.getTime() - 3 * HOUR));
    await h.say(person(4), `/event rsvp ${id} yes`);
    const rows = await reminderKeys(id, person(4));
    expect(rows.map((row) => [row.payload.offsetMinutes, row.dueAt])).toEqual([
      [1440, h.clock.now()],
      [120, new Date(START_UTC.getTime() - 2 * HOUR)],
    ]);
  });

  it('sends one reminder at once when every offset has passed but the event is over 15 minutes away', async () => {
    const id = await f.createEvent(boss, `title:"Very soon" start:"${START}"`);
    h.clock.set(new Date(START_UTC.getTime() - HOUR));
    await h.say(person(5), `/event rsvp ${id} yes`);
    const rows = await reminderKeys(id, person(5));
    expect(rows.map((row) => [row.payload.offsetMinutes, row.dueAt])).toEqual([
      [120, h.clock.now()],
    ]);
  });

  it('sends no late reminder when the event is 15 minutes away or less', async () => {
    const id = await f.createEvent(boss, `title:"Imminent" start:"${START}"`);
    h.clock.set(new Date(START_UTC.getTime() - 10 * 60_000));
    expect(h.text(await h.say(person(6), `/event rsvp ${id} yes`))).toContain('You are going');
    expect(await f.rows(id, 'event_reminder')).toEqual([]);
  });
});
