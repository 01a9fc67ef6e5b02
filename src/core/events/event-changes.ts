import type { Campaign } from '../campaigns/campaign.types.ts';
import type { CoreDeps } from '../deps.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import type { FanOutStart } from '../notifications/fan-out.ts';
import type { Store } from '../ports.ts';
import type { CampaignEvent, EventPatch } from './event.types.ts';
import {
  CONCERNED_ANSWERS,
  REMINDED_ANSWERS,
  reminderOffsets,
  reminderRows,
} from './event-reminders.ts';
import { announcePromotions } from './rsvp.ts';

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
): Promise<EventChange> {
  const now = deps.clock.now();
  return afterNotices(deps, async (store) => {
    const before = await changeableEvent(store, campaign.id, eventId, now);
    let event = await store.events.update(campaign.id, eventId, patch);
    const promoted =
      patch.capacity !== undefined
        ? await store.events.promoteWaitlist(campaign.id, eventId, now)
        : [];
    if (promoted.length > 0) {
      event = (await store.events.findById(campaign.id, eventId)) ?? event;
      await announcePromotions(store, campaign, event, promoted, now);
    }
    const moved = event.startsAt.getTime() !== before.startsAt.getTime();
    if (moved || event.reminderOffsets !== before.reminderOffsets) {
      await syncEventReminders(store, campaign, event, now);
    }
    const changed = NOTICEABLE.filter(
      (field) => JSON.stringify(event[field]) !== JSON.stringify(before[field]),
    );
    if (changed.length === 0) return { event, notices: null };
    const payload = { changed, previousStartsAt: before.startsAt.toISOString() };
    const notices = await notifyConcerned(deps, store, event, 'event_changed', now, payload);
    return { event, notices };
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
    return { event, notices };
  });
}

/** Runs a change in one transaction, then has its notices written on if they were many. */
async function afterNotices(
  deps: CoreDeps,
  work: (store: Store) => Promise<{ event: CampaignEvent; notices: FanOutStart | null }>,
): Promise<EventChange> {
  const { event, notices } = await deps.store.transaction(work);
  if (notices) deps.fanOuts.afterCommit(notices);
  return { event, notified: notices?.total ?? 0 };
}

/** The event, when it may still be edited or cancelled: not cancelled and not over. */
async function changeableEvent(
  store: Store,
  campaignId: number,
  eventId: number,
  now: Date,
): Promise<CampaignEvent> {
  const event = await store.events.findById(campaignId, eventId);
  if (!event) throw new NotFoundError('event', eventId);
  const params = { id: event.id, title: event.title };
  if (event.status === 'cancelled') throw new DomainError('EVENT_CANCELLED', params);
  if (event.endsAt.getTime() <= now.getTime()) throw new DomainError('EVENT_OVER', params);
  return event;
}

/** Reschedules the reminders of everyone who answered yes or maybe. */
async function syncEventReminders(
  store: Store,
  campaign: Campaign,
  event: CampaignEvent,
  now: Date,
): Promise<void> {
  const offsets = reminderOffsets(event, campaign);
  const rsvps = await store.events.listRsvps(campaign.id, {
    eventId: event.id,
    answers: [...REMINDED_ANSWERS],
  });
  const rows = rsvps.flatMap((rsvp) => reminderRows(event, offsets, rsvp.supporterId, now));
  await store.events.syncReminders(campaign.id, event.id, rows, {}, 'event_rescheduled');
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
