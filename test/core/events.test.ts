import { beforeAll, describe, expect, it } from 'vitest';
import { formatCommandLine } from '../../src/core/commands/command-line.ts';
import type { Actor } from '../../src/core/interaction/request.ts';
import { NOW, useCore } from '../support/core-harness.ts';
import { eventFixtures, HOUR } from './events-fixtures.ts';

const h = useCore();
const f = eventFixtures(h);
const START = '2026-12-05 18:00';
const START_UTC = new Date('2026-12-05T17:00:00Z');

let boss: Actor;
let ann: Actor;
let bob: Actor;

beforeAll(async () => {
  boss = await f.organizer('500', 'boss');
  ann = await h.volunteer('501', 'ann');
  bob = await h.volunteer('502', 'bob');
});

describe('/event create', () => {
  it('echoes start and end in the campaign zone, lasts two hours by default and is announced', async () => {
    const reply = await h.say(
      boss,
      `/event create title:"Canvass the market" start:"${START}" location:"Market square" capacity:30`,
    );
    const text = h.text(reply);
    const id = Number(/#(\d+)/.exec(text)?.[1]);
    expect(text).toContain('Starts: Sat 5 Dec 2026, 18:00 (Europe/Paris)');
    expect(text).toContain('Ends: Sat 5 Dec 2026, 20:00 (Europe/Paris)');
    expect(text).toContain('Going: 0/30');
    expect(text).toContain('Reminders: 24h, 2h');
    expect(reply.announcement?.blocks.join('\n')).toContain(`#${id}: Canvass the market`);
    expect(reply.announcement?.blocks.join('\n')).toContain('Market square');
    const answers = reply.announcement?.buttons.flat().map((b) => b.action.args?.answer);
    expect(answers).toEqual(['yes', 'maybe', 'no']);
    expect(await f.event(id)).toMatchObject({
      title: 'Canvass the market',
      startsAt: START_UTC,
      endsAt: new Date(START_UTC.getTime() + 2 * HOUR),
      timezone: 'Europe/Paris',
      capacity: 30,
      reminderOffsets: null,
      status: 'scheduled',
    });
  });

  it('takes a duration, its own reminders and a host', async () => {
    const id = await f.createEvent(
      boss,
      `title:"Phone bank" start:"${START}" duration:90m reminders:"1d, 30m" host:@ann`,
    );
    const event = await f.event(id);
    expect(event.endsAt).toEqual(new Date(START_UTC.getTime() + 90 * 60_000));
    expect(event.reminderOffsets).toBe('1d,30m');
    expect(event.hostId).toBe((await f.supporterOf(ann)).id);
  });

  it('reads the title from plain words and a bare end time on the day of the start', async () => {
    const id = await f.createEvent(boss, 'Potluck dinner start:"tomorrow 18:00" end:21:30');
    const event = await f.event(id);
    expect(event.title).toBe('Potluck dinner');
    expect(event.startsAt).toEqual(new Date('2026-12-01T17:00:00Z'));
    expect(event.endsAt).toEqual(new Date('2026-12-01T20:30:00Z'));
  });

  it.each([
    ['an unparseable start', `title:Rally start:"someday soon"`, 'could not understand the time'],
    ['a start in the past', `title:Rally start:"2026-11-01 10:00"`, 'is in the past'],
    [
      'an end before the start',
      `title:Rally start:"${START}" end:"2026-12-05 17:00"`,
      'must be after the start',
    ],
    [
      'an end whose day, in words, comes before the start',
      `title:Rally start:"tomorrow 10:00" end:"tomorrow 09:00"`,
      'must be after the start',
    ],
    ['an unparseable end', `title:Rally start:"${START}" end:"whenever"`, 'could not understand'],
    ['a zero capacity', `title:Rally start:"${START}" capacity:0`, 'from 1 to 10000'],
    ['a negative capacity', `title:Rally start:"${START}" capacity:-1`, 'from 1 to 10000'],
    ['a too-long title', `title:"${'x'.repeat(201)}" start:"${START}"`, '1 to 200 characters'],
    ['bad reminders', `title:Rally start:"${START}" reminders:soon`, 'not a list of reminder'],
    ['a bad duration', `title:Rally start:"${START}" duration:long`, 'is not a duration'],
    ['both end and duration', `title:Rally start:"${START}" end:20:00 duration:1h`, 'not both'],
    ['an unknown host', `title:Rally start:"${START}" host:@nobody`, 'I do not know @nobody'],
  ])('refuses %s with one clear sentence and writes nothing', async (_case, options, message) => {
    const before = await f.eventCount();
    const reply = await h.say(boss, `/event create ${options}`);
    expect(h.text(reply)).toContain(message);
    expect(await f.eventCount()).toBe(before);
  });

  it('asks for a missing title, then creates the event from the answer', async () => {
    const before = await f.eventCount();
    const prompt = await h.say(boss, `/event create start:"${START}"`);
    expect(prompt.prompt?.option).toBe('title');
    expect(await f.eventCount()).toBe(before);
    const created = await h.say(boss, 'Banner painting');
    expect(h.text(created)).toContain('Banner painting');
    expect(await f.eventCount()).toBe(before + 1);
  });

  it('asks for a missing start without writing anything', async () => {
    const before = await f.eventCount();
    const prompt = await h.say(boss, '/event create title:Rally');
    expect(prompt.prompt?.option).toBe('start');
    await h.say(boss, '/cancel');
    expect(await f.eventCount()).toBe(before);
  });
});

describe('/events, /myevents and /event ics', () => {
  it('lists upcoming events with their start, place, fill and Yes / Maybe / No buttons', async () => {
    const id = await f.createEvent(
      boss,
      `title:"Listing test" start:"2026-12-02 10:00" location:"Town hall" capacity:12`,
    );
    const reply = await h.say(ann, '/events');
    const text = h.text(reply);
    expect(text).toContain(`#${id} Listing test`);
    expect(text).toContain('Wed 2 Dec 2026, 10:00 (Europe/Paris)');
    expect(text).toContain('Where: Town hall');
    expect(text).toContain('Going: 0/12');
    const row = reply.buttons?.find((r) => r[0]?.action.args?.id === id);
    expect(row?.map((b) => b.action.args?.answer)).toEqual(['yes', 'maybe', 'no']);
    for (const button of reply.buttons?.flat() ?? []) {
      expect(Buffer.byteLength(formatCommandLine(button.action))).toBeLessThanOrEqual(64);
    }
  });

  it('leaves out cancelled and past events', async () => {
    const cancelled = await f.createEvent(boss, `title:"Called off" start:"${START}"`);
    await h.say(boss, `/event cancel ${cancelled}`);
    const past = await h.db.store.events.create(await f.campaignId(), {
      title: 'Last week',
      startsAt: new Date(NOW.getTime() - 7 * 24 * HOUR),
      endsAt: new Date(NOW.getTime() - 7 * 24 * HOUR + HOUR),
      timezone: 'Europe/Paris',
    });
    const text = h.text(await h.say(ann, '/events'));
    expect(text).not.toContain(`#${cancelled} `);
    expect(text).not.toContain(`#${past.id} `);
  });

  it('shows my yes, maybe and waitlist answers in /myevents, not my no', async () => {
    const going = await f.createEvent(boss, `title:"Going one" start:"${START}"`);
    const skipped = await f.createEvent(boss, `title:"Skipped one" start:"${START}"`);
    await h.say(bob, `/event rsvp ${going} yes`);
    await h.say(bob, `/event rsvp ${skipped} no`);
    const reply = await h.say(bob, '/myevents');
    expect(h.text(reply)).toContain(`#${going} Going one`);
    expect(h.text(reply)).toContain('Your answer: yes');
    expect(h.text(reply)).not.toContain('Skipped one');
    expect(reply.private).toBe(true);
  });

  it('sends an event as a text/calendar file', async () => {
    const id = await f.createEvent(boss, `title:"File test" start:"${START}"`);
    const reply = await h.say(ann, `/event ics #${id}`);
    expect(reply.files?.[0]).toMatchObject({ name: `event-${id}.ics`, mimeType: 'text/calendar' });
    expect(reply.files?.[0]?.content).toContain(`UID:event-${id}@organizer`);
  });

  it('answers an unknown event number with one sentence', async () => {
    expect(h.text(await h.say(ann, '/event ics 9999'))).toContain('There is no event #9999');
  });
});

describe('/event rsvp', () => {
  it('records the answer and confirms it with the start time', async () => {
    const id = await f.createEvent(boss, `title:"Door knocking" start:"${START}"`);
    const reply = await h.say(ann, `/event rsvp ${id} yes`);
    expect(h.text(reply)).toContain(`You are going to #${id} Door knocking`);
    expect(h.text(reply)).toContain('Sat 5 Dec 2026, 18:00 (Europe/Paris)');
    expect(await f.answerOf(id, ann)).toBe('yes');
    expect(h.text(await h.say(ann, `/event rsvp id:#${id} answer:maybe`))).toContain('maybe');
    expect(await f.answerOf(id, ann)).toBe('maybe');
  });

  it('refuses an unknown event, a bad answer and an unregistered person, writing nothing', async () => {
    const id = await f.createEvent(boss, `title:"Checks" start:"${START}"`);
    expect(h.text(await h.say(ann, '/event rsvp 9999 yes'))).toContain('There is no event #9999');
    expect(h.text(await h.say(ann, `/event rsvp ${id} perhaps`))).toContain(
      'answer must be one of: yes, maybe, no',
    );
    expect(h.text(await h.say('599', `/event rsvp ${id} yes`))).toContain('register first');
    expect(await h.db.store.events.listRsvps(await f.campaignId(), { eventId: id })).toEqual([]);
  });

  it('refuses answers to a cancelled event and to one already started', async () => {
    const cancelled = await f.createEvent(boss, `title:"Off" start:"${START}"`);
    await h.say(boss, `/event cancel ${cancelled}`);
    expect(h.text(await h.say(ann, `/event rsvp ${cancelled} yes`))).toContain('cancelled');
    const started = await h.db.store.events.create(await f.campaignId(), {
      title: 'Under way',
      startsAt: new Date(NOW.getTime() - HOUR),
      endsAt: new Date(NOW.getTime() + HOUR),
      timezone: 'Europe/Paris',
    });
    expect(h.text(await h.say(ann, `/event rsvp ${started.id} yes`))).toContain('already started');
    expect(await f.answerOf(cancelled, ann)).toBeUndefined();
    expect(await f.answerOf(started.id, ann)).toBeUndefined();
  });
});

describe('organizer commands', () => {
  it.each([
    ['/event create', `/event create title:Sneaky start:"${START}"`],
    ['/event edit', '/event edit {id} title:Hijacked'],
    ['/event cancel', '/event cancel {id}'],
    ['/event attendees', '/event attendees {id}'],
    ['/event checkin', '/event checkin {id} @ann'],
  ])('refuses %s to a volunteer and changes nothing', async (command, line) => {
    const id = await f.createEvent(boss, `title:"Guarded" start:"${START}"`);
    const before = await f.eventCount();
    const reply = await h.say(bob, line.replace('{id}', String(id)));
    expect(h.text(reply)).toContain(`Only organizers`);
    expect(h.text(reply)).toContain(command);
    expect(await f.eventCount()).toBe(before);
    expect(await f.event(id)).toMatchObject({ title: 'Guarded', status: 'scheduled' });
    expect(await f.answerOf(id, ann)).toBeUndefined();
  });

  it('lets the host manage their own event but no other', async () => {
    const own = await f.createEvent(boss, `title:"Ann hosts" start:"${START}" host:@ann`);
    const other = await f.createEvent(boss, `title:"Not hers" start:"${START}"`);
    await h.say(bob, `/event rsvp ${own} yes`);
    expect(h.text(await h.say(ann, `/event edit ${own} location:"Ann's place"`))).toContain(
      'updated',
    );
    expect((await f.event(own)).location).toBe("Ann's place");
    expect(h.text(await h.say(ann, `/event attendees ${own}`))).toContain('Going (1): bob');
    expect(h.text(await h.say(ann, `/event checkin ${own} @bob`))).toContain(
      'marked as having come',
    );
    expect(h.text(await h.say(ann, `/event edit ${other} title:Mine`))).toContain(
      'Only organizers or the host',
    );
    expect((await f.event(other)).title).toBe('Not hers');
  });

  it('lists answers by group with attendance, and records walk-ins and no-shows', async () => {
    const id = await f.createEvent(boss, `title:"Roll call" start:"${START}"`);
    await h.say(ann, `/event rsvp ${id} yes`);
    await h.say(bob, `/event rsvp ${id} maybe`);
    const carl = await h.volunteer('503', 'carl');
    expect(h.text(await h.say(boss, `/event checkin ${id} @carl no_show`))).toContain(
      'never answered',
    );
    expect(h.text(await h.say(boss, `/event checkin ${id} @ann no_show`))).toContain(
      'not having come',
    );
    await h.say(boss, `/event checkin ${id} @carl`);
    const text = h.text(await h.say(boss, `/event attendees ${id}`));
    expect(text).toContain('Going (2): ann (did not come), carl (came)');
    expect(text).toContain('Maybe (1): bob');
    expect(text).toContain('Waiting list (0)');
    expect(await f.answerOf(id, carl)).toBe('yes');
  });

  it('answers edits of unknown events and edits that change nothing', async () => {
    expect(h.text(await h.say(boss, '/event edit 9999 title:X'))).toContain('no event #9999');
    const id = await f.createEvent(boss, `title:"Stays" start:"${START}"`);
    expect(h.text(await h.say(boss, `/event edit ${id}`))).toContain('Tell me what to change');
    expect(h.text(await h.say(boss, `/event edit ${id} end:"2026-12-05 16:00"`))).toContain(
      'must be after the start',
    );
    expect(h.text(await h.say(boss, `/event edit ${id} capacity:0`))).toContain('from 1 to 10000');
    expect(await f.event(id)).toMatchObject({
      title: 'Stays',
      startsAt: START_UTC,
      capacity: null,
    });
  });
});

describe('campaign isolation', () => {
  const space = { platform: 'telegram' as const, id: 'other-group' };
  let outsider: Actor;
  let eventId: number;

  beforeAll(async () => {
    const other = await h.core.services.campaigns.create('Other campaign');
    await h.core.services.campaigns.bindSpace(other.id, 'telegram', space.id);
    outsider = { platform: 'telegram', userId: '900', chatId: '900', username: 'outsider' };
    await h.say(outsider, '/start', space);
    await h.say(outsider, '/join agree:on', space);
    eventId = await f.createEvent(boss, `title:"Our secret meeting" start:"${START}"`);
  });

  it('keeps another campaign’s supporter from seeing or answering our events', async () => {
    expect(h.text(await h.say(outsider, '/events', space))).not.toContain('Our secret meeting');
    expect(h.text(await h.say(outsider, `/event rsvp ${eventId} yes`, space))).toContain(
      `There is no event #${eventId}`,
    );
    expect(h.text(await h.say(outsider, `/event ics ${eventId}`, space))).toContain(
      `There is no event #${eventId}`,
    );
    expect(await h.db.client.rsvp.count({ where: { eventId } })).toBe(0);
  });
});
