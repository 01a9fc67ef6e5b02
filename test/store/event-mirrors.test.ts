import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/ports.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import {
  createPostgresDatabase,
  reportPostgresSkip,
  TEST_POSTGRES_URL,
  tempSqliteUrl,
} from '../support/databases.ts';

const NOW = new Date('2026-12-01T10:00:00Z');
const LATER = new Date('2026-12-01T10:01:00Z');

reportPostgresSkip('event mirror leases on PostgreSQL');

type Open = () => Promise<{ db: Database; cleanup(): Promise<void> }>;

const databases: [string, Open][] = [
  [
    'SQLite',
    async () => {
      const file = tempSqliteUrl();
      return { db: await openDatabase(file.url), cleanup: async () => file.cleanup() };
    },
  ],
  ...(TEST_POSTGRES_URL ? [['PostgreSQL', openPostgres] as [string, Open]] : []),
];

async function openPostgres() {
  const database = await createPostgresDatabase('organizer_mirrors');
  return { db: await openDatabase(database.url), cleanup: database.drop };
}

describe.each(databases)('event mirror leases on %s', (_name, open) => {
  let db: Database;
  let store: Store;
  let cleanup: () => Promise<void>;
  let key: { campaignId: number; eventId: number; chatSpaceId: number };

  beforeAll(async () => {
    ({ db, cleanup } = await open());
    store = db.store;
    const campaign = await store.campaigns.create({
      name: 'Mirrors',
      timezone: 'Europe/Paris',
      locale: 'en',
      inviteCode: 'mirrors1',
    });
    const space = await store.campaigns.bindSpace(campaign.id, 'discord', '1234');
    const event = await store.events.create(campaign.id, {
      title: 'Canvass',
      startsAt: new Date('2026-12-05T17:00:00Z'),
      endsAt: new Date('2026-12-05T19:00:00Z'),
      timezone: 'Europe/Paris',
    });
    key = { campaignId: campaign.id, eventId: event.id, chatSpaceId: space.id };
  });
  afterAll(async () => {
    await db?.close();
    await cleanup?.();
  });

  it('hands a new mirror to exactly one of several processes claiming it at once', async () => {
    const claims = await Promise.all(
      ['one', 'two', 'three', 'four'].map((worker) =>
        store.eventMirrors.claim(key, worker, NOW, LATER),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = ['one', 'two', 'three', 'four'][claims.findIndex(Boolean)]!;
    await store.eventMirrors.settle(claims.find(Boolean)!.id, winner, {
      externalId: 'discord-1',
      syncedHash: 'h1',
    });
    const [mirror] = await store.eventMirrors.listOpen(key.chatSpaceId);
    expect(mirror).toMatchObject({ externalId: 'discord-1', syncedHash: 'h1', state: 'scheduled' });
  });

  it('hands an existing mirror to exactly one of several processes, and to none while a failure waits', async () => {
    const claims = await Promise.all(
      ['one', 'two', 'three'].map((worker) => store.eventMirrors.claim(key, worker, NOW, LATER)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    const holder = ['one', 'two', 'three'][claims.findIndex(Boolean)]!;
    // Only the lease holder's outcome counts.
    await store.eventMirrors.fail(claims.find(Boolean)!.id, 'someone else', 'late', LATER);
    await store.eventMirrors.fail(claims.find(Boolean)!.id, holder, 'Discord said 500', LATER);
    expect(await store.eventMirrors.claim(key, 'one', NOW, LATER)).toBeNull();
    const retried = await store.eventMirrors.claim(
      key,
      'two',
      LATER,
      new Date('2026-12-01T10:02:00Z'),
    );
    expect(retried).toMatchObject({ attempts: 1, externalId: 'discord-1' });
    expect(await store.eventMirrors.findByExternal(key.chatSpaceId, 'discord-1')).toMatchObject({
      eventId: key.eventId,
    });
  });
});
