import type {
  AttendanceCount,
  CampaignCounts,
  EventAnswers,
  ExportedSupporter,
  Handle,
  HeldEvent,
  TagCount,
} from '../core/campaigns/stats.types.ts';
import { normalizeTag } from '../core/campaigns/tags.ts';
import type { StatsRepo } from '../core/ports.ts';
import type { Range } from '../core/reports/periods.ts';
import {
  SUPPORTER_STATUSES,
  type Supporter,
  type SupporterFilter,
} from '../core/supporters/supporter.types.ts';
import type { DbClient } from './prisma-client.ts';
import { toSupporter, withTags } from './prisma-supporter.repo.ts';
import { exportPage } from './prisma-supporter-export.ts';

/** Registered: agreed to the privacy notice and not erased. */
const registered = { consentAt: { not: null }, status: { not: 'erased' } };
const LIVE = SUPPORTER_STATUSES.filter((status) => status !== 'erased');

/** Scheduled events that started within the range. */
const held = (campaignId: number, range: Range) => ({
  campaignId,
  status: 'scheduled',
  startsAt: { gte: range.start, lt: range.end },
});

/**
 * Counts and listings behind organizers' reports. Figures over time are range counts on indexed
 * columns (one query per range, never a scan of the rows themselves): erasure clears `consentAt`
 * and `lastActiveAt`, so a range on them already leaves erased supporters out. Supporters, who
 * can be a million, are counted from rows the database keeps per campaign and per UTC day
 * (`SupporterCount`, `SupporterActivity`, `SupporterRegistration`) plus, for a boundary inside
 * a day, a range count of that day alone.
 */
export class PrismaStatsRepo implements StatsRepo {
  constructor(private readonly db: DbClient) {}

  async counts(campaignId: number, activeSince: Date): Promise<CampaignCounts> {
    const { task, assignment } = this.db;
    const [supporters, active, tasksOpen, tasksClosed, assignmentsDone] = await Promise.all([
      // Kept by database triggers on Supporter: one row, whatever the size of the campaign.
      this.db.supporterCount
        .findUnique({ where: { campaignId } })
        .then((row) => row?.registered ?? 0),
      activeSinceCount(this.db, campaignId, activeSince),
      task.count({ where: { campaignId, status: 'open' } }),
      task.count({ where: { campaignId, status: 'closed' } }),
      assignment.count({ where: { campaignId, status: 'done' } }),
    ]);
    return { supporters, activeSince: active, tasksOpen, tasksClosed, assignmentsDone };
  }

  async tags(campaignId: number, name?: string): Promise<TagCount[]> {
    const rows = await this.db.tag.findMany({
      where: { campaignId, ...(name !== undefined && { name: normalizeTag(name) }) },
      select: {
        name: true,
        _count: { select: { supporters: { where: { granted: true, supporter: registered } } } },
      },
      orderBy: { name: 'asc' },
    });
    return rows.map((row) => ({ name: row.name, supporters: row._count.supporters }));
  }

  async handles(campaignId: number, supporterIds: number[]): Promise<Handle[]> {
    const rows = await this.db.identity.findMany({
      where: { campaignId, supporterId: { in: supporterIds }, username: { not: null } },
      select: { supporterId: true, platform: true, username: true },
      orderBy: { id: 'asc' },
    });
    return rows.map((row) => ({ ...row, username: row.username as string }));
  }

  exportPage(
    campaignId: number,
    filter: SupporterFilter,
    afterId: number,
    limit: number,
  ): Promise<ExportedSupporter[]> {
    return exportPage(this.db, campaignId, filter, afterId, limit);
  }

  async registeredBefore(campaignId: number, at: Date): Promise<number> {
    const [before] = await registeredBefore(this.db, campaignId, [at]);
    return before ?? 0;
  }

  async registrations(campaignId: number, ranges: readonly Range[]): Promise<number[]> {
    const before = await registeredBefore(
      this.db,
      campaignId,
      ranges.flatMap((range) => [range.start, range.end]),
    );
    return ranges.map((_, i) => before[2 * i + 1]! - before[2 * i]!);
  }

  tasksDone(campaignId: number, ranges: readonly Range[]): Promise<number[]> {
    return Promise.all(
      ranges.map((range) =>
        this.db.assignment.count({
          where: { campaignId, status: 'done', doneAt: { gte: range.start, lt: range.end } },
        }),
      ),
    );
  }

  attendance(campaignId: number, ranges: readonly Range[]): Promise<AttendanceCount[]> {
    return Promise.all(
      ranges.map(async (range) => {
        const rows = await this.db.rsvp.groupBy({
          by: ['attendance'],
          where: { campaignId, answer: 'yes', event: held(campaignId, range) },
          _count: { _all: true },
        });
        return attendanceOf(rows);
      }),
    );
  }

  async eventsHeld(campaignId: number, range: Range): Promise<HeldEvent[]> {
    const events = await this.db.event.findMany({
      where: held(campaignId, range),
      select: { id: true, title: true, startsAt: true },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    });
    const rows = await this.db.rsvp.groupBy({
      by: ['eventId', 'attendance'],
      where: { campaignId, answer: 'yes', eventId: { in: events.map((e) => e.id) } },
      _count: { _all: true },
    });
    return events.map((event) => ({
      ...event,
      ...attendanceOf(rows.filter((row) => row.eventId === event.id)),
    }));
  }

  async eventAnswers(campaignId: number, eventIds: number[]): Promise<EventAnswers[]> {
    const rows = await this.db.rsvp.groupBy({
      by: ['eventId', 'answer'],
      where: {
        campaignId,
        eventId: { in: eventIds },
        answer: { in: ['yes', 'maybe', 'waitlist'] },
      },
      _count: { _all: true },
    });
    const count = (eventId: number, answer: string) =>
      rows.find((row) => row.eventId === eventId && row.answer === answer)?._count._all ?? 0;
    return eventIds.map((eventId) => ({
      eventId,
      yes: count(eventId, 'yes'),
      maybe: count(eventId, 'maybe'),
      waitlist: count(eventId, 'waitlist'),
    }));
  }

  async silent(
    campaignId: number,
    before: Date,
    limit: number,
  ): Promise<{ total: number; supporters: Supporter[] }> {
    // Only people who consented have a last-seen time, so this is registered supporters.
    const where = { campaignId, status: 'active', lastActiveAt: { lt: before } };
    const [total, rows] = await Promise.all([
      this.db.supporter.count({ where }),
      this.db.supporter.findMany({
        where,
        include: withTags,
        orderBy: [{ lastActiveAt: 'desc' }, { id: 'asc' }],
        take: limit,
      }),
    ]);
    return { total, supporters: rows.map(toSupporter) };
  }

  async organizers(
    campaignId: number,
    admins: readonly { platform: string; externalId: string }[],
  ): Promise<number[]> {
    const rows = await this.db.supporter.findMany({
      where: {
        campaignId,
        status: { not: 'erased' },
        OR: [
          { role: { in: ['admin', 'organizer'] } },
          ...(admins.length > 0 ? [{ identities: { some: { OR: [...admins] } } }] : []),
        ],
      },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    return rows.map((row) => row.id);
  }
}

const DAY_MS = 86_400_000;

/**
 * Supporters (not erased) last active at or after `since`: the kept counts of the whole UTC days
 * after the day of `since` (at most a month of rows, kept by database triggers on Supporter),
 * plus an indexed count of that day's own part from `since` on.
 */
async function activeSinceCount(db: DbClient, campaignId: number, since: Date): Promise<number> {
  const day = Math.floor(since.getTime() / DAY_MS);
  const [later, boundary] = await Promise.all([
    db.supporterActivity.aggregate({
      where: { campaignId, day: { gt: day } },
      _sum: { supporters: true },
    }),
    db.supporter.count({
      where: {
        campaignId,
        status: { in: LIVE },
        lastActiveAt: { gte: since, lt: new Date((day + 1) * DAY_MS) },
      },
    }),
  ]);
  return (later._sum.supporters ?? 0) + boundary;
}

/**
 * How many supporters had registered (given consent; erasure clears it) before each instant: the
 * kept counts of the whole UTC days before its day (one row a day, kept by database triggers on
 * Supporter), plus an indexed count of its own day up to it. Two queries over day rows (those
 * before the first instant summed by the database, those between the instants listed) and one
 * short range count per instant not on a midnight, whatever the size of the campaign.
 */
async function registeredBefore(
  db: DbClient,
  campaignId: number,
  instants: readonly Date[],
): Promise<number[]> {
  if (instants.length === 0) return [];
  const dayOf = (at: Date) => Math.floor(at.getTime() / DAY_MS);
  const times = [...new Set(instants.map((at) => at.getTime()))];
  const first = dayOf(new Date(Math.min(...times)));
  const last = dayOf(new Date(Math.max(...times)));
  const [earlier, days, partial] = await Promise.all([
    db.supporterRegistration.aggregate({
      where: { campaignId, day: { lt: first } },
      _sum: { supporters: true },
    }),
    db.supporterRegistration.findMany({
      where: { campaignId, day: { gte: first, lt: last } },
      select: { day: true, supporters: true },
    }),
    Promise.all(
      times.map((time) => {
        const midnight = dayOf(new Date(time)) * DAY_MS;
        return time === midnight
          ? 0
          : db.supporter.count({
              where: { campaignId, consentAt: { gte: new Date(midnight), lt: new Date(time) } },
            });
      }),
    ),
  ]);
  const within = new Map(times.map((time, i) => [time, partial[i]!]));
  return instants.map((at) => {
    const day = dayOf(at);
    const whole = days.reduce((sum, row) => (row.day < day ? sum + row.supporters : sum), 0);
    return (earlier._sum.supporters ?? 0) + whole + within.get(at.getTime())!;
  });
}

function attendanceOf(
  rows: readonly { attendance: string | null; _count: { _all: number } }[],
): AttendanceCount {
  const sum = (match: (attendance: string | null) => boolean) =>
    rows.filter((row) => match(row.attendance)).reduce((total, row) => total + row._count._all, 0);
  return {
    said: sum(() => true),
    came: sum((attendance) => attendance === 'attended'),
    noShow: sum((attendance) => attendance === 'no_show'),
  };
}
