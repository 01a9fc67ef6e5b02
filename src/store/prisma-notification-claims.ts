/**
 * Leases on outbox rows for dispatchers. A lease is (claimedBy, claimedUntil): rows are handed
 * to one worker until the lease ends, and every later write on a row requires that worker to
 * still hold it, so a process whose lease was taken over cannot mark the row again.
 */
import type { ClaimRequest, Settlement } from '../core/notifications/delivery.types.ts';
import type { DbClient } from './prisma-client.ts';

/**
 * One statement on PostgreSQL: concurrent dispatchers skip the rows another one is locking, so
 * each row goes to exactly one of them. Rows leased by the caller's own worker id are taken back:
 * the process that held them was this one before a restart.
 */
const CLAIM_POSTGRES = `
UPDATE "Notification" SET "claimedBy" = $1, "claimedUntil" = $2, "updatedAt" = $3
WHERE "id" IN (
  SELECT "id" FROM "Notification"
  WHERE "status" = 'pending' AND "dueAt" <= $3
    AND ("claimedUntil" IS NULL OR "claimedUntil" <= $3 OR "claimedBy" = $1)
    AND (EXISTS (SELECT 1 FROM "Identity" i WHERE i."supporterId" = "Notification"."recipientId"
                   AND NOT i."unreachable" AND i."platform" = ANY($5::text[]))
         OR NOT EXISTS (SELECT 1 FROM "Identity" i
                   WHERE i."supporterId" = "Notification"."recipientId" AND NOT i."unreachable"))
  ORDER BY "dueAt", "id"
  LIMIT $4
  FOR UPDATE SKIP LOCKED
)
RETURNING "id"`;

/**
 * Marking a row sent is the one write per delivered message: plain SQL, as Prisma's query
 * building would double its cost. `updatedAt` is Prisma's bookkeeping, kept up to date by hand.
 */
const MARK_SENT_SQLITE = `UPDATE "Notification" SET "status" = 'sent', "sentAt" = ?, "claimedUntil" = NULL,
 "updatedAt" = ? WHERE "id" = ? AND "claimedBy" = ?`;
const MARK_SENT_POSTGRES = `UPDATE "Notification" SET "status" = 'sent', "sentAt" = $1, "claimedUntil" = NULL,
 "updatedAt" = $2 WHERE "id" = $3 AND "claimedBy" = $4`;

/** Leases due rows to `request.workerId`; returns the ids it now holds, oldest due first. */
export async function claimDueIds(db: DbClient, request: ClaimRequest): Promise<number[]> {
  const { workerId, now, until, limit, platforms } = request;
  if (isPostgres(db)) {
    const rows = await db.$queryRawUnsafe<{ id: number }[]>(
      CLAIM_POSTGRES,
      workerId,
      until,
      now,
      limit,
      platforms,
    );
    return rows.map((row) => row.id);
  }
  // SQLite has one writer at a time: a conditional update of the candidates is enough.
  const free = {
    status: 'pending',
    dueAt: { lte: now },
    recipient: {
      OR: [
        { identities: { some: { unreachable: false, platform: { in: [...platforms] } } } },
        { identities: { none: { unreachable: false } } },
      ],
    },
  };
  const leasable = [
    { claimedUntil: null },
    { claimedUntil: { lte: now } },
    { claimedBy: workerId },
  ];
  const candidates = await db.notification.findMany({
    where: { ...free, OR: leasable },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: limit,
    select: { id: true },
  });
  const ids = candidates.map((row) => row.id);
  if (ids.length === 0) return [];
  await db.notification.updateMany({
    where: { id: { in: ids }, ...free, OR: leasable },
    data: { claimedBy: workerId, claimedUntil: until },
  });
  const held = await db.notification.findMany({
    where: { id: { in: ids }, claimedBy: workerId, claimedUntil: until, status: 'pending' },
    select: { id: true },
  });
  return held.map((row) => row.id);
}

/**
 * Writes what became of a row and frees its lease, only while `workerId` holds it. `sent` is
 * written even if the row was skipped meanwhile (it was sent: the record says so); the other
 * outcomes leave a row that is no longer pending alone.
 */
export async function settleClaim(
  db: DbClient,
  id: number,
  workerId: string,
  outcome: Settlement,
): Promise<boolean> {
  if (outcome.status === 'sent') {
    const sql = isPostgres(db) ? MARK_SENT_POSTGRES : MARK_SENT_SQLITE;
    return (await db.$executeRawUnsafe(sql, outcome.at, new Date(), id, workerId)) === 1;
  }
  const result = await db.notification.updateMany({
    where: { id, claimedBy: workerId, status: 'pending' },
    data: settlementData(outcome),
  });
  return result.count === 1;
}

function settlementData(outcome: Exclude<Settlement, { status: 'sent' }>) {
  const attempts = outcome.attempts === undefined ? {} : { attempts: outcome.attempts };
  if (outcome.status === 'pending') {
    return {
      dueAt: outcome.dueAt,
      claimedBy: null,
      claimedUntil: null,
      ...attempts,
      ...(outcome.lastError !== undefined && { lastError: outcome.lastError }),
    };
  }
  return { status: outcome.status, lastError: outcome.reason, claimedUntil: null, ...attempts };
}

/** Frees leases of rows `workerId` will not handle after all, leaving them due as they were. */
export async function releaseClaims(
  db: DbClient,
  ids: number[],
  workerId: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.notification.updateMany({
    where: { id: { in: ids }, claimedBy: workerId, status: 'pending' },
    data: { claimedBy: null, claimedUntil: null },
  });
  return result.count;
}

function isPostgres(db: DbClient): boolean {
  // Both generated clients share one type (see prisma-client.ts); the provider tells them apart.
  return (db as { _activeProvider?: string })._activeProvider === 'postgresql';
}
