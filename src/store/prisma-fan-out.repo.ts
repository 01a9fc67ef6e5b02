import { z } from 'zod';
import type {
  FanOut,
  FanOutAudience,
  FanOutChunk,
  FanOutStatus,
  NewFanOut,
} from '../core/notifications/fan-out.types.ts';
import type { NotificationKind } from '../core/notifications/notification.types.ts';
import type { FanOutRepo } from '../core/ports.ts';
import { type FanOut as FanOutRow, Prisma } from '../generated/sqlite/client.ts';
import { audienceSql, keptAudienceCount, whereAll } from './prisma-audience.ts';
import { atomically, type DbClient, isPostgres } from './prisma-client.ts';
import { reachablePlatforms } from './prisma-notification-claims.ts';

const audienceSchema = z.object({
  reachable: z.boolean(),
  tag: z.string().optional(),
  event: z
    .object({ id: z.number(), answers: z.array(z.enum(['yes', 'maybe', 'no', 'waitlist'])) })
    .optional(),
  excludeId: z.number().optional(),
});

/** Thrown inside a chunk's transaction when its lease was lost, so nothing of it lands. */
class LeaseLost extends Error {}

/**
 * Fan-outs: outbox rows for a whole audience written by the database itself, one bounded
 * `INSERT ... SELECT` per chunk, paged by supporter id, under a lease (claimedBy, claimedUntil)
 * that another process takes over when it ends.
 */
export class PrismaFanOutRepo implements FanOutRepo {
  constructor(private readonly db: DbClient) {}

  async count(campaignId: number, audience: FanOutAudience): Promise<number> {
    const kept = await keptAudienceCount(this.db, campaignId, audience);
    if (kept !== null) return kept;
    const sql = audienceSql(campaignId, audience);
    const [row] = await this.db.$queryRaw<{ n: bigint | number }[]>(
      Prisma.sql`SELECT COUNT(*) AS n FROM ${sql.from} WHERE ${whereAll(sql)}`,
    );
    return Number(row?.n ?? 0);
  }

  async create(
    campaignId: number,
    input: NewFanOut,
    total: number,
    lease: { workerId: string; until: Date } | null,
  ): Promise<FanOut> {
    const row = await this.db.fanOut.create({
      data: {
        campaignId,
        kind: input.kind,
        subject: String(input.subject),
        occurrence: String(input.occurrence ?? 0),
        eventId: input.eventId ?? null,
        taskId: input.taskId ?? null,
        broadcastId: input.broadcastId ?? null,
        audience: JSON.stringify(input.audience),
        payload: JSON.stringify(input.payload ?? {}),
        dueAt: input.dueAt,
        total,
        notifyId: input.notifyId ?? null,
        claimedBy: lease?.workerId ?? null,
        claimedUntil: lease?.until ?? null,
      },
    });
    return toFanOut(row);
  }

  async claim(workerId: string, now: Date, until: Date, limit: number): Promise<number[]> {
    const candidates = await this.db.fanOut.findMany({
      where: {
        status: 'running',
        OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }, { claimedBy: workerId }],
      },
      select: { id: true, claimedBy: true, claimedUntil: true },
      orderBy: { id: 'asc' },
      take: limit,
    });
    const taken: number[] = [];
    for (const candidate of candidates) {
      // Conditional on the lease seen: of two processes taking over the same fan-out one wins.
      const { count } = await this.db.fanOut.updateMany({
        where: {
          id: candidate.id,
          status: 'running',
          claimedBy: candidate.claimedBy,
          claimedUntil: candidate.claimedUntil,
        },
        data: { claimedBy: workerId, claimedUntil: until },
      });
      if (count === 1) taken.push(candidate.id);
    }
    return taken;
  }

  writeChunk(
    id: number,
    workerId: string,
    limit: number,
    until: Date,
    now: Date,
  ): Promise<FanOutChunk | null> {
    return atomically(this.db, async (tx) => {
      const job = await tx.fanOut.findFirst({
        where: { id, claimedBy: workerId, status: 'running' },
      });
      if (!job) return null;
      const sql = audienceSql(job.campaignId, audienceSchema.parse(JSON.parse(job.audience)));
      const [bound] = await tx.$queryRaw<{ upto: number | null; n: bigint | number }[]>(
        Prisma.sql`SELECT MAX(sid) AS upto, COUNT(*) AS n FROM (
          SELECT ${sql.id} AS sid FROM ${sql.from} WHERE ${whereAll(sql, Prisma.sql`${sql.id} > ${job.cursor}`)}
          ORDER BY ${sql.id} LIMIT ${limit}) AS chunk`,
      );
      const upto = bound?.upto === null || bound?.upto === undefined ? null : Number(bound.upto);
      const written = upto === null ? 0 : await insertRows(tx, job, sql, upto);
      const done = upto === null || Number(bound?.n) < limit;
      const { count } = await tx.fanOut.updateMany({
        where: { id, claimedBy: workerId, status: 'running' },
        data: {
          cursor: upto ?? job.cursor,
          written: { increment: written },
          claimedUntil: done ? null : until,
          ...(done && { status: 'done', doneAt: now }),
        },
      });
      if (count !== 1) throw new LeaseLost();
      return { written, done };
    }).catch((error: unknown) => {
      if (error instanceof LeaseLost) return null;
      throw error;
    });
  }

  async find(id: number): Promise<FanOut | null> {
    const row = await this.db.fanOut.findUnique({ where: { id } });
    return row && toFanOut(row);
  }

  async findByBroadcast(campaignId: number, broadcastId: number): Promise<FanOut | null> {
    const row = await this.db.fanOut.findFirst({
      where: { campaignId, broadcastId },
      orderBy: { id: 'desc' },
    });
    return row && toFanOut(row);
  }
}

/** The chunk's rows in one statement; a key already queued is left as it is. */
async function insertRows(
  db: DbClient,
  job: FanOutRow,
  sql: ReturnType<typeof audienceSql>,
  upto: number,
): Promise<number> {
  const prefix = `${job.kind}:${job.subject}:`;
  const suffix = `:${job.occurrence}`;
  const now = new Date();
  // PostgreSQL cannot infer the type of a bare parameter in a SELECT list.
  const at = isPostgres(db)
    ? (value: Date) => Prisma.sql`CAST(${value} AS TIMESTAMP(3))`
    : (value: Date) => Prisma.sql`${value}`;
  const int = (value: number | null) => Prisma.sql`CAST(${value} AS INTEGER)`;
  return db.$executeRaw(Prisma.sql`
    INSERT INTO "Notification" ("campaignId", "kind", "key", "recipientId", "eventId", "taskId",
      "broadcastId", "payload", "dueAt", "status", "attempts", "platforms", "createdAt",
      "updatedAt")
    SELECT s."campaignId", CAST(${job.kind} AS TEXT),
      CAST(${prefix} AS TEXT) || CAST(s."id" AS TEXT) || CAST(${suffix} AS TEXT),
      s."id", ${int(job.eventId)}, ${int(job.taskId)}, ${int(job.broadcastId)},
      CAST(${job.payload} AS TEXT), ${at(job.dueAt)}, 'pending', 0,
      ${reachablePlatforms(db, Prisma.sql`s."id"`)}, ${at(now)}, ${at(now)}
    FROM ${sql.from}
    WHERE ${whereAll(sql, Prisma.sql`${sql.id} > ${job.cursor}`, Prisma.sql`${sql.id} <= ${upto}`)}
    ON CONFLICT ("key") DO NOTHING`);
}

function toFanOut(row: FanOutRow): FanOut {
  return {
    id: row.id,
    campaignId: row.campaignId,
    kind: row.kind as NotificationKind,
    broadcastId: row.broadcastId,
    notifyId: row.notifyId,
    total: row.total,
    written: row.written,
    status: row.status as FanOutStatus,
    createdAt: row.createdAt,
    doneAt: row.doneAt,
  };
}
