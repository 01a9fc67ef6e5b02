import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { CampaignEvent } from '../../src/core/events/event.types.ts';
import type { Actor } from '../../src/core/interaction/request.ts';
import { NOW, useCore } from '../support/core-harness.ts';
import { eventFixtures } from './events-fixtures.ts';

/** The same series rules on SQLite and on PostgreSQL. */
export function seriesCases(database: 'sqlite' | 'postgresql'): void {
  const h = useCore({ publicBaseUrl: 'https://organize.example' }, database);
  const f = eventFixtures(h);
  let boss: Actor;
  let ana: Actor;

  beforeAll(async () => {
    boss = await f.organizer('900', 'boss');
    ana = await h.volunteer('901', 'ana');
  });

  afterEach(() => h.clock.set(NOW));

  const MARCH = new Date('2027-03-01T09:00:00Z');
  const local = (event: CampaignEvent) =>
    DateTime.fromJSDate(event.startsAt, { zone: event.timezone });
  const hours = (events: CampaignEvent[]) => events.map((e) => local(e).toFormat('HH:mm'));
  const dates = (events: CampaignEvent[]) => events.map((e) => local(e).toFormat('LL-dd'));

  async function datesOf(eventId: number): Promise<CampaignEvent[]> {
    const event = await f.event(eventId);
    return h.db.store.series.occurrences(event.campaignId, event.seriesId!);
  }

  it('keeps every date at 10:00 Paris time across the last Sundays of March and October', async () => {
    h.clock.set(MARCH);
    const reply = h.text(
      await h.say(
        boss,
        '/event create title:"Sunday stall" start:"2027-03-14 10:00" repeat:weekly until:"2027-11-14"',
      ),
    );
    expect(reply).toContain('It repeats: weekly until');
    expect(reply).toContain('7 dates are scheduled so far');
    const id = Number(/#(\d+)/.exec(reply)?.[1]);
    const spring = await datesOf(id);
    expect(dates(spring)).toEqual(['03-14', '03-21', '03-28', '04-04', '04-11', '04-18', '04-25']);
    expect(hours(spring).every((hour) => hour === '10:00')).toBe(true);
    // Clocks go forward on 28 March: the same 10:00 is an hour earlier in UTC.
    expect(spring.map((e) => e.startsAt.getUTCHours()).slice(0, 3)).toEqual([9, 9, 8]);

    // The scheduler tick carries the horizon forward; two processes ticking at once make each
    // date once.
    h.clock.set(new Date('2027-10-10T09:00:00Z'));
    await Promise.all([h.core.services.series.extend(), h.core.services.series.extend()]);
    await h.core.services.series.extend();
    const autumn = (await datesOf(id)).filter((e) => e.startsAt > h.clock.now());
    expect(dates(autumn)).toEqual(['10-17', '10-24', '10-31', '11-07', '11-14']);
    expect(hours(autumn).every((hour) => hour === '10:00')).toBe(true);
    // Clocks go back on 31 October.
    expect(autumn.map((e) => e.startsAt.getUTCHours()).slice(1, 3)).toEqual([8, 9]);
  });

  it('keeps every date at 10:00 in Sydney across the April and October clock changes', async () => {
    h.clock.set(MARCH);
    const campaign = await h.core.services.campaigns.ensureDefault();
    const sydney = { ...campaign, timezone: 'Australia/Sydney' };
    const start = DateTime.fromISO('2027-03-21T10:00', { zone: 'Australia/Sydney' }).toJSDate();
    const { scheduled } = await h.core.services.series.create(
      sydney,
      { title: 'Beach clean', startsAt: start, endsAt: new Date(start.getTime() + 7_200_000) },
      { repeat: 'weekly', count: 4 },
      null,
    );
    expect(dates(scheduled)).toEqual(['03-21', '03-28', '04-04', '04-11']);
    expect(hours(scheduled)).toEqual(['10:00', '10:00', '10:00', '10:00']);
    expect(scheduled.map((e) => e.startsAt.getUTCHours())).toEqual([23, 23, 0, 0]);

    h.clock.set(new Date('2027-09-20T00:00:00Z'));
    const october = DateTime.fromISO('2027-09-26T10:00', { zone: 'Australia/Sydney' }).toJSDate();
    const spring = await h.core.services.series.create(
      sydney,
      { title: 'Dune walk', startsAt: october, endsAt: new Date(october.getTime() + 3_600_000) },
      { repeat: 'every:1w', count: 3 },
      null,
    );
    expect(dates(spring.scheduled)).toEqual(['09-26', '10-03', '10-10']);
    expect(hours(spring.scheduled)).toEqual(['10:00', '10:00', '10:00']);
  });

  it('edits one date, all dates, then the following ones, and cancels one date only', async () => {
    h.clock.set(MARCH);
    const first = await f.createEvent(
      boss,
      'title:"Canvass" start:"2027-03-14 10:00" location:Market repeat:weekly count:6',
    );
    const ids = (await datesOf(first)).map((e) => e.id);
    const [, second, third, fourth, fifth] = ids as [number, number, number, number, number];

    await h.say(boss, `/event edit ${second} start:"2027-03-21 11:00" scope:this`);
    expect(hours(await datesOf(first))).toEqual([
      '10:00',
      '11:00',
      '10:00',
      '10:00',
      '10:00',
      '10:00',
    ]);

    const all = h.text(await h.say(boss, `/event edit ${third} location:"Town hall" scope:all`));
    expect(all).toContain('6 dates of the series are changed');
    expect((await datesOf(first)).map((e) => e.location)).toEqual(Array(6).fill('Town hall'));

    await h.say(boss, `/event edit ${fourth} start:"2027-04-04 18:00" scope:following`);
    const before = await datesOf(first);
    const after = await datesOf(fourth);
    expect(hours(before)).toEqual(['10:00', '11:00', '10:00']);
    expect(hours(after)).toEqual(['18:00', '18:00', '18:00']);
    expect(dates(after)).toEqual(['04-04', '04-11', '04-18']);

    const cancelled = h.text(await h.say(boss, `/event cancel ${fifth} scope:this`));
    expect(cancelled).toContain(`Event #${fifth} Canvass is cancelled`);
    expect((await datesOf(fourth)).map((e) => e.status)).toEqual([
      'scheduled',
      'cancelled',
      'scheduled',
    ]);

    // The campaign feed shows each series once, with the cancelled date and the moved one.
    const campaign = await h.core.services.campaigns.ensureDefault();
    const feed = await h.core.services.calendars.campaignFeed(campaign.id);
    const token = /calendar\/([\w-]+)\.ics/.exec(feed.https)?.[1] ?? '';
    const ics = (await h.core.services.calendars.render(token)) ?? '';
    const vevents = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    const later = vevents.find((e) => e.isRecurring() && e.startDate.toString().includes('04-04'));
    expect(later?.component.getFirstPropertyValue('exdate')?.toString()).toContain('2027-04-11');
    const iterator = later!.iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) starts.push(next.toString());
    expect(starts).toEqual(['2027-04-04T18:00:00', '2027-04-18T18:00:00']);
    // The zone is described (VTIMEZONE): the dates are the right instants, summer time included.
    const root = new ICAL.Component(ICAL.parse(ics));
    expect(
      root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
    ).toContain('Europe/Paris');
    expect(later!.startDate.toJSDate().toISOString()).toBe('2027-04-04T16:00:00.000Z');
    const moved = vevents.find((e) => e.isRecurrenceException());
    expect(moved?.startDate.toString()).toBe('2027-03-21T11:00:00');
    expect(moved?.recurrenceId.toString()).toBe('2027-03-21T10:00:00');
  });

  it('answers every later date with series:on, new dates too, until series:off', async () => {
    h.clock.set(MARCH);
    const first = await f.createEvent(
      boss,
      'title:"Phone bank" start:"2027-03-02 18:00" repeat:weekly',
    );
    const said = h.text(await h.say(ana, `/event rsvp ${first} yes series:on`));
    expect(said).toContain('the 7 later dates already scheduled and to every new one');
    for (const date of await datesOf(first)) expect(await f.answerOf(date.id, ana)).toBe('yes');

    h.clock.set(new Date('2027-03-08T09:00:00Z'));
    await h.core.services.series.extend();
    const newest = (await datesOf(first)).at(-1)!;
    expect(dates([newest])).toEqual(['04-27']);
    expect(await f.answerOf(newest.id, ana)).toBe('yes');

    const mydata = (await h.say(ana, '/mydata')).files?.[0]?.content ?? '{}';
    expect(JSON.parse(String(mydata)).seriesAnswers).toEqual([
      { seriesId: newest.seriesId, answer: 'yes', shiftNumber: null },
    ]);

    await h.say(ana, `/event rsvp ${newest.id} yes series:off`);
    h.clock.set(new Date('2027-03-15T09:00:00Z'));
    await h.core.services.series.extend();
    const later = (await datesOf(first)).at(-1)!;
    expect(dates([later])).toEqual(['05-04']);
    expect(await f.answerOf(later.id, ana)).toBeUndefined();
  });

  it('copies the shifts of the first date to every date; series:on answers a shift', async () => {
    h.clock.set(MARCH);
    const first = await f.createEvent(
      boss,
      'title:Leaflets start:"2027-03-20 09:00" duration:6h repeat:weekly',
    );
    await h.say(
      boss,
      `/event shift add ${first} start:"10:00" end:"12:00" capacity:5 label:Morning`,
    );
    const campaignId = await f.campaignId();
    const shiftsOf = (event: CampaignEvent) => h.db.store.events.listShifts(campaignId, event.id);
    const scheduled = await datesOf(first);
    for (const date of scheduled) {
      const shifts = await shiftsOf(date);
      expect(shifts.map((shift) => [shift.label, shift.capacity])).toEqual([['Morning', 5]]);
      expect(hours(shifts)).toEqual(['10:00']);
    }
    const said = h.text(await h.say(ana, `/event rsvp ${scheduled[1]!.id} yes shift:1 series:on`));
    expect(said).toContain('You are going to #');
    const [morning] = await shiftsOf(scheduled.at(-1)!);
    expect(await f.answerOf(morning!.id, ana)).toBe('yes');

    h.clock.set(new Date('2027-03-08T09:00:00Z'));
    await h.core.services.series.extend();
    const newest = (await datesOf(first)).at(-1)!;
    expect(dates([newest])).toEqual(['05-01']);
    const [copied] = await shiftsOf(newest);
    expect(hours([copied!])).toEqual(['10:00']);
    expect(await f.answerOf(copied!.id, ana)).toBe('yes');
    expect(await f.answerOf(newest.id, ana)).toBeUndefined();

    // Once erased, nobody answers new dates in their name.
    await h.core.services.privacy.erase(campaignId, (await f.supporterOf(ana)).id);
    h.clock.set(new Date('2027-03-15T09:00:00Z'));
    await h.core.services.series.extend();
    const [afterErasure] = await shiftsOf((await datesOf(first)).at(-1)!);
    expect(await h.db.store.events.listRsvps(campaignId, { eventId: afterErasure!.id })).toEqual(
      [],
    );
  });

  it('moves every date to other days and hours with scope:all, new dates following', async () => {
    h.clock.set(MARCH);
    const first = await f.createEvent(
      boss,
      'title:Training start:"2027-03-08 18:00" repeat:weekly:mon,thu count:6',
    );
    await h.say(boss, `/event edit ${first} start:"2027-03-09 19:30" scope:all`);
    const moved = await datesOf(first);
    expect(moved.map((e) => local(e).toFormat('ccc LL-dd HH:mm'))).toEqual([
      'Tue 03-09 19:30',
      'Fri 03-12 19:30',
      'Tue 03-16 19:30',
      'Fri 03-19 19:30',
      'Tue 03-23 19:30',
      'Fri 03-26 19:30',
    ]);

    // A daily series moved a day later: each date takes the start of the next one on the way.
    const daily = await f.createEvent(boss, 'title:Stretch start:"2027-03-10 07:00" repeat:daily');
    const before = await datesOf(daily);
    await h.say(boss, `/event edit ${daily} start:"2027-03-11 07:15" scope:all`);
    const after = await datesOf(daily);
    expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
    expect(dates(after.slice(0, 2))).toEqual(['03-11', '03-12']);
    expect(hours(after).every((hour) => hour === '07:15')).toBe(true);
    h.clock.set(new Date('2027-03-05T09:00:00Z'));
    await h.core.services.series.extend();
    const extended = await datesOf(daily);
    expect(extended.length).toBeGreaterThan(after.length);
    expect(hours(extended).every((hour) => hour === '07:15')).toBe(true);
    expect(new Set(dates(extended)).size).toBe(extended.length);
  });

  it('cancels the following dates and adds no more; the feed ends the rule there', async () => {
    h.clock.set(MARCH);
    const first = await f.createEvent(boss, 'title:Yoga start:"2027-03-03 07:00" repeat:weekly');
    const bea = await h.volunteer('902', 'bea');
    await h.say(bea, `/event rsvp ${first} yes series:on`);
    const third = (await datesOf(first))[2]!;
    const reply = h.text(await h.say(boss, `/event cancel ${third.id} scope:following`));
    expect(reply).toContain('6 dates of the series are cancelled, and no new date will be added.');
    expect(reply).toContain('Everyone who answered (6) will be told.');
    expect((await datesOf(first)).map((e) => e.status)).toEqual([
      'scheduled',
      'scheduled',
      ...Array(6).fill('cancelled'),
    ]);
    h.clock.set(new Date('2027-03-20T09:00:00Z'));
    await h.core.services.series.extend();
    expect(await datesOf(first)).toHaveLength(8);

    const campaign = await h.core.services.campaigns.ensureDefault();
    const feed = await h.core.services.calendars.campaignFeed(campaign.id);
    const ics = await h.core.services.calendars.render(
      /calendar\/([\w-]+)\.ics/.exec(feed.https)![1]!,
    );
    const series = new ICAL.Component(ICAL.parse(ics ?? ''))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .find((e) => e.summary === 'Yoga');
    expect(series?.component.getFirstPropertyValue('rrule')?.toString()).toBe(
      'FREQ=WEEKLY;UNTIL=20270317T055959Z',
    );
  });

  it('refuses bad series input in one sentence with an example, writing nothing', async () => {
    h.clock.set(MARCH);
    const plain = await f.createEvent(boss, 'title:"One-off" start:"2027-03-10 18:00"');
    const count = await f.eventCount();
    const refusals: [string, string][] = [
      ['start:"2027-03-10 18:00" repeat:fortnightly', 'I do not understand the repeat rule'],
      ['start:"2027-03-10 18:00" repeat:weekly until:"2026-06-30"', 'would end'],
      ['start:"2027-03-10 18:00" repeat:weekly count:501', 'at most 500 dates'],
      ['start:"2027-03-10 18:00" repeat:daily until:"2029-12-31"', 'at most 500 dates'],
      ['start:"2027-03-10 18:00" count:3', 'only go with repeat'],
    ];
    for (const [options, refusal] of refusals) {
      const reply = h.text(await h.say(boss, `/event create title:Drill ${options}`));
      expect(reply).toContain(refusal);
      expect(reply).toContain('For example:');
    }
    const scoped = h.text(await h.say(boss, `/event edit ${plain} location:Hall scope:all`));
    expect(scoped).toContain(`Event #${plain} does not repeat`);
    expect((await f.event(plain)).location).toBeNull();
    expect(await f.eventCount()).toBe(count);

    const series = await f.createEvent(
      boss,
      'title:Choir start:"2027-03-11 19:00" repeat:weekly count:2',
    );
    const unscoped = h.text(await h.say(boss, `/event cancel ${series}`));
    expect(unscoped).toContain('say which dates');
    expect((await f.event(series)).status).toBe('scheduled');
  });

  it('reads French rules and refuses in French', async () => {
    h.clock.set(MARCH);
    const campaign = await h.core.services.campaigns.ensureDefault();
    await h.core.services.campaigns.update(campaign.id, { locale: 'fr' });
    try {
      const made = h.text(
        await h.say(
          boss,
          '/evenement creer title:Tractage start:"2027-03-15 17:00" repeat:hebdomadaire:lun,jeu count:4',
        ),
      );
      expect(made).toContain('Il se répète : hebdomadaire:lun,jeu, 4 fois.');
      const id = Number(/#(\d+)/.exec(made)?.[1]);
      expect(dates(await datesOf(id))).toEqual(['03-15', '03-18', '03-22', '03-25']);
      const refused = h.text(
        await h.say(
          boss,
          '/evenement creer title:Tractage start:"2027-03-15 17:00" repeat:parfois',
        ),
      );
      expect(refused).toBe(
        'Je ne comprends pas la règle de répétition « parfois ». Par exemple : repeat:hebdomadaire, repeat:hebdomadaire:lun,jeu ou repeat:chaque:2s',
      );
      const scope = h.text(await h.say(boss, `/evenement annuler ${id} scope:celle-ci`));
      expect(scope).toContain('est annulé');
    } finally {
      await h.core.services.campaigns.update(campaign.id, { locale: 'en' });
    }
  });
}
