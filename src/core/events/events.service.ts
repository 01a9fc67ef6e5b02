import type { Campaign } from '../campaigns/campaign.types.ts';
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
import { cancelEvent, type EventChange, editEvent } from './event-changes.ts';
import { assertEndsAfterStart } from './event-input.ts';
import { CONCERNED_ANSWERS } from './event-reminders.ts';
import { eventsToIcs } from './ics.ts';
import { type RsvpResult, recordRsvp } from './rsvp.ts';

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

  /** Scheduled events that have not started yet, soonest first. */
  async upcoming(campaignId: number): Promise<CampaignEvent[]> {
    const now = this.deps.clock.now();
    const events = await this.deps.store.events.listUpcoming(campaignId, now);
    return events.filter((event) => event.startsAt.getTime() > now.getTime());
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

  /** Edits an event, moving reminders and telling people who answered when it matters. */
  edit(campaign: Campaign, eventId: number, patch: EventPatch): Promise<EventChange> {
    return editEvent(this.deps, campaign, eventId, patch);
  }

  /** Cancels an event, skipping its reminders and telling everyone who answered. */
  cancel(campaign: Campaign, eventId: number, reason: string | null): Promise<EventChange> {
    return cancelEvent(this.deps, campaign, eventId, reason);
  }

  /** Records a supporter's yes, maybe or no (a yes to a full event joins the waitlist). */
  rsvp(
    campaign: Campaign,
    eventId: number,
    supporterId: number,
    choice: RsvpChoice,
  ): Promise<RsvpResult> {
    return recordRsvp(this.deps, campaign, eventId, supporterId, choice);
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
    const params = { id: event.id, title: event.title };
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
