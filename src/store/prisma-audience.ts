/**
 * An audience as SQL: the supporter ids a fan-out reaches, in id order, selected by the database
 * from its indexes (never passed in as a list). Used to count an audience and to write its rows.
 */
import type { FanOutAudience } from '../core/notifications/fan-out.types.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import type { DbClient } from './prisma-client.ts';

/** `FROM ... WHERE ...` of an audience in one campaign; the supporter id is `sid`. */
export interface AudienceSql {
  /** The column holding the supporter id, to page on. */
  id: Prisma.Sql;
  /** FROM and the joins; `s` is the Supporter row. */
  from: Prisma.Sql;
  /** Conditions (joined with AND). */
  where: Prisma.Sql[];
}

/** The audience's source: drives from the event's answers, the tag's holders or the supporters. */
export function audienceSql(campaignId: number, audience: FanOutAudience): AudienceSql {
  const where: Prisma.Sql[] = [Prisma.sql`s."campaignId" = ${campaignId}`];
  if (audience.reachable) {
    where.push(
      Prisma.sql`s."status" = 'active'`,
      Prisma.sql`s."remindersEnabled" = true`,
      Prisma.sql`s."consentAt" IS NOT NULL`,
    );
  }
  if (audience.excludeId !== undefined) where.push(Prisma.sql`s."id" <> ${audience.excludeId}`);
  if (audience.event) {
    where.push(
      Prisma.sql`r."eventId" = ${audience.event.id}`,
      Prisma.sql`r."answer" IN (${Prisma.join([...audience.event.answers])})`,
    );
    if (audience.tag !== undefined) where.push(holdsTag(campaignId, audience.tag));
    return {
      id: Prisma.sql`r."supporterId"`,
      from: Prisma.sql`"Rsvp" r JOIN "Supporter" s ON s."id" = r."supporterId"`,
      where,
    };
  }
  if (audience.tag !== undefined) {
    where.push(
      Prisma.sql`st."tagId" = (SELECT t."id" FROM "Tag" t
        WHERE t."campaignId" = ${campaignId} AND t."name" = ${audience.tag})`,
      // Tags an organizer gave open a `tag:` audience; skills people declared do not.
      Prisma.sql`st."granted" = true`,
    );
    return {
      id: Prisma.sql`st."supporterId"`,
      from: Prisma.sql`"SupporterTag" st JOIN "Supporter" s ON s."id" = st."supporterId"`,
      where,
    };
  }
  return { id: Prisma.sql`s."id"`, from: Prisma.sql`"Supporter" s`, where };
}

function holdsTag(campaignId: number, tag: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "SupporterTag" st JOIN "Tag" t ON t."id" = st."tagId"
    WHERE st."supporterId" = s."id" AND st."granted" = true AND t."campaignId" = ${campaignId}
      AND t."name" = ${tag})`;
}

/** The conditions joined with AND, plus `extra`. */
export function whereAll(sql: AudienceSql, ...extra: Prisma.Sql[]): Prisma.Sql {
  return Prisma.join([...sql.where, ...extra], ' AND ');
}

/**
 * The size of an audience the database keeps counted, or null when it must be counted: everyone
 * reachable in the campaign (a broadcast to everyone) is one row of `SupporterCount`, kept by
 * triggers on Supporter, less the one person left out if they are among them.
 */
export async function keptAudienceCount(
  db: DbClient,
  campaignId: number,
  audience: FanOutAudience,
): Promise<number | null> {
  if (!audience.reachable || audience.tag !== undefined || audience.event) return null;
  const { excludeId, ...everyone } = audience;
  const sql = audienceSql(campaignId, everyone);
  const [kept, excluded] = await Promise.all([
    db.supporterCount.findUnique({ where: { campaignId }, select: { reachable: true } }),
    excludeId === undefined
      ? [{ n: 0 }]
      : db.$queryRaw<{ n: bigint | number }[]>(
          Prisma.sql`SELECT COUNT(*) AS n FROM ${sql.from}
            WHERE ${whereAll(sql, Prisma.sql`s."id" = ${excludeId}`)}`,
        ),
  ]);
  return (kept?.reachable ?? 0) - Number(excluded[0]?.n ?? 0);
}
