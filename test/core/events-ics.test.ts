import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CampaignEvent } from '../../src/core/events/event.types.ts';
import { eventsToIcs } from '../../src/core/events/ics.ts';
import type { Actor } from '../../src/core/interaction/request.ts';
import { NOW, useCore } from '../support/core-harness.ts';
import { eventFixtures, HOUR } from './events-fixtures.ts';

const h = useCore();
const f = eventFixtures(h);
let boss: Actor;

beforeAll(async () => {
  boss = await f.organizer('800', 'boss');
});

function parse(ics: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

function sample(patch: Partial<CampaignEvent> = {}): CampaignEvent {
  return {
    id: 41,
    campaignId: 1,
    title: 'Canvass',
    description: null,
    location: null,
    startsAt: new Date('2026-12-05T17:00:00Z'),
    endsAt: new Date('2026-12-05T19:00:00Z'),
    timezone: 'Europe/Paris',
    capacity: null,
    reminderOffsets: null,
    hostId: null,
    status: 'scheduled',
    cancelReason: null,
    yesCount: 0,
    createdById: null,
    parentId: null,
    shiftNumber: null,
    label: null,
    requiredTag: null,
    sequence: 0,
    seriesId: null,
    occurrenceStart: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...patch,
  };
}

describe('calendar(campaignId)', () => {
  it('exports every upcoming event as a VEVENT that ical.js reads back', async () => {
    const first = await f.createEvent(
      boss,
      'title:"Canvass, phone; bank \\ night" start:"2026-12-05 18:00" location:"Hall A, floor 2"',
    );
    const second = await f.createEvent(boss, 'title:"Rally" start:"2026-12-10 09:30" duration:3h');
    const cancelled = await f.createEvent(boss, 'title:"Off" start:"2026-12-07 10:00"');
    await h.say(boss, `/event cancel ${cancelled}`);

    const ics = await h.core.services.events.calendar(await f.campaignId());
    const events = parse(ics);
    expect(events.map((e) => e.uid)).toEqual([
      `event-${first}@organizer`,
      `event-${second}@organizer`,
    ]);
    expect(events[0]?.summary).toBe('Canvass, phone; bank \\ night');
    expect(events[0]?.location).toBe('Hall A, floor 2');
    expect(events[0]?.startDate.toJSDate()).toEqual(new Date('2026-12-05T17:00:00Z'));
    expect(events[1]?.endDate.toJSDate()).toEqual(new Date('2026-12-10T11:30:00Z'));
    expect(ics).toContain('DTSTART:20261205T170000Z');
    expect(ics).toContain(`DTSTAMP:20261130T090000Z`);
    expect(ics).toContain('X-WR-CALNAME:Test campaign');
  });

  it('gives an empty but valid calendar to a campaign without events', async () => {
    const other = await h.core.services.campaigns.create('Empty');
    const ics = await h.core.services.events.calendar(other.id);
    expect(parse(ics)).toEqual([]);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  });
});

describe('RFC 5545 writing', () => {
  it('escapes commas, semicolons, backslashes and line breaks in text', () => {
    const ics = eventsToIcs([sample({ title: 'a,b;c\\d' })], { stamp: NOW });
    expect(ics).toContain('SUMMARY:a\\,b\\;c\\\\d');
    const description = 'Bring:\n- water, snacks\n- a pen; paper';
    const [event] = parse(eventsToIcs([sample({ description })], { stamp: NOW }));
    expect(event?.description).toBe(description);
  });

  it('folds lines at 75 octets without cutting a character, and ends every line with CRLF', () => {
    const title = `Réunion publique à l’hôtel de ville — ${'été '.repeat(30)}🎉 fin`;
    const ics = eventsToIcs([sample({ title, location: 'x'.repeat(200) })], { stamp: NOW });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of ics.split('\r\n')) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    const [event] = parse(ics);
    expect(event?.summary).toBe(title);
    expect(event?.location).toBe('x'.repeat(200));
  });

  it('keeps short lines whole and marks cancelled events', () => {
    const ics = eventsToIcs([sample({ status: 'cancelled' })], { stamp: NOW });
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('status')).toBe(
      'CANCELLED',
    );
  });

  it('writes instants in UTC whatever the event’s zone', () => {
    const startsAt = new Date(NOW.getTime() + 5 * HOUR);
    const ics = eventsToIcs([sample({ startsAt, timezone: 'America/New_York' })], {
      stamp: NOW,
    });
    expect(ics).toContain('DTSTART:20261130T140000Z');
    expect(parse(ics)[0]?.startDate.toJSDate()).toEqual(startsAt);
  });
});
