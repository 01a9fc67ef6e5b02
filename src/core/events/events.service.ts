import type { Campaign } from '../campaigns/campaign.types.ts';
import { type CoverStarted, coverAfterAnswer } from '../covers/cover.ts';
import type { CoreDeps } from '../deps.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import type {
  Attendance,
  Attendee,
  CampaignEvent,
  EventPatch,
  NewEvent,
  Rsvp,
  RsvpChoice,
} from './event.types.ts';
import { shownId } from './event.types.ts';
import { cancelEvent, type EventChange, editEvent } from './event-changes.ts';
import { assertEndsAfterStart } from './event-input.ts';
import { CONCERNED_ANSWERS } from './event-reminders.ts';
import { eventsToIcs } from './ics.ts';
import { type RsvpResult, recordRsvp } from './rsvp.ts';
import { addShift, removeShift, requireShift, type ShiftDraft, shiftHours } from './shifts.ts';

/** An event with its shifts (none for an event without). */
export interface EventWithShifts {
  event: CampaignEvent;
  shifts: CampaignEvent[];
}

/** What an organizer gives for a new event; the zone is the campaign's. */
export type EventDraft = Omit<NewEvent, 'timezone' | 'createdById'>;

/** Events: scheduling, RSVPs with capacity and waitlist, attendance and calendar files. */
export class EventsService {
  constructor(private readonly deps: CoreDeps) {}

  /** An iCalendar file (`text/calendar`) of every scheduled event of the campaign not yet over. */
  async calendar(campaignId: number): Promise<string> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const campaign = await store.campaigns.findById(campaignId);
    const events = await store.events.listUpcoming(campaignId, now);
    return eventsToIcs(events, { stamp: now, name: campaign?.name });
  }

  /** One event of the campaign and an iCalendar file holding it. */
  async eventCalendar(
    campaignId: number,
    eventId: number,
  ): Promise<{ event: CampaignEvent; ics: string }> {
    const event = await this.get(campaignId, eventId);
    return { event, ics: eventsToIcs([event], { stamp: this.deps.clock.now() }) };
  }

  /** The event with this number in the campaign, or null. */
  find(campaignId: number, eventId: number): Promise<CampaignEvent | null> {
    return this.deps.store.events.findById(campaignId, eventId);
  }

  /** The event with this number in the campaign; `event.not_found` otherwise. */
  async get(campaignId: number, eventId: number): Promise<CampaignEvent> {
    const event = await this.find(campaignId, eventId);
    if (!event) throw new NotFoundError('event', eventId);
    return event;
  }

  /** Scheduled events (not their shifts) that have not started yet, soonest first. */
  async upcoming(campaignId: number): Promise<CampaignEvent[]> {
    return (await this.listing(campaignId)).map(({ event }) => event);
  }

  /** Scheduled events that have not started yet, soonest first, each with its shifts to come. */
  async listing(campaignId: number): Promise<EventWithShifts[]> {
    const now = this.deps.clock.now();
    const all = await this.deps.store.events.listUpcoming(campaignId, now);
    return all
      .filter((event) => event.parentId === null && event.startsAt.getTime() > now.getTime())
      .map((event) => ({
        event,
        shifts: all
          .filter((shift) => shift.parentId === event.id)
          .sort((a, b) => (a.shiftNumber ?? 0) - (b.shiftNumber ?? 0)),
      }));
  }

  /** The scheduled shifts of an event, by number. */
  async shifts(campaignId: number, eventId: number): Promise<CampaignEvent[]> {
    const shifts = await this.deps.store.events.listShifts(campaignId, eventId);
    return shifts.filter((shift) => shift.status === 'scheduled');
  }

  /** Adds a shift to an event (see `addShift`). */
  addShift(campaign: Campaign, eventId: number, draft: ShiftDraft): Promise<CampaignEvent> {
    return addShift(this.deps, campaign, eventId, draft);
  }

  /** Cancels a shift of an event, telling everyone who answered it. */
  removeShift(campaign: Campaign, eventId: number, shiftNumber: number): Promise<EventChange> {
    return removeShift(this.deps, campaign, eventId, shiftNumber);
  }

  /**
   * What a command is about: the event, or shift `shiftNumber` of it. Where an event with shifts
   * is acted on per shift, `usage` is the command line without a shift (`/event rsvp 12 yes`),
   * and naming none is refused with the list of shifts; `usage` null takes the whole event.
   */
  async target(
    campaignId: number,
    eventId: number,
    shiftNumber?: number,
    usage: string | null = `/event rsvp ${eventId} yes`,
  ): Promise<CampaignEvent> {
    const { store } = this.deps;
    if (shiftNumber !== undefined) return requireShift(store, campaignId, eventId, shiftNumber);
    const event = await this.get(campaignId, eventId);
    if (event.parentId !== null) return event;
    const open = await this.shifts(campaignId, eventId);
    if (open.length === 0 || usage === null) return event;
    throw new DomainError('EVENT_CHOOSE_SHIFT', {
      id: event.id,
      shifts: open.map((s) => `${s.shiftNumber} (${s.label ?? shiftHours(s)})`).join(', '),
      example: `${usage} shift:${open[0]!.shiftNumber}`,
    });
  }

  /** Events not over yet that the supporter said yes or maybe to, or waits for, with the answer. */
  async mine(
    campaignId: number,
    supporterId: number,
  ): Promise<{ event: CampaignEvent; rsvp: Rsvp }[]> {
    const { store, clock } = this.deps;
    const rsvps = await store.events.listRsvps(campaignId, {
      supporterId,
      answers: [...CONCERNED_ANSWERS],
    });
    const events = await store.events.listUpcoming(campaignId, clock.now());
    return events.flatMap((event) => {
      const rsvp = rsvps.find((r) => r.eventId === event.id);
      return rsvp ? [{ event, rsvp }] : [];
    });
  }

  /** Schedules an event in the campaign's zone; refuses one ending before it starts. */
  create(
    campaign: Campaign,
    draft: EventDraft,
    createdById: number | null,
  ): Promise<CampaignEvent> {
    const frame = { zone: campaign.timezone, locale: campaign.locale };
    assertEndsAfterStart(draft.startsAt, draft.endsAt, frame);
    return this.deps.store.events.create(campaign.id, {
      ...draft,
      timezone: campaign.timezone,
      createdById,
    });
  }

  /**
   * Edits an event, moving reminders and telling people who answered when it matters. A
   * capacity below the people going needs `confirm` (the last to answer move to the waitlist).
   */
  edit(
    campaign: Campaign,
    eventId: number,
    patch: EventPatch,
    options: { confirm?: boolean } = {},
  ): Promise<EventChange> {
    return editEvent(this.deps, campaign, eventId, patch, options);
  }

  /** Cancels an event, skipping its reminders and telling everyone who answered. */
  cancel(campaign: Campaign, eventId: number, reason: string | null): Promise<EventChange> {
    return cancelEvent(this.deps, campaign, eventId, reason);
  }

  /**
   * Records a supporter's yes, maybe or no to an event or one of its shifts (a yes to a full
   * one joins the waitlist); a seat given up close to the start is offered to others (`cover`).
   */
  async rsvp(
    campaign: Campaign,
    eventId: number,
    supporterId: number,
    choice: RsvpChoice,
    shiftNumber?: number,
  ): Promise<RsvpResult & { cover?: CoverStarted }> {
    const target = await this.target(campaign.id, eventId, shiftNumber);
    const before = await this.deps.store.events.findRsvp(campaign.id, target.id, supporterId);
    const result = await recordRsvp(this.deps, campaign, target.id, supporterId, choice);
    const cover = await coverAfterAnswer(this.deps, campaign, result, before?.answer ?? null);
    return cover ? { ...result, cover } : result;
  }

  /** The event and every answer to it, oldest first, with who gave it. */
  async attendees(
    campaignId: number,
    eventId: number,
  ): Promise<{ event: CampaignEvent; attendees: Attendee[] }> {
    const event = await this.get(campaignId, eventId);
    return { event, attendees: await this.deps.store.events.attendees(campaignId, eventId) };
  }

  /**
   * Records that a supporter came or did not. Someone who came without answering is added as
   * a walk-in; a no-show needs an earlier answer.
   */
  async checkin(
    campaignId: number,
    eventId: number,
    supporterId: number,
    attendance: Attendance,
  ): Promise<{ event: CampaignEvent; rsvp: Rsvp }> {
    const { store, clock } = this.deps;
    const event = await this.get(campaignId, eventId);
    const params = { id: shownId(event), title: event.title };
    if (event.status === 'cancelled') throw new DomainError('EVENT_CANCELLED', params);
    const answered = await store.events.findRsvp(campaignId, eventId, supporterId);
    if (!answered && attendance === 'no_show') throw new DomainError('EVENT_NOT_ANSWERED', params);
    const rsvp = await store.events.setAttendance(
      campaignId,
      eventId,
      supporterId,
      attendance,
      clock.now(),
    );
    return { event, rsvp };
  }
}
