/**
 * An event's reminders for everyone who answered, rewritten by the database after a change of
 * time or of reminder offsets: a few statements per 2,000 answers, so the process never holds
 * the rows, whatever the number of answers.
 */

import type { ReminderSlot } from '../core/events/event-reminders.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import { atomically, type DbClient, isPostgres } from './prisma-client.ts';
import { reachablePlatforms } from './prisma-notification-claims.ts';

/** Answers read per chunk; each chunk is one short transaction. */
export const REMINDER_CHUNK = 2_000;
/** Past every id: ids are 32-bit integers on both databases. */
const LAST = 2_147_483_647;

/**
 * Makes the reminder rows of the event match `slots` for every supporter whose answer is one of
 * `answers`: missing rows are queued, pending or skipped ones become pending at their slot's
 * time, sent or failed ones stay, and other pending reminder rows of the event are skipped with
 * `reason`. Walks the answers by supporter id, one transaction per chunk.
 */
export async function rescheduleReminderRows(
  db: DbClient,
  target: { campaignId: number; eventId: number },
  slots: readonly ReminderSlot[],
  answers: readonly string[],
  reason: string,
): Promise<void> {
  for (let after = 0; after < LAST; ) {
    const upto = await chunkEnd(db, target.eventId, answers, after);
    await atomically(db, async (tx) => {
      const chunk = { ...target, answers, after, upto };
      await skipUnwanted(tx, chunk, slots, reason);
      for (const slot of slots) {
        await revive(tx, chunk, slot);
        await insertMissing(tx, chunk, slot);
      }
    });
    after = upto;
  }
}

interface Chunk {
  campaignId: number;
  eventId: number;
  answers: readonly string[];
  /** Supporter ids in `(after, upto]`. */
  after: number;
  upto: number;
}

/** The last supporter id of the next chunk of answers, or the end of ids when none is left. */
async function chunkEnd(
  db: DbClient,
  eventId: number,
  answers: readonly string[],
  after: number,
): Promise<number> {
  const [row] = await db.$queryRaw<{ upto: number | bigint | null }[]>(Prisma.sql`
    SELECT MAX(sid) AS upto FROM (SELECT r."supporterId" AS sid FROM "Rsvp" r
      WHERE r."eventId" = ${eventId} AND r."supporterId" > ${after}
        AND r."answer" IN (${Prisma.join(answers)})
      ORDER BY r."supporterId" LIMIT ${REMINDER_CHUNK}) AS chunk`);
  const upto = row?.upto === null || row?.upto === undefined ? null : Number(row.upto);
  // Fewer than a chunk left: this chunk runs to the end, so later rows of people who no longer
  // answer are skipped too.
  return upto === null ? LAST : upto;
}

/** The keys of the chunk's answers for one slot (as notificationKey builds them). */
function wantedKeys(chunk: Chunk, offset: number): Prisma.Sql {
  const prefix = `event_reminder:${chunk.eventId}:`;
  const suffix = `:${offset}`;
  return Prisma.sql`SELECT CAST(${prefix} AS TEXT) || CAST(r."supporterId" AS TEXT) || CAST(${suffix} AS TEXT)
    FROM "Rsvp" r WHERE ${answered(chunk)}`;
}

function answered(chunk: Chunk): Prisma.Sql {
  return Prisma.sql`r."eventId" = ${chunk.eventId} AND r."answer" IN (${Prisma.join(chunk.answers)})
    AND r."supporterId" > ${chunk.after} AND r."supporterId" <= ${chunk.upto}`;
}

async function skipUnwanted(
  tx: DbClient,
  chunk: Chunk,
  slots: readonly ReminderSlot[],
  reason: string,
): Promise<void> {
  const wanted = slots.map((slot) => wantedKeys(chunk, slot.offsetMinutes));
  const keep =
    wanted.length === 0
      ? Prisma.empty
      : Prisma.sql`AND "key" NOT IN (${Prisma.join(wanted, ' UNION ALL ')})`;
  await tx.$executeRaw(Prisma.sql`UPDATE "Notification"
    SET "status" = 'skipped', "lastError" = ${reason}, "updatedAt" = ${at(tx, new Date())}
    WHERE "recipientId" > ${chunk.after} AND "recipientId" <= ${chunk.upto}
      AND "eventId" = ${chunk.eventId} AND "kind" = 'event_reminder' AND "status" = 'pending'
      ${keep}`);
}

async function revive(tx: DbClient, chunk: Chunk, slot: ReminderSlot): Promise<void> {
  await tx.$executeRaw(Prisma.sql`UPDATE "Notification"
    SET "status" = 'pending', "dueAt" = ${at(tx, slot.dueAt)},
      "payload" = ${JSON.stringify({ offsetMinutes: slot.offsetMinutes })}, "lastError" = NULL,
      "updatedAt" = ${at(tx, new Date())}
    WHERE "key" IN (${wantedKeys(chunk, slot.offsetMinutes)})
      AND "status" IN ('pending', 'skipped')`);
}

async function insertMissing(tx: DbClient, chunk: Chunk, slot: ReminderSlot): Promise<void> {
  const now = new Date();
  const prefix = `event_reminder:${chunk.eventId}:`;
  const suffix = `:${slot.offsetMinutes}`;
  const payload = JSON.stringify({ offsetMinutes: slot.offsetMinutes });
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "Notification" ("campaignId", "kind", "key", "recipientId", "eventId",
      "payload", "dueAt", "status", "attempts", "platforms", "createdAt", "updatedAt")
    SELECT CAST(${chunk.campaignId} AS INTEGER), CAST('event_reminder' AS TEXT),
      CAST(${prefix} AS TEXT) || CAST(r."supporterId" AS TEXT) || CAST(${suffix} AS TEXT),
      r."supporterId", CAST(${chunk.eventId} AS INTEGER), CAST(${payload} AS TEXT),
      ${at(tx, slot.dueAt)}, 'pending', 0, ${reachablePlatforms(tx, Prisma.sql`r."supporterId"`)},
      ${at(tx, now)}, ${at(tx, now)}
    FROM "Rsvp" r WHERE ${answered(chunk)} AND r."campaignId" = ${chunk.campaignId}
    ON CONFLICT ("key") DO NOTHING`);
}

/** PostgreSQL cannot infer the type of a bare parameter in a SELECT list. */
function at(db: DbClient, value: Date): Prisma.Sql {
  return isPostgres(db) ? Prisma.sql`CAST(${value} AS TIMESTAMP(3))` : Prisma.sql`${value}`;
}
