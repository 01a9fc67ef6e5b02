/**
 * The supporter listing as SQL: filters by status, consent, tag and a substring of a name or
 * username, served by indexes (the search through the trigram indexes of search-index.ts), and
 * paged by id so no query grows with the campaign.
 */

import { normalizeTag } from '../core/campaigns/tags.ts';
import type { SupporterFilter } from '../core/supporters/supporter.types.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import { type DbClient, isPostgres } from './prisma-client.ts';
import { NAME_SEARCH, USERNAME_SEARCH } from './search-index.ts';

/** `WHERE` of the listing over `"Supporter" s`. */
export function supporterWhere(db: DbClient, campaignId: number, filter: SupporterFilter) {
  const where = [Prisma.sql`s."campaignId" = ${campaignId}`];
  if (filter.status) where.push(Prisma.sql`s."status" IN (${Prisma.join(filter.status)})`);
  if (filter.consented !== undefined) {
    where.push(
      filter.consented ? Prisma.sql`s."consentAt" IS NOT NULL` : Prisma.sql`s."consentAt" IS NULL`,
    );
  }
  if (filter.tag !== undefined) {
    // The tag's holders first (its index), then their rows by id: a count reads only the holders.
    where.push(Prisma.sql`s."id" IN (SELECT st."supporterId" FROM "SupporterTag" st
      JOIN "Tag" t ON t."id" = st."tagId"
      WHERE st."granted" = true AND t."campaignId" = ${campaignId}
        AND t."name" = ${normalizeTag(filter.tag)})`);
  }
  if (filter.search !== undefined && filter.search.trim() !== '') {
    where.push(Prisma.sql`s."id" IN (${matching(db, filter.search.trim())})`);
  }
  return Prisma.join(where, ' AND ');
}

/** Ids of supporters whose name or a username contains `text` (any case). */
function matching(db: DbClient, text: string): Prisma.Sql {
  if (isPostgres(db)) {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return Prisma.sql`SELECT n."id" FROM "Supporter" n WHERE n."displayName" ILIKE ${pattern}
      UNION SELECT i."supporterId" FROM "Identity" i WHERE i."username" ILIKE ${pattern}`;
  }
  // FTS5's trigram LIKE knows no ESCAPE: wildcards typed by the user stay wildcards.
  const pattern = `%${text}%`;
  return Prisma.sql`SELECT rowid FROM ${Prisma.raw(`"${NAME_SEARCH}"`)} WHERE "displayName" LIKE ${pattern}
    UNION SELECT i."supporterId" FROM "Identity" i WHERE i."id" IN (
      SELECT rowid FROM ${Prisma.raw(`"${USERNAME_SEARCH}"`)} WHERE "username" LIKE ${pattern})`;
}

/** One page of matching supporter ids after `afterId`, in id order. */
export async function supporterIds(
  db: DbClient,
  campaignId: number,
  filter: SupporterFilter,
  afterId: number,
  limit: number,
): Promise<number[]> {
  // A page walks the ids from `afterId` and stops at `limit` matches; SQLite would otherwise
  // collect every match through the status index and sort them, for every page.
  const walk =
    isPostgres(db) || filter.search !== undefined ? Prisma.empty : Prisma.sql`NOT INDEXED`;
  const rows = await db.$queryRaw<
    { id: number }[]
  >(Prisma.sql`SELECT s."id" FROM "Supporter" s ${walk}
    WHERE ${supporterWhere(db, campaignId, filter)} AND s."id" > ${afterId}
    ORDER BY s."id" LIMIT ${limit}`);
  return rows.map((row) => Number(row.id));
}

/** How many supporters match. */
export async function countSupporters(
  db: DbClient,
  campaignId: number,
  filter: SupporterFilter,
): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint | number }[]>(
    Prisma.sql`SELECT COUNT(*) AS n FROM "Supporter" s WHERE ${supporterWhere(db, campaignId, filter)}`,
  );
  return Number(row?.n ?? 0);
}
