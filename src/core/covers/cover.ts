import type { Campaign } from '../campaigns/campaign.types.ts';
import type { CoreDeps } from '../deps.ts';
import { DomainError } from '../errors.ts';
import { type CampaignEvent, type Rsvp, type RsvpAnswer, shownId } from '../events/event.types.ts';
import {
  announcePromotions,
  assertTakesAnswers,
  recordRsvp,
  syncSupporterReminders,
} from '../events/rsvp.ts';
import { assertMayHoldShift } from '../events/shifts.ts';
import { notificationKey } from '../notifications/notification-keys.ts';
import type { Store } from '../ports.ts';
import type { CoverKind, CoverRequest } from './cover.types.ts';
import { seatsTaken, sendWave, WAVE_SIZE } from './cover-waves.ts';

/** A cover asked for: the request, and how many people its first wave reaches. */
export interface CoverStarted {
  event: CampaignEvent;
  cover: CoverRequest;
  offered: number;
}

/** Hand-outs reach at least a wave of the default size, more when more seats are free. */
const MAX_WAVE = 50;

/**
 * After someone holding a seat answered no: within the campaign's cover window, when no one
 * waited for the seat (it is still free), offers it to matching volunteers. Null otherwise.
 */
export async function coverAfterCancel(
  deps: CoreDeps,
  campaign: Campaign,
  event: CampaignEvent,
  requesterId: number,
): Promise<CoverStarted | null> {
  const now = deps.clock.now();
  const window = campaign.coverWindowMinutes;
  if (window === null || event.capacity === null || event.yesCount >= event.capacity) return null;
  const ahead = event.startsAt.getTime() - now.getTime();
  if (ahead <= 0 || ahead > window * 60_000) return null;
  return deps.store.transaction((store) =>
    startCover(store, campaign, event, { kind: 'cancel', requesterId, seats: 1 }, now),
  );
}

/**
 * After any answer: a changed answer ends the covers the supporter asked for at this event, and
 * a yes turned into a no asks for cover (see {@link coverAfterCancel}).
 */
export async function coverAfterAnswer(
  deps: CoreDeps,
  campaign: Campaign,
  answered: { event: CampaignEvent; rsvp: Rsvp },
  before: RsvpAnswer | null,
): Promise<CoverStarted | null> {
  const { event, rsvp } = answered;
  if (rsvp.answer === before) return null;
  await deps.store.covers.close(campaign.id, event.id, rsvp.supporterId);
  if (before !== 'yes' || rsvp.answer !== 'no') return null;
  return coverAfterCancel(deps, campaign, event, rsvp.supporterId);
}

/**
 * `/event swap`: asks others to take the seat while the requester keeps it until someone does.
 * With people waiting, the first of them gets it at once (the answer says so: `waitlisted`).
 */
export async function requestSwap(
  deps: CoreDeps,
  campaign: Campaign,
  event: CampaignEvent,
  requesterId: number,
): Promise<CoverStarted | { waitlisted: true; event: CampaignEvent }> {
  const now = deps.clock.now();
  assertTakesAnswers(event, now);
  const rsvp = await deps.store.events.findRsvp(campaign.id, event.id, requesterId);
  if (rsvp?.answer !== 'yes') throw new DomainError('COVER_NOT_GOING', notGoing(event));
  const waiting = await deps.store.events.listRsvps(campaign.id, {
    eventId: event.id,
    answers: ['waitlist'],
  });
  if (waiting.length > 0) {
    const result = await recordRsvp(deps, campaign, event.id, requesterId, 'no');
    return { waitlisted: true, event: result.event };
  }
  return deps.store.transaction(async (store) => {
    await store.covers.close(campaign.id, event.id, requesterId);
    return startCover(store, campaign, event, { kind: 'swap', requesterId, seats: 1 }, now);
  });
}

/**
 * `/event handout`: offers the free seats of an event or shift to matching volunteers, one wave
 * now and more while seats stay free. Replaces an earlier hand-out of the same seats.
 */
export async function handOutSeats(
  deps: CoreDeps,
  campaign: Campaign,
  event: CampaignEvent,
): Promise<CoverStarted> {
  const now = deps.clock.now();
  assertTakesAnswers(event, now);
  const free = event.capacity === null ? 0 : event.capacity - event.yesCount;
  if (free <= 0) {
    throw new DomainError('COVER_NO_FREE_SEATS', { id: shownId(event), title: event.title });
  }
  return deps.store.transaction(async (store) => {
    await store.covers.close(campaign.id, event.id, null);
    return startCover(
      store,
      campaign,
      event,
      { kind: 'handout', requesterId: null, seats: free },
      now,
    );
  });
}

async function startCover(
  store: Store,
  campaign: Campaign,
  event: CampaignEvent,
  input: { kind: CoverKind; requesterId: number | null; seats: number },
  now: Date,
): Promise<CoverStarted> {
  const waveSize = Math.min(MAX_WAVE, Math.max(WAVE_SIZE, input.seats));
  const cover = await store.covers.create(campaign.id, { eventId: event.id, ...input, waveSize });
  const offered = await sendWave(store, campaign, cover, event, now);
  return { event, cover: (await store.covers.findById(campaign.id, cover.id)) ?? cover, offered };
}

/** What pressing "Take this seat" came to. */
export interface SeatTaken {
  event: CampaignEvent;
  rsvp: Rsvp;
}

/**
 * "Take this seat": the first press wins through one conditional update on the cover; a later
 * one is told the seat is taken. Refused before anything is written: after the start, to
 * someone already going, or holding an overlapping shift or lacking the shift's tag. A swap
 * moves the requester's seat to the taker and tells the requester.
 */
export function takeSeat(
  deps: CoreDeps,
  campaign: Campaign,
  coverId: number,
  supporterId: number,
): Promise<SeatTaken> {
  const now = deps.clock.now();
  return deps.store.transaction(async (store) => {
    const cover = await store.covers.findById(campaign.id, coverId);
    const event = cover && (await store.events.findById(campaign.id, cover.eventId));
    if (!cover || !event) throw new DomainError('COVER_GONE');
    const params = { id: shownId(event), title: event.title };
    if (event.status !== 'cancelled' && event.startsAt <= now) {
      throw new DomainError('COVER_STARTED', params);
    }
    assertTakesAnswers(event, now);
    const current = await store.events.findRsvp(campaign.id, event.id, supporterId);
    if (current?.answer === 'yes' || cover.requesterId === supporterId) {
      throw new DomainError('COVER_ALREADY_GOING', params);
    }
    const supporter = await store.supporters.findById(campaign.id, supporterId);
    if (supporter) await assertMayHoldShift(store, event, supporter);
    if (seatsTaken(cover, event) || !(await store.covers.take(campaign.id, cover.id))) {
      throw new DomainError('COVER_TAKEN', params);
    }
    if (cover.kind === 'swap' && cover.requesterId !== null) {
      await giveUpSeat(store, campaign, event, cover.requesterId, now);
      await store.notifications.enqueue(campaign.id, [
        {
          kind: 'cover_taken',
          key: notificationKey('cover_taken', cover.id, cover.requesterId),
          recipientId: cover.requesterId,
          eventId: event.id,
          dueAt: now,
          payload: { coverId: cover.id, takerId: supporterId },
        },
      ]);
    }
    const change = await store.events.answer(campaign.id, event.id, supporterId, 'yes', now);
    await syncSupporterReminders(store, campaign, event, change.rsvp, now);
    return {
      event: (await store.events.findById(campaign.id, event.id)) ?? event,
      rsvp: change.rsvp,
    };
  });
}

/** The requester of a swap answers no; anyone promoted from the waitlist is told. */
async function giveUpSeat(
  store: Store,
  campaign: Campaign,
  event: CampaignEvent,
  requesterId: number,
  now: Date,
): Promise<void> {
  const change = await store.events.answer(campaign.id, event.id, requesterId, 'no', now);
  await syncSupporterReminders(store, campaign, event, change.rsvp, now);
  await announcePromotions(store, campaign, event, change.promoted, now);
}

function notGoing(event: CampaignEvent) {
  const shift = event.parentId === null ? '' : ` shift:${event.shiftNumber}`;
  return {
    id: shownId(event),
    title: event.title,
    example: `/event rsvp ${event.parentId ?? event.id} yes${shift}`,
  };
}
