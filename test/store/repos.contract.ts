import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Campaign } from '../../src/core/campaigns/campaign.types.ts';
import { NotFoundError } from '../../src/core/errors.ts';
import type { Store } from '../../src/core/ports.ts';
import type { Database } from '../../src/store/database.ts';

const AT = new Date('2026-12-01T10:00:00Z');
let counter = 0;

/** The behaviour every Store implementation must have, run against a real database. */
export function repositoryContract(
  open: () => Promise<{ db: Database; cleanup(): Promise<void> }>,
) {
  let db: Database;
  let store: Store;
  let cleanup: () => Promise<void>;
  let a: Campaign;
  let b: Campaign;

  beforeAll(async () => {
    ({ db, cleanup } = await open());
    store = db.store;
  });
  afterAll(async () => {
    await db?.close();
    await cleanup?.();
  });
  beforeEach(async () => {
    counter += 1;
    a = await store.campaigns.create(campaignInput(`A${counter}`));
    b = await store.campaigns.create(campaignInput(`B${counter}`));
  });

  describe('campaigns', () => {
    it('finds the oldest campaign as the default one', async () => {
      const found = await store.campaigns.findDefault();
      expect(found?.id).toBeLessThanOrEqual(a.id);
    });

    it('finds a campaign by its invite code and keeps its reminder defaults', async () => {
      const found = await store.campaigns.findByInviteCode(a.inviteCode);
      expect(found).toMatchObject({
        id: a.id,
        reminderOffsets: '24h,2h',
        leaderboardEnabled: false,
      });
    });

    it('moves a bound group to the campaign that binds it last', async () => {
      await store.campaigns.bindSpace(a.id, 'telegram', `-100${counter}`, { title: 'Group' });
      await store.campaigns.bindSpace(b.id, 'telegram', `-100${counter}`);
      const space = await store.campaigns.findSpace('telegram', `-100${counter}`);
      expect(space).toMatchObject({ campaignId: b.id, title: 'Group' });
      expect(await store.campaigns.listSpaces(a.id)).toEqual([]);
    });

    it('forgets a group the bot left, with its announcement topic, once', async () => {
      const id = `-200${counter}`;
      await store.campaigns.bindSpace(a.id, 'telegram', id, { announceTopicId: '7' });
      expect(await store.campaigns.unbindSpace('telegram', id)).toMatchObject({
        campaignId: a.id,
        announceTopicId: '7',
      });
      expect(await store.campaigns.findSpace('telegram', id)).toBeNull();
      expect(await store.campaigns.unbindSpace('telegram', id)).toBeNull();
    });
  });

  describe('supporters', () => {
    it('stores nothing but the platform identity before consent', async () => {
      const s = await store.supporters.createWithIdentity(a.id, {
        platform: 'telegram',
        externalId: '42',
      });
      expect(s).toMatchObject({
        displayName: null,
        email: null,
        phone: null,
        consentAt: null,
        status: 'active',
        role: 'volunteer',
        tags: [],
      });
      expect(await store.supporters.findByIdentity(a.id, 'telegram', '42')).toMatchObject({
        id: s.id,
      });
    });

    it('keeps one identity per platform account in each campaign', async () => {
      await store.supporters.createWithIdentity(a.id, { platform: 'discord', externalId: '7' });
      await expect(
        store.supporters.createWithIdentity(a.id, { platform: 'discord', externalId: '7' }),
      ).rejects.toThrow();
      const other = await store.supporters.createWithIdentity(b.id, {
        platform: 'discord',
        externalId: '7',
      });
      expect(other.campaignId).toBe(b.id);
    });

    it('marks one platform account unreachable in every campaign, and reachable again', async () => {
      const externalId = `blocker${counter}`;
      const inA = await store.supporters.createWithIdentity(a.id, {
        platform: 'telegram',
        externalId,
      });
      const inB = await store.supporters.createWithIdentity(b.id, {
        platform: 'telegram',
        externalId,
      });
      await store.supporters.createWithIdentity(a.id, { platform: 'discord', externalId });
      const blocked = await store.supporters.setAccountReachable('telegram', externalId, false);
      expect(blocked).toEqual(
        expect.arrayContaining([
          { campaignId: a.id, supporterId: inA.id },
          { campaignId: b.id, supporterId: inB.id },
        ]),
      );
      expect(blocked).toHaveLength(2);
      const [identity] = await store.supporters.identities(a.id, inA.id);
      expect(identity?.unreachable).toBe(true);
      expect(await store.supporters.setAccountReachable('telegram', externalId, false)).toEqual([]);
      expect(await store.supporters.setAccountReachable('telegram', externalId, true)).toHaveLength(
        2,
      );
    });

    it('finds a supporter by username whatever the case and the leading @', async () => {
      const s = await store.supporters.createWithIdentity(a.id, {
        platform: 'telegram',
        externalId: '5',
        username: 'Alice_K',
      });
      expect((await store.supporters.findByUsername(a.id, 'telegram', '@alice_k'))?.id).toBe(s.id);
    });

    it('replaces skills and adds and removes tags, lower-cased and unique', async () => {
      const s = await store.supporters.createWithIdentity(a.id, {
        platform: 'console',
        externalId: 'x',
      });
      await store.supporters.addTag(a.id, s.id, 'North');
      await store.supporters.addTag(a.id, s.id, 'phone');
      await store.supporters.setSkills(a.id, s.id, ['Canvass', 'phone', 'canvass ']);
      const after = await store.supporters.removeTag(a.id, s.id, 'PHONE');
      expect(after).toMatchObject({ tags: ['north'], skills: ['canvass', 'phone'] });
      expect((await store.supporters.list(a.id, { tag: 'north' })).map((x) => x.id)).toEqual([
        s.id,
      ]);
      expect(await store.supporters.list(a.id, { tag: 'canvass' })).toEqual([]);
      const cleared = await store.supporters.setSkills(a.id, s.id, []);
      expect(cleared).toMatchObject({ tags: ['north'], skills: [] });
    });

    it('searches by display name or username and filters by consent', async () => {
      const s = await store.supporters.createWithIdentity(a.id, {
        platform: 'telegram',
        externalId: '9',
        username: 'zoe',
      });
      await store.supporters.update(a.id, s.id, { displayName: 'Zoé Martin', consentAt: AT });
      await store.supporters.createWithIdentity(a.id, { platform: 'telegram', externalId: '10' });
      expect((await store.supporters.list(a.id, { search: 'zoé' })).map((x) => x.id)).toEqual([
        s.id,
      ]);
      expect((await store.supporters.list(a.id, { search: 'ZOE' })).map((x) => x.id)).toEqual([
        s.id,
      ]);
      expect((await store.supporters.list(a.id, { consented: true })).map((x) => x.id)).toEqual([
        s.id,
      ]);
    });
  });

  describe('campaign isolation', () => {
    it('never returns or changes campaign A rows through campaign B', async () => {
      const s = await store.supporters.createWithIdentity(a.id, {
        platform: 'discord',
        externalId: 'iso',
        username: 'iso',
      });
      const task = await store.tasks.create(a.id, { title: 'Flyers', requiredTag: 'north' });
      const event = await store.events.create(a.id, eventInput());
      await store.notifications.enqueue(a.id, [reminder(`iso-${counter}`, s.id, event.id)]);

      expect(await store.supporters.findById(b.id, s.id)).toBeNull();
      expect(await store.supporters.findByIdentity(b.id, 'discord', 'iso')).toBeNull();
      expect(await store.supporters.findByUsername(b.id, 'discord', 'iso')).toBeNull();
      expect(await store.supporters.list(b.id)).toEqual([]);
      expect(await store.supporters.identities(b.id, s.id)).toEqual([]);
      expect(await store.tasks.findById(b.id, task.id)).toBeNull();
      expect(await store.tasks.list(b.id)).toEqual([]);
      expect(await store.events.findById(b.id, event.id)).toBeNull();
      expect(await store.events.listUpcoming(b.id, AT)).toEqual([]);
      expect(await store.notifications.list(b.id, {})).toEqual([]);
      expect(await store.notifications.findByKey(b.id, `iso-${counter}`)).toBeNull();

      await expect(
        store.supporters.update(b.id, s.id, { displayName: 'Mallory' }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.supporters.setSkills(b.id, s.id, ['x'])).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(
        store.events.update(b.id, event.id, { title: 'Hijacked' }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.tasks.setStatus(b.id, task.id, 'closed', AT)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await store.tasks.claim(b.id, task.id, s.id, AT)).toEqual({ kind: 'not_found' });
      expect(await store.notifications.skipPending(b.id, { recipientId: s.id }, 'x')).toBe(0);

      expect((await store.supporters.findById(a.id, s.id))?.displayName).toBeNull();
      expect((await store.events.findById(a.id, event.id))?.title).toBe('Canvass');
      expect((await store.tasks.findById(a.id, task.id))?.status).toBe('open');
      expect((await store.notifications.findByKey(a.id, `iso-${counter}`))?.status).toBe('pending');
    });
  });

  describe('tasks', () => {
    it('fills slots one claim at a time and then reports the task full', async () => {
      const task = await store.tasks.create(a.id, { title: 'Door knocking', slots: 2 });
      const [x, y, z] = await supporters(store, a.id, 3);
      expect((await store.tasks.claim(a.id, task.id, x, AT)).kind).toBe('claimed');
      expect((await store.tasks.claim(a.id, task.id, x, AT)).kind).toBe('already_claimed');
      expect((await store.tasks.claim(a.id, task.id, y, AT)).kind).toBe('claimed');
      expect((await store.tasks.claim(a.id, task.id, z, AT)).kind).toBe('full');
      expect((await store.tasks.findById(a.id, task.id))?.filled).toBe(2);
      expect(await store.tasks.assignments(a.id, { taskId: task.id })).toHaveLength(2);
    });

    it('gives the last slot to exactly one of several concurrent claims', async () => {
      const task = await store.tasks.create(a.id, { title: 'Last seat', slots: 1 });
      const ids = await supporters(store, a.id, 6);
      const outcomes = await Promise.all(ids.map((id) => store.tasks.claim(a.id, task.id, id, AT)));
      expect(outcomes.filter((o) => o.kind === 'claimed')).toHaveLength(1);
      expect(outcomes.filter((o) => o.kind === 'full')).toHaveLength(5);
      expect((await store.tasks.findById(a.id, task.id))?.filled).toBe(1);
    });

    it('refuses claims on a closed task and lists open tasks soonest due first', async () => {
      const later = await store.tasks.create(a.id, {
        title: 'Later',
        dueAt: new Date('2027-01-02T00:00:00Z'),
      });
      const sooner = await store.tasks.create(a.id, {
        title: 'Sooner',
        dueAt: new Date('2027-01-01T00:00:00Z'),
      });
      const undated = await store.tasks.create(a.id, { title: 'Whenever' });
      await store.tasks.setStatus(a.id, later.id, 'closed', AT);
      const [x] = await supporters(store, a.id, 1);
      expect((await store.tasks.claim(a.id, later.id, x, AT)).kind).toBe('closed');
      expect((await store.tasks.list(a.id, { status: 'open' })).map((t) => t.id)).toEqual([
        sooner.id,
        undated.id,
      ]);
    });
  });

  describe('events', () => {
    it('lists scheduled events that have not ended, soonest first', async () => {
      const late = await store.events.create(a.id, eventInput(48));
      const soon = await store.events.create(a.id, eventInput(24));
      const past = await store.events.create(a.id, eventInput(-48));
      const cancelled = await store.events.create(a.id, eventInput(30));
      await store.events.update(a.id, cancelled.id, { status: 'cancelled', cancelReason: 'rain' });
      const ids = (await store.events.listUpcoming(a.id, AT)).map((e) => e.id);
      expect(ids).toEqual([soon.id, late.id]);
      expect(ids).not.toContain(past.id);
    });
  });

  describe('notifications', () => {
    it('queues a key once however often it is enqueued', async () => {
      const [s] = await supporters(store, a.id, 1);
      const event = await store.events.create(a.id, eventInput());
      const row = reminder(`once-${counter}`, s, event.id);
      expect(await store.notifications.enqueue(a.id, [row, row])).toBe(1);
      expect(await store.notifications.enqueue(a.id, [row])).toBe(0);
      const concurrent = await Promise.all(
        [1, 2, 3].map(() =>
          store.notifications.enqueue(a.id, [row, reminder(`twice-${counter}`, s, event.id)]),
        ),
      );
      expect(concurrent.reduce((sum, n) => sum + n, 0)).toBe(1);
      expect(await store.notifications.list(a.id, { recipientId: s })).toHaveLength(2);
    });

    it('skips the pending rows of one recipient, keeping the reason', async () => {
      const [s, t] = await supporters(store, a.id, 2);
      await store.notifications.enqueue(a.id, [
        reminder(`s-${counter}`, s),
        reminder(`t-${counter}`, t),
      ]);
      expect(await store.notifications.skipPending(a.id, { recipientId: s }, 'erased')).toBe(1);
      expect(await store.notifications.findByKey(a.id, `s-${counter}`)).toMatchObject({
        status: 'skipped',
        lastError: 'erased',
        payload: { n: 1 },
      });
      expect((await store.notifications.findByKey(a.id, `t-${counter}`))?.status).toBe('pending');
    });
  });

  describe('transactions and logs', () => {
    it('writes nothing when a transaction fails part way', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.tasks.create(a.id, { title: 'Half written' });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.tasks.list(a.id)).toEqual([]);
    });

    it('keeps consent records and audit entries per campaign', async () => {
      const [s] = await supporters(store, a.id, 1);
      await store.privacy.recordConsent(a.id, s, 'consented', '2026-11');
      await store.privacy.audit(a.id, s, 'export_supporters', '3 rows');
      expect(await store.privacy.consentLog(a.id, s)).toMatchObject([
        { action: 'consented', policyVersion: '2026-11' },
      ]);
      expect(await store.privacy.auditLog(a.id)).toMatchObject([
        { action: 'export_supporters', actorId: s },
      ]);
      expect(await store.privacy.auditLog(b.id)).toEqual([]);
      expect(await store.privacy.consentLog(b.id, s)).toEqual([]);
    });
  });
}

function campaignInput(name: string) {
  return {
    name,
    timezone: 'Europe/Paris',
    locale: 'en' as const,
    inviteCode: `${name}-${Math.random().toString(36).slice(2)}`,
  };
}

function eventInput(hoursFromAt = 24) {
  const startsAt = new Date(AT.getTime() + hoursFromAt * 3_600_000);
  return {
    title: 'Canvass',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 7_200_000),
    timezone: 'Europe/Paris',
  };
}

function reminder(key: string, recipientId: number, eventId?: number) {
  return {
    kind: 'event_reminder' as const,
    key,
    recipientId,
    eventId: eventId ?? null,
    dueAt: AT,
    payload: { n: 1 },
  };
}

/** Creates `count` supporters; the tuple type lets tests destructure up to three ids. */
async function supporters(
  store: Store,
  campaignId: number,
  count: number,
): Promise<[number, number, number, ...number[]]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const s = await store.supporters.createWithIdentity(campaignId, {
      platform: 'console',
      externalId: `u${counter}-${i}-${Math.random()}`,
    });
    ids.push(s.id);
  }
  return ids as [number, number, number, ...number[]];
}
