import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/interaction/request.ts';
import { NOW, useCore } from '../support/core-harness.ts';
import { eventFixtures, HOUR } from './events-fixtures.ts';

const h = useCore();
const f = eventFixtures(h);
const START = '2026-12-05 18:00';
const START_UTC = new Date('2026-12-05T17:00:00Z');
const MOVED_UTC = new Date('2026-12-06T09:00:00Z');

let boss: Actor;
let yes: Actor;
let maybe: Actor;
let no: Actor;
let waiting: Actor;

beforeAll(async () => {
  boss = await f.organizer('700', 'boss');
  yes = await h.volunteer('701', 'yes');
  maybe = await h.volunteer('702', 'maybe');
  no = await h.volunteer('703', 'no');
  waiting = await h.volunteer('704', 'waiting');
});

/** An event with one seat, answered yes, maybe, no and (full) waitlist. */
async function answeredEvent(extra = ''): Promise<number> {
  const id = await f.createEvent(boss, `title:"Town hall" start:"${START}" capacity:1 ${extra}`);
  await h.say(yes, `/event rsvp ${id} yes`);
  await h.say(maybe, `/event rsvp ${id} maybe`);
  await h.say(no, `/event rsvp ${id} no`);
  await h.say(waiting, `/event rsvp ${id} yes`);
  return id;
}

async function recipients(eventId: number, kind: string): Promise<number[]> {
  return (await f.rows(eventId, kind)).map((row) => row.recipientId).sort((a, b) => a - b);
}

async function ids(...actors: Actor[]): Promise<number[]> {
  const found = await Promise.all(actors.map((actor) => f.supporterOf(actor)));
  return found.map((s) => s.id).sort((a, b) => a - b);
}

describe('/event edit', () => {
  it('moves pending reminders with the start and tells yes, maybe and waitlist', async () => {
    const id = await answeredEvent();
    const reply = await h.say(boss, `/event edit ${id} start:"2026-12-06 10:00"`);
    expect(h.text(reply)).toContain('Starts: Sun 6 Dec 2026, 10:00 (Europe/Paris)');
    expect(h.text(reply)).toContain('Ends: Sun 6 Dec 2026, 12:00 (Europe/Paris)');
    expect(h.text(reply)).toContain('Everyone who answered (3)');

    const reminders = (await f.rows(id, 'event_reminder')).filter((r) => r.status === 'pending');
    expect(reminders).toHaveLength(4);
    for (const row of reminders) {
      const offset = Number(row.payload.offsetMinutes);
      expect(row.dueAt).toEqual(new Date(MOVED_UTC.getTime() - offset * 60_000));
    }
    expect(await recipients(id, 'event_changed')).toEqual(await ids(yes, maybe, waiting));
    const [notice] = await f.rows(id, 'event_changed');
    expect(notice?.payload).toMatchObject({ previousStartsAt: START_UTC.toISOString() });
    expect(notice?.dueAt).toEqual(NOW);
    expect(await f.event(id)).toMatchObject({
      startsAt: MOVED_UTC,
      endsAt: new Date(MOVED_UTC.getTime() + 2 * HOUR),
    });
  });

  it('replaces reminder rows when the reminders change, skipping the old ones', async () => {
    const id = await answeredEvent();
    await h.say(boss, `/event edit ${id} reminders:1h`);
    const rows = await f.rows(id, 'event_reminder');
    const pending = rows.filter((r) => r.status === 'pending');
    expect(pending.map((r) => r.payload.offsetMinutes)).toEqual([60, 60]);
    expect(pending[0]?.dueAt).toEqual(new Date(START_UTC.getTime() - HOUR));
    expect(
      rows.filter((r) => r.status === 'skipped' && r.lastError === 'event_rescheduled'),
    ).toHaveLength(4);
    expect(await f.rows(id, 'event_changed')).toEqual([]);
  });

  it('changes a title without moving reminders or telling anyone', async () => {
    const id = await answeredEvent();
    const before = await f.rows(id, 'event_reminder');
    await h.say(boss, `/event edit ${id} title:"Town hall meeting"`);
    expect((await f.event(id)).title).toBe('Town hall meeting');
    expect(await f.rows(id, 'event_reminder')).toEqual(before);
    expect(await f.rows(id, 'event_changed')).toEqual([]);
  });

  it('gives new seats to the waitlist when the capacity grows', async () => {
    const id = await answeredEvent();
    await h.say(boss, `/event edit ${id} capacity:5`);
    expect(await f.answerOf(id, waiting)).toBe('yes');
    expect(await recipients(id, 'waitlist_promotion')).toEqual(await ids(waiting));
    const reminders = (await f.rows(id, 'event_reminder')).filter((r) => r.status === 'pending');
    expect(reminders).toHaveLength(6);
  });

  it('refuses a start in the past and leaves the event as it was', async () => {
    const id = await answeredEvent();
    expect(h.text(await h.say(boss, `/event edit ${id} start:"2026-11-01 10:00"`))).toContain(
      'in the past',
    );
    expect((await f.event(id)).startsAt).toEqual(START_UTC);
    expect(await f.rows(id, 'event_changed')).toEqual([]);
  });
});

describe('/event cancel', () => {
  it('cancels, skips pending reminders and tells everyone who answered yes, maybe or waitlist', async () => {
    const id = await answeredEvent();
    const reply = await h.say(boss, `/event cancel ${id} Storm warning`);
    expect(h.text(reply)).toContain(`#${id} Town hall is cancelled`);
    expect(h.text(reply)).toContain('(3)');
    expect(await f.event(id)).toMatchObject({ status: 'cancelled', cancelReason: 'Storm warning' });
    const reminders = await f.rows(id, 'event_reminder');
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((row) => row.status === 'skipped')).toBe(true);
    expect(await recipients(id, 'event_cancelled')).toEqual(await ids(yes, maybe, waiting));
    const [notice] = await f.rows(id, 'event_cancelled');
    expect(notice).toMatchObject({ status: 'pending', payload: { reason: 'Storm warning' } });
  });

  it('refuses answers, edits and a second cancellation afterwards', async () => {
    const id = await answeredEvent();
    await h.say(boss, `/event cancel ${id}`);
    expect(h.text(await h.say(no, `/event rsvp ${id} yes`))).toContain('has been cancelled');
    expect(h.text(await h.say(boss, `/event edit ${id} title:Back`))).toContain(
      'has been cancelled',
    );
    expect(h.text(await h.say(boss, `/event cancel ${id}`))).toContain('has been cancelled');
    expect(await f.rows(id, 'event_cancelled')).toHaveLength(3);
    expect((await f.event(id)).title).toBe('Town hall');
  });

  it('answers an unknown event number', async () => {
    expect(h.text(await h.say(boss, '/event cancel 9999'))).toContain('no event #9999');
  });
});
