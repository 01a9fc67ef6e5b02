import { afterEach, beforeAll, expect, it } from 'vitest';
import { formatCommandLine } from '../../src/core/commands/command-line.ts';
import { handoutButton } from '../../src/core/covers/cover-view.ts';
import { translator } from '../../src/core/i18n/i18n.ts';
import type { Actor } from '../../src/core/interaction/request.ts';
import { CoreNotificationContent } from '../../src/core/notifications/content.ts';
import { consoleAdmin, NOW, useCore } from '../support/core-harness.ts';
import { eventFixtures, HOUR } from './events-fixtures.ts';

/**
 * Cover requests on one database: a seat given up close to the start is offered in waves to
 * matching volunteers, and the first to take it gets it.
 */
export function coverSuite(database: 'sqlite' | 'postgresql'): void {
  const h = useCore({}, database);
  const f = eventFixtures(h);
  let boss: Actor;
  let serial = 0;

  beforeAll(async () => {
    boss = await f.organizer('900', 'coverboss');
  });

  afterEach(() => h.clock.set(NOW));

  /** Fresh volunteers holding a fresh tag, so each test has its own candidates. */
  async function crew(size: number, tag: string): Promise<Actor[]> {
    const people: Actor[] = [];
    for (let i = 0; i < size; i++) {
      serial += 1;
      const actor = await h.volunteer(`91${serial}`, `cover${serial}`);
      await h.say(boss, `/tag add @cover${serial} ${tag}`);
      people.push(actor);
    }
    return people;
  }

  /** An event tomorrow (inside the default 48 h window) with one shift of `seats` for `tag`. */
  async function shiftTomorrow(tag: string, hour: number, seats = 1) {
    const id = await f.createEvent(
      boss,
      `title:"Market ${tag}" start:"2026-12-01 ${hour}:00" duration:3h`,
    );
    await h.say(
      boss,
      `/event shift add ${id} start:"${hour}:00" end:"${hour + 2}:00" capacity:${seats} tag:${tag} label:Stall`,
    );
    const shift = await h.db.store.events.findShift(await f.campaignId(), id, 1);
    if (!shift) throw new Error('no shift');
    return { id, shift };
  }

  async function offeredTo(shiftId: number): Promise<number[]> {
    return (await f.rows(shiftId, 'cover_offer')).map((row) => row.recipientId).sort();
  }

  async function coverIdOf(shiftId: number): Promise<number> {
    const [row] = await f.rows(shiftId, 'cover_offer');
    return Number(row?.payload.coverId);
  }

  const idOf = async (actor: Actor) => (await f.supporterOf(actor)).id;

  it('offers a seat given up inside the window only to reachable people outside quiet hours', async () => {
    const [holder, ready, quiet, muted, blocked] = await crew(5, 'stall');
    const untagged = await h.volunteer('9199', 'untagged');
    const { id, shift } = await shiftTomorrow('stall', 10);
    await h.say(holder!, `/event rsvp ${id} yes shift:1`);
    const campaignId = await f.campaignId();
    // 09:00 UTC is 10:00 in Paris: inside 09:00-12:00.
    await h.db.store.supporters.update(campaignId, await idOf(quiet!), {
      quietHours: '09:00-12:00',
    });
    await h.say(muted!, '/profile set reminders:off');
    const [identity] = await h.db.store.supporters.identities(campaignId, await idOf(blocked!));
    await h.db.store.supporters.updateIdentity(campaignId, identity!.id, { unreachable: true });

    const reply = await h.say(holder!, `/event rsvp ${id} no shift:1`);
    expect(h.text(reply)).toContain('Your seat is offered to 1 other volunteer.');
    expect(await offeredTo(shift.id)).toEqual([await idOf(ready!)]);
    expect(await offeredTo(shift.id)).not.toContain(await idOf(untagged));
  });

  it('gives the seat to exactly one of two volunteers pressing "Take this seat" at once', async () => {
    const [holder, first, second] = await crew(3, 'door');
    const { id, shift } = await shiftTomorrow('door', 13);
    await h.say(holder!, `/event rsvp ${id} yes shift:1`);
    await h.say(holder!, `/event rsvp ${id} no shift:1`);
    const coverId = await coverIdOf(shift.id);
    expect(await offeredTo(shift.id)).toHaveLength(2);

    const replies = await Promise.all([
      h.say(first!, `/event take ${coverId}`),
      h.say(second!, `/event take ${coverId}`),
    ]);
    const texts = replies.map((reply) => h.text(reply));
    expect(texts.filter((text) => text.includes('The seat is yours'))).toHaveLength(1);
    expect(texts.filter((text) => text.includes('Someone was quicker'))).toHaveLength(1);
    const answers = [await f.answerOf(shift.id, first!), await f.answerOf(shift.id, second!)];
    expect(answers.filter((answer) => answer === 'yes')).toHaveLength(1);
    expect((await f.event(shift.id)).yesCount).toBe(1);
    // An offer not yet delivered when the seat went is dropped rather than sent.
    const loser = replies[0] && h.text(replies[0]).includes('quicker') ? first! : second!;
    const loserId = await idOf(loser);
    const offer = (await f.rows(shift.id, 'cover_offer')).find(
      (row) => row.recipientId === loserId,
    );
    const content = new CoreNotificationContent(h.core.deps);
    expect(await content.render(offer!, await f.supporterOf(loser))).toBeNull();
  });

  it('sends each next wave once, 30 minutes later while unfilled, and none once filled', async () => {
    const people = await crew(12, 'flyer');
    const [holder, ...others] = people;
    const { id, shift } = await shiftTomorrow('flyer', 16);
    await h.say(holder!, `/event rsvp ${id} yes shift:1`);
    await h.say(holder!, `/event rsvp ${id} no shift:1`);
    expect(await offeredTo(shift.id)).toHaveLength(5);

    const log = { error: (details: Record<string, unknown>) => h.errors.push(details) };
    h.clock.set(new Date(NOW.getTime() + 20 * 60_000));
    await h.core.services.covers.sendDueWaves(log);
    expect(await offeredTo(shift.id)).toHaveLength(5);
    // Two processes' ticks at once: the wave is claimed by one of them.
    h.clock.set(new Date(NOW.getTime() + 31 * 60_000));
    await Promise.all([
      h.core.services.covers.sendDueWaves(log),
      h.core.services.covers.sendDueWaves(log),
    ]);
    const offered = await offeredTo(shift.id);
    expect(offered).toHaveLength(10);
    expect(new Set(offered).size).toBe(10);
    expect(h.errors).toEqual([]);

    const taker = others[6]!;
    const taken = await h.say(taker, `/event take ${await coverIdOf(shift.id)}`);
    expect(h.text(taken)).toContain('The seat is yours');
    h.clock.set(new Date(NOW.getTime() + 2 * HOUR));
    await h.core.services.covers.sendDueWaves(log);
    expect(await offeredTo(shift.id)).toHaveLength(10);
    const cover = await h.db.store.covers.findById(await f.campaignId(), await coverIdOf(shift.id));
    expect(cover).toMatchObject({ status: 'filled', nextWaveAt: null });
  });

  it('ranks volunteers with fewer commitments that week first', async () => {
    const people = await crew(7, 'leaflet');
    const [holder, busy, ...free] = people;
    const other = await shiftTomorrow('leaflet', 7);
    await h.say(busy!, `/event rsvp ${other.id} yes shift:1`);
    const { id, shift } = await shiftTomorrow('leaflet', 19);
    await h.say(holder!, `/event rsvp ${id} yes shift:1`);
    await h.say(holder!, `/event rsvp ${id} no shift:1`);
    const offered = await offeredTo(shift.id);
    expect(offered).toHaveLength(5);
    expect(offered).not.toContain(await idOf(busy!));
    expect(offered.sort()).toEqual((await Promise.all(free.map(idOf))).sort());
  });

  it('refuses "Take this seat" after the start or to someone holding an overlapping shift, writing nothing', async () => {
    const [holder, clashing, late] = await crew(3, 'kiosk');
    const { id, shift } = await shiftTomorrow('kiosk', 11);
    const overlap = await shiftTomorrow('kiosk', 12);
    await h.say(clashing!, `/event rsvp ${overlap.id} yes shift:1`);
    await h.say(holder!, `/event rsvp ${id} yes shift:1`);
    await h.say(holder!, `/event rsvp ${id} no shift:1`);
    const coverId = await coverIdOf(shift.id);

    const clash = await h.say(clashing!, `/event take ${coverId}`);
    expect(h.text(clash)).toContain(`overlaps your shift #${overlap.id}.1`);
    expect(h.text(clash)).toContain(`/event rsvp ${overlap.id} no shift:1`);
    expect(await f.answerOf(shift.id, clashing!)).toBeUndefined();

    h.clock.set(new Date(shift.startsAt.getTime() + 60_000));
    const started = await h.say(late!, `/event take ${coverId}`);
    expect(h.text(started)).toContain('has already started, so its seat can no longer be taken');
    expect(await f.answerOf(shift.id, late!)).toBeUndefined();
    expect((await h.db.store.covers.findById(await f.campaignId(), coverId))?.taken).toBe(0);
  });

  it('keeps a swapped seat until someone takes it, then moves it and tells the requester', async () => {
    const [holder, taker] = await crew(2, 'swap');
    const { id, shift } = await shiftTomorrow('swap', 14);
    await h.say(holder!, `/event rsvp ${id} yes shift:1`);
    const asked = await h.say(holder!, `/event swap ${id} shift:1`);
    expect(h.text(asked)).toContain(`You keep your seat at #${id}.1 Market swap · Stall`);
    expect(h.text(asked)).toContain('It is offered to 1 volunteer.');
    expect(await f.answerOf(shift.id, holder!)).toBe('yes');

    const taken = await h.say(taker!, `/event take ${await coverIdOf(shift.id)}`);
    expect(h.text(taken)).toContain('The seat is yours');
    expect(await f.answerOf(shift.id, holder!)).toBe('no');
    expect(await f.answerOf(shift.id, taker!)).toBe('yes');
    const told = await f.rows(shift.id, 'cover_taken');
    expect(told.map((row) => row.recipientId)).toEqual([await idOf(holder!)]);
  });

  it('asks for no cover outside the window or when the campaign turned it off', async () => {
    const [holder] = await crew(2, 'far');
    const id = await f.createEvent(boss, 'title:"Far away" start:"2026-12-20 10:00" capacity:3');
    await h.say(holder!, `/event rsvp ${id} yes`);
    await h.say(holder!, `/event rsvp ${id} no`);
    expect(await f.rows(id, 'cover_offer')).toHaveLength(0);

    const bad = await h.say(consoleAdmin, '/setup cover_window:soon');
    expect(h.text(bad)).toContain('"soon" is not a cover window');
    const off = await h.say(consoleAdmin, '/setup cover_window:off');
    expect(h.text(off)).toContain('Cover window: off');
    const { id: near, shift } = await shiftTomorrow('far', 8);
    await h.say(holder!, `/event rsvp ${near} yes shift:1`);
    await h.say(holder!, `/event rsvp ${near} no shift:1`);
    expect(await f.rows(shift.id, 'cover_offer')).toHaveLength(0);
    const on = await h.say(consoleAdmin, '/setup cover_window:48h');
    expect(h.text(on)).toContain('Cover window: 2d');
  });

  it('hands out the free seats of a shift named like 12.2 and shows the open cover to organizers', async () => {
    await crew(3, 'tent');
    const { id, shift } = await shiftTomorrow('tent', 9, 2);
    const reply = await h.say(boss, `/event handout ${id}.1`);
    expect(h.text(reply)).toContain(`The 2 free seats of #${id}.1`);
    expect(h.text(reply)).toContain('offered to 3 volunteers');
    expect(await offeredTo(shift.id)).toHaveLength(3);
    const attendees = await h.say(boss, `/event attendees ${id}`);
    expect(h.text(attendees)).toContain(`#${id}.1 Market tent · Stall: looking for 2 volunteers`);
    const stats = await h.say(boss, '/stats chart:off');
    expect(h.text(stats)).toContain('Open cover requests');
    const view = { t: translator('en'), formatWhen: () => '' };
    const again = handoutButton(view, shift);
    expect(again.label).toBe(`Hand out #${id}.1 again`);
    const second = await h.say(boss, formatCommandLine(again.action));
    expect(h.text(second)).toContain(`The 2 free seats of #${id}.1`);
    const bad = await h.say(boss, '/event handout twelve');
    expect(h.text(bad)).toContain('"twelve" is not an event or shift number');
  });
}
