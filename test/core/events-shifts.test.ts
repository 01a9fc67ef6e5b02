import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/interaction/request.ts';
import { NOW, useCore } from '../support/core-harness.ts';
import { eventFixtures } from './events-fixtures.ts';

const h = useCore();
const f = eventFixtures(h);
/** Each event of this file falls on its own day, so shifts of different tests never overlap. */
let day = 9;
const canvassOn = (date: number) =>
  `title:"Saturday canvass" start:"2026-12-${date} 09:00" duration:8h reminders:2h`;

let boss: Actor;
let people: Actor[];

beforeAll(async () => {
  boss = await f.organizer('700', 'boss');
  people = [];
  for (let i = 1; i <= 6; i++) people.push(await h.volunteer(`70${i}`, `shifter${i}`));
  await h.say(boss, '/tag add @shifter1 drivers');
  await h.say(boss, '/tag add @shifter2 drivers');
});

afterEach(() => h.clock.set(NOW));

function person(n: number): Actor {
  const actor = people[n - 1];
  if (!actor) throw new Error(`no person ${n}`);
  return actor;
}

/** An event with a morning shift of `morning` seats, a noon shift of 4 and drivers all day. */
async function canvass(morning = 2): Promise<number> {
  const id = await f.createEvent(boss, canvassOn(++day));
  await h.say(boss, `/event shift add ${id} start:"10:00" end:"12:00" capacity:${morning}`);
  await h.say(boss, `/event shift add ${id} start:"12:00" end:"14:00" capacity:4 label:Noon`);
  await h.say(
    boss,
    `/event shift add ${id} start:"09:00" end:"17:00" capacity:2 tag:drivers label:"Drivers"`,
  );
  return id;
}

async function shift(eventId: number, n: number) {
  const found = await h.db.store.events.findShift(await f.campaignId(), eventId, n);
  if (!found) throw new Error(`no shift ${n}`);
  return found;
}

describe('adding and removing shifts', () => {
  it('adds numbered shifts inside the event, echoing their hours', async () => {
    const id = await f.createEvent(boss, canvassOn(5));
    const reply = await h.say(
      boss,
      `/event shift add ${id} start:"10:00" end:"12:00" capacity:6 tag:drivers label:"Drivers"`,
    );
    expect(h.text(reply)).toContain(`Shift 1 added to event #${id}: Drivers 10:00-12:00, 6 seats`);
    expect(h.text(reply)).toContain('Only for people tagged drivers');
    const added = await shift(id, 1);
    expect(added).toMatchObject({
      title: 'Saturday canvass · Drivers',
      capacity: 6,
      requiredTag: 'drivers',
      startsAt: new Date('2026-12-05T09:00:00Z'),
      endsAt: new Date('2026-12-05T11:00:00Z'),
    });
  });

  it('refuses a shift outside its event or ending before it starts, writing nothing', async () => {
    const id = await f.createEvent(boss, canvassOn(5));
    const before = await f.eventCount();
    const outside = await h.say(
      boss,
      `/event shift add ${id} start:"08:00" end:"10:00" capacity:2`,
    );
    expect(h.text(outside)).toContain(`A shift must fit inside event #${id}`);
    expect(h.text(outside)).toContain('For example: start:"10:00" end:"12:00"');
    const backwards = await h.say(
      boss,
      `/event shift add ${id} start:"12:00" end:"2026-12-05 10:00" capacity:2`,
    );
    expect(h.text(backwards)).toContain('must be after the start');
    const unknownTag = await h.say(
      boss,
      `/event shift add ${id} start:"10:00" end:"11:00" capacity:2 tag:pilots`,
    );
    expect(h.text(unknownTag)).toContain('pilots');
    expect(await f.eventCount()).toBe(before);
  });

  it('removes a shift, telling whoever answered it, and lists the ones left when a number is wrong', async () => {
    const id = await canvass();
    await h.say(person(3), `/event rsvp ${id} yes shift:1`);
    const removed = await h.say(boss, `/event shift remove ${id} 1`);
    expect(h.text(removed)).toContain(
      `Shift 1 of event #${id} is removed. Everyone who answered it (1)`,
    );
    expect((await shift(id, 1)).status).toBe('cancelled');
    expect(await f.rows((await shift(id, 1)).id, 'event_cancelled')).toHaveLength(1);
    const wrong = await h.say(person(3), `/event rsvp ${id} yes shift:9`);
    expect(h.text(wrong)).toContain(
      `Event #${id} has no shift 9. Its shifts are: 2 (Noon), 3 (Drivers)`,
    );
  });

  it('offers the shift group as /event shift add|remove on the command line', async () => {
    const reply = await h.say(boss, '/event shift add');
    expect(h.text(reply)).toContain('Event number');
  });
});

describe('answering per shift', () => {
  it('shows each shift with its fill and its own buttons in /events', async () => {
    const id = await f.createEvent(boss, canvassOn(1));
    await h.say(boss, `/event shift add ${id} start:"10:00" end:"12:00" capacity:2`);
    await h.say(boss, `/event shift add ${id} start:"12:00" end:"14:00" capacity:4 label:Noon`);
    await h.say(
      boss,
      `/event shift add ${id} start:"09:00" end:"17:00" capacity:2 tag:drivers label:Drivers`,
    );
    await h.say(person(1), `/event rsvp ${id} yes shift:3`);
    const reply = await h.say(person(4), '/events');
    const text = h.text(reply);
    expect(text).toContain('Shift 1: 10:00-12:00 · 0/2');
    expect(text).toContain('Shift 2: Noon 12:00-14:00 · 0/4');
    expect(text).toContain('Shift 3: Drivers 09:00-17:00 · 1/2');
    const rows = reply.buttons?.map((row) => row.map((b) => b.label)) ?? [];
    expect(rows).toContainEqual([`Yes #${id}.1`, `Maybe #${id}.1`, `No #${id}.1`]);
    expect(reply.buttons?.flat().find((b) => b.label === `Yes #${id}.2`)?.action).toEqual({
      command: 'event',
      subcommand: 'rsvp',
      args: { id, shift: 2, answer: 'yes' },
    });
  });

  it('asks which shift when an event with shifts is answered without one', async () => {
    const id = await canvass();
    const reply = await h.say(person(4), `/event rsvp ${id} yes`);
    expect(h.text(reply)).toContain(
      `Event #${id} has shifts: 1 (10:00-12:00), 2 (Noon), 3 (Drivers)`,
    );
    expect(h.text(reply)).toContain(`/event rsvp ${id} yes shift:1`);
  });

  it('fills each shift on its own, with its own waitlist and promotion', async () => {
    const id = await canvass(1);
    expect(h.text(await h.say(person(3), `/event rsvp ${id} yes shift:1`))).toContain(
      `You are going to #${id}.1 Saturday canvass · 10:00-12:00`,
    );
    const full = await h.say(person(4), `/event rsvp ${id} yes shift:1`);
    expect(h.text(full)).toContain(`#${id}.1 Saturday canvass · 10:00-12:00 is full`);
    await h.say(person(5), `/event rsvp ${id} yes shift:2`);
    expect((await shift(id, 1)).yesCount).toBe(1);
    expect((await shift(id, 2)).yesCount).toBe(1);
    await h.say(person(3), `/event rsvp ${id} no shift:1`);
    const first = await shift(id, 1);
    expect(await f.answerOf(first.id, person(4))).toBe('yes');
    expect(await f.rows(first.id, 'waitlist_promotion')).toHaveLength(1);
    expect(await f.answerOf((await shift(id, 2)).id, person(5))).toBe('yes');
  });

  it('refuses a shift overlapping one already held, naming the clash', async () => {
    const id = await canvass();
    await h.say(person(1), `/event rsvp ${id} yes shift:3`);
    const clash = await h.say(person(1), `/event rsvp ${id} yes shift:1`);
    expect(h.text(clash)).toContain(
      `Shift #${id}.1 overlaps your shift #${id}.3 Saturday canvass · Drivers (09:00-17:00)`,
    );
    expect(h.text(clash)).toContain(`/event rsvp ${id} no shift:3`);
    expect(await f.answerOf((await shift(id, 1)).id, person(1))).toBeUndefined();
    await h.say(person(5), `/event rsvp ${id} yes shift:1`);
    const back = await h.say(person(5), `/event rsvp ${id} yes shift:2`);
    expect(h.text(back)).toContain('You are going to');
  });

  it('keeps a shift with a tag to people holding it', async () => {
    const id = await canvass();
    const refused = await h.say(person(4), `/event rsvp ${id} yes shift:3`);
    expect(h.text(refused)).toContain(`Shift #${id}.3 is for people tagged drivers`);
    expect((await shift(id, 3)).yesCount).toBe(0);
  });

  it('queues reminders at each shift’s own start', async () => {
    const id = await canvass();
    await h.say(person(5), `/event rsvp ${id} yes shift:1`);
    await h.say(person(6), `/event rsvp ${id} yes shift:2`);
    const morning = await f.rows((await shift(id, 1)).id, 'event_reminder');
    const noon = await f.rows((await shift(id, 2)).id, 'event_reminder');
    // 2h before 10:00 and 12:00 in Paris (UTC+1).
    expect(morning.map((r) => r.dueAt)).toEqual([new Date(`2026-12-${day}T07:00:00Z`)]);
    expect(noon.map((r) => r.dueAt)).toEqual([new Date(`2026-12-${day}T09:00:00Z`)]);
  });

  it('moves the shifts and their reminders with the event', async () => {
    const id = await canvass();
    await h.say(person(5), `/event rsvp ${id} yes shift:1`);
    await h.say(boss, `/event edit ${id} start:"2026-12-${day} 10:00"`);
    const moved = await shift(id, 1);
    expect(moved.startsAt).toEqual(new Date(`2026-12-${day}T10:00:00Z`));
    const rows = await f.rows(moved.id, 'event_reminder');
    expect(rows.filter((r) => r.status === 'pending').map((r) => r.dueAt)).toEqual([
      new Date(`2026-12-${day}T08:00:00Z`),
    ]);
    expect(await f.rows(moved.id, 'event_changed')).toHaveLength(1);
  });
});

describe('organizers and shifts', () => {
  it('checks people in per shift and lists answers per shift', async () => {
    const id = await canvass();
    await h.say(person(5), `/event rsvp ${id} yes shift:2`);
    const ask = await h.say(boss, `/event checkin ${id} @shifter5`);
    expect(h.text(ask)).toContain(`/event checkin ${id} @shifter5 shift:1`);
    const done = await h.say(boss, `/event checkin ${id} @shifter5 shift:2`);
    expect(h.text(done)).toContain(`marked as having come to #${id}.2`);
    const noon = await shift(id, 2);
    const rsvp = await h.db.store.events.findRsvp(
      await f.campaignId(),
      noon.id,
      (await f.supporterOf(person(5))).id,
    );
    expect(rsvp?.attendance).toBe('attended');
    const list = h.text(await h.say(boss, `/event attendees ${id}`));
    expect(list).toContain(`Answers for #${id}.2 Saturday canvass · Noon`);
    expect(list).toMatch(/#\d+\.2 Saturday canvass · Noon[\s\S]*Going \(1\): shifter5 \(came\)/);
  });

  it('refuses a capacity below the people going unless confirmed, naming who would wait', async () => {
    const id = await f.createEvent(boss, 'title:"Tight room" start:"2026-12-06 18:00" capacity:3');
    await h.say(person(1), `/event rsvp ${id} yes`);
    h.clock.advance(60_000);
    await h.say(person(2), `/event rsvp ${id} yes`);
    h.clock.advance(60_000);
    await h.say(person(3), `/event rsvp ${id} yes`);
    const refused = await h.say(boss, `/event edit ${id} capacity:1`);
    expect(h.text(refused)).toContain(
      `3 people are going to #${id}; with capacity 1, these 2 people would move to the waiting list: shifter3, shifter2. Add confirm:on`,
    );
    expect((await f.event(id)).capacity).toBe(3);
    await h.say(boss, `/event edit ${id} capacity:1 confirm:on`);
    expect((await f.event(id)).yesCount).toBe(1);
    expect(await f.answerOf(id, person(1))).toBe('yes');
    expect(await f.answerOf(id, person(3))).toBe('waitlist');
  });

  it('gives a forgotten person’s shift seat to the waitlist', async () => {
    const id = await canvass(1);
    const leaver = await h.volunteer('799', 'leaver');
    await h.say(leaver, `/event rsvp ${id} yes shift:1`);
    await h.say(person(6), `/event rsvp ${id} yes shift:1`);
    await h.say(leaver, '/forgetme confirm:on');
    const first = await shift(id, 1);
    expect(await f.answerOf(first.id, person(6))).toBe('yes');
    expect(first.yesCount).toBe(1);
  });

  it('cancels the shifts with their event', async () => {
    const id = await canvass();
    await h.say(person(5), `/event rsvp ${id} yes shift:1`);
    const reply = await h.say(boss, `/event cancel ${id} Rain`);
    expect(h.text(reply)).toContain('(1) will be told');
    expect((await shift(id, 1)).status).toBe('cancelled');
    expect((await shift(id, 2)).status).toBe('cancelled');
  });
});

describe('calendar feeds without an address', () => {
  it('says feeds are off when the assistant has no web address', async () => {
    const reply = await h.say(person(1), '/calendar');
    expect(h.text(reply)).toContain('Calendar feeds are off here');
    expect(h.text(reply)).toContain('PUBLIC_BASE_URL=https://organizer.example.org');
  });
});
