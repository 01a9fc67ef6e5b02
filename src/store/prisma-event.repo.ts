import { NotFoundError } from '../core/errors.ts';
import type {
  Attendance,
  Attendee,
  CampaignEvent,
  EventPatch,
  EventStatus,
  NewEvent,
  Rsvp,
  RsvpAnswer,
  RsvpChange,
  RsvpChoice,
} from '../core/events/event.types.ts';
import type { ReminderSlot } from '../core/events/event-reminders.ts';
import type { NewNotification } from '../core/notifications/notification.types.ts';
import type { EventRepo } from '../core/ports.ts';
import type { Event as EventRow, Rsvp as RsvpRow } from '../generated/sqlite/client.ts';
import { atomically, type DbClient, isRecordMissing } from './prisma-client.ts';
import { syncReminderRows } from './prisma-event-reminders.ts';
import { rescheduleReminderRows } from './prisma-reminder-sync.ts';

/** Fields a calendar shows: changing one raises the event's sequence. */
const CALENDAR_FIELDS = [
  'title',
  'description',
  'location',
  'startsAt',
  'endsAt',
  'status',
] as const satisfies readonly (keyof EventPatch)[];

/** Events and the RSVPs to them. */
export class PrismaEventRepo implements EventRepo {
  constructor(private readonly db: DbClient) {}

  async create(campaignId: number, input: NewEvent): Promise<CampaignEvent> {
    return toEvent(await this.db.event.create({ data: { campaignId, ...input } }));
  }

  async findById(campaignId: number, id: number): Promise<CampaignEvent | null> {
    const row = await this.db.event.findFirst({ where: { id, campaignId } });
    return row && toEvent(row);
  }

  async listForCalendar(
    campaignId: number,
    filter: { endsAfter: Date; eventIds?: number[]; shifts: boolean },
  ): Promise<CampaignEvent[]> {
    const rows = await this.db.event.findMany({
      where: {
        campaignId,
        endsAt: { gt: filter.endsAfter },
        ...(filter.eventIds && { id: { in: filter.eventIds } }),
        ...(!filter.shifts && { parentId: null }),
      },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toEvent);
  }

  async listUpcoming(campaignId: number, from: Date): Promise<CampaignEvent[]> {
    const rows = await this.db.event.findMany({
      where: { campaignId, status: 'scheduled', endsAt: { gt: from } },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toEvent);
  }

  async startingAfter(
    campaignId: number,
    from: Date,
    limit: number,
  ): Promise<{ events: CampaignEvent[]; total: number }> {
    // Both walk the index (campaignId, status, startsAt): a page, not every coming event.
    const where = { campaignId, status: 'scheduled', startsAt: { gt: from } };
    const [rows, total] = await Promise.all([
      this.db.event.findMany({ where, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], take: limit }),
      this.db.event.count({ where }),
    ]);
    return { events: rows.map(toEvent), total };
  }

  async listShifts(campaignId: number, parentId: number): Promise<CampaignEvent[]> {
    const rows = await this.db.event.findMany({
      where: { campaignId, parentId },
      orderBy: { shiftNumber: 'asc' },
    });
    return rows.map(toEvent);
  }

  async findShift(
    campaignId: number,
    parentId: number,
    shiftNumber: number,
  ): Promise<CampaignEvent | null> {
    const row = await this.db.event.findFirst({ where: { campaignId, parentId, shiftNumber } });
    return row && toEvent(row);
  }

  async heldShifts(
    campaignId: number,
    supporterId: number,
    from: Date,
    to: Date,
  ): Promise<CampaignEvent[]> {
    const rows = await this.db.event.findMany({
      where: {
        campaignId,
        parentId: { not: null },
        status: 'scheduled',
        startsAt: { lt: to },
        endsAt: { gt: from },
        rsvps: { some: { supporterId, answer: { in: ['yes', 'waitlist'] } } },
      },
      orderBy: { startsAt: 'asc' },
    });
    return rows.map(toEvent);
  }

  demote(campaignId: number, eventId: number, count: number): Promise<Rsvp[]> {
    return atomically(this.db, async (tx) => {
      const last = await tx.rsvp.findMany({
        where: { campaignId, eventId, answer: 'yes' },
        orderBy: [{ answeredAt: 'desc' }, { id: 'desc' }],
        take: count,
      });
      if (last.length === 0) return [];
      await tx.rsvp.updateMany({
        where: { id: { in: last.map((r) => r.id) } },
        data: { answer: 'waitlist' },
      });
      await tx.event.update({
        where: { id: eventId },
        data: { yesCount: { decrement: last.length } },
      });
      return last.map((row) => ({ ...toRsvp(row), answer: 'waitlist' as const }));
    });
  }

  async hostsAny(campaignId: number, supporterId: number): Promise<boolean> {
    return (await this.db.event.count({ where: { campaignId, hostId: supporterId } })) > 0;
  }

  async update(campaignId: number, id: number, patch: EventPatch): Promise<CampaignEvent> {
    const shown = CALENDAR_FIELDS.some((field) => patch[field] !== undefined);
    const data = shown ? { ...patch, sequence: { increment: 1 } } : patch;
    try {
      return toEvent(await this.db.event.update({ where: { id, campaignId }, data }));
    } catch (error) {
      if (isRecordMissing(error)) throw new NotFoundError('event', id);
      throw error;
    }
  }

  async findRsvp(campaignId: number, eventId: number, supporterId: number): Promise<Rsvp | null> {
    const row = await this.db.rsvp.findFirst({ where: { campaignId, eventId, supporterId } });
    return row && toRsvp(row);
  }

  async listRsvps(
    campaignId: number,
    filter: { eventId?: number; supporterId?: number; answers?: RsvpAnswer[] },
  ): Promise<Rsvp[]> {
    const rows = await this.db.rsvp.findMany({
      where: {
        campaignId,
        ...(filter.eventId !== undefined && { eventId: filter.eventId }),
        ...(filter.supporterId !== undefined && { supporterId: filter.supporterId }),
        ...(filter.answers && { answer: { in: filter.answers } }),
      },
      orderBy: [{ answeredAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toRsvp);
  }

  async attendees(campaignId: number, eventId: number): Promise<Attendee[]> {
    const rows = await this.db.rsvp.findMany({
      where: { campaignId, eventId },
      include: {
        supporter: {
          select: {
            displayName: true,
            identities: { where: { username: { not: null } }, select: { username: true } },
          },
        },
      },
      orderBy: [{ answeredAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((row) => ({
      ...toRsvp(row),
      displayName: row.supporter.displayName,
      username: row.supporter.identities[0]?.username ?? null,
    }));
  }

  answer(
    campaignId: number,
    eventId: number,
    supporterId: number,
    answer: RsvpChoice,
    at: Date,
  ): Promise<RsvpChange> {
    return atomically(this.db, async (tx) => {
      await requireEvent(tx, campaignId, eventId);
      const existing = await tx.rsvp.findUnique({
        where: { eventId_supporterId: { eventId, supporterId } },
      });
      const previous = (existing?.answer ?? null) as RsvpAnswer | null;
      let stored: RsvpAnswer = answer;
      if (answer === 'yes' && previous !== 'yes') {
        stored = (await takeSeat(tx, campaignId, eventId)) ? 'yes' : 'waitlist';
      }
      const freesSeat = previous === 'yes' && stored !== 'yes';
      if (freesSeat) {
        await tx.event.update({ where: { id: eventId }, data: { yesCount: { decrement: 1 } } });
      }
      // The same answer again keeps its time, so a waitlisted supporter keeps their place.
      const row =
        existing && previous === stored
          ? existing
          : existing
            ? await tx.rsvp.update({
                where: { id: existing.id },
                data: { answer: stored, answeredAt: at },
              })
            : await tx.rsvp.create({
                data: { campaignId, eventId, supporterId, answer: stored, answeredAt: at },
              });
      const promoted = freesSeat ? await promoteIn(tx, campaignId, eventId, at) : [];
      return { rsvp: toRsvp(row), previous, promoted };
    });
  }

  promoteWaitlist(campaignId: number, eventId: number, at: Date): Promise<Rsvp[]> {
    return atomically(this.db, (tx) => promoteIn(tx, campaignId, eventId, at));
  }

  setAttendance(
    campaignId: number,
    eventId: number,
    supporterId: number,
    attendance: Attendance,
    at: Date,
  ): Promise<Rsvp> {
    return atomically(this.db, async (tx) => {
      await requireEvent(tx, campaignId, eventId);
      const existing = await tx.rsvp.findUnique({
        where: { eventId_supporterId: { eventId, supporterId } },
      });
      if (existing) {
        return toRsvp(await tx.rsvp.update({ where: { id: existing.id }, data: { attendance } }));
      }
      // Someone who came without answering still counts as present, even past capacity.
      await tx.event.update({ where: { id: eventId }, data: { yesCount: { increment: 1 } } });
      const row = await tx.rsvp.create({
        data: { campaignId, eventId, supporterId, answer: 'yes', attendance, answeredAt: at },
      });
      return toRsvp(row);
    });
  }

  syncReminders(
    campaignId: number,
    eventId: number,
    rows: NewNotification[],
    scope: { recipientId?: number },
    reason: string,
  ): Promise<void> {
    return atomically(this.db, (tx) =>
      syncReminderRows(tx, { campaignId, eventId, ...scope }, rows, reason),
    );
  }

  rescheduleReminders(
    target: { campaignId: number; eventId: number },
    slots: readonly ReminderSlot[],
    answers: readonly RsvpAnswer[],
    reason: string,
  ): Promise<void> {
    return rescheduleReminderRows(this.db, target, slots, answers, reason);
  }
}

async function requireEvent(tx: DbClient, campaignId: number, eventId: number): Promise<void> {
  const found = await tx.event.findFirst({
    where: { id: eventId, campaignId },
    select: { id: true },
  });
  if (!found) throw new NotFoundError('event', eventId);
}

/** One conditional write, so concurrent answers cannot fill more seats than there are. */
async function takeSeat(tx: DbClient, campaignId: number, eventId: number): Promise<boolean> {
  const taken = await tx.event.updateMany({
    where: {
      id: eventId,
      campaignId,
      OR: [{ capacity: null }, { yesCount: { lt: tx.event.fields.capacity } }],
    },
    data: { yesCount: { increment: 1 } },
  });
  return taken.count > 0;
}

/** Gives free seats to waitlisted supporters, longest waiting first. */
async function promoteIn(
  tx: DbClient,
  campaignId: number,
  eventId: number,
  at: Date,
): Promise<Rsvp[]> {
  const promoted: Rsvp[] = [];
  for (;;) {
    const next = await tx.rsvp.findFirst({
      where: { campaignId, eventId, answer: 'waitlist' },
      orderBy: [{ answeredAt: 'asc' }, { id: 'asc' }],
    });
    if (!next || !(await takeSeat(tx, campaignId, eventId))) return promoted;
    const row = await tx.rsvp.update({
      where: { id: next.id },
      data: { answer: 'yes', answeredAt: at },
    });
    promoted.push(toRsvp(row));
  }
}

/** A stored event row as the core's event. */
export function toEvent(row: EventRow): CampaignEvent {
  return {
    id: row.id,
    campaignId: row.campaignId,
    title: row.title,
    description: row.description,
    location: row.location,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timezone: row.timezone,
    capacity: row.capacity,
    reminderOffsets: row.reminderOffsets,
    hostId: row.hostId,
    status: row.status as EventStatus,
    cancelReason: row.cancelReason,
    yesCount: row.yesCount,
    createdById: row.createdById,
    parentId: row.parentId,
    shiftNumber: row.shiftNumber,
    label: row.label,
    requiredTag: row.requiredTag,
    sequence: row.sequence,
    seriesId: row.seriesId,
    occurrenceStart: row.occurrenceStart,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toRsvp(row: RsvpRow): Rsvp {
  return {
    id: row.id,
    campaignId: row.campaignId,
    eventId: row.eventId,
    supporterId: row.supporterId,
    answer: row.answer as RsvpAnswer,
    attendance: row.attendance as Attendance | null,
    answeredAt: row.answeredAt,
  };
}
