/**
 * The rest of a large campaign, by SQL: tasks, events and RSVPs over supporters already seeded
 * (see test/support/seed-supporters.ts), and some delivered outbox rows, as a busy campaign has.
 */
import { Prisma } from '../../src/generated/sqlite/client.ts';
import type { Database } from '../../src/store/database.ts';

export interface ScaleShape {
  campaignId: number;
  tasks: number;
  events: number;
  rsvps: number;
  now: Date;
}

const DAY_MS = 86_400_000;

export async function seedCampaignWork(db: Database, shape: ScaleShape): Promise<void> {
  const { client } = db;
  const { campaignId, tasks, events, rsvps, now } = shape;
  const postgres = db.kind === 'postgresql';
  const at = (value: Date) =>
    postgres ? Prisma.sql`CAST(${value} AS TIMESTAMP(3))` : Prisma.sql`${value}`;
  const series = (count: number) =>
    postgres
      ? { with: Prisma.empty, from: Prisma.sql`generate_series(1, ${count}) AS seq(n)` }
      : {
          with: Prisma.sql`WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${count}) `,
          from: Prisma.sql`seq`,
        };
  const t = series(tasks);
  await client.$executeRaw(Prisma.sql`${t.with}
    INSERT INTO "Task" ("campaignId", "title", "slots", "filled", "points", "status", "dueAt", "createdAt")
    SELECT CAST(${campaignId} AS INTEGER), 'Task ' || CAST(n AS TEXT), 5, 0, 10, 'open',
      ${at(new Date(now.getTime() + 30 * DAY_MS))}, ${at(now)} FROM ${t.from}`);
  const e = series(events);
  await client.$executeRaw(Prisma.sql`${e.with}
    INSERT INTO "Event" ("campaignId", "title", "startsAt", "endsAt", "timezone", "status",
      "yesCount", "createdAt", "updatedAt")
    SELECT CAST(${campaignId} AS INTEGER), 'Event ' || CAST(n AS TEXT),
      ${at(new Date(now.getTime() + 10 * DAY_MS))}, ${at(new Date(now.getTime() + 10 * DAY_MS + 7_200_000))},
      'Europe/Paris', 'scheduled', 0, ${at(now)}, ${at(now)} FROM ${e.from}`);
  // RSVP n: the n-th supporter answers yes to event n mod events.
  await client.$executeRaw(Prisma.sql`
    INSERT INTO "Rsvp" ("campaignId", "eventId", "supporterId", "answer", "answeredAt", "updatedAt")
    SELECT s."campaignId",
      (SELECT MIN(ev."id") FROM "Event" ev WHERE ev."campaignId" = ${campaignId}) + s."id" % ${events},
      s."id", 'yes', ${at(now)}, ${at(now)}
    FROM "Supporter" s WHERE s."campaignId" = ${campaignId}
    ORDER BY s."id" LIMIT ${rsvps}`);
  await client.$executeRaw(Prisma.sql`UPDATE "Event" SET "yesCount" = (SELECT COUNT(*) FROM "Rsvp" r
    WHERE r."eventId" = "Event"."id" AND r."answer" = 'yes') WHERE "campaignId" = ${campaignId}`);
}
