import type { DatabaseKind } from '../config.ts';
import { NotFoundError } from '../core/errors.ts';
import type { PrivacyRepo } from '../core/ports.ts';
import type { AuditEntry, ConsentAction, ConsentRecord } from '../core/privacy/privacy.types.ts';
import { type ConsentRecord as ConsentRow, Prisma } from '../generated/sqlite/client.ts';
import { atomically, type DbClient } from './prisma-client.ts';
import { dropUnusedTags } from './prisma-supporter.repo.ts';

/** The tables erasure deletes from or rewrites: the ones whose free space may hold a person. */
const ERASED_TABLES = [
  'Supporter',
  'Identity',
  'LinkCode',
  'SupporterTag',
  'Tag',
  'Assignment',
  'Notification',
  'ConsentRecord',
];

/** The consent log and the organizers' audit log. */
export class PrismaPrivacyRepo implements PrivacyRepo {
  constructor(
    private readonly db: DbClient,
    private readonly kind: DatabaseKind,
  ) {}

  async recordConsent(
    campaignId: number,
    supporterId: number | null,
    action: ConsentAction,
    policyVersion: string | null = null,
  ): Promise<ConsentRecord> {
    const row = await this.db.consentRecord.create({
      data: { campaignId, supporterId, action, policyVersion },
    });
    return toConsent(row);
  }

  async consentLog(campaignId: number, supporterId: number): Promise<ConsentRecord[]> {
    const rows = await this.db.consentRecord.findMany({
      where: { campaignId, supporterId },
      orderBy: { id: 'asc' },
    });
    return rows.map(toConsent);
  }

  async audit(
    campaignId: number,
    actorId: number | null,
    action: string,
    detail?: string,
  ): Promise<AuditEntry> {
    return this.db.auditEntry.create({
      data: { campaignId, actorId, action, detail: detail ?? null },
    });
  }

  async auditLog(campaignId: number): Promise<AuditEntry[]> {
    return this.db.auditEntry.findMany({ where: { campaignId }, orderBy: { id: 'asc' } });
  }

  erase(campaignId: number, supporterId: number, at: Date): Promise<void> {
    if (this.kind === 'postgresql')
      return eraseInOneStatement(this.db, campaignId, supporterId, at);
    return atomically(this.db, async (tx) => {
      const owned = { campaignId, supporterId };
      if (!(await tx.supporter.count({ where: { id: supporterId, campaignId } }))) {
        throw new NotFoundError('supporter', supporterId);
      }
      await tx.identity.deleteMany({ where: owned });
      await tx.linkCode.deleteMany({ where: owned });
      // Their calendar feed goes: its address answers 404 from now on.
      await tx.calendarFeed.deleteMany({ where: owned });
      // Standing answers (`series:on`) would keep answering new dates for them.
      await tx.seriesRsvp.deleteMany({ where: { supporterId } });
      const held = await tx.supporterTag.findMany({ where: owned, select: { tagId: true } });
      await tx.supporterTag.deleteMany({ where: owned });
      await dropUnusedTags(
        tx,
        campaignId,
        held.map((row) => row.tagId),
      );
      await tx.assignment.updateMany({ where: owned, data: { note: null } });
      const theirs = { campaignId, recipientId: supporterId };
      // Delivery errors may quote the chat they were sent to.
      await tx.notification.updateMany({ where: theirs, data: { lastError: null } });
      await tx.notification.updateMany({
        where: { ...theirs, status: 'pending' },
        data: { status: 'skipped', lastError: 'erased', claimedBy: null, claimedUntil: null },
      });
      await tx.consentRecord.deleteMany({ where: owned });
      await tx.consentRecord.create({ data: { ...owned, action: 'erased', at } });
      await tx.supporter.update({
        where: { id: supporterId },
        data: {
          displayName: null,
          email: null,
          phone: null,
          notes: null,
          locale: null,
          timezone: null,
          quietHours: null,
          remindersEnabled: false,
          consentAt: null,
          policyVersion: null,
          lastActiveAt: null,
          status: 'erased',
          erasedAt: at,
        },
      });
    });
  }

  async purgeErased(): Promise<void> {
    if (this.kind === 'sqlite') {
      // secure_delete already zeroed the rows in the file; the write-ahead log may still hold
      // earlier copies of the pages, so it is copied back and emptied.
      await this.db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
      return;
    }
    // VACUUM removes the dead row versions erasure left behind (outside any transaction), all
    // tables in one statement. Without workers: starting parallel workers to clean up the
    // indexes of the large tables cost more than the work (47 ms instead of 11 for Supporter at
    // a million supporters).
    await this.db.$executeRawUnsafe(
      `VACUUM (PARALLEL 0) ${ERASED_TABLES.map((table) => `"${table}"`).join(', ')}`,
    );
  }
}

/**
 * PostgreSQL: the whole erasure as one statement (data-modifying CTEs), each part an index
 * lookup on the supporter's id. Every part reads the rows as they were before the statement, so
 * the tags dropped are those nobody else holds, and the consent log keeps only the new record.
 */
async function eraseInOneStatement(
  db: DbClient,
  campaignId: number,
  supporterId: number,
  at: Date,
): Promise<void> {
  const stamp = (value: Date) => Prisma.sql`CAST(${value} AS TIMESTAMP(3))`;
  const now = new Date();
  // Every part names the supporter by value and nothing else (their rows are all of their
  // campaign, checked by `target`), so the planner can only take the supporter's index: a
  // reference to the target row, or the campaign beside it, let it scan the campaign's index
  // of the outbox (1.5 million entries) when its statistics were behind.
  const found = Prisma.sql`EXISTS (SELECT 1 FROM target)`;
  const rows = await db.$queryRaw<{ id: number }[]>(Prisma.sql`
    WITH target AS (
      UPDATE "Supporter" SET "displayName" = NULL, "email" = NULL, "phone" = NULL,
        "notes" = NULL, "locale" = NULL, "timezone" = NULL, "quietHours" = NULL,
        "remindersEnabled" = false, "consentAt" = NULL, "policyVersion" = NULL,
        "lastActiveAt" = NULL, "status" = 'erased', "erasedAt" = ${stamp(at)},
        "updatedAt" = ${stamp(now)}
      WHERE "id" = ${supporterId} AND "campaignId" = ${campaignId}
      RETURNING "id"
    ),
    identities AS (
      DELETE FROM "Identity" WHERE "supporterId" = ${supporterId} AND ${found}
    ),
    link_codes AS (
      DELETE FROM "LinkCode" WHERE "supporterId" = ${supporterId} AND ${found}
    ),
    -- Their calendar feed goes: its address answers 404 from now on.
    feeds AS (
      DELETE FROM "CalendarFeed" WHERE "supporterId" = ${supporterId} AND ${found}
    ),
    -- Standing answers (series:on) would keep answering new dates for them.
    standing AS (
      DELETE FROM "SeriesRsvp" WHERE "supporterId" = ${supporterId} AND ${found}
    ),
    held AS (
      DELETE FROM "SupporterTag" WHERE "supporterId" = ${supporterId} AND ${found}
      RETURNING "tagId"
    ),
    -- A tag nobody else holds and no task requires goes with them (the first other holder
    -- is one step of the (tagId, supporterId) index, however many hold it).
    dropped AS (
      DELETE FROM "Tag" t WHERE t."campaignId" = ${campaignId}
        AND t."id" IN (SELECT "tagId" FROM held)
        AND (SELECT st."supporterId" FROM "SupporterTag" st
          WHERE st."tagId" = t."id" AND st."supporterId" <> ${supporterId}
          ORDER BY st."tagId", st."supporterId" LIMIT 1) IS NULL
        AND NOT EXISTS (SELECT 1 FROM "Task" k WHERE k."requiredTagId" = t."id")
    ),
    notes AS (
      UPDATE "Assignment" SET "note" = NULL WHERE "supporterId" = ${supporterId} AND ${found}
    ),
    -- Delivery errors may quote the chat they were sent to; what was still to send is skipped
    -- (and, with no account left, reachable on no platform).
    outbox AS (
      UPDATE "Notification" SET
        "lastError" = CASE WHEN "status" = 'pending' THEN 'erased' END,
        "claimedBy" = CASE WHEN "status" = 'pending' THEN NULL ELSE "claimedBy" END,
        "claimedUntil" = CASE WHEN "status" = 'pending' THEN NULL ELSE "claimedUntil" END,
        "platforms" = CASE WHEN "status" = 'pending' THEN '' ELSE "platforms" END,
        "status" = CASE WHEN "status" = 'pending' THEN 'skipped' ELSE "status" END,
        "updatedAt" = ${stamp(now)}
      WHERE "recipientId" = ${supporterId} AND ${found}
    ),
    consents AS (
      DELETE FROM "ConsentRecord" WHERE "supporterId" = ${supporterId} AND ${found}
    ),
    erased AS (
      INSERT INTO "ConsentRecord" ("campaignId", "supporterId", "action", "at")
      SELECT CAST(${campaignId} AS INTEGER), "id", 'erased', ${stamp(at)} FROM target
    )
    SELECT "id" FROM target`);
  if (rows.length === 0) throw new NotFoundError('supporter', supporterId);
}

function toConsent(row: ConsentRow): ConsentRecord {
  return { ...row, action: row.action as ConsentAction };
}
