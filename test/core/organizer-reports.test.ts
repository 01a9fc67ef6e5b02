import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/interaction/request.ts';
import { NOW, telegramUser, useCore } from '../support/core-harness.ts';
import { fileText } from '../support/reply-files.ts';

const h = useCore({ admins: [{ platform: 'telegram', userId: '900' }] });
const admin = telegramUser('900');
const otherGroup = { platform: 'telegram' as const, id: '-100200', title: 'Other campaign' };
const otherAdmin: Actor = { ...telegramUser('800'), spaceAdmin: true };

let campaignId: number;

async function register(userId: string, username: string, displayName?: string): Promise<number> {
  const actor: Actor = { ...telegramUser(userId, username), ...(displayName && { displayName }) };
  await h.say(actor, '/start');
  await h.say(actor, '/join agree:on');
  const found = await h.db.store.supporters.findByIdentity(campaignId, 'telegram', userId);
  return found?.id ?? 0;
}

beforeAll(async () => {
  campaignId = (await h.core.services.campaigns.ensureDefault()).id;
  const jo = await register('111', 'jo', 'Doe, "Jo"');
  await register('222', 'sam', '=HYPERLINK("x")');
  const gone = await register('333', 'gone', 'Gone Person');
  await register('444', 'quiet', 'Quiet Person');
  await h.say(telegramUser('555'), '/start');
  await h.db.store.supporters.update(campaignId, gone, { status: 'erased', displayName: null });
  const quiet = await h.db.store.supporters.findByIdentity(campaignId, 'telegram', '444');
  await h.db.store.supporters.update(campaignId, quiet?.id ?? 0, {
    lastActiveAt: new Date(NOW.getTime() - 40 * 86_400_000),
  });
  await h.db.store.supporters.addTag(campaignId, jo, 'canvassers');
  await h.db.store.supporters.addPoints(campaignId, jo, 7);

  const open = await h.db.client.task.create({ data: { campaignId, title: 'Flyers', slots: 3 } });
  await h.db.client.task.create({ data: { campaignId, title: 'Old', status: 'closed' } });
  await h.db.client.assignment.create({
    data: { campaignId, taskId: open.id, supporterId: jo, status: 'done' },
  });
  const event = await h.db.store.events.create(campaignId, {
    title: 'Door knocking',
    startsAt: new Date('2026-12-05T09:00:00Z'),
    endsAt: new Date('2026-12-05T12:00:00Z'),
    timezone: 'Europe/Paris',
    capacity: 10,
  });
  await h.db.client.event.update({ where: { id: event.id }, data: { yesCount: 4 } });
  await h.db.store.events.create(campaignId, {
    title: 'Open meeting',
    startsAt: new Date('2026-12-02T18:00:00Z'),
    endsAt: new Date('2026-12-02T19:00:00Z'),
    timezone: 'Europe/Paris',
  });
  await h.db.store.events.create(campaignId, {
    title: 'Last year',
    startsAt: new Date('2025-12-02T18:00:00Z'),
    endsAt: new Date('2025-12-02T19:00:00Z'),
    timezone: 'Europe/Paris',
  });

  // A second campaign, bound to its own group, with its own supporter.
  await h.say(otherAdmin, '/setup', otherGroup);
  const space = await h.db.store.campaigns.findSpace('telegram', '-100200');
  const other = await h.db.store.campaigns.findById(space?.campaignId ?? 0);
  const outsider: Actor = { ...telegramUser('777', 'outsider'), displayName: 'Outsider Olive' };
  await h.say(outsider, `/start ${other?.inviteCode}`);
  await h.say(outsider, `/join agree:on code:${other?.inviteCode}`);
});

describe('/stats', () => {
  it('shows supporters, the active ones, tasks and upcoming events with their fill', async () => {
    const text = h.text(await h.say(admin, '/stats'));
    expect(text).toContain('Campaign "Test campaign"');
    expect(text).toContain('Supporters: 3 (2 active in the last 30 days)');
    expect(text).toContain('Tasks: 1 open, 1 closed; 1 done by volunteers');
    expect(text).toContain('Upcoming events:');
    const meeting = text.indexOf('Open meeting · Wed 2 Dec 2026, 19:00 (Europe/Paris) · 0 coming');
    const knocking = text.indexOf('Door knocking · Sat 5 Dec 2026, 10:00 (Europe/Paris) · 4/10');
    expect(meeting).toBeGreaterThan(-1);
    expect(knocking).toBeGreaterThan(meeting);
    expect(text).not.toContain('Last year');
    expect(text).not.toContain('Outsider');
  });

  it('no longer lists an event under "Upcoming" once it has started', async () => {
    h.clock.set(new Date('2026-12-02T18:30:00Z'));
    try {
      const text = h.text(await h.say(admin, '/stats'));
      expect(text).not.toContain('Open meeting');
      expect(text).toContain('Door knocking');
    } finally {
      h.clock.set(NOW);
    }
  });

  it('lists the ten soonest events to come and says how many more there are', async () => {
    const created: number[] = [];
    for (let day = 10; day < 22; day += 1) {
      const event = await h.db.store.events.create(campaignId, {
        title: `Stall ${day}`,
        startsAt: new Date(`2026-12-${day}T09:00:00Z`),
        endsAt: new Date(`2026-12-${day}T10:00:00Z`),
        timezone: 'Europe/Paris',
      });
      created.push(event.id);
    }
    try {
      const text = h.text(await h.say(admin, '/stats'));
      // The meeting and the door knocking come first, then the stalls of the 10th to the 17th.
      expect(text).toContain('Open meeting');
      expect(text).toContain('Stall 17');
      expect(text).not.toContain('Stall 18');
      expect(text).toContain('… and 4 more.');
    } finally {
      await h.db.client.event.deleteMany({ where: { id: { in: created } } });
    }
  });

  it('answers in French to a French-speaking organizer', async () => {
    const text = h.text(await h.say({ ...admin, platformLocale: 'fr' }, '/stats'));
    expect(text).toContain('Campagne « Test campaign »');
    expect(text).toContain('Soutiens : 3 (2 actifs ces 30 derniers jours)');
    expect(text).toContain('sam. 5 déc. 2026, 10:00 (Europe/Paris) · participants : 4/10');
  });

  it('counts only the campaign of the group it is asked in', async () => {
    const text = h.text(await h.say(otherAdmin, '/stats', otherGroup));
    expect(text).toContain('Campaign "Other campaign"');
    expect(text).toContain('Supporters: 1 (1 active');
    expect(text).toContain('Tasks: 0 open, 0 closed; 0 done');
    expect(text).toContain('No upcoming events.');
  });
});

describe('/export supporters', () => {
  it('sends a CSV of registered supporters with RFC 4180 quoting', async () => {
    const reply = await h.say(admin, '/export supporters');
    const file = reply.files?.[0];
    expect(file).toMatchObject({ mimeType: 'text/csv' });
    // Named with the campaign and the time, so a new export never overwrites an earlier one.
    expect(file?.name).toBe('test-campaign-supporters-2026-11-30-0900.csv');
    const content = await fileText(file);
    const lines = content.split('\r\n');
    expect(lines[0]).toBe('id,name,usernames,tags,points,status,joined');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(
      /^\d+,"Doe, ""Jo""",telegram:@jo,canvassers,7,active,2026-11-30T09:00:00.000Z$/,
    );
    // A spreadsheet would run this name as a formula: it is written as text.
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[3]).toContain('Quiet Person');
    expect(lines[4]).toBe('');
    expect(content).not.toContain('Gone');
    expect(content).not.toContain('Outsider');
    expect(h.text(reply)).toContain('3 registered supporters');
    expect(reply.private).toBe(true);
  });

  it('is recorded in the audit log', async () => {
    const entries = await h.db.store.privacy.auditLog(campaignId);
    expect(entries.at(-1)).toMatchObject({ action: 'export_supporters', detail: '3 supporters' });
  });

  it('exports only the campaign of the group it is asked in', async () => {
    const reply = await h.say(otherAdmin, '/export supporters', otherGroup);
    const content = await fileText(reply.files?.[0]);
    expect(content).toContain('Outsider Olive');
    expect(content).not.toContain('Jo');
    expect(content.trim().split('\r\n')).toHaveLength(2);
  });
});

describe('/export events', () => {
  it('sends the calendar of upcoming events as an ICS file, audit-logged', async () => {
    const reply = await h.say(admin, '/export events');
    const file = reply.files?.[0];
    expect(file).toMatchObject({ mimeType: 'text/calendar' });
    expect(file?.name).toMatch(/^test-campaign-events-2026-11-30-\d{4}\.ics$/);
    expect(file?.content).toContain('BEGIN:VCALENDAR');
    expect(file?.content).toContain('Door knocking');
    const entries = await h.db.store.privacy.auditLog(campaignId);
    expect(entries.at(-1)).toMatchObject({ action: 'export_events' });
  });
});

describe('/supporters in another campaign', () => {
  it('lists only that campaign’s supporters', async () => {
    const text = h.text(await h.say(otherAdmin, '/supporters', otherGroup));
    expect(text).toContain('Supporters: 1');
    expect(text).toContain('Outsider Olive');
    expect(text).not.toContain('Jo');
  });
});

describe('organizer commands refuse volunteers', () => {
  const lines: [string, string][] = [
    ['/setup timezone:UTC', '/setup'],
    ['/broadcast message:"Hello everyone"', '/broadcast'],
    // The role check comes before the prompt for a missing option.
    ['/broadcast', '/broadcast'],
    ['/supporters', '/supporters'],
    ['/tag add @jo drivers', '/tag add'],
    ['/tag remove @jo canvassers', '/tag remove'],
    ['/organizer add @jo', '/organizer add'],
    ['/organizer remove @jo', '/organizer remove'],
    ['/stats', '/stats'],
    ['/export supporters', '/export supporters'],
    ['/export events', '/export events'],
  ];
  it.each(lines)('%s', async (line, command) => {
    const volunteer = telegramUser('111', 'jo');
    const audit = (await h.db.store.privacy.auditLog(campaignId)).length;
    const reply = await h.say(volunteer, line);
    expect(h.text(reply)).toBe(`Only organizers can use ${command}.`);
    expect(reply.files).toBeUndefined();
    expect((await h.db.store.privacy.auditLog(campaignId)).length).toBe(audit);
    expect(await h.db.client.broadcast.count()).toBe(0);
    const jo = await h.db.store.supporters.findByIdentity(campaignId, 'telegram', '111');
    expect(jo).toMatchObject({ role: 'volunteer', tags: ['canvassers'] });
    expect((await h.core.services.campaigns.ensureDefault()).timezone).toBe('Europe/Paris');
  });
});
