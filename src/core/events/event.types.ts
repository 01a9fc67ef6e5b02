export const EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const RSVP_ANSWERS = ['yes', 'maybe', 'no', 'waitlist'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

export const ATTENDANCES = ['attended', 'no_show'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

/** A gathering with a start and end instant (UTC) and the zone it is held in. */
export interface CampaignEvent {
  id: number;
  campaignId: number;
  title: string;
  description: string | null;
  location: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  capacity: number | null;
  /** e.g. "24h,2h"; null = the campaign's defaults. */
  reminderOffsets: string | null;
  hostId: number | null;
  status: EventStatus;
  cancelReason: string | null;
  yesCount: number;
  createdById: number | null;
  /** The event this one is a shift of; null for an event. */
  parentId: number | null;
  /** A shift's number within its event (1, 2, ...); null for an event. */
  shiftNumber: number | null;
  /** A shift's label, e.g. "Drivers". */
  label: string | null;
  /** Tag a supporter must hold to answer yes (shifts only). */
  requiredTag: string | null;
  /** Raised by every change a calendar shows (the ICS SEQUENCE). */
  sequence: number;
  /** The recurring series this event is an occurrence of; null otherwise. */
  seriesId: number | null;
  /** Its start by the series' rule (the ICS RECURRENCE-ID), kept when it alone moves. */
  occurrenceStart: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewEvent {
  title: string;
  description?: string | null;
  location?: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  capacity?: number | null;
  reminderOffsets?: string | null;
  hostId?: number | null;
  createdById?: number | null;
  parentId?: number | null;
  shiftNumber?: number | null;
  label?: string | null;
  requiredTag?: string | null;
  seriesId?: number | null;
  occurrenceStart?: Date | null;
}

export type EventPatch = Partial<
  Pick<
    CampaignEvent,
    | 'title'
    | 'description'
    | 'location'
    | 'startsAt'
    | 'endsAt'
    | 'timezone'
    | 'capacity'
    | 'reminderOffsets'
    | 'hostId'
    | 'status'
    | 'cancelReason'
    | 'requiredTag'
  >
>;

export interface Rsvp {
  id: number;
  campaignId: number;
  eventId: number;
  supporterId: number;
  answer: RsvpAnswer;
  attendance: Attendance | null;
  answeredAt: Date;
}

/** What a supporter may answer; `waitlist` is given by the assistant when the event is full. */
export type RsvpChoice = Exclude<RsvpAnswer, 'waitlist'>;

/** Outcome of answering: the stored RSVP, the answer it replaced, and who got a freed seat. */
export interface RsvpChange {
  rsvp: Rsvp;
  previous: RsvpAnswer | null;
  /** Waitlisted supporters moved to `yes` by this change. */
  promoted: Rsvp[];
}

/** An RSVP with who gave it, for organizer listings. */
export interface Attendee extends Rsvp {
  displayName: string | null;
  /** A platform username of the supporter, if any is known. */
  username: string | null;
}

/** How an event is shown: `12`, or `12.2` for shift 2 of event #12. */
export function shownId(event: Pick<CampaignEvent, 'id' | 'parentId' | 'shiftNumber'>): string {
  return event.parentId === null ? String(event.id) : `${event.parentId}.${event.shiftNumber}`;
}
