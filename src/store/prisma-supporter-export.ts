/**
 * The supporter export, a page at a time: the supporters after an id, then the tags and
 * usernames of that id range, each served by an index, so a page costs its own rows whatever
 * the size of the campaign (three queries on SQLite, one on PostgreSQL).
 */

import type { ExportedSupporter } from '../core/campaigns/stats.types.ts';
import type { SupporterFilter } from '../core/supporters/supporter.types.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import { type DbClient, isPostgres } from './prisma-client.ts';
import { supporterWhere } from './prisma-supporter-query.ts';

interface SupporterLine {
  id: number | bigint;
  displayName: string | null;
  points: number | bigint;
  status: string;
  consentAt: Date | string | number | null;
}

/** The `limit` supporters matching `filter` after `afterId`, in id order, with tags and usernames. */
export async function exportPage(
  db: DbClient,
  campaignId: number,
  filter: SupporterFilter,
  afterId: number,
  limit: number,
): Promise<ExportedSupporter[]> {
  if (isPostgres(db)) return postgresPage(db, campaignId, filter, afterId, limit);
  // Walk the ids from `afterId` (see supporterIds): SQLite would otherwise sort every match.
  const lines = await db.$queryRaw<SupporterLine[]>(Prisma.sql`
    SELECT s."id", s."displayName", s."points", s."status", s."consentAt"
    FROM "Supporter" s NOT INDEXED
    WHERE ${supporterWhere(db, campaignId, filter)} AND s."id" > ${afterId}
    ORDER BY s."id" LIMIT ${limit}`);
  if (lines.length === 0) return [];
  const first = Number(lines[0]!.id);
  const last = Number(lines.at(-1)!.id);
  const [tags, handles] = await Promise.all([
    db.$queryRaw<{ supporterId: number | bigint; name: string }[]>(Prisma.sql`
      SELECT st."supporterId", t."name" FROM "SupporterTag" st JOIN "Tag" t ON t."id" = st."tagId"
      WHERE st."supporterId" BETWEEN ${first} AND ${last} AND st."campaignId" = ${campaignId}
        AND st."granted" = true`),
    db.$queryRaw<{ supporterId: number | bigint; platform: string; username: string }[]>(
      Prisma.sql`SELECT i."supporterId", i."platform", i."username" FROM "Identity" i
        WHERE i."supporterId" BETWEEN ${first} AND ${last} AND i."campaignId" = ${campaignId}
          AND i."username" IS NOT NULL
        ORDER BY i."supporterId", i."id"`,
    ),
  ]);
  return assemblePage(
    lines.map((line) => [
      Number(line.id),
      line.displayName,
      Number(line.points),
      line.status,
      line.consentAt === null ? null : toDate(line.consentAt),
    ]),
    tags.map((tag) => [Number(tag.supporterId), tag.name]),
    handles.map((handle) => [Number(handle.supporterId), handle.platform, handle.username]),
  );
}

/** A supporter's exported columns: id, name, points, status, registered. */
type Line = [number, string | null, number, string, Date | null];

/** The page's supporters in id order, each with its usernames (in order) and its tags sorted. */
function assemblePage(
  lines: Iterable<Line>,
  tags: Iterable<[number, string]>,
  handles: Iterable<[number, string, string]>,
): ExportedSupporter[] {
  const page = new Map<number, ExportedSupporter>();
  for (const [id, displayName, points, status, consentAt] of lines) {
    page.set(id, { id, displayName, handles: [], tags: [], points, status, consentAt });
  }
  for (const [id, name] of tags) page.get(id)?.tags.push(name);
  for (const [id, platform, username] of handles)
    page.get(id)?.handles.push({ platform, username });
  for (const supporter of page.values()) supporter.tags.sort();
  return [...page.values()];
}

/**
 * PostgreSQL: the page in one query returning three JSON texts (the supporters after `afterId`,
 * then the tags and usernames of their id range, each from an index; no join, so the plan is
 * the same whatever the statistics say). Read as thousands of rows of separate values, a page
 * left a few hundred kilobytes of short-lived objects that outlived the query and piled up
 * until the next full collection (the heap grew by about 230 MB over a million supporters);
 * three strings parsed at once leave less, so less time goes to collecting.
 */
async function postgresPage(
  db: DbClient,
  campaignId: number,
  filter: SupporterFilter,
  afterId: number,
  limit: number,
): Promise<ExportedSupporter[]> {
  const [row] = await db.$queryRaw<
    { supporters: string | null; tags: string | null; handles: string | null }[]
  >(Prisma.sql`
    WITH page AS MATERIALIZED (
      SELECT s."id", s."displayName", s."points", s."status", s."consentAt" FROM "Supporter" s
      WHERE ${supporterWhere(db, campaignId, filter)} AND s."id" > ${afterId}
      ORDER BY s."id" LIMIT ${limit}
    ),
    bounds AS MATERIALIZED (SELECT MIN("id") AS "first", MAX("id") AS "last" FROM page)
    SELECT
      CAST((SELECT json_agg(json_build_array(p."id", p."displayName", p."points", p."status",
          CAST(EXTRACT(EPOCH FROM p."consentAt") * 1000 AS BIGINT)) ORDER BY p."id")
        FROM page p) AS TEXT) AS "supporters",
      CAST((SELECT json_agg(json_build_array(st."supporterId", t."name"))
        FROM "SupporterTag" st JOIN "Tag" t ON t."id" = st."tagId"
        WHERE st."supporterId" BETWEEN (SELECT "first" FROM bounds) AND (SELECT "last" FROM bounds)
          AND st."campaignId" = ${campaignId} AND st."granted" = true) AS TEXT) AS "tags",
      CAST((SELECT json_agg(json_build_array(i."supporterId", i."platform", i."username")
          ORDER BY i."supporterId", i."id")
        FROM "Identity" i
        WHERE i."supporterId" BETWEEN (SELECT "first" FROM bounds) AND (SELECT "last" FROM bounds)
          AND i."campaignId" = ${campaignId} AND i."username" IS NOT NULL) AS TEXT) AS "handles"`);
  if (!row?.supporters) return [];
  const lines = JSON.parse(row.supporters) as [
    number,
    string | null,
    number,
    string,
    number | null,
  ][];
  return assemblePage(
    lines.map(([id, displayName, points, status, consentAt]) => [
      id,
      displayName,
      points,
      status,
      consentAt === null ? null : new Date(consentAt),
    ]),
    JSON.parse(row.tags ?? '[]') as [number, string][],
    JSON.parse(row.handles ?? '[]') as [number, string, string][],
  );
}

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}
