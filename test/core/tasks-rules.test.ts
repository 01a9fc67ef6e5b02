import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/interaction/request.ts';
import { consoleAdmin, NOW, telegramUser, useCore } from '../support/core-harness.ts';

const h = useCore();
let campaignId: number;

beforeAll(async () => {
  campaignId = (await h.core.services.campaigns.ensureDefault()).id;
});

async function createTask(options: string, as: Actor = consoleAdmin): Promise<number> {
  const reply = await h.say(as, `/task create ${options} notify:off`);
  const id = /#(\d+)/.exec(h.text(reply))?.[1];
  if (!id) throw new Error(`no task created: ${h.text(reply)}`);
  return Number(id);
}

async function taskCount(): Promise<number> {
  return (await h.db.store.tasks.list(campaignId)).length;
}

async function tag(actor: Actor, name: string): Promise<void> {
  const found = await h.db.store.supporters.findByIdentity(campaignId, 'telegram', actor.userId);
  if (!found) throw new Error(`unknown ${actor.userId}`);
  await h.db.store.supporters.addTag(campaignId, found.id, name);
}

describe('bad input to /task create writes nothing and says what works', () => {
  const cases: [string, string, string][] = [
    ['a too-long title', `title:"${'x'.repeat(201)}"`, 'title must be 1 to 200 characters long'],
    ['zero slots', 'title:Flyers slots:0', 'slots must be a whole number from 1 to 10000'],
    ['negative slots', 'title:Flyers slots:-1', 'slots must be a whole number from 1 to 10000'],
    ['too many points', 'title:Flyers points:2000', 'points must be a whole number from 0 to 1000'],
    ['a due time in the past', 'title:Flyers due:"2026-11-01 10:00"', 'is in the past'],
    [
      'an unparseable due time',
      'title:Flyers due:"when pigs fly"',
      'could not understand the time',
    ],
    [
      'a link that is not a web address',
      'title:Flyers link:ftp://x.org',
      'link must be a web address',
    ],
    [
      'a too-long description',
      `title:Flyers description:${'d'.repeat(2001)}`,
      'description must be 1 to 2000',
    ],
  ];
  for (const [what, options, sentence] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await taskCount();
      const reply = await h.say(consoleAdmin, `/task create ${options}`);
      expect(h.text(reply)).toContain(sentence);
      expect(h.text(reply)).toMatch(/For example|Try|example/);
      expect(await taskCount()).toBe(before);
    });
  }

  it('asks for a missing title instead of creating a task, then uses the answer', async () => {
    const before = await taskCount();
    const reply = await h.say(consoleAdmin, '/task create slots:2');
    expect(reply.prompt).toMatchObject({ command: 'task', subcommand: 'create', option: 'title' });
    expect(h.text(reply)).toContain('Title of the task?');
    expect(await taskCount()).toBe(before);
    const answered = await h.say(consoleAdmin, 'Hand out flyers');
    expect(h.text(answered)).toMatch(/Task #\d+ created: Hand out flyers\./);
    expect(h.text(answered)).toContain('Volunteers wanted: 2.');
  });
});

describe('unknown task numbers', () => {
  const group = { platform: 'telegram' as const, id: '-100' };
  /** A Telegram group administrator, organizer in the group bound to the campaign. */
  const groupAdmin: Actor = { ...telegramUser('101'), spaceAdmin: true };
  let vol: Actor;
  beforeAll(async () => {
    vol = await h.volunteer('100', 'unknowns');
    await h.core.services.campaigns.bindSpace(campaignId, 'telegram', group.id);
  });

  for (const line of ['/task claim #999', '/task done 999', '/task drop #999']) {
    it(`answers ${line} with a clear sentence`, async () => {
      expect(h.text(await h.say(vol, line))).toContain('There is no task #999 in this campaign.');
    });
  }
  for (const line of ['/task close #999', '/task assign 999 @unknowns']) {
    it(`answers the organizer's ${line} with a clear sentence`, async () => {
      expect(h.text(await h.say(groupAdmin, line, group))).toContain('There is no task #999');
    });
  }

  it('explains what a task number looks like', async () => {
    expect(h.text(await h.say(vol, '/task claim flyers'))).toContain(
      'id must be a number such as 12 or #12',
    );
  });
});

describe('who may run task commands', () => {
  let vol: Actor;
  beforeAll(async () => {
    vol = await h.volunteer('200', 'plainvolunteer');
  });

  const organizerLines = [
    '/task create title:"Not allowed"',
    '/task create slots:0',
    '/task assign 1 @plainvolunteer',
    '/task close 1',
    '/task list',
  ];
  for (const line of organizerLines) {
    it(`refuses ${line} to a volunteer before looking at the arguments`, async () => {
      const before = await taskCount();
      const command = line.split(' ').slice(0, 2).join(' ');
      expect(h.text(await h.say(vol, line))).toBe(`Only organizers can use ${command}.`);
      expect(await taskCount()).toBe(before);
    });
  }

  it('asks people who have not registered to join before taking tasks', async () => {
    const stranger = telegramUser('201');
    await h.say(stranger, '/start');
    for (const line of ['/tasks', '/task next', '/task claim 1', '/mytasks']) {
      expect(h.text(await h.say(stranger, line))).toMatch(
        /^Please register first with \/start, then try again\.\s+Before you join/,
      );
    }
  });
});

describe('choosing tasks: /tasks and /task next', () => {
  const ids: Record<string, number> = {};
  let solo: Actor;
  let driver: Actor;

  beforeAll(async () => {
    for (const other of await h.db.store.tasks.list(campaignId, { status: 'open' })) {
      await h.db.store.tasks.setStatus(campaignId, other.id, 'closed', NOW);
    }
    solo = await h.volunteer('300', 'solo');
    driver = await h.volunteer('301', 'driver');
    const taker = await h.volunteer('302', 'taker');
    await tag(driver, 'drivers');
    ids.later = await createTask('title:Later due:"in 3 days"');
    ids.sooner = await createTask('title:Sooner due:"in 1 day"');
    ids.undatedOld = await createTask('title:"Undated old"');
    ids.undatedNew = await createTask('title:"Undated new"');
    ids.drivers = await createTask('title:Drive due:"in 12 hours" tag:drivers');
    ids.full = await createTask('title:Full due:"in 2 hours"');
    ids.closed = await createTask('title:Closed due:"in 1 hour"');
    await h.say(taker, `/task claim ${ids.full}`);
    await h.say(consoleAdmin, `/task close ${ids.closed}`);
  });

  it('lists open tasks I can take, soonest due first, each with a Claim button', async () => {
    const reply = await h.say(solo, '/tasks');
    const order = [ids.sooner, ids.later, ids.undatedOld, ids.undatedNew];
    const lines = h.text(reply).split('\n');
    expect(lines[0]).toBe('Tasks you can take:');
    expect(lines.slice(1).map((l) => Number(/^#(\d+)/.exec(l)?.[1]))).toEqual(order);
    expect((reply.buttons ?? []).flat().map((b) => b.label)).toEqual(
      order.map((id) => `Claim #${id}`),
    );
    expect(reply.buttons?.[0]?.[0]?.action).toEqual({
      command: 'task',
      subcommand: 'claim',
      args: { id: ids.sooner },
    });
  });

  it('shows a tag-restricted task to supporters holding the tag only', async () => {
    const text = h.text(await h.say(driver, '/tasks'));
    expect(text).toContain(`#${ids.drivers} Drive`);
    expect(text).toContain('tag drivers');
    expect(h.text(await h.say(solo, '/tasks'))).not.toContain(`#${ids.drivers} `);
  });

  it('picks the matching task due soonest for /task next, with a Claim button', async () => {
    const reply = await h.say(driver, '/task next');
    expect(h.text(reply)).toContain(`Your best next task:\n#${ids.drivers} Drive`);
    expect(reply.buttons).toEqual([
      [
        {
          label: `Claim #${ids.drivers}`,
          action: { command: 'task', subcommand: 'claim', args: { id: ids.drivers } },
          style: 'primary',
        },
      ],
    ]);
  });

  it('refuses a tag-restricted task to a supporter without the tag', async () => {
    const reply = await h.say(solo, `/task claim ${ids.drivers}`);
    expect(h.text(reply)).toContain(`Task #${ids.drivers} is for supporters tagged "drivers"`);
    expect(await h.db.store.tasks.assignments(campaignId, { taskId: ids.drivers })).toEqual([]);
  });

  it('goes through soonest due, then oldest undated, skipping what I already hold', async () => {
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      const reply = await h.say(solo, '/task next');
      const id = Number(/#(\d+)/.exec(h.text(reply))?.[1]);
      seen.push(id);
      await h.say(solo, `/task claim ${id}`);
    }
    expect(seen).toEqual([ids.sooner, ids.later, ids.undatedOld, ids.undatedNew]);
    expect(h.text(await h.say(solo, '/task next'))).toBe(
      'There is no task for you to take right now. Check again later, or see /mytasks.',
    );
    expect(h.text(await h.say(solo, '/tasks'))).toContain('There is no open task for you');
  });
});

describe('the last slot', () => {
  it('goes to one of two simultaneous claims; the other is told the task is full', async () => {
    const first = await h.volunteer('400', 'first');
    const second = await h.volunteer('401', 'second');
    const id = await createTask('title:"Last place" slots:1');
    const replies = await Promise.all([
      h.say(first, `/task claim ${id}`),
      h.say(second, `/task claim ${id}`),
    ]);
    const texts = replies.map((r) => h.text(r));
    expect(texts.filter((t) => t.startsWith(`Task #${id} is yours`))).toHaveLength(1);
    expect(
      texts.filter((t) => t.startsWith(`Task #${id} is full: all its places (1) are taken.`)),
    ).toHaveLength(1);
    expect((await h.db.store.tasks.findById(campaignId, id))?.filled).toBe(1);
    expect(await h.db.store.tasks.assignments(campaignId, { taskId: id })).toHaveLength(1);
  });
});

describe('campaign isolation', () => {
  it('keeps tasks of one campaign out of reach of supporters of another', async () => {
    const store = h.db.store;
    const other = await store.campaigns.create({
      name: 'Other campaign',
      timezone: 'Europe/Paris',
      locale: 'en',
      inviteCode: 'othercampaign1',
    });
    const outsider = await store.supporters.createWithIdentity(other.id, {
      platform: 'telegram',
      externalId: '500',
      username: 'outsider',
    });
    await store.supporters.update(other.id, outsider.id, { consentAt: NOW, status: 'active' });
    const theirs = await store.tasks.create(other.id, { title: 'Their secret task' });
    const ours = await createTask('title:"Our own task"');

    const stranger = telegramUser('500', 'outsider');
    expect(h.text(await h.say(stranger, '/tasks'))).not.toContain('Our own task');
    expect(h.text(await h.say(stranger, `/task claim ${ours}`))).toContain(
      `There is no task #${ours} in this campaign.`,
    );
    expect(await store.tasks.assignments(campaignId, { taskId: ours })).toEqual([]);

    const local = await h.volunteer('501', 'local');
    expect(h.text(await h.say(local, `/task claim ${theirs.id}`))).toContain(
      `There is no task #${theirs.id} in this campaign.`,
    );
    expect(h.text(await h.say(consoleAdmin, '/task list'))).not.toContain('Their secret task');
    expect(await store.tasks.assignments(other.id, { taskId: theirs.id })).toEqual([]);
  });
});
