/**
 * Leases on outbox rows for dispatchers. A lease is (claimedBy, claimedUntil): rows are handed
 * to one worker until the lease ends, and every later write on a row requires that worker to
 * still hold it, so a process whose lease was taken over cannot mark the row again.
 */
import type { ClaimRequest, Settlement } from '../core/notifications/delivery.types.ts';
import { type DbClient, isPostgres } from './prisma-client.ts';

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
  if (outcome.status === 'sent')
    return (await markSentClaims(db, [id], workerId, outcome.at)).length === 1;
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

/**
 * Marks rows sent in one statement, those `workerId` still holds (sent is written even if the row
 * was skipped meanwhile: it was sent, the record says so). Plain SQL: this is the write per
 * delivered message, and Prisma's query building would double its cost. `updatedAt` is Prisma's
 * bookkeeping, kept up to date by hand.
 */
export async function markSentClaims(
  db: DbClient,
  ids: number[],
  workerId: string,
  at: Date,
): Promise<number[]> {
  if (ids.length === 0) return [];
  const set = `"status" = 'sent', "sentAt" = $1, "claimedUntil" = NULL, "updatedAt" = $2`;
  return heldIds(db, set, ids, workerId, [at, new Date()], '');
}

/** Moves the end of `workerId`'s leases on pending rows to `until`; returns the ids it holds. */
export async function extendClaims(
  db: DbClient,
  ids: number[],
  workerId: string,
  until: Date,
): Promise<number[]> {
  if (ids.length === 0) return [];
  return heldIds(db, `"claimedUntil" = $1`, ids, workerId, [until], ` AND "status" = 'pending'`);
}

/**
 * Runs `UPDATE "Notification" SET <set> WHERE id IN ids AND claimedBy = workerId <and>` and
 * returns the ids it changed. `set` numbers its parameters from $1 (`values`); on SQLite they
 * are bound in the same order as positional `?`.
 */
async function heldIds(
  db: DbClient,
  set: string,
  ids: number[],
  workerId: string,
  values: unknown[],
  and: string,
): Promise<number[]> {
  const next = values.length + 1;
  let sql: string;
  let params: unknown[];
  if (isPostgres(db)) {
    sql = `UPDATE "Notification" SET ${set} WHERE "id" = ANY($${next}::int[]) AND "claimedBy" = $${next + 1}${and} RETURNING "id"`;
    params = [...values, ids, workerId];
  } else {
    const list = ids.map(() => '?').join(', ');
    sql = `UPDATE "Notification" SET ${set.replace(/\$\d+/g, '?')} WHERE "id" IN (${list}) AND "claimedBy" = ?${and} RETURNING "id"`;
    params = [...values, ...ids, workerId];
  }
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(sql, ...params);
  return rows.map((row) => Number(row.id));
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
