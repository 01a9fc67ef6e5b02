import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/interaction/reply.ts';
import type { Actor } from '../../src/core/interaction/request.ts';
import { notificationKey } from '../../src/core/notifications/notification-keys.ts';
import { consoleAdmin, NOW, useCore } from '../support/core-harness.ts';

const h = useCore();
let campaignId: number;

beforeAll(async () => {
  campaignId = (await h.core.services.campaigns.ensureDefault()).id;
});

/** Runs `/task create ...` as the console admin and returns the new task's number. */
async function createTask(options: string): Promise<number> {
  const reply = await h.say(consoleAdmin, `/task create ${options}`);
  const id = /#(\d+)/.exec(h.text(reply))?.[1];
  if (!id) throw new Error(`no task created: ${h.text(reply)}`);
  return Number(id);
}

async function supporterOf(actor: Actor) {
  const found = await h.db.store.supporters.findByIdentity(campaignId, 'telegram', actor.userId);
  if (!found) throw new Error(`unknown ${actor.userId}`);
  return found;
}

function task(id: number) {
  return h.db.store.tasks.findById(campaignId, id);
}

function commandsOf(reply: Reply): string[] {
  return (reply.buttons ?? []).flat().map((b) => `${b.action.subcommand} ${b.action.args?.id}`);
}

describe('/task create', () => {
  it('echoes the number, the title and the due time in the campaign zone, and announces it', async () => {
    const reply = await h.say(
      consoleAdmin,
      '/task create title:"Hand out flyers" due:"2026-12-05 18:00" slots:3 points:10 tag:North link:https://example.org/f',
    );
    const text = h.text(reply);
    const id = Number(/#(\d+)/.exec(text)?.[1]);
    expect(text).toContain(`Task #${id} created: Hand out flyers.`);
    expect(text).toContain('Sat 5 Dec 2026, 18:00 (Europe/Paris)');
    expect(text).toContain('Volunteers wanted: 3. Points: 10.');
    expect(text).toContain('tagged "north"');
    expect(reply.announcement?.blocks.join('\n')).toContain(`New task #${id}: Hand out flyers.`);
    expect(reply.announcement?.blocks.join('\n')).toContain('Sat 5 Dec 2026, 18:00 (Europe/Paris)');
    expect(reply.announcement?.blocks.join('\n')).toContain('0/3 taken');
    expect(reply.announcement?.buttons.flat().map((b) => b.action.subcommand)).toEqual(['claim']);
    expect(await task(id)).toMatchObject({
      title: 'Hand out flyers',
      slots: 3,
      points: 10,
      requiredTag: 'north',
      link: 'https://example.org/f',
      dueAt: new Date('2026-12-05T17:00:00Z'),
      status: 'open',
    });
  });

  it('takes the title from plain words and defaults to one slot and no points', async () => {
    const id = await createTask('Phone bank');
    expect(await task(id)).toMatchObject({ title: 'Phone bank', slots: 1, points: 0, dueAt: null });
  });
});

describe('task hand-outs', () => {
  let tagged: Actor;
  let untagged: Actor;
  let quiet: Actor;
  let unconsented: Actor;

  beforeAll(async () => {
    tagged = await h.volunteer('1001', 'tagged');
    untagged = await h.volunteer('1002', 'untagged');
    quiet = await h.volunteer('1003', 'quiet');
    unconsented = { platform: 'telegram', userId: '1004', chatId: '1004' };
    await h.say(unconsented, '/start');
    await h.db.store.supporters.addTag(campaignId, (await supporterOf(tagged)).id, 'south');
    await h.db.store.supporters.addTag(campaignId, (await supporterOf(quiet)).id, 'south');
    await h.db.store.supporters.update(campaignId, (await supporterOf(quiet)).id, {
      remindersEnabled: false,
    });
  });

  async function handoutRecipients(taskId: number): Promise<number[]> {
    const rows = await h.db.store.notifications.list(campaignId, {});
    return rows
      .filter((r) => r.taskId === taskId && r.kind === 'task_handout')
      .map((r) => r.recipientId);
  }

  it('queues one hand-out to each active consented supporter with the tag and reminders on', async () => {
    const reply = await h.say(consoleAdmin, '/task create title:"South canvass" tag:south');
    const id = Number(/#(\d+)/.exec(h.text(reply))?.[1]);
    const wanted = (await supporterOf(tagged)).id;
    expect(await handoutRecipients(id)).toEqual([wanted]);
    expect(h.text(reply)).toContain('Supporters notified by direct message: 1.');
    const row = await h.db.store.notifications.findByKey(
      campaignId,
      notificationKey('task_handout', id, wanted),
    );
    expect(row).toMatchObject({ status: 'pending', payload: {}, dueAt: NOW, taskId: id });
  });

  it('hands a task without a tag to every reachable supporter, not to those who never agreed', async () => {
    const id = await createTask('title:"Everyone welcome"');
    const recipients = await handoutRecipients(id);
    expect(recipients).toContain((await supporterOf(tagged)).id);
    expect(recipients).toContain((await supporterOf(untagged)).id);
    expect(recipients).not.toContain((await supporterOf(quiet)).id);
    expect(recipients).not.toContain((await supporterOf(unconsented)).id);
  });

  it('queues nothing and announces nothing with notify:off', async () => {
    const reply = await h.say(consoleAdmin, '/task create title:"Quiet task" notify:off');
    const id = Number(/#(\d+)/.exec(h.text(reply))?.[1]);
    expect(h.text(reply)).toContain('Nobody was notified');
    expect(reply.announcement).toBeUndefined();
    expect(await handoutRecipients(id)).toEqual([]);
  });
});

describe('claiming, finishing and dropping', () => {
  let ana: Actor;

  beforeAll(async () => {
    ana = await h.volunteer('2001', 'ana');
  });

  it('claims a task, offers Done and Drop, and schedules the due reminder 24 hours before', async () => {
    const id = await createTask('title:"Leaflets" due:"2026-12-05 18:00" notify:off');
    const reply = await h.say(ana, `/task claim #${id}`);
    expect(h.text(reply)).toContain(`Task #${id} is yours: Leaflets.`);
    expect(h.text(reply)).toContain('I will remind you 24 hours before');
    expect(commandsOf(reply)).toEqual([`done ${id}`, `drop ${id}`]);
    expect((await task(id))?.filled).toBe(1);
    const me = await supporterOf(ana);
    const reminder = await h.db.store.notifications.findByKey(
      campaignId,
      notificationKey('task_due', id, me.id),
    );
    expect(reminder).toMatchObject({
      kind: 'task_due',
      status: 'pending',
      dueAt: new Date('2026-12-04T17:00:00Z'),
    });
  });

  it('queues the due reminder at once when less than 24 hours are left', async () => {
    const id = await createTask('title:"Tonight" due:"in 5 hours" notify:off');
    await h.say(ana, `/task claim ${id}`);
    const me = await supporterOf(ana);
    const reminder = await h.db.store.notifications.findByKey(
      campaignId,
      notificationKey('task_due', id, me.id),
    );
    expect(reminder?.dueAt).toEqual(NOW);
  });

  it('queues no due reminder for a task without a due time', async () => {
    const id = await createTask('title:"Someday" notify:off');
    await h.say(ana, `/task claim ${id}`);
    const me = await supporterOf(ana);
    expect(
      await h.db.store.notifications.findByKey(campaignId, notificationKey('task_due', id, me.id)),
    ).toBeNull();
  });

  it('tells a supporter who claims twice that the task is already theirs', async () => {
    const id = await createTask('title:"Twice" slots:5 notify:off');
    await h.say(ana, `/task claim ${id}`);
    expect(h.text(await h.say(ana, `/task claim ${id}`))).toContain(`You already hold task #${id}`);
    expect((await task(id))?.filled).toBe(1);
  });

  it('marks the task done with a note, awards its points once and skips the due reminder', async () => {
    const id = await createTask('title:"Posters" due:"2026-12-05 18:00" points:15 notify:off');
    await h.say(ana, `/task claim ${id}`);
    const before = (await supporterOf(ana)).points;
    const reply = await h.say(ana, `/task done ${id} 40 posters on the market square`);
    expect(h.text(reply)).toContain(`Well done! Task #${id} is finished: Posters.`);
    expect(h.text(reply)).toContain(`+15 points: you now have ${before + 15} points.`);
    const me = await supporterOf(ana);
    expect(me.points).toBe(before + 15);
    const [assignment] = await h.db.store.tasks.assignments(campaignId, {
      taskId: id,
      supporterId: me.id,
    });
    expect(assignment).toMatchObject({
      status: 'done',
      doneAt: NOW,
      note: '40 posters on the market square',
    });
    expect(
      (await h.db.store.notifications.findByKey(campaignId, notificationKey('task_due', id, me.id)))
        ?.status,
    ).toBe('skipped');
    expect(h.text(await h.say(ana, `/task done ${id}`))).toContain('You already finished');
    expect((await supporterOf(ana)).points).toBe(before + 15);
  });

  it('refuses to finish or drop a task the supporter does not hold', async () => {
    const id = await createTask('title:"Not mine" points:5 notify:off');
    expect(h.text(await h.say(ana, `/task done ${id}`))).toContain(`You do not hold task #${id}`);
    expect(h.text(await h.say(ana, `/task drop ${id}`))).toContain(`You do not hold task #${id}`);
  });

  it('frees the slot on drop, skips the reminder, and lets the task be claimed again', async () => {
    const id = await createTask('title:"Drop me" due:"2026-12-05 18:00" notify:off');
    await h.say(ana, `/task claim ${id}`);
    const reply = await h.say(ana, `/task drop ${id}`);
    expect(h.text(reply)).toContain(`You dropped task #${id}: Drop me.`);
    expect((await task(id))?.filled).toBe(0);
    const me = await supporterOf(ana);
    const first = notificationKey('task_due', id, me.id);
    expect((await h.db.store.notifications.findByKey(campaignId, first))?.status).toBe('skipped');

    await h.say(ana, `/task claim ${id}`);
    expect((await task(id))?.filled).toBe(1);
    const pending = (
      await h.db.store.notifications.list(campaignId, { recipientId: me.id })
    ).filter((row) => row.taskId === id && row.status === 'pending');
    expect(pending.map((row) => row.kind)).toEqual(['task_due']);
  });

  it('lists my claimed tasks with Done and Drop buttons and my done ones without', async () => {
    const bea = await h.volunteer('2002', 'bea');
    const open = await createTask('title:"Open one" notify:off');
    const finished = await createTask('title:"Finished one" notify:off');
    await h.say(bea, `/task claim ${open}`);
    await h.say(bea, `/task claim ${finished}`);
    await h.say(bea, `/task done ${finished}`);
    const reply = await h.say(bea, '/mytasks');
    const text = h.text(reply);
    expect(text).toContain(`#${open} Open one · 1/1 taken · to do`);
    expect(text).toContain(`#${finished} Finished one · 1/1 taken · done`);
    expect(commandsOf(reply)).toEqual([`done ${open}`, `drop ${open}`]);
    expect(reply.private).toBe(true);
  });

  it('answers /mytasks with a next step when there is nothing yet', async () => {
    const newcomer = await h.volunteer('2003');
    expect(h.text(await h.say(newcomer, '/mytasks'))).toContain('You have no tasks yet.');
  });
});

describe('organizer follow-up', () => {
  let organizer: Actor;

  beforeAll(async () => {
    organizer = await h.volunteer('3000', 'boss');
    const boss = await supporterOf(organizer);
    await h.db.store.supporters.update(campaignId, boss.id, { role: 'organizer' });
  });

  it('assigns a task to a supporter, who is told by direct message', async () => {
    const cleo = await h.volunteer('3001', 'cleo');
    const id = await createTask('title:"Assigned work" due:"2026-12-05 18:00" notify:off');
    const reply = await h.say(organizer, `/task assign ${id} @cleo`);
    expect(h.text(reply)).toContain(`Task #${id} now goes to @cleo: Assigned work.`);
    const me = await supporterOf(cleo);
    const [assignment] = await h.db.store.tasks.assignments(campaignId, { taskId: id });
    expect(assignment).toMatchObject({ supporterId: me.id, status: 'claimed' });
    const told = await h.db.store.notifications.findByKey(
      campaignId,
      notificationKey('task_handout', id, me.id, 'assigned'),
    );
    expect(told).toMatchObject({ status: 'pending', payload: { assigned: true } });
    const due = await h.db.store.notifications.findByKey(
      campaignId,
      notificationKey('task_due', id, me.id),
    );
    expect(due?.status).toBe('pending');
    expect(h.text(await h.say(organizer, `/task assign ${id} @cleo`))).toContain(
      `already holds task #${id}`,
    );
  });

  it('refuses to assign a full task or an unknown person', async () => {
    const dan = await h.volunteer('3002', 'dan');
    await h.volunteer('3003', 'eve');
    const id = await createTask('title:"One seat" notify:off');
    await h.say(dan, `/task claim ${id}`);
    expect(h.text(await h.say(organizer, `/task assign ${id} @eve`))).toContain(
      `Task #${id} is full`,
    );
    expect(h.text(await h.say(organizer, `/task assign ${id} @nobody`))).toContain(
      'I do not know @nobody',
    );
    expect(await h.db.store.tasks.assignments(campaignId, { taskId: id })).toHaveLength(1);
  });

  it('closes a task: no more claims, and hand-outs still waiting are skipped', async () => {
    const fay = await h.volunteer('3004', 'fay');
    const id = await createTask('title:"Closing soon"');
    const me = await supporterOf(fay);
    const handout = notificationKey('task_handout', id, me.id);
    expect((await h.db.store.notifications.findByKey(campaignId, handout))?.status).toBe('pending');
    expect(h.text(await h.say(consoleAdmin, `/task close #${id}`))).toContain(
      `Task #${id} is closed: Closing soon.`,
    );
    expect((await task(id))?.status).toBe('closed');
    expect((await h.db.store.notifications.findByKey(campaignId, handout))?.status).toBe('skipped');
    expect(h.text(await h.say(fay, `/task claim ${id}`))).toContain(`Task #${id} is closed`);
    expect(h.text(await h.say(consoleAdmin, `/task close ${id}`))).toContain('already closed');
  });

  it('lists every task with its fill status and who claimed or finished it', async () => {
    const gus = await h.volunteer('3005', 'gus');
    const hal = await h.volunteer('3006', 'hal');
    for (const other of await h.db.store.tasks.list(campaignId, { status: 'open' })) {
      await h.db.store.tasks.setStatus(campaignId, other.id, 'closed', NOW);
    }
    const id = await createTask('title:"Crew of three" slots:3 notify:off');
    await h.say(gus, `/task claim ${id}`);
    await h.say(hal, `/task claim ${id}`);
    await h.say(hal, `/task done ${id}`);
    const reply = await h.say(organizer, '/task list');
    const lines = h.text(reply).split('\n');
    expect(lines[0]).toBe('All tasks:');
    expect(lines[1]).toBe(`#${id} Crew of three · 2/3 taken · claimed: gus · done: hal`);
    expect(lines[2]).toMatch(/ · closed · /);
    expect(reply.private).toBe(true);
  });
});
