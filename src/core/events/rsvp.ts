import type { Campaign } from '../campaigns/campaign.types.ts';
import type { CoreDeps } from '../deps.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { notificationKey } from '../notifications/notification-keys.ts';
import type { Store } from '../ports.ts';
import { type CampaignEvent, type Rsvp, type RsvpChoice, shownId } from './event.types.ts';
import { REMINDED_ANSWERS, reminderOffsets, reminderRows } from './event-reminders.ts';
import { assertMayHoldShift } from './shifts.ts';

/** What a supporter's answer came to. */
export interface RsvpResult {
  event: CampaignEvent;
  rsvp: Rsvp;
  /** Place on the waiting list (1 = next in), when the answer became `waitlist`. */
  position?: number;
}

/**
 * Records a supporter's answer to an event with everything it implies, in one transaction:
 * the seat (or the waitlist when full), their reminders (kept for yes and maybe, skipped
 * otherwise) and, when a yes is withdrawn, the seat handed to the first waitlisted supporter
 * with a `waitlist_promotion` notice.
 */
export function recordRsvp(
  deps: CoreDeps,
  campaign: Campaign,
  eventId: number,
  supporterId: number,
  choice: RsvpChoice,
): Promise<RsvpResult> {
  const now = deps.clock.now();
  return deps.store.transaction(async (store) => {
    const event = await store.events.findById(campaign.id, eventId);
    if (!event) throw new NotFoundError('event', eventId);
    assertTakesAnswers(event, now);
    if (choice === 'yes') await assertMaySayYes(store, event, supporterId);
    const change = await store.events.answer(campaign.id, eventId, supporterId, choice, now);
    await syncSupporterReminders(store, campaign, event, change.rsvp, now);
    await announcePromotions(store, campaign, event, change.promoted, now);
    const current = (await store.events.findById(campaign.id, eventId)) ?? event;
    if (change.rsvp.answer !== 'waitlist') return { event: current, rsvp: change.rsvp };
    const waiting = await store.events.listRsvps(campaign.id, { eventId, answers: ['waitlist'] });
    const position = waiting.findIndex((r) => r.supporterId === supporterId) + 1;
    return { event: current, rsvp: change.rsvp, position };
  });
}

/** A new yes to a shift needs its tag and no overlapping shift held. */
async function assertMaySayYes(store: Store, event: CampaignEvent, supporterId: number) {
  if (event.parentId === null) return;
  const current = await store.events.findRsvp(event.campaignId, event.id, supporterId);
  if (current?.answer === 'yes' || current?.answer === 'waitlist') return;
  const supporter = await store.supporters.findById(event.campaignId, supporterId);
  if (supporter) await assertMayHoldShift(store, event, supporter);
}

/** Cancelled events and events already under way take no more answers. */
export function assertTakesAnswers(event: CampaignEvent, now: Date): void {
  const params = { id: shownId(event), title: event.title };
  if (event.status === 'cancelled') throw new DomainError('EVENT_CANCELLED', params);
  if (event.startsAt.getTime() <= now.getTime()) throw new DomainError('EVENT_STARTED', params);
}

/** Gives promoted supporters their reminders and queues the news that they have a seat. */
export async function announcePromotions(
  store: Store,
  campaign: Campaign,
  event: CampaignEvent,
  promoted: readonly Rsvp[],
  now: Date,
): Promise<void> {
  for (const rsvp of promoted) await syncSupporterReminders(store, campaign, event, rsvp, now);
  await store.notifications.enqueue(
    campaign.id,
    promoted.map((rsvp) => ({
      kind: 'waitlist_promotion',
      key: notificationKey('waitlist_promotion', event.id, rsvp.supporterId, now.getTime()),
      recipientId: rsvp.supporterId,
      eventId: event.id,
      dueAt: now,
    })),
  );
}

/** Makes one supporter's reminders for the event match their answer. */
export function syncSupporterReminders(
  store: Store,
  campaign: Campaign,
  event: CampaignEvent,
  rsvp: Rsvp,
  now: Date,
): Promise<void> {
  const rows = REMINDED_ANSWERS.includes(rsvp.answer)
    ? reminderRows(event, reminderOffsets(event, campaign), rsvp.supporterId, now)
    : [];
  return store.events.syncReminders(
    campaign.id,
    event.id,
    rows,
    { recipientId: rsvp.supporterId },
    `rsvp_${rsvp.answer}`,
  );
}
