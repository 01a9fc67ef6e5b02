import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/interaction/reply.ts';
import type { Actor } from '../../src/core/interaction/request.ts';
import { notificationKey } from '../../src/core/notifications/notification-keys.ts';
import { type Harness, NOW, telegramUser, useCore } from '../support/core-harness.ts';
import { reportPostgresSkip, TEST_POSTGRES_URL } from '../support/databases.ts';
import { supporterOf } from './supporter-fixtures.ts';

reportPostgresSkip('privacy on PostgreSQL');

describe('on SQLite', () => privacySuite('sqlite'));
describe.skipIf(!TEST_POSTGRES_URL)('on PostgreSQL', () => privacySuite('postgresql'));

function privacySuite(database: 'sqlite' | 'postgresql') {
  const h = useCore({}, database);
  afterAll(() => expect(h.errors).toEqual([]));

  const zoe: Actor = { ...telegramUser('7364019285', 'zoe_forgetme'), displayName: 'Zoé Oublie' };
  const CONTACT = {
    email: 'zoe.oublie@example.org',
    phone: '+33612345678',
    notes: 'Lives by the canal',
  };

  let campaignId: number;
  let zoeId: number;
  let eventId: number;

  /** Creates the rows task and event commands would write, straight through the store. */
  async function giveHistory(supporterId: number, prefix: string, note: string) {
    const { store } = h.core.deps;
    const task = await store.tasks.create(campaignId, { title: `${prefix} flyers`, slots: 2 });
    await store.tasks.claim(campaignId, task.id, supporterId, NOW);
    await h.db.client.assignment.updateMany({
      where: { taskId: task.id, supporterId },
      data: { status: 'done', doneAt: NOW, note },
    });
    const event = await store.events.create(campaignId, {
      title: `${prefix} canvass`,
      startsAt: new Date('2026-12-05T17:00:00Z'),
      endsAt: new Date('2026-12-05T19:00:00Z'),
      timezone: 'Europe/Paris',
    });
    await h.db.client.rsvp.create({
      data: { campaignId, eventId: event.id, supporterId, answer: 'yes', attendance: 'attended' },
    });
    await store.notifications.enqueue(campaignId, [
      {
        kind: 'event_reminder',
        key: notificationKey('event_reminder', event.id, supporterId, 1440),
        recipientId: supporterId,
        eventId: event.id,
        dueAt: new Date('2026-12-04T17:00:00Z'),
      },
    ]);
    return { task, event };
  }

  function exported(reply: Reply) {
    const file = reply.files?.[0];
    expect(file).toMatchObject({ mimeType: 'application/json' });
    // Named with the campaign and the time, so a second copy never overwrites the first.
    expect(file?.name).toMatch(/^[a-z-]+-mydata-\d{4}-\d\d-\d\d-\d{4}\.json$/);
    return JSON.parse(String(file?.content ?? 'null'));
  }

  beforeAll(async () => {
    campaignId = (await h.core.services.campaigns.ensureDefault()).id;
    await h.say(zoe, '/start');
    await h.say(zoe, '/join agree:on');
    await h.say(zoe, '/profile set skills:canvassing,phoning quiet_hours:22:00-08:00');
    zoeId = (await supporterOf(h, campaignId, 'telegram', zoe.userId)).id;
    await h.core.deps.store.supporters.update(campaignId, zoeId, CONTACT);
    eventId = (await giveHistory(zoeId, 'Main', `Done by ${zoe.displayName}`)).event.id;
  });

  describe('/mydata', () => {
    it('tells an unknown person that nothing is stored about them', async () => {
      const reply = await h.say('5000', '/mydata');
      expect(h.text(reply)).toBe('Nothing is stored about you in Test campaign.');
      expect(reply.files).toBeUndefined();
    });

    it('sends a JSON file with profile, identities, tags, assignments, RSVPs, consent records and pending messages', async () => {
      const reply = await h.say(zoe, '/mydata');
      expect(reply.private).toBe(true);
      const data = exported(reply);
      expect(data.profile).toMatchObject({
        displayName: 'Zoé Oublie',
        quietHours: '22:00-08:00',
        email: CONTACT.email,
        policyVersion: '1',
      });
      expect(data.identities).toMatchObject([
        { platform: 'telegram', externalId: zoe.userId, username: 'zoe_forgetme' },
      ]);
      expect(data.skills).toEqual(['canvassing', 'phoning']);
      expect(data.assignments).toMatchObject([{ taskTitle: 'Main flyers', status: 'done' }]);
      expect(data.rsvps).toMatchObject([{ eventTitle: 'Main canvass', answer: 'yes' }]);
      expect(data.consentRecords).toMatchObject([{ action: 'consented', policyVersion: '1' }]);
      expect(data.pendingNotifications).toMatchObject([{ kind: 'event_reminder', eventId }]);
    });

    it('notes the export in the consent log', async () => {
      const log = await h.core.deps.store.privacy.consentLog(campaignId, zoeId);
      expect(log.map((c) => c.action)).toEqual(['consented', 'exported']);
      expect(await h.core.deps.store.privacy.consentLog(campaignId, zoeId + 1000)).toEqual([]);
    });

    it('shows a supporter of another campaign nothing of this one', async () => {
      const other = await h.core.services.campaigns.create('Other town');
      // Private chats act for the campaign joined last.
      h.clock.set(new Date(NOW.getTime() + 60_000));
      await h.say(zoe, `/start ${other.inviteCode}`);
      await h.say(zoe, `/join agree:on code:${other.inviteCode}`);
      h.clock.set(NOW);
      const reply = await h.say(zoe, '/mydata');
      const text = reply.files?.[0]?.content ?? '';
      expect(exported(reply).campaign).toEqual({ id: other.id, name: 'Other town' });
      for (const leak of [
        'Main flyers',
        'Main canvass',
        'canvassing',
        CONTACT.email,
        'Test campaign',
      ]) {
        expect(text).not.toContain(leak);
      }
    });

    it('erases in one campaign without touching the other', async () => {
      expect(h.text(await h.say(zoe, '/forgetme confirm:on'))).toContain(
        'Other town has been erased',
      );
      const reply = await h.say(zoe, '/mydata');
      expect(exported(reply).campaign.name).toBe('Test campaign');
      expect(exported(reply).profile.displayName).toBe('Zoé Oublie');
    });
  });

  describe('/forgetme', () => {
    it('tells an unknown person that nothing is stored about them', async () => {
      expect(h.text(await h.say('5000', '/forgetme confirm:on'))).toContain('Nothing is stored');
    });

    it('asks for confirmation with a button and erases nothing yet', async () => {
      const reply = await h.say(zoe, '/forgetme');
      expect(reply.private).toBe(true);
      expect(h.text(reply)).toContain('cannot be undone');
      expect(reply.buttons?.[0]?.[0]).toMatchObject({
        action: { command: 'forgetme', args: { confirm: 'on' } },
        style: 'danger',
      });
      expect((await h.db.client.supporter.findUnique({ where: { id: zoeId } }))?.status).toBe(
        'active',
      );
    });

    it('erases so that no table holds the name, user id, username or contact details', async () => {
      const bystander = await h.volunteer('5001', 'bystander');
      const byId = (await supporterOf(h, campaignId, 'telegram', bystander.userId)).id;
      await giveHistory(byId, 'Other', 'Done by the bystander');
      await h.say(bystander, '/profile set skills:phoning');

      const reply = await h.say(zoe, '/forgetme confirm:on');
      expect(h.text(reply)).toContain('has been erased');

      const secrets = [
        'Zoé Oublie',
        'Oublie',
        zoe.userId,
        'zoe_forgetme',
        CONTACT.email,
        CONTACT.phone,
        CONTACT.notes,
      ];
      expect(await findInEveryTextColumn(h, secrets)).toEqual([]);
      // The bystander's own rows are untouched.
      expect(await findInEveryTextColumn(h, ['bystander'])).not.toEqual([]);
      // A skill only they had goes with them; one the bystander shares stays.
      const tags = await h.db.client.tag.findMany({
        where: { campaignId },
        select: { name: true },
      });
      expect(tags.map((t) => t.name)).toContain('phoning');
      expect(tags.map((t) => t.name)).not.toContain('canvassing');
    });

    it('keeps the counts on the anonymized row and skips pending messages to the person', async () => {
      const client = h.db.client;
      const row = await client.supporter.findUnique({ where: { id: zoeId } });
      expect(row).toMatchObject({
        status: 'erased',
        erasedAt: NOW,
        displayName: null,
        timezone: null,
      });
      expect(await client.identity.count({ where: { supporterId: zoeId } })).toBe(0);
      expect(await client.supporterTag.count({ where: { supporterId: zoeId } })).toBe(0);
      expect(
        await client.assignment.findMany({
          where: { supporterId: zoeId },
          select: { status: true, note: true },
        }),
      ).toEqual([{ status: 'done', note: null }]);
      expect(
        await client.rsvp.findMany({ where: { supporterId: zoeId }, select: { attendance: true } }),
      ).toEqual([{ attendance: 'attended' }]);
      const theirs = await client.notification.findMany({ where: { recipientId: zoeId } });
      expect(theirs.map((n) => n.status)).toEqual(['skipped']);
      const others = await client.notification.findMany({ where: { recipientId: { not: zoeId } } });
      expect(others.map((n) => n.status)).toEqual(['pending']);
      const consents = await client.consentRecord.findMany({ where: { supporterId: zoeId } });
      expect(consents.map((c) => c.action)).toEqual(['erased']);
      // /stats no longer counts them among the registered supporters.
      const registered = await client.supporter.count({
        where: { campaignId, consentAt: { not: null }, status: { not: 'erased' } },
      });
      expect(await client.supporterCount.findUnique({ where: { campaignId } })).toMatchObject({
        registered,
      });
    });

    it('no longer recognises the person: /mydata finds nothing and /join starts from scratch', async () => {
      expect(h.text(await h.say(zoe, '/mydata'))).toContain('Nothing is stored about you');
      expect(h.text(await h.say(zoe, '/profile'))).toContain('register first');
      expect(h.text(await h.say(zoe, '/start'))).toContain('Before you join');
      expect(h.text(await h.say(zoe, '/join agree:on'))).toContain('Welcome');
      const again = await h.core.deps.store.supporters.findByIdentity(
        campaignId,
        'telegram',
        zoe.userId,
      );
      expect(again?.id).not.toBe(zoeId);
      expect(again).toMatchObject({ points: 0, tags: [], skills: [] });
    });
  });

  describe('/forgetme and what the person held', () => {
    it('gives their claimed slots and event seats to others, promoting the waitlist', async () => {
      const { store } = h.core.deps;
      const leaver = await h.volunteer('6001', 'leaver');
      const waiting = await h.volunteer('6002', 'waiting');
      const leaverId = (await supporterOf(h, campaignId, 'telegram', leaver.userId)).id;
      const waitingId = (await supporterOf(h, campaignId, 'telegram', waiting.userId)).id;
      const task = await store.tasks.create(campaignId, { title: 'Last slot', slots: 1 });
      await h.say(leaver, `/task claim ${task.id}`);
      const event = await store.events.create(campaignId, {
        title: 'One seat',
        startsAt: new Date('2026-12-06T17:00:00Z'),
        endsAt: new Date('2026-12-06T19:00:00Z'),
        timezone: 'Europe/Paris',
        capacity: 1,
      });
      await h.say(leaver, `/event rsvp ${event.id} yes`);
      expect(h.text(await h.say(waiting, `/event rsvp ${event.id} yes`))).toContain('waiting list');

      await h.say(leaver, '/forgetme confirm:on');

      expect((await store.tasks.findById(campaignId, task.id))?.filled).toBe(0);
      expect(h.text(await h.say(waiting, `/task claim ${task.id}`))).toContain('is yours');
      expect(await store.events.findRsvp(campaignId, event.id, waitingId)).toMatchObject({
        answer: 'yes',
      });
      expect(await store.events.findRsvp(campaignId, event.id, leaverId)).toMatchObject({
        answer: 'no',
      });
      const promotions = await store.notifications.list(campaignId, { recipientId: waitingId });
      expect(promotions.map((n) => n.kind)).toContain('waitlist_promotion');
    });
  });
}

/** `table.column` for every text-bearing value of the database that contains a secret. */
async function findInEveryTextColumn(h: Harness, secrets: string[]): Promise<string[]> {
  const client = h.db.client;
  if (h.db.kind === 'postgresql') return findInPostgres(h, secrets);
  const tables = await client.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  const found: string[] = [];
  for (const { name: table } of tables) {
    const columns = await client.$queryRawUnsafe<{ name: string }[]>(
      `PRAGMA table_info("${table}")`,
    );
    for (const { name: column } of columns) {
      for (const secret of secrets) {
        const rows = await client.$queryRawUnsafe<{ n: number | bigint }[]>(
          `SELECT COUNT(*) AS n FROM "${table}" WHERE instr(lower(CAST("${column}" AS TEXT)), lower(?)) > 0`,
          secret,
        );
        if (Number(rows[0]?.n ?? 0) > 0) found.push(`${table}.${column}: ${secret}`);
      }
    }
  }
  return found;
}

async function findInPostgres(h: Harness, secrets: string[]): Promise<string[]> {
  const client = h.db.client;
  const columns = await client.$queryRawUnsafe<{ table: string; column: string }[]>(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  const found: string[] = [];
  for (const { table, column } of columns) {
    for (const secret of secrets) {
      const rows = await client.$queryRawUnsafe<{ n: number | bigint }[]>(
        `SELECT COUNT(*) AS n FROM "${table}" WHERE strpos(lower(CAST("${column}" AS TEXT)), lower($1)) > 0`,
        secret,
      );
      if (Number(rows[0]?.n ?? 0) > 0) found.push(`${table}.${column}: ${secret}`);
    }
  }
  return found;
}
