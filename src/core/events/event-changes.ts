import type { Campaign } from '../campaigns/campaign.types.ts';
import type { CoreDeps } from '../deps.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import type { FanOutStart } from '../notifications/fan-out.ts';
import type { Store } from '../ports.ts';
import { type CampaignEvent, type EventPatch, shownId } from './event.types.ts';
import {
  CONCERNED_ANSWERS,
  REMINDED_ANSWERS,
  reminderOffsets,
  reminderSlots,
} from './event-reminders.ts';
import { announcePromotions, syncSupporterReminders } from './rsvp.ts';
import { followParent } from './shifts.ts';

/** An event after a change, and how many people were told about it. */
export interface EventChange {
  event: CampaignEvent;
  notified: number;
}

/** Changes that people who answered are told about. */
const NOTICEABLE = ['startsAt', 'endsAt', 'location'] as const;

/**
 * Applies an edit in one transaction. A new start or new reminder offsets move the pending
 * reminders; a new start, end or place queues an `event_changed` notice to everyone who answered
 * yes, maybe or waitlist; more seats go to the waitlist, longest waiting first.
 */
export function editEvent(
  deps: CoreDeps,
  campaign: Campaign,
  eventId: number,
  patch: EventPatch,
  options: { confirm?: boolean } = {},
): Promise<EventChange> {
  const now = deps.clock.now();
  return afterNotices(deps, async (store) => {
    const before = await changeableEvent(store, campaign.id, eventId, now);
    const demoted = await seatsLost(store, before, patch.capacity, options.confirm ?? false);
    let event = await store.events.update(campaign.id, eventId, patch);
    for (const rsvp of await store.events.demote(campaign.id, eventId, demoted)) {
      await syncSupporterReminders(store, campaign, event, rsvp, now);
    }
    const promoted =
      patch.capacity !== undefined
        ? await store.events.promoteWaitlist(campaign.id, eventId, now)
        : [];
    if (promoted.length > 0 || demoted > 0) {
      event = (await store.events.findById(campaign.id, eventId)) ?? event;
      await announcePromotions(store, campaign, event, promoted, now);
    }
    const moved = event.startsAt.getTime() !== before.startsAt.getTime();
    if (moved || event.reminderOffsets !== before.reminderOffsets) {
      await syncEventReminders(store, campaign, event, now);
    }
    const shiftsTold = await followParent({ ...deps, store }, campaign, before, event);
    const changed = NOTICEABLE.filter(
      (field) => JSON.stringify(event[field]) !== JSON.stringify(before[field]),
    );
    if (changed.length === 0) return { event, notices: null, alsoTold: shiftsTold };
    const payload = { changed, previousStartsAt: before.startsAt.toISOString() };
    const notices = await notifyConcerned(deps, store, event, 'event_changed', now, payload);
    return { event, notices, alsoTold: shiftsTold };
  });
}

/**
 * How many people going would lose their seat to a lower capacity. Without `confirm` that is
 * refused with their names (the last to answer yes move to the waitlist).
 */
async function seatsLost(
  store: Store,
  event: CampaignEvent,
  capacity: number | null | undefined,
  confirm: boolean,
): Promise<number> {
  if (!capacity || capacity >= event.yesCount) return 0;
  const lost = event.yesCount - capacity;
  if (confirm) return lost;
  const going = (await store.events.attendees(event.campaignId, event.id))
    .filter((a) => a.answer === 'yes')
    .reverse()
    .slice(0, lost);
  const names = going.map(
    (a) => a.displayName ?? (a.username ? `@${a.username}` : `#${a.supporterId}`),
  );
  throw new DomainError('EVENT_CAPACITY_BELOW_GOING', {
    id: shownId(event),
    capacity,
    going: event.yesCount,
    moved: names.length,
    names: names.join(', '),
  });
}

/**
 * Cancels an event in one transaction: its pending reminders and notices are skipped and
 * everyone who answered yes, maybe or waitlist gets an `event_cancelled` notice.
 */
export function cancelEvent(
  deps: CoreDeps,
  campaign: Campaign,
  eventId: number,
  reason: string | null,
): Promise<EventChange> {
  const now = deps.clock.now();
  return afterNotices(deps, async (store) => {
    await changeableEvent(store, campaign.id, eventId, now);
    const event = await store.events.update(campaign.id, eventId, {
      status: 'cancelled',
      cancelReason: reason,
    });
    await store.notifications.skipPending(
      campaign.id,
      { eventId, kinds: ['event_reminder', 'event_changed', 'waitlist_promotion'] },
      'event_cancelled',
    );
    const payload = reason ? { reason } : {};
    const notices = await notifyConcerned(deps, store, event, 'event_cancelled', now, payload);
    let alsoTold = 0;
    for (const shift of await store.events.listShifts(campaign.id, eventId)) {
      if (shift.status !== 'scheduled' || shift.endsAt <= now) continue;
      alsoTold += (await cancelEvent({ ...deps, store }, campaign, shift.id, reason)).notified;
    }
    return { event, notices, alsoTold };
  });
}

/** Runs a change in one transaction, then has its notices written on if they were many. */
async function afterNotices(
  deps: CoreDeps,
  work: (
    store: Store,
  ) => Promise<{ event: CampaignEvent; notices: FanOutStart | null; alsoTold?: number }>,
): Promise<EventChange> {
  const { event, notices, alsoTold = 0 } = await deps.store.transaction(work);
  if (notices) deps.fanOuts.afterCommit(notices);
  // `alsoTold`: people told through the event's shifts.
  return { event, notified: (notices?.total ?? 0) + alsoTold };
}

/** The event, when it may still be edited or cancelled: not cancelled and not over. */
export async function changeableEvent(
  store: Store,
  campaignId: number,
  eventId: number,
  now: Date,
): Promise<CampaignEvent> {
  const event = await store.events.findById(campaignId, eventId);
  if (!event) throw new NotFoundError('event', eventId);
  const params = { id: shownId(event), title: event.title };
  if (event.status === 'cancelled') throw new DomainError('EVENT_CANCELLED', params);
  if (event.endsAt.getTime() <= now.getTime()) throw new DomainError('EVENT_OVER', params);
  return event;
}

/** Reschedules the reminders of everyone who answered yes or maybe, by the database in chunks. */
async function syncEventReminders(
  store: Store,
  campaign: Campaign,
  event: CampaignEvent,
  now: Date,
): Promise<void> {
  const slots = reminderSlots(event, reminderOffsets(event, campaign), now);
  await store.events.rescheduleReminders(
    { campaignId: campaign.id, eventId: event.id },
    slots,
    REMINDED_ANSWERS,
    'event_rescheduled',
  );
}

/** Tells everyone who answered yes, maybe or waitlist (however many: see FanOuts). */
function notifyConcerned(
  deps: CoreDeps,
  store: Store,
  event: CampaignEvent,
  kind: 'event_changed' | 'event_cancelled',
  now: Date,
  payload: Record<string, unknown>,
): Promise<FanOutStart> {
  return deps.fanOuts.start(store, event.campaignId, {
    kind,
    subject: event.id,
    // A change can happen several times (occurrence = when); a cancellation only once.
    occurrence: kind === 'event_changed' ? now.getTime() : 0,
    audience: { reachable: false, event: { id: event.id, answers: CONCERNED_ANSWERS } },
    eventId: event.id,
    dueAt: now,
    payload,
  });
}
