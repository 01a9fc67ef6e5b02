import type { DatabaseKind } from '../config.ts';
import { NotFoundError } from '../core/errors.ts';
import type { PrivacyRepo } from '../core/ports.ts';
import type { AuditEntry, ConsentAction, ConsentRecord } from '../core/privacy/privacy.types.ts';
import type { ConsentRecord as ConsentRow } from '../generated/sqlite/client.ts';
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
    // VACUUM removes the dead row versions erasure left behind (outside any transaction).
    for (const table of ERASED_TABLES) await this.db.$executeRawUnsafe(`VACUUM "${table}"`);
  }
}

function toConsent(row: ConsentRow): ConsentRecord {
  return { ...row, action: row.action as ConsentAction };
}
