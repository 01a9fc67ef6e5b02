/**
 * Leases on outbox rows for dispatchers. A lease is (claimedBy, claimedUntil): rows are handed
 * to one worker until the lease ends, and every later write on a row requires that worker to
 * still hold it, so a process whose lease was taken over cannot mark the row again.
 */
import type { ClaimRequest, Settlement } from '../core/notifications/delivery.types.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import { PLATFORMS } from '../platforms.ts';
import { type DbClient, isPostgres } from './prisma-client.ts';

/** Platforms identities may be on; each pending row holds the set its recipient is reachable on. */
const KNOWN_PLATFORMS = PLATFORMS.map((entry) => entry.platform);

/**
 * The values of `Notification.platforms` a process sending on `platforms` can deliver: every set
 * of platforms holding one of its own, and "" (nobody can be reached: any process settles it).
 * Sorted and comma-separated, as the database triggers write them.
 */
export function deliverableSets(platforms: readonly string[]): string[] {
  const all = [...new Set([...KNOWN_PLATFORMS, ...platforms])].sort();
  const mine = new Set(platforms);
  const sets = [''];
  for (let mask = 1; mask < 1 << all.length; mask++) {
    const set = all.filter((_, i) => mask & (1 << i));
    if (set.some((platform) => mine.has(platform))) sets.push(set.join(','));
  }
  return sets;
}

/**
 * The claim walks, for each deliverable set of platforms, the index on (status, platforms, dueAt,
 * id) from the oldest due row, and keeps the `limit` oldest of them all: rows only other
 * processes can deliver are never read.
 */

/**
 * One statement on PostgreSQL: concurrent dispatchers skip the rows another one is locking, so
 * each row goes to exactly one of them. Rows leased by the caller's own worker id are taken back:
 * the process that held them was this one before a restart.
 */
function claimPostgres(sets: number): string {
  const ctes = Array.from(
    { length: sets },
    (_, i) => `b${i} AS (SELECT "id", "dueAt" FROM "Notification"
      WHERE "status" = 'pending' AND "platforms" = $${5 + i} AND "dueAt" <= $3
        AND ("claimedUntil" IS NULL OR "claimedUntil" <= $3 OR "claimedBy" = $1)
      ORDER BY "dueAt", "id" LIMIT $4 FOR UPDATE SKIP LOCKED)`,
  );
  const union = Array.from({ length: sets }, (_, i) => `SELECT * FROM b${i}`).join(' UNION ALL ');
  return `WITH ${ctes.join(',\n')}
UPDATE "Notification" SET "claimedBy" = $1, "claimedUntil" = $2, "updatedAt" = $3
WHERE "id" IN (SELECT "id" FROM (${union}) AS due ORDER BY "dueAt", "id" LIMIT $4)
RETURNING "id"`;
}

/** Leases due rows to `request.workerId`; returns the ids it now holds, oldest due first. */
export async function claimDueIds(db: DbClient, request: ClaimRequest): Promise<number[]> {
  const { workerId, now, until, limit, platforms } = request;
  const sets = deliverableSets([...platforms]);
  if (isPostgres(db)) {
    const rows = await db.$queryRawUnsafe<{ id: number }[]>(
      claimPostgres(sets.length),
      workerId,
      until,
      now,
      limit,
      ...sets,
    );
    return rows.map((row) => row.id);
  }
  // SQLite has one writer at a time: a conditional update of the candidates is enough.
  const branches = sets.map(
    (set) => Prisma.sql`SELECT * FROM (SELECT "id", "dueAt" FROM "Notification"
      WHERE "status" = 'pending' AND "platforms" = ${set} AND "dueAt" <= ${now}
        AND ("claimedUntil" IS NULL OR "claimedUntil" <= ${now} OR "claimedBy" = ${workerId})
      ORDER BY "dueAt", "id" LIMIT ${limit})`,
  );
  const candidates = await db.$queryRaw<{ id: number | bigint }[]>(
    Prisma.sql`SELECT "id" FROM (${Prisma.join(branches, ' UNION ALL ')})
      ORDER BY "dueAt", "id" LIMIT ${limit}`,
  );
  const ids = candidates.map((row) => Number(row.id));
  if (ids.length === 0) return [];
  const leasable = [
    { claimedUntil: null },
    { claimedUntil: { lte: now } },
    { claimedBy: workerId },
  ];
  await db.notification.updateMany({
    where: { id: { in: ids }, status: 'pending', OR: leasable },
    data: { claimedBy: workerId, claimedUntil: until },
  });
  const held = await db.notification.findMany({
    where: { id: { in: ids }, claimedBy: workerId, claimedUntil: until, status: 'pending' },
    select: { id: true },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
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

/**
 * `Notification.platforms` of the recipient `supporterId` (an SQL expression), for statements
 * that write many rows at once: the same value the database triggers would write, without a
 * trigger's second write per row.
 */
export function reachablePlatforms(db: DbClient, supporterId: Prisma.Sql): Prisma.Sql {
  const list = isPostgres(db)
    ? Prisma.sql`string_agg(DISTINCT i."platform", ',' ORDER BY i."platform")`
    : Prisma.sql`group_concat(DISTINCT i."platform" ORDER BY i."platform")`;
  return Prisma.sql`(SELECT COALESCE(${list}, '') FROM "Identity" i
    WHERE i."supporterId" = ${supporterId} AND i."unreachable" = false)`;
}
