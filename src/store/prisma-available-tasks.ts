/**
 * The open tasks a supporter can take, chosen by the database: free slots, not held by them, not
 * past due, and their tag when one is required. Only the page shown is read and mapped; the
 * rest is counted.
 */

import { Prisma } from '../generated/sqlite/client.ts';
import { type DbClient, isPostgres } from './prisma-client.ts';

/** Ids of the first `limit` tasks the supporter can take, soonest due first, and how many there are. */
export async function availableTaskIds(
  db: DbClient,
  campaignId: number,
  supporterId: number,
  now: Date,
  limit: number,
): Promise<{ ids: number[]; total: number }> {
  const sql = availableTasksSql(db, campaignId, supporterId, now, limit);
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<{ id: number | bigint }[]>(sql.page),
    db.$queryRaw<{ n: number | bigint }[]>(sql.count),
  ]);
  return { ids: rows.map((row) => Number(row.id)), total: Number(count?.n ?? 0) };
}

/** The two statements behind {@link availableTaskIds}: the page's ids, and how many in all. */
export function availableTasksSql(
  db: DbClient,
  campaignId: number,
  supporterId: number,
  now: Date,
  limit: number,
): { page: Prisma.Sql; count: Prisma.Sql } {
  const at = isPostgres(db) ? Prisma.sql`CAST(${now} AS TIMESTAMP(3))` : Prisma.sql`${now}`;
  const where = Prisma.sql`t."campaignId" = ${campaignId} AND t."status" = 'open'
    AND t."filled" < t."slots" AND (t."dueAt" IS NULL OR t."dueAt" > ${at})
    AND NOT EXISTS (SELECT 1 FROM "Assignment" a WHERE a."taskId" = t."id"
      AND a."supporterId" = ${supporterId} AND a."status" <> 'dropped')
    AND (t."requiredTagId" IS NULL OR EXISTS (SELECT 1 FROM "SupporterTag" st
      WHERE st."supporterId" = ${supporterId} AND st."tagId" = t."requiredTagId"
        AND st."granted" = true))`;
  return {
    // Soonest due first, then those without a due date: two walks of the index (campaignId,
    // status, dueAt, id), each stopping at the page's size, instead of a sort of every open task.
    page: Prisma.sql`SELECT "id" FROM (
        SELECT * FROM (SELECT t."id", 0 AS "undated", t."dueAt" FROM "Task" t
          WHERE ${where} AND t."dueAt" > ${at} ORDER BY t."dueAt", t."id" LIMIT ${limit}) AS dated
        UNION ALL
        SELECT * FROM (SELECT t."id", 1 AS "undated", t."dueAt" FROM "Task" t
          WHERE ${where} AND t."dueAt" IS NULL ORDER BY t."id" LIMIT ${limit}) AS undated
      ) AS page ORDER BY "undated", "dueAt", "id" LIMIT ${limit}`,
    count: Prisma.sql`SELECT COUNT(*) AS n FROM "Task" t WHERE ${where}`,
  };
}
