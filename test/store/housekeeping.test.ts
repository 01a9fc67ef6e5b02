// Housekeeping deletes delivered outbox rows past their retention (failed ones stay for
// inspection) and gives SQLite's planner statistics at start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { Housekeeping } from '../../src/store/housekeeping.ts';
import { tempSqliteUrl } from '../support/databases.ts';

const NOW = new Date('2026-11-30T09:00:00Z');
const DAY = 86_400_000;

describe('database housekeeping', () => {
  const file = tempSqliteUrl();
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase(file.url);
  });
  afterAll(async () => {
    await db.close();
    file.cleanup();
  });

  it('prunes sent and skipped rows past the retention and keeps failed, pending and recent ones', async () => {
    const campaign = await db.client.campaign.create({
      data: { name: 'C', timezone: 'UTC', locale: 'en', inviteCode: 'HK' },
    });
    const supporter = await db.client.supporter.create({ data: { campaignId: campaign.id } });
    const rows = [
      ['old-sent', 'sent', 31],
      ['old-skipped', 'skipped', 40],
      ['old-failed', 'failed', 90],
      ['old-pending', 'pending', 60],
      ['recent-sent', 'sent', 29],
    ] as const;
    for (const [key, status] of rows) {
      await db.client.notification.create({
        data: {
          campaignId: campaign.id,
          kind: 'broadcast',
          key,
          recipientId: supporter.id,
          dueAt: NOW,
          status,
        },
      });
    }
    // updatedAt is Prisma's own: set the settling times by hand.
    for (const [key, , days] of rows) {
      await db.client
        .$executeRaw`UPDATE "Notification" SET "updatedAt" = ${new Date(NOW.getTime() - days * DAY)} WHERE "key" = ${key}`;
    }
    const housekeeping = new Housekeeping(db, { retentionMs: 30 * DAY });
    expect(await housekeeping.runIfDue(NOW)).toEqual({ pruned: 2, optimized: true });
    const left = await db.client.notification.findMany({
      select: { key: true },
      orderBy: { key: 'asc' },
    });
    expect(left.map((row) => row.key)).toEqual(['old-failed', 'old-pending', 'recent-sent']);
  });

  it('leaves SQLite with planner statistics', async () => {
    const stats = await db.client.$queryRawUnsafe<{ n: number }[]>(
      "SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'",
    );
    expect(Number(stats[0]?.n)).toBe(1);
  });

  it('runs again only after its period', async () => {
    const housekeeping = new Housekeeping(db, { retentionMs: 30 * DAY, everyMs: 3_600_000 });
    expect(await housekeeping.runIfDue(NOW)).not.toBeNull();
    expect(await housekeeping.runIfDue(new Date(NOW.getTime() + 60_000))).toBeNull();
    expect(await housekeeping.runIfDue(new Date(NOW.getTime() + 3_600_000))).not.toBeNull();
  });
});
