import { beforeAll, describe, expect, it } from 'vitest';
import { formatCommandLine } from '../../../src/core/commands/command-line.ts';
import type { Actor } from '../../../src/core/interaction/request.ts';
import { CoreNotificationContent } from '../../../src/core/notifications/content.ts';
import { digestSchedule } from '../../../src/core/notifications/digests.ts';
import type { Notification } from '../../../src/core/notifications/notification.types.ts';
import { ScheduledMessagePlanner } from '../../../src/core/notifications/scheduled-messages.ts';
import type { Supporter } from '../../../src/core/supporters/supporter.types.ts';
import { consoleAdmin, NOW, useCore } from '../../support/core-harness.ts';
import { eventFixtures } from '../events-fixtures.ts';

const h = useCore();
const f = eventFixtures(h);
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
let content: CoreNotificationContent;
let ana: Actor;
let reader: Supporter;

beforeAll(async () => {
  content = new CoreNotificationContent(h.core.deps);
  // 10:00 in Paris is 09:00 UTC in winter: NOW and each day after it.
  await h.db.store.campaigns.update(await f.campaignId(), { digestCron: '0 10 * * *' });
  ana = await h.volunteer('901', 'ana');
  reader = await f.supporterOf(ana);
});

/** Plans the digest at `at` and returns the reader's row. */
async function digestRow(at: Date): Promise<Notification> {
  await new ScheduledMessagePlanner(h.core.deps, [digestSchedule]).enqueueDue(at);
  const rows = await h.db.store.notifications.list(await f.campaignId(), {
    recipientId: reader.id,
  });
  const row = rows.find((r) => r.kind === 'digest' && r.dueAt.getTime() === at.getTime());
  if (!row) throw new Error(`no digest at ${at.toISOString()}`);
  return row;
}

/** Creates a task as the console admin, dated `createdAt` (the database stamps its own time). */
async function createTask(options: string, createdAt: Date): Promise<number> {
  const reply = await h.say(consoleAdmin, `/task create ${options} notify:off`);
  const id = Number(/#(\d+)/.exec(h.text(reply))?.[1]);
  await h.db.client.task.update({ where: { id }, data: { createdAt } });
  return id;
}

async function render(row: Notification, who: Supporter = reader) {
  const rendered = await content.render(row, who);
  expect(rendered?.blocks.join('\n\n').length ?? 0).toBeLessThanOrEqual(2000);
  return rendered;
}

describe('digest message', () => {
  it('is skipped when there is nothing new and nothing coming', async () => {
    expect(await render(await digestRow(NOW))).toBeNull();
  });

  it('lists the new tasks one can take and the next 7 days of events, with counts and Claim buttons', async () => {
    await createTask('title:"Old task"', new Date(NOW.getTime() - 8 * DAY));
    const flyers = await createTask('title:"Hand out flyers" slots:2', NOW);
    const banners = await createTask('title:"Paint banners" due:"2026-12-03 18:00"', NOW);
    const canvass = await f.createEvent(
      consoleAdmin,
      'title:Canvass start:"2026-12-02 18:00" location:"Market square"',
    );
    await f.createEvent(consoleAdmin, 'title:"Far away" start:"2026-12-10 18:00"');
    const row = await digestRow(new Date(NOW.getTime() + DAY));
    h.clock.set(row.dueAt);

    const en = await render(row);
    expect(en?.blocks).toEqual([
      'News from Test campaign',
      [
        'New tasks you can take (2):',
        `#${banners} Paint banners · 0/1 taken · due Thu 3 Dec 2026, 18:00 (Europe/Paris)`,
        `#${flyers} Hand out flyers · 0/2 taken`,
      ].join('\n'),
      [
        'Events in the next 7 days (1):',
        `#${canvass} Canvass · Wed 2 Dec 2026, 18:00 (Europe/Paris) · Market square`,
      ].join('\n'),
      'Type /tasks or /events to see everything.',
    ]);
    expect(en?.buttons?.flat().map((b) => formatCommandLine(b.action))).toEqual([
      `/task claim id:${banners}`,
      `/task claim id:${flyers}`,
    ]);

    const fr = await render(row, { ...reader, locale: 'fr', timezone: 'America/Montreal' });
    expect(fr?.blocks[0]).toBe('Nouvelles de la campagne « Test campaign »');
    expect(fr?.blocks[1]).toContain('Nouvelles tâches que vous pouvez prendre (2) :');
    expect(fr?.blocks[2]).toBe(
      [
        'Événements des 7 prochains jours (1) :',
        `#${canvass} Canvass · mer. 2 déc. 2026, 12:00 (America/Montreal) · Market square`,
      ].join('\n'),
    );
    expect(fr?.blocks[3]).toBe('Tapez /tasks ou /events pour tout voir.');
  });

  it('lists only the tasks that appeared since the last digest delivered', async () => {
    const previous = await digestRow(new Date(NOW.getTime() + DAY));
    await h.db.client.notification.update({
      where: { id: previous.id },
      data: { status: 'sent', sentAt: previous.dueAt },
    });
    const leaflets = await createTask(
      'title:"Fold leaflets"',
      new Date(NOW.getTime() + DAY + HOUR),
    );
    const row = await digestRow(new Date(NOW.getTime() + 2 * DAY));
    h.clock.set(row.dueAt);

    const rendered = await render(row);
    expect(rendered?.blocks[1]).toBe(
      `New tasks you can take (1):\n#${leaflets} Fold leaflets · 0/1 taken`,
    );
  });

  it('shortens long lists to fit one message and says how many more there are', async () => {
    const at = new Date(NOW.getTime() + 3 * DAY);
    for (let i = 0; i < 25; i++) {
      await createTask(`title:"${`Task ${i} `.padEnd(200, 'x')}"`, at);
    }
    for (let i = 0; i < 8; i++) {
      const title = `Event ${i} `.padEnd(200, 'y');
      const place = 'Somewhere '.padEnd(300, 'z');
      await f.createEvent(
        consoleAdmin,
        `title:"${title}" start:"2026-12-04 1${i}:00" location:"${place}"`,
      );
    }
    const row = await digestRow(at);
    h.clock.set(at);

    const rendered = await render(row);
    const [, tasks, events] = rendered?.blocks ?? [];
    // The 25 and the task of the previous test, since no digest was delivered after it.
    expect(tasks).toMatch(/^New tasks you can take \(26\):/);
    expect(tasks).toMatch(/… and \d+ more\.$/);
    expect(events).toMatch(/^Events in the next 7 days \(\d+\):/);
    expect(events).toMatch(/… and \d+ more\.$/);
  });
});
