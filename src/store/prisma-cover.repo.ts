import type {
  CandidateQuery,
  CoverCandidate,
  CoverKind,
  CoverRepo,
  CoverRequest,
  CoverStatus,
  NewCoverRequest,
} from '../core/covers/cover.types.ts';
import { type CoverRequest as CoverRow, Prisma } from '../generated/sqlite/client.ts';
import type { DbClient } from './prisma-client.ts';

/** Cover requests; candidates are chosen, ranked and paged by the database. */
export class PrismaCoverRepo implements CoverRepo {
  constructor(private readonly db: DbClient) {}

  async create(campaignId: number, input: NewCoverRequest): Promise<CoverRequest> {
    return toCover(await this.db.coverRequest.create({ data: { campaignId, ...input } }));
  }

  async findById(campaignId: number, id: number): Promise<CoverRequest | null> {
    const row = await this.db.coverRequest.findFirst({ where: { id, campaignId } });
    return row && toCover(row);
  }

  async listOpen(campaignId: number, eventIds?: readonly number[]): Promise<CoverRequest[]> {
    const rows = await this.db.coverRequest.findMany({
      where: { campaignId, status: 'open', ...(eventIds && { eventId: { in: [...eventIds] } }) },
      orderBy: { id: 'asc' },
    });
    return rows.map(toCover);
  }

  async take(campaignId: number, id: number): Promise<boolean> {
    // One statement: of two presses at once, the second sees no seat left and changes nothing.
    const count = await this.db.$executeRaw(Prisma.sql`
      UPDATE "CoverRequest"
      SET "taken" = "taken" + 1,
        "status" = CASE WHEN "taken" + 1 >= "seats" THEN 'filled' ELSE 'open' END,
        "nextWaveAt" = CASE WHEN "taken" + 1 >= "seats" THEN NULL ELSE "nextWaveAt" END,
        "updatedAt" = CURRENT_TIMESTAMP
      WHERE "id" = ${id} AND "campaignId" = ${campaignId} AND "status" = 'open'
        AND "taken" < "seats"`);
    return count === 1;
  }

  async claimWave(id: number, wave: number, nextWaveAt: Date | null): Promise<boolean> {
    const { count } = await this.db.coverRequest.updateMany({
      where: { id, wave, status: 'open' },
      data: { wave: wave + 1, nextWaveAt },
    });
    return count === 1;
  }

  async dueWaves(now: Date, limit: number): Promise<CoverRequest[]> {
    const rows = await this.db.coverRequest.findMany({
      where: { status: 'open', nextWaveAt: { lte: now } },
      orderBy: { nextWaveAt: 'asc' },
      take: limit,
    });
    return rows.map(toCover);
  }

  async close(campaignId: number, eventId: number, requesterId?: number | null): Promise<number> {
    const { count } = await this.db.coverRequest.updateMany({
      where: {
        campaignId,
        eventId,
        status: 'open',
        ...(requesterId !== undefined && { requesterId }),
      },
      data: { status: 'closed', nextWaveAt: null },
    });
    return count;
  }

  async candidates(campaignId: number, query: CandidateQuery): Promise<CoverCandidate[]> {
    const { cover, event, week } = query;
    const offered = `cover_offer:${cover.id}:`;
    const conditions = [
      Prisma.sql`s."campaignId" = ${campaignId}`,
      Prisma.sql`s."status" = 'active'`,
      Prisma.sql`s."remindersEnabled" = true`,
      Prisma.sql`s."consentAt" IS NOT NULL`,
      Prisma.sql`EXISTS (SELECT 1 FROM "Identity" i
        WHERE i."supporterId" = s."id" AND i."unreachable" = false)`,
      Prisma.sql`NOT EXISTS (SELECT 1 FROM "Rsvp" r WHERE r."eventId" = ${event.id}
        AND r."supporterId" = s."id" AND r."answer" IN ('yes', 'waitlist'))`,
      Prisma.sql`NOT EXISTS (SELECT 1 FROM "Notification" n
        WHERE n."key" = CAST(${offered} AS TEXT) || CAST(s."id" AS TEXT) || ':0')`,
    ];
    if (cover.requesterId !== null) conditions.push(Prisma.sql`s."id" <> ${cover.requesterId}`);
    if (event.requiredTag) {
      conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "SupporterTag" st
        JOIN "Tag" t ON t."id" = st."tagId"
        WHERE st."supporterId" = s."id" AND st."granted" = true AND t."campaignId" = ${campaignId}
          AND t."name" = ${event.requiredTag})`);
    }
    if (event.parentId !== null) {
      conditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "Rsvp" r JOIN "Event" e ON e."id" = r."eventId"
        WHERE r."supporterId" = s."id" AND r."answer" IN ('yes', 'waitlist')
          AND e."parentId" IS NOT NULL AND e."status" = 'scheduled' AND e."id" <> ${event.id}
          AND e."startsAt" < ${event.endsAt} AND e."endsAt" > ${event.startsAt})`);
    }
    const rows = await this.db.$queryRaw<
      { id: number; quietHours: string | null; timezone: string | null }[]
    >(Prisma.sql`
      SELECT s."id", s."quietHours", s."timezone" FROM "Supporter" s
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY
        (SELECT COUNT(*) FROM "Rsvp" r JOIN "Event" e ON e."id" = r."eventId"
          WHERE r."supporterId" = s."id" AND r."answer" = 'yes' AND e."status" = 'scheduled'
            AND e."startsAt" >= ${week.from} AND e."startsAt" < ${week.to}) ASC,
        (SELECT COUNT(*) FROM "Rsvp" r
          WHERE r."supporterId" = s."id" AND r."attendance" = 'attended') DESC,
        s."id" ASC
      LIMIT ${query.limit} OFFSET ${query.offset}`);
    return rows.map((row) => ({
      supporterId: Number(row.id),
      quietHours: row.quietHours,
      timezone: row.timezone,
    }));
  }
}

function toCover(row: CoverRow): CoverRequest {
  return {
    id: row.id,
    campaignId: row.campaignId,
    eventId: row.eventId,
    requesterId: row.requesterId,
    kind: row.kind as CoverKind,
    seats: row.seats,
    taken: row.taken,
    status: row.status as CoverStatus,
    wave: row.wave,
    waveSize: row.waveSize,
    nextWaveAt: row.nextWaveAt,
    createdAt: row.createdAt,
  };
}
