import type { Campaign } from '../../src/core/campaigns/campaign.types.ts';
import type { Store } from '../../src/core/ports.ts';

/** A registered supporter who joined at `joined` and was last seen at `seen`. */
export async function seedSupporter(
  store: Store,
  campaign: Campaign,
  externalId: string,
  joined: string,
  seen = joined,
) {
  const created = await store.supporters.createWithIdentity(campaign.id, {
    platform: 'telegram',
    externalId,
  });
  return store.supporters.update(campaign.id, created.id, {
    displayName: `Person ${externalId}`,
    consentAt: new Date(joined),
    lastActiveAt: new Date(seen),
  });
}

/**
 * The campaign of the `/stats` tests, seen on Monday 30 Nov 2026 (Europe/Paris): 4 supporters
 * before the window, 3 joining the week of 16 Nov, 2 the week of 23 Nov, 1 on 30 Nov; 2 tasks
 * done the week of 23 Nov; an event held on 24 Nov where 2 of the 3 who said yes came; and an
 * event on Sat 5 Dec (capacity 10) with 2 yes and 1 maybe.
 */
export async function seedStatsCampaign(store: Store, campaign: Campaign): Promise<void> {
  const joined = [
    ...['2026-08-01', '2026-08-02', '2026-08-03', '2026-08-04'],
    ...['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-24', '2026-11-25'],
  ].map((day) => `${day}T10:00:00Z`);
  joined.push('2026-11-30T07:00:00Z');
  const people = [];
  for (const [i, at] of joined.entries()) {
    people.push(await seedSupporter(store, campaign, `s${i}`, at));
  }
  const task = await store.tasks.create(campaign.id, { title: 'Flyers', slots: 5 });
  for (const person of people.slice(0, 2)) {
    const at = new Date('2026-11-26T10:00:00Z');
    await store.tasks.claim(campaign.id, task.id, person.id, at);
    await store.tasks.finish(campaign.id, task.id, person.id, at);
  }
  const held = await store.events.create(campaign.id, {
    title: 'Door knocking',
    startsAt: new Date('2026-11-24T17:00:00Z'),
    endsAt: new Date('2026-11-24T19:00:00Z'),
    timezone: 'Europe/Paris',
  });
  for (const [i, person] of people.slice(0, 3).entries()) {
    await store.events.answer(campaign.id, held.id, person.id, 'yes', new Date('2026-11-20'));
    const came = i < 2 ? 'attended' : 'no_show';
    await store.events.setAttendance(campaign.id, held.id, person.id, came, held.startsAt);
  }
  const coming = await store.events.create(campaign.id, {
    title: 'Canvass the market',
    startsAt: new Date('2026-12-05T09:00:00Z'),
    endsAt: new Date('2026-12-05T11:00:00Z'),
    timezone: 'Europe/Paris',
    capacity: 10,
  });
  const answers = ['yes', 'yes', 'maybe'] as const;
  for (const [i, answer] of answers.entries()) {
    await store.events.answer(campaign.id, coming.id, people[i + 3]!.id, answer, new Date());
  }
}
