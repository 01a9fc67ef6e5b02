import type { CalendarFeed } from '../core/calendars/calendar.types.ts';
import type { CalendarFeedRepo } from '../core/ports.ts';
import { atomically, type DbClient } from './prisma-client.ts';

/** Calendar feed tokens, one feed per campaign and per supporter. */
export class PrismaCalendarFeedRepo implements CalendarFeedRepo {
  constructor(private readonly db: DbClient) {}

  findByLookup(lookup: string): Promise<CalendarFeed | null> {
    return this.db.calendarFeed.findUnique({ where: { lookup } });
  }

  find(campaignId: number, supporterId: number | null): Promise<CalendarFeed | null> {
    return this.db.calendarFeed.findFirst({ where: { campaignId, supporterId } });
  }

  replace(
    campaignId: number,
    supporterId: number | null,
    token: { lookup: string; secret: string },
  ): Promise<CalendarFeed> {
    return atomically(this.db, async (tx) => {
      await tx.calendarFeed.deleteMany({ where: { campaignId, supporterId } });
      return tx.calendarFeed.create({ data: { campaignId, supporterId, ...token } });
    });
  }
}
