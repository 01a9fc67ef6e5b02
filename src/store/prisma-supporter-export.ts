/**
 * The supporter export, a page at a time: three queries per page (the supporters after an id,
 * then the tags and usernames of that id range), each served by an index, so a page costs its
 * own rows whatever the size of the campaign.
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
  // Walk the ids from `afterId` (see supporterIds): SQLite would otherwise sort every match.
  const walk = isPostgres(db) ? Prisma.empty : Prisma.sql`NOT INDEXED`;
  const lines = await db.$queryRaw<SupporterLine[]>(Prisma.sql`
    SELECT s."id", s."displayName", s."points", s."status", s."consentAt"
    FROM "Supporter" s ${walk}
    WHERE ${supporterWhere(db, campaignId, filter)} AND s."id" > ${afterId}
    ORDER BY s."id" LIMIT ${limit}`);
  if (lines.length === 0) return [];
  const first = Number(lines[0]!.id);
  const last = Number(lines.at(-1)!.id);
  const page = new Map<number, ExportedSupporter>();
  for (const line of lines) {
    const id = Number(line.id);
    page.set(id, {
      id,
      displayName: line.displayName,
      handles: [],
      tags: [],
      points: Number(line.points),
      status: line.status,
      consentAt: line.consentAt === null ? null : toDate(line.consentAt),
    });
  }
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
  for (const tag of tags) page.get(Number(tag.supporterId))?.tags.push(tag.name);
  for (const handle of handles) {
    page
      .get(Number(handle.supporterId))
      ?.handles.push({ platform: handle.platform, username: handle.username });
  }
  for (const supporter of page.values()) supporter.tags.sort();
  return [...page.values()];
}

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}
