import { describe, expect, it } from 'vitest';
import { CoreNotificationContent } from '../../src/core/notifications/content.ts';
import { ScheduledMessagePlanner } from '../../src/core/notifications/scheduled-messages.ts';
import { reportSchedule } from '../../src/core/reports/report-schedule.ts';
import { consoleAdmin, useCore } from '../support/core-harness.ts';
import { seedStatsCampaign, seedSupporter } from '../support/seed-stats.ts';

const h = useCore();
const HOUR = 3_600_000;

async function organizerAndVolunteer() {
  const campaign = await h.core.services.campaigns.ensureDefault();
  const store = h.db.store;
  const ana = await seedSupporter(store, campaign, 'ana', '2026-01-01T10:00:00Z', NOW_SEEN);
  await store.supporters.update(campaign.id, ana.id, { role: 'organizer' });
  const vic = await seedSupporter(store, campaign, 'vic', '2026-01-01T10:00:00Z', NOW_SEEN);
  return { campaign, ana, vic };
}
const NOW_SEEN = '2026-11-29T10:00:00Z';

describe('/setup report', () => {
  it('sets the report schedule, shows it, and refuses what is not a five-field cron', async () => {
    const set = h.text(await h.say(consoleAdmin, '/setup report:"0 9 * * 1"'));
    expect(set).toContain('Organizers’ report: 0 9 * * 1');
    const bad = h.text(await h.say(consoleAdmin, '/setup report:"every monday"'));
    expect(bad).toBe(
      '"every monday" is not a report schedule. Give a cron expression with five fields (minute hour day month weekday), for example 0 9 * * 1 for Mondays at 9:00, or off.',
    );
    const campaign = await h.core.services.campaigns.ensureDefault();
    expect(campaign.reportCron).toBe('0 9 * * 1');
  });
});

describe('the organizers’ weekly report', () => {
  it('arrives once a week at 09:00 Paris time across the spring clock change, for organizers only', async () => {
    const { campaign, ana, vic } = await organizerAndVolunteer();
    const planner = new ScheduledMessagePlanner(h.core.deps, [reportSchedule]);
    const from = Date.parse('2026-03-20T00:00:00Z');
    for (let at = from; at <= Date.parse('2026-04-07T00:00:00Z'); at += HOUR) {
      await planner.enqueueDue(new Date(at));
    }
    // A second process walking the same hours queues nothing more.
    const twin = new ScheduledMessagePlanner(h.core.deps, [reportSchedule]);
    for (let at = from; at <= Date.parse('2026-04-07T00:00:00Z'); at += HOUR) {
      expect(await twin.enqueueDue(new Date(at))).toBe(0);
    }
    const rows = (await h.db.store.notifications.list(campaign.id, {})).filter(
      (row) => row.kind === 'organizer_report',
    );
    expect(rows.map((row) => [row.recipientId, row.dueAt.toISOString()])).toEqual([
      [ana.id, '2026-03-23T08:00:00.000Z'],
      [ana.id, '2026-03-30T07:00:00.000Z'],
      [ana.id, '2026-04-06T07:00:00.000Z'],
    ]);
    expect(rows.some((row) => row.recipientId === vic.id)).toBe(false);
  });

  it('tells the week in numbers, what is unfilled with hand-out buttons, the silent, with the chart', async () => {
    const campaign = await h.core.services.campaigns.ensureDefault();
    await seedStatsCampaign(h.db.store, campaign);
    const phone = await h.db.store.tasks.create(campaign.id, {
      title: 'Phone bank',
      slots: 2,
      dueAt: new Date('2026-12-03T18:00:00Z'),
    });
    // A shift of the coming canvass with a free seat is listed by its own id, #2.1.
    await h.db.store.events.create(campaign.id, {
      title: 'Canvass the market · Drivers',
      startsAt: new Date('2026-12-05T09:00:00Z'),
      endsAt: new Date('2026-12-05T10:00:00Z'),
      timezone: 'Europe/Paris',
      capacity: 2,
      parentId: 2,
      shiftNumber: 1,
      label: 'Drivers',
    });
    await new ScheduledMessagePlanner(h.core.deps, [reportSchedule]).enqueueDue(
      new Date('2026-11-30T08:00:00Z'),
    );
    const [row] = (await h.db.store.notifications.list(campaign.id, {})).filter(
      (r) => r.kind === 'organizer_report' && r.dueAt.toISOString() === '2026-11-30T08:00:00.000Z',
    );
    const ana = await h.db.store.supporters.findById(campaign.id, row!.recipientId);
    const rendered = await new CoreNotificationContent(h.core.deps).render(row!, ana!);
    const text = rendered!.blocks.join('\n\n');
    expect(text).toContain('Organizers’ report for Test campaign, 23 Nov – 30 Nov 2026');
    expect(text).toContain('New supporters: 3\nTasks done: 2\nEvents held: 1');
    expect(text).toContain('#1 Door knocking · 2 came of 3 who said yes, 1 no-show');
    expect(text).toContain('Tasks still unfilled for the coming week (2):');
    expect(text).toContain(`#${phone.id} Phone bank`);
    expect(text).toContain('Events and shifts of the coming week with free seats (2):');
    expect(text).toContain('#2 Canvass the market · Sat 5 Dec');
    expect(text).toContain(
      '#2.1 Canvass the market · Drivers · Sat 5 Dec 2026, 10:00 (Europe/Paris) · 0/2 coming',
    );
    // The four who joined in August were last seen then; the organizers were seen yesterday.
    expect(text).toContain('Silent for 30 days: 4 volunteers who were active before');
    // Soonest due first, like every task listing.
    expect(rendered!.buttons?.map((row) => row.map((b) => b.label))).toEqual([
      [`Hand out #${phone.id} again`, 'Hand out #1 again'],
      ['Hand out #2 again', 'Hand out #2.1 again'],
    ]);
    // The shift's button offers its free seats to matching volunteers.
    expect(rendered!.buttons?.[1]?.[1]?.action).toEqual({
      command: 'event',
      subcommand: 'handout',
      args: { id: '2.1' },
    });
    const [picture] = rendered!.files ?? [];
    expect(picture?.mimeType).toBe('image/png');
    expect(Buffer.from(picture!.content as Uint8Array).readUInt32BE(16)).toBe(1200);
  });

  it('hands an unfilled task out again once a day, to those who do not hold it', async () => {
    const campaign = await h.core.services.campaigns.ensureDefault();
    const first = h.text(await h.say(consoleAdmin, '/task handout 1'));
    const count = Number(/: (\d+) volunteers/.exec(first)?.[1]);
    expect(first).toContain('Task #1 was handed out again');
    const again = (await h.db.store.notifications.list(campaign.id, {})).filter((row) =>
      row.key.startsWith('task_handout:1:'),
    );
    expect(again).toHaveLength(count);
    // The two who did task #1 are not asked again.
    const holders = await h.db.store.tasks.assignments(campaign.id, { taskId: 1 });
    expect(again.some((row) => holders.some((a) => a.supporterId === row.recipientId))).toBe(false);
    expect(h.text(await h.say(consoleAdmin, '/task handout 1'))).toContain(
      'Task #1 was not handed out again',
    );
  });
});

describe('/supporters inactive', () => {
  it('lists the supporters silent for the given days, most recently seen first', async () => {
    const reply = h.text(await h.say(consoleAdmin, '/supporters inactive:30d'));
    expect(reply).toContain('Supporters silent for 30 days or more: 4');
    expect(reply.indexOf('Person s3')).toBeLessThan(reply.indexOf('Person s0'));
    expect(reply).not.toContain('Person ana');
  });

  it('explains a bad number of days in the user’s language', async () => {
    expect(h.text(await h.say(consoleAdmin, '/supporters inactive:soon'))).toBe(
      '"soon" is not a number of days. Write it like inactive:30d (1 to 365 days).',
    );
  });
});
