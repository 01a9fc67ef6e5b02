import type { CampaignEvent, NewEvent, RsvpChoice } from '../core/events/event.types.ts';
import type {
  EventSeries,
  NewSeries,
  SeriesPatch,
  StandingAnswer,
} from '../core/events/series.types.ts';
import type { SeriesRepo } from '../core/ports.ts';
import type {
  EventSeries as SeriesRow,
  SeriesRsvp as StandingRow,
} from '../generated/sqlite/client.ts';
import { type DbClient, isUniqueViolation } from './prisma-client.ts';
import { toEvent } from './prisma-event.repo.ts';

/** Fields a calendar shows: changing one raises the series' sequence. */
const CALENDAR_FIELDS = [
  'rule',
  'firstStart',
  'durationMinutes',
  'title',
  'description',
  'location',
] as const satisfies readonly (keyof SeriesPatch)[];

/** Recurring series, their occurrences (event rows with a series) and standing answers. */
export class PrismaSeriesRepo implements SeriesRepo {
  constructor(private readonly db: DbClient) {}

  async create(campaignId: number, input: NewSeries): Promise<EventSeries> {
    const { campaignId: _, ...data } = input;
    return toSeries(await this.db.eventSeries.create({ data: { ...data, campaignId } }));
  }

  async findById(campaignId: number, id: number): Promise<EventSeries | null> {
    const row = await this.db.eventSeries.findFirst({ where: { id, campaignId } });
    return row && toSeries(row);
  }

  async listByIds(campaignId: number, ids: number[]): Promise<EventSeries[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.eventSeries.findMany({
      where: { campaignId, id: { in: ids } },
      orderBy: { id: 'asc' },
    });
    return rows.map(toSeries);
  }

  async update(campaignId: number, id: number, patch: SeriesPatch): Promise<EventSeries> {
    const shown = CALENDAR_FIELDS.some((field) => patch[field] !== undefined);
    const row = await this.db.eventSeries.update({
      where: { id, campaignId },
      data: { ...patch, ...(shown && { sequence: { increment: 1 } }) },
    });
    return toSeries(row);
  }

  async dueForExtension(horizon: Date, limit: number): Promise<EventSeries[]> {
    const rows = await this.db.eventSeries.findMany({
      where: { materializedUntil: { lt: horizon } },
      orderBy: { materializedUntil: 'asc' },
      take: limit,
    });
    return rows.map(toSeries);
  }

  async advance(id: number, until: Date): Promise<void> {
    await this.db.eventSeries.updateMany({
      where: { id, materializedUntil: { lt: until } },
      data: { materializedUntil: until },
    });
  }

  async addOccurrence(campaignId: number, input: NewEvent): Promise<CampaignEvent | null> {
    try {
      return toEvent(await this.db.event.create({ data: { campaignId, ...input } }));
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async occurrences(campaignId: number, seriesId: number, from?: Date): Promise<CampaignEvent[]> {
    const rows = await this.db.event.findMany({
      where: { campaignId, seriesId, ...(from && { occurrenceStart: { gte: from } }) },
      orderBy: { occurrenceStart: 'asc' },
    });
    return rows.map(toEvent);
  }

  async reassign(
    campaignId: number,
    eventId: number,
    seriesId: number,
    occurrenceStart: Date,
  ): Promise<void> {
    await this.db.event.updateMany({
      where: { id: eventId, campaignId },
      data: { seriesId, occurrenceStart },
    });
  }

  async standing(seriesId: number): Promise<StandingAnswer[]> {
    const rows = await this.db.seriesRsvp.findMany({ where: { seriesId }, orderBy: { id: 'asc' } });
    return rows.map(toStanding);
  }

  async standingOf(supporterId: number): Promise<StandingAnswer[]> {
    const rows = await this.db.seriesRsvp.findMany({
      where: { supporterId },
      orderBy: { id: 'asc' },
    });
    return rows.map(toStanding);
  }

  async setStanding(answer: StandingAnswer): Promise<void> {
    const { seriesId, supporterId } = answer;
    await this.db.seriesRsvp.upsert({
      where: { seriesId_supporterId: { seriesId, supporterId } },
      create: answer,
      update: { answer: answer.answer, shiftNumber: answer.shiftNumber },
    });
  }

  async dropStanding(seriesId: number, supporterId: number): Promise<boolean> {
    const { count } = await this.db.seriesRsvp.deleteMany({ where: { seriesId, supporterId } });
    return count > 0;
  }
}

function toStanding(row: StandingRow): StandingAnswer {
  return {
    seriesId: row.seriesId,
    supporterId: row.supporterId,
    answer: row.answer as RsvpChoice,
    shiftNumber: row.shiftNumber,
  };
}

function toSeries(row: SeriesRow): EventSeries {
  return {
    id: row.id,
    campaignId: row.campaignId,
    rule: row.rule,
    firstStart: row.firstStart,
    timezone: row.timezone,
    durationMinutes: row.durationMinutes,
    title: row.title,
    description: row.description,
    location: row.location,
    capacity: row.capacity,
    reminderOffsets: row.reminderOffsets,
    hostId: row.hostId,
    createdById: row.createdById,
    templateId: row.templateId,
    materializedUntil: row.materializedUntil,
    sequence: row.sequence,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
