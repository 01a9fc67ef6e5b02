/**
 * Seeds a campaign's supporters by SQL (no rows through the process), on SQLite or PostgreSQL:
 * the shape of a large campaign for scale tests and the `scale` benchmark.
 */

import { Prisma } from '../../src/generated/sqlite/client.ts';
import type { Database } from '../../src/store/database.ts';

export interface SeedOptions {
  campaignId: number;
  count: number;
  now: Date;
  /** Each supporter holds one of these tags in turn (none when empty). */
  tags?: string[];
}

/**
 * `count` consented, active supporters named `Supporter <n>`, each with a Telegram identity
 * (`@user<n>`, its own chat); supporter n holds tag n mod tags.length.
 */
export async function seedSupporters(db: Database, options: SeedOptions): Promise<void> {
  const { client } = db;
  const { campaignId, count, now, tags = [] } = options;
  const postgres = db.kind === 'postgresql';
  const at = postgres ? Prisma.sql`CAST(${now} AS TIMESTAMP(3))` : Prisma.sql`${now}`;
  const [row] = await client.$queryRaw<{ base: number | null }[]>(
    Prisma.sql`SELECT MAX("id") AS base FROM "Supporter"`,
  );
  const from = Number(row?.base ?? 0);
  const numbers = postgres ? Prisma.sql`generate_series(1, ${count}) AS seq(n)` : Prisma.sql`seq`;
  const withSeq = postgres
    ? Prisma.empty
    : Prisma.sql`WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${count}) `;
  await client.$executeRaw(Prisma.sql`${withSeq}
    INSERT INTO "Supporter" ("campaignId", "displayName", "consentAt", "policyVersion",
      "lastActiveAt", "status", "role", "remindersEnabled", "points", "createdAt", "updatedAt")
    SELECT CAST(${campaignId} AS INTEGER), 'Supporter ' || CAST(n AS TEXT), ${at}, 'seed', ${at}, 'active',
      'volunteer', true, n % 50, ${at}, ${at}
    FROM ${numbers}`);
  const seeded = Prisma.sql`FROM "Supporter" s WHERE s."campaignId" = ${campaignId} AND s."id" > ${from}`;
  await client.$executeRaw(Prisma.sql`
    INSERT INTO "Identity" ("campaignId", "supporterId", "platform", "externalId", "username",
      "chatId", "unreachable", "lastSeenAt", "createdAt")
    SELECT s."campaignId", s."id", 'telegram', CAST(s."id" + 800000000 AS TEXT),
      'user' || CAST(CAST(s."id" - ${from} AS INTEGER) AS TEXT), CAST(s."id" + 800000000 AS TEXT), false, ${at}, ${at}
    ${seeded}`);
  for (const [index, name] of tags.entries()) {
    await client.tag.upsert({
      where: { campaignId_name: { campaignId, name } },
      create: { campaignId, name },
      update: {},
    });
    await client.$executeRaw(Prisma.sql`
      INSERT INTO "SupporterTag" ("campaignId", "supporterId", "tagId", "granted", "createdAt")
      SELECT s."campaignId", s."id", (SELECT t."id" FROM "Tag" t
        WHERE t."campaignId" = ${campaignId} AND t."name" = ${name}), true, ${at}
      ${seeded} AND (s."id" - ${from}) % ${tags.length} = ${index}`);
  }
}
