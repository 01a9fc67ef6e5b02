import { beforeAll, describe, expect, it } from 'vitest';
import { formatCommandLine } from '../../../src/core/commands/command-line.ts';
import type { Actor } from '../../../src/core/interaction/request.ts';
import { CoreNotificationContent } from '../../../src/core/notifications/content.ts';
import type { Notification } from '../../../src/core/notifications/notification.types.ts';
import type { RenderedNotification } from '../../../src/core/notifications/notification-content.ts';
import type { Supporter } from '../../../src/core/supporters/supporter.types.ts';
import { consoleAdmin, useCore } from '../../support/core-harness.ts';
import { eventFixtures } from '../events-fixtures.ts';

const h = useCore();
const f = eventFixtures(h);
let content: CoreNotificationContent;
let boss: Actor;
let ana: Actor;
let bob: Actor;

beforeAll(async () => {
  content = new CoreNotificationContent(h.core.deps);
  boss = await f.organizer('800', 'boss');
  ana = await h.volunteer('801', 'ana');
  bob = await h.volunteer('802', 'bob');
});

/** The supporter reading in French in Montreal. */
const inFrench = (supporter: Supporter): Supporter => ({
  ...supporter,
  locale: 'fr',
  timezone: 'America/Montreal',
});

/** Renders and checks the platform limits every message must meet. */
async function render(row: Notification, reader: Supporter): Promise<RenderedNotification | null> {
  const rendered = await content.render(row, reader);
  if (!rendered) return null;
  const length = rendered.blocks.join('\n\n').length;
  expect(length).toBeLessThanOrEqual(2000);
  for (const button of rendered.buttons?.flat() ?? []) {
    expect(Buffer.byteLength(formatCommandLine(button.action))).toBeLessThanOrEqual(64);
  }
  return rendered;
}

const text = (rendered: RenderedNotification | null) => rendered?.blocks.join('\n\n') ?? '';
const buttons = (rendered: RenderedNotification | null) =>
  (rendered?.buttons ?? []).flat().map((b) => `${b.label} -> ${formatCommandLine(b.action)}`);

/** The one row of this kind queued to this person (optionally about one event or task). */
async function rowOf(actor: Actor, kind: string, subject?: { eventId?: number; taskId?: number }) {
  const supporter = await f.supporterOf(actor);
  const rows = await h.db.store.notifications.list(await f.campaignId(), {
    recipientId: supporter.id,
  });
  const found = rows.filter(
    (row) =>
      row.kind === kind &&
      (subject?.eventId === undefined || row.eventId === subject.eventId) &&
      (subject?.taskId === undefined || row.taskId === subject.taskId),
  );
  const row = found.at(-1);
  if (!row) throw new Error(`no ${kind} row for ${actor.userId}`);
  return { row, supporter };
}

async function createTask(options: string): Promise<number> {
  const reply = await h.say(consoleAdmin, `/task create ${options}`);
  return Number(/#(\d+)/.exec(h.text(reply))?.[1]);
}

describe('event reminders', () => {
  it('says what starts when and where, with Still coming and Can’t make it buttons', async () => {
    const id = await f.createEvent(
      boss,
      'title:Canvass start:"2026-12-05 18:00" location:"Market square" reminders:2h',
    );
    await h.say(ana, `/event rsvp ${id} yes`);
    const { row, supporter } = await rowOf(ana, 'event_reminder', { eventId: id });

    const en = await render(row, supporter);
    expect(en?.locale).toBe('en');
    expect(text(en)).toBe(
      `Reminder: #${id} Canvass starts Sat 5 Dec 2026, 18:00 (Europe/Paris) at Market square`,
    );
    expect(buttons(en)).toEqual([
      `Still coming -> /event rsvp id:${id} answer:yes`,
      `Can't make it -> /event rsvp id:${id} answer:no`,
    ]);

    const fr = await render(row, inFrench(supporter));
    expect(fr?.locale).toBe('fr');
    expect(text(fr)).toBe(
      `Rappel : l’événement #${id} Canvass commence le sam. 5 déc. 2026, 12:00 (America/Montreal), lieu : Market square`,
    );
    expect(buttons(fr)).toEqual([
      `Je viens toujours -> /event rsvp id:${id} answer:yes`,
      `Je ne peux plus venir -> /event rsvp id:${id} answer:no`,
    ]);
  });

  it('has nothing to say once the answer is withdrawn or the event is gone', async () => {
    const id = await f.createEvent(boss, 'title:Picnic start:"2026-12-06 12:00" reminders:1h');
    await h.say(bob, `/event rsvp ${id} yes`);
    const { row, supporter } = await rowOf(bob, 'event_reminder', { eventId: id });
    expect(await render(row, supporter)).not.toBeNull();
    expect(await render({ ...row, eventId: 9999 }, supporter)).toBeNull();

    await h.say(bob, `/event rsvp ${id} no`);
    expect(await render(row, supporter)).toBeNull();
  });
});

describe('event notices', () => {
  it('tells a promoted supporter they now have a seat, with a button to give it back', async () => {
    const id = await f.createEvent(boss, 'title:Workshop start:"2026-12-07 18:00" capacity:1');
    await h.say(ana, `/event rsvp ${id} yes`);
    await h.say(bob, `/event rsvp ${id} yes`);
    await h.say(ana, `/event rsvp ${id} no`);
    const { row, supporter } = await rowOf(bob, 'waitlist_promotion', { eventId: id });

    const en = await render(row, supporter);
    expect(text(en)).toBe(
      `Good news: a seat freed up for #${id} Workshop, Mon 7 Dec 2026, 18:00 (Europe/Paris). You are now going.`,
    );
    expect(buttons(en)).toEqual([`Can't make it -> /event rsvp id:${id} answer:no`]);
    expect(text(await render(row, inFrench(supporter)))).toBe(
      `Bonne nouvelle : une place s’est libérée pour l’événement #${id} Workshop, lun. 7 déc. 2026, 12:00 (America/Montreal). Vous y participez désormais.`,
    );
  });

  it('gives the new start (and the old one), end and place of a changed event', async () => {
    const id = await f.createEvent(
      boss,
      'title:"Phone bank" start:"2026-12-08 18:00" location:"Office"',
    );
    await h.say(ana, `/event rsvp ${id} maybe`);
    await h.say(boss, `/event edit ${id} start:"2026-12-08 19:00" location:"Town hall"`);
    const { row, supporter } = await rowOf(ana, 'event_changed', { eventId: id });

    const en = await render(row, supporter);
    expect(text(en)).toBe(
      [
        `#${id} Phone bank has changed:`,
        'New start: Tue 8 Dec 2026, 19:00 (Europe/Paris) (was Tue 8 Dec 2026, 18:00 (Europe/Paris))',
        'New end: Tue 8 Dec 2026, 21:00 (Europe/Paris)',
        'New place: Town hall',
      ].join('\n'),
    );
    expect(buttons(en)).toHaveLength(2);
    expect(text(await render(row, inFrench(supporter)))).toBe(
      [
        `L’événement #${id} Phone bank a changé :`,
        'Nouveau début : mar. 8 déc. 2026, 13:00 (America/Montreal) (au lieu de mar. 8 déc. 2026, 12:00 (America/Montreal))',
        'Nouvelle fin : mar. 8 déc. 2026, 15:00 (America/Montreal)',
        'Nouveau lieu : Town hall',
      ].join('\n'),
    );
  });

  it('says an event is cancelled, with the reason', async () => {
    const id = await f.createEvent(boss, 'title:Rally start:"2026-12-09 18:00"');
    await h.say(bob, `/event rsvp ${id} yes`);
    await h.say(boss, `/event cancel ${id} Storm warning`);
    const { row, supporter } = await rowOf(bob, 'event_cancelled', { eventId: id });

    const en = await render(row, supporter);
    expect(en?.blocks).toEqual([
      `#${id} Rally, Wed 9 Dec 2026, 18:00 (Europe/Paris), has been cancelled.`,
      'Reason: Storm warning',
    ]);
    expect(en?.buttons).toBeUndefined();
    expect((await render(row, inFrench(supporter)))?.blocks).toEqual([
      `L’événement #${id} Rally, mer. 9 déc. 2026, 12:00 (America/Montreal), est annulé.`,
      'Motif : Storm warning',
    ]);
  });
});

describe('task notices', () => {
  it('reminds a claimed task’s due time with Done and Drop buttons, until it is done', async () => {
    const id = await createTask('title:"Hand out flyers" due:"2026-12-05 18:00" notify:off');
    await h.say(ana, `/task claim ${id}`);
    const { row, supporter } = await rowOf(ana, 'task_due', { taskId: id });

    const en = await render(row, supporter);
    expect(text(en)).toBe(
      `Reminder: task #${id} Hand out flyers is due Sat 5 Dec 2026, 18:00 (Europe/Paris).`,
    );
    expect(buttons(en)).toEqual([
      `Done #${id} -> /task done id:${id}`,
      `Drop #${id} -> /task drop id:${id}`,
    ]);
    expect(text(await render(row, inFrench(supporter)))).toBe(
      `Rappel : la tâche #${id} Hand out flyers est à faire pour le sam. 5 déc. 2026, 12:00 (America/Montreal).`,
    );

    await h.say(ana, `/task done ${id}`);
    expect(await render(row, supporter)).toBeNull();
  });

  it('hands out a new task with its due time, places left and a Claim button', async () => {
    const id = await createTask(
      'title:"Paint banners" due:"2026-12-06 10:00" slots:3 points:5 link:https://example.org/b description:"Paint in the garage"',
    );
    await h.say(bob, `/task claim ${id}`);
    const { row, supporter } = await rowOf(ana, 'task_handout', { taskId: id });

    const en = await render(row, supporter);
    expect(en?.blocks).toEqual([
      `New task #${id}: Paint banners`,
      'Paint in the garage',
      [
        'Due Sun 6 Dec 2026, 10:00 (Europe/Paris)',
        'Places left: 2 of 3',
        '5 points',
        'Link: https://example.org/b',
      ].join('\n'),
    ]);
    expect(buttons(en)).toEqual([`Claim #${id} -> /task claim id:${id}`]);
    const fr = await render(row, inFrench(supporter));
    expect(fr?.blocks[0]).toBe(`Nouvelle tâche #${id} : Paint banners`);
    expect(fr?.blocks[2]).toContain('Places libres : 2 sur 3');
    expect(buttons(fr)).toEqual([`Prendre #${id} -> /task claim id:${id}`]);
  });

  it('skips a hand-out once the task is full or closed', async () => {
    const id = await createTask('title:"Fold leaflets" slots:1');
    const { row, supporter } = await rowOf(ana, 'task_handout', { taskId: id });
    await h.say(bob, `/task claim ${id}`);
    expect(await render(row, supporter)).toBeNull();
    expect(await render({ ...row, taskId: 9999 }, supporter)).toBeNull();
  });

  it('tells a supporter an organizer gave them a task, with Done and Drop', async () => {
    const id = await createTask('title:"Call volunteers" notify:off');
    await h.say(consoleAdmin, `/task assign ${id} @bob`);
    const { row, supporter } = await rowOf(bob, 'task_handout', { taskId: id });

    const en = await render(row, supporter);
    expect(en?.blocks).toEqual([`An organizer gave you task #${id}: Call volunteers`]);
    expect(buttons(en)).toEqual([
      `Done #${id} -> /task done id:${id}`,
      `Drop #${id} -> /task drop id:${id}`,
    ]);
    expect((await render(row, inFrench(supporter)))?.blocks).toEqual([
      `Un organisateur vous a confié la tâche #${id} : Call volunteers`,
    ]);
  });
});

describe('broadcasts', () => {
  it('carries the organizers’ message under a line naming the campaign', async () => {
    await h.say(consoleAdmin, '/broadcast message:"Canvass moved to 10:00" audience:all');
    const { row, supporter } = await rowOf(ana, 'broadcast');
    expect((await render(row, supporter))?.blocks).toEqual([
      'Message from the organizers of Test campaign:',
      'Canvass moved to 10:00',
    ]);
    expect((await render(row, inFrench(supporter)))?.blocks).toEqual([
      'Message des organisateurs de la campagne « Test campaign » :',
      'Canvass moved to 10:00',
    ]);
    expect(await render({ ...row, broadcastId: 9999 }, supporter)).toBeNull();
  });

  it('sends a message of the full 2,000 characters whole, without the heading', async () => {
    const long = `${'x'.repeat(1999)}!`;
    await h.say(consoleAdmin, `/broadcast message:"${long}" audience:all`);
    const { row, supporter } = await rowOf(bob, 'broadcast');
    expect((await render(row, supporter))?.blocks).toEqual([long]);
  });
});
